import Foundation
import Testing
@testable import PhaenCore

/// The worked numbers of domain.md §5, one test per rule.
@Suite struct ScoringTests {
    func kpi(_ code: String = "k", weight: Decimal, _ criteria: Criteria) -> AgreementKPI {
        AgreementKPI(code: code, name: code, weight: weight, criteria: criteria)
    }

    func card(_ kpis: [AgreementKPI], _ results: [KPIResult], scheme: PointsScheme, group: String? = nil) -> ScoreCard {
        let agreement = Agreement(unitCode: "1022", fiscalYear: FiscalYear(2567), pointsScheme: scheme,
                                  components: [Component(number: "1", name: "x", kpis: kpis)])
        return Scorer.score(agreement, results: results, unitGroup: group)
    }

    func single(_ criteria: Criteria, weight: Decimal, scheme: PointsScheme, value: Decimal? = nil,
                level: Decimal? = nil, parts: [Decimal?]? = nil, group: String? = nil) -> KPIScore {
        card([kpi(weight: weight, criteria)], [KPIResult(kpiCode: "k", value: value, level: level, partValues: parts)],
             scheme: scheme, group: group).allKPIs[0]
    }

    static let traffy = Criteria.thresholds(ThresholdCriteria(direction: .higher, interpolate: false, table: .uniform([0, 60, 65, 70, 75])))
    static let interpolated = Criteria.thresholds(ThresholdCriteria(direction: .higher, interpolate: true, table: .uniform([70, 75, 80, 85, 90])))
    static let security = Criteria.thresholds(ThresholdCriteria(direction: .lower, interpolate: false, table: .uniform([nil, 6, 4, 2, 1])))

    @Test("Traffy KPI ๑.๒, weight 20, FY2567: 72 % → level 4 → 16; 58 % → level 1 → 4")
    func traffy() {
        let a = single(Self.traffy, weight: 20, scheme: .twentyToHundred, value: 72)
        #expect(a.level == 4 && a.points == 80 && a.weightedScore == 16 && a.rule == "threshold")
        let b = single(Self.traffy, weight: 20, scheme: .twentyToHundred, value: 58)
        #expect(b.level == 1 && b.weightedScore == 4)
    }

    @Test("FY2564 security KPI, weight 15, lower is better: 2 incidents → level 4 → 13.5")
    func lowerIsBetter() {
        let expected: [(Decimal, Decimal)] = [(0, 5), (1, 5), (2, 4), (3, 3), (4, 3), (5, 2), (6, 2), (7, 1), (30, 1)]
        for (incidents, level) in expected {
            let s = single(Self.security, weight: 15, scheme: .sixtyToHundred, value: incidents)
            #expect(s.level == level, "incidents \(incidents)")
        }
        #expect(single(Self.security, weight: 15, scheme: .sixtyToHundred, value: 2).weightedScore == Decimal(string: "13.5"))
    }

    @Test("FY2564 step KPI, weight 10: steps 1–3 done → level 3 → 8")
    func steps() {
        let s = single(.steps(StepCriteria()), weight: 10, scheme: .sixtyToHundred, value: 3)
        #expect(s.level == 3 && s.points == 80 && s.weightedScore == 8 && s.rule == "steps")
        #expect(single(.steps(StepCriteria()), weight: 10, scheme: .sixtyToHundred, value: 7).level == 5)
        #expect(single(.steps(StepCriteria()), weight: 10, scheme: .sixtyToHundred, value: 0).level == nil)
    }

    @Test("street-light KPI ๑.๓.๑, weight 10, FY2567: progress 60 % → level 3 → 6")
    func streetLights() {
        // Judged milestone criteria: L1 approved plan, L2–L4 progress ≥ 25/50/75 %.
        let s = single(.judged(JudgedCriteria()), weight: 10, scheme: .twentyToHundred, level: 3)
        #expect(s.level == 3 && s.weightedScore == 6 && s.rule == "judged")
        // The same progress measured against the progress thresholds gives the same level.
        let measured = Criteria.thresholds(ThresholdCriteria(direction: .higher, table: .uniform([0, 25, 50, 75, 100])))
        #expect(single(measured, weight: 10, scheme: .twentyToHundred, value: 60).weightedScore == 6)
    }

    @Test("interpolated 70/75/80/85/90, 60–100, weight 10", arguments: [
        (Decimal(string: "72.5")!, Decimal(string: "1.5")!, Decimal(65), Decimal(string: "6.5")!, "interpolated"),
        (Decimal(84), Decimal(string: "3.8")!, Decimal(88), Decimal(string: "8.8")!, "interpolated"),
        (Decimal(64), Decimal(1), Decimal(60), Decimal(6), "floor"),
        (Decimal(95), Decimal(5), Decimal(100), Decimal(10), "cap"),
        (Decimal(90), Decimal(5), Decimal(100), Decimal(10), "threshold"),
        (Decimal(70), Decimal(1), Decimal(60), Decimal(6), "threshold"),
    ])
    func interpolation(value: Decimal, level: Decimal, points: Decimal, weighted: Decimal, rule: String) {
        let s = single(Self.interpolated, weight: 10, scheme: .sixtyToHundred, value: value)
        #expect(s.level == level)
        #expect(s.points == points)
        #expect(s.weightedScore == weighted)
        #expect(s.rule == rule)
    }

    @Test("points schemes: FY2567 weight 10 → 2/4/6/8/10, weight 20 → 4…20; FY2564 weight 15 → 9/10.5/12/13.5/15")
    func pointsSchemes() {
        func weighted(_ w: Decimal, _ scheme: PointsScheme) -> [Decimal] {
            (1...5).map { w * scheme.points(atLevel: Decimal($0)) / 100 }
        }
        #expect(weighted(10, .twentyToHundred) == [2, 4, 6, 8, 10])
        #expect(weighted(20, .twentyToHundred) == [4, 8, 12, 16, 20])
        #expect(weighted(15, .sixtyToHundred) == [9, Decimal(string: "10.5")!, 12, Decimal(string: "13.5")!, 15])
        #expect(PointsScheme.sixtyToHundred.points(atLevel: Decimal(string: "1.5")!) == 65)
    }

    @Test("per-group thresholds pick the unit's group; a missing group leaves the KPI unscored")
    func perGroup() {
        let criteria = Criteria.thresholds(ThresholdCriteria(direction: .higher, interpolate: true,
            table: .perGroup(["A": [70, 75, 80, 85, 90], "B": [50, 55, 60, 65, 70]])))
        let b = single(criteria, weight: 10, scheme: .sixtyToHundred, value: 57, group: "B")
        #expect(b.level == Decimal(string: "2.4") && b.weightedScore == Decimal(string: "7.4"))
        let a = single(criteria, weight: 10, scheme: .sixtyToHundred, value: 57, group: "A")
        #expect(a.level == 1 && a.rule == "floor")
        let none = single(criteria, weight: 10, scheme: .sixtyToHundred, value: 57, group: "C")
        #expect(none.level == nil && none.rule == "unscored")
    }

    @Test("composite: the lowest part level wins (clinic: timeliness 95 → 5, satisfaction 85 → 3 → 16 of 20)")
    func composite() {
        let band = Criteria.thresholds(ThresholdCriteria(direction: .higher, table: .uniform([60, 70, 80, 90, 100])))
        let criteria = Criteria.composite(CompositeCriteria(parts: [CriteriaPart(name: "ทันเวลา", criteria: band),
                                                                    CriteriaPart(name: "พึงพอใจ", criteria: band)]))
        let s = single(criteria, weight: 20, scheme: .sixtyToHundred, parts: [95, 85])
        #expect(s.level == 3 && s.weightedScore == 16 && s.rule == "composite")
        #expect(single(criteria, weight: 20, scheme: .sixtyToHundred, parts: [95, nil]).level == nil)
    }

    @Test("lower-is-better interpolation mirrors higher-is-better")
    func lowerInterpolated() {
        let criteria = Criteria.thresholds(ThresholdCriteria(direction: .lower, interpolate: true, table: .uniform([50, 40, 30, 20, 10])))
        #expect(single(criteria, weight: 10, scheme: .sixtyToHundred, value: 35).level == Decimal(string: "2.5"))
        #expect(single(criteria, weight: 10, scheme: .sixtyToHundred, value: 60).rule == "floor")
        #expect(single(criteria, weight: 10, scheme: .sixtyToHundred, value: 5).rule == "cap")
    }

    @Test("a stated level or weighted score that does not follow from the result is a finding")
    func statedMismatch() {
        let agreement = Agreement(unitCode: "x", fiscalYear: FiscalYear(2564), pointsScheme: .sixtyToHundred,
            components: [Component(number: "5", name: "x", kpis: [kpi("5.1", weight: 10, Self.interpolated)])])
        let card = Scorer.score(agreement, results: [KPIResult(kpiCode: "5.1", value: 84,
            stated: StatedFigures(level: 4, weightedScore: Decimal(string: "8.8")))], unitGroup: nil)
        #expect(card.allKPIs[0].findings == [StatedMismatch(code: "level", stated: 4, computed: Decimal(string: "3.8"))])
        #expect(card.findings.count == 1 && card.findings[0].rule == "SCORE-STATED")
        // A stated figure equal to the computed one (to two decimals) is no finding.
        let ok = Scorer.score(agreement, results: [KPIResult(kpiCode: "5.1", value: 84,
            stated: StatedFigures(level: Decimal(string: "3.80"), weightedScore: Decimal(string: "8.8")))], unitGroup: nil)
        #expect(ok.findings.isEmpty)
    }

    @Test("component and total scores are sums; an exempted KPI is left out")
    func totalsAndAppeals() {
        var agreement = Agreement(unitCode: "x", fiscalYear: FiscalYear(2567), pointsScheme: .twentyToHundred, components: [
            Component(number: "1", name: "a", kpis: [kpi("1.1", weight: 20, Self.traffy), kpi("1.2", weight: 10, .judged(JudgedCriteria()))]),
            Component(number: "2", name: "b", kpis: [kpi("2.1", weight: 10, .steps(StepCriteria()))]),
        ])
        let results = [KPIResult(kpiCode: "1.1", value: 72), KPIResult(kpiCode: "1.2", level: 5), KPIResult(kpiCode: "2.1", value: 2)]
        let card = Scorer.score(agreement, results: results, unitGroup: nil)
        #expect(card.components.map(\.score) == [26, 4])
        #expect(card.total == 30)
        agreement.appeals = [Appeal(kpiCode: "1.2", kind: .exempt, reason: "ภารกิจยกเลิก", decision: .approved)]
        let exempted = Scorer.score(agreement, results: results, unitGroup: nil)
        #expect(exempted.total == 20 && exempted.allKPIs[1].rule == "exempt")
        agreement.appeals = [Appeal(kpiCode: "1.1", kind: .lowerTarget, reason: "ลดเป้า", decision: .approved,
            newCriteria: .thresholds(ThresholdCriteria(direction: .higher, table: .uniform([0, 50, 55, 60, 65]))))]
        #expect(Scorer.score(agreement, results: results, unitGroup: nil).allKPIs[0].level == 5)
    }

    @Test("every score carries its explanation with the numbers used")
    func explanation() {
        let s = single(Self.interpolated, weight: 10, scheme: .sixtyToHundred, value: 84)
        #expect(s.explanation.contains("80") && s.explanation.contains("85") && s.explanation.contains("3.8") && s.explanation.contains("8.8"))
    }
}

@Suite struct ThresholdRangeTests {
    func rules(_ rows: [LevelRow]) -> [String] { ThresholdRules.checkRanges(rows, where_: "t").map(\.rule) }

    @Test("J-13: the security KPI prints 1 → 5 and ≤ 2 → 4: overlapping ranges; the unambiguous form passes")
    func securityRanges() {
        let printed = [LevelRow(level: 5, max: 1), LevelRow(level: 4, max: 2), LevelRow(level: 3, min: 3, max: 4),
                       LevelRow(level: 2, min: 5, max: 6), LevelRow(level: 1, min: 7)]
        #expect(rules(printed) == ["AGR-THRESHOLD-OVERLAP"])
        let fixed = [LevelRow(level: 5, max: 1), LevelRow(level: 4, min: 2, max: 2), LevelRow(level: 3, min: 3, max: 4),
                     LevelRow(level: 2, min: 5, max: 6), LevelRow(level: 1, min: 7)]
        #expect(rules(fixed).isEmpty)
        let gapped = [LevelRow(level: 5, max: 1), LevelRow(level: 4, min: 3, max: 4), LevelRow(level: 3, min: 5)]
        #expect(rules(gapped) == ["AGR-THRESHOLD-GAP"])
    }

    @Test("thresholds must be monotonic in the KPI's direction")
    func monotonic() {
        let up = Criteria.thresholds(ThresholdCriteria(direction: .higher, table: .uniform([70, 75, 75, 85, 90])))
        #expect(ThresholdRules.check(up, where_: "t").map(\.rule) == ["AGR-THRESHOLD-ORDER"])
        let down = Criteria.thresholds(ThresholdCriteria(direction: .lower, table: .perGroup(["A": [nil, 6, 4, 2, 1], "B": [nil, 4, 6, 2, 1]])))
        #expect(ThresholdRules.check(down, where_: "t").map(\.stated) == ["–/4/6/2/1"])
    }

    @Test("a level-5 row must equal the weight; other rows follow the year's scheme")
    func levelRows() {
        var kpi = AgreementKPI(code: "1", name: "x", weight: 15, criteria: .judged(JudgedCriteria()))
        kpi.levelRows = [LevelRow(level: 1, points: 9), LevelRow(level: 4, points: Decimal(string: "13.5")), LevelRow(level: 5, points: 15)]
        #expect(AgreementRules.checkKPI(kpi, scheme: .sixtyToHundred, where_: "t").isEmpty)
        kpi.levelRows = [LevelRow(level: 3, points: 10), LevelRow(level: 5, points: 20)]
        #expect(AgreementRules.checkKPI(kpi, scheme: .sixtyToHundred, where_: "t").map(\.rule) == ["AGR-ROW-POINTS", "AGR-LEVEL5-POINTS"])
    }

    @Test("component weights: stated vs Σ KPI weights, and Σ components = 100")
    func weights() {
        let k = { (code: String, w: Decimal) in AgreementKPI(code: code, name: "x", weight: w, criteria: .judged(JudgedCriteria())) }
        let agreement = Agreement(unitCode: "x", fiscalYear: FiscalYear(2567), pointsScheme: .twentyToHundred, components: [
            Component(number: "1", name: "a", weight: 60, kpis: [k("1.1", 20), k("1.2", 30)]),
            Component(number: "2", name: "b", weight: 30, kpis: [k("2.1", 30), k("2.1", 0)]),
        ])
        #expect(AgreementRules.check(agreement).map(\.rule) == ["AGR-KPI-WEIGHTS", "AGR-WEIGHTS-100", "AGR-DUP-KPI"])
    }
}
