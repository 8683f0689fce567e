import ArgumentParser
import ShenbaoKit

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "消息语言 Message language: zh or en.")
    var lang: Lang = .zh
}

extension Lang: ExpressibleByArgument {}
