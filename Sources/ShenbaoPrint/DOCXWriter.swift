import Foundation
import ShenbaoCore

extension FormPrinter {
    /// The form as a Word document (see `DOCXDocument`).
    public func docx(context: Value, options: PrintOptions = PrintOptions()) throws -> Data {
        throw ShenbaoFailure.unusable("docx.unavailable", zh: "DOCX 输出尚未实现", en: "DOCX output is not implemented yet")
    }
}
