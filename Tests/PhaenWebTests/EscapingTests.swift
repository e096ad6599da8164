import Foundation
import Hummingbird
import HummingbirdTesting
import PhaenApp
import PhaenCore
import PhaenStore
import Testing
@testable import PhaenWeb

extension WebTests {
/// Everything a page shows is escaped, including the text drawn into the SVG charts.
@Suite struct EscapingTests {
    static let evil = "<script>alert('phaen')</script> สำนักงาน\"ทดสอบ\" & ก"

    /// Its own database: a unit, plan and agreement whose every text carries a script tag.
    static func database() async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("phaen-escape-\(UUID().uuidString).sqlite").path
        let store = try await PhaenStore.open("sqlite:\(path)")
        do {
            _ = try await store.migrate()
            var dataset = Dataset()
            dataset.units = [Unit(code: "9001", kind: .office, nameTH: evil, sections: [Section(name: evil)])]
            let project = Project(id: "p1", name: evil, budget: BudgetCell(printed: "1,000"), section: evil)
            dataset.plans = [ActionPlan(
                unitCode: "9001", fiscalYear: FiscalYear(2567), title: evil, foreword: evil,
                vision: [evil], projects: [project],
                lists: [ProjectList(id: "l1", title: evil, entries: [ListEntry(number: "1", projectID: "p1", group: evil)],
                                    statedTotal: BudgetCell(printed: "2,000"))],
                stepPlans: [StepPlan(id: "s1", title: evil, steps: [PlanStep(number: "1", text: evil, weight: 100, cumulative: 100, months: [1, 2])])])]
            dataset.agreements = [Agreement(unitCode: "9001", fiscalYear: FiscalYear(2567), pointsScheme: .twentyToHundred, components: [
                Component(number: "1", name: evil, kpis: [AgreementKPI(code: "1.1", name: evil, weight: 100,
                    criteria: .judged(JudgedCriteria(levels: [evil])), target: evil)]),
            ])]
            _ = try await store.importDataset(dataset)
            try await Accounts(store: store, bcryptCost: 4).createUser(username: "eva", role: .evaluator, unitCode: nil,
                                                                       password: SeededDatabase.password)
        } catch {
            try? await store.shutdown()
            throw error
        }
        try await store.shutdown()
        return "sqlite:\(path)"
    }

    @Test func thaiTextWithAScriptTagIsShownAsText() async throws {
        try await withApp(databaseURL: try await Self.database()) { client in
            let eva = try await client.signIn("eva")
            for path in ["/units", "/units/9001", "/units/9001/plans/2567", "/units/9001/agreements/2567",
                         "/units/9001/scores/2567", "/dashboard"] {
                let page = try await client.get(path, as: eva)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.text.contains("<script>"), "\(path) contains a raw script tag")
                #expect(page.text.contains("&lt;script&gt;alert(&#39;phaen&#39;)&lt;/script&gt;"), "\(path)")
            }
            let plan = try await client.get("/units/9001/plans/2567", as: eva)
            // Inside the Gantt drawing too.
            #expect(plan.text.contains("<title>ขั้นตอนที่ 1 &lt;script&gt;"))
        }
    }
}
}
