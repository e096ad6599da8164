import Foundation
import Testing
import PhaenCore
@testable import PhaenDocs

/// PDF tests need Chromium and pdftotext (poppler-utils). Where either is missing they say so
/// and stop — except in CI (CI=true), which installs both and must not pass by skipping.
@Suite struct PDFPrinterTests {
    static func tools() -> (chromium: String, pdftotext: String)? {
        let chromium = PDFPrinter.findChromium()
        let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        if let chromium, let pdftotext { return (chromium, pdftotext) }
        let message = "PDF test skipped: chromium \(chromium ?? "missing"), pdftotext \(pdftotext ?? "missing")"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("\(message) — CI must install chromium, fonts-thai-tlwg and poppler-utils")
        } else {
            print(message)
        }
        return nil
    }

    /// The PDF's text; `layout` keeps each printed line together (for the contents), the raw
    /// order keeps each table cell together.
    static func text(of pdf: Data, tool: String, layout: Bool = false) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phaen-pdftext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.pdf"), output = directory.appendingPathComponent("out.txt")
        try pdf.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = (layout ? ["-layout"] : []) + ["-enc", "UTF-8", input.path, output.path]
        try process.run()
        process.waitUntilExit()
        return try String(contentsOf: output, encoding: .utf8)
    }

    /// Thai vowels above and below and tone marks: pdftotext may move them around a base letter.
    static let thaiMarks: Set<Unicode.Scalar> = Set((0x0E31...0x0E31).compactMap(Unicode.Scalar.init)
        + (0x0E34...0x0E3A).compactMap(Unicode.Scalar.init) + (0x0E47...0x0E4E).compactMap(Unicode.Scalar.init))

    static func baseLetters(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !thaiMarks.contains($0) && !$0.properties.isWhitespace }))
    }

    static func marks(_ s: String) -> [Unicode.Scalar: Int] {
        s.unicodeScalars.filter { thaiMarks.contains($0) }.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    @Test("a Thai document prints to a PDF whose text comes back with its vowels and tone marks")
    func thaiText() async throws {
        guard let tools = Self.tools() else { return }
        let start = ContinuousClock.now
        let pdf = try await PDFPrinter(chromium: tools.chromium).print(WriterFixtures.planBook())
        print("PDF of the plan-book fixture: \(pdf.count) bytes in \(ContinuousClock.now - start)")
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let text = try Self.text(of: pdf, tool: tools.pdftotext)
        let base = Self.baseLetters(text)
        for phrase in ["ผู้ใหญ่บ้านกำกับดูแลน้ำท่วมขัง", "ป้องกันภัยฝ่ายพลเรือน", "ผู้อำนวยการเขตภาษีเจริญ",
                       "35,254,295", "สารบัญ"] {
            #expect(base.contains(Self.baseLetters(phrase)), "\(phrase) not found in the PDF text")
        }
        // Every vowel and tone mark of a phrase is in the text at least as often (not dropped).
        let phrase = "ผู้ใหญ่บ้านกำกับดูแลน้ำท่วมขัง"
        let found = Self.marks(text)
        for (mark, count) in Self.marks(phrase) { #expect(found[mark, default: 0] >= count, "mark U+\(String(mark.value, radix: 16)) lost") }
    }

    @Test("the contents of the PDF give the page each heading is printed on")
    func contentsPageNumbers() async throws {
        guard let tools = Self.tools() else { return }
        let document = WriterFixtures.longReport()
        let start = ContinuousClock.now
        let pdf = try await PDFPrinter(chromium: tools.chromium).print(document)
        print("PDF of a long report: \(pdf.count) bytes in \(ContinuousClock.now - start)")
        let pages = try Self.text(of: pdf, tool: tools.pdftotext, layout: true).components(separatedBy: "\u{0C}")
        #expect(pages.count > 20)
        let contentsPage = Self.baseLetters(pages[0])
        for s in [1, 5, 12] {
            let heading = Self.baseLetters("ส่วนที่ \(s) ผลการดำเนินงานตามตัวชี้วัด")
            guard let page = pages.firstIndex(where: { p in
                let lines = p.split(separator: "\n").map { Self.baseLetters(String($0)) }
                return lines.contains(heading)
            }) else {
                Issue.record("heading \(s) not found"); continue
            }
            // The contents line ends with the heading's page number (pages count from 1).
            #expect(contentsPage.contains(heading + "\(page + 1)"), "contents should give page \(page + 1) for section \(s)")
        }
    }

    @Test("without Chromium the PDF export fails with a clear Thai message")
    func missingChromium() async {
        let printer = PDFPrinter(chromium: "/nonexistent/chromium")
        await #expect(throws: PDFPrintError.chromiumMissing) { try await printer.print(WriterFixtures.planBook()) }
        let message = PDFPrintError.chromiumMissing.localizedDescription
        #expect(message.contains("ไม่พบโปรแกรม Chromium สำหรับสร้าง PDF"))
        #expect(message.contains("fonts-thai-tlwg"))
    }

    @Test("named destinations are read from the page tree of a Chromium PDF")
    func destinations() async throws {
        guard let tools = Self.tools() else { return }
        let document = Document(title: "t", blocks: [
            .tableOfContents(title: "สารบัญ"), .pageBreak,
            .heading(Heading(level: 1, text: "หนึ่ง")), .pageBreak, .pageBreak,
            .heading(Heading(level: 1, text: "สอง")), .orientation(.landscape),
            .heading(Heading(level: 2, text: "สาม")),
        ])
        let html = HTMLWriter().render(document)
        let pdf = try await PDFPrinter(chromium: tools.chromium).printHTMLForTesting(html)
        #expect(PDFNamedDestinations.pages(in: pdf) == ["toc0": 2, "toc1": 3, "toc2": 4])
    }
}
