import Foundation

/// Step plans: weights sum to 100, cumulative progress rises by each weight to exactly 100,
/// no repeated steps, months inside the fiscal year (R-STEP-1 … R-STEP-5).
enum StepPlanRules {
    static func check(_ plans: [StepPlan]) -> [Finding] { plans.flatMap(check) }

    static func check(_ plan: StepPlan) -> [Finding] {
        var out: [Finding] = []
        let where_ = "ขั้นตอนการปฏิบัติงาน › \(plan.title)"
        let weights = plan.steps.compactMap(\.weight)
        let sum = weights.reduce(0, +)
        // A fragment (the document lost its first steps) has no stated total and does not
        // start at step 1; only complete plans must reach 100.
        let complete = plan.fragment != true
            && (plan.statedTotalWeight != nil || plan.steps.first.map { ThaiDigits.toArabic($0.number) == "1" } == true)
        if complete, weights.count == plan.steps.count, sum != 100 {
            let stated = plan.statedTotalWeight.map { "; ตารางระบุรวม \(Fmt.number($0))" } ?? ""
            out.append(Finding(rule: "STEP-WEIGHT-SUM", severity: .error,
                messageTH: "น้ำหนักของขั้นตอนรวมกันได้ \(Fmt.number(sum)) ไม่ใช่ 100\(stated)",
                messageEN: "Step weights sum to \(Fmt.number(sum)), not 100",
                location: where_, stated: plan.statedTotalWeight.map(Fmt.number), computed: Fmt.number(sum)))
        } else if let statedTotal = plan.statedTotalWeight, statedTotal != sum, weights.count == plan.steps.count {
            out.append(Finding(rule: "STEP-WEIGHT-SUM", severity: .error,
                messageTH: "ตารางระบุน้ำหนักรวม \(Fmt.number(statedTotal)) แต่รวมได้ \(Fmt.number(sum))",
                messageEN: "Stated total weight \(Fmt.number(statedTotal)) differs from the sum \(Fmt.number(sum))",
                location: where_, stated: Fmt.number(statedTotal), computed: Fmt.number(sum)))
        }

        var previous: Decimal?
        var seenText: [String: String] = [:]
        var seenNumber = Set<String>()
        var lastMonth = 0
        for step in plan.steps {
            let at = "\(where_) › ขั้นตอนที่ \(step.number)"
            if let cumulative = step.cumulative {
                if let previous, let weight = step.weight, cumulative != previous + weight {
                    out.append(Finding(rule: "STEP-CUMULATIVE", severity: .error,
                        messageTH: "ความก้าวหน้าสะสม \(Fmt.number(cumulative)) ไม่เท่ากับ \(Fmt.number(previous)) + \(Fmt.number(weight)) = \(Fmt.number(previous + weight))",
                        messageEN: "Cumulative progress \(Fmt.number(cumulative)) should be \(Fmt.number(previous + weight))",
                        location: at, stated: Fmt.number(cumulative), computed: Fmt.number(previous + weight)))
                }
                if let previous, cumulative <= previous {
                    out.append(Finding(rule: "STEP-CUMULATIVE-FLAT", severity: .error,
                        messageTH: "ความก้าวหน้าสะสมไม่เพิ่มขึ้น (\(Fmt.number(previous)) → \(Fmt.number(cumulative)))",
                        messageEN: "Cumulative progress does not rise (\(Fmt.number(previous)) → \(Fmt.number(cumulative)))",
                        location: at, stated: Fmt.number(cumulative)))
                }
                previous = cumulative
            } else if let weight = step.weight {
                previous = (previous ?? 0) + weight
            }
            let textKey = step.text.filter { !$0.isWhitespace }
            if let firstNumber = seenText[textKey] {
                out.append(Finding(rule: "STEP-REPEATED", severity: .error,
                    messageTH: "ขั้นตอนที่ \(step.number) ซ้ำกับขั้นตอนที่ \(firstNumber): \"\(step.text)\"",
                    messageEN: "Step \(step.number) repeats step \(firstNumber)", location: at, stated: step.text))
            } else {
                seenText[textKey] = step.number
            }
            if !seenNumber.insert(ThaiDigits.toArabic(step.number)).inserted {
                out.append(Finding(rule: "STEP-REPEATED", severity: .error,
                    messageTH: "หมายเลขขั้นตอน \(step.number) ซ้ำ", messageEN: "Step number \(step.number) is used twice",
                    location: at, stated: step.number))
            }
            for month in step.months where !(1...12).contains(month) {
                out.append(Finding(rule: "STEP-MONTH", severity: .error,
                    messageTH: "เดือนที่ \(month) อยู่นอกปีงบประมาณ (1 = ต.ค. … 12 = ก.ย.)",
                    messageEN: "Month \(month) is outside the fiscal year", location: at, stated: String(month)))
            }
            if let first = step.months.min() {
                if first < lastMonth {
                    out.append(Finding(rule: "STEP-MONTH-ORDER", severity: .warning,
                        messageTH: "ขั้นตอนที่ \(step.number) เริ่มก่อนขั้นตอนก่อนหน้า",
                        messageEN: "Step \(step.number) starts before the previous step", location: at))
                }
                lastMonth = first
            }
        }
        if complete, let last = plan.steps.last?.cumulative, last != 100 {
            out.append(Finding(rule: "STEP-CUMULATIVE-END", severity: .error,
                messageTH: "ความก้าวหน้าสะสมขั้นตอนสุดท้ายเป็น \(Fmt.number(last)) ไม่ใช่ 100",
                messageEN: "Cumulative progress ends at \(Fmt.number(last)), not 100",
                location: where_, stated: Fmt.number(last), computed: "100"))
        }
        return out
    }
}
