import ArgumentParser
import ShenbaoCore

/// `shenbao render` (spec/cli.md).
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "渲染表格为 PDF 或 DOCX Render a form to PDF or DOCX.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.lang) {
            throw ShenbaoFailure.unusable("not_implemented", zh: "尚未实现", en: "not implemented yet")
        }
    }
}
