import ArgumentParser
import ShenbaoCore

/// `shenbao fill` (spec/cli.md).
struct Fill: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fill", abstract: "用数据填充 Word 模板 Fill a tagged Word template.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.lang) {
            throw ShenbaoFailure.unusable("not_implemented", zh: "尚未实现", en: "not implemented yet")
        }
    }
}
