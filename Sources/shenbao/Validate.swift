import ArgumentParser
import ShenbaoCore

/// `shenbao validate` (spec/cli.md).
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "校验数据 Validate data files.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.lang) {
            throw ShenbaoFailure.unusable("not_implemented", zh: "尚未实现", en: "not implemented yet")
        }
    }
}
