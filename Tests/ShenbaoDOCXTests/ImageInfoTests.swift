import ShenbaoCore
import Testing
@testable import ShenbaoDOCX

@Suite struct ImageInfoTests {
    @Test func jpegSizeAndDensityFromJFIFAndSOF() throws {
        // SOI, APP0 JFIF (300×300 dpi), SOF0 (height 600, width 900), EOI.
        let jpeg: [UInt8] = [0xFF, 0xD8,
                             0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x01, 0x01, 0x2C, 0x01, 0x2C, 0x00, 0x00,
                             0xFF, 0xC0, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x84, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
                             0xFF, 0xD9]
        let info = try #require(ImageInfo(jpeg))
        #expect(info.ext == "jpeg" && info.width == 900 && info.height == 600 && info.dpiX == 300 && info.dpiY == 300)
    }

    @Test func pngSizeAndDefaultResolution() throws {
        let info = try #require(ImageInfo(FillTests.png))
        #expect(info.ext == "png" && info.width == 1 && info.height == 1 && info.dpiX == 96)
        #expect(ImageInfo(Array("GIF89a......".utf8)) == nil)
    }

    @Test func lengthsConvertToEMU() {
        #expect(ImageSet.emu("42mm") == 1_512_000)
        #expect(ImageSet.emu("1in") == 914_400)
        #expect(ImageSet.emu("4.2cm") == 1_512_000)
        #expect(ImageSet.emu("96px") == 914_400)
        #expect(ImageSet.emu(.integer(10)) == 360_000)
        #expect(ImageSet.emu("wide") == nil)
    }
}
