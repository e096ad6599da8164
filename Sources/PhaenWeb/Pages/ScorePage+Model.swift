import Foundation
import PhaenApp
import PhaenCore

/// `/units/{code}/scores/{year}`: the score card with the breakdown of every figure — level,
/// the rule that produced it and its explanation, points, weight, weighted score — per
/// component and in total, and a chart of each component's score against its weight.
struct ScorePage {
    struct KPIRow {
        var code: String; var name: String; var weight: String
        var level: String; var points: String; var weightedScore: String
        var rule: String; var ruleTH: String; var explanation: String; var band: String
        var source: String?
        var mismatches: [String]
    }
    struct ComponentRow {
        var number: String; var name: String; var weight: String; var score: String; var band: String
        var kpis: [KPIRow]
    }

    var title: String
    var unitName: String
    var unitURL: String
    var unitsURL = SiteURL.units().path
    var agreementURL: String
    var year: String
    var scheme: String
    var unitGroup: String?
    var total: String
    var totalWeight: String
    var totalBand: String
    var components: [ComponentRow]
    var chart: String
    var findings: [FindingView]
    /// How many KPIs have no result yet; nil when all do.
    var unscoredCount: Int?

    static func build(code: String, year: FiscalYear, data: ScopedData) async throws -> ScorePage {
        let unit = try await data.requireUnit(code)
        // The unit is visible (checked above); the card is shared per data version.
        let card = try await DerivedResults(store: data.store)
            .scoreCard(unitCode: code, fiscalYear: year, drafts: AccessPolicy.canReadDraft(data.person, unit: code))
        let reports = try await data.reports(unitCode: code, fiscalYear: year)
        return build(card: card, unit: unit, reports: reports)
    }

    static func build(card: ScoreCard, unit: PhaenCore.Unit, reports: [ProgressReport]) -> ScorePage {
        let scheme = card.pointsScheme
        // The report each KPI's figure comes from (the latest round, as ScoreUnitYear uses).
        var latest: [String: ProgressReport] = [:]
        for r in reports where latest[r.kpiCode].map({ $0.round < r.round }) ?? true { latest[r.kpiCode] = r }
        let components = card.components.map { c in
            let scored = c.kpis.contains { $0.weightedScore != nil }
            return ComponentRow(
                number: c.number, name: c.name, weight: n(c.weight), score: scored ? n(c.score) : "–",
                band: scored ? LevelBand.cssClass(score: c.score, weight: c.weight, scheme: scheme) : "lv0",
                kpis: c.kpis.map { k in
                    KPIRow(code: k.code, name: k.name, weight: n(k.weight), level: k.level.map(n) ?? "–",
                           points: k.points.map(n) ?? "–", weightedScore: k.weightedScore.map(n) ?? "–",
                           rule: k.rule, ruleTH: LevelBand.ruleTH(k.rule), explanation: k.explanation,
                           band: LevelBand.cssClass(level: k.level),
                           source: latest[k.code].map { source($0, year: card.fiscalYear) },
                           mismatches: k.findings.map { m in
                               "ระบุไว้ \(n(m.stated)) แต่คำนวณได้ \(m.computed.map(n) ?? "–") (\(mismatchLabel(m.code)))"
                           })
                })
        }
        let totalWeight = card.components.map(\.weight).reduce(0, +)
        let anyScored = card.allKPIs.contains { $0.weightedScore != nil }
        let bars = card.components.map { c in
            let scored = c.kpis.contains { $0.weightedScore != nil }
            return BarChartSVG.Bar(label: "องค์ประกอบที่ \(c.number) \(c.name)",
                            value: scored ? SVGText.double(c.score) : nil,
                            capacity: SVGText.double(c.weight), valueText: "\(scored ? n(c.score) : "–") / \(n(c.weight))",
                            cssClass: LevelBand.cssClass(score: c.score, weight: c.weight, scheme: scheme))
        }
        return ScorePage(
            title: "ผลคะแนนคำรับรองการปฏิบัติราชการ ปีงบประมาณ พ.ศ. \(card.fiscalYear.be)", unitName: unit.nameTH,
            unitURL: SiteURL.unit(unit.code).path, agreementURL: SiteURL.agreement(unit.code, card.fiscalYear).path,
            year: String(card.fiscalYear.be), scheme: AgreementPage.schemeTH(scheme), unitGroup: card.unitGroup,
            total: anyScored ? n(card.total) : "–", totalWeight: n(totalWeight),
            totalBand: anyScored ? LevelBand.cssClass(score: card.total, weight: totalWeight, scheme: scheme) : "lv0",
            components: components,
            chart: BarChartSVG.draw(bars, title: "คะแนนองค์ประกอบเทียบกับน้ำหนัก"),
            findings: card.findings.map(FindingView.init),
            unscoredCount: Optional(card.allKPIs.filter { $0.weightedScore == nil }.count).flatMap { $0 == 0 ? nil : $0 })
    }

    /// "ระยะครึ่งปีงบประมาณ · ข้อมูล ณ 31 มีนาคม 2567 · ส่งแล้ว"
    static func source(_ r: ProgressReport, year: FiscalYear) -> String {
        let asOf = r.asOf ?? r.round.asOf(in: year)
        return "\(r.round.thaiName) · ข้อมูล ณ \(ThaiDateFormat.long(asOf, digits: .arabic)) · \(r.state.thaiName)"
    }

    static func mismatchLabel(_ code: String) -> String {
        switch code {
        case "level": "ระดับ"
        case "points": "คะแนน"
        default: "คะแนนถ่วงน้ำหนัก"
        }
    }

    static func n(_ d: Decimal) -> String { ThaiNumberFormat.decimal(d, maxFractionDigits: 4) }
}
