import Foundation
import PhaenCore
import PhaenDocs

extension SpreadsheetExports {
    /// The directive status table of a fiscal year (issue 4): one row per (directive, addressed
    /// unit) pair the data shows, and the counts by status. The data must be a
    /// `DirectivePairSource` (the store, or the web's person-scoped data), so the file holds
    /// exactly the pairs the directive pages show the same person.
    public func directives(fiscalYear: FiscalYear, digits: NumeralStyle = .arabic) async throws -> Workbook {
        guard let source = data as? any DirectivePairSource else {
            throw AppError(.invalidInput, th: "ข้อมูลชุดนี้ไม่มีทะเบียนข้อสั่งการ", en: "this data has no directive register")
        }
        // No pairs is an answer, not an error: like the dashboard, the table says so and counts zero.
        let pairs = try await source.directivePairs(fiscalYear: fiscalYear)
        let unitNames = Dictionary(try await data.units().map { ($0.code, $0.nameTH) }, uniquingKeysWith: { a, _ in a })
        return DirectiveSheets.workbook(pairs: pairs, groups: DirectiveGroup.all(names: try await source.directiveGroupNames()),
                                        unitNames: unitNames, fiscalYear: fiscalYear, digits: digits)
    }
}

/// The directive status table: sheet 1 lists the pairs with their latest status, sheet 2
/// counts them by status with COUNTIF formulas over sheet 1's status column (cached values
/// computed here, as the dashboard counts them) and the percent of all pairs.
enum DirectiveSheets {
    static let statusColumn = 10

    static func workbook(pairs: [DirectivePair], groups: [DirectiveGroup], unitNames: [String: String],
                         fiscalYear: FiscalYear, digits: NumeralStyle) -> Workbook {
        let title = "การติดตามผลการดำเนินการตามข้อสั่งการ ประจำปีงบประมาณ พ.ศ. \(fiscalYear)"
        let (list, firstRow, lastRow) = pairSheet(pairs, groups: groups, unitNames: unitNames, title: title, digits: digits)
        let counts = countSheet(DirectiveDashboard(pairs: pairs).overall, listName: list.name, rows: firstRow...lastRow,
                                title: title, digits: digits)
        return Workbook(title: title, sheets: SheetText.uniqueNames([list, counts]))
    }

    static func pairSheet(_ pairs: [DirectivePair], groups: [DirectiveGroup], unitNames: [String: String], title: String,
                          digits: NumeralStyle) -> (Sheet, first: Int, last: Int) {
        var sheet = Sheet(name: "สถานะรายหน่วยงาน", columns: [
            SheetColumn(width: 14, header: "เลขที่ข้อสั่งการ"),
            SheetColumn(width: 30, header: "ที่มา"),
            SheetColumn(width: 10, header: "รอบการตรวจราชการ"),
            SheetColumn(width: 24, header: "กลุ่มข้อสั่งการ"),
            SheetColumn(width: 24, header: "ปัจจัยผลกระทบ"),
            SheetColumn(width: 60, header: "ข้อสั่งการ / ข้อเสนอแนะ"),
            SheetColumn(width: 10, header: "รหัสหน่วยงาน"),
            SheetColumn(width: 30, header: "หน่วยงาน"),
            SheetColumn(width: 16, header: "วันที่รายงาน"),
            SheetColumn(width: 22, header: "สถานะล่าสุด"),
            SheetColumn(width: 50, header: "ผลการดำเนินการ / เหตุผล"),
        ], digits: digits, landscape: true)
        sheet.appendTitle(title)
        sheet.appendColumnHeaders()
        let first = sheet.nextRowNumber
        for pair in pairs.sorted(by: { ($0.directive.id, $0.unitCode) < ($1.directive.id, $1.unitCode) }) {
            let d = pair.directive
            let group = d.group.map { n in groups.first { $0.number == n }?.displayName ?? DirectiveGroup(number: n).displayName } ?? ""
            let factors = d.factors.map { "\($0.rawValue). \($0.shortName)" }.joined(separator: "\n")
            let latest = pair.latest
            let details = [latest?.details, latest?.reason.map { "เหตุผล: " + $0 }].compactMap { $0 }.joined(separator: "\n")
            _ = sheet.append(SheetRow([
                SheetCell(text: d.id),
                SheetCell(text: d.source.thaiName),
                d.inspectionRound.map { SheetCell(.integer($0)) } ?? .empty,
                SheetCell(text: group, localized: true),
                SheetCell(text: factors),
                SheetCell(text: d.text),
                SheetCell(text: pair.unitCode),
                SheetCell(text: unitNames[pair.unitCode] ?? pair.unitCode),
                latest.map { SheetCell(text: ThaiDateFormat.short($0.date, digits: digits), localized: true) } ?? .empty,
                SheetCell(text: pair.status.thaiName),
                SheetCell(text: details),
            ]))
        }
        if pairs.isEmpty {
            sheet.appendTitle("ยังไม่มีข้อสั่งการที่ส่งถึงหน่วยงานที่ท่านมีสิทธิ์ดูในปีงบประมาณนี้", level: .note)
        }
        return (sheet, first, max(first, sheet.nextRowNumber - 1))
    }

    static func countSheet(_ counts: DirectiveStatusCounts, listName: String, rows: ClosedRange<Int>, title: String,
                           digits: NumeralStyle) -> Sheet {
        var sheet = Sheet(name: "สรุปตามสถานะ", columns: [
            SheetColumn(width: 28, header: "สถานะ"),
            SheetColumn(width: 16, header: "จำนวน (คู่)"),
            SheetColumn(width: 16, header: "ร้อยละของคู่ทั้งหมด"),
        ], digits: digits)
        sheet.appendTitle(title)
        sheet.appendTitle("นับเป็นคู่ (ข้อสั่งการ × หน่วยงานที่ได้รับ) ร้อยละคิดจากจำนวนคู่ทั้งหมด", level: .subtitle)
        sheet.appendColumnHeaders()
        let column = CellRef.columnName(statusColumn)
        let range = "'\(listName)'!$\(column)$\(rows.lowerBound):$\(column)$\(rows.upperBound)"
        let totalRow = sheet.nextRowNumber + DirectiveStatus.allCases.count
        var countRows: [Int] = []
        for status in DirectiveStatus.allCases {
            let r = sheet.nextRowNumber
            countRows.append(sheet.append(SheetRow([
                SheetCell(text: status.thaiName),
                // The status text is written by this builder, so COUNTIF matches it exactly.
                SheetCell(.formula("COUNTIF(\(range),\"\(status.thaiName)\")", cached: Decimal(counts[status]), format: .integer)),
                SheetCell(.formula(SheetFormula.ratio(CellRef(row: r, column: 2), over: CellRef(row: totalRow, column: 2)),
                                   cached: counts.percent(status) / 100, format: .percent)),
            ])))
        }
        _ = sheet.append(SheetRow([
            SheetText.note("รวม"),
            SheetCell(.formula(SheetFormula.sum(column: 2, rows: countRows), cached: Decimal(counts.total), format: .integer)),
            SheetCell(.formula(SheetFormula.ratio(CellRef(row: totalRow, column: 2), over: CellRef(row: totalRow, column: 2)),
                               cached: counts.total == 0 ? 0 : 1, format: .percent)),
        ], kind: .total))
        return sheet
    }
}
