import Foundation
import ShenbaoForms
import ShenbaoPDFReader
import ShenbaoSign
import X509

/// `shenbao verify`: every signature of every file, as a clerk without a PDF tool needs to know
/// it — who signed, when, whether the signed bytes are intact, whether the file changed after
/// (and how), whether the certificate was valid then and chains to the anchors given.
public struct SignatureReport: Sendable {
    public struct Signature: Sendable {
        public var field: String
        public var signer: String
        public var time: Date?
        public var algorithm: String
        public var intact: Bool
        public var coversWholeFile: Bool
        /// `none`, `allowed` (only later signatures, their fields and appearances) or `disallowed`.
        public var modifiedAfter: String
        public var certificateValid: Bool
        /// nil without `--trust`.
        public var trusted: Bool?
        public var problems: [Localized]

        /// Good: intact, changed after only in allowed ways, certificate valid, and trusted when asked.
        public var isGood: Bool { intact && modifiedAfter != "disallowed" && certificateValid && trusted != false }
    }

    public struct File: Sendable {
        public var file: String
        public var signatures: [Signature]
        /// Why the file could not be read at all (exit 2).
        public var failure: ShenbaoFailure?
    }

    public var files: [File] = []

    /// 0 when every signature is good, 1 when one is not (or a file has none), 2 when a file is no readable PDF.
    public var status: ExitStatus {
        if files.contains(where: { $0.failure != nil }) { return .unusableInput }
        return files.allSatisfy { !$0.signatures.isEmpty && $0.signatures.allSatisfy(\.isGood) } ? .ok : .invalidData
    }

    /// Verifies the signatures of `paths`, with the certificates in `trust` as anchors.
    public static func run(files paths: [String], trust: [String]) async -> SignatureReport {
        await run(inputs: paths.map { path in (path, {
            try InputFile.read(path, limit: maxPDFBytes, unreadable: .pdfNotPDF, tooLarge: .pdfTooLarge, limitText: maxPDFText)
        }) }, trust: trust)
    }

    /// Verifies a PDF already in memory (an upload), named `file` in the report.
    public static func run(pdf: Data, file: String, trust: [String]) async -> SignatureReport {
        await run(inputs: [(file, {
            guard pdf.count <= maxPDFBytes else {
                throw ShenbaoFailure.unusable(.pdfTooLarge, file: file, zh: "PDF 文件超过 \(maxPDFText) 上限", en: "the PDF exceeds the \(maxPDFText) limit")
            }
            return pdf
        })], trust: trust)
    }

    /// The one verification loop: each input named in messages and read when its turn comes.
    static func run(inputs: [(file: String, read: () throws -> Data)], trust: [String]) async -> SignatureReport {
        let paths = inputs.map(\.file)
        var report = SignatureReport()
        var anchors: [Certificate] = []
        do {
            for path in trust { anchors += try CertificateFile.read(path) }
        } catch {
            report.files = paths.map { File(file: $0, signatures: [], failure: ShenbaoFailure(caught: error, file: nil)) }
            return report
        }
        let verifier = CMSVerifier(trustAnchors: anchors)
        for (path, read) in inputs {
            do {
                let bytes = try read()
                let reader = try PDFDocumentReader(bytes: [UInt8](bytes))
                var signatures: [Signature] = []
                for signature in try reader.signatures() {
                    signatures.append(await check(signature, in: reader, verifier: verifier))
                }
                report.files.append(File(file: path, signatures: signatures))
            } catch {
                report.files.append(File(file: path, signatures: [], failure: ShenbaoFailure(caught: error, file: path)))
            }
        }
        return report
    }

    /// PDFs larger than this are not forms: refused before they are read.
    static let maxPDFBytes = 200 << 20, maxPDFText = "200 MB"

    static func check(_ signature: PDFSignature, in reader: PDFDocumentReader, verifier: CMSVerifier) async -> Signature {
        let modified = reader.modifications(after: signature).verdict.rawValue
        let time = signature.signingTime.flatMap(PDFDate.parse) ?? Date()
        let coverage = try? reader.coverage(of: signature)
        guard let covered = try? reader.coveredBytes(of: signature),
              let result = try? await verifier.verify(signature.contents, covered: covered, at: time) else {
            return Signature(field: signature.fieldName, signer: signature.signerName ?? "", time: signature.signingTime.flatMap(PDFDate.parse),
                             algorithm: "", intact: false, coversWholeFile: coverage?.coversWholeFile ?? false, modifiedAfter: modified,
                             certificateValid: false, trusted: nil,
                             problems: [Localized(zh: "签名数据无法读取", en: "the signature data cannot be read")])
        }
        let signer = [result.signer.commonName, result.signer.organization].compactMap { $0 }.joined(separator: "，")
        return Signature(field: signature.fieldName, signer: signer.isEmpty ? (signature.signerName ?? "") : signer,
                         time: signature.signingTime.flatMap(PDFDate.parse), algorithm: result.algorithm,
                         intact: result.intact && (coverage?.gapIsContents ?? false),
                         coversWholeFile: coverage?.coversWholeFile ?? false, modifiedAfter: modified,
                         certificateValid: result.certificateValid, trusted: result.trusted, problems: result.problems)
    }

    /// `{"files": [{"file", "signatures": [{"field", "signer", "time", "algorithm", "intact",
    /// "covers_whole_file", "modified_after", "certificate_valid", "trusted"}]}]}` (spec/cli.md).
    public func json(_ lang: Lang) -> String {
        let iso = ISO8601DateFormatter()
        let list: [Value] = files.map { file in
            var m = OrderedMap()
            m["file"] = .text(file.file)
            if let failure = file.failure {
                m["error"] = .text(failure.diagnostics.map { $0.formatted(lang) }.joined(separator: "; "))
            }
            m["signatures"] = .list(file.signatures.map { s in
                var o = OrderedMap()
                o["field"] = .text(s.field)
                o["signer"] = .text(s.signer)
                o["time"] = s.time.map { .text(iso.string(from: $0)) } ?? .null
                o["algorithm"] = .text(s.algorithm)
                o["intact"] = .bool(s.intact)
                o["covers_whole_file"] = .bool(s.coversWholeFile)
                o["modified_after"] = .text(s.modifiedAfter)
                o["certificate_valid"] = .bool(s.certificateValid)
                o["trusted"] = s.trusted.map(Value.bool) ?? .null
                return .map(o)
            })
            return .map(m)
        }
        return JSONText.encode(.map(OrderedMap([("files", .list(list))])))
    }

    /// The report as lines a person reads.
    public func text(_ lang: Lang) -> String {
        let zh = lang == .zh
        var out = ""
        for file in files {
            if let failure = file.failure {
                out += failure.diagnostics.map { $0.formatted(lang) }.joined(separator: "\n") + "\n"
                continue
            }
            if file.signatures.isEmpty { out += zh ? "\(file.file)：没有数字签名\n" : "\(file.file): no digital signatures\n"; continue }
            for s in file.signatures {
                func yes(_ b: Bool) -> String { zh ? (b ? "是" : "否") : (b ? "yes" : "no") }
                let trusted = s.trusted.map(yes) ?? (zh ? "未检查" : "not checked")
                out += zh
                    ? "\(file.file)：签名“\(s.field)” 签名人 \(s.signer)；\(s.algorithm)；内容完整：\(yes(s.intact))；覆盖整个文件：\(yes(s.coversWholeFile))；签名后修改：\(s.modifiedAfter)；证书有效：\(yes(s.certificateValid))；可信：\(trusted)\n"
                    : "\(file.file): signature “\(s.field)” by \(s.signer); \(s.algorithm); intact: \(yes(s.intact)); covers the whole file: \(yes(s.coversWholeFile)); modified after: \(s.modifiedAfter); certificate valid: \(yes(s.certificateValid)); trusted: \(trusted)\n"
                for p in s.problems { out += "  " + p.text(lang) + "\n" }
            }
        }
        return out
    }
}
