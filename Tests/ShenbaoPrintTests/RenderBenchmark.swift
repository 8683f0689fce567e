import Foundation
import Testing
import ShenbaoCore
import ShenbaoLayout
@testable import ShenbaoPrint

/// The render benchmark (bench/render/README.md): three-copy application packs in one process,
/// fonts and layout loaded once. Runs only with SHENBAO_BENCH=1 (`bench/render/run.sh`), as it
/// measures rather than checks; targets ≤ 5 ms and ≤ 120 KB per pack in a release build.
@Suite struct RenderBenchmark {
    static let enabled = ProcessInfo.processInfo.environment["SHENBAO_BENCH"] == "1"

    @Test(.enabled(if: RenderBenchmark.enabled)) func threeCopyApplicationPacks() throws {
        let printer = try Support.printer("application")
        let document = try Support.document("templates/samples/application.yaml")
        let options = PrintOptions(copies: 3)
        let count = Int(ProcessInfo.processInfo.environment["SHENBAO_BENCH_N"] ?? "") ?? 200
        var size = 0
        for _ in 0..<5 { size = try printer.render(document: document, options: options, format: .pdf).0.count }

        func time(_ body: () throws -> Void) rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<count { try body() }
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(count)
        }
        let notice = try DataLoader.load(path: Support.file("templates/notices/shanghai-2024.yaml")).root
        let context = FormContext.build(data: document.root, notice: notice)
        let whole = try time { _ = try printer.render(document: document, options: options, format: .pdf) }
        let blocks = try time { _ = try printer.blocks(context: context) }
        let layout = try time { _ = try printer.pages(context: context) }
        let pdf = try time { _ = try printer.pdf(context: context, options: options) }
        let docx = try time { _ = try printer.docx(context: context, options: options) }
        let report = String(format: "render bench (%d packs): whole %.2f ms/pack (validate+template+layout+PDF), "
            + "templates %.2f ms, templates+layout %.2f ms, PDF from context %.2f ms, DOCX %.2f ms; %d bytes/pack",
            count, whole, blocks, layout, pdf, docx, size)
        print(report)
        #expect(size <= 120_000)
    }
}
