import Foundation

/// Paragraphs and runs in WordprocessingML. Every run names the document's font for all four
/// scripts and sets bold/italic for the complex script too (`w:bCs`, `w:iCs`): Word sets Thai
/// with the complex-script properties, so a run with only `w:b` would print Thai unbolded.
enum DocxParagraphs {
    static func paragraph(_ p: Paragraph, document: Document, style: String? = nil, forceBold: Bool = false,
                          pageBreakBefore: Bool = false, keepNext: Bool = false, prefix: String = "", suffix: String = "") -> String {
        var s = "<w:p>" + properties(p, style: style, pageBreakBefore: pageBreakBefore, keepNext: keepNext) + prefix
        for run in p.runs { s += self.run(run, document: document, forceBold: forceBold) }
        return s + suffix + "</w:p>"
    }

    static func properties(_ p: Paragraph, style: String?, pageBreakBefore: Bool, keepNext: Bool) -> String {
        var s = "<w:pPr>"
        if let style { s += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { s += "<w:keepNext/>" }
        if pageBreakBefore { s += "<w:pageBreakBefore/>" }
        if p.spaceBeforePt > 0 { s += "<w:spacing w:before=\"\(DocxXML.twips(pt: p.spaceBeforePt))\"/>" }
        // 2.5 cm, the first-line indent of Thai official prose.
        if p.firstLineIndent { s += "<w:ind w:firstLine=\"\(DocxXML.twips(mm: 25))\"/>" }
        s += "<w:jc w:val=\"\(justification(p.alignment))\"/>"
        return s + "</w:pPr>"
    }

    /// Justified Thai uses Word's Thai distribution, which spreads space between characters
    /// where a line has few word spaces, as Thai typesetting does.
    static func justification(_ a: Alignment) -> String {
        switch a {
        case .left: "left"
        case .center: "center"
        case .right: "right"
        case .justified: "thaiDistribute"
        }
    }

    static func run(_ run: Run, document: Document, forceBold: Bool = false) -> String {
        let properties = runProperties(run, document: document, forceBold: forceBold)
        var s = ""
        // Line breaks and tabs inside a run become Word's own break and tab elements.
        let lines = document.display(run.text).split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            s += "<w:r>\(properties)"
            if i > 0 { s += "<w:br/>" }
            let pieces = line.split(separator: "\t", omittingEmptySubsequences: false)
            for (j, piece) in pieces.enumerated() {
                if j > 0 { s += "<w:tab/>" }
                if !piece.isEmpty { s += "<w:t xml:space=\"preserve\">\(MarkupText.escape(String(piece)))</w:t>" }
            }
            s += "</w:r>"
        }
        return s
    }

    static func runProperties(_ run: Run, document: Document, forceBold: Bool = false) -> String {
        var s = "<w:rPr>" + DocxStyles.runFonts(document.settings.fontFamily)
        if run.bold || forceBold { s += "<w:b/><w:bCs/>" }
        if run.italic { s += "<w:i/><w:iCs/>" }
        if let size = run.sizePt { s += DocxStyles.size(size) }
        if run.restated { s += "<w:highlight w:val=\"yellow\"/>" }
        if run.underline { s += "<w:u w:val=\"single\"/>" }
        s += "<w:lang w:val=\"en-US\" w:bidi=\"th-TH\"/>"
        return s + "</w:rPr>"
    }
}
