import ArgumentParser
import ShenbaoCore

/// `shenbao forms` (spec/cli.md).
struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "forms", abstract: "列出内置表格与通知 List built-in forms and notices.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.lang) {
            throw ShenbaoFailure.unusable("not_implemented", zh: "尚未实现", en: "not implemented yet")
        }
    }
}
