import Foundation
import Testing
import PhaenCore
@testable import PhaenImport

/// Validation rules against the real documents' errors (plans-spec.md §3, domain.md §9),
/// as transcribed into the demo dataset.
@Suite struct DemoValidationTests {
    static let dataset = try! DemoDataset.load()

    func findings(unit: String, year: Int) -> [Finding] {
        let fy = FiscalYear(year)
        let d = Self.dataset
        let context = ValidationContext(
            fiscalYear: fy, unit: d.units.first { $0.code == unit },
            frameworks: d.frameworks.filter { $0.fiscalYear == fy },
            plan: d.plans.first { $0.unitCode == unit && $0.fiscalYear == fy },
            agreement: d.agreements.first { $0.unitCode == unit && $0.fiscalYear == fy },
            reports: d.reports.filter { $0.unitCode == unit && $0.fiscalYear == fy },
            disbursementTables: d.disbursementTables.filter { $0.unitCode == unit && $0.fiscalYear == fy },
            disbursements: d.disbursements.filter { $0.unitCode == unit && $0.fiscalYear == fy })
        return Validator.validate(context)
    }

    @Test("I-01: Phasi Charoen Part 2 states 35,294,295 where its items sum to 35,254,295")
    func partTwoTotal() throws {
        let f = findings(unit: "1022", year: 2567).filter { $0.rule == "PLAN-TOTAL" }
        #expect(f.count == 1)
        #expect(f.first?.stated == "35294295.00" && f.first?.computed == "35254295.00")
        #expect(f.first?.messageTH.contains("35,294,295") == true)
    }

    @Test("I-02/I-03: item ๑๒ is used twice, 39 rows where 38 are stated")
    func partTwoNumbering() {
        let f = findings(unit: "1022", year: 2567)
        let counts = f.filter { $0.rule == "PLAN-COUNT" && $0.location.contains("part2") }
        #expect(counts.map(\.stated) == ["38"] && counts.map(\.computed) == ["39"])
        #expect(f.contains { $0.rule == "PLAN-DUP-NUMBER" && $0.stated == "๑๒" && $0.location.contains("[part2]") })
    }

    @Test("the totals that check (Part 1 2,694,800; Part 3 59,752,455) give no total finding")
    func totalsThatCheck() throws {
        let plan = try #require(Self.dataset.plans.first { $0.unitCode == "1022" })
        #expect(plan.lists.first { $0.id == "part1" }?.computedTotal == Money(baht: 2_694_800))
        #expect(plan.lists.first { $0.id == "part3" }?.computedTotal == Money(baht: 59_752_455))
        #expect(plan.lists.first { $0.id == "part2" }?.computedTotal == Money(baht: 35_254_295))
    }

    @Test("I-14, I-15, I-16, I-48: the same project with different budgets in two places")
    func budgetConflicts() {
        let f = findings(unit: "1022", year: 2567)
        let conflicts = f.filter { $0.rule == "PLAN-BUDGET-CONFLICT" }
        for amounts in ["485500.00 / 1385000.00", "175780.00 / 175800.00", "32900.00 / 43300.00"] {
            #expect(conflicts.contains { $0.stated == amounts }, "\(amounts)")
        }
        #expect(f.contains { $0.rule == "PLAN-BUDGET-MISSING" && $0.computed == "6453000.00" })
    }

    @Test("I-21: ฝ่ายเทคนิค is not one of the district's ten sections")
    func unknownSection() {
        let f = findings(unit: "1022", year: 2567).filter { $0.rule == "PLAN-SECTION-UNKNOWN" }
        #expect(!f.isEmpty && f.allSatisfy { $0.stated == "ฝ่ายเทคนิค" })
    }

    @Test("I-08, I-09, I-10, I-11: duplicate, unknown and mis-prefixed OKR codes")
    func okrCodes() {
        let f = findings(unit: "1022", year: 2567)
        #expect(f.contains { $0.rule == "FW-DUP-CODE" && $0.stated == "1.2.01" })
        let unknown = Set(f.filter { $0.rule == "PLAN-REF-UNKNOWN" }.compactMap(\.stated))
        #expect(unknown.isSuperset(of: ["policy.okr:2.1.03", "policy.okr:8.1.08", "policy.okr:8.1.10"]))
        #expect(f.contains { $0.rule == "FW-OKR-PREFIX" && $0.stated == "6.1.31" && $0.computed == "6.3" })
    }

    @Test("I-04: the table จ fragment's cumulative ๗๓ after ๖๔ + ๗")
    func fragmentCumulative() {
        let f = findings(unit: "1022", year: 2567)
        #expect(f.contains { $0.rule == "STEP-CUMULATIVE" && $0.stated == "73" && $0.computed == "71" })
    }

    @Test("J: the Secretary office's toilet step plan repeats the floor-5 step: weights 110, stated 100, cumulative 55 twice")
    func toiletStepPlan() {
        let f = findings(unit: "3001", year: 2564).filter { $0.location.contains("ห้องน้ำ") || $0.location.contains("toilet") }
        #expect(f.contains { $0.rule == "STEP-WEIGHT-SUM" && $0.computed == "110" && $0.stated == "100" })
        #expect(f.contains { $0.rule == "STEP-REPEATED" })
        #expect(f.contains { $0.rule == "STEP-CUMULATIVE-FLAT" })
    }

    @Test("the FY2564 agreement's criteria tables: level-5 rows equal the weights (R-SCORE-C passes)")
    func agreementRows() {
        let f = findings(unit: "3001", year: 2564)
        #expect(!f.contains { $0.rule == "AGR-LEVEL5-POINTS" || $0.rule == "AGR-ROW-POINTS" })
        #expect(!f.contains { $0.rule == "AGR-THRESHOLD-ORDER" })
    }

    @Test("the half-year disbursement table checks (33.55 %, 25.60 %, 0, total 32.30 %)")
    func disbursementTable() {
        let f = findings(unit: "4001", year: 2567)
        #expect(!f.contains { $0.rule.hasPrefix("DISB-") })
    }

    @Test("a letter dated after the half-year cut-off is flagged")
    func evidenceAfterCutoff() {
        let f = findings(unit: "4001", year: 2567)
        #expect(f.contains { $0.rule == "REPORT-EVIDENCE-AFTER-CUTOFF" })
    }

    @Test("every finding has a rule, Thai and English messages and a location")
    func findingShape() {
        for (unit, year) in [("1022", 2567), ("3001", 2564), ("4001", 2567), ("1016", 2564)] {
            for f in findings(unit: unit, year: year) {
                #expect(!f.rule.isEmpty && !f.messageTH.isEmpty && !f.messageEN.isEmpty && !f.location.isEmpty)
            }
        }
    }
}
