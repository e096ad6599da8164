import Foundation
import PhaenCore
import PhaenDocs

/// The budget-disbursement table (domain.md §7), one sheet per as-of date: allocation after
/// transfers, disbursed, percent per budget type. The percents are formulas over the amounts
/// (the total's is Σ disbursed / Σ allocated, never the mean of the row percents); a percent
/// or total the source printed differently gets a note.
enum DisbursementSheets {
    /// The figures of one table: amounts per type, and whatever the source printed.
    struct Input {
        struct Row { var type: BudgetType; var allocated: Money; var disbursed: Money; var statedPercent: Decimal? }
        var asOf: CivilDate
        var rows: [Row]
        var statedAllocated: Money?
        var statedDisbursed: Money?
        var statedPercent: Decimal?

        init(_ table: StatedDisbursementTable) {
            asOf = table.asOf
            rows = table.rows.map { Row(type: $0.type, allocated: $0.allocated, disbursed: $0.disbursed, statedPercent: $0.statedPercent) }
            statedAllocated = table.statedTotalAllocated
            statedDisbursed = table.statedTotalDisbursed
            statedPercent = table.statedTotalPercent
        }

        /// A table computed from the budget records: nothing printed to compare with.
        init(_ table: DisbursementMath.Table, asOf: CivilDate) {
            self.asOf = asOf
            rows = table.rows.map { Row(type: $0.type, allocated: $0.allocated, disbursed: $0.disbursed, statedPercent: nil) }
        }
    }

    static func workbook(tables: [StatedDisbursementTable], unit: PhaenCore.Unit, fiscalYear: FiscalYear,
                         digits: NumeralStyle) -> Workbook {
        workbook(inputs: tables.map(Input.init), unit: unit, fiscalYear: fiscalYear, digits: digits)
    }

    static func workbook(inputs: [Input], unit: PhaenCore.Unit, fiscalYear: FiscalYear, digits: NumeralStyle) -> Workbook {
        let title = "ผลการเบิกจ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. \(fiscalYear)"
        let sheets = inputs.sorted { $0.asOf < $1.asOf }.map { sheet($0, title: title, unit: unit, digits: digits) }
        return Workbook(title: "\(title) \(unit.nameTH)", sheets: SheetText.uniqueNames(sheets))
    }

    static func sheet(_ table: Input, title: String, unit: PhaenCore.Unit, digits: NumeralStyle) -> Sheet {
        var sheet = Sheet(name: "เบิกจ่าย ณ " + ThaiDateFormat.short(table.asOf, digits: digits), columns: [
            SheetColumn(width: 40, header: "ประเภทงบประมาณ"),
            SheetColumn(width: 20, header: "งบประมาณหลังปรับโอน (บาท)"),
            SheetColumn(width: 20, header: "เบิกจ่าย (บาท)"),
            SheetColumn(width: 14, header: "ร้อยละการเบิกจ่าย"),
            SheetColumn(width: 34, header: "หมายเหตุ"),
        ], digits: digits)
        sheet.appendTitle(title)
        sheet.appendTitle("\(unit.nameTH) ข้อมูล ณ วันที่ \(ThaiDateFormat.long(table.asOf, digits: .arabic))", level: .subtitle)
        sheet.appendColumnHeaders()

        var amountRows: [Int] = []
        for row in table.rows {
            let r = sheet.nextRowNumber
            let percent = DisbursementMath.percent(row.disbursed, of: row.allocated)
            let restated = row.statedPercent.map { Scorer.rounded(percent, 2) != $0 } ?? false
            var cells: [SheetCell] = [
                SheetCell(text: row.type.thaiName),
                SheetCell(.money(row.allocated)),
                SheetCell(.money(row.disbursed)),
                SheetCell(.formula(SheetFormula.ratio(CellRef(row: r, column: 3), over: CellRef(row: r, column: 2)),
                                   cached: percent / 100, format: .percent), restated: restated),
            ]
            if restated, let stated = row.statedPercent {
                cells.append(SheetText.note("เอกสารต้นฉบับพิมพ์ร้อยละ " + ThaiNumberFormat.decimal(stated)))
            }
            amountRows.append(sheet.append(SheetRow(cells)))
        }

        let allocated = table.rows.map(\.allocated).sum(), disbursed = table.rows.map(\.disbursed).sum()
        let percent = DisbursementMath.percent(disbursed, of: allocated)
        var notes: [String] = []
        func differs(_ stated: Money?, _ computed: Money, _ what: String) -> Bool {
            guard let stated, stated != computed else { return false }
            notes.append("เอกสารต้นฉบับพิมพ์\(what) " + ThaiNumberFormat.amount(stated))
            return true
        }
        let allocatedRestated = differs(table.statedAllocated, allocated, "งบประมาณรวม")
        let disbursedRestated = differs(table.statedDisbursed, disbursed, "เบิกจ่ายรวม")
        let percentRestated = table.statedPercent.map { Scorer.rounded(percent, 2) != $0 } ?? false
        if percentRestated, let stated = table.statedPercent {
            notes.append("เอกสารต้นฉบับพิมพ์ร้อยละรวม " + ThaiNumberFormat.decimal(stated))
        }
        let r = sheet.nextRowNumber
        var total: [SheetCell] = [
            SheetText.note("รวม"),
            SheetCell(.formula(SheetFormula.sum(column: 2, rows: amountRows), cached: allocated.decimal, format: .twoDecimals),
                      restated: allocatedRestated),
            SheetCell(.formula(SheetFormula.sum(column: 3, rows: amountRows), cached: disbursed.decimal, format: .twoDecimals),
                      restated: disbursedRestated),
            SheetCell(.formula(SheetFormula.ratio(CellRef(row: r, column: 3), over: CellRef(row: r, column: 2)),
                               cached: percent / 100, format: .percent), restated: percentRestated),
        ]
        if !notes.isEmpty { total.append(SheetText.note(notes.joined(separator: "\n"))) }
        sheet.append(SheetRow(total, kind: .total))
        sheet.appendTitle("ร้อยละรวม = เบิกจ่ายรวม ÷ งบประมาณรวม (ไม่ใช่ค่าเฉลี่ยของร้อยละรายประเภท)", level: .note)
        return sheet
    }
}
