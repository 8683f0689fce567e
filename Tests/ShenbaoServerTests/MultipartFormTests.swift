import Foundation
@testable import ShenbaoServer
import Testing

/// The multipart/form-data parser: what browsers send, and what it refuses.
@Suite struct MultipartFormTests {
    func parse(_ text: String, boundary: String = "b0undary") throws -> MultipartForm {
        try MultipartForm(body: Data(text.utf8), boundary: boundary)
    }

    @Test func partsWithNamesFileNamesAndTypes() throws {
        let form = try parse("preamble\r\n--b0undary\r\nContent-Disposition: form-data; name=\"data\"; filename=\"申请 \\\"1\\\".yaml\"\r\nContent-Type: application/yaml\r\n\r\na: 1\r\n\r\n--b0undary\r\ncontent-disposition: form-data; name=seal\r\n\r\nPNG\r\n--b0undary--\r\nepilogue")
        #expect(form.parts.count == 2)
        #expect(form.part("data")?.filename == "申请 \"1\".yaml")
        #expect(form.part("data")?.contentType == "application/yaml")
        #expect(form.part("data")?.body == Data("a: 1\r\n".utf8))
        #expect(form.part("seal")?.body == Data("PNG".utf8))
        #expect(form.part("seal")?.filename == nil)
    }

    @Test func emptyFormAndEmptyPart() throws {
        #expect(try parse("--b0undary--\r\n").parts.isEmpty)
        let form = try parse("--b0undary\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n--b0undary--")
        #expect(form.part("x")?.body.isEmpty == true)
    }

    @Test func boundaryFromContentType() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=----WebKitFormBoundaryAbC") == "----WebKitFormBoundaryAbC")
        #expect(MultipartForm.boundary(contentType: "Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b\"") == "a b")
        #expect(MultipartForm.boundary(contentType: "multipart/mixed; boundary=x") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
    }

    @Test(arguments: [
        "no boundary at all",
        "--b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnever closed",
        "--b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\nno blank line",
        "--b0undary\r\nContent-Type: text/plain\r\n\r\nx\r\n--b0undary--",
        "--b0undary\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--b0undary--",
        "--b0undary\r\nbroken header line\r\n\r\nx\r\n--b0undary--",
        "--b0undaryX\r\n",
    ])
    func malformedBodiesAreRefused(_ text: String) {
        #expect(throws: APIError.self) { try parse(text) }
    }

    @Test func partCountAndHeaderSizeAreBounded() {
        let one = "--b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n"
        #expect(throws: APIError.self) { try parse(String(repeating: one, count: MultipartForm.maxParts + 1) + "--b0undary--") }
        let long = "--b0undary\r\nContent-Disposition: form-data; name=\"" + String(repeating: "a", count: MultipartForm.maxHeaderBytes) + "\"\r\n\r\nx\r\n--b0undary--"
        #expect(throws: APIError.self) { try parse(long) }
    }
}
