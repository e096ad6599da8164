import Foundation
import Testing
import PhaenCore
import PhaenStore
@testable import PhaenApp

/// Budget disbursement use cases on a real (temporary SQLite) store with the demo dataset,
/// whose Phasi Charoen FY2567 records total 6,091,400 disbursed of 13,803,500 as of 31 Mar 2567.
@Suite struct DisbursementAppTests {
    typealias F = ReportsFixture
    static let march = CivilDate(year: 2024, month: 3, day: 31)

    /// Gives Phasi Charoen group B and a disbursement KPI (3.2, interpolated per-group thresholds).
    func addDisbursementKPI(_ f: F) async throws {
        var groups = Dataset()
        groups.unitGroups = [UnitGroupAssignment(unitCode: F.unit, fiscalYear: F.year, group: "B")]
        _ = try await f.store.importDataset(groups)
        var agreement = try #require(try await f.store.agreement(unitCode: F.unit, fiscalYear: F.year))
        var kpi = AgreementKPI(code: "3.2", name: "ความสำเร็จของการเบิกจ่ายงบประมาณในภาพรวม", weight: 10,
                               criteria: .thresholds(ThresholdCriteria(direction: .higher, interpolate: true, table: .perGroup([
                                   "A": [60, 65, 70, 75, 80], "B": [40, 45, 50, 55, 60]]))))
        kpi.resultSource = .disbursement
        agreement.components.append(Component(number: "3", name: "Potential Base", kpis: [kpi]))
        try await f.store.saveAgreement(agreement, actor: "evaluator", now: F.now)
    }

    @Test("the disbursement KPI takes its result from the records and moves when a disbursement is recorded")
    func kpiMoves() async throws {
        try await F.with { f in
            try await addDisbursementKPI(f)
            let score = ScoreUnitYear(data: f.store)
            var kpi = try #require(try await score(unitCode: F.unit, fiscalYear: F.year).allKPIs.first { $0.code == "3.2" })
            #expect(kpi.level.map { Scorer.rounded($0, 3) } == Decimal(string: "1.826"))
            #expect(kpi.explanation.hasPrefix("จากข้อมูลการเบิกจ่าย ณ 31 มี.ค. 2567: 6,091,400 / 13,803,500 = 44.13 %; "))

            let tracking = DisbursementTracking(store: f.store)
            try await tracking.record(person: f.reporter, unit: F.unit, year: F.year,
                                      form: BudgetForm(kind: "disbursement", type: "งบดำเนินงาน", date: "30/4/2567", amount: "๑,๐๐๐,๐๐๐"),
                                      now: F.now)
            kpi = try #require(try await score(unitCode: F.unit, fiscalYear: F.year).allKPIs.first { $0.code == "3.2" })
            #expect(kpi.explanation.hasPrefix("จากข้อมูลการเบิกจ่าย ณ 30 เม.ย. 2567: 7,091,400 / 13,803,500 = 51.37 %"))
            #expect(kpi.level.map { Scorer.rounded($0, 3) } == Decimal(string: "3.274"))

            let view = try await tracking.load(person: f.executive, unit: F.unit, year: F.year, asOf: Self.march)
            #expect(view.table.totalDisbursed == Money(baht: 6_091_400))
            #expect(view.kpi?.code == "3.2" && !view.canRecord)

            let city = try await tracking.city(person: f.evaluator, year: F.year, asOf: Self.march)
            let row = try #require(city.first { $0.unit.code == F.unit })
            #expect(row.standing.target == 50 && row.standing.isBehind && row.standing.group == "B")
            #expect(row.standing.quarterPercents.count == 4 && row.standing.quarterPercents[2] == nil)
            #expect(city.contains { $0.unit.code == "4001" && Scorer.rounded($0.standing.table.totalPercent, 2) == Decimal(string: "32.3") })
        }
    }

    @Test("a form with bad input comes back with Thai field messages and what was typed; nothing saved")
    func formErrors() async throws {
        try await F.with { f in
            let tracking = DisbursementTracking(store: f.store)
            let before = try await f.store.budgetRecords(unitCode: F.unit, fiscalYear: F.year)
            let cases: [(BudgetForm, String)] = [
                (BudgetForm(kind: "disbursement", type: "งบลงทุน", date: "1/10/2567", amount: "100"), "date"),
                (BudgetForm(kind: "disbursement", type: "งบลงทุน", date: "1/3/2567", amount: "-5"), "amount"),
                (BudgetForm(kind: "disbursement", type: "งบลงทุน", date: "1/3/2567", amount: "12.345"), "amount"),
                (BudgetForm(kind: "disbursement", type: "งบบุคลากร", date: "1/3/2567", amount: "1"), "type"),
                (BudgetForm(kind: "disbursement", type: "งบลงทุน", date: "1/3/2567", amount: "5,000,000"), "amount"),
                (BudgetForm(kind: "transfer", from: "central", to: "", date: "1/3/2567", amount: "600000", reason: "คืน"), "amount"),
                (BudgetForm(kind: "transfer", from: "", to: "", date: "1/3/2567", amount: "1", reason: ""), "to"),
            ]
            for (form, field) in cases {
                do {
                    try await tracking.record(person: f.head, unit: F.unit, year: F.year, form: form, now: F.now)
                    Issue.record("accepted \(form)")
                } catch let errors as BudgetFormErrors {
                    #expect(errors.form == form)
                    #expect(errors.fields[field] != nil, "\(form) → \(errors.fields)")
                }
            }
            #expect(try await f.store.budgetRecords(unitCode: F.unit, fiscalYear: F.year) == before)
        }
    }

    @Test("import: every bad row reported by row and column, nothing written; a good file is written and audited")
    func importFile() async throws {
        try await F.with { f in
            let tracking = DisbursementTracking(store: f.store)
            let before = try await f.store.budgetRecords(unitCode: F.unit, fiscalYear: F.year)
            let bad = """
            รหัสหน่วยงาน,ประเภทงบ,วันที่,จำนวนเงิน
            1022,งบลงทุน,2024-04-01,"1,000.50"
            1022,งบเงินเดือน,2024-04-01,10
            1022,งบลงทุน,2024-10-01,10
            1022,งบลงทุน,2024-04-01,-10
            1001,งบลงทุน,2024-04-01,10
            1022,งบลงทุน,วันนี้,สิบบาท
            """
            do {
                _ = try await tracking.importFile(person: f.reporter, unit: F.unit, year: F.year, data: Data(bad.utf8),
                                                  fileName: "เบิกจ่าย.csv", now: F.now)
                Issue.record("bad file imported")
            } catch let errors as DisbursementImportErrors {
                #expect(errors.rows.map(\.row) == [3, 4, 5, 6, 7, 7])
                #expect(errors.rows[0].column == "ประเภทงบ (คอลัมน์ B)")
                #expect(errors.rows[1].message == "วันที่ 1 ต.ค. 2567 อยู่นอกปีงบประมาณ 2567 (1 ต.ค. 2566 – 30 ก.ย. 2567)")
                #expect(errors.rows[2].message == "จำนวนเงินต้องไม่ติดลบ")
                #expect(errors.rows[3].column.hasPrefix("รหัสหน่วยงาน"))
            }
            // Over the allocation on the third row: that row is named, nothing written.
            let over = "1022,งบลงทุน,2024-04-01,100\n1022,งบกลาง,2024-04-02,500000\n1022,งบกลาง,2024-04-03,0.01\n"
            do {
                _ = try await tracking.importFile(person: f.reporter, unit: F.unit, year: F.year, data: Data(over.utf8),
                                                  fileName: "x.csv", now: F.now)
                Issue.record("overspend imported")
            } catch let errors as DisbursementImportErrors {
                #expect(errors.rows.map(\.row) == [3])
                #expect(errors.rows[0].message.contains("งบกลาง: เบิกจ่ายสะสม ณ 3 เม.ย. 2567 500,000.01 บาท เกินงบประมาณหลังปรับโอน 500,000 บาท"))
            }
            #expect(try await f.store.budgetRecords(unitCode: F.unit, fiscalYear: F.year) == before)

            let good = "วันที่\tจำนวนเงิน\tประเภทงบ\tรหัสหน่วยงาน\tโครงการ\n๑ เม.ย. ๒๕๖๗\t๒๐๘,๔๐๐\tinvestment\t1022\tpc67-dredge-maenya2\n"
            let count = try await tracking.importFile(person: f.head, unit: F.unit, year: F.year, data: Data(good.utf8),
                                                      fileName: "x.tsv", now: F.now)
            #expect(count == 1)
            let after = try await f.store.budgetRecords(unitCode: F.unit, fiscalYear: F.year)
            #expect(after.disbursements.count == before.disbursements.count + 1)
            #expect(after.disbursed(toProject: "pc67-dredge-maenya2", asOf: F.year.end) == Money(baht: 208_400))

            let money = try await tracking.moneyAgainstResults(person: f.executive, unit: F.unit, year: F.year, asOf: F.year.end)
            let dredge = try #require(money.projects.first { $0.projectID == "pc67-dredge-maenya2" })
            #expect(dredge.spentPercent == 100)
        }
    }

    @Test("who may record: reporters and heads of the unit, evaluators; executives read; another unit's reporter gets not-found")
    func access() async throws {
        try await F.with { f in
            let tracking = DisbursementTracking(store: f.store)
            let form = BudgetForm(kind: "allocation", type: "งบกลาง", amount: "500000")
            for person in [f.reporter, f.head, f.evaluator] {
                try await tracking.record(person: person, unit: F.unit, year: F.year, form: form, now: F.now)
            }
            await #expect(throws: DisbursementRefusal.self) {
                try await tracking.record(person: f.executive, unit: F.unit, year: F.year, form: form, now: F.now)
            }
            await #expect(throws: AppError.self) {
                try await tracking.record(person: f.foreignReporter, unit: F.unit, year: F.year, form: form, now: F.now)
            }
            await #expect(throws: AppError.self) {
                _ = try await tracking.load(person: f.foreignReporter, unit: F.unit, year: F.year, asOf: Self.march)
            }
            #expect(try await tracking.city(person: f.foreignReporter, year: F.year, asOf: Self.march).allSatisfy { $0.unit.code == "1001" })
        }
    }

    @Test("a recorded entry can be removed (audited) unless the records would no longer add up; ledger rows cannot")
    func removal() async throws {
        try await F.with { f in
            let tracking = DisbursementTracking(store: f.store)
            try await tracking.record(person: f.reporter, unit: F.unit, year: F.year,
                                      form: BudgetForm(kind: "transfer", from: "operating", to: "central", date: "1/4/2567",
                                                       amount: "100000", reason: "งบกลางไม่พอ"), now: F.now)
            try await tracking.record(person: f.reporter, unit: F.unit, year: F.year,
                                      form: BudgetForm(kind: "disbursement", type: "central", date: "2/4/2567", amount: "550000"), now: F.now)
            let records = try await f.store.budgetRecords(unitCode: F.unit, fiscalYear: F.year)
            let transfer = try #require(records.transfers.first?.id)
            let payment = try #require(records.disbursements.first { $0.amount == Money(baht: 550_000) }?.id)
            #expect(records.disbursements.filter { $0.id == nil }.count == 6)  // the demo ledger

            // Without the transfer the 550,000 would exceed งบกลาง's 500,000: refused, nothing removed.
            do {
                try await tracking.record(person: f.reporter, unit: F.unit, year: F.year, form: BudgetForm(kind: "remove", id: transfer), now: F.now)
                Issue.record("transfer removed")
            } catch let errors as BudgetFormErrors {
                #expect(errors.fields["amount"]?.contains("งบกลาง") == true)
            }
            try await tracking.record(person: f.head, unit: F.unit, year: F.year, form: BudgetForm(kind: "remove", id: payment), now: F.now)
            try await tracking.record(person: f.head, unit: F.unit, year: F.year, form: BudgetForm(kind: "remove", id: transfer), now: F.now)
            #expect(try await f.store.budgetRecords(unitCode: F.unit, fiscalYear: F.year).transfers.isEmpty)
            let audit = try await f.store.audit(objectKind: "disbursement", objectKey: "1022/2567/\(payment)")
            #expect(audit.map(\.action) == ["create", "delete"])
            #expect(audit.last?.before?.contains("550000") == true && audit.last?.actor == "head")
            await #expect(throws: AppError.self) {
                try await tracking.record(person: f.head, unit: F.unit, year: F.year, form: BudgetForm(kind: "remove", id: payment), now: F.now)
            }
            await #expect(throws: DisbursementRefusal.self) {
                try await tracking.record(person: f.executive, unit: F.unit, year: F.year, form: BudgetForm(kind: "remove", id: transfer), now: F.now)
            }
        }
    }
}
