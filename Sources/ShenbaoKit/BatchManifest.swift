import Crypto
import Foundation
import ShenbaoForms

/// What a batch wrote into OUTDIR and from what (`manifest.json`), so that a rerun redoes only
/// what is missing or out of date: per record folder, the hash of everything its files depend on
/// (the record's data, its opinion, the issues other records give it, the templates, the seal and
/// shenbao's version) and the files; for the reports and the summary, one hash over all records.
/// Written atomically after the records, also when interrupted; a manifest that cannot be read
/// (an older format, a damaged file) is as none: everything is redone, nothing is lost.
struct BatchManifest: Codable, Sendable, Equatable {
    struct Entry: Codable, Sendable, Equatable {
        var hash: String
        /// Paths relative to OUTDIR.
        var outputs: [String]
    }

    static let fileName = "manifest.json"

    var version = ShenbaoVersion.current
    /// By folder relative to OUTDIR (`records/001-上海某某有限公司`).
    var records: [String: Entry] = [:]
    /// The hash the batch-wide files were made from; nil until they were written.
    var aggregate: String?
    var aggregateOutputs: [String] = []

    /// The manifest in `folder`, or an empty one.
    static func load(from folder: String) -> BatchManifest {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path),
              let manifest = try? JSONDecoder().decode(BatchManifest.self, from: data),
              manifest.version == ShenbaoVersion.current else { return BatchManifest() }
        return manifest
    }

    func save(to folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(self), to: (folder as NSString).appendingPathComponent(Self.fileName))
    }
}

/// A SHA-256 over labelled parts, in hex: each part is length-prefixed, so no two lists of parts
/// hash alike by shifting bytes from one part to the next.
struct Fingerprint {
    private var hasher = SHA256()

    mutating func add(_ part: some DataProtocol) {
        var length = UInt64(part.count).bigEndian
        withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
        hasher.update(data: part)
    }

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    var hex: String { hasher.finalize().map { String(format: "%02x", $0) }.joined() }

    /// The built-in templates a batch renders with (every form layout, definition and notice),
    /// read once: a changed template redoes every record.
    static func templates() -> String {
        var print = Fingerprint()
        for folder in ["forms", "definitions", "notices"] {
            let url = TemplatesFolder.url(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            for name in names where name.hasSuffix(".yaml") {
                print.add(folder + "/" + name)
                print.add(FileManager.default.contents(atPath: url.appendingPathComponent(name).path) ?? Data())
            }
        }
        return print.hex
    }
}
