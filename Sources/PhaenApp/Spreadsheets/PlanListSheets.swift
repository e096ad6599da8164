import Foundation
import PhaenCore
import PhaenDocs

/// The project and budget lists of a plan, one sheet per printed list. Rows keep what the
/// list prints (number, budget, section); names come from the master project record. Sums
/// name only the rows that count (a parent whose budget is its children's, a budget counted
/// in another row, a text cell such as "ไม่ใช้งบประมาณ" are left out), so the formula and its
/// cached value equal `ProjectList.computedTotal`.
enum PlanListSheets {
    static let budgetColumn = 3
    static let noteColumn = 6

    static func workbook(plan: ActionPlan, unit: PhaenCore.Unit, digits: NumeralStyle) -> Workbook {
        let sheets = plan.lists.map { sheet(list: $0, plan: plan, unit: unit, digits: digits) }
        return Workbook(title: plan.title, sheets: SheetText.uniqueNames(sheets))
    }

    static func sheet(list: ProjectList, plan: ActionPlan, unit: PhaenCore.Unit, digits: NumeralStyle) -> Sheet {
        var sheet = Sheet(name: localized(sheetName(list), digits), columns: [
            SheetColumn(width: 7, header: "ลำดับ"),
            SheetColumn(width: 60, header: "โครงการ/กิจกรรม"),
            SheetColumn(width: 16, header: "งบประมาณ (บาท)"),
            SheetColumn(width: 24, header: "ผู้รับผิดชอบ"),
            SheetColumn(width: 14, header: "รหัสนโยบาย"),
            SheetColumn(width: 34, header: "หมายเหตุ"),
        ], digits: digits)
        sheet.appendTitle(plan.title)
        sheet.appendTitle(list.title, level: .subtitle)
        sheet.appendTitle("\(unit.nameTH) ปีงบประมาณ พ.ศ. \(plan.fiscalYear)", level: .subtitle)
        sheet.appendColumnHeaders()

        let amounts = list.entries.compactMap { $0.budget?.amount }
        let wholeBaht = amounts.allSatisfy { $0.satangPart == 0 }
        let hasAmounts = !amounts.isEmpty
        let grouped = list.entries.contains { $0.group != nil }
        var subtotalRows: [Int] = [], countedRows: [Int] = []

        for run in runs(list.entries) {
            if grouped {
                let r = sheet.append(SheetRow([.empty, SheetCell(text: run.group ?? "ไม่ระบุกลุ่ม")], kind: .group))
                sheet.merges.append(CellRange(from: CellRef(row: r, column: 2), to: CellRef(row: r, column: noteColumn)))
            }
            var counted: [Int] = [], sum = Money.zero
            for entry in run.entries {
                let r = sheet.append(row(entry, plan: plan, wholeBaht: wholeBaht))
                if entry.countsInTotal, let amount = entry.budget?.amount { counted.append(r); sum += amount }
            }
            countedRows += counted
            if grouped && hasAmounts {
                let r = sheet.append(SheetRow([
                    .empty, SheetCell(text: "รวม " + (run.group ?? "ไม่ระบุกลุ่ม")),
                    SheetCell(.formula(SheetFormula.sum(column: budgetColumn, rows: counted), cached: sum.decimal,
                                       format: wholeBaht ? .integer : .twoDecimals)),
                ], kind: .subtotal))
                subtotalRows.append(r)
            }
        }

        if hasAmounts {
            // The grand total adds the subtotals when there are groups, else the counted rows.
            let computed = list.computedTotal
            let formula = grouped
                ? SheetFormula.sum(column: budgetColumn, rows: subtotalRows)
                : SheetFormula.sum(column: budgetColumn, rows: countedRows)
            let stated = list.statedTotal?.amount
            let restated = stated != nil && stated != computed
            var cells: [SheetCell] = [
                .empty, SheetText.note("รวมทั้งสิ้น"),
                SheetCell(.formula(formula, cached: computed.decimal, format: wholeBaht ? .integer : .twoDecimals), restated: restated),
                .empty, .empty,
            ]
            if restated, let stated { cells.append(SheetText.printedTotalNote(differenceFromComputed: stated - computed)) }
            sheet.append(SheetRow(cells, kind: .total))
        }
        appendNotes(list, to: &sheet)
        return sheet
    }

    /// One printed row: number as printed, the master record's name, the budget as printed
    /// (a number when it is one), the section and policy codes the list prints.
    static func row(_ entry: ListEntry, plan: ActionPlan, wholeBaht: Bool) -> SheetRow {
        let project = plan.project(id: entry.projectID)
        var budget = SheetCell.empty, note = SheetCell.empty
        if let cell = entry.budget {
            if let amount = cell.amount {
                budget = SheetText.amountCell(amount, wholeBaht: wholeBaht)
                if !entry.countsInTotal {
                    note = SheetText.note("ไม่นับรวมในยอดรวม (งบประมาณนับอยู่ในรายการอื่น)")
                }
            } else {
                budget = SheetCell(text: cell.printed, alignment: .center)
            }
        }
        let codes = (entry.policyCodes ?? project?.policyCodes ?? []).joined(separator: " ")
        return SheetRow([
            SheetCell(text: entry.number ?? "", alignment: .center),
            SheetCell(text: project?.name ?? entry.projectID),
            budget,
            SheetCell(text: entry.section ?? project?.section ?? ""),
            SheetCell(text: codes),
            note,
        ])
    }

    /// Consecutive entries of one group, in printed order.
    static func runs(_ entries: [ListEntry]) -> [(group: String?, entries: [ListEntry])] {
        var result: [(group: String?, entries: [ListEntry])] = []
        for entry in entries {
            if let last = result.last, last.group == entry.group {
                result[result.count - 1].entries.append(entry)
            } else {
                result.append((entry.group, [entry]))
            }
        }
        return result
    }

    /// Remarks below the table: the count of rows (and the count the source states when it
    /// differs) and numbers printed twice.
    private static func appendNotes(_ list: ProjectList, to sheet: inout Sheet) {
        var count = "จำนวน \(list.entries.count) รายการ"
        if let stated = list.statedCount, stated != list.entries.count {
            count += " (เอกสารต้นฉบับระบุ \(stated) รายการ)"
        }
        sheet.appendTitle(count, level: .note)
        let numbers = list.entries.compactMap(\.number).map(ThaiDigits.toArabic)
        let repeated = Dictionary(grouping: numbers, by: { $0 }).filter { $0.value.count > 1 }.keys
            .sorted { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }
        if !repeated.isEmpty {
            sheet.appendTitle("ลำดับที่พิมพ์ซ้ำในเอกสารต้นฉบับ: " + repeated.joined(separator: ", "), level: .note)
        }
    }

    /// A short Thai name for the sheet from the list's id (part2 → ส่วนที่ 2 สรุปงบประมาณ,
    /// part2-detail → ส่วนที่ 2 รายละเอียด, table-d → ตาราง ง); other lists use their title.
    static func sheetName(_ list: ProjectList) -> String {
        let id = list.id.lowercased()
        if id.hasPrefix("part") {
            let rest = id.dropFirst(4)
            let number = rest.prefix { $0.isNumber }
            if !number.isEmpty {
                let detail = rest.dropFirst(number.count)
                return "ส่วนที่ \(number) " + (detail.isEmpty ? "สรุปงบประมาณ" : "รายละเอียด")
            }
        }
        let letters: [String: String] = ["a": "ก", "b": "ข", "c": "ค", "d": "ง", "e": "จ", "f": "ฉ"]
        if id.hasPrefix("table-"), let letter = letters[String(id.dropFirst(6))] { return "ตาราง " + letter }
        return list.title
    }

    static func localized(_ text: String, _ digits: NumeralStyle) -> String {
        digits == .thai ? ThaiDigits.toThai(text) : text
    }
}
