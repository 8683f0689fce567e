import Testing
@testable import ShenbaoPDF
@testable import ShenbaoPDFWriter

/// PDF real numbers (ISO 32000-1 §7.3.3), now written straight into content-stream bytes.
@Suite("Numbers in content streams")
struct NumberFormatTests {
    @Test func fourDecimalsTrimmedNoExponent() {
        let cases: [(Double, String)] = [
            (0, "0"), (0.05, "0.05"), (-1.5, "-1.5"), (12.34567, "12.3457"), (100, "100"), (0.00004, "0"),
            (-0.00006, "-0.0001"), (1e13, "1000000000000"), (-1e13, "-1000000000000"), (.nan, "0"),
            (.infinity, "0"), (1234567.0001, "1234567.0001"), (0.1, "0.1"), (10.0001, "10.0001"),
            (0.001, "0.001"), (595.2756, "595.2756"), (9, "9"), (10, "10"), (-0.5, "-0.5"), (1000.01, "1000.01"),
        ]
        for (value, text) in cases {
            #expect(PDFObject.format(value) == text, "\(value)")
            var bytes: [UInt8] = [UInt8(ascii: "x")]
            PDFObject.append(value, to: &bytes)
            #expect(bytes == [UInt8(ascii: "x")] + Array(text.utf8), "\(value)")
        }
    }

    @Test func operatorsReadAsBefore() {
        var content = ContentStream()
        content.setLineWidth(0.5)
        content.rect(70, 690.25, 455, 90)
        content.setFillColor(.rgb(1, 0.5, 0))
        content.transform(1, 0, 0, 1, -2.5, 3)
        #expect(String(decoding: content.bytes, as: UTF8.self) == "0.5 w\n70 690.25 455 90 re\n1 0.5 0 rg\n1 0 0 1 -2.5 3 cm\n")
    }
}
