import Foundation

/// The disbursement KPI of an agreement (`AgreementKPI.resultSource == .disbursement`) takes
/// its result from the budget records, never from a typed figure: the total percent of the
/// disbursement table (Σ disbursed / Σ allocated after transfers), rounded to two decimals as
/// the documents print it (32.30), scored by the KPI's own criteria for the unit's group.
public enum DisbursementKPI {
    public struct Figure: Hashable, Sendable {
        public var asOf: CivilDate
        public var table: DisbursementMath.Table
        /// The KPI result: the total percent rounded half-up to two decimals.
        public var value: Decimal
        /// "จากข้อมูลการเบิกจ่าย ณ 31 มี.ค. 2567: 4,361,269.47 / 13,503,069 = 32.30 %"
        public var source: String
    }

    /// The figure as of `asOf`, or as of the latest disbursement recorded in the year when
    /// no date is given; nil when nothing is allocated yet (there is no percentage to score).
    public static func figure(_ records: BudgetRecords, asOf: CivilDate? = nil) -> Figure? {
        let date = asOf ?? records.latestDisbursementDate ?? records.fiscalYear.start
        let table = records.table(asOf: date)
        guard table.totalAllocated.satang > 0 else { return nil }
        let value = Scorer.rounded(table.totalPercent, 2)
        let source = "จากข้อมูลการเบิกจ่าย ณ \(DisbursementText.date(date)): \(DisbursementText.amount(table.totalDisbursed)) / "
            + "\(DisbursementText.amount(table.totalAllocated)) = \(DisbursementText.percent(value))"
        return Figure(asOf: date, table: table, value: value, source: source)
    }

    /// The codes of the agreement's KPIs fed by disbursements.
    public static func kpiCodes(_ agreement: Agreement) -> [String] {
        agreement.allKPIs.filter { $0.resultSource == .disbursement }.map(\.code)
    }

    /// The results with every disbursement-fed KPI's result replaced by the figure (or
    /// removed when there is none: a typed figure is not a substitute).
    public static func results(_ results: [KPIResult], agreement: Agreement, figure: Figure?) -> [KPIResult] {
        let codes = Set(kpiCodes(agreement))
        guard !codes.isEmpty else { return results }
        var out = results.filter { !codes.contains($0.kpiCode) }
        if let figure {
            for code in codes.sorted() {
                let stated = results.first { $0.kpiCode == code }?.stated
                out.append(KPIResult(kpiCode: code, value: figure.value, stated: stated))
            }
        }
        return out
    }

    /// Puts where the figure came from at the front of each fed KPI's explanation.
    public static func annotate(_ card: ScoreCard, agreement: Agreement, figure: Figure?) -> ScoreCard {
        let codes = Set(kpiCodes(agreement))
        guard !codes.isEmpty else { return card }
        var card = card
        for c in card.components.indices {
            for k in card.components[c].kpis.indices where codes.contains(card.components[c].kpis[k].code) {
                let source = figure?.source ?? "ผลมาจากข้อมูลการเบิกจ่าย ซึ่งยังไม่มีการบันทึกงบประมาณที่ได้รับจัดสรรของปีงบประมาณ \(agreement.fiscalYear)"
                card.components[c].kpis[k].explanation = source + "; " + card.components[c].kpis[k].explanation
            }
        }
        return card
    }

    /// The level a disbursement percent reaches under a KPI's criteria for a unit group
    /// (the same rules as the score card), for the city table.
    public static func level(percent: Decimal, criteria: Criteria, unitGroup: String?) -> Decimal? {
        LevelRules.level(for: criteria, value: percent, claimedLevel: nil, partValues: nil, unitGroup: unitGroup).level
    }
}
