import Foundation
import ShenbaoTestSupport
import ShenbaoCore
import Testing
@testable import ShenbaoPDF
@testable import ShenbaoPDFWriter

@Suite("Images: PNG decoding with alpha, JPEG passthrough")
struct ImageTests {
    /// 7×6 RGBA with a horizontal alpha ramp.
    static let rgbaSamples: [UInt8] = {
        var out: [UInt8] = []
        for y in 0..<6 {
            for x in 0..<7 {
                let r = UInt8(x * 30), g = UInt8(y * 40), b = UInt8((x * y * 7) & 0xFF), a = UInt8(x * 40)
                out += [r, g, b, a]
            }
        }
        return out
    }()

    @Test func decodesAllFiltersRGBA() throws {
        let png = TestPNG.encode(width: 7, height: 6, colorType: 6, channels: 4, samples: Self.rgbaSamples)
        let image = try PNGImage(png, name: "t.png")
        #expect(image.width == 7 && image.height == 6 && image.colorComponents == 3)
        var color: [UInt8] = [], alpha: [UInt8] = []
        for p in 0..<42 {
            color += Self.rgbaSamples[p * 4..<p * 4 + 3]
            alpha.append(Self.rgbaSamples[p * 4 + 3])
        }
        #expect(image.color == color)
        #expect(image.alpha == alpha)
    }

    @Test func paletteWithTransparencyAndGray() throws {
        let palette: [UInt8] = [255, 0, 0, 0, 255, 0, 0, 0, 255]
        let indices: [UInt8] = [0, 1, 2, 1, 0, 2]
        let png = TestPNG.encode(width: 3, height: 2, colorType: 3, channels: 1, samples: indices,
                                 palette: palette, trns: [255, 0])
        let image = try PNGImage(png, name: nil)
        #expect(image.color == indices.flatMap { Array(palette[Int($0) * 3..<Int($0) * 3 + 3]) })
        #expect(image.alpha == indices.map { $0 == 1 ? 0 : 255 })

        let gray = TestPNG.encode(width: 4, height: 5, colorType: 0, channels: 1, samples: (0..<20).map { UInt8($0 * 12) })
        let g = try PNGImage(gray, name: nil)
        #expect(g.colorComponents == 1 && g.alpha == nil && g.color == (0..<20).map { UInt8($0 * 12) })
    }

    @Test func interlacedSixteenBitAndOneBit() throws {
        // 13×11 RGBA, 16 bits, Adam7: every pass is non-empty and some are ragged.
        let w = 13, h = 11
        func rgba(_ x: Int, _ y: Int) -> [Int] { [x * 5000, y * 6000, (x * y * 997) & 0xFFFF, 65535 - x * 4000] }
        let png = TestPNG.encodeRaw(width: w, height: h, colorType: 6, channels: 4, depth: 16, interlaced: true, pixel: rgba)
        let image = try PNGImage(png, name: nil)
        func eight(_ v: Int) -> UInt8 { UInt8((v * 255 + 32767) / 65535) }
        var color: [UInt8] = [], alpha: [UInt8] = []
        for y in 0..<h { for x in 0..<w { let p = rgba(x, y); color += p.prefix(3).map(eight); alpha.append(eight(p[3])) } }
        #expect(image.width == w && image.height == h)
        #expect(image.color == color)
        #expect(image.alpha == alpha)

        // 1-bit gray, not a multiple of 8 wide: 0 → black, 1 → white.
        func bit(_ x: Int, _ y: Int) -> [Int] { [(x + y) % 3 == 0 ? 1 : 0] }
        let mono = try PNGImage(TestPNG.encodeRaw(width: 10, height: 3, colorType: 0, channels: 1, depth: 1,
                                                  interlaced: false, pixel: bit), name: nil)
        var expected: [UInt8] = []
        for y in 0..<3 { for x in 0..<10 { expected.append(bit(x, y)[0] == 1 ? 255 : 0) } }
        #expect(mono.color == expected && mono.alpha == nil)
    }

    @Test func damagedImagesAreRefusedWithAnId() {
        let doc = PDFDocument()
        #expect(throws: (any Error).self) { try doc.addImage(data: Data("GIF89a".utf8), name: "x.gif") }
        do {
            _ = try doc.addImage(data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]), name: "bad.png")
            Issue.record("a truncated PNG was accepted")
        } catch let failure as ShenbaoFailure {
            #expect(failure.diagnostics.first?.id == "image.malformed")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(.requires(.poppler, .qpdf)) func pngAlphaBecomesSMaskAndJPEGPassesThrough() throws {
        let dir = try TestFolders.temporary("img")
        // A JPEG made by poppler from a one-rectangle PDF.
        let source = PDFDocument()
        let p = source.addPage(width: 40, height: 30)
        p.content.setFillColor(.rgb(0.9, 0.2, 0.1))
        p.content.rect(0, 0, 40, 15)
        p.content.fill()
        let sourcePath = dir.appendingPathComponent("src.pdf").path
        try source.finish().write(to: URL(fileURLWithPath: sourcePath))
        let made = try Subprocess.run("pdftoppm", ["-jpeg", "-r", "72", "-singlefile", sourcePath, dir.appendingPathComponent("photo").path])
        #expect(made.status == 0)
        let jpeg = try Data(contentsOf: dir.appendingPathComponent("photo.jpg"))

        let doc = PDFDocument()
        let page = doc.addPage(.a4)
        let png = try doc.addImage(data: Data(TestPNG.encode(width: 7, height: 6, colorType: 6, channels: 4, samples: Self.rgbaSamples)))
        let photo = try doc.addImage(data: jpeg, name: "photo.jpg")
        #expect(png.hasAlpha && png.pixelWidth == 7)
        #expect(photo.pixelWidth == 40 && photo.pixelHeight == 30)
        page.content.drawImage(png, x: 72, y: 600, width: 70, height: 60)
        page.content.drawImage(photo, x: 200, y: 600, width: 80, height: 60)
        let pdf = try doc.finish()
        #expect(pdf.range(of: jpeg) != nil, "the JPEG bytes are embedded unchanged")
        let file = dir.appendingPathComponent("img.pdf").path
        try pdf.write(to: URL(fileURLWithPath: file))
        #expect(try Subprocess.run("qpdf", ["--check", file]).status == 0)
        let list = try Subprocess.run("pdfimages", ["-list", file]).stdout
        let rows = list.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        // page num type width height color comp bpc enc …
        #expect(rows.contains { $0[2] == "image" && $0[3] == "7" && $0[5] == "rgb" })
        #expect(rows.contains { $0[2] == "smask" && $0[3] == "7" && $0[5] == "gray" })
        #expect(rows.contains { $0[2] == "image" && $0[3] == "40" && $0[8] == "jpeg" })
    }
}
