import Foundation
import ShenbaoCore
import ShenbaoTemplate

/// The images one filled document places: media parts, the relationships that point at them
/// from each part, and the content types they need. Each file is read and added once.
struct ImageSet {
    struct Media {
        var name: String
        var bytes: [UInt8]
        var widthEMU: Int
        var heightEMU: Int
        var ext: String
    }

    /// Folder against which relative image paths in the data are resolved (the data file's).
    var baseDirectory: String?
    /// Entry names already in the package, so media names never collide.
    var taken: Set<String>
    private(set) var media: [Media] = []
    private var mediaByPath: [String: Int] = [:]
    /// Per part: relationship id and media index, in the order first used.
    private(set) var relationships: [String: [(id: String, media: Int)]] = [:]
    private var docPrID = 0x5B00_0000

    init(baseDirectory: String?, taken: Set<String>) {
        self.baseDirectory = baseDirectory
        self.taken = taken
    }

    var extensions: Set<String> { Set(media.map(\.ext)) }

    /// The `w:drawing` XML (closing and reopening the `w:t` around it) for the image at `path`.
    mutating func drawing(for path: String, size: [Value], part: String, location: String) throws(Diagnostic) -> [UInt8] {
        let (rid, index) = try relationship(for: path, part: part, location: location)
        var (cx, cy) = (media[index].widthEMU, media[index].heightEMU)
        let w = size.first.flatMap(Self.emu), h = size.dropFirst().first.flatMap(Self.emu)
        switch (w, h) {
        case let (w?, h?): (cx, cy) = (w, h)
        case let (w?, nil): cy = cx > 0 ? cy * w / cx : w; cx = w
        default: break
        }
        docPrID += 1
        let name = media[index].name.split(separator: "/").last.map(String.init) ?? "image"
        let xml = "</w:t><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + "<wp:docPr id=\"\(docPrID)\" name=\"图片 \(docPrID - 0x5B00_0000)\"/>"
            + "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"\(name)\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:embed=\"\(rid)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
            + "</a:graphicData></a:graphic></wp:inline></w:drawing><w:t xml:space=\"preserve\">"
        return Array(xml.utf8)
    }

    /// The relationship from `part` to the image at `path` (added on first use) and the media index.
    mutating func relationship(for path: String, part: String, location: String) throws(Diagnostic) -> (id: String, media: Int) {
        let index = try load(path, location: location)
        var list = relationships[part] ?? []
        if let existing = list.first(where: { $0.media == index }) { return (existing.id, index) }
        let rid = "shenbaoImage\(index + 1)"
        list.append((rid, index))
        relationships[part] = list
        return (rid, index)
    }

    /// Length in EMU (914400 per inch, ECMA-376 Part 1 §20.1.2.1) from `"42mm"`, `"4.2cm"`,
    /// `"1.5in"`, `"120pt"`, `"200px"` (at 96 dpi); a bare number is millimetres.
    static func emu(_ value: Value) -> Int? {
        guard let points = Length.points(value.plainText, bare: .mm), points > 0, points < 1e6 else { return nil }
        return Int((points / Length.Unit.emu.points).rounded())
    }

    private mutating func load(_ path: String, location: String) throws(Diagnostic) -> Int {
        var resolved = path
        if !path.hasPrefix("/"), let base = baseDirectory {
            let candidate = (base as NSString).appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: candidate) { resolved = candidate }
        }
        if let index = mediaByPath[resolved] { return index }
        func bad(_ zh: String, _ en: String) -> Diagnostic {
            Diagnostic(id: .docxBadImage, path: location, message: Localized(zh: "图片“\(path)”\(zh)", en: "image \"\(path)\" \(en)"))
        }
        guard let data = FileManager.default.contents(atPath: resolved) else { throw bad("无法读取", "cannot be read") }
        guard data.count <= 20 << 20 else { throw bad("超过 20 MB", "is larger than 20 MB") }
        let bytes = [UInt8](data)
        guard let info = ImageInfo(bytes) else { throw bad("不是 PNG 或 JPEG 图片", "is not a PNG or JPEG image") }
        var n = media.count + 1
        var name = "word/media/shenbao-image\(n).\(info.ext)"
        while taken.contains(name) { n += 1; name = "word/media/shenbao-image\(n).\(info.ext)" }
        taken.insert(name)
        media.append(Media(name: name, bytes: bytes,
                           widthEMU: Int((Double(info.width) / info.dpiX * 914400).rounded()),
                           heightEMU: Int((Double(info.height) / info.dpiY * 914400).rounded()), ext: info.ext))
        mediaByPath[resolved] = media.count - 1
        return media.count - 1
    }
}

/// Pixel size and resolution of a PNG (IHDR, pHYs) or JPEG (SOF, JFIF density); 96 dpi when unstated.
struct ImageInfo {
    var width: Int, height: Int
    var dpiX = 96.0, dpiY = 96.0
    var ext: String

    init?(_ b: [UInt8]) {
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        func be32(_ i: Int) -> Int { be16(i) << 16 | be16(i + 2) }
        let format = ImageFormat.sniff(b)
        if b.count > 24, format == .png {
            ext = "png"
            width = be32(16); height = be32(20)
            var at = 8
            while at + 8 <= b.count {
                let length = be32(at)
                let type = String(decoding: b[(at + 4) ..< (at + 8)], as: UTF8.self)
                if type == "pHYs", at + 17 <= b.count, b[at + 16] == 1 {
                    let x = Double(be32(at + 8)) * 0.0254, y = Double(be32(at + 12)) * 0.0254
                    if x > 1 && y > 1 { dpiX = x; dpiY = y }
                }
                if type == "IDAT" || type == "IEND" { break }
                at += 12 + length
            }
        } else if b.count > 4, format == .jpeg {
            ext = "jpeg"
            width = 0; height = 0
            var at = 2
            while at + 4 <= b.count, b[at] == 0xFF {
                let marker = b[at + 1]
                let length = be16(at + 2)
                if marker == 0xE0, at + 16 <= b.count, b[(at + 4) ..< (at + 9)].elementsEqual([0x4A, 0x46, 0x49, 0x46, 0]) {
                    let units = b[at + 11], x = Double(be16(at + 12)), y = Double(be16(at + 14))
                    if units == 1, x > 1, y > 1 { dpiX = x; dpiY = y }
                    if units == 2, x > 1, y > 1 { dpiX = x * 2.54; dpiY = y * 2.54 }
                }
                if (0xC0 ... 0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC, at + 9 <= b.count {
                    height = be16(at + 5); width = be16(at + 7)
                    break
                }
                at += 2 + length
            }
        } else {
            return nil
        }
        guard width > 0, height > 0 else { return nil }
    }
}
