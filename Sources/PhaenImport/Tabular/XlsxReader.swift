import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the first worksheet of an XLSX workbook (Office Open XML) as text cells.
///
/// Numbers come back exactly as the file stores them (`4361269.47`), never through a Double, so
/// money keeps its satang. A number cell whose style is a date format is a date serial and is
/// returned as an ISO date (`2024-03-31`), with the time when it has one; shared, inline and
/// formula strings are returned as text, booleans as `TRUE`/`FALSE`.
enum XlsxReader {
    static func rows(data: Data) throws -> [[String]] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw TabularFileError.notAWorkbook
        }
        let workbook = try WorkbookPart.parse(part(archive, "xl/workbook.xml") ?? {
            throw TabularFileError.notAWorkbook
        }())
        let sheetPath = try firstSheetPath(archive, workbook: workbook)
        guard let sheetData = try part(archive, sheetPath) else {
            throw TabularFileError.missingPart(sheetPath)
        }
        let strings = try part(archive, "xl/sharedStrings.xml").map(SharedStringsPart.parse) ?? []
        let dateStyles = try part(archive, "xl/styles.xml").map(StylesPart.dateStyleIndexes) ?? []
        let sheet = try SheetPart.parse(sheetData, part: sheetPath)

        var rows: [[String]] = []
        for (rowNumber, cells) in sheet.rows.sorted(by: { $0.key < $1.key }) {
            while rows.count < rowNumber - 1 { rows.append([]) }
            var row: [String] = []
            for cell in cells.sorted(by: { $0.column < $1.column }) {
                while row.count < cell.column { row.append("") }
                row.append(try text(of: cell, strings: strings, dateStyles: dateStyles,
                                    date1904: workbook.date1904))
            }
            rows.append(row)
        }
        return rows
    }

    static func text(of cell: SheetPart.Cell, strings: [String], dateStyles: Set<Int>,
                     date1904: Bool) throws -> String {
        switch cell.type {
        case "s":
            guard let index = Int(cell.value), strings.indices.contains(index) else {
                throw TabularFileError.malformedXML(part: "xl/sharedStrings.xml",
                                                    detail: "ไม่พบข้อความลำดับ \(cell.value)")
            }
            return strings[index]
        case "inlineStr": return cell.inline
        case "b": return cell.value == "1" ? "TRUE" : "FALSE"
        case "str", "e", "d": return cell.value
        default:
            if let style = cell.style, dateStyles.contains(style), let serial = Decimal(string: cell.value) {
                return isoDate(serial: serial, date1904: date1904) ?? cell.value
            }
            return cell.value
        }
    }

    /// An Excel date serial as an ISO date. The 1900 system counts 1900-02-29, which never
    /// existed (a Lotus bug Excel kept), so serials from 61 on are one day ahead.
    static func isoDate(serial: Decimal, date1904: Bool) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }
        var whole = serial
        var rounded = Decimal()
        NSDecimalRound(&rounded, &whole, 0, .down)
        let days = NSDecimalNumber(decimal: rounded).intValue
        let seconds = NSDecimalNumber(decimal: (serial - rounded) * 86_400).doubleValue.rounded()
        // Day 0 of each system, as days since 1970-01-01.
        let offset: Int
        if date1904 {
            offset = -24_107 // 1904-01-01
        } else {
            offset = days >= 61 ? -25_569 : -25_568 // 1899-12-30 (after the phantom leap day) or 1899-12-31
        }
        let (y, m, d) = civil(fromDays: days + offset)
        var text = String(format: "%04d-%02d-%02d", y, m, d)
        if seconds > 0 {
            let s = Int(seconds)
            text += String(format: " %02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        }
        return text
    }

    /// Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func part(_ archive: Archive, _ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw TabularFileError.malformedXML(part: path, detail: "แตกไฟล์ไม่ได้")
        }
        return data
    }

    /// The first sheet in the workbook's order, through its relationship; `sheet1.xml` when the
    /// relationships are missing.
    static func firstSheetPath(_ archive: Archive, workbook: WorkbookPart) throws -> String {
        guard let relationID = workbook.firstSheetRelationID,
              let rels = try part(archive, "xl/_rels/workbook.xml.rels"),
              let target = try RelationshipsPart.parse(rels)[relationID] else {
            return "xl/worksheets/sheet1.xml"
        }
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }
}

/// Runs an XMLParser over one part and turns its failure into a Thai error naming the part.
private func parseXML(_ data: Data, part: String, delegate: XMLParserDelegate) throws {
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    parser.shouldProcessNamespaces = false
    if !parser.parse() {
        throw TabularFileError.malformedXML(
            part: part, detail: parser.parserError.map { "\($0.localizedDescription)" } ?? "XML ไม่ถูกต้อง")
    }
}

/// Element names without their namespace prefix (`x:row` → `row`): some writers prefix them.
private func local(_ name: String) -> Substring {
    name.split(separator: ":").last ?? Substring(name)
}

final class WorkbookPart: NSObject, XMLParserDelegate {
    var firstSheetRelationID: String?
    var date1904 = false

    static func parse(_ data: Data) throws -> WorkbookPart {
        let part = WorkbookPart()
        try parseXML(data, part: "xl/workbook.xml", delegate: part)
        return part
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch local(name) {
        case "sheet" where firstSheetRelationID == nil:
            firstSheetRelationID = attributes.first { local($0.key) == "id" && $0.key != "sheetId" }?.value
        case "workbookPr":
            date1904 = attributes["date1904"] == "1" || attributes["date1904"] == "true"
        default: break
        }
    }
}

final class RelationshipsPart: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    static func parse(_ data: Data) throws -> [String: String] {
        let part = RelationshipsPart()
        try parseXML(data, part: "xl/_rels/workbook.xml.rels", delegate: part)
        return part.targets
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

/// The shared string table: each `<si>` is the text of its `<t>` elements, rich-text runs
/// joined, phonetic guides (`<rPh>`) left out.
final class SharedStringsPart: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    static func parse(_ data: Data) throws -> [String] {
        let part = SharedStringsPart()
        try parseXML(data, part: "xl/sharedStrings.xml", delegate: part)
        return part.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch local(name) {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
                qualifiedName: String?) {
        switch local(name) {
        case "si": strings.append(current)
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// Which cell styles (`s` attribute = index into `cellXfs`) display a date: the built-in date
/// formats, and custom formats whose code has day, month or year letters outside quotes and
/// brackets (`[$-th-TH]d mmm yyyy`, `dd/mm/yyyy`). Thai workbooks also write the BE year as
/// `bbbb`, always beside a day or month, so `b` alone is not needed (and would misread `0.0E+0`).
final class StylesPart: NSObject, XMLParserDelegate {
    private var customFormats: [Int: String] = [:]
    private var cellFormatIDs: [Int] = []
    private var inCellXfs = false

    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)
        .union(71...81)

    static func dateStyleIndexes(_ data: Data) throws -> Set<Int> {
        let part = StylesPart()
        try parseXML(data, part: "xl/styles.xml", delegate: part)
        var result = Set<Int>()
        for (index, formatID) in part.cellFormatIDs.enumerated() {
            if builtInDateFormats.contains(formatID) || part.customFormats[formatID].map(isDateFormat) == true {
                result.insert(index)
            }
        }
        return result
    }

    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false
        for c in code.lowercased() {
            switch c {
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "d", "m", "y":
                if !inQuotes && !inBrackets { return true }
            default: continue
            }
        }
        return false
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch local(name) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
                qualifiedName: String?) {
        if local(name) == "cellXfs" { inCellXfs = false }
    }
}

/// The cells of one worksheet, by row number (1-based) and column index (0-based).
final class SheetPart: NSObject, XMLParserDelegate {
    struct Cell {
        var column: Int
        var type: String
        var style: Int?
        var value = ""
        var inline = ""
    }

    var rows: [Int: [Cell]] = [:]
    private var rowNumber = 0
    private var cell: Cell?
    private var nextColumn = 0
    private var capturing: Substring?

    static func parse(_ data: Data, part: String) throws -> SheetPart {
        let sheet = SheetPart()
        try parseXML(data, part: part, delegate: sheet)
        return sheet
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch local(name) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            nextColumn = 0
            rows[rowNumber, default: []] = rows[rowNumber] ?? []
        case "c":
            let column = attributes["r"].flatMap(Self.columnIndex) ?? nextColumn
            cell = Cell(column: column, type: attributes["t"] ?? "n", style: attributes["s"].flatMap(Int.init))
            nextColumn = column + 1
        case "v" where cell != nil: capturing = "v"
        case "t" where cell != nil: capturing = "t"
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
                qualifiedName: String?) {
        switch local(name) {
        case "c":
            if let cell { rows[rowNumber, default: []].append(cell) }
            cell = nil
        case "v", "t": capturing = nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch capturing {
        case "v": cell?.value += string
        case "t": cell?.inline += string
        default: break
        }
    }

    /// `AB12` → 27 (the letters, 0-based).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var sawLetter = false
        for c in reference.uppercased().unicodeScalars {
            guard c.value >= 65, c.value <= 90 else { break }
            index = index * 26 + Int(c.value - 64)
            sawLetter = true
        }
        return sawLetter ? index - 1 : nil
    }
}
