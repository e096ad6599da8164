import Foundation
import Testing
import PhaenCore
@testable import PhaenDocs

@Suite struct HTMLWriterTests {
    @Test("all text is escaped: a script in a project name stays text")
    func escaping() {
        var document = WriterFixtures.planBook()
        document.title = "แผน <script>alert(1)</script>"
        document.blocks.append(.paragraph(Paragraph([Run("<script>alert(\"x\")</script> & 'ok'")])))
        document.blocks.append(.table(Table(columnCount: 1, bodyRows: [Row(texts: ["<img src=x onerror=alert(1)>"])])))
        let html = HTMLWriter().render(document)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;ok&#39;"))
        #expect(html.contains("<title>แผน &lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(html.contains("&lt;อปพร.&gt; &amp; ชุมชน"))
    }

    @Test("print CSS: A4 with the document's margins, landscape as a named page, page numbers from page 2")
    func printCSS() {
        var document = WriterFixtures.planBook()
        document.settings.marginsMM = (30, 20, 15, 25)
        let html = HTMLWriter().render(document)
        #expect(html.contains("@page { size: A4 portrait; margin: 30mm 20mm 15mm 25mm; @top-center { content: counter(page);"))
        #expect(html.contains("@page :first { @top-center { content: none; } }"))
        #expect(html.contains("@page landscape { size: A4 landscape; }"))
        // Portrait, then the landscape step plan, then portrait again for the signatures.
        let sections = html.components(separatedBy: "<section class=\"").dropFirst().map { $0.prefix(while: { $0 != "\"" }) }
        #expect(sections == ["portrait", "landscape", "portrait"])
        #expect(html.contains("body { font-family: \"TH Sarabun New\", \"Laksaman\", \"TH SarabunPSK\", sans-serif; font-size: 16pt;"))

        document.settings.pageNumbers = false
        document.settings.fontFamily = "TH SarabunPSK"
        document.settings.bodySizePt = 15
        let plain = HTMLWriter().render(document)
        #expect(!plain.contains("@top-center"))
        #expect(plain.contains("font-family: \"TH SarabunPSK\", \"TH Sarabun New\", \"Laksaman\", sans-serif; font-size: 15pt;"))
    }

    @Test("tables: header rows in thead, spans as colspan/rowspan, totals marked, columns in proportion")
    func tables() {
        let html = HTMLWriter().render(WriterFixtures.planBook())
        #expect(html.contains("<thead><tr><th rowspan=\"2\" class=\"first merged\" style=\"text-align:center\"><p style=\"text-align:center\">ลำดับ</p></th>"))
        #expect(html.contains("<th colspan=\"2\" style=\"text-align:center\">"))
        #expect(html.contains("<tr class=\"total\">"))
        #expect(html.contains("<mark class=\"restated\">35,254,295</mark>"))
        #expect(html.contains("<col style=\"width:8.00%\"><col style=\"width:26.67%\">"))
        #expect(html.contains("<th colspan=\"12\" style=\"text-align:center\">"))
        // The short group row is completed with empty cells; a row under row spans is not.
        #expect(html.contains("<tr class=\"group\"><td class=\"first\"><p>ยุทธศาสตร์ที่ 2</p></td><td></td><td></td><td></td><td></td></tr>"))
        #expect(html.contains("<p style=\"text-align:center\">ปี 2568</p></th></tr></thead>"))
        // The left border goes on the cell in the first column, never on one beside a row span.
        #expect(html.contains("<tr><th style=\"text-align:center\"><p style=\"text-align:center\">ปี 2567</p></th>"))
        #expect(html.contains("<tr><td class=\"first\" style=\"text-align:center\"><p style=\"text-align:center\">1</p></td>"))
    }

    @Test("Thai digits in text and page numbers when asked")
    func thaiDigits() {
        let html = HTMLWriter().render(WriterFixtures.planBook(digits: .thai))
        #expect(html.contains("๓๕,๒๕๔,๒๙๕"))
        #expect(!html.contains("35,254,295"))
        #expect(html.contains("content: counter(page, thai)"))
    }

    @Test("contents link to their headings, with page numbers when the printer knows them")
    func contents() {
        let document = WriterFixtures.planBook(digits: .thai)
        let html = HTMLWriter().render(document, contentsPages: [3, 3, 4])
        #expect(html.contains("<h1 id=\"toc0\">ส่วนที่ ๑ ข้อมูลพื้นฐาน</h1>"))
        #expect(html.contains("<a href=\"#toc2\"><span class=\"entry\">แผนปฏิบัติงานรายโครงการ</span><span class=\"leader\"></span><span class=\"page\">๔</span></a>"))
        // The cover title is not in the contents and has no anchor.
        #expect(html.contains("<h1>แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. ๒๕๖๗</h1>"))
        let unnumbered = HTMLWriter().render(document)
        #expect(unnumbered.contains("<span class=\"page\"></span>"))
    }

    @Test("a page break before a new orientation does not leave an empty page")
    func pageBreaks() {
        let document = Document(title: "t", blocks: [
            .paragraph(Paragraph("หน้า 1")), .pageBreak, .orientation(.landscape), .paragraph(Paragraph("หน้า 2")),
            .pageBreak, .paragraph(Paragraph("หน้า 3")), .pageBreak,
        ])
        let html = HTMLWriter().render(document)
        #expect(html.components(separatedBy: "class=\"page-break\"").count - 1 == 1)
        #expect(html.contains("<section class=\"landscape\">"))
    }
}
