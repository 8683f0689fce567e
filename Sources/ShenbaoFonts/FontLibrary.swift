import Foundation
import ShenbaoCore

/// The fonts a render may use: the recorded main CJK font, the recorded fallback fonts, and
/// fontconfig's pick for characters none of them has.
///
/// Faces are loaded once and shared by every job (a `FontLibrary` is safe to use from many threads).
/// Recorded fallbacks come first so output does not depend on a machine's font set, and because
/// each `fc-match` process costs tens of milliseconds; its answers are cached.
public final class FontLibrary: @unchecked Sendable {
    /// The font records known to this library.
    public let records: [FontRecord]
    /// The record of the main font.
    public let main: FontRecord

    private let lock = NSLock()
    private var mainFaceCache: FontFace?
    private var facesByFile: [String: FontFace] = [:]
    private var fallbackCache: [UInt32: FontFace?] = [:]

    /// A library over `records`, whose main font is the one with id `defaultID` (else the first).
    public init(records: [FontRecord] = FontRecord.builtInRecords, defaultID: String? = nil) {
        let list = records.isEmpty ? [FontRecord.builtIn] : records
        self.records = list
        self.main = list.first { $0.id == defaultID } ?? list[0]
    }

    /// A library from a `fonts.yaml` record file.
    public convenience init(recordFile path: String) throws {
        let (records, defaultID) = try FontRecord.load(path: path)
        self.init(records: records, defaultID: defaultID)
    }

    /// The library a command uses: `$SHENBAO_FONTS` (a `fonts.yaml`) if set, else `fonts/fonts.yaml`
    /// beside the working directory or up to three folders above the executable, else the built-in record.
    /// Found once per process and shared, so its loaded faces and fallback answers serve every
    /// render and every request of a server alike.
    public static func standard() throws -> FontLibrary {
        try standardLibrary.get()
    }

    private static let standardLibrary = Result { try locateStandard() }

    private static func locateStandard() throws -> FontLibrary {
        if let env = ProcessInfo.processInfo.environment["SHENBAO_FONTS"], !env.isEmpty {
            return try FontLibrary(recordFile: env)
        }
        var candidates = [FileManager.default.currentDirectoryPath + "/fonts/fonts.yaml"]
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        for _ in 0..<4 {
            dir = dir.deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("fonts/fonts.yaml").path)
        }
        if let found = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) {
            return try FontLibrary(recordFile: found)
        }
        return FontLibrary()
    }

    /// The main CJK face, loaded on first use.
    ///
    /// Throws `font.missing` (exit 2) naming the Debian package to install when no recorded file exists.
    public func mainFace() throws -> FontFace {
        lock.lock()
        defer { lock.unlock() }
        if let face = mainFaceCache { return face }
        guard let file = main.existingFile else {
            throw ShenbaoFailure.unusable(.fontMissing, file: main.files.first,
                zh: "找不到默认中文字体 \(main.family)。请安装 Debian 软件包：sudo apt-get install \(main.package)",
                en: "the default CJK font \(main.family) is missing; install the Debian package: sudo apt-get install \(main.package)")
        }
        let face = try FontFace(path: file, index: main.faceIndex)
        mainFaceCache = face
        facesByFile["\(file):\(main.faceIndex)"] = face
        return face
    }

    /// A face that has a glyph for `scalar` when the main face does not: the first recorded fallback
    /// font that has it, else fontconfig's best match with Simplified Chinese preferred; nil when no
    /// installed font has it.
    public func fallbackFace(for scalar: Unicode.Scalar) -> FontFace? {
        lock.lock()
        if let cached = fallbackCache[scalar.value] { lock.unlock(); return cached }
        lock.unlock()
        let recorded = records.lazy.filter { $0 != self.main }.compactMap { record -> FontFace? in
            guard let file = record.existingFile else { return nil }
            return self.loadedFace(file, record.faceIndex, having: scalar)
        }.first
        let found = recorded ?? FontLibrary.fontconfigMatch(scalar).flatMap { loadedFace($0, $1, having: scalar) }
        lock.lock()
        fallbackCache[scalar.value] = found
        lock.unlock()
        return found
    }

    /// The face in `file` (loaded once), if it has a glyph for `scalar`.
    private func loadedFace(_ file: String, _ index: UInt32, having scalar: Unicode.Scalar) -> FontFace? {
        lock.lock()
        defer { lock.unlock() }
        let key = "\(file):\(index)"
        if let face = facesByFile[key] { return face.glyph(for: scalar) != nil ? face : nil }
        guard let face = try? FontFace(path: file, index: index) else { return nil }
        facesByFile[key] = face
        return face.glyph(for: scalar) != nil ? face : nil
    }

    /// The face to draw `scalar` with: the main face if it has the glyph, else a fallback, else nil.
    public func face(for scalar: Unicode.Scalar) throws -> FontFace? {
        let main = try mainFace()
        if main.glyph(for: scalar) != nil { return main }
        return fallbackFace(for: scalar)
    }

    /// Characters of `text` that no font can draw (neither the main font nor any fallback), each once,
    /// in order: what the validator reports as `glyph.missing`.
    public func missingScalars(in text: String) throws -> [Unicode.Scalar] {
        try mainFace().missingScalars(in: text).filter { fallbackFace(for: $0) == nil }
    }

    /// Splits `text` into runs that each use one face: the main face wherever it has the glyphs,
    /// a fallback face for characters it lacks (the main face is kept for characters no font has,
    /// so they show as `.notdef` and are reported by `missingScalars`).
    ///
    /// This is where every output format learns which face draws which character. When the main
    /// face has every glyph (nearly all form text), the one run carries its glyphs straight from
    /// the cmap and hmtx: Chinese text needs no shaping beyond that, and the widths are exactly
    /// those the layout measured with.
    public func runs(in text: String) throws -> [FontRun] {
        let main = try mainFace()
        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(text.unicodeScalars.count)
        var covered = true
        for (i, scalar) in text.unicodeScalars.enumerated() {
            guard let gid = main.glyph(for: scalar) else { covered = false; break }
            glyphs.append(ShapedGlyph(gid: gid, cluster: i, xAdvance: main.advance(glyph: gid)))
        }
        if covered { return [FontRun(face: main, text: text, scalarOffset: 0, glyphs: glyphs)] }
        var runs: [FontRun] = []
        var current: [Unicode.Scalar] = []
        var currentFace = main
        var start = 0
        for (i, s) in text.unicodeScalars.enumerated() {
            var face = main
            // Spaces and marks stay with the run they are in rather than splitting it.
            if FontFace.isDrawn(s), !s.properties.isWhitespace, main.glyph(for: s) == nil,
               let fallback = fallbackFace(for: s) {
                face = fallback
            } else if !current.isEmpty, (s.properties.isWhitespace || s.properties.generalCategory == .nonspacingMark),
                      currentFace.glyph(for: s) != nil || !FontFace.isDrawn(s) {
                face = currentFace
            }
            if face !== currentFace, !current.isEmpty {
                runs.append(FontRun(face: currentFace, text: String(String.UnicodeScalarView(current)), scalarOffset: start))
                current.removeAll()
                start = i
            }
            currentFace = face
            current.append(s)
        }
        if !current.isEmpty {
            runs.append(FontRun(face: currentFace, text: String(String.UnicodeScalarView(current)), scalarOffset: start))
        }
        return runs
    }

    /// Asks fontconfig for the best font for one character (`fc-match`); nil when fontconfig is absent.
    static func fontconfigMatch(_ scalar: Unicode.Scalar) -> (String, UInt32)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["fc-match", "-f", "%{file}\n%{index}", ":charset=\(String(scalar.value, radix: 16)):lang=zh-cn"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let out = (try? pipe.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
        guard lines.count >= 1, !lines[0].isEmpty else { return nil }
        return (String(lines[0]), lines.count > 1 ? UInt32(lines[1]) ?? 0 : 0)
    }
}

/// A stretch of text drawn with one face.
public struct FontRun: Sendable {
    /// The face to shape and draw the run with.
    public var face: FontFace
    /// The run's text.
    public var text: String
    /// Index of the run's first scalar in the whole text.
    public var scalarOffset: Int
    /// The glyphs, when they come straight from the cmap and need no shaping; nil: shape `text`.
    public var glyphs: [ShapedGlyph]?

    public init(face: FontFace, text: String, scalarOffset: Int, glyphs: [ShapedGlyph]? = nil) {
        self.face = face; self.text = text; self.scalarOffset = scalarOffset; self.glyphs = glyphs
    }
}
