import Foundation
import PhaenCore
import PhaenDocs

/// Accumulates the blocks of a document in reading order, with the small vocabulary every
/// builder shares (headings, prose, notes, key–value tables). Text is normalised to Arabic
/// digits as the document model asks: the writer prints Thai digits when the document
/// settings say so, so one builder serves both numeral styles.
struct DocumentBody {
    private(set) var blocks: [Block] = []

    mutating func heading(_ text: String, level: Int = 2, inContents: Bool = true) {
        blocks.append(.heading(Heading(level: level, text: DocText.clean(text), inContents: inContents)))
    }

    mutating func paragraph(_ text: String, bold: Bool = false, alignment: Alignment = .left, indent: Bool = false) {
        blocks.append(.paragraph(Paragraph(DocText.clean(text), bold: bold, alignment: alignment, firstLineIndent: indent)))
    }

    mutating func paragraph(_ runs: [Run], alignment: Alignment = .left, spaceBeforePt: Double = 0) {
        blocks.append(.paragraph(Paragraph(runs, alignment: alignment, spaceBeforePt: spaceBeforePt)))
    }

    /// Numbered or bulleted lines, one paragraph each.
    mutating func lines(_ items: [String], numbered: Bool = false) {
        for (i, item) in items.enumerated() {
            paragraph(numbered ? "\(i + 1). \(item)" : "- \(item)")
        }
    }

    /// A note saying what the source printed where Phaen restates a figure.
    mutating func restatedNote(_ text: String) {
        blocks.append(.paragraph(Paragraph([Run("หมายเหตุ (ตัวเลขที่ Phaen คำนวณใหม่): ", bold: true, italic: true),
                                            Run(DocText.clean(text), italic: true)])))
    }

    mutating func table(_ table: Table) { blocks.append(.table(table)) }
    mutating func pageBreak() { blocks.append(.pageBreak) }
    mutating func orientation(_ o: DocumentSettings.Orientation) { blocks.append(.orientation(o)) }
    mutating func contents(_ title: String) { blocks.append(.tableOfContents(title: title)) }
    mutating func signatures(_ s: [Signature]) { blocks.append(.signatures(s)) }
    mutating func append(_ other: DocumentBody) { blocks += other.blocks }

    /// Label | text rows (profile facts, KPI fields).
    mutating func keyValues(_ pairs: [(String, String)], caption: String? = nil) {
        guard !pairs.isEmpty else { return }
        table(Table(columns: [.init(width: 1), .init(width: 3)],
                    bodyRows: pairs.map { Row([Cell(DocText.clean($0.0), bold: true), Cell(DocText.clean($0.1))]) },
                    caption: caption.map(DocText.clean)))
    }
}

/// Text helpers shared by the builders.
enum DocText {
    /// Arabic digits (the model's convention) and trimmed whitespace.
    static func clean(_ text: String) -> String {
        ThaiDigits.toArabic(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func money(_ m: Money) -> String { ThaiNumberFormat.amount(m) }

    /// A budget cell: the amount with commas when the cell is a number, else the text as
    /// printed ("ไม่ใช้งบประมาณ"); a compound cell keeps its text and names the amount counted.
    static func budget(_ cell: BudgetCell?) -> String {
        guard let cell else { return "-" }
        guard let amount = cell.amount else { return clean(cell.printed) }
        if ThaiNumberParser.money(cell.printed) == amount { return money(amount) }
        return clean(cell.printed) + "\n(นับในยอดรวม \(money(amount)) บาท)"
    }

    static func decimal(_ d: Decimal?, fraction: Int = 2) -> String {
        d.map { ThaiNumberFormat.decimal($0, maxFractionDigits: fraction) } ?? "-"
    }

    /// "35,254,295 บาท (สามสิบห้าล้าน…บาทถ้วน)"
    static func amountWithWords(_ m: Money) -> String { "\(money(m)) บาท (\(BahtText.words(m)))" }

    /// The stated figure as the source printed it, for the restated note (kept in the
    /// source's digits: that is what a reader compares with the paper).
    static func asPrinted(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    static func joinedLines(_ items: [String]) -> String { items.map(clean).joined(separator: "\n") }
}

extension Cell {
    /// A right-aligned figure cell.
    static func figure(_ text: String, bold: Bool = false, restated: Bool = false) -> Cell {
        Cell(text, alignment: .right, bold: bold, restated: restated)
    }
    static func header(_ text: String, columnSpan: Int = 1, rowSpan: Int = 1) -> Cell {
        Cell(DocText.clean(text), columnSpan: columnSpan, rowSpan: rowSpan, alignment: .center, bold: true, shading: "D9E2F3")
    }
}
