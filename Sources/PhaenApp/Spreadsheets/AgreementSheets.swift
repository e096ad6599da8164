import Foundation
import PhaenCore
import PhaenDocs

/// The KPI table of an agreement (table ค): per component its KPIs with weight, baseline,
/// target and what each level 1–5 requires; the weights are summed by SUM formulas per
/// component and in total.
enum AgreementSheets {
    static let weightColumn = 3

    static func workbook(agreement: Agreement, unit: PhaenCore.Unit, digits: NumeralStyle) -> Workbook {
        let title = "คำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. \(agreement.fiscalYear)"
        var sheet = Sheet(name: "ตัวชี้วัด", columns: [
            SheetColumn(width: 9, header: "ตัวชี้วัดที่"),
            SheetColumn(width: 48, header: "ตัวชี้วัด"),
            SheetColumn(width: 10, header: "น้ำหนัก (ร้อยละ)"),
            SheetColumn(width: 18, header: "ค่าฐาน"),
            SheetColumn(width: 16, header: "ค่าเป้าหมาย"),
        ] + (1...5).map { SheetColumn(width: 18, header: "ระดับ \($0)") } + [
            SheetColumn(width: 28, header: "หมายเหตุ"),
        ], digits: digits, landscape: true)
        sheet.appendTitle(title)
        sheet.appendTitle(unit.nameTH, level: .subtitle)
        sheet.appendColumnHeaders(localized: true)
        let noteColumn = sheet.columns.count

        var componentRows: [Int] = []
        var total: Decimal = 0
        for component in agreement.components {
            var heading = "องค์ประกอบที่ \(component.number) \(component.name)"
            if let tag = component.tag, !heading.contains(tag) { heading += " (\(tag))" }
            let g = sheet.append(SheetRow([SheetCell(text: heading, localized: true)], kind: .group))
            sheet.merges.append(CellRange(from: CellRef(row: g, column: 1), to: CellRef(row: g, column: noteColumn)))

            var kpiRows: [Int] = []
            var subcomponent: String?
            for kpi in component.kpis {
                if let sub = kpi.subcomponent, sub != subcomponent {
                    let s = sheet.append(SheetRow([.empty, SheetCell(text: sub)], kind: .group))
                    sheet.merges.append(CellRange(from: CellRef(row: s, column: 2), to: CellRef(row: s, column: noteColumn)))
                }
                subcomponent = kpi.subcomponent
                kpiRows.append(sheet.append(row(kpi)))
            }
            let computed = component.kpis.map(\.weight).reduce(0, +)
            let restated = component.weight.map { $0 != computed } ?? false
            var cells: [SheetCell] = [
                .empty, SheetText.note("รวมองค์ประกอบที่ \(component.number)"),
                SheetCell(.formula(SheetFormula.sum(column: weightColumn, rows: kpiRows), cached: computed, format: .twoDecimals),
                          restated: restated),
            ]
            if restated, let stated = component.weight {
                cells += Array(repeating: .empty, count: noteColumn - cells.count - 1)
                cells.append(SheetText.note("เอกสารต้นฉบับพิมพ์น้ำหนัก " + ThaiNumberFormat.decimal(stated)))
            }
            componentRows.append(sheet.append(SheetRow(cells, kind: .subtotal)))
            total += computed
        }
        var cells: [SheetCell] = [
            .empty, SheetText.note("รวมทั้งสิ้น"),
            SheetCell(.formula(SheetFormula.sum(column: weightColumn, rows: componentRows), cached: total, format: .twoDecimals),
                      restated: total != 100),
        ]
        if total != 100 {
            cells += Array(repeating: .empty, count: noteColumn - cells.count - 1)
            cells.append(SheetText.note("น้ำหนักรวมต้องเท่ากับ 100"))
        }
        sheet.append(SheetRow(cells, kind: .total))
        return Workbook(title: "\(title) \(unit.nameTH)", sheets: [sheet])
    }

    static func row(_ kpi: AgreementKPI) -> SheetRow {
        let baselines = (kpi.baselines ?? []).map { "ปี \($0.year): \($0.text)" }.joined(separator: "\n")
        var cells: [SheetCell] = [
            SheetCell(text: kpi.code, alignment: .center),
            SheetCell(text: kpi.name),
            SheetCell(.number(kpi.weight, .twoDecimals)),
            SheetCell(text: baselines),
            SheetCell(text: kpi.target ?? ""),
        ]
        cells += levelTexts(kpi).map { SheetCell(text: $0) }
        return SheetRow(cells)
    }

    /// What each level 1–5 requires: the printed criteria rows when the agreement has them,
    /// else the rule's own thresholds, steps or level descriptions.
    static func levelTexts(_ kpi: AgreementKPI) -> [String] {
        if let rows = kpi.levelRows, !rows.isEmpty {
            return (1...5).map { level in
                guard let row = rows.first(where: { $0.level == level }) else { return "" }
                return [row.label, row.description].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
            }
        }
        return criteriaTexts(kpi.criteria)
    }

    static func criteriaTexts(_ criteria: Criteria) -> [String] {
        switch criteria {
        case .thresholds(let t):
            let sign = t.direction == .higher ? "≥ " : "≤ "
            let unit = t.unit.map { " " + $0 } ?? ""
            func texts(_ row: [Decimal?]) -> [String] {
                (0..<5).map { i in i < row.count ? row[i].map { sign + ThaiNumberFormat.decimal($0) + unit } ?? "" : "" }
            }
            switch t.table {
            case .uniform(let row):
                return texts(row)
            case .perGroup(let groups):
                let perGroup = groups.keys.sorted().map { ($0, texts(groups[$0] ?? [])) }
                return (0..<5).map { i in perGroup.map { "กลุ่ม \($0.0): \($0.1[i])" }.joined(separator: "\n") }
            }
        case .steps(let s):
            return (0..<5).map { i in i < s.steps.count ? "ขั้นตอนที่ \(i + 1): \(s.steps[i])" : "ครบ \(i + 1) ขั้นตอน" }
        case .judged(let j):
            return (0..<5).map { i in i < j.levels.count ? j.levels[i] : "" }
        case .composite(let c):
            let parts = c.parts.map { ($0.name, criteriaTexts($0.criteria)) }
            return (0..<5).map { i in parts.map { ($0.0.map { $0 + ": " } ?? "") + $0.1[i] }.joined(separator: "\n") }
        }
    }
}
