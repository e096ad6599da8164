import Foundation
import PhaenCore

/// The score card as the README documents it for `--json`: numbers are JSON numbers,
/// unrounded; `points` is the percentage of the weight earned.
public struct ScoreCardJSON: Encodable {
    struct KPI: Encodable {
        var code: String
        var name: String
        var weight: Decimal
        var level: Decimal?
        var points: Decimal?
        var weightedScore: Decimal?
        var rule: String
        var explanation: String
        var findings: [StatedMismatch]
    }
    struct ComponentOut: Encodable {
        var number: String
        var name: String
        var weight: Decimal
        var score: Decimal
        var kpis: [KPI]
    }
    var unitCode: String
    var fiscalYear: Int
    var pointsScheme: String
    var unitGroup: String?
    var total: Decimal
    var components: [ComponentOut]
    var findings: [Finding]

    public init(_ card: ScoreCard) {
        unitCode = card.unitCode; fiscalYear = card.fiscalYear.be; pointsScheme = card.pointsScheme.rawValue
        unitGroup = card.unitGroup; total = card.total; findings = card.findings
        components = card.components.map { c in
            ComponentOut(number: c.number, name: c.name, weight: c.weight, score: c.score, kpis: c.kpis.map { k in
                KPI(code: k.code, name: k.name, weight: k.weight, level: k.level, points: k.points,
                    weightedScore: k.weightedScore, rule: k.rule, explanation: k.explanation, findings: k.findings)
            })
        }
    }

    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// Plain-text Thai renderings for the terminal.
public enum TextOutput {
    static func n(_ d: Decimal?, _ places: Int = 2) -> String {
        guard let d else { return "–" }
        return ThaiNumberFormat.decimal(d, maxFractionDigits: places)
    }

    public static func scoreCard(_ card: ScoreCard, unitName: String?) -> String {
        var lines: [String] = []
        lines.append("ผลคะแนนคำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. \(card.fiscalYear)")
        let unit = unitName.map { "\($0) (\(card.unitCode))" } ?? card.unitCode
        lines.append("หน่วยงาน: \(unit)" + (card.unitGroup.map { "  กลุ่มหน่วยงาน \($0)" } ?? ""))
        lines.append("เกณฑ์คะแนน: \(card.pointsScheme == .sixtyToHundred ? "ระดับ 1–5 = 60–100 คะแนน" : "ระดับ 1–5 = ร้อยละ 20–100 ของน้ำหนัก")")
        lines.append("")
        let header = ["ตัวชี้วัด", "น้ำหนัก", "ระดับ", "คะแนน(%)", "ถ่วงน้ำหนัก", "วิธีได้มา"]
        for component in card.components {
            lines.append("องค์ประกอบที่ \(component.number) \(component.name) — น้ำหนัก \(n(component.weight)) ได้ \(n(component.score, 4))")
            var rows: [[String]] = [header]
            for k in component.kpis {
                rows.append([k.code, n(k.weight), n(k.level, 4), n(k.points, 4), n(k.weightedScore, 4), k.rule])
            }
            lines += table(rows).map { "  " + $0 }
            for k in component.kpis {
                lines.append("    \(k.code) \(k.name)")
                lines.append("      \(k.explanation)")
            }
            lines.append("")
        }
        lines.append("คะแนนรวม: \(n(card.total, 4))")
        if !card.findings.isEmpty {
            lines.append("")
            lines.append(findings(card.findings))
        }
        return lines.joined(separator: "\n")
    }

    public static func findings(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "ไม่พบข้อผิดพลาด" }
        var lines = ["พบ \(findings.count) รายการ (ผิดพลาด \(findings.filter { $0.severity == .error }.count), ควรตรวจสอบ \(findings.filter { $0.severity == .warning }.count))"]
        for f in findings {
            lines.append("[\(f.severity.thaiName)] \(f.rule) — \(f.messageTH)")
            lines.append("    ที่: \(f.location)")
            if f.stated != nil || f.computed != nil {
                lines.append("    ระบุไว้: \(f.stated ?? "–")   คำนวณได้: \(f.computed ?? "–")")
            }
        }
        return lines.joined(separator: "\n")
    }

    public static func units(_ units: [PhaenCore.Unit]) -> String {
        var rows = [["รหัส", "ประเภท", "ชื่อหน่วยงาน", "กลุ่มเขต"]]
        for u in units { rows.append([u.code, u.kind.thaiName, u.nameTH, u.zoneGroup ?? ""]) }
        return table(rows).joined(separator: "\n")
    }

    /// Aligns columns by the number of Thai display cells (combining marks take no width).
    static func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { col in rows.map { displayWidth($0[col]) }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - displayWidth(cell))
            }.joined(separator: "  ")
        }
    }

    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.filter { scalar in
            // Thai vowels and tone marks above/below the line do not advance the cursor.
            !((0x0E31 == scalar.value) || (0x0E34...0x0E3A).contains(scalar.value) || (0x0E47...0x0E4E).contains(scalar.value))
        }.count
    }
}
