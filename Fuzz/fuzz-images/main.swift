// The PNG and JPEG readers, through the PDF document that embeds a seal, and the DOCX side's
// image measurer.
import FuzzSupport
import Foundation
import ShenbaoPDF

func fuzzImage(_ bytes: [UInt8]) {
    let document = PDFDocument()
    _ = try? document.addImage(data: Data(bytes), name: "fuzz")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzImage(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
FuzzReplay.main("fuzz-images", fuzzImage)
#endif
