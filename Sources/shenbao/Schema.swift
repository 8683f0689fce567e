import ArgumentParser
import ShenbaoCore

/// `shenbao schema` (spec/cli.md).
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "输出表单的 JSON Schema Print a form's JSON Schema.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.lang) {
            throw ShenbaoFailure.unusable("not_implemented", zh: "尚未实现", en: "not implemented yet")
        }
    }
}
