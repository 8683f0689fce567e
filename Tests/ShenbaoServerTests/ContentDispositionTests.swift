@testable import ShenbaoServer
import Testing

@Suite struct ContentDispositionTests {
    /// RFC 6266 §4.3 with RFC 8187 encoding: the Chinese name survives, the fallback is plain ASCII.
    @Test func chineseNamesArePercentEncodedUTF8() {
        #expect(ContentDisposition.attachment(filename: "申请表 (1).pdf", asciiFallback: "application.pdf")
            == "attachment; filename=\"application.pdf\"; filename*=UTF-8''%E7%94%B3%E8%AF%B7%E8%A1%A8%20%281%29.pdf")
        #expect(ContentDisposition.attachment(filename: "a\"b.pdf", asciiFallback: "a\"b\\.pdf")
            == "attachment; filename=\"ab.pdf\"; filename*=UTF-8''a%22b.pdf")
    }
}
