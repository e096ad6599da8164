import Foundation
import Testing
@testable import PhaenCore

@Suite struct MoneyTests {
    @Test("the half-year disbursement table of domain.md §7")
    func disbursementArithmetic() {
        let operating = Money(satang: 1_220_350_000), operatingPaid = Money(plain: "4094769.47")!
        let other = Money(baht: 1_041_200), otherPaid = Money(baht: 266_500)
        let central = Money(baht: 258_369)
        #expect(Scorer.rounded(DisbursementMath.percent(operatingPaid, of: operating), 2) == Decimal(string: "33.55"))
        #expect(Scorer.rounded(DisbursementMath.percent(otherPaid, of: other), 2) == Decimal(string: "25.6"))
        #expect(DisbursementMath.percent(.zero, of: central) == 0)
        let date = CivilDate(year: 2024, month: 3, day: 31)
        let fy = FiscalYear(2567)
        let table = DisbursementMath.table(
            allocations: [BudgetAllocation(unitCode: "4001", fiscalYear: fy, type: .operating, allocated: operating),
                          BudgetAllocation(unitCode: "4001", fiscalYear: fy, type: .other, allocated: other),
                          BudgetAllocation(unitCode: "4001", fiscalYear: fy, type: .central, allocated: central)],
            disbursements: [Disbursement(unitCode: "4001", fiscalYear: fy, type: .operating, date: date, amount: operatingPaid, cumulative: true),
                            Disbursement(unitCode: "4001", fiscalYear: fy, type: .other, date: CivilDate(year: 2024, month: 1, day: 5), amount: Money(baht: 100_000)),
                            Disbursement(unitCode: "4001", fiscalYear: fy, type: .other, date: date, amount: Money(baht: 166_500))],
            asOf: date)
        #expect(table.totalAllocated == Money(baht: 13_503_069))
        #expect(table.totalDisbursed == Money(plain: "4361269.47"))
        #expect(Scorer.rounded(table.totalPercent, 2) == Decimal(string: "32.3"))
        // Never the mean of the row percents (33.55 + 25.60 + 0) / 3 = 19.72.
        let mean = table.rows.map(\.percent).reduce(0, +) / Decimal(table.rows.count)
        #expect(Scorer.rounded(mean, 2) != Scorer.rounded(table.totalPercent, 2))
    }

    @Test func moneyIsExact() {
        let items = ["0.10", "0.20", "0.30"].compactMap(Money.init(plain:))
        #expect(items.sum() == Money(plain: "0.60"))
        #expect(Money(plain: "12.345") == nil)
        #expect(Money(plain: "-1.5")?.satang == -150)
        #expect(Money(plain: "35254295")?.plainString == "35254295.00")
    }

    @Test func budgetCells() {
        #expect(BudgetCell(printed: "๓๒๙,๑๐๐").amount == Money(baht: 329_100))
        #expect(BudgetCell(printed: "12,203,500.-").amount == Money(baht: 12_203_500))
        for text in ["-", "---", "ไม่ใช้งบประมาณ", "** รอการยืนยันการโอนงบประมาณจาก สพส.", "ใช้งบประมาณส่วนหนึ่งในโครงการ"] {
            let cell = BudgetCell(printed: text)
            #expect(cell.amount == nil && cell.printed == text)
        }
    }
}
