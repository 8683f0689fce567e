import Testing
@testable import ShenbaoPDFReader
import ShenbaoCore
import ShenbaoPDFWriter
import ShenbaoTestSupport

/// The object syntax of ISO 32000-1 §7.2–7.3, token by token and object by object, including the
/// corners writers get wrong (a `/Length` that lies, a missing `endobj`).
@Suite struct LexerTests {
    private func parse(_ text: String) throws -> PDFObject {
        var parser = PDFParser(Array(text.utf8))
        return try parser.parseObject()
    }

    private func parse(bytes: [UInt8]) throws -> PDFObject {
        var parser = PDFParser(bytes)
        return try parser.parseObject()
    }

    @Test func numbers() throws {
        #expect(try parse("123") == .integer(123))
        #expect(try parse("-17") == .integer(-17))
        #expect(try parse("+5") == .integer(5))
        #expect(try parse("34.5") == .real(34.5))
        #expect(try parse("-.002") == .real(-0.002))
        #expect(try parse("4.") == .real(4))
        #expect(try parse("[0.0 -0]") == .array([.real(0), .integer(0)]))
        #expect(throws: ShenbaoFailure.self) { try parse("99999999999999999999999") }
        #expect(throws: ShenbaoFailure.self) { try parse("1.2.3") }
        #expect(throws: ShenbaoFailure.self) { try parse("--") }
    }

    @Test func namesDecodeHexEscapes() throws {
        #expect(try parse("/Name1") == .name("Name1"))
        #expect(try parse("/A#20B") == .name("A B"))
        #expect(try parse("/Lime#20Green#2F") == .name("Lime Green/"))
        #expect(try parse("/#E7#94#B3") == .name("申"))
        #expect(try parse("/Bad#zz") == .name("Bad#zz"))
        #expect(try parse("/") == .name(""))
    }

    @Test func literalStringsNestAndEscape() throws {
        #expect(try parse("(a (nested) string)") == .string(Array("a (nested) string".utf8)))
        #expect(try parse(#"(\(\)\\\n\r\t\b\f)"#) == .string([0x28, 0x29, 0x5C, 0x0A, 0x0D, 0x09, 0x08, 0x0C]))
        #expect(try parse(#"(\101\7\0053)"#) == .string([0x41, 0x07, 0x05, 0x33]))
        #expect(try parse("(line\\\ncontinued)") == .string(Array("linecontinued".utf8)))
        #expect(try parse("(a\r\nb\rc)") == .string(Array("a\nb\nc".utf8)))
        #expect(try parse(#"(\q)"#) == .string(Array("q".utf8)))
        #expect(throws: ShenbaoFailure.self) { try parse("(never closed") }
    }

    @Test func hexStrings() throws {
        #expect(try parse("<FEFF 7533>") == .hexString([0xFE, 0xFF, 0x75, 0x33]))
        #expect(try parse("<901FA>") == .hexString([0x90, 0x1F, 0xA0]))
        #expect(try parse("<>") == .hexString([]))
        #expect(throws: ShenbaoFailure.self) { try parse("<12G4>") }
        #expect(throws: ShenbaoFailure.self) { try parse("<1234") }
    }

    @Test func arraysDictionariesAndReferences() throws {
        #expect(try parse("[1 0 R 2 0 R 3 4]") == .array([.ref(PDFRef(1)), .ref(PDFRef(2)), .integer(3), .integer(4)]))
        #expect(try parse("[true false null]") == .array([.bool(true), .bool(false), .null]))
        let d = try parse("<</Type/Page%comment\n/Kids[5 0 R]/Null null/Sub<</A(x)>>>>")
        #expect(d == .dictionary(["Type": .name("Page"), "Kids": .array([.ref(PDFRef(5))]), "Sub": .dictionary(["A": .string([0x78])])]))
        #expect(throws: ShenbaoFailure.self) { try parse("<</Key>>") }
        #expect(throws: ShenbaoFailure.self) { try parse("<<(key) 1>>") }
        #expect(throws: ShenbaoFailure.self) { try parse("[1 2") }
        #expect(throws: ShenbaoFailure.self) { try parse("]") }
    }

    @Test func nestingIsBounded() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try parse(ok) != .null)
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let failure = try #require(throws: ShenbaoFailure.self) { try parse(deep) }
        #expect(failure.diagnostics.map(\.id) == ["pdf.too_deep"])
        let dictionaries = String(repeating: "<</A ", count: 10_000)
        #expect(throws: ShenbaoFailure.self) { try parse(dictionaries) }
    }

    private func indirect(_ text: String, length: Int? = nil) throws -> PDFIndirectObject {
        let bytes = Array(text.utf8)
        var parser = PDFParser(bytes, endstreamOffsets: offsets(of: "endstream", in: bytes))
        return try parser.indirectObject(expected: 7) { _ in length }.value
    }

    @Test func streamsTakeTheirLengthOrFindEndstream() throws {
        let right = try indirect("7 0 obj <</Length 5>> stream\nhello\nendstream endobj")
        #expect(right.stream?.data.elementsEqual("hello".utf8) == true)
        let indirectLength = try indirect("7 0 obj <</Length 9 0 R>> stream\r\nhello\r\nendstream\nendobj", length: 5)
        #expect(indirectLength.stream?.data.elementsEqual("hello".utf8) == true)
        let wrong = try indirect("7 0 obj <</Length 2>> stream\nhello\r\nendstream endobj")
        #expect(wrong.stream?.data.elementsEqual("hello".utf8) == true)
        let huge = try indirect("7 0 obj <</Length 4611686018427387904>> stream\nhello\nendstream endobj")
        #expect(huge.stream?.data.elementsEqual("hello".utf8) == true)
        let negative = try indirect("7 0 obj <</Length -3>> stream\nhello\nendstream")
        #expect(negative.stream?.data.elementsEqual("hello".utf8) == true)
        #expect(throws: ShenbaoFailure.self) { try indirect("7 0 obj <</Length 5>> stream\nhello") }
        #expect(throws: ShenbaoFailure.self) { try indirect("7 0 obj 5 stream\nhello\nendstream") }
    }

    @Test func indirectObjectsCheckTheirNumber() throws {
        #expect(try indirect("7 0 obj (x)") == .object(.string([0x78])))
        #expect(throws: ShenbaoFailure.self) { try indirect("8 0 obj (x) endobj") }
        #expect(throws: ShenbaoFailure.self) { try indirect("7 0 (x) endobj") }
    }
}
