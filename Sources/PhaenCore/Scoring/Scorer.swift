import Foundation

/// Scores an agreement. A pure function: every input is explicit (results, the unit's group,
/// the year's points scheme); nothing is read from a clock or a global.
public enum Scorer {
    public static func score(_ agreement: Agreement, results: [KPIResult], unitGroup: String?,
                             pointsScheme: PointsScheme? = nil) -> ScoreCard {
        let scheme = pointsScheme ?? agreement.pointsScheme
        let byCode = Dictionary(results.map { ($0.kpiCode, $0) }, uniquingKeysWith: { _, last in last })
        let appeals = approvedAppeals(agreement)
        var findings: [Finding] = []
        var components: [ComponentScore] = []

        for component in agreement.components {
            var kpis: [KPIScore] = []
            for kpi in component.kpis {
                let result = byCode[kpi.code]
                let kpiScore = scoreKPI(kpi, result: result, appeal: appeals[kpi.code], unitGroup: unitGroup, scheme: scheme)
                for mismatch in kpiScore.findings {
                    findings.append(.statedMismatch(kpi: kpi.code, mismatch))
                }
                kpis.append(kpiScore)
            }
            let score = kpis.compactMap(\.weightedScore).reduce(0, +)
            components.append(ComponentScore(number: component.number, name: component.name,
                                             weight: component.effectiveWeight, score: score, kpis: kpis))
        }
        let total = components.map(\.score).reduce(0, +)
        return ScoreCard(unitCode: agreement.unitCode, fiscalYear: agreement.fiscalYear, pointsScheme: scheme,
                         unitGroup: unitGroup, total: total, components: components, findings: findings)
    }

    static func scoreKPI(_ kpi: AgreementKPI, result: KPIResult?, appeal: Appeal?, unitGroup: String?,
                         scheme: PointsScheme) -> KPIScore {
        if let appeal, appeal.kind == .exempt {
            return KPIScore(code: kpi.code, name: kpi.name, weight: kpi.weight, level: nil, points: nil, weightedScore: nil,
                            rule: "exempt", explanation: "ได้รับอนุมัติให้ยกเว้นผล: \(appeal.reason)", findings: [])
        }
        let criteria = appeal?.newCriteria ?? kpi.criteria
        let outcome = LevelRules.level(for: criteria, value: result?.value, claimedLevel: result?.level,
                                       partValues: result?.partValues, unitGroup: unitGroup)
        let points = outcome.level.map { scheme.points(atLevel: $0) }
        let weighted = points.map { kpi.weight * $0 / 100 }
        var explanation = outcome.explanation
        if appeal != nil { explanation += " (เกณฑ์ตามผลอุทธรณ์)" }
        if let points, let weighted {
            explanation += "; คะแนน \(LevelRules.fmt(points))% ของน้ำหนัก \(LevelRules.fmt(kpi.weight)) = \(LevelRules.fmt(weighted))"
        }
        var mismatches: [StatedMismatch] = []
        if let stated = result?.stated {
            compare("level", stated.level, outcome.level, into: &mismatches)
            compare("points", stated.points, points, into: &mismatches)
            compare("weightedScore", stated.weightedScore, weighted, into: &mismatches)
        }
        return KPIScore(code: kpi.code, name: kpi.name, weight: kpi.weight, level: outcome.level, points: points,
                        weightedScore: weighted, rule: outcome.rule, explanation: explanation, findings: mismatches)
    }

    /// Documents print two decimals at most; a stated figure agrees when it equals the
    /// computed one rounded to two decimals.
    static func compare(_ code: String, _ stated: Decimal?, _ computed: Decimal?, into out: inout [StatedMismatch]) {
        guard let stated else { return }
        guard let computed, rounded(computed, 2) == rounded(stated, 2) else {
            out.append(StatedMismatch(code: code, stated: stated, computed: computed))
            return
        }
    }

    public static func rounded(_ value: Decimal, _ places: Int) -> Decimal {
        var input = value; var output = Decimal()
        NSDecimalRound(&output, &input, places, .plain)
        return output
    }

    /// The latest approved appeal of each KPI.
    static func approvedAppeals(_ agreement: Agreement) -> [String: Appeal] {
        var out: [String: Appeal] = [:]
        for appeal in agreement.appeals where appeal.decision == .approved {
            if let existing = out[appeal.kpiCode], (existing.version ?? 0) > (appeal.version ?? 0) { continue }
            out[appeal.kpiCode] = appeal
        }
        return out
    }
}
