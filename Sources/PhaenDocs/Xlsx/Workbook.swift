import Foundation
import PhaenCore

/// A neutral spreadsheet: what `XlsxWriter` writes, built by the App's spreadsheet builders
/// from the domain. Numbers stay numbers (Decimal or Money, never Double) so a reader can
/// add them up again; totals are formulas carrying the value the builder computed, so a
/// reader that does not recalculate (a viewer, openpyxl) still shows the right figure.
public struct Workbook: Sendable, Hashable {
    public var title: String
    public var sheets: [Sheet]

    public init(title: String, sheets: [Sheet] = []) {
        self.title = title
        self.sheets = sheets
    }
}

/// One logical table on its own sheet. Rows are numbered from 1 in the order they are
/// appended (title rows included), so a builder knows each row's number when it writes a
/// formula: `nextRowNumber` before `append`.
public struct Sheet: Sendable, Hashable {
    /// Excel allows 31 characters and none of `[ ] : * ? / \`.
    public static let maxNameLength = 31

    public private(set) var name: String
    public var columns: [SheetColumn]
    public private(set) var rows: [SheetRow]
    public var merges: [CellRange]
    /// Rows kept on screen while scrolling (titles and the header); they also repeat on every
    /// printed page.
    public var frozenRows: Int
    /// Columns kept on screen while scrolling sideways (the unit's name in the city table).
    public var frozenColumns: Int
    /// Thai digits (๑,๒๓๔) through the number formats, and in the text the builder marks as
    /// its own (`SheetCell.localized`); printed text keeps the digits the source used.
    public var digits: NumeralStyle
    public var landscape: Bool

    public init(name: String, columns: [SheetColumn], digits: NumeralStyle = .arabic, landscape: Bool = false) {
        self.name = Sheet.safeName(name)
        self.columns = columns
        self.rows = []
        self.merges = []
        self.frozenRows = 0
        self.frozenColumns = 0
        self.digits = digits
        self.landscape = landscape
    }

    /// Gives the sheet another name, made safe as in `init`.
    public mutating func rename(_ name: String) { self.name = Sheet.safeName(name) }

    /// The number the next appended row will have.
    public var nextRowNumber: Int { rows.count + 1 }

    /// Appends a row and returns its number.
    @discardableResult
    public mutating func append(_ row: SheetRow) -> Int {
        rows.append(row)
        return rows.count
    }

    /// The row of column headers, with every row up to it frozen: the headers stay in view and
    /// print again on every page. `localized` headers follow the sheet's digits (a header that
    /// holds a year or a component number).
    @discardableResult
    public mutating func appendColumnHeaders(localized: Bool = false) -> Int {
        let number = append(SheetRow(columns.map { SheetCell(text: $0.header ?? "", localized: localized) }, kind: .header))
        frozenRows = number
        return number
    }

    /// A title line across every column (bold, larger), merged so it reads as one line.
    @discardableResult
    public mutating func appendTitle(_ text: String, level: SheetRow.Kind = .title) -> Int {
        let number = append(SheetRow([SheetCell(text: text, localized: true)], kind: level))
        if columns.count > 1 {
            merges.append(CellRange(from: CellRef(row: number, column: 1), to: CellRef(row: number, column: columns.count)))
        }
        return number
    }

    /// A name Excel accepts: forbidden characters become spaces and the name is cut to 31
    /// UTF-16 units (Excel's measure) without splitting a Thai letter from its marks.
    public static func safeName(_ raw: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var cleaned = String(raw.map { forbidden.contains($0) ? " " : $0 })
            .trimmingCharacters(in: .whitespaces)
        if cleaned.hasPrefix("'") { cleaned.removeFirst() }
        var result = ""
        for character in cleaned {
            if result.utf16.count + String(character).utf16.count > maxNameLength { break }
            result.append(character)
        }
        result = result.trimmingCharacters(in: .whitespaces)
        return result.isEmpty ? "Sheet" : result
    }
}

public struct SheetColumn: Sendable, Hashable {
    /// Width in characters of the default font, as Excel measures it.
    public var width: Double
    public var header: String?
    public init(width: Double, header: String? = nil) { self.width = width; self.header = header }
}

public struct SheetRow: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The sheet's title (16 pt bold, no border).
        case title
        /// A line under the title (source, date; no border).
        case subtitle
        /// Column headers: bold, shaded, bordered, centred, wrapped.
        case header
        /// A group heading inside the table (a part, a component).
        case group
        case normal
        /// A subtotal of a group: bold, lightly shaded.
        case subtotal
        /// The grand total: bold, shaded, double border below.
        case total
        /// A remark below the table (no border).
        case note
    }

    public var cells: [SheetCell]
    public var kind: Kind
    public init(_ cells: [SheetCell], kind: Kind = .normal) { self.cells = cells; self.kind = kind }
}

/// How a number is shown. Each has a Thai-digit variant chosen by the sheet's `digits`.
public enum SheetNumberFormat: String, Sendable, Hashable, CaseIterable {
    /// 35,254,295
    case integer
    /// 4,361,269.47 — money and weights
    case twoDecimals
    /// 32.30% of a fraction (0.3230…)
    case percent
    /// As typed: 72.5, 16
    case general
}

public enum CellValue: Sendable, Hashable {
    case empty
    case text(String)
    /// An exact decimal, written with every digit it has.
    case number(Decimal, SheetNumberFormat)
    /// Baht and satang, written exactly, shown `#,##0.00`.
    case money(Money)
    case integer(Int)
    /// A fraction shown as a percentage (0.3230 → 32.30%).
    case percent(Decimal)
    /// A formula without the leading `=`, and the value it evaluates to, computed by the
    /// builder from the same figures: readers that do not recalculate show `cached`.
    case formula(String, cached: Decimal, format: SheetNumberFormat)
}

public struct SheetCell: Sendable, Hashable {
    public var value: CellValue
    /// Overrides the row's alignment (numbers default to right, text to left).
    public var alignment: Alignment?
    /// Bold in a normal row (a unit's total score …).
    public var bold: Bool
    /// A figure Phaen computed differently from what the source printed: highlighted, with a
    /// note cell nearby saying what was printed.
    public var restated: Bool
    /// Text written by the builder (headings, notes), whose digits follow the sheet's
    /// `digits`; text as printed by a source document is shown exactly as printed.
    public var localized: Bool

    public init(_ value: CellValue, alignment: Alignment? = nil, bold: Bool = false, restated: Bool = false,
                localized: Bool = false) {
        self.value = value; self.alignment = alignment; self.bold = bold; self.restated = restated
        self.localized = localized
    }

    public init(text: String, alignment: Alignment? = nil, bold: Bool = false, localized: Bool = false) {
        self.init(.text(text), alignment: alignment, bold: bold, localized: localized)
    }

    public static let empty = SheetCell(.empty)
}

/// A cell address, 1-based (row 1, column 1 = A1).
public struct CellRef: Sendable, Hashable, CustomStringConvertible {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) { self.row = row; self.column = column }

    /// A, B … Z, AA, AB …
    public static func columnName(_ column: Int) -> String {
        var n = column, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    public var description: String { "\(Self.columnName(column))\(row)" }
}

public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    public var from: CellRef
    public var to: CellRef
    public init(from: CellRef, to: CellRef) { self.from = from; self.to = to }
    public var description: String { from == to ? from.description : "\(from):\(to)" }
}

/// Formula text builders, so every builder writes sums the same way.
public enum SheetFormula {
    /// `SUM(C3:C7,C9,C12:C20)` over the given rows of one column, consecutive rows joined
    /// into ranges; rows left out (a figure counted elsewhere) are simply not named. With no
    /// rows the formula is `0`, which every reader evaluates.
    public static func sum(column: Int, rows: [Int]) -> String {
        let sorted = Array(Set(rows)).sorted()
        guard var start = sorted.first else { return "0" }
        var parts: [String] = [], previous = start
        func close(_ end: Int) {
            let a = CellRef(row: start, column: column), b = CellRef(row: end, column: column)
            parts.append(start == end ? a.description : "\(a):\(b)")
        }
        for row in sorted.dropFirst() {
            if row != previous + 1 { close(previous); start = row }
            previous = row
        }
        close(previous)
        return "SUM(\(parts.joined(separator: ",")))"
    }

    /// `SUM(D5:G5)` across one row.
    public static func sumAcross(row: Int, columns: ClosedRange<Int>) -> String {
        "SUM(\(CellRef(row: row, column: columns.lowerBound)):\(CellRef(row: row, column: columns.upperBound)))"
    }

    /// `IF(C5=0,0,D5/C5)`: a ratio that is 0 when nothing was allocated, as the domain rule
    /// says (and never a #DIV/0! in the file).
    public static func ratio(_ numerator: CellRef, over denominator: CellRef) -> String {
        "IF(\(denominator)=0,0,\(numerator)/\(denominator))"
    }
}
