import Foundation
import Testing
@testable import PhaenCore

@Suite("Budget disbursement: table, transfers, checks, the KPI fed by disbursements")
struct DisbursementCoreTests {
    static let year = FiscalYear(2567)
    static let halfYear = CivilDate(year: 2024, month: 3, day: 31)

    /// The Inspector-General Division's table as of 31 March 2567 (domain.md §7).
    static var inspector: BudgetRecords {
        BudgetRecords(unitCode: "4001", fiscalYear: year, allocations: [
            BudgetAllocation(unitCode: "4001", fiscalYear: year, type: .operating, allocated: Money(baht: 12_203_500)),
            BudgetAllocation(unitCode: "4001", fiscalYear: year, type: .other, allocated: Money(baht: 1_041_200)),
            BudgetAllocation(unitCode: "4001", fiscalYear: year, type: .central, allocated: Money(baht: 258_369)),
        ], disbursements: [
            Disbursement(unitCode: "4001", fiscalYear: year, type: .operating, date: CivilDate(year: 2024, month: 1, day: 15),
                         amount: Money(baht: 1_000_000)),
            Disbursement(unitCode: "4001", fiscalYear: year, type: .operating, date: halfYear,
                         amount: Money(satang: 409_476_947), cumulative: true),
            Disbursement(unitCode: "4001", fiscalYear: year, type: .other, date: CivilDate(year: 2024, month: 2, day: 1),
                         amount: Money(baht: 266_500)),
        ])
    }

    @Test("domain.md §7: 33.55 %, 25.60 %, 0; totals 13,503,069 and 4,361,269.47 → 32.30 %, not the mean of rows")
    func halfYearTable() {
        let table = Self.inspector.table(asOf: Self.halfYear)
        #expect(table.rows.map(\.type) == [.operating, .other, .central])
        #expect(table.rows.map { Scorer.rounded($0.percent, 2) } == [Decimal(string: "33.55")!, Decimal(string: "25.6")!, 0])
        #expect(table.totalAllocated == Money(baht: 13_503_069))
        #expect(table.totalDisbursed == Money(satang: 436_126_947))
        #expect(Scorer.rounded(table.totalPercent, 2) == Decimal(string: "32.3")!)
        let meanOfRows = table.rows.map(\.percent).reduce(0, +) / 3
        #expect(Scorer.rounded(meanOfRows, 2) == Decimal(string: "19.72")!)
    }

    @Test("as of an earlier date only earlier records count; a same-day cumulative figure includes that day's payments")
    func asOf() {
        var records = Self.inspector
        #expect(records.table(asOf: CivilDate(year: 2024, month: 1, day: 31)).row(.operating)?.disbursed == Money(baht: 1_000_000))
        records.disbursements.append(Disbursement(unitCode: "4001", fiscalYear: Self.year, type: .operating, date: Self.halfYear,
                                                  amount: Money(baht: 5)))
        #expect(records.table(asOf: Self.halfYear).row(.operating)?.disbursed == Money(satang: 409_476_947))
    }

    @Test("transfers move allocation between types, in and out, from their date on")
    func transfers() {
        var records = Self.inspector
        let march = CivilDate(year: 2024, month: 3, day: 1)
        records.transfers = [
            BudgetTransfer(unitCode: "4001", fiscalYear: Self.year, date: march, from: .operating, to: .investment,
                           amount: Money(baht: 200_000), reason: "ซื้อครุภัณฑ์"),
            BudgetTransfer(unitCode: "4001", fiscalYear: Self.year, date: march, from: nil, to: .central,
                           amount: Money(baht: 1_631), reason: "รับโอน"),
        ]
        let before = records.table(asOf: CivilDate(year: 2024, month: 2, day: 29))
        #expect(before.row(.operating)?.allocated == Money(baht: 12_203_500))
        #expect(before.row(.investment) == nil)
        let after = records.table(asOf: Self.halfYear)
        #expect(after.row(.operating)?.allocated == Money(baht: 12_003_500))
        #expect(after.row(.investment)?.allocated == Money(baht: 200_000))
        #expect(after.row(.central)?.allocated == Money(baht: 260_000))
        #expect(after.totalAllocated == Money(baht: 13_504_700))
    }

    @Test("bad input is refused with Thai messages: negative amount, date outside the fiscal year, over-disbursed")
    func checks() {
        let outside = Disbursement(unitCode: "4001", fiscalYear: Self.year, type: .operating,
                                   date: CivilDate(year: 2024, month: 10, day: 1), amount: Money(satang: -1))
        let problems = DisbursementCheck.check(outside)
        #expect(problems.map(\.field) == [.date, .amount])
        #expect(problems[0].message == "วันที่ 1 ต.ค. 2567 อยู่นอกปีงบประมาณ 2567 (1 ต.ค. 2566 – 30 ก.ย. 2567)")

        var records = Self.inspector
        records.disbursements.append(Disbursement(unitCode: "4001", fiscalYear: Self.year, type: .other,
                                                  date: CivilDate(year: 2024, month: 4, day: 1), amount: Money(baht: 774_701)))
        let over = DisbursementCheck.consistency(records)
        #expect(over.count == 1)
        #expect(over.first?.message == "งบรายจ่ายอื่น: เบิกจ่ายสะสม ณ 1 เม.ย. 2567 1,041,201 บาท เกินงบประมาณหลังปรับโอน 1,041,200 บาท")

        records = Self.inspector
        records.disbursements.append(Disbursement(unitCode: "4001", fiscalYear: Self.year, type: .subsidy,
                                                  date: Self.halfYear, amount: Money(baht: 1)))
        #expect(DisbursementCheck.consistency(records).first?.message.contains("ยังไม่ได้บันทึกงบประมาณที่ได้รับจัดสรร") == true)

        records = Self.inspector
        records.transfers.append(BudgetTransfer(unitCode: "4001", fiscalYear: Self.year, date: Self.halfYear, from: .central, to: nil,
                                                amount: Money(baht: 300_000), reason: "โอนคืน"))
        #expect(DisbursementCheck.consistency(records).first?.message.contains("ติดลบ") == true)
        #expect(DisbursementCheck.consistency(Self.inspector).isEmpty)

        let sameType = BudgetTransfer(unitCode: "4001", fiscalYear: Self.year, date: Self.halfYear, from: .central, to: .central,
                                      amount: Money(baht: 1), reason: " ")
        #expect(DisbursementCheck.check(sameType).map(\.field) == [.to, .reason])
    }

    @Test("the disbursement KPI takes 32.30 from the records, scored by interpolated group thresholds, and says where it came from")
    func kpiFedByDisbursements() {
        let criteria = Criteria.thresholds(ThresholdCriteria(direction: .higher, interpolate: true, table: .perGroup([
            "A": [30, 35, 40, 45, 50], "B": [20, 25, 30, 35, 40],
        ])))
        var kpi = AgreementKPI(code: "3.2", name: "ความสำเร็จของการเบิกจ่ายงบประมาณในภาพรวม", weight: 10, criteria: criteria)
        kpi.resultSource = .disbursement
        let agreement = Agreement(unitCode: "4001", fiscalYear: Self.year, pointsScheme: .twentyToHundred,
                                  components: [Component(number: "3", name: "Potential Base", kpis: [kpi])])
        let figure = DisbursementKPI.figure(Self.inspector)
        #expect(figure?.asOf == Self.halfYear)
        #expect(figure?.value == Decimal(string: "32.3")!)
        // A typed 99 is ignored: the records decide.
        let typed = [KPIResult(kpiCode: "3.2", value: 99)]
        let results = DisbursementKPI.results(typed, agreement: agreement, figure: figure)
        for (group, level) in [("A", Decimal(string: "1.46")!), ("B", Decimal(string: "3.46")!)] {
            let card = DisbursementKPI.annotate(Scorer.score(agreement, results: results, unitGroup: group),
                                                agreement: agreement, figure: figure)
            let score = card.allKPIs[0]
            #expect(score.level == level)
            #expect(score.rule == "interpolated")
            #expect(score.explanation.hasPrefix("จากข้อมูลการเบิกจ่าย ณ 31 มี.ค. 2567: 4,361,269.47 / 13,503,069 = 32.30 %; "))
        }
        // No allocation recorded: no result, and the card says why.
        let empty = BudgetRecords(unitCode: "4001", fiscalYear: Self.year)
        #expect(DisbursementKPI.figure(empty) == nil)
        let card = DisbursementKPI.annotate(Scorer.score(agreement, results: DisbursementKPI.results(typed, agreement: agreement, figure: nil),
                                                         unitGroup: "A"), agreement: agreement, figure: nil)
        #expect(card.allKPIs[0].rule == "unscored")
        #expect(card.allKPIs[0].explanation.contains("ยังไม่มีการบันทึกงบประมาณ"))
    }

    @Test("budget types read from Thai names, short forms and codes")
    func budgetTypeText() {
        #expect(BudgetType(text: "งบดำเนินงาน") == .operating)
        #expect(BudgetType(text: " ลงทุน ") == .investment)
        #expect(BudgetType(text: "OPERATING") == .operating)
        #expect(BudgetType(text: "งบบุคลากร") == nil)
    }
}
