import Foundation
import Testing
@testable import PhaenCore

@Suite struct StepPlanTests {
    func plan(_ steps: [(String, Decimal, Decimal?, [Int])], stated: Decimal? = 100, fragment: Bool? = nil) -> StepPlan {
        StepPlan(id: "p", title: "ห้องน้ำ", statedTotalWeight: stated, fragment: fragment, steps: steps.map {
            PlanStep(number: $0.0, text: "ขั้นตอน \($0.0)", weight: $0.1, cumulative: $0.2, months: $0.3)
        })
    }

    @Test("a correct plan has no findings and its planned progress follows the months")
    func correct() {
        let p = plan([("1", 10, 10, [1]), ("2", 40, 50, [2, 3]), ("3", 50, 100, [4, 5, 6])])
        #expect(StepPlanRules.check(p).isEmpty)
        #expect(p.plannedProgress(atFiscalMonth: 1) == 10)
        #expect(p.plannedProgress(atFiscalMonth: 2) == 10)
        #expect(p.plannedProgress(atFiscalMonth: 3) == 50)
        #expect(p.plannedProgress(atFiscalMonth: 12) == 100)
    }

    @Test("a repeated step: weights 110 against a stated 100, cumulative repeats, the text repeats")
    func repeated() {
        var p = plan([("1", 50, 50, [1]), ("2", 10, 60, [2]), ("3", 10, 60, [3]), ("4", 40, 100, [4])])
        p.steps[2].text = p.steps[1].text
        let rules = StepPlanRules.check(p).map(\.rule)
        #expect(rules.contains("STEP-WEIGHT-SUM") && rules.contains("STEP-CUMULATIVE") && rules.contains("STEP-CUMULATIVE-FLAT")
                && rules.contains("STEP-REPEATED"))
    }

    @Test("months outside the fiscal year and steps out of order")
    func months() {
        let rules = StepPlanRules.check(plan([("1", 50, 50, [3]), ("2", 50, 100, [1, 13])])).map(\.rule)
        #expect(rules.contains("STEP-MONTH") && rules.contains("STEP-MONTH-ORDER"))
    }

    @Test("a fragment the document lost part of is not held to 100")
    func fragment() {
        #expect(StepPlanRules.check(plan([("1", 10, 10, [1]), ("2", 25, 35, [2])], stated: nil, fragment: true)).isEmpty)
        #expect(StepPlanRules.check(plan([("5", 7, 29, [1]), ("6", 7, 36, [2])], stated: nil)).isEmpty)
        #expect(StepPlanRules.check(plan([("5", 7, 29, [1]), ("6", 7, 38, [2])], stated: nil)).map(\.rule) == ["STEP-CUMULATIVE"])
    }
}
