import Foundation
import PhaenCore
import PhaenDocs

/// Table ค of the agreement (ที่ | ชื่อตัวชี้วัด | Baseline | เป้าหมาย | น้ำหนักคะแนน | นิยามและวิธีคำนวณ),
/// each KPI followed by its criteria table (ระดับ | เกณฑ์ | วิธีวัดผล | คะแนนที่ได้รับ). The points
/// per level are computed from the year's points scheme; a printed figure that differs is
/// marked restated with a note. Shared by the agreement document and the plan book.
enum AgreementTables {
    static func components(_ agreement: Agreement, unitGroup: String?, only numbers: Set<String>? = nil) -> DocumentBody {
        var body = DocumentBody()
        let shown = agreement.components.filter { numbers?.contains($0.number) ?? true }
        for component in shown {
            let tag = component.tag.map { " (\($0))" } ?? ""
            body.heading("องค์ประกอบที่ \(component.number) \(component.name)\(tag)", level: 3)
            body.append(kpiTable(component, scheme: agreement.pointsScheme))
            for kpi in component.kpis {
                body.append(criteria(kpi, scheme: agreement.pointsScheme, unitGroup: unitGroup))
            }
        }
        let total = shown.map(\.effectiveWeight).reduce(0, +)
        body.paragraph([Run("รวมน้ำหนักคะแนน ", bold: true), Run(DocText.decimal(total))], spaceBeforePt: 6)
        return body
    }

    static func kpiTable(_ component: Component, scheme: PointsScheme) -> DocumentBody {
        var body = DocumentBody()
        let header = Row([.header("ที่"), .header("ชื่อตัวชี้วัด"), .header("Baseline"), .header("เป้าหมาย"),
                          .header("น้ำหนักคะแนน"), .header("นิยามและวิธีคำนวณ")])
        var rows: [Row] = []
        var sub: String?
        for kpi in component.kpis {
            if let s = kpi.subcomponent, s != sub {
                rows.append(Row([Cell("\(DocText.clean(s))", columnSpan: 6, bold: true, shading: "F2F2F2")], kind: .group))
                sub = s
            }
            let baselines = (kpi.baselines ?? []).map { "ปี \($0.year): \(DocText.clean($0.text))" }.joined(separator: "\n")
            var definition: [Paragraph] = []
            if let d = kpi.definition { definition += lines("นิยาม", d) }
            if let m = kpi.method { definition += lines("วิธีคำนวณ", m) }
            if let e = kpi.evidence, !e.isEmpty { definition += lines("หลักฐาน", e.joined(separator: "\n")) }
            if let o = kpi.owner { definition += lines("ผู้กำหนดเกณฑ์", o) }
            if definition.isEmpty { definition = [Paragraph("-")] }
            rows.append(Row([Cell(DocText.clean(kpi.code), alignment: .center), Cell(DocText.clean(kpi.name)),
                             Cell(baselines.isEmpty ? "-" : baselines), Cell(DocText.clean(kpi.target ?? "-")),
                             .figure(DocText.decimal(kpi.weight)), Cell(paragraphs: definition)]))
        }
        rows.append(Row([Cell("รวมน้ำหนักองค์ประกอบที่ \(component.number)", columnSpan: 4, alignment: .center, bold: true),
                         .figure(DocText.decimal(component.kpis.map(\.weight).reduce(0, +)), bold: true), Cell("")], kind: .total))
        body.table(Table(columns: [.init(width: 0.8), .init(width: 2.6), .init(width: 1.8), .init(width: 2), .init(width: 0.9), .init(width: 5.5)],
                         headerRows: [header], bodyRows: rows))
        return body
    }

    private static func lines(_ label: String, _ text: String) -> [Paragraph] {
        let parts = DocText.clean(text).split(separator: "\n").map(String.init)
        return [Paragraph([Run(label + ": ", bold: true), Run(parts.first ?? "")])] + parts.dropFirst().map { Paragraph($0) }
    }

    /// The criteria table of one KPI.
    static func criteria(_ kpi: AgreementKPI, scheme: PointsScheme, unitGroup: String?) -> DocumentBody {
        var body = DocumentBody()
        body.paragraph([Run("เกณฑ์การให้คะแนน ตัวชี้วัดที่ \(DocText.clean(kpi.code)) ", bold: true), Run(DocText.clean(kpi.name))],
                       spaceBeforePt: 6)
        let printed = Dictionary((kpi.levelRows ?? []).map { ($0.level, $0) }, uniquingKeysWith: { a, _ in a })
        let header = Row([.header("ระดับ"), .header("เกณฑ์"), .header("วิธีวัดผลการดำเนินงาน"), .header("คะแนนที่ได้รับ")])
        var rows: [Row] = []
        var notes: [String] = []
        for level in 1...5 {
            let points = kpi.weight * scheme.points(atLevel: Decimal(level)) / 100
            let stated = printed[level]?.points
            let differs = stated.map { $0 != points } ?? false
            if differs, let stated {
                notes.append("ระดับ \(level): คะแนน \(DocText.decimal(points)) คำนวณจากน้ำหนัก \(DocText.decimal(kpi.weight)) "
                             + "ต้นฉบับพิมพ์ว่า \(DocText.decimal(stated))")
            }
            rows.append(Row([Cell("\(level)", alignment: .center),
                             Cell(DocText.clean(printed[level]?.label ?? threshold(kpi.criteria, level: level, unitGroup: unitGroup))),
                             Cell(DocText.clean(printed[level]?.description ?? requirement(kpi.criteria, level: level))),
                             .figure(DocText.decimal(points), restated: differs)]))
        }
        body.table(Table(columns: [.init(width: 0.6), .init(width: 1.6), .init(width: 5), .init(width: 1)],
                         headerRows: [header], bodyRows: rows))
        if case .thresholds(let t) = kpi.criteria, t.interpolate {
            body.paragraph("ผลการดำเนินงานระหว่างเกณฑ์ คิดคะแนนตามสัดส่วนระหว่างระดับ (ปรับเกณฑ์แบบช่วง); ต่ำกว่าระดับ 1 ได้ระดับ 1")
        }
        if case .composite(let c) = kpi.criteria {
            body.paragraph("ตัวชี้วัดนี้มี \(c.parts.count) ส่วน ระดับที่ได้คือระดับต่ำสุดของทุกส่วน")
        }
        for note in notes { body.restatedNote(note) }
        return body
    }

    /// The threshold a level needs, for numeric criteria ("≥ 75 ร้อยละ").
    static func threshold(_ criteria: Criteria, level: Int, unitGroup: String?) -> String {
        switch criteria {
        case .thresholds(let t):
            guard let row = t.table.row(forGroup: unitGroup), row.count >= level, let value = row[level - 1] else { return "-" }
            let sign = t.direction == .higher ? "≥" : "≤"
            return "\(sign) \(ThaiNumberFormat.decimal(value, maxFractionDigits: 4))" + (t.unit.map { " \($0)" } ?? "")
        case .steps: return "ขั้นตอนที่ 1–\(level)"
        case .judged: return "ระดับ \(level)"
        case .composite(let c):
            return c.parts.enumerated().map { "\($0.element.name ?? "ส่วนที่ \($0.offset + 1)"): "
                + threshold($0.element.criteria, level: level, unitGroup: unitGroup) }.joined(separator: "\n")
        }
    }

    /// What a level requires, for step and judged criteria.
    static func requirement(_ criteria: Criteria, level: Int) -> String {
        switch criteria {
        case .steps(let s): return level <= s.steps.count ? s.steps[level - 1] : "-"
        case .judged(let j): return level <= j.levels.count ? j.levels[level - 1] : "-"
        case .thresholds: return "ผลการดำเนินงานเทียบกับเกณฑ์"
        case .composite(let c):
            return c.parts.map { requirement($0.criteria, level: level) }.filter { $0 != "-" }.joined(separator: "\n")
        }
    }
}
