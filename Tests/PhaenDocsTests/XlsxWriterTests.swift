import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
import PhaenCore
@testable import PhaenDocs

/// The XLSX writer read back with ZIPFoundation: the parts a reader needs, well-formed XML,
/// frozen panes, SUM formulas with their cached values, exact numbers and escaped text.
@Suite struct XlsxWriterTests {
    /// A small budget list: title, header, three rows (one a text budget), a total.
    static func budgetSheet(digits: NumeralStyle = .arabic) -> Sheet {
        var sheet = Sheet(name: "ส่วนที่ 2 สรุปงบประมาณ", columns: [
            SheetColumn(width: 7, header: "ลำดับ"), SheetColumn(width: 50, header: "โครงการ"),
            SheetColumn(width: 16, header: "งบประมาณ"),
        ], digits: digits)
        sheet.appendTitle("แผนปฏิบัติการ พ.ศ. 2567")
        sheet.append(SheetRow(sheet.columns.map { SheetCell(text: $0.header!) }, kind: .header))
        sheet.frozenRows = 2
        let first = sheet.append(SheetRow([SheetCell(text: "1"), SheetCell(text: "ถนน <สาย> & \"ซอย\" 'ก'"),
                                           SheetCell(.money(Money(satang: 409_476_947)))]))
        sheet.append(SheetRow([SheetCell(text: "2"), SheetCell(text: "ไม่ใช้งบ\u{0C}ประมาณ"), SheetCell(text: "ไม่ใช้งบประมาณ")]))
        let third = sheet.append(SheetRow([SheetCell(text: "3"), SheetCell(text: " เว้นวรรค "),
                                           SheetCell(.number(Decimal(string: "31159300.53")!, .twoDecimals))]))
        sheet.append(SheetRow([.empty, SheetCell(text: "รวม", localized: true),
                               SheetCell(.formula(SheetFormula.sum(column: 3, rows: [first, third]),
                                                  cached: Decimal(string: "35254070")!, format: .twoDecimals))], kind: .total))
        sheet.append(SheetRow([.empty, .empty, SheetCell(.percent(Decimal(string: "0.32298217283924036")!))]))
        return sheet
    }

    static func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    @Test("a workbook has every part a reader needs, each well-formed XML")
    func parts() throws {
        let data = try XlsxWriter().write(Workbook(title: "แผน & งบ", sheets: [Self.budgetSheet(), Sheet(name: "ว่าง", columns: [])]))
        let parts = try Self.parts(data)
        for name in ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "xl/workbook.xml",
                     "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
                     "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            let text = try #require(parts[name], "missing \(name)")
            let parser = XMLParser(data: Data(text.utf8))
            #expect(parser.parse(), "\(name) is not well-formed: \(String(describing: parser.parserError))")
        }
        #expect(parts["[Content_Types].xml"]!.contains("/xl/worksheets/sheet2.xml"))
        #expect(parts["xl/workbook.xml"]!.contains("<sheet name=\"ส่วนที่ 2 สรุปงบประมาณ\" sheetId=\"1\" r:id=\"rId1\"/>"))
        #expect(parts["docProps/core.xml"]!.contains("<dc:title>แผน &amp; งบ</dc:title>"))
        // Openpyxl warns about a workbook without the Normal style.
        #expect(parts["xl/styles.xml"]!.contains("<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"))
        #expect(parts["xl/styles.xml"]!.contains("<name val=\"TH Sarabun New\"/>"))
    }

    @Test("the header is frozen and repeats on every printed page; columns sized; the title merged")
    func layout() throws {
        let sheet = try Self.parts(XlsxWriter().write(Workbook(title: "t", sheets: [Self.budgetSheet()])))["xl/worksheets/sheet1.xml"]!
        #expect(sheet.contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<col min=\"2\" max=\"2\" width=\"50\" customWidth=\"1\"/>"))
        #expect(sheet.contains("<mergeCell ref=\"A1:C1\"/>"))
        #expect(sheet.contains("<sheetFormatPr defaultRowHeight=\"24\" customHeight=\"1\"/>"))
        #expect(sheet.contains("paperSize=\"9\""))
        let workbook = try Self.parts(XlsxWriter().write(Workbook(title: "t", sheets: [Self.budgetSheet()])))["xl/workbook.xml"]!
        #expect(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">&apos;ส่วนที่ 2 สรุปงบประมาณ&apos;!$1:$2</definedName>"))
    }

    @Test("a frozen column and rows split the view at the corner")
    func frozenColumns() throws {
        var sheet = Self.budgetSheet()
        sheet.frozenColumns = 2
        let xml = try Self.parts(XlsxWriter().write(Workbook(title: "t", sheets: [sheet])))["xl/worksheets/sheet1.xml"]!
        #expect(xml.contains("<pane xSplit=\"2\" ySplit=\"2\" topLeftCell=\"C3\" activePane=\"bottomRight\" state=\"frozen\"/>"))
    }

    @Test("numbers are written with every digit; formulas carry their cached value")
    func numbers() throws {
        let xml = try Self.parts(XlsxWriter().write(Workbook(title: "t", sheets: [Self.budgetSheet()])))["xl/worksheets/sheet1.xml"]!
        #expect(xml.contains("<v>4094769.47</v>"))
        #expect(xml.contains("<v>31159300.53</v>"))
        #expect(xml.contains("<f>SUM(C3,C5)</f><v>35254070</v>"))
        #expect(xml.contains("<v>0.32298217283924036</v>"))
        #expect(!xml.contains("E+"))
    }

    @Test("text is escaped, forbidden control characters dropped, edge spaces preserved")
    func escaping() throws {
        let strings = try Self.parts(XlsxWriter().write(Workbook(title: "t", sheets: [Self.budgetSheet()])))["xl/sharedStrings.xml"]!
        #expect(strings.contains("<t>ถนน &lt;สาย&gt; &amp; &quot;ซอย&quot; &apos;ก&apos;</t>"))
        #expect(strings.contains("<t>ไม่ใช้งบประมาณ</t>"))
        #expect(!strings.contains("\u{0C}"))
        #expect(strings.contains("<t xml:space=\"preserve\"> เว้นวรรค </t>"))
    }

    @Test("number formats: Thai-friendly codes, Thai digits through the th-TH numeral shape")
    func numberFormats() throws {
        let arabic = try Self.parts(XlsxWriter().write(Workbook(title: "t", sheets: [Self.budgetSheet()])))
        #expect(arabic["xl/styles.xml"]!.contains("formatCode=\"#,##0.00\""))
        #expect(arabic["xl/styles.xml"]!.contains("formatCode=\"0.00%\""))
        let thai = try Self.parts(XlsxWriter().write(Workbook(title: "t", sheets: [Self.budgetSheet(digits: .thai)])))
        #expect(thai["xl/styles.xml"]!.contains("formatCode=\"[$-D00041E]#,##0.00\""))
        #expect(thai["xl/styles.xml"]!.contains("formatCode=\"[$-D00041E]0.00%\""))
        // The builder's own text follows the sheet's digits; printed text stays as printed.
        #expect(thai["xl/sharedStrings.xml"]!.contains("<t>แผนปฏิบัติการ พ.ศ. ๒๕๖๗</t>"))
        #expect(thai["xl/sharedStrings.xml"]!.contains("<t>1</t>"))
        // The number itself is unchanged.
        #expect(thai["xl/worksheets/sheet1.xml"]!.contains("<v>4094769.47</v>"))
    }

    @Test("SUM formulas name consecutive rows as ranges and skip rows left out")
    func sumFormula() {
        #expect(SheetFormula.sum(column: 3, rows: [3, 4, 5, 7, 9, 10]) == "SUM(C3:C5,C7,C9:C10)")
        #expect(SheetFormula.sum(column: 28, rows: [12]) == "SUM(AB12)")
        #expect(SheetFormula.sum(column: 3, rows: []) == "0")
        #expect(SheetFormula.sumAcross(row: 4, columns: 4...7) == "SUM(D4:G4)")
        #expect(SheetFormula.ratio(CellRef(row: 5, column: 3), over: CellRef(row: 5, column: 2)) == "IF(B5=0,0,C5/B5)")
        #expect(CellRef.columnName(1) == "A" && CellRef.columnName(26) == "Z" && CellRef.columnName(27) == "AA")
        #expect(CellRef.columnName(702) == "ZZ" && CellRef.columnName(703) == "AAA")
    }

    @Test("sheet names: forbidden characters replaced, at most 31 UTF-16 units, never a split Thai letter")
    func sheetNames() {
        #expect(Sheet.safeName("ก/ข:ค*?[1]") == "ก ข ค   1")
        let long = Sheet.safeName("สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ")
        #expect(long.utf16.count <= 31 && long.hasPrefix("สรุปโครงการ"))
        #expect(Sheet.safeName("   ") == "Sheet")
    }

    @Test("no sheets, or two sheets of one name, are refused; the same workbook gives the same bytes")
    func errorsAndDeterminism() throws {
        #expect(throws: XlsxError.noSheets) { try XlsxWriter().write(Workbook(title: "t")) }
        let twice = Workbook(title: "t", sheets: [Sheet(name: "Data", columns: []), Sheet(name: "DATA", columns: [])])
        #expect(throws: XlsxError.duplicateSheetName("DATA")) { try XlsxWriter().write(twice) }
        let workbook = Workbook(title: "t", sheets: [Self.budgetSheet()])
        #expect(try XlsxWriter().write(workbook) == XlsxWriter().write(workbook))
    }

    @Test("long text in a narrow column gets a taller row; Thai marks take no width")
    func rowHeights() {
        let cell = SheetCell(text: String(repeating: "ก่", count: 40))
        #expect(XlsxSheetXML.estimatedLines(cell, kind: .normal, width: 27) == 2)
        #expect(XlsxSheetXML.estimatedLines(cell, kind: .normal, width: 60) == 1)
        #expect(XlsxSheetXML.estimatedLines(SheetCell(text: "a\nb\nc"), kind: .normal, width: 60) == 3)
    }
}
