import ShenbaoCore

/// Every refusal of the PDF reader is an unusable input (exit 2) with its own diagnostic id, so the
/// CLI and tests tell a damaged file from a bomb or an encrypted one. The reader does not know the
/// file's name; `ShenbaoFailure(caught:file:)` at the caller fills it in.
extension ShenbaoFailure {
    static func pdf(_ id: Diagnostic.ID, zh: String, en: String) -> ShenbaoFailure {
        .unusable(id, zh: zh, en: en)
    }

    /// A file that breaks PDF syntax or points outside itself.
    static func pdfMalformed(_ zh: String, _ en: String) -> ShenbaoFailure {
        pdf(.pdfMalformed, zh: "PDF 文件已损坏：\(zh)", en: "damaged PDF file: \(en)")
    }

    static func pdfTooDeep(_ what: String, _ whatEn: String, limit: Int) -> ShenbaoFailure {
        pdf(.pdfTooDeep, zh: "PDF 的\(what)超过 \(limit) 层，已拒绝", en: "the PDF's \(whatEn) go deeper than \(limit) levels; refused")
    }

    static func pdfTooLarge(_ zh: String, _ en: String) -> ShenbaoFailure {
        pdf(.pdfTooLarge, zh: "\(zh)，已拒绝（可能是压缩炸弹或恶意文件）", en: "\(en); refused (possible decompression bomb or hostile file)")
    }

    static func pdfUnsupported(_ zh: String, _ en: String) -> ShenbaoFailure {
        pdf(.pdfUnsupported, zh: "不支持的 PDF 特性：\(zh)", en: "unsupported PDF feature: \(en)")
    }
}
