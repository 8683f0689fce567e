import ArgumentParser
import ShenbaoCore

/// `shenbao text` (spec/cli.md).
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "text", abstract: "渲染纯文本模板 Render a plain-text template.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.lang) {
            throw ShenbaoFailure.unusable("not_implemented", zh: "尚未实现", en: "not implemented yet")
        }
    }
}
