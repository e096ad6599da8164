import Foundation
import PhaenCore

public enum XlsxError: Error, Equatable, CustomStringConvertible {
    case noSheets
    case duplicateSheetName(String)
    case archive(String)

    public var description: String {
        switch self {
        case .noSheets: return "สมุดงานไม่มีแผ่นงาน (a workbook needs at least one sheet)"
        case .duplicateSheetName(let n): return "ชื่อแผ่นงานซ้ำ: \(n) (duplicate sheet name)"
        case .archive(let m): return "เขียนไฟล์ XLSX ไม่สำเร็จ: \(m) (could not write the XLSX archive)"
        }
    }
}

/// Writes a `Workbook` as an Office Open XML spreadsheet (SpreadsheetML, written by hand and
/// zipped with ZIPFoundation). The output depends only on the workbook — no clock, no
/// random ids — so the same data gives the same bytes.
public struct XlsxWriter: Sendable {
    public init() {}

    public func write(_ workbook: Workbook) throws -> Data {
        guard !workbook.sheets.isEmpty else { throw XlsxError.noSheets }
        var seen = Set<String>()
        for sheet in workbook.sheets {
            // Excel compares sheet names without regard to case.
            guard seen.insert(sheet.name.lowercased()).inserted else { throw XlsxError.duplicateSheetName(sheet.name) }
        }
        var styles = XlsxStyles()
        var strings = XlsxSharedStrings()
        var parts: [(String, String)] = []
        for (i, sheet) in workbook.sheets.enumerated() {
            let xml = XlsxSheetXML.write(sheet, selected: i == 0, styles: &styles, strings: &strings)
            parts.append(("xl/worksheets/sheet\(i + 1).xml", xml))
        }
        let count = workbook.sheets.count
        var files: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: count)),
            ("_rels/.rels", rootRelationships),
            ("docProps/core.xml", OfficePackage.coreProperties(title: workbook.title)),
            ("docProps/app.xml", app(sheets: workbook.sheets)),
            ("xl/workbook.xml", workbookXML(workbook)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: count)),
            ("xl/styles.xml", styles.xml),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        files += parts
        return try zip(files)
    }

    // MARK: - Parts

    private func contentTypes(sheetCount: Int) -> String {
        var x = OfficePackage.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        x += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        x += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        x += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for i in 1...sheetCount {
            x += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        x += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        x += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        x += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        x += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return x + "</Types>"
    }

    private var rootRelationships: String {
        OfficePackage.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>"
    }

    private func app(sheets: [Sheet]) -> String {
        var x = OfficePackage.declaration + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
        x += " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>Phaen</Application>"
        x += "<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>"
        x += "<vt:variant><vt:i4>\(sheets.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>"
        x += "<TitlesOfParts><vt:vector size=\"\(sheets.count)\" baseType=\"lpstr\">"
        for sheet in sheets { x += "<vt:lpstr>\(MarkupText.escape(sheet.name))</vt:lpstr>" }
        return x + "</vt:vector></TitlesOfParts></Properties>"
    }

    private func workbookXML(_ workbook: Workbook) -> String {
        var x = OfficePackage.declaration + "<workbook xmlns=\"\(XlsxXML.mainNS)\" xmlns:r=\"\(OfficePackage.relationshipsNamespace)\">"
        x += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, sheet) in workbook.sheets.enumerated() {
            x += "<sheet name=\"\(MarkupText.escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        x += "</sheets>"
        // The frozen rows repeat at the top of every printed page, as the paper tables do.
        let titled = workbook.sheets.enumerated().filter { $0.element.frozenRows > 0 }
        if !titled.isEmpty {
            x += "<definedNames>"
            for (i, sheet) in titled {
                let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
                x += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">\(MarkupText.escape(quoted))!$1:$\(sheet.frozenRows)</definedName>"
            }
            x += "</definedNames>"
        }
        // Readers that calculate do so on opening; the cached values are right either way.
        return x + "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>"
    }

    private func workbookRelationships(sheetCount: Int) -> String {
        var x = OfficePackage.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in 1...sheetCount {
            x += "<Relationship Id=\"rId\(i)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
        }
        x += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        x += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return x + "</Relationships>"
    }

    // MARK: - Archive

    private func zip(_ files: [(String, String)]) throws -> Data {
        do {
            guard let data = try OfficePackage.zip(files) else { throw XlsxError.archive("no data") }
            return data
        } catch let error as XlsxError {
            throw error
        } catch {
            throw XlsxError.archive(String(describing: error))
        }
    }
}

/// The shared string table: each distinct text stored once, cells refer to it by index.
struct XlsxSharedStrings {
    private(set) var strings: [String] = []
    private var index: [String: Int] = [:]
    private(set) var references = 0

    mutating func id(_ text: String) -> Int {
        references += 1
        if let i = index[text] { return i }
        strings.append(text)
        index[text] = strings.count - 1
        return strings.count - 1
    }

    var xml: String {
        var x = OfficePackage.declaration + "<sst xmlns=\"\(XlsxXML.mainNS)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">"
        for s in strings {
            // Leading or trailing spaces and line breaks survive only with xml:space.
            let preserve = s.first?.isWhitespace == true || s.last?.isWhitespace == true || s.contains("\n")
            x += preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            x += MarkupText.escape(s) + "</t></si>"
        }
        return x + "</sst>"
    }
}
