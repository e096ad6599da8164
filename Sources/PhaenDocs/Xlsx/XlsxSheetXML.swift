import Foundation
import PhaenCore

/// One worksheet part: view (frozen panes), column widths, rows with styled cells, merged
/// ranges and the A4 page setup.
enum XlsxSheetXML {
    /// Thai rows overlap in LibreOffice at the default height; TH Sarabun 14 pt needs ~24 pt.
    static let lineHeight = 21.0
    static let defaultRowHeight = 24.0

    static func write(_ sheet: Sheet, selected: Bool, styles: inout XlsxStyles, strings: inout XlsxSharedStrings) -> String {
        let width = max(sheet.columns.count, sheet.rows.map(\.cells.count).max() ?? 0, 1)
        let height = max(sheet.rows.count, 1)
        var x = OfficePackage.declaration
        x.reserveCapacity(sheet.rows.count * width * 48 + 1024)
        x += "<worksheet xmlns=\"\(XlsxXML.mainNS)\" xmlns:r=\"\(OfficePackage.relationshipsNamespace)\">"
        x += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        x += "<dimension ref=\"A1:\(CellRef(row: height, column: width))\"/>"
        x += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        x += pane(rows: sheet.frozenRows, columns: sheet.frozenColumns)
        x += "</sheetView></sheetViews>"
        x += "<sheetFormatPr defaultRowHeight=\"\(format(defaultRowHeight))\" customHeight=\"1\"/>"
        if !sheet.columns.isEmpty {
            x += "<cols>"
            for (i, column) in sheet.columns.enumerated() {
                x += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(format(column.width))\" customWidth=\"1\"/>"
            }
            x += "</cols>"
        }
        x += "<sheetData>"
        let mergedWidths = mergedWidths(sheet)
        let columnNames = (1...width).map(CellRef.columnName)
        for (r, row) in sheet.rows.enumerated() {
            let number = r + 1
            let lines = row.cells.enumerated().map { c, cell in
                estimatedLines(cell, kind: row.kind, width: mergedWidths[CellRef(row: number, column: c + 1)]
                               ?? columnWidth(sheet, c + 1))
            }.max() ?? 1
            let rowHeight = row.kind == .title ? 30 : max(defaultRowHeight, Double(lines) * lineHeight + 3)
            x += "<row r=\"\(number)\""
            if rowHeight != defaultRowHeight { x += " ht=\"\(format(rowHeight))\" customHeight=\"1\"" }
            x += ">"
            // Cells of a bordered row past the given ones still get the border, so a row
            // reads as a line of the table across every column.
            let count = [.title, .subtitle, .note].contains(row.kind) ? row.cells.count : max(row.cells.count, sheet.columns.count)
            for c in 0..<count {
                let cell = c < row.cells.count ? row.cells[c] : SheetCell.empty
                x += self.cell(cell, at: columnNames[c] + String(number), kind: row.kind, digits: sheet.digits,
                               styles: &styles, strings: &strings)
            }
            x += "</row>"
        }
        x += "</sheetData>"
        if !sheet.merges.isEmpty {
            x += "<mergeCells count=\"\(sheet.merges.count)\">"
            for range in sheet.merges { x += "<mergeCell ref=\"\(range)\"/>" }
            x += "</mergeCells>"
        }
        x += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        x += "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return x + "</worksheet>"
    }

    private static func pane(rows: Int, columns: Int) -> String {
        guard rows > 0 || columns > 0 else { return "" }
        let active = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight"
        var x = "<pane"
        if columns > 0 { x += " xSplit=\"\(columns)\"" }
        if rows > 0 { x += " ySplit=\"\(rows)\"" }
        x += " topLeftCell=\"\(CellRef(row: rows + 1, column: columns + 1))\" activePane=\"\(active)\" state=\"frozen\"/>"
        return x + "<selection pane=\"\(active)\" activeCell=\"\(CellRef(row: rows + 1, column: columns + 1))\" sqref=\"\(CellRef(row: rows + 1, column: columns + 1))\"/>"
    }

    private static func cell(_ cell: SheetCell, at ref: String, kind: SheetRow.Kind, digits: NumeralStyle,
                             styles: inout XlsxStyles, strings: inout XlsxSharedStrings) -> String {
        let style = styles.id(for: key(cell, kind: kind, digits: digits))
        let s = style == 0 ? "" : " s=\"\(style)\""
        switch cell.value {
        case .empty:
            return style == 0 ? "" : "<c r=\"\(ref)\"\(s)/>"
        case .text(let raw):
            let text = cell.localized && digits == .thai ? ThaiDigits.toThai(raw) : raw
            return "<c r=\"\(ref)\"\(s) t=\"s\"><v>\(strings.id(text))</v></c>"
        case .number(let d, _):
            return "<c r=\"\(ref)\"\(s)><v>\(number(d))</v></c>"
        case .money(let m):
            return "<c r=\"\(ref)\"\(s)><v>\(number(m.decimal))</v></c>"
        case .integer(let i):
            return "<c r=\"\(ref)\"\(s)><v>\(i)</v></c>"
        case .percent(let d):
            return "<c r=\"\(ref)\"\(s)><v>\(number(d))</v></c>"
        case .formula(let f, let cached, _):
            return "<c r=\"\(ref)\"\(s)><f>\(MarkupText.escape(f))</f><v>\(number(cached))</v></c>"
        }
    }

    private static func key(_ cell: SheetCell, kind: SheetRow.Kind, digits: NumeralStyle) -> XlsxStyles.Key {
        var format: SheetNumberFormat?
        switch cell.value {
        case .empty, .text: format = nil
        case .number(_, let f), .formula(_, _, let f): format = f
        case .money: format = .twoDecimals
        case .integer: format = .integer
        case .percent: format = .percent
        }
        let isText: Bool = { if case .text = cell.value { return true } else { return false } }()
        var key = XlsxStyles.Key(bold: cell.bold, size: XlsxStyles.bodySize, fill: .none, border: .thin,
                                 horizontal: cell.alignment, wrap: isText,
                                 numberFormat: format.map { XlsxStyles.code($0, digits: digits) })
        switch kind {
        case .title:
            key.bold = true; key.size = XlsxStyles.titleSize; key.border = .none
            key.horizontal = cell.alignment ?? .center; key.wrap = false
        case .subtitle:
            // A long list title wraps inside its merged line; the row height follows.
            key.border = .none; key.horizontal = cell.alignment ?? .center
        case .note:
            key.border = .none
        case .header:
            key.bold = true; key.fill = .header; key.horizontal = cell.alignment ?? .center; key.wrap = true
        case .group:
            key.bold = true
        case .normal:
            break
        case .subtotal:
            key.bold = true; key.fill = .subtotal
        case .total:
            key.bold = true; key.fill = .total; key.border = .totalBelow
        }
        if cell.restated { key.fill = .restated }
        return key
    }

    /// Every digit of the decimal, in the plain form XML Schema's xsd:double accepts (Decimal
    /// never prints an exponent), so 4361269.47 is stored as 4361269.47 and not as the
    /// nearest binary fraction printed back.
    static func number(_ d: Decimal) -> String {
        d.isNaN ? "0" : d.description
    }

    private static func format(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.2f", v)
    }

    /// The width a merged cell spans, keyed by its top-left cell.
    private static func mergedWidths(_ sheet: Sheet) -> [CellRef: Double] {
        var widths: [CellRef: Double] = [:]
        for range in sheet.merges {
            let total = (range.from.column...range.to.column).map { columnWidth(sheet, $0) }.reduce(0, +)
            widths[range.from] = total
        }
        return widths
    }

    /// Column widths a Thai letter takes, measured on LibreOffice's rendering (TH Sarabun
    /// maps to Laksaman there) with a margin for breaks at word ends: a row too short cuts
    /// the text off, one a little too tall only leaves space.
    static let widthPerLetter = 1.3

    /// How many lines a wrapped text needs in a column `width` characters wide. Thai marks
    /// above and below the line take no width. Readers do not grow rows on opening, so the
    /// writer sets the height.
    static func estimatedLines(_ cell: SheetCell, kind: SheetRow.Kind, width: Double) -> Int {
        guard case .text(let text) = cell.value, kind != .title else { return 1 }
        let usable = max(width - 1, 1)
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var visible = 0
            for scalar in line.unicodeScalars where !isThaiMark(scalar) { visible += 1 }
            lines += max(1, Int((Double(visible) * widthPerLetter / usable).rounded(.up)))
        }
        return lines
    }

    private static func isThaiMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E: return true
        default: return false
        }
    }
}

/// The width of a 1-based column; a cell beyond the declared columns counts as 10 characters.
private func columnWidth(_ sheet: Sheet, _ column: Int) -> Double {
    sheet.columns.indices.contains(column - 1) ? sheet.columns[column - 1].width : 10
}
