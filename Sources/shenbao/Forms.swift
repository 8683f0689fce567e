import ArgumentParser
import Foundation
import ShenbaoKit

/// `shenbao forms` (spec/cli.md): the built-in forms and notice configurations, with their files.
struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "forms", abstract: "列出内置表格与通知 List built-in forms and notices.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.lang) {
            let zh = global.lang == .zh
            var out = zh ? "表格 forms:\n" : "forms:\n"
            for form in Catalog.forms {
                if let title = form.title, let copies = form.copies {
                    let count = zh ? "默认 \(copies) 份" : "\(copies) \(copies == 1 ? "copy" : "copies") by default"
                    out += "  \(form.name)\t\(title)（\(count)）\n    \(form.path)\n"
                    if let definition = form.definition { out += "    \(definition)\n" }
                } else {
                    out += "  \(form.name)\t\(zh ? "（版式文件有误，运行 shenbao check-template 查看）" : "(layout has errors; run shenbao check-template)")\n    \(form.path)\n"
                }
            }
            out += zh ? "通知 notices:\n" : "notices:\n"
            for notice in Catalog.notices {
                if let number = notice.documentNumber, let title = notice.title {
                    let deadline = zh ? "截止 \(notice.deadlineChinese ?? "")" : "deadline \(notice.deadline ?? "")"
                    out += "  \(notice.id)\t\(number) \(title)（\(deadline)）\n    \(notice.path)\n"
                } else {
                    out += "  \(notice.id)\n    \(notice.path)\n"
                }
            }
            try AtomicFile.write(Data(out.utf8), to: "-")
        }
    }
}
