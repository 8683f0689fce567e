import Foundation
import ShenbaoTestSupport
import Testing
import ShenbaoCore
import ShenbaoLayout
@testable import ShenbaoFormLayout
@testable import ShenbaoPrint

/// The opinion form laid out with the font-free `UniformMeasurer`, compared as text with a golden
/// in Snapshots/ (`assertSnapshot`): a change to the layout file or the layout engine shows up as a
/// readable diff. A missing golden is written and the test fails until it is reviewed.
@Suite struct FormSnapshotTests {
    @Test func opinionFormPositions() throws {
        let layout = try BuiltInForms.layout("opinion")
        let document = try Support.document("templates/samples/opinion.yaml")
        let notice = try DataLoader.load(path: Support.file("templates/notices/shanghai-2024.yaml")).root
        let blocks = try FormRenderer(layout: layout).blocks(data: FormContext.build(data: document.root, notice: notice))
        let measurer = UniformMeasurer()
        let pages = PageFurniture(measurer: measurer).numbered(Layout(measurer: measurer, setup: layout.page).pages(blocks))
        assertSnapshot(pages.map(\.snapshot).joined(), named: "opinion")
    }
}
