import Foundation
import PhaenCore

/// The computed level, points and weighted score of one KPI for a result, exactly as the
/// score card would compute them: the KPI is scored by `Scorer.score` on a one-KPI agreement
/// (with the KPI's approved appeals), so the live preview can never disagree with the card.
public struct ReportPreview: Codable, Hashable, Sendable {
    public var level: Decimal?
    public var points: Decimal?
    public var weightedScore: Decimal?
    public var weight: Decimal
    public var rule: String
    public var explanation: String
    /// Field → Thai message for numbers that could not be read (the preview then ignores them).
    public var errors: [String: String]

    public static func compute(kpi: AgreementKPI, agreement: Agreement, unitGroup: String?,
                               value: Decimal?, claimedLevel: Decimal?) -> ReportPreview {
        let single = Agreement(unitCode: agreement.unitCode, fiscalYear: agreement.fiscalYear,
                               pointsScheme: agreement.pointsScheme,
                               components: [Component(number: "", name: "", kpis: [kpi])],
                               appeals: agreement.appeals.filter { $0.kpiCode == kpi.code })
        let result = KPIResult(kpiCode: kpi.code, value: value, level: claimedLevel)
        let card = Scorer.score(single, results: [result], unitGroup: unitGroup)
        let score = card.allKPIs[0]
        return ReportPreview(level: score.level, points: score.points, weightedScore: score.weightedScore,
                             weight: score.weight, rule: score.rule, explanation: score.explanation, errors: [:])
    }

    /// The preview of a form as typed; unreadable numbers are reported, not guessed.
    static func compute(kpi: AgreementKPI, agreement: Agreement, unitGroup: String?, form: ReportForm) -> ReportPreview {
        let parsed = ParsedReportForm(form)
        var preview = compute(kpi: kpi, agreement: agreement, unitGroup: unitGroup,
                              value: parsed.value, claimedLevel: parsed.claimedLevel)
        preview.errors = parsed.errors
        return preview
    }

    /// Below target: a scored level under 5 (the explanation is then required at year-end).
    public var isBelowTarget: Bool { level.map { $0 < 5 } ?? false }
}
