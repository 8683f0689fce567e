import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoForms
import ShenbaoPrint

/// `shenbao forms` (spec/cli.md): the built-in forms and notice configurations, with their files.
struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "forms", abstract: "列出内置表格与通知 List built-in forms and notices.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.lang) {
            let zh = global.lang == .zh
            var out = zh ? "表格 forms:\n" : "forms:\n"
            for name in BuiltInForms.names {
                let path = BuiltInForms.path(of: name)
                if let layout = try? BuiltInForms.layout(name) {
                    let copies = zh ? "默认 \(layout.copies) 份" : "\(layout.copies) \(layout.copies == 1 ? "copy" : "copies") by default"
                    out += "  \(name)\t\(layout.title)（\(copies)）\n    \(path)\n"
                    let definition = TemplatesFolder.url("definitions/\(layout.form).yaml").path
                    if FileManager.default.fileExists(atPath: definition) { out += "    \(definition)\n" }
                } else {
                    out += "  \(name)\t\(zh ? "（版式文件有误，运行 shenbao check-template 查看）" : "(layout has errors; run shenbao check-template)")\n    \(path)\n"
                }
            }
            out += zh ? "通知 notices:\n" : "notices:\n"
            let dir = TemplatesFolder.url("notices")
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            for file in files {
                let path = dir.appendingPathComponent(file).path
                if let notice = try? NoticeConfig.load(path: path) {
                    let deadline = zh ? "截止 \(notice.deadline.chinese)" : "deadline \(notice.deadline)"
                    out += "  \(notice.id)\t\(notice.documentNumber) \(notice.title)（\(deadline)）\n    \(path)\n"
                } else {
                    out += "  \(String(file.dropLast(5)))\n    \(path)\n"
                }
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
