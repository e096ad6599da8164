import Foundation
import PhaenCore

/// A neutral official document: what the DOCX, HTML and PDF writers render, built by the App's
/// document use cases from the domain. Writers never see the database, and builders never see
/// a file format. Text is kept with Arabic digits; a writer turns them into Thai digits when
/// `settings.digits` asks for it, so one builder serves both the FY2564 forms (Arabic) and the
/// FY2567 forms (Thai).
public struct Document: Sendable, Hashable {
    public var title: String
    public var settings: DocumentSettings
    public var blocks: [Block]

    public init(title: String, settings: DocumentSettings = DocumentSettings(), blocks: [Block] = []) {
        self.title = title
        self.settings = settings
        self.blocks = blocks
    }

    /// The text as a writer must print it: digits converted when the document asks for Thai digits.
    public func display(_ text: String) -> String {
        settings.digits == .thai ? ThaiDigits.toThai(text) : text
    }

    /// The headings that belong in the table of contents, in order.
    public var contentsEntries: [Heading] {
        blocks.compactMap { if case .heading(let h) = $0, h.inContents { return h } else { return nil } }
    }
}

/// Page and type settings. The government layout: A4, TH Sarabun New 16 pt, margins of
/// 2.5 cm left/top and 2 cm right/bottom (สารบรรณ practice), page numbers at the top centre.
public struct DocumentSettings: Sendable, Hashable {
    public enum Orientation: String, Sendable, Hashable { case portrait, landscape }

    public var orientation: Orientation
    public var digits: NumeralStyle
    /// The font named in the file. Word users have TH Sarabun New; the PDF is printed with a
    /// metric-compatible font installed on the server (Laksaman from fonts-thai-tlwg).
    public var fontFamily: String
    public var bodySizePt: Double
    public var pageNumbers: Bool
    /// Margins in millimetres: top, right, bottom, left.
    public var marginsMM: (top: Double, right: Double, bottom: Double, left: Double)

    public init(orientation: Orientation = .portrait, digits: NumeralStyle = .arabic,
                fontFamily: String = "TH Sarabun New", bodySizePt: Double = 16, pageNumbers: Bool = true,
                marginsMM: (top: Double, right: Double, bottom: Double, left: Double) = (25, 20, 20, 25)) {
        self.orientation = orientation
        self.digits = digits
        self.fontFamily = fontFamily
        self.bodySizePt = bodySizePt
        self.pageNumbers = pageNumbers
        self.marginsMM = marginsMM
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.orientation == b.orientation && a.digits == b.digits && a.fontFamily == b.fontFamily
            && a.bodySizePt == b.bodySizePt && a.pageNumbers == b.pageNumbers
            && a.marginsMM == b.marginsMM
    }

    public func hash(into h: inout Hasher) {
        h.combine(orientation); h.combine(digits); h.combine(fontFamily); h.combine(bodySizePt)
        h.combine(pageNumbers)
        h.combine(marginsMM.top); h.combine(marginsMM.right); h.combine(marginsMM.bottom); h.combine(marginsMM.left)
    }
}

/// One block of the document body, in reading order.
public enum Block: Sendable, Hashable {
    case heading(Heading)
    case paragraph(Paragraph)
    case table(Table)
    /// The next block starts on a new page.
    case pageBreak
    /// Switches the orientation of the pages that follow (wide tables such as step plans with
    /// the month grid are printed landscape); a writer starts a new page (section) here.
    case orientation(DocumentSettings.Orientation)
    /// The table of contents: every heading with `inContents`, with its page number where the
    /// format can compute it (Word fills a TOC field; the PDF writer prints the numbers).
    case tableOfContents(title: String)
    /// Signature blocks side by side (reporter and certifier …).
    case signatures([Signature])
}

public struct Heading: Sendable, Hashable {
    /// 1 = a part or chapter title (centred, bold, larger), 2 = a section, 3 = a subsection.
    public var level: Int
    public var text: String
    public var inContents: Bool
    public init(level: Int, text: String, inContents: Bool = true) {
        self.level = level; self.text = text; self.inContents = inContents
    }
}

public enum Alignment: String, Sendable, Hashable { case left, center, right, justified }

/// A span of text with one formatting.
public struct Run: Sendable, Hashable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    /// Size in points; nil means the body size.
    public var sizePt: Double?
    /// Marks a figure Phaen restated (computed differently from what the source printed): the
    /// writers show it highlighted, and the builder adds the note saying what was printed.
    public var restated: Bool

    public init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false,
                sizePt: Double? = nil, restated: Bool = false) {
        self.text = text; self.bold = bold; self.italic = italic; self.underline = underline
        self.sizePt = sizePt; self.restated = restated
    }
}

public struct Paragraph: Sendable, Hashable {
    public var runs: [Run]
    public var alignment: Alignment
    /// The first-line indent of Thai official prose (2.5 cm); off in tables.
    public var firstLineIndent: Bool
    /// Space before the paragraph, in points.
    public var spaceBeforePt: Double

    public init(_ runs: [Run], alignment: Alignment = .left, firstLineIndent: Bool = false, spaceBeforePt: Double = 0) {
        self.runs = runs; self.alignment = alignment; self.firstLineIndent = firstLineIndent
        self.spaceBeforePt = spaceBeforePt
    }

    public init(_ text: String, bold: Bool = false, alignment: Alignment = .left, firstLineIndent: Bool = false) {
        self.init([Run(text, bold: bold)], alignment: alignment, firstLineIndent: firstLineIndent)
    }

    public var plainText: String { runs.map(\.text).joined() }
}

/// A real table (never tabs): header rows repeated on every page, merged cells, column widths.
public struct Table: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        /// Relative width; the writer shares the text width in proportion.
        public var width: Double
        public init(width: Double) { self.width = width }
    }

    public var columns: [Column]
    /// Rows printed again at the top of every page the table runs onto.
    public var headerRows: [Row]
    public var bodyRows: [Row]
    /// An optional caption above the table (ตาราง ก …).
    public var caption: String?

    public init(columns: [Column], headerRows: [Row] = [], bodyRows: [Row] = [], caption: String? = nil) {
        self.columns = columns; self.headerRows = headerRows; self.bodyRows = bodyRows; self.caption = caption
    }

    /// Columns of equal width.
    public init(columnCount: Int, headerRows: [Row] = [], bodyRows: [Row] = [], caption: String? = nil) {
        self.init(columns: Array(repeating: Column(width: 1), count: columnCount),
                  headerRows: headerRows, bodyRows: bodyRows, caption: caption)
    }
}

public struct Row: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case normal
        /// A group heading row inside the body (a part, a component).
        case group
        /// A subtotal or total row: bold, shaded.
        case total
    }
    public var cells: [Cell]
    public var kind: Kind
    public init(_ cells: [Cell], kind: Kind = .normal) { self.cells = cells; self.kind = kind }
    /// A row of plain text cells.
    public init(texts: [String], kind: Kind = .normal) { self.init(texts.map { Cell($0) }, kind: kind) }
}

/// One cell. A cell covered by a neighbour's `rowSpan` is simply absent from the rows below
/// (the writers place cells by counting spans), as in HTML.
public struct Cell: Sendable, Hashable {
    public var paragraphs: [Paragraph]
    public var columnSpan: Int
    public var rowSpan: Int
    public var alignment: Alignment
    public var bold: Bool
    /// Background as RRGGBB hex (level colours in score tables), nil for none.
    public var shading: String?

    public init(paragraphs: [Paragraph], columnSpan: Int = 1, rowSpan: Int = 1,
                alignment: Alignment = .left, bold: Bool = false, shading: String? = nil) {
        self.paragraphs = paragraphs; self.columnSpan = columnSpan; self.rowSpan = rowSpan
        self.alignment = alignment; self.bold = bold; self.shading = shading
    }

    public init(_ text: String, columnSpan: Int = 1, rowSpan: Int = 1, alignment: Alignment = .left,
                bold: Bool = false, shading: String? = nil, restated: Bool = false) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.init(paragraphs: lines.map { Paragraph([Run($0, restated: restated)], alignment: alignment) },
                  columnSpan: columnSpan, rowSpan: rowSpan, alignment: alignment, bold: bold, shading: shading)
    }

    public var plainText: String { paragraphs.map(\.plainText).joined(separator: "\n") }
}

/// A signature block: (ลงชื่อ) ……… / (name) / position / date line.
public struct Signature: Sendable, Hashable {
    public var caption: String
    public var name: String?
    public var position: String
    public var dateLine: Bool
    public init(caption: String = "ลงชื่อ", name: String? = nil, position: String, dateLine: Bool = true) {
        self.caption = caption; self.name = name; self.position = position; self.dateLine = dateLine
    }
}
