import Foundation

/// Renders a `Document` as one standalone HTML page with print CSS: what the PDF printer hands
/// to Chromium, and a readable page in a browser. All text is escaped; digits follow the
/// document's numeral style.
public struct HTMLWriter {
    public init() {}

    public func render(_ document: Document) -> String {
        render(document, contentsPages: nil)
    }

    /// The anchor of the n-th heading of the contents: the TOC links to it, and Chromium turns
    /// each linked anchor into a named destination of the PDF, which is how the printer learns
    /// the page each heading landed on.
    static func anchor(_ index: Int) -> String { "toc\(index)" }

    /// `contentsPages[i]` is the page of the i-th contents entry, when known (the PDF printer's
    /// second pass); the page column keeps its width either way so both passes lay out alike.
    func render(_ document: Document, contentsPages: [Int]?) -> String {
        var page = HTMLPage(document: document, contentsPages: contentsPages)
        for block in document.blocks { page.append(block) }
        let lang = "th"
        return "<!DOCTYPE html>\n<html lang=\"\(lang)\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>\(HTMLText.escape(document.display(document.title)))</title>"
            + "<style>\n\(HTMLStyleSheet.css(for: document.settings))</style></head>\n<body>\n"
            + page.sectionsHTML() + "</body></html>\n"
    }
}

/// The body being built: sections of one orientation each (a landscape section is a named page
/// in the CSS, so Chromium starts it on a new, turned page).
struct HTMLPage {
    let document: Document
    let contentsPages: [Int]?
    private var sections: [(orientation: DocumentSettings.Orientation, html: String)]
    private var pendingPageBreak = false
    private var contentsIndex = 0

    init(document: Document, contentsPages: [Int]?) {
        self.document = document
        self.contentsPages = contentsPages
        sections = [(document.settings.orientation, "")]
    }

    func sectionsHTML() -> String {
        sections.filter { !$0.html.isEmpty }.map {
            "<section class=\"\($0.orientation.rawValue)\">\n\($0.html)</section>\n"
        }.joined()
    }

    private mutating func emit(_ html: String) {
        if pendingPageBreak {
            sections[sections.count - 1].html += "<div class=\"page-break\"></div>\n"
            pendingPageBreak = false
        }
        sections[sections.count - 1].html += html + "\n"
    }

    mutating func append(_ block: Block) {
        switch block {
        case .heading(let heading):
            let level = min(max(heading.level, 1), 3)
            var id = ""
            if heading.inContents {
                id = " id=\"\(HTMLWriter.anchor(contentsIndex))\""
                contentsIndex += 1
            }
            emit("<h\(level)\(id)>\(text(heading.text))</h\(level)>")
        case .paragraph(let p):
            emit(paragraph(p))
        case .table(let table):
            emit(HTMLTable(document: document).html(table))
        case .pageBreak:
            if !sections[sections.count - 1].html.isEmpty { pendingPageBreak = true }
        case .orientation(let next):
            guard next != sections[sections.count - 1].orientation else { return }
            if sections[sections.count - 1].html.isEmpty {
                sections[sections.count - 1].orientation = next
            } else {
                sections.append((next, ""))
            }
            pendingPageBreak = false
        case .tableOfContents(let title):
            emit(contents(title: title))
        case .signatures(let signatures):
            guard !signatures.isEmpty else { return }
            var s = "<table class=\"signatures\"><tr>"
            for signature in signatures {
                s += "<td>" + signature.printedLines.map { "<p>\(text($0))</p>" }.joined() + "</td>"
            }
            emit(s + "</tr></table>")
        }
    }

    private func contents(title: String) -> String {
        var s = "<nav class=\"toc\"><p class=\"toc-title\">\(text(title))</p><ol>"
        for (i, heading) in document.contentsEntries.enumerated() {
            let level = min(max(heading.level, 1), 3)
            var page = ""
            if let pages = contentsPages, i < pages.count {
                page = text(String(pages[i]))
            }
            s += "<li class=\"l\(level)\"><a href=\"#\(HTMLWriter.anchor(i))\"><span class=\"entry\">\(text(heading.text))</span>"
            s += "<span class=\"leader\"></span><span class=\"page\">\(page)</span></a></li>"
        }
        return s + "</ol></nav>"
    }

    /// Text as printed: digits converted, escaped, tabs as a fixed space, newlines as breaks.
    func text(_ raw: String) -> String {
        HTMLText.escape(document.display(raw))
            .replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\t", with: "<span class=\"tab\"></span>")
    }

    func paragraph(_ p: Paragraph, inTable: Bool = false) -> String {
        var attributes = ""
        if p.firstLineIndent && !inTable { attributes += " class=\"indent\"" }
        var style: [String] = []
        if p.alignment != .left { style.append("text-align:\(HTMLPage.cssAlignment(p.alignment))") }
        if p.spaceBeforePt > 0 { style.append("margin-top:\(HTMLText.points(p.spaceBeforePt))pt") }
        if !style.isEmpty { attributes += " style=\"\(style.joined(separator: ";"))\"" }
        return "<p\(attributes)>" + p.runs.map(run).joined() + "</p>"
    }

    static func cssAlignment(_ a: Alignment) -> String {
        switch a {
        case .left: "left"
        case .center: "center"
        case .right: "right"
        case .justified: "justify"
        }
    }

    func run(_ run: Run) -> String {
        var s = text(run.text)
        if let size = run.sizePt { s = "<span style=\"font-size:\(HTMLText.points(size))pt\">\(s)</span>" }
        if run.underline { s = "<u>\(s)</u>" }
        if run.italic { s = "<em>\(s)</em>" }
        if run.bold { s = "<strong>\(s)</strong>" }
        if run.restated { s = "<mark class=\"restated\">\(s)</mark>" }
        return s
    }
}

/// A model table as an HTML table: header rows in `thead` (repeated on every printed page),
/// spans as colspan/rowspan (the model already leaves out covered cells, as HTML does).
struct HTMLTable {
    let document: Document

    func html(_ table: Table) -> String {
        let page = HTMLPage(document: document, contentsPages: nil)
        var s = ""
        if let caption = table.caption { s += "<p class=\"caption\">\(page.text(caption))</p>" }
        // Borders are drawn inside each cell (right and bottom, left on a row's first cell)
        // rather than collapsed or on the table: collapsed borders at the text edge were clipped
        // on landscape pages, and a table border ran on below a row pushed to the next page.
        s += "<table class=\"grid\(table.headerRows.isEmpty ? " headless" : "")\"><colgroup>"
        let total = table.columns.reduce(0) { $0 + max($1.width, 0) }
        for column in table.columns {
            let share = total > 0 ? max(column.width, 0) / total * 100 : 100 / Double(table.columns.count)
            s += "<col style=\"width:\(String(format: "%.2f", share))%\">"
        }
        s += "</colgroup>"
        var spans = RowSpanCounter(columns: table.columns.count)
        if !table.headerRows.isEmpty {
            s += "<thead>" + table.headerRows.map { row($0, header: true, page: page, spans: &spans) }.joined() + "</thead>"
        }
        s += "<tbody>" + table.bodyRows.map { row($0, header: false, page: page, spans: &spans) }.joined() + "</tbody></table>"
        return s
    }

    /// Counts the columns a row's cells and the row spans from above cover, so a short row can
    /// be filled with empty cells (its borders then run across the table, as in Word).
    struct RowSpanCounter {
        let columns: Int
        /// Rows still covered below, per column.
        private var covered: [Int]
        init(columns: Int) { self.columns = columns; covered = Array(repeating: 0, count: columns) }

        /// Whether the row's first cell stands in the first column (no row span from above covers it).
        func firstColumnFree() -> Bool { covered.first.map { $0 == 0 } ?? true }

        /// The number of empty cells that complete the row.
        mutating func missingCells(in row: Row) -> Int {
            var column = 0, missing = 0
            var cells = row.cells.makeIterator()
            var next = cells.next()
            while column < columns {
                if covered[column] > 0 { covered[column] -= 1; column += 1; continue }
                guard let cell = next else { missing += 1; column += 1; continue }
                for c in column..<min(columns, column + max(cell.columnSpan, 1)) { covered[c] = max(cell.rowSpan, 1) - 1 }
                column += max(cell.columnSpan, 1)
                next = cells.next()
            }
            return missing
        }
    }

    private func row(_ row: Row, header: Bool, page: HTMLPage, spans: inout RowSpanCounter) -> String {
        let kind = row.kind == .normal ? "" : " class=\"\(row.kind.rawValue)\""
        var s = "<tr\(kind)>"
        let tag = header ? "th" : "td"
        let startsTheRow = spans.firstColumnFree()
        let missing = spans.missingCells(in: row)
        for (index, cell) in row.cells.enumerated() {
            var attributes = ""
            if cell.columnSpan > 1 { attributes += " colspan=\"\(cell.columnSpan)\"" }
            if cell.rowSpan > 1 { attributes += " rowspan=\"\(cell.rowSpan)\"" }
            var classes: [String] = []
            if index == 0 && startsTheRow { classes.append("first") }
            if cell.bold { classes.append("bold") }
            if cell.rowSpan > 1 { classes.append("merged") }
            if !classes.isEmpty { attributes += " class=\"\(classes.joined(separator: " "))\"" }
            var style: [String] = []
            if cell.alignment != .left || header { style.append("text-align:\(HTMLPage.cssAlignment(cell.alignment))") }
            if let colour = HTMLText.hexColour(cell.shading) { style.append("background:\(colour)") }
            if !style.isEmpty { attributes += " style=\"\(style.joined(separator: ";"))\"" }
            s += "<\(tag)\(attributes)>" + cell.paragraphs.map { page.paragraph($0, inTable: true) }.joined() + "</\(tag)>"
        }
        s += row.cells.isEmpty && startsTheRow && missing > 0
            ? "<\(tag) class=\"first\"></\(tag)>" + String(repeating: "<\(tag)></\(tag)>", count: missing - 1)
            : String(repeating: "<\(tag)></\(tag)>", count: missing)
        return s + "</tr>"
    }
}
