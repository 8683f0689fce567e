import Foundation
import ShenbaoTestSupport
import Testing

/// The golden texts must keep every difference that matters and only drop what does not:
/// standard SHA-256, XML compared by meaning, PDF streams kept as text unless binary.
@Suite struct GoldenTextTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Two blocks: the padding spills over.
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func canonicalXMLSortsAttributesDropsLayoutAndKeepsText() throws {
        let a = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:p xmlns:w="urn:w" w:b="2" w:a="1"><w:r><w:t xml:space="preserve"> 浦东 &amp; &lt;公司&gt; </w:t></w:r><w:br/></w:p>"#
        let b = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:p w:a="1"  w:b='2' xmlns:w="urn:w">
          <w:r><w:t xml:space="preserve"> 浦东 &#38; &#60;公司> </w:t></w:r>
          <w:br></w:br>
        </w:p>
        """
        let canonical = try CanonicalXML.format(Array(a.utf8))
        #expect(canonical == """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:p w:a="1" w:b="2" xmlns:w="urn:w">
              <w:r>
                <w:t xml:space="preserve"> 浦东 &amp; &lt;公司&gt; </w:t>
              </w:r>
              <w:br/>
            </w:p>

            """)
        #expect(try CanonicalXML.format(Array(b.utf8)) == canonical)
        // A changed space inside text is a change.
        #expect(try CanonicalXML.format(Array(a.replacingOccurrences(of: "> 浦东", with: ">浦东").utf8)) != canonical)
        // Broken parts are refused, not repaired into something that reads well.
        for broken in ["<a><b></a>", "<a x='1' x='2'/>", "<a>&nbsp;</a>", "<a>", "text"] {
            #expect(throws: CanonicalXML.Failure.self, "\(broken)") { try CanonicalXML.format(Array(broken.utf8)) }
        }
    }

    @Test func pdfTextKeepsTextStreamsAndHashesBinaryOnes() {
        let binary: [UInt8] = [0, 1, 2, 0xFF, 0x80, 10, 0x41]
        var pdf = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        pdf += Array("1 0 obj\n<< /Length 12 >>\nstream\nBT (a) Tj ET\nendstream\nendobj\n".utf8)
        pdf += Array("2 0 obj\n<< /Length1 3 /Length 7 >>\nstream\n".utf8) + binary + Array("\nendstream\nendobj\n".utf8)
        pdf += Array("xref\n0 3\n0000000000 65535 f\r\n%%EOF\n".utf8)
        let text = GoldenText.pdf(Data(pdf))
        #expect(text == """
            %PDF-1.7
            %\\xE2\\xE3\\xCF\\xD3
            1 0 obj
            << /Length 12 >>
            stream
            BT (a) Tj ET
            endstream
            endobj
            2 0 obj
            << /Length1 3 /Length 7 >>
            stream
            <binary stream: 7 bytes, sha256 \(SHA256.hex(binary))>
            endstream
            endobj
            xref
            0 3
            0000000000 65535 f\\x0D
            %%EOF

            """)
    }

    @Test func sealPNGIsTheSameOnEveryMachine() {
        let png = TestImages.sealPNG()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // 64 rows of a filter byte and 64 RGBA pixels, stored: the file's size is fixed.
        #expect(png.count == 8 + 25 + 12 + (2 + 5 + 64 * 257 + 4) + 12)
        #expect(TestImages.sealPNG() == png)
    }
}
