import Foundation
import ShenbaoCore

/// Where a font Shenbao relies on lives, which Debian package brings it, and how to check it.
///
/// Kept as data (`fonts/fonts.yaml`) so that swapping the font or adding a path for another
/// distribution needs no code; a built-in copy (`FontRecord.builtIn`) is used when the file is absent.
public struct FontRecord: Sendable, Hashable {
    /// Stable identifier (`uming-cn`).
    public var id: String
    /// Family name as fontconfig reports it (`AR PL UMing CN`).
    public var family: String
    /// Candidate paths, tried in order.
    public var files: [String]
    /// Face index inside a collection.
    public var faceIndex: UInt32
    /// The Debian package that installs the file, named in the "font missing" message.
    public var package: String
    /// Licence name, for the record and the README.
    public var licence: String
    /// SHA-256 of the file as recorded (checked by the tests, not on every run: hashing 20 MB per run costs).
    public var sha256: String

    public init(id: String, family: String, files: [String], faceIndex: UInt32, package: String,
                licence: String, sha256: String) {
        self.id = id
        self.family = family
        self.files = files
        self.faceIndex = faceIndex
        self.package = package
        self.licence = licence
        self.sha256 = sha256
    }

    /// AR PL UMing CN, face 0 of `uming.ttc` (Debian `fonts-arphic-uming`); mirrors `fonts/fonts.yaml`.
    public static let builtIn = FontRecord(
        id: "uming-cn", family: "AR PL UMing CN",
        files: ["/usr/share/fonts/truetype/arphic/uming.ttc"], faceIndex: 0,
        package: "fonts-arphic-uming", licence: "Arphic Public License",
        sha256: "fe952e55617275142d9cefd4d79eade4df446517b0478b2567d9bc7df49f70e2")

    /// DejaVu Sans (Debian `fonts-dejavu-core`): the recorded fallback for what UMing lacks
    /// (☑ ☐ — ∀), so forms print the same on every machine; mirrors `fonts/fonts.yaml`.
    public static let builtInFallback = FontRecord(
        id: "dejavu-sans", family: "DejaVu Sans",
        files: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"], faceIndex: 0,
        package: "fonts-dejavu-core", licence: "Bitstream Vera Fonts Copyright (free licence)",
        sha256: "abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322")

    /// The first existing file of the record, if any.
    public var existingFile: String? {
        files.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// Reads the records of a `fonts.yaml` file: `default: <id>` and a `fonts:` list of maps with
    /// `id family files face package licence sha256`. Returns the records and the default's id.
    public static func load(path: String) throws -> (records: [FontRecord], defaultID: String) {
        let doc = try DataLoader.load(path: path)
        var problems: [Diagnostic] = []
        var records: [FontRecord] = []
        let list: [Value]
        if case .list(let items)? = doc.root["fonts"] { list = items } else { list = [] }
        for (n, item) in list.enumerated() {
            let at = "fonts.\(n + 1)"
            func text(_ key: String) -> String? {
                guard let v = item[key], !v.isBlank else { return nil }
                return v.plainText
            }
            var files: [String] = []
            switch item["files"] {
            case .list(let items)?: files = items.map(\.plainText)
            case .text(let s)?: files = [s]
            default: break
            }
            guard let id = text("id"), let family = text("family"), !files.isEmpty, let package = text("package") else {
                problems.append(Diagnostic(id: .fontRecord, file: path, line: doc.line(of: at), path: at,
                    message: Localized(zh: "字体记录缺少 id、family、files 或 package。",
                                       en: "the font record lacks id, family, files or package.")))
                continue
            }
            records.append(FontRecord(id: id, family: family, files: files,
                                      faceIndex: UInt32(item["face"]?.number ?? 0), package: package,
                                      licence: text("licence") ?? "", sha256: text("sha256") ?? ""))
        }
        let defaultID = doc.root["default"]?.plainText ?? records.first?.id ?? ""
        if records.isEmpty || !records.contains(where: { $0.id == defaultID }) {
            problems.append(Diagnostic(id: .fontRecord, file: path, line: doc.line(of: "default"), path: "default",
                message: Localized(zh: "字体记录文件没有列出默认字体 “\(defaultID)”。",
                                   en: "the font record file does not list the default font “\(defaultID)”.")))
        }
        if !problems.isEmpty { throw ShenbaoFailure(.unusableInput, problems) }
        return (records, defaultID)
    }
}
