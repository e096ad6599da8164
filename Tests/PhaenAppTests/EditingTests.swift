import Foundation
import PhaenCore
import PhaenStore
import Testing
@testable import PhaenApp

@Suite struct EditingTests {
    typealias F = ReportsFixture
    static let project = "pc67-dredge-sanphakon"  // part2 row ๗, ๓๒๙,๑๐๐

    func form(_ plan: ActionPlan, budget: String? = nil, name: String? = nil, section: String? = nil) -> PlanEditing.ProjectForm {
        var form = PlanEditing.ProjectForm(plan.project(id: Self.project)!)
        if let budget { form.budget = budget }
        if let name { form.name = name }
        if let section { form.section = section }
        return form
    }

    @Test func badPlanInputSavesNothingAndNamesTheField() async throws {
        try await F.with { f in
            let editing = PlanEditing(store: f.store)
            let plan = try #require(try await f.store.plan(unitCode: F.unit, fiscalYear: F.year))
            for (typed, field) in [(form(plan, budget: "12..5"), "budget"), (form(plan, name: "  "), "name"),
                                   (form(plan, section: "ฝ่ายที่ไม่มีอยู่"), "section")] {
                let error = await #expect(throws: EditFormErrors.self) {
                    try await editing.saveProject(person: f.reporter, unit: F.unit, year: F.year, projectID: Self.project, form: typed, now: F.now)
                }
                #expect(error?.fields[field] != nil)
            }
            let list = await #expect(throws: EditFormErrors.self) {
                try await editing.saveList(person: f.reporter, unit: F.unit, year: F.year, listID: "part2",
                                           form: .init(statedTotal: "12..5", statedCount: "สามสิบ"), now: F.now)
            }
            #expect(list?.fields["statedTotal"]?.contains("12..5") == true && list?.fields["statedCount"] != nil)
            #expect(try await f.store.plan(unitCode: F.unit, fiscalYear: F.year) == plan)
            #expect(try await f.store.audit(objectKind: "plan", objectKey: "1022/2567").isEmpty)
        }
    }

    @Test func savingABudgetRecomputesTheTotalAndTheFindings() async throws {
        try await F.with { f in
            let editing = PlanEditing(store: f.store)
            let before = try await editing.load(person: f.reporter, unit: F.unit, year: F.year)
            #expect(before.editable)
            let oldTotal = try #require(before.plan.lists.first { $0.id == "part2" }).computedTotal
            let view = try await editing.saveProject(person: f.reporter, unit: F.unit, year: F.year, projectID: Self.project,
                                                     form: form(before.plan, budget: "๔๒๙,๑๐๐", section: "ฝ่ายโยธา"), now: F.now)
            let newTotal = try #require(view.plan.lists.first { $0.id == "part2" }).computedTotal
            #expect(newTotal - oldTotal == Money(baht: 100_000))
            let total = view.findings.first { $0.rule == "PLAN-TOTAL" && $0.location.contains("[part2]") }
            #expect(total?.computed == newTotal.plainString)
            #expect(view.plan.project(id: Self.project)?.section == "ฝ่ายโยธา")
            let audit = try await f.store.audit(objectKind: "plan", objectKey: "1022/2567")
            #expect(audit.count == 1 && audit[0].actor == "reporter")
            #expect(EditAuditSummary.lines(audit[0]).contains { $0.contains("๓๒๙,๑๐๐ → ๔๒๙,๑๐๐") })

            let added = try await editing.addProject(person: f.reporter, unit: F.unit, year: F.year, listID: "part1",
                                                     form: .init(name: "โครงการใหม่", budget: "1,000"), now: F.now)
            let part1 = try #require(added.plan.lists.first { $0.id == "part1" })
            #expect(part1.entries.count == 4 && added.findings.contains { $0.rule == "PLAN-COUNT" && $0.location.contains("[part1]") })
        }
    }

    @Test func onlyTheUnitsReportersEditThePlan() async throws {
        try await F.with { f in
            let editing = PlanEditing(store: f.store)
            let plan = try #require(try await f.store.plan(unitCode: F.unit, fiscalYear: F.year))
            let foreign = await #expect(throws: AppError.self) {
                try await editing.load(person: f.foreignReporter, unit: F.unit, year: F.year)
            }
            #expect(foreign?.kind == .notFound)
            for person in [f.head, f.evaluator, f.executive] {
                let refusal = await #expect(throws: EditRefusal.self) {
                    try await editing.saveProject(person: person, unit: F.unit, year: F.year, projectID: Self.project,
                                                  form: form(plan, budget: "1"), now: F.now)
                }
                #expect(refusal?.kind == .notAllowed)
                #expect(try await editing.load(person: person, unit: F.unit, year: F.year).editable == false)
            }
        }
    }

    @Test func thresholdsOutOfOrderAreRefusedAndWeightsAreAudited() async throws {
        try await F.with { f in
            let editing = AgreementEditing(store: f.store)
            let original = try #require(try await f.store.agreement(unitCode: F.unit, fiscalYear: F.year))
            let bad = AgreementEditing.KPIForm(weight: "20", direction: "higher", interpolate: false,
                                               thresholds: ["": ["70", "75", "75", "85", "90"]])
            let error = await #expect(throws: EditFormErrors.self) {
                try await editing.saveKPI(person: f.evaluator, unit: F.unit, year: F.year, kpi: F.traffy, form: bad, now: F.now)
            }
            #expect(error?.findings.first?.rule == "AGR-THRESHOLD-ORDER")
            #expect(error?.fields["criteria"]?.contains("ไม่เรียงตามระดับ") == true)
            let unreadable = await #expect(throws: EditFormErrors.self) {
                try await editing.saveKPI(person: f.evaluator, unit: F.unit, year: F.year, kpi: F.traffy,
                                          form: .init(weight: "12..5", thresholds: ["": ["60", "", "70", "75", "80"]]), now: F.now)
            }
            #expect(unreadable?.fields["weight"] != nil && unreadable?.fields[AgreementEditing.field(group: "", level: 2)] != nil)
            #expect(try await f.store.agreement(unitCode: F.unit, fiscalYear: F.year) == original)

            let refusal = await #expect(throws: EditRefusal.self) {
                try await editing.saveKPI(person: f.reporter, unit: F.unit, year: F.year, kpi: F.traffy, form: bad, now: F.now)
            }
            #expect(refusal?.kind == .notAllowed)

            let good = AgreementEditing.KPIForm(weight: "๒๕", direction: "higher", interpolate: true,
                                                thresholds: ["": ["50", "60", "65", "70", "75"]])
            let view = try await editing.saveKPI(person: f.evaluator, unit: F.unit, year: F.year, kpi: F.traffy, form: good, now: F.now)
            #expect(view.agreement.kpi(code: F.traffy)?.weight == 25)
            #expect(view.findings.contains { $0.rule == "AGR-WEIGHTS-100" })
            let audit = try await f.store.audit(objectKind: "agreement", objectKey: "1022/2567")
            #expect(audit.count == 1 && audit[0].actor == "evaluator")
            #expect(EditAuditSummary.lines(audit[0]).contains("น้ำหนักตัวชี้วัด 1.2: 20 → 25"))
        }
    }

    @Test func anAcceptedReportFreezesThePlan() async throws {
        try await F.with { f in
            let editing = PlanEditing(store: f.store)
            let plan = try #require(try await f.store.plan(unitCode: F.unit, fiscalYear: F.year))
            var report = ProgressReport(unitCode: F.unit, fiscalYear: F.year, round: .quarter(1), kpiCode: F.traffy)
            report.state = .accepted
            _ = try await f.store.saveReport(report, expectedVersion: nil, actor: "evaluator", now: F.now)
            #expect(try await editing.load(person: f.reporter, unit: F.unit, year: F.year).editable == false)
            #expect(try await editing.mayEdit(person: f.reporter, unit: F.unit, year: F.year) == false)
            let refusal = await #expect(throws: EditRefusal.self) {
                try await editing.saveProject(person: f.reporter, unit: F.unit, year: F.year, projectID: Self.project,
                                              form: form(plan, budget: "1"), now: F.now)
            }
            #expect(refusal?.kind == .notDraft)
        }
    }
}
