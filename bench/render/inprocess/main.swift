// The in-process render benchmark (bench/render/README.md): three-copy application packs in one
// process, fonts and layout loaded once, timed phase by phase. `bench/render/run.sh [N]` runs it
// in a release build; it prints one line and checks nothing (the tests do that).
import Dispatch
import Foundation
import ShenbaoFonts
import ShenbaoFormLayout
import ShenbaoKit
import ShenbaoPrint

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 200 : 200
let root = FileManager.default.currentDirectoryPath
let library = try FontLibrary.standard()
let printer = try FormPrinter(layout: BuiltInForms.layout("application"), library: library)
let renderer = try PackRenderer(form: "application", fonts: library)
let document = try DataLoader.load(path: root + "/templates/samples/application.yaml")
let options = PrintOptions(copies: 3)
var size = 0
for _ in 0..<5 { size = try renderer.render(document, format: .pdf, options: options).bytes.count }

func time(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<count { try body() }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(count)
}
let context = try FormContexts.build(document: document)
let whole = try time { _ = try renderer.render(document, format: .pdf, options: options) }
let blocks = try time { _ = try printer.blocks(context: context) }
let layout = try time { _ = try printer.pages(context: context) }
let pdf = try time { _ = try printer.pdf(context: context, options: options) }
let docx = try time { _ = try printer.docx(context: context, options: options) }
print(String(format: "render bench (%d packs): whole %.2f ms/pack (validate+template+layout+PDF), "
    + "templates %.2f ms, templates+layout %.2f ms, PDF from context %.2f ms, DOCX %.2f ms; %d bytes/pack",
    count, whole, blocks, layout, pdf, docx, size))
