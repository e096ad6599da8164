import Foundation
import PhaenCore
import PhaenDocs

/// The city score table: units as rows, one column per component, the total as a SUM
/// across; and, on a second sheet, every KPI's level, points and weighted score with the
/// scorer's explanation, so "why is this 6.0?" is answered in the same file.
enum CityScoreSheets {
    static func workbook(rows: [CityTableRow], fiscalYear: FiscalYear, digits: NumeralStyle) -> Workbook {
        let title = "ผลคะแนนการปฏิบัติราชการตามคำรับรอง ปีงบประมาณ พ.ศ. \(fiscalYear)"
        return Workbook(title: title, sheets: [summary(rows, title: title, digits: digits), detail(rows, digits: digits)])
    }

    /// Component columns in the order first met (the year's template), keyed by number.
    static func components(_ rows: [CityTableRow]) -> [(number: String, name: String)] {
        var seen = Set<String>(), result: [(number: String, name: String)] = []
        for row in rows {
            for c in row.card.components where seen.insert(c.number).inserted { result.append((c.number, c.name)) }
        }
        return result
    }

    static func summary(_ rows: [CityTableRow], title: String, digits: NumeralStyle) -> Sheet {
        let components = components(rows)
        let first = 4, last = first + components.count - 1
        var sheet = Sheet(name: "คะแนนรายหน่วยงาน", columns: [
            SheetColumn(width: 8, header: "รหัส"),
            SheetColumn(width: 36, header: "หน่วยงาน"),
            SheetColumn(width: 8, header: "กลุ่ม"),
        ] + components.map { SheetColumn(width: 16, header: "องค์ประกอบที่ \($0.number)\n\($0.name)") } + [
            SheetColumn(width: 12, header: "คะแนนรวม"),
        ], digits: digits, landscape: components.count > 3)
        sheet.appendTitle(title)
        sheet.appendTitle("คำนวณจากรายงานล่าสุดของแต่ละตัวชี้วัด (คะแนนถ่วงน้ำหนัก)", level: .subtitle)
        sheet.appendColumnHeaders(localized: true)
        sheet.frozenColumns = 2

        for row in rows {
            let number = sheet.nextRowNumber
            var cells: [SheetCell] = [
                SheetCell(text: row.unit.code, alignment: .center),
                SheetCell(text: row.unit.nameTH),
                SheetCell(text: row.card.unitGroup ?? "", alignment: .center),
            ]
            var sum: Decimal = 0
            for component in components {
                if let score = row.card.components.first(where: { $0.number == component.number })?.score {
                    cells.append(SheetCell(.number(score, .twoDecimals)))
                    sum += score
                } else {
                    cells.append(.empty)
                }
            }
            let formula = components.isEmpty ? "0" : SheetFormula.sumAcross(row: number, columns: first...last)
            cells.append(SheetCell(.formula(formula, cached: sum, format: .twoDecimals), bold: true))
            sheet.append(SheetRow(cells))
        }
        sheet.appendTitle("จำนวน \(rows.count) หน่วยงาน", level: .note)
        return sheet
    }

    static func detail(_ rows: [CityTableRow], digits: NumeralStyle) -> Sheet {
        var sheet = Sheet(name: "รายตัวชี้วัด", columns: [
            SheetColumn(width: 8, header: "รหัส"),
            SheetColumn(width: 30, header: "หน่วยงาน"),
            SheetColumn(width: 12, header: "องค์ประกอบ"),
            SheetColumn(width: 9, header: "ตัวชี้วัดที่"),
            SheetColumn(width: 40, header: "ตัวชี้วัด"),
            SheetColumn(width: 9, header: "น้ำหนัก"),
            SheetColumn(width: 8, header: "ระดับ"),
            SheetColumn(width: 10, header: "ร้อยละของน้ำหนัก"),
            SheetColumn(width: 11, header: "คะแนนถ่วงน้ำหนัก"),
            SheetColumn(width: 50, header: "ที่มาของคะแนน"),
        ], digits: digits, landscape: true)
        sheet.appendColumnHeaders()
        for row in rows {
            for component in row.card.components {
                for kpi in component.kpis {
                    sheet.append(SheetRow([
                        SheetCell(text: row.unit.code, alignment: .center),
                        SheetCell(text: row.unit.nameTH),
                        SheetCell(text: component.number, alignment: .center),
                        SheetCell(text: kpi.code, alignment: .center),
                        SheetCell(text: kpi.name),
                        SheetCell(.number(kpi.weight, .twoDecimals)),
                        kpi.level.map { SheetCell(.number($0, .general)) } ?? .empty,
                        kpi.points.map { SheetCell(.number($0, .twoDecimals)) } ?? .empty,
                        kpi.weightedScore.map { SheetCell(.number($0, .twoDecimals)) } ?? .empty,
                        SheetCell(text: kpi.explanation),
                    ]))
                }
            }
        }
        return sheet
    }
}
