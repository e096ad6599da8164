import Foundation

/// Builds `word/document.xml` block by block. Word keeps page setup in sections: an orientation
/// change closes the current section (its `w:sectPr` rides on an empty paragraph) and opens a
/// new page; the last section's `w:sectPr` ends the body.
struct DocxBody {
    let document: Document
    private var xml = ""
    private var orientation: DocumentSettings.Orientation
    private var sectionCount = 0
    private var sectionHasContent = false
    /// A page break waits for the next block: a paragraph takes it as `w:pageBreakBefore`, and
    /// an orientation change drops it since a new section starts a new page anyway.
    private var pendingPageBreak = false
    private var contentsIndex = 0
    private var bookmarkID = 0

    init(document: Document) {
        self.document = document
        orientation = document.settings.orientation
    }

    /// The bookmark on the n-th heading of the contents, the target of its TOC entry and
    /// PAGEREF. `_Toc` names are hidden bookmarks in Word.
    static func bookmarkName(_ index: Int) -> String { "_Toc\(100_000 + index)" }

    var usesPageNumbers: Bool { document.settings.pageNumbers }

    mutating func build() -> String {
        xml = OfficePackage.declaration
        xml += "<w:document xmlns:w=\"\(DocxXML.wordNamespace)\" xmlns:r=\"\(OfficePackage.relationshipsNamespace)\"><w:body>"
        for block in document.blocks { append(block) }
        xml += sectionProperties()
        xml += "</w:body></w:document>"
        return xml
    }

    private var geometry: DocxPageGeometry { DocxPageGeometry(orientation: orientation, settings: document.settings) }

    private mutating func takePageBreak() -> Bool {
        defer { pendingPageBreak = false; sectionHasContent = true }
        return pendingPageBreak
    }

    private mutating func append(_ block: Block) {
        switch block {
        case .heading(let heading):
            appendHeading(heading)
        case .paragraph(let p):
            xml += DocxParagraphs.paragraph(p, document: document, pageBreakBefore: takePageBreak())
        case .table(let table):
            var breakBefore = takePageBreak()
            if let caption = table.caption {
                xml += DocxParagraphs.paragraph(Paragraph([Run(caption)]), document: document, style: "Caption",
                                                pageBreakBefore: breakBefore)
                breakBefore = false
            }
            if breakBefore { xml += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" }
            xml += DocxTableWriter(document: document, textWidth: geometry.textWidth).xml(table)
            // Word needs a paragraph between two tables, or it merges them into one.
            xml += "<w:p/>"
        case .pageBreak:
            if sectionHasContent { pendingPageBreak = true }
        case .orientation(let next):
            guard next != orientation else { return }
            if sectionHasContent {
                xml += "<w:p><w:pPr>\(sectionProperties())</w:pPr></w:p>"
                sectionHasContent = false
            }
            orientation = next
            pendingPageBreak = false
        case .tableOfContents(let title):
            appendContents(title: title)
        case .signatures(let signatures):
            if takePageBreak() { xml += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" }
            xml += DocxTableWriter(document: document, textWidth: geometry.textWidth).signaturesXML(signatures)
            xml += "<w:p/>"
        }
    }

    private mutating func appendHeading(_ heading: Heading) {
        let level = min(max(heading.level, 1), 3)
        let style = heading.inContents ? "Heading\(level)" : "PhaenTitle\(level)"
        let p = Paragraph([Run(heading.text)])
        var prefix = "", suffix = ""
        if heading.inContents {
            let name = Self.bookmarkName(contentsIndex)
            prefix = "<w:bookmarkStart w:id=\"\(bookmarkID)\" w:name=\"\(name)\"/>"
            suffix = "<w:bookmarkEnd w:id=\"\(bookmarkID)\"/>"
            contentsIndex += 1
            bookmarkID += 1
        }
        var xmlParagraph = DocxParagraphs.paragraph(p, document: document, style: style, pageBreakBefore: takePageBreak(),
                                                    prefix: prefix, suffix: suffix)
        // The style sets the alignment; drop the paragraph's own left alignment.
        xmlParagraph = xmlParagraph.replacingOccurrences(of: "<w:jc w:val=\"left\"/>", with: "")
        xml += xmlParagraph
    }

    /// A real TOC field (Word rebuilds it on open because settings ask `updateFields`), whose
    /// stored result already lists the current headings, each linked to its bookmark with a
    /// PAGEREF field for the page.
    private mutating func appendContents(title: String) {
        xml += DocxParagraphs.paragraph(Paragraph([Run(title)]), document: document, style: "TOCHeading",
                                        pageBreakBefore: takePageBreak())
        let fonts = DocxStyles.runFonts(document.settings.fontFamily)
        let rPr = "<w:rPr>\(fonts)</w:rPr>"
        let fieldStart = "<w:r>\(rPr)<w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
            + "<w:r>\(rPr)<w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText></w:r>"
            + "<w:r>\(rPr)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
        let fieldEnd = "<w:r>\(rPr)<w:fldChar w:fldCharType=\"end\"/></w:r>"
        let tabs = "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"\(geometry.textWidth)\"/></w:tabs>"
        let entries = document.contentsEntries
        if entries.isEmpty {
            xml += "<w:p>\(fieldStart)\(fieldEnd)</w:p>"
            return
        }
        for (i, heading) in entries.enumerated() {
            let level = min(max(heading.level, 1), 3)
            let bookmark = Self.bookmarkName(i)
            xml += "<w:p><w:pPr><w:pStyle w:val=\"TOC\(level)\"/>\(tabs)</w:pPr>"
            if i == 0 { xml += fieldStart }
            xml += "<w:hyperlink w:anchor=\"\(bookmark)\" w:history=\"1\">"
            xml += DocxParagraphs.run(Run(heading.text), document: document)
            xml += "<w:r>\(rPr)<w:tab/></w:r>"
            xml += "<w:r>\(rPr)<w:fldChar w:fldCharType=\"begin\"/></w:r>"
            xml += "<w:r>\(rPr)<w:instrText xml:space=\"preserve\"> PAGEREF \(bookmark) \\h </w:instrText></w:r>"
            xml += "<w:r>\(rPr)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
            xml += "<w:r>\(rPr)<w:fldChar w:fldCharType=\"end\"/></w:r>"
            xml += "</w:hyperlink>"
            if i == entries.count - 1 { xml += fieldEnd }
            xml += "</w:p>"
        }
    }

    /// The page setup of the section being closed. Only the first section gets a distinct
    /// (empty) first-page header: a cover or the first page of a form carries no number.
    private mutating func sectionProperties() -> String {
        defer { sectionCount += 1 }
        var s = "<w:sectPr>"
        if usesPageNumbers {
            s += "<w:headerReference w:type=\"default\" r:id=\"\(DocxPackageParts.headerRelId)\"/>"
            if sectionCount == 0 {
                s += "<w:headerReference w:type=\"first\" r:id=\"\(DocxPackageParts.firstPageHeaderRelId)\"/>"
            }
        }
        s += "<w:type w:val=\"nextPage\"/>"
        s += geometry.sizeAndMarginsXML
        if document.settings.digits == .thai { s += "<w:pgNumType w:fmt=\"thaiNumbers\"/>" }
        if usesPageNumbers && sectionCount == 0 { s += "<w:titlePg/>" }
        return s + "</w:sectPr>"
    }
}
