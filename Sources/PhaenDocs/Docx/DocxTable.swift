import Foundation

/// Writes one `Table` as a real Word table: a grid whose column widths share the text width in
/// proportion, header rows marked to repeat on every page, column spans as `w:gridSpan` and row
/// spans as `w:vMerge`. The model leaves out the cells a row span covers (as HTML does); Word
/// needs them present as "continue" cells, so the writer places cells by counting spans and
/// inserts them.
struct DocxTableWriter {
    static let headerShading = "E7E6E6"
    static let totalShading = "F2F2F2"

    let document: Document
    let textWidth: Int

    func xml(_ table: Table) -> String {
        let widths = columnWidths(table)
        let columnCount = widths.count
        guard columnCount > 0 else { return "" }
        var s = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
        s += "<w:tblBorders>"
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            s += "<w:\(edge) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        s += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        s += "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
        s += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
        s += "</w:tblPr><w:tblGrid>"
        for w in widths { s += "<w:gridCol w:w=\"\(w)\"/>" }
        s += "</w:tblGrid>"

        // Row spans still open, keyed by their first column.
        var open: [Int: OpenSpan] = [:]
        let rows = table.headerRows.map { ($0, true) } + table.bodyRows.map { ($0, false) }
        for (row, isHeader) in rows {
            s += "<w:tr><w:trPr><w:cantSplit/>\(isHeader ? "<w:tblHeader/>" : "")</w:trPr>"
            var cells = row.cells.makeIterator()
            var column = 0
            while column < columnCount {
                if let span = open[column] {
                    s += continueCell(span, widths: widths, column: column)
                    open[column] = span.rowsLeft > 1 ? OpenSpan(rowsLeft: span.rowsLeft - 1, columns: span.columns, shading: span.shading) : nil
                    column += span.columns
                    continue
                }
                guard let cell = cells.next() else {
                    // A short row: fill it so every row covers the grid.
                    s += emptyCell(width: widths[column], shading: shading(for: nil, row: row, isHeader: isHeader))
                    column += 1
                    continue
                }
                let span = columnsAvailable(from: column, wanted: cell.columnSpan, count: columnCount, open: open)
                let fill = shading(for: cell, row: row, isHeader: isHeader)
                if cell.rowSpan > 1 {
                    open[column] = OpenSpan(rowsLeft: cell.rowSpan - 1, columns: span, shading: fill)
                }
                s += cellXML(cell, row: row, isHeader: isHeader, width: widths[column..<column + span].reduce(0, +),
                             span: span, restartsMerge: cell.rowSpan > 1, shading: fill)
                column += span
            }
            s += "</w:tr>"
        }
        s += "</w:tbl>"
        return s
    }

    private struct OpenSpan { var rowsLeft: Int; var columns: Int; var shading: String? }

    /// Shares the text width in proportion to the columns' relative widths; the last column
    /// takes the rounding so the table is exactly as wide as the text.
    func columnWidths(_ table: Table) -> [Int] {
        var relative = table.columns.map { max($0.width, 0) }
        if relative.isEmpty {
            let widest = (table.headerRows + table.bodyRows).map { $0.cells.reduce(0) { $0 + max($1.columnSpan, 1) } }.max() ?? 0
            relative = Array(repeating: 1, count: widest)
        }
        let total = relative.reduce(0, +)
        guard !relative.isEmpty else { return [] }
        if total <= 0 { relative = relative.map { _ in 1 } }
        let sum = relative.reduce(0, +)
        var widths = relative.map { Int((Double(textWidth) * $0 / sum).rounded(.down)) }
        widths[widths.count - 1] += textWidth - widths.reduce(0, +)
        return widths
    }

    /// A span never runs past the grid nor over a column a row span from above still covers.
    private func columnsAvailable(from column: Int, wanted: Int, count: Int, open: [Int: OpenSpan]) -> Int {
        var span = 1
        while span < max(wanted, 1), column + span < count, open[column + span] == nil { span += 1 }
        return span
    }

    private func shading(for cell: Cell?, row: Row, isHeader: Bool) -> String? {
        if let own = cell?.shading { return own }
        if isHeader { return Self.headerShading }
        return row.kind == .total ? Self.totalShading : nil
    }

    private func tcPr(width: Int, span: Int, merge: String?, shading: String?, center: Bool) -> String {
        var s = "<w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if span > 1 { s += "<w:gridSpan w:val=\"\(span)\"/>" }
        if let merge { s += merge }
        if let shading { s += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(MarkupText.escape(shading))\"/>" }
        if center { s += "<w:vAlign w:val=\"center\"/>" }
        return s + "</w:tcPr>"
    }

    private func cellXML(_ cell: Cell, row: Row, isHeader: Bool, width: Int, span: Int,
                         restartsMerge: Bool, shading: String?) -> String {
        var s = "<w:tc>" + tcPr(width: width, span: span, merge: restartsMerge ? "<w:vMerge w:val=\"restart\"/>" : nil,
                                 shading: shading, center: isHeader || restartsMerge)
        let bold = cell.bold || isHeader || row.kind != .normal
        let paragraphs = cell.paragraphs.isEmpty ? [Paragraph([], alignment: cell.alignment)] : cell.paragraphs
        for p in paragraphs {
            var cellParagraph = p
            cellParagraph.firstLineIndent = false
            s += DocxParagraphs.paragraph(cellParagraph, document: document, forceBold: bold)
        }
        return s + "</w:tc>"
    }

    private func continueCell(_ span: OpenSpan, widths: [Int], column: Int) -> String {
        let width = widths[column..<min(column + span.columns, widths.count)].reduce(0, +)
        return "<w:tc>" + tcPr(width: width, span: span.columns, merge: "<w:vMerge/>", shading: span.shading, center: true)
            + "<w:p/></w:tc>"
    }

    private func emptyCell(width: Int, shading: String?) -> String {
        "<w:tc>" + tcPr(width: width, span: 1, merge: nil, shading: shading, center: false) + "<w:p/></w:tc>"
    }

    /// Signature blocks side by side in a borderless table, centred.
    func signaturesXML(_ signatures: [Signature]) -> String {
        guard !signatures.isEmpty else { return "" }
        let width = textWidth / signatures.count
        var s = "<w:tbl><w:tblPr><w:tblW w:w=\"\(width * signatures.count)\" w:type=\"dxa\"/><w:tblBorders>"
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] { s += "<w:\(edge) w:val=\"nil\"/>" }
        s += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
        for _ in signatures { s += "<w:gridCol w:w=\"\(width)\"/>" }
        s += "</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>"
        for signature in signatures {
            s += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>"
            for (i, line) in signature.printedLines.enumerated() {
                var p = Paragraph([Run(line)], alignment: .center)
                p.spaceBeforePt = i == 0 ? 24 : 0
                s += DocxParagraphs.paragraph(p, document: document)
            }
            s += "</w:tc>"
        }
        return s + "</w:tr></w:tbl>"
    }
}
