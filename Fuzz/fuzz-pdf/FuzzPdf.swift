// The PDF reader behind verify and endorse: open, then everything verify asks of a file.
import FuzzSupport
import ShenbaoPDFReader

func fuzzPDF(_ bytes: [UInt8]) {
    guard let reader = try? PDFDocumentReader(bytes: bytes) else { return }
    _ = try? reader.pages()
    guard let signatures = try? reader.signatures() else { return }
    for signature in signatures {
        _ = try? reader.coveredBytes(of: signature)
        _ = reader.modifications(after: signature)
    }
}

@main struct Main {
    static func main() {
        FuzzMain.run("fuzz-pdf", fuzzPDF) { data, size in
            fuzzPDF(FuzzMain.bytes(data, size))
            return 0
        }
    }
}
