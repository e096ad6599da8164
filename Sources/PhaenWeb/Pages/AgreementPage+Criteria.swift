import Foundation
import PhaenCore

/// One KPI of the agreement in full: definition, method, evidence and its criteria table.
struct KPIDetail {
    struct LevelRowView { var level: Int; var label: String?; var points: String?; var description: String? }
    struct ThresholdRow { var group: String; var values: [String]; var applies: Bool }
    struct Part { var name: String; var summary: String }

    var code: String
    var anchor: String
    var name: String
    var weight: String
    var subcomponent: String?
    var target: String?
    var baselines: String?
    var definition: String?
    var method: String?
    var evidence: [String]
    var owner: String?
    var criteriaSummary: String
    var direction: String?
    var interpolates: Bool
    var levelRows: [LevelRowView]
    var thresholdRows: [ThresholdRow]
    var steps: [String]
    var judgedLevels: [LevelRowView]
    var parts: [Part]
    var findings: [FindingView]

    static func anchor(_ code: String) -> String { "kpi-" + code }

    static func build(_ kpi: AgreementKPI, scheme: PointsScheme, unitGroup: String?, findings: [Finding]) -> KPIDetail {
        var detail = KPIDetail(
            code: kpi.code, anchor: anchor(kpi.code), name: kpi.name, weight: AgreementPage.number(kpi.weight),
            subcomponent: kpi.subcomponent, target: kpi.target, baselines: PlanPage.yearValues(kpi.baselines),
            definition: kpi.definition, method: kpi.method, evidence: kpi.evidence ?? [], owner: kpi.owner,
            criteriaSummary: summary(kpi.criteria), direction: nil, interpolates: false,
            levelRows: (kpi.levelRows ?? []).sorted { $0.level < $1.level }.map { r in
                LevelRowView(level: r.level, label: r.label, points: r.points.map(AgreementPage.number), description: r.description)
            },
            thresholdRows: [], steps: [], judgedLevels: [], parts: [], findings: findings.map(FindingView.init))
        switch kpi.criteria {
        case .thresholds(let t):
            detail.direction = t.direction == .higher ? "ค่ามากดี" : "ค่าน้อยดี"
            detail.interpolates = t.interpolate
            detail.thresholdRows = thresholdRows(t.table, unitGroup: unitGroup)
        case .steps(let s):
            detail.steps = s.steps
        case .judged(let j):
            detail.judgedLevels = j.levels.enumerated().map { LevelRowView(level: $0.offset + 1, label: nil, points: nil, description: $0.element) }
        case .composite(let c):
            detail.parts = c.parts.enumerated().map { Part(name: $0.element.name ?? "ส่วนที่ \($0.offset + 1)", summary: summary($0.element.criteria)) }
        }
        return detail
    }

    static func thresholdRows(_ table: ThresholdTable, unitGroup: String?) -> [ThresholdRow] {
        func values(_ row: [Decimal?]) -> [String] { row.map { $0.map { ThaiNumberFormat.decimal($0, maxFractionDigits: 4) } ?? "–" } }
        switch table {
        case .uniform(let row):
            return [ThresholdRow(group: "ทุกหน่วยงาน", values: values(row), applies: true)]
        case .perGroup(let rows):
            return rows.keys.sorted().map { g in ThresholdRow(group: "กลุ่ม \(g)", values: values(rows[g] ?? []), applies: g == unitGroup) }
        }
    }

    /// One line on how the level is reached, for the KPI table.
    static func summary(_ criteria: Criteria) -> String {
        switch criteria {
        case .thresholds(let t):
            var text = "เกณฑ์ค่าตัวเลข " + (t.direction == .higher ? "ค่ามากดี" : "ค่าน้อยดี")
            switch t.table {
            case .uniform(let row):
                text += " " + row.map { $0.map { ThaiNumberFormat.decimal($0, maxFractionDigits: 4) } ?? "–" }.joined(separator: "/")
            case .perGroup(let rows):
                text += " แยกตามกลุ่มหน่วยงาน (" + rows.keys.sorted().joined(separator: ", ") + ")"
            }
            if let unit = t.unit { text += " (\(unit))" }
            if t.interpolate { text += " ปรับเกณฑ์แบบช่วง" }
            return text
        case .steps(let s):
            return "ความสำเร็จตามขั้นตอน" + (s.steps.isEmpty ? "" : " \(s.steps.count) ขั้นตอน")
        case .judged:
            return "ระดับความสำเร็จตามเงื่อนไข (ผู้ประเมินพิจารณาตามหลักฐาน)"
        case .composite(let c):
            return "หลายมิติ \(c.parts.count) ส่วน ใช้ระดับต่ำสุด"
        }
    }
}
