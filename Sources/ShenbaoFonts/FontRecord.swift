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
    /// The package's Debian version the checksum was taken from: a test compares it with the
    /// installed one, so an upgrade that changes the file is reported as a stale record, not a bad font.
    public var version: String
    /// Licence name, for the record and the README.
    public var licence: String
    /// SHA-256 of the file as recorded (checked by the tests, not on every run: hashing 20 MB per run costs).
    public var sha256: String

    public init(id: String, family: String, files: [String], faceIndex: UInt32, package: String,
                version: String, licence: String, sha256: String) {
        self.id = id
        self.family = family
        self.files = files
        self.faceIndex = faceIndex
        self.package = package
        self.version = version
        self.licence = licence
        self.sha256 = sha256
    }

    /// AR PL UMing CN, face 0 of `uming.ttc` (Debian `fonts-arphic-uming`); mirrors `fonts/fonts.yaml`.
    public static let builtIn = FontRecord(
        id: "uming-cn", family: "AR PL UMing CN",
        files: ["/usr/share/fonts/truetype/arphic/uming.ttc"], faceIndex: 0,
        package: "fonts-arphic-uming", version: "0.2.20080216.2-11", licence: "Arphic Public License",
        sha256: "fe952e55617275142d9cefd4d79eade4df446517b0478b2567d9bc7df49f70e2")

    /// The recorded fallbacks, in the order they are tried for what UMing lacks, before fontconfig;
    /// mirrors `fonts/fonts.yaml` (fonts/README.md has the coverage that set the order).
    ///
    /// DejaVu Sans comes first for the symbols forms use (☑ ☐ — ∀): it has no ideographs, so it
    /// never takes a hanzi, and text without rare characters prints as it did before the chain.
    /// Then the serif (Song/Ming) faces by coverage: Noto Serif CJK SC for nearly all of the basic
    /// block and Extension A, HanaMinB for Extensions B–F, BabelStone Han for G and H.
    public static let builtInFallbacks = [
        FontRecord(
            id: "dejavu-sans", family: "DejaVu Sans",
            files: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"], faceIndex: 0,
            package: "fonts-dejavu-core", version: "2.37-6", licence: "Bitstream Vera Fonts Copyright (free licence)",
            sha256: "abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322"),
        FontRecord(
            id: "noto-serif-cjk-sc", family: "Noto Serif CJK SC",
            files: ["/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"], faceIndex: 2,
            package: "fonts-noto-cjk", version: "1:20220127+repack1-1", licence: "SIL Open Font License 1.1",
            sha256: "a04178ec485dffdff7cc0c0c20e1fce9202d7e2160d805e8e44a4c8841c58481"),
        FontRecord(
            id: "hanamin-b", family: "HanaMinB",
            files: ["/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"], faceIndex: 0,
            package: "fonts-hanazono", version: "20170904-2.1",
            licence: "Hanazono Font License or SIL Open Font License 1.1",
            sha256: "829543436cdf7b4c6730e2af5806fa406f8ddf0d4b656e0cd49c58d4db1c8d3c"),
        FontRecord(
            id: "babelstone-han", family: "BabelStone Han",
            files: ["/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf"], faceIndex: 0,
            package: "fonts-babelstone-han", version: "15.0.5-2",
            licence: "Arphic Public License (some symbol glyphs CC BY-SA 3.0 or 4.0)",
            sha256: "a2027ca3606907f6a628e9cd869605e3879beaaa38b37c7fec95b372130628c8"),
    ]

    /// Every built-in record, the main font first: what a library uses without `fonts/fonts.yaml`.
    public static let builtInRecords = [builtIn] + builtInFallbacks

    /// The first existing file of the record, if any.
    public var existingFile: String? {
        files.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// Reads the records of a `fonts.yaml` file: `default: <id>` and a `fonts:` list of maps with
    /// `id family files face package version licence sha256`. Returns the records and the default's id.
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
                                      version: text("version") ?? "", licence: text("licence") ?? "", sha256: text("sha256") ?? ""))
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
