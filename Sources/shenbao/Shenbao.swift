import ArgumentParser
import Foundation
import ShenbaoKit

/// `shenbao`: the one command line of the toolkit. Each subcommand lives in its own file.
@main
struct Shenbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shenbao",
        abstract: "申报：把结构化数据变成可打印的正式表格 (structured data → print-ready forms).",
        version: ShenbaoVersion.current,
        subcommands: [Fill.self, TextCommand.self, CheckTemplate.self, Validate.self, Schema.self,
                      Render.self, Endorse.self, Forms.self, Batch.self, BatchTemplateCommand.self, Verify.self, Serve.self]
    )

    static func main() {
        // A reader that went away (`shenbao … | head`) makes a write fail with EPIPE, which is
        // reported with exit 2, instead of the signal killing the process mid-file.
        signal(SIGPIPE, SIG_IGN)
        runLocalized()
    }
}
