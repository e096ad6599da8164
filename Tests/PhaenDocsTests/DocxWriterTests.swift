import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
import PhaenCore
@testable import PhaenDocs

/// Documents shaped like the plan book and the report forms, shared by the writer tests.
enum WriterFixtures {
    /// A plan-book page: cover title, contents, a budget table whose header has a row span and
    /// a column span, a group row, a total with a restated figure, a landscape step plan and
    /// signatures.
    static func planBook(digits: NumeralStyle = .arabic) -> Document {
        let header1 = Row([
            Cell("ลำดับ", rowSpan: 2, alignment: .center),
            Cell("โครงการ/กิจกรรม", rowSpan: 2, alignment: .center),
            Cell("งบประมาณ (บาท)", columnSpan: 2, alignment: .center),
            Cell("หน่วยงานรับผิดชอบ", rowSpan: 2, alignment: .center),
        ])
        let header2 = Row([Cell("ปี 2567", alignment: .center), Cell("ปี 2568", alignment: .center)])
        let budget = Table(
            columns: [.init(width: 1.2), .init(width: 4), .init(width: 3.4), .init(width: 3.4), .init(width: 3)],
            headerRows: [header1, header2],
            bodyRows: [
                Row([Cell("ส่วนที่ 2 ยุทธศาสตร์ที่ 1 มหานครปลอดภัย", columnSpan: 5)], kind: .group),
                Row([Cell("ยุทธศาสตร์ที่ 2")], kind: .group),
                Row([Cell("1", alignment: .center), Cell("โครงการปรับปรุงทางเท้าและท่อระบายน้ำ ซอยเพชรเกษม 63"),
                     Cell("1,250,000", alignment: .right), Cell("1,300,000", alignment: .right), Cell("ฝ่ายโยธา")]),
                Row([Cell("2", alignment: .center), Cell("โครงการอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน <อปพร.> & ชุมชน"),
                     Cell("34,004,295", alignment: .right), Cell("34,004,295", alignment: .right), Cell("ฝ่ายปกครอง")]),
                Row([Cell("รวมส่วนที่ 2", columnSpan: 2, alignment: .center),
                     Cell("35,254,295", alignment: .right, restated: true), Cell("35,304,295", alignment: .right), Cell("")],
                    kind: .total),
            ],
            caption: "ตาราง ข บัญชีโครงการ/กิจกรรม")
        let steps = Table(
            columns: [.init(width: 5)] + Array(repeating: .init(width: 1), count: 12),
            headerRows: [Row([Cell("ขั้นตอน", rowSpan: 2, alignment: .center), Cell("พ.ศ. 2567", columnSpan: 12, alignment: .center)]),
                         Row(texts: ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."])],
            bodyRows: [Row(texts: ["1. สำรวจพื้นที่และออกแบบ", "✓", "✓", "", "", "", "", "", "", "", "", "", ""])],
            caption: "แผนปฏิบัติงาน (Step Plan)")
        return Document(title: "แผนปฏิบัติราชการประจำปี 2567 สำนักงานเขตภาษีเจริญ",
                        settings: DocumentSettings(digits: digits),
                        blocks: [
            .heading(Heading(level: 1, text: "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2567", inContents: false)),
            .paragraph(Paragraph("สำนักงานเขตภาษีเจริญ", alignment: .center)),
            .pageBreak,
            .tableOfContents(title: "สารบัญ"),
            .pageBreak,
            .heading(Heading(level: 1, text: "ส่วนที่ 1 ข้อมูลพื้นฐาน")),
            .paragraph(Paragraph([Run("สำนักงานเขตภาษีเจริญมีพื้นที่ 17.84 ตารางกิโลเมตร ประชากร 125,000 คน "),
                                  Run("ผู้ใหญ่บ้านกำกับดูแลน้ำท่วมขัง", bold: true)],
                                 alignment: .justified, firstLineIndent: true)),
            .heading(Heading(level: 2, text: "ส่วนที่ 2 บัญชีโครงการ")),
            .table(budget),
            .orientation(.landscape),
            .heading(Heading(level: 2, text: "แผนปฏิบัติงานรายโครงการ")),
            .table(steps),
            .orientation(.portrait),
            .signatures([Signature(name: "นายสมชาย ใจดี", position: "ผู้อำนวยการเขตภาษีเจริญ"),
                         Signature(caption: "ผู้รับรอง", position: "หัวหน้าฝ่ายปกครอง", dateLine: false)]),
        ])
    }

    /// About thirty pages: many sections, each with prose and a long table.
    static func longReport(sections: Int = 12) -> Document {
        var blocks: [Block] = [.heading(Heading(level: 1, text: "รายงานผลการดำเนินงานรอบ 6 เดือน", inContents: false)),
                               .tableOfContents(title: "สารบัญ"), .pageBreak]
        for s in 1...sections {
            blocks.append(.heading(Heading(level: 1, text: "ส่วนที่ \(s) ผลการดำเนินงานตามตัวชี้วัด")))
            blocks.append(.paragraph(Paragraph(String(repeating: "การพัฒนาคุณภาพชีวิตของประชาชนในพื้นที่ให้ดีขึ้นอย่างต่อเนื่อง ", count: 6),
                                               alignment: .justified, firstLineIndent: true)))
            var rows: [Row] = []
            for r in 1...40 {
                rows.append(Row([Cell("\(r)", alignment: .center), Cell("โครงการที่ \(s).\(r) ปรับปรุงถนนและทางเท้าในชุมชน"),
                                 Cell("\(r * 12_500).00", alignment: .right), Cell("\(r * 11_000).00", alignment: .right)]))
            }
            rows.append(Row([Cell("รวม", columnSpan: 2, alignment: .center), Cell("10,250,000.00", alignment: .right),
                             Cell("9,020,000.00", alignment: .right)], kind: .total))
            blocks.append(.table(Table(columns: [.init(width: 1), .init(width: 6), .init(width: 2), .init(width: 2)],
                                       headerRows: [Row([Cell("ลำดับ", alignment: .center), Cell("โครงการ", alignment: .center),
                                                         Cell("งบประมาณ", alignment: .center), Cell("เบิกจ่าย", alignment: .center)])],
                                       bodyRows: rows, caption: "ตารางที่ \(s)")))
            blocks.append(.pageBreak)
        }
        blocks.append(.signatures([Signature(position: "ผู้รายงาน"), Signature(position: "ผู้รับรองข้อมูล")]))
        return Document(title: "รายงานรอบ 6 เดือน", blocks: blocks)
    }
}

/// Reads a DOCX back with ZIPFoundation and Foundation's XML parser.
struct DocxPackage {
    let parts: [String: Data]

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var content = Data()
            _ = try archive.extract(entry) { content.append($0) }
            parts[entry.path] = content
        }
        self.parts = parts
    }

    func text(_ part: String) -> String { parts[part].map { String(decoding: $0, as: UTF8.self) } ?? "" }

    func tables() throws -> [WordTable] {
        let reader = WordTableReader()
        let parser = XMLParser(data: parts["word/document.xml"] ?? Data())
        parser.delegate = reader
        guard parser.parse() else { throw DocxReadError.malformed(parser.parserError?.localizedDescription ?? "?") }
        return reader.tables
    }

    enum DocxReadError: Error { case malformed(String) }
}

struct WordCell { var gridSpan = 1; var vMerge: String?; var text = ""; var shading: String? }
struct WordRow { var isHeader = false; var cells: [WordCell] = [] }
struct WordTable { var grid: [Int] = []; var rows: [WordRow] = [] }

/// Collects tables (no nesting in Phaen's output) with each cell's span, merge and text.
final class WordTableReader: NSObject, XMLParserDelegate {
    var tables: [WordTable] = []
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "w:tbl": tables.append(WordTable())
        case "w:gridCol": tables[tables.count - 1].grid.append(Int(attributes["w:w"] ?? "") ?? 0)
        case "w:tr": tables[tables.count - 1].rows.append(WordRow())
        case "w:tblHeader": lastRow { $0.isHeader = true }
        case "w:tc": lastRow { $0.cells.append(WordCell()) }
        case "w:gridSpan": lastCell { $0.gridSpan = Int(attributes["w:val"] ?? "") ?? 1 }
        case "w:vMerge": lastCell { $0.vMerge = attributes["w:val"] ?? "continue" }
        case "w:shd": lastCell { $0.shading = attributes["w:fill"] }
        case "w:t": inText = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "w:t" { inText = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { lastCell { $0.text += string } }
    }

    private func lastRow(_ change: (inout WordRow) -> Void) {
        guard !tables.isEmpty, !tables[tables.count - 1].rows.isEmpty else { return }
        change(&tables[tables.count - 1].rows[tables[tables.count - 1].rows.count - 1])
    }

    private func lastCell(_ change: (inout WordCell) -> Void) {
        lastRow { row in
            guard !row.cells.isEmpty else { return }
            change(&row.cells[row.cells.count - 1])
        }
    }
}

@Suite struct DocxWriterTests {
    @Test("the package has every part Word needs, and each XML part parses")
    func parts() throws {
        let docx = try DocxPackage(DocxWriter().write(WriterFixtures.planBook()))
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                     "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml",
                     "docProps/core.xml", "docProps/app.xml"] {
            let data = try #require(docx.parts[part], "missing \(part)")
            #expect(XMLParser(data: data).parse(), "\(part) is not well-formed XML")
        }
        #expect(docx.text("[Content_Types].xml").contains("/word/header1.xml"))
        #expect(docx.text("word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"))
        #expect(docx.text("docProps/core.xml").contains("<dc:title>แผนปฏิบัติราชการประจำปี 2567 สำนักงานเขตภาษีเจริญ</dc:title>"))
    }

    @Test("Thai is set in the document's complex-script font at the body size, headings carry outline levels")
    func fontsAndStyles() throws {
        var document = WriterFixtures.planBook()
        document.settings.fontFamily = "TH SarabunPSK"
        document.settings.bodySizePt = 15
        let docx = try DocxPackage(DocxWriter().write(document))
        let styles = docx.text("word/styles.xml")
        #expect(styles.contains("<w:rFonts w:ascii=\"TH SarabunPSK\" w:hAnsi=\"TH SarabunPSK\" w:eastAsia=\"TH SarabunPSK\" w:cs=\"TH SarabunPSK\"/>"))
        #expect(styles.contains("<w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>"))
        #expect(styles.contains("w:bidi=\"th-TH\""))
        for level in 0...2 { #expect(styles.contains("<w:outlineLvl w:val=\"\(level)\"/>")) }
        let body = docx.text("word/document.xml")
        #expect(body.contains("w:cs=\"TH SarabunPSK\""))
        #expect(!body.contains("TH Sarabun New"))
        // Bold Thai needs the complex-script bold as well.
        #expect(body.contains("<w:b/><w:bCs/>"))
    }

    @Test("Thai digits everywhere when asked, including the page numbers; Arabic digits otherwise")
    func digits() throws {
        let thai = try DocxPackage(DocxWriter().write(WriterFixtures.planBook(digits: .thai)))
        let body = thai.text("word/document.xml")
        #expect(body.contains("๓๕,๒๕๔,๒๙๕"))
        #expect(body.contains("ปี ๒๕๖๗"))
        #expect(!body.contains("35,254,295"))
        #expect(body.contains("<w:pgNumType w:fmt=\"thaiNumbers\"/>"))
        #expect(thai.text("docProps/core.xml").contains("<dc:title>แผนปฏิบัติราชการประจำปี ๒๕๖๗ สำนักงานเขตภาษีเจริญ</dc:title>"))
        let arabic = try DocxPackage(DocxWriter().write(WriterFixtures.planBook())).text("word/document.xml")
        #expect(arabic.contains("35,254,295"))
        #expect(!arabic.contains("๓๕"))
        #expect(!arabic.contains("thaiNumbers"))
    }

    @Test("merged header cells: column spans, row spans continued in the rows below, header rows repeated")
    func mergedCells() throws {
        let tables = try DocxPackage(DocxWriter().write(WriterFixtures.planBook())).tables()
        let budget = try #require(tables.first)
        #expect(budget.grid.count == 5)
        // Every row covers the whole grid, including the rows under a row span.
        for row in budget.rows { #expect(row.cells.reduce(0) { $0 + $1.gridSpan } == 5) }
        #expect(budget.rows.map(\.isHeader) == [true, true, false, false, false, false, false])
        let first = budget.rows[0].cells, second = budget.rows[1].cells
        #expect(first.map(\.text) == ["ลำดับ", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ"])
        #expect(first.map(\.vMerge) == ["restart", "restart", nil, "restart"])
        #expect(first[2].gridSpan == 2)
        #expect(second.map(\.vMerge) == ["continue", "continue", nil, nil, "continue"])
        #expect(second.map(\.text) == ["", "", "ปี 2567", "ปี 2568", ""])
        // A group row spans the table; a short row is filled out; the total row is shaded.
        #expect(budget.rows[2].cells.map(\.gridSpan) == [5])
        #expect(budget.rows[3].cells.count == 5)
        let total = budget.rows[6]
        #expect(total.cells[0].gridSpan == 2 && total.cells[0].text == "รวมส่วนที่ 2")
        #expect(total.cells.allSatisfy { $0.shading == "F2F2F2" })
        // Column widths share the text width (A4 portrait less 25 + 20 mm) in proportion.
        #expect(budget.grid.reduce(0, +) == 11906 - 1417 - 1134)
        #expect(abs(Double(budget.grid[1]) / Double(budget.grid[0]) - 4 / 1.2) < 0.01)
        // The month grid of the step plan: one column span of 12 over its months.
        let steps = tables[1]
        #expect(steps.rows[0].cells.map(\.gridSpan) == [1, 12])
        #expect(steps.rows[1].cells.first?.vMerge == "continue")
        #expect(steps.rows[1].cells.count == 13)
    }

    @Test("text is escaped, restated figures highlighted, the total of the table bold")
    func escapingAndMarks() throws {
        let body = try DocxPackage(DocxWriter().write(WriterFixtures.planBook())).text("word/document.xml")
        #expect(body.contains("&lt;อปพร.&gt; &amp; ชุมชน"))
        #expect(!body.contains("<อปพร.>"))
        #expect(body.contains("<w:b/><w:bCs/><w:highlight w:val=\"yellow\"/><w:lang w:val=\"en-US\" w:bidi=\"th-TH\"/></w:rPr><w:t xml:space=\"preserve\">35,254,295</w:t>"))
    }

    @Test("landscape pages get their own section, A4 turned; the contents are a TOC field with the headings")
    func sectionsAndContents() throws {
        let docx = try DocxPackage(DocxWriter().write(WriterFixtures.planBook()))
        let body = docx.text("word/document.xml")
        #expect(body.components(separatedBy: "<w:sectPr>").count - 1 == 3)
        #expect(body.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        #expect(body.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(body.contains("<w:pgMar w:top=\"1417\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1417\""))
        #expect(body.contains("<w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText>"))
        #expect(body.contains("<w:pStyle w:val=\"TOC1\"/>"))
        // The cover title is not in the contents: it uses a style without an outline level.
        #expect(body.contains("<w:pStyle w:val=\"PhaenTitle1\"/>"))
        let entries = body.components(separatedBy: "PAGEREF _Toc").count - 1
        #expect(entries == 3)
        #expect(body.contains("<w:bookmarkStart w:id=\"0\" w:name=\"_Toc100000\"/>"))
        #expect(docx.text("word/header1.xml").contains(" PAGE "))
        #expect(body.contains("<w:titlePg/>"))
    }

    @Test("without page numbers there is no header part")
    func noPageNumbers() throws {
        var document = WriterFixtures.planBook()
        document.settings.pageNumbers = false
        let docx = try DocxPackage(DocxWriter().write(document))
        #expect(docx.parts["word/header1.xml"] == nil)
        #expect(!docx.text("word/document.xml").contains("headerReference"))
    }

    @Test("a long report writes and reads back whole")
    func longReport() throws {
        let start = ContinuousClock.now
        let data = try DocxWriter().write(WriterFixtures.longReport())
        let elapsed = ContinuousClock.now - start
        let tables = try DocxPackage(data).tables()
        #expect(tables.count == 13)
        #expect(tables[0].rows.count == 42)
        print("DOCX of a ~30-page report: \(data.count) bytes in \(elapsed)")
    }
}
