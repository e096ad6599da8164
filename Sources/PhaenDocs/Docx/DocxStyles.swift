import Foundation

/// `word/styles.xml`. Thai is a complex script in Word: it is set in the `w:cs` font at the
/// `w:szCs` size and made bold by `w:bCs`, so every style names the font for all scripts and
/// gives both sizes. Heading 1–3 carry outline levels 0–2 so Word's table of contents finds them;
/// the "PhaenTitle" styles look the same but stay out of the contents.
enum DocxStyles {
    static func xml(for settings: DocumentSettings) -> String {
        let body = settings.bodySizePt
        let fonts = runFonts(settings.fontFamily)
        var s = OfficePackage.declaration
        s += "<w:styles xmlns:w=\"\(DocxXML.wordNamespace)\">"
        s += "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts)\(size(body))"
        s += "<w:lang w:val=\"en-US\" w:eastAsia=\"en-US\" w:bidi=\"th-TH\"/></w:rPr></w:rPrDefault>"
        s += "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
        s += "</w:docDefaults>"

        s += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
        s += "<w:rPr>\(fonts)\(size(body))<w:lang w:val=\"en-US\" w:eastAsia=\"en-US\" w:bidi=\"th-TH\"/></w:rPr></w:style>"
        s += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
        s += "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
        s += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        s += "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
        s += "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
        s += "</w:tblCellMar></w:tblPr></w:style>"

        for level in 1...3 {
            s += headingStyle(id: "Heading\(level)", name: "heading \(level)", level: level, body: body, outline: true)
            s += headingStyle(id: "PhaenTitle\(level)", name: "Phaen Title \(level)", level: level, body: body, outline: false)
        }
        s += "<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/>"
        s += "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/><w:qFormat/>"
        s += "<w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"240\"/><w:jc w:val=\"center\"/></w:pPr>"
        s += "<w:rPr><w:b/><w:bCs/>\(size(body + 4))</w:rPr></w:style>"
        for level in 1...3 {
            s += "<w:style w:type=\"paragraph\" w:styleId=\"TOC\(level)\"><w:name w:val=\"toc \(level)\"/>"
            s += "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>"
            s += "<w:pPr><w:ind w:left=\"\((level - 1) * 440)\"/></w:pPr>"
            s += level == 1 ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : ""
            s += "</w:style>"
        }
        s += "<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/>"
        s += "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
        s += "<w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
        s += "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/>"
        s += "<w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:style>"
        s += "</w:styles>"
        return s
    }

    static func runFonts(_ family: String) -> String {
        let f = MarkupText.escape(family)
        return "<w:rFonts w:ascii=\"\(f)\" w:hAnsi=\"\(f)\" w:eastAsia=\"\(f)\" w:cs=\"\(f)\"/>"
    }

    static func size(_ pt: Double) -> String {
        let half = DocxXML.halfPoints(pt)
        return "<w:sz w:val=\"\(half)\"/><w:szCs w:val=\"\(half)\"/>"
    }

    /// Level 1 is a part or chapter title (centred, 4 pt larger), level 2 a section (2 pt
    /// larger), level 3 a subsection (body size); all bold and kept with what follows.
    private static func headingStyle(id: String, name: String, level: Int, body: Double, outline: Bool) -> String {
        let grow: Double = level == 1 ? 4 : level == 2 ? 2 : 0
        let before = level == 1 ? 240 : 180
        var s = "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
        s += "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
        s += "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"\(before)\" w:after=\"120\"/>"
        if level == 1 { s += "<w:jc w:val=\"center\"/>" }
        if outline { s += "<w:outlineLvl w:val=\"\(level - 1)\"/>" }
        s += "</w:pPr><w:rPr><w:b/><w:bCs/>\(size(body + grow))</w:rPr></w:style>"
        return s
    }
}
