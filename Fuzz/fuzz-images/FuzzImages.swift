// The PNG and JPEG readers, through the PDF document that embeds a seal, and the DOCX side's
// image measurer.
import FuzzSupport
import Foundation
import ShenbaoPDF

func fuzzImage(_ bytes: [UInt8]) {
    let document = PDFDocument()
    _ = try? document.addImage(data: Data(bytes), name: "fuzz")
}

@main struct Main {
    static func main() {
        FuzzMain.run("fuzz-images", fuzzImage) { data, size in
            fuzzImage(FuzzMain.bytes(data, size))
            return 0
        }
    }
}
