import Testing
import ShenbaoPDFReader
import ShenbaoPDFWriter

/// Text strings (ISO 32000-1 §7.9.2.2) in their three encodings, and PDF dates (§7.9.4).
@Suite struct TextTests {
    @Test func textStrings() {
        #expect(PDFText.decode([0xFE, 0xFF, 0x75, 0x33, 0x62, 0xA5]) == "申报")
        #expect(PDFText.decode([0xEF, 0xBB, 0xBF] + Array("申报".utf8)) == "申报")
        #expect(PDFText.decode(Array("Caf".utf8) + [0xE9, 0x80, 0x93, 0xA0]) == "Café•ﬁ€")
        #expect(PDFText.decode(.hexString([0xFE, 0xFF, 0x00, 0x41])) == "A")
        #expect(PDFText.decode(.integer(1)) == nil)
    }

    @Test func dates() {
        #expect(PDFDate.parse("D:20241201093000+08'00'")?.timeIntervalSince1970 == 1_733_016_600)
        #expect(PDFDate.parse("D:20241201013000Z")?.timeIntervalSince1970 == 1_733_016_600)
        #expect(PDFDate.parse("D:2024")?.timeIntervalSince1970 == 1_704_067_200)
        #expect(PDFDate.parse("D:20241301") == nil)
        #expect(PDFDate.parse("yesterday") == nil)
    }
}
