import Foundation
import ShenbaoTestSupport

/// `Fixtures.document()` signed by pyHanko three times, each an incremental update with a new
/// visible signature field (PAdES, a throwaway RSA key made with openssl), and a copy of the
/// two-signature file with one byte of the first revision's page content changed. Made once per
/// test run, in a temporary folder.
struct PyHankoFiles: Sendable {
    let folder: URL
    let key: String
    let certificate: String
    /// After one, two and three signatures.
    let signed: [URL]
    let tampered: URL

    static let made: Result<PyHankoFiles, any Error> = Result { try make() }

    struct ProcessFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Adds the field `argv[5]` on page `argv[6]` at the box `argv[7]` and signs it.
    private static let signScript = """
    import sys
    from pyhanko.sign import signers, fields
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    src, dst, key, cert, name, page, box = sys.argv[1:8]
    signer = signers.SimpleSigner.load(key, cert)
    with open(src, 'rb') as f:
        w = IncrementalPdfFileWriter(f)
        fields.append_signature_field(w, fields.SigFieldSpec(name, on_page=int(page), box=tuple(int(v) for v in box.split(','))))
        meta = signers.PdfSignatureMetadata(field_name=name, reason='申请', location='上海市',
                                            subfilter=fields.SigSeedSubFilter.PADES)
        with open(dst, 'wb') as out:
            signers.sign_pdf(w, meta, signer=signer, output=out)
    """

    /// `source` with a new signature field `field` on `page` at `box` ("x1,y1,x2,y2"), signed.
    func sign(_ source: URL, to output: URL, field: String, page: Int = 0, box: String = "10,10,110,60") throws {
        try Self.sign(source, to: output, key: key, certificate: certificate, field: field, page: page, box: box)
    }

    private static func sign(_ source: URL, to output: URL, key: String, certificate: String, field: String, page: Int, box: String) throws {
        let run = try Subprocess.python(signScript, [source.path, output.path, key, certificate, field, String(page), box])
        guard run.status == 0 else { throw ProcessFailure(description: "pyHanko: \(run.stderr)") }
    }

    private static func make() throws -> PyHankoFiles {
        let folder = try TestFolders.temporary("reader-pyhanko")
        let key = folder.appendingPathComponent("key.pem").path, cert = folder.appendingPathComponent("cert.pem").path
        let openssl = try Subprocess.run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                                                     "-days", "30", "-utf8", "-subj", "/CN=测试签名人/O=申报测试"])
        guard openssl.status == 0 else { throw ProcessFailure(description: "openssl: \(openssl.stderr)") }
        var previous = try Fixtures.write(Fixtures.document(), in: folder, "unsigned.pdf")
        var signed: [URL] = []
        for (i, (page, box)) in [(0, "10,10,110,60"), (1, "10,10,110,60"), (0, "150,10,250,60")].enumerated() {
            let out = folder.appendingPathComponent("signed\(i + 1).pdf")
            try sign(previous, to: out, key: key, certificate: cert, field: "Sig\(i + 1)", page: page, box: box)
            signed.append(out)
            previous = out
        }
        var bytes = try Fixtures.read(signed[1])
        let hello = Array("(Hello)".utf8)
        guard let at = (0...(bytes.count - hello.count)).first(where: { bytes[$0..<($0 + hello.count)].elementsEqual(hello) }) else {
            throw ProcessFailure(description: "no (Hello) in the first revision")
        }
        bytes[at + 1] = UInt8(ascii: "J")
        let tampered = try Fixtures.write(bytes, in: folder, "tampered.pdf")
        return PyHankoFiles(folder: folder, key: key, certificate: cert, signed: signed, tampered: tampered)
    }
}
