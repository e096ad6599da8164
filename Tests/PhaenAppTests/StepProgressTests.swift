import Foundation
import Testing
import PhaenCore
import PhaenStore
@testable import PhaenApp

/// Project step progress against the plan on a real (temporary SQLite) store with the demo
/// dataset: Phasi Charoen's FY2567 step plan has seven steps of weight 7 in fiscal months 3–8.
@Suite struct StepProgressTests {
    typealias F = ReportsFixture
    static let plan = "pc67-table-e-fragment"

    func form(_ month: String, _ percent: String, note: String = "") -> StepProgressForm {
        StepProgressForm(stepPlanID: Self.plan, month: month, percent: percent, note: note)
    }

    @Test("load gives the planned cumulative progress per month and nothing reported")
    func load() async throws {
        try await F.with { f in
            let view = try await StepProgress(store: f.store).load(person: f.executive, unit: F.unit, year: F.year)
            let months = try #require(view.plans.first { $0.stepPlan.id == Self.plan }).months
            #expect(months.map(\.planned) == [0, 0, 7, 14, 21, 35, 42, 49, 49, 49, 49, 49])
            #expect(months.allSatisfy { $0.actual == nil && !$0.isBehind })
            #expect(!view.editable)
        }
    }

    @Test("a reporter saves Thai digits; gap and behind follow; audit entry written; monotonic check")
    func save() async throws {
        try await F.with { f in
            let use = StepProgress(store: f.store)
            try await use.save(person: f.reporter, unit: F.unit, year: F.year, form: form("3", "๕", note: "ล่าช้า <b>"), now: F.now)
            try await use.save(person: f.reporter, unit: F.unit, year: F.year, form: form("4", "20"), now: F.now)
            let months = try #require(try await use.load(person: f.reporter, unit: F.unit, year: F.year).plans.first).months
            #expect(months[2].actual == 5 && months[2].gap == -2 && months[2].isBehind && months[2].note == "ล่าช้า <b>")
            #expect(months[3].actual == 20 && months[3].gap == 6 && !months[3].isBehind)
            let audit = try await f.store.audit(objectKind: "step-progress", objectKey: "1022/2567/\(Self.plan)/3")
            #expect(audit.count == 1 && audit[0].actor == "reporter" && audit[0].before == nil)

            // Below the previous month's, not a number, out of range, unknown month: Thai field errors, form kept.
            for (m, p, field) in [("5", "19", "percent"), ("5", "12..5", "percent"), ("5", "101", "percent"), ("13", "30", "month")] {
                let typed = form(m, p)
                do {
                    try await use.save(person: f.reporter, unit: F.unit, year: F.year, form: typed, now: F.now)
                    Issue.record("\(m) \(p) accepted")
                } catch let errors as StepProgressFormErrors {
                    #expect(errors.form == typed)
                    #expect(errors.fields[field] != nil, "\(m) \(p)")
                }
            }
            // Nothing changed by the refused saves.
            #expect(try await f.store.stepProgress(unitCode: F.unit, fiscalYear: F.year).count == 2)
        }
    }

    @Test("only reporters of the unit save; a foreign reporter does not see the unit")
    func access() async throws {
        try await F.with { f in
            let use = StepProgress(store: f.store)
            for person in [f.head, f.evaluator, f.executive] {
                await #expect(throws: StepProgressRefusal.self) {
                    try await use.save(person: person, unit: F.unit, year: F.year, form: form("3", "7"), now: F.now)
                }
            }
            await #expect(throws: AppError.self) {
                try await use.load(person: f.foreignReporter, unit: F.unit, year: F.year)
            }
            await #expect(throws: AppError.self) {
                try await use.save(person: f.foreignReporter, unit: F.unit, year: F.year, form: form("3", "7"), now: F.now)
            }
            let stored = try await f.store.stepProgress(unitCode: F.unit, fiscalYear: F.year)
            #expect(stored.isEmpty)
        }
    }

    @Test("the dashboard evaluates each step plan at today's fiscal month, scoped to visible units")
    func dashboard() async throws {
        try await F.with { f in
            let use = StepProgress(store: f.store)
            try await use.save(person: f.reporter, unit: F.unit, year: F.year, form: form("4", "10"), now: F.now)
            // 2024-02-15 is fiscal month 5 of FY2567: planned 21, actual (latest ≤ month 5) 10.
            let rows = try await use.dashboard(person: f.executive, year: F.year, today: CivilDate(year: 2024, month: 2, day: 15))
            let row = try #require(rows.first { $0.unitCode == F.unit && $0.stepPlanID == Self.plan })
            #expect(row.fiscalMonth == 5 && row.plannedNow == 21 && row.actual == 10 && row.gap == -11 && row.isBehind)
            #expect(try await use.dashboard(person: f.foreignReporter, year: F.year, today: CivilDate(year: 2024, month: 2, day: 15)).isEmpty)
            #expect(StepProgress.fiscalMonth(of: CivilDate(year: 2023, month: 9, day: 30), in: F.year) == 0)
            #expect(StepProgress.fiscalMonth(of: CivilDate(year: 2023, month: 10, day: 1), in: F.year) == 1)
            #expect(StepProgress.fiscalMonth(of: CivilDate(year: 2026, month: 1, day: 1), in: F.year) == 12)
        }
    }
}
