import ArgumentParser
import ShenbaoCore

/// `shenbao check-template` (spec/cli.md).
struct CheckTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-template", abstract: "检查模板 Check a template.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.lang) {
            throw ShenbaoFailure.unusable("not_implemented", zh: "尚未实现", en: "not implemented yet")
        }
    }
}
