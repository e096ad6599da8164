import Foundation
import Testing
import PhaenCore
@testable import PhaenDocs

@Suite struct DocumentModelTests {
    @Test("a document asking for Thai digits prints every digit in Thai")
    func thaiDigits() {
        var doc = Document(title: "แผน")
        #expect(doc.display("ส่วนที่ 2: 35,254,295") == "ส่วนที่ 2: 35,254,295")
        doc.settings.digits = .thai
        #expect(doc.display("ส่วนที่ 2: 35,254,295") == "ส่วนที่ ๒: ๓๕,๒๕๔,๒๙๕")
    }

    @Test("the contents list the headings marked for it, in order")
    func contents() {
        let doc = Document(title: "แผน", blocks: [
            .heading(Heading(level: 1, text: "ส่วนที่ 1")),
            .paragraph(Paragraph("ข้อความ")),
            .heading(Heading(level: 2, text: "ปกหลัง", inContents: false)),
            .heading(Heading(level: 2, text: "ส่วนที่ 2")),
        ])
        #expect(doc.contentsEntries.map(\.text) == ["ส่วนที่ 1", "ส่วนที่ 2"])
    }
}
