import Foundation
import ShenbaoTestSupport
import Synchronization
import Testing
import ShenbaoCore
@testable import ShenbaoFormLayout
@testable import ShenbaoPrint

/// A batch renders records in parallel with one printer: output must not depend on timing.
@Suite struct DeterminismTests {
    @Test(arguments: [OutputFormat.pdf, .docx])
    func parallelRendersGiveTheSameBytesAsOne(format: OutputFormat) throws {
        let printer = try Support.printer("application")
        let document = try Support.document("templates/samples/application.yaml")
        let options = PrintOptions(seal: SealImage(data: TestImages.sealPNG(), name: "seal.png"))
        let reference = try printer.render(document: document, options: options, format: format).0
        let results = Mutex<[Data]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let bytes = try? printer.render(document: document, options: options, format: format).0 {
                results.withLock { $0.append(bytes) }
            }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 8)
        for bytes in all { #expect(bytes == reference) }
    }
}
