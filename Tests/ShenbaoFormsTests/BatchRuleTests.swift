import ShenbaoTestSupport
import Foundation
import Testing
import ShenbaoCore
@testable import ShenbaoForms

@Suite struct BatchRuleTests {
    func record(_ form: String, _ changes: [(String, Value?)]) throws -> (DataDocument, FormDefinition) {
        var doc = try Fixtures.sample(form)
        for (p, v) in changes { doc.root = setting(doc.root, p, v) }
        return (doc, try FormDefinition.load(name: form))
    }

    @Test func duplicateApplications() throws {
        let a = try record("application", [])
        var b = try record("application", [("applicant.credit_code", "9131 0115 3325 8034 73")])
        b.0.file = "b.yaml"
        let c = try record("application", [("project.name", "另一个项目")])
        let issues = BatchRules.check([a, b, c])
        #expect(issues[0].map(\.id) == ["duplicate"] && issues[1].map(\.id) == ["duplicate"] && issues[2].isEmpty)
        #expect(issues[0].first?.path == "applicant.credit_code")
        #expect(issues[0].first?.message.zh.contains("b.yaml") == true)
    }

    @Test func ranksOfOneRecommender() throws {
        let a = try record("opinion", [])
        let b = try record("opinion", [("application.credit_code", "91310000631696382C")])
        let c = try record("opinion", [("application.credit_code", "91310115MA1K3BTP2B"), ("recommender.name", "上海市徐汇区市场监督管理局")])
        let d = try record("opinion", [("application.credit_code", "9131012056010553X5"), ("rank", 2)])
        let issues = BatchRules.check([a, b, c, d])
        #expect(issues.map { $0.map(\.id) } == [["rank.duplicate"], ["rank.duplicate"], [], []])
        #expect(issues[0].first?.path == "rank")
    }
}
