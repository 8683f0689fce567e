import Foundation
import ShenbaoCore
import ShenbaoDOCX
import ShenbaoFonts
import ShenbaoLayout
import ShenbaoZip

/// Writes a print pack as a Word document from the same blocks as the PDF: one section per
/// copy, each starting on an odd page with its page numbers restarting at 1 and its own header
/// carrying the copy mark (ECMA-376 Part 1 §17.6.17 sectPr, §17.18.94 ST_SectionMark). Word
/// breaks pages itself, so this backend writes each laid-out page's blocks (`Page.blocks`) after
/// a page break, a section per copy: an odd-page section break adds the blank back the PDF's
/// `PackPlan` adds.
public struct DOCXBackend: OutputBackend {
    let library: FontLibrary
    let measurer: any TextMeasurer

    public init(library: FontLibrary, measurer: any TextMeasurer) { self.library = library; self.measurer = measurer }

    public var format: OutputFormat { .docx }

    public func writer(title: String, setup: PageSetup, copies: Int, options: PrintOptions) throws -> any PageWriter {
        var writer = DOCXWriter(setup: setup, title: title, measurer: measurer, library: library, mainFace: try library.mainFace())
        if let seal = options.seal {
            guard let kind = ImageFormat.sniff(seal.data)?.fileExtension else {
                throw ShenbaoFailure.unusable(.imageUnsupported, file: seal.name,
                    zh: "印章图片应为 PNG 或 JPEG", en: "the seal image must be a PNG or JPEG")
            }
            writer.seal = (seal.data, kind)
        }
        return DOCXWriter.Document(writer: writer, copies: copies, draft: options.draft)
    }
}
