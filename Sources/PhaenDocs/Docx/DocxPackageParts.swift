import Foundation

/// The fixed parts of the Word package around `word/document.xml`.
enum DocxPackageParts {
    static let headerPart = "word/header1.xml"
    static let firstPageHeaderPart = "word/header2.xml"
    static let headerRelId = "rIdHeaderDefault"
    static let firstPageHeaderRelId = "rIdHeaderFirst"

    static func contentTypes(withHeaders: Bool) -> String {
        let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var s = OfficePackage.declaration
        s += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        s += "<Override PartName=\"/word/document.xml\" ContentType=\"\(wml).document.main+xml\"/>"
        s += "<Override PartName=\"/word/styles.xml\" ContentType=\"\(wml).styles+xml\"/>"
        s += "<Override PartName=\"/word/settings.xml\" ContentType=\"\(wml).settings+xml\"/>"
        if withHeaders {
            s += "<Override PartName=\"/\(headerPart)\" ContentType=\"\(wml).header+xml\"/>"
            s += "<Override PartName=\"/\(firstPageHeaderPart)\" ContentType=\"\(wml).header+xml\"/>"
        }
        s += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        s += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        s += "</Types>"
        return s
    }

    static let packageRels: String = {
        let officeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var s = OfficePackage.declaration
        s += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        s += "<Relationship Id=\"rId1\" Type=\"\(officeRel)/officeDocument\" Target=\"word/document.xml\"/>"
        s += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        s += "<Relationship Id=\"rId3\" Type=\"\(officeRel)/extended-properties\" Target=\"docProps/app.xml\"/>"
        s += "</Relationships>"
        return s
    }()

    static func documentRels(withHeaders: Bool) -> String {
        let officeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var s = OfficePackage.declaration
        s += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        s += "<Relationship Id=\"rIdStyles\" Type=\"\(officeRel)/styles\" Target=\"styles.xml\"/>"
        s += "<Relationship Id=\"rIdSettings\" Type=\"\(officeRel)/settings\" Target=\"settings.xml\"/>"
        if withHeaders {
            s += "<Relationship Id=\"\(headerRelId)\" Type=\"\(officeRel)/header\" Target=\"header1.xml\"/>"
            s += "<Relationship Id=\"\(firstPageHeaderRelId)\" Type=\"\(officeRel)/header\" Target=\"header2.xml\"/>"
        }
        s += "</Relationships>"
        return s
    }

    /// `updateFields` makes Word refresh the table of contents and page references when the
    /// file is opened, so the prefilled contents get their page numbers.
    static let settings: String = {
        var s = OfficePackage.declaration
        s += "<w:settings xmlns:w=\"\(DocxXML.wordNamespace)\">"
        s += "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
        s += "<w:updateFields w:val=\"true\"/>"
        s += "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        s += "<w:themeFontLang w:val=\"en-US\" w:bidi=\"th-TH\"/>"
        s += "</w:settings>"
        return s
    }()

    /// The page number at the top centre (Thai official practice), as a PAGE field whose digits
    /// follow the section's `w:pgNumType` (Thai digits when the document asks for them).
    static func pageNumberHeader(settings: DocumentSettings) -> String {
        let fonts = DocxStyles.runFonts(settings.fontFamily)
        let rPr = "<w:rPr>\(fonts)</w:rPr>"
        let firstPage = settings.digits == .thai ? "๑" : "1"
        var s = OfficePackage.declaration
        s += "<w:hdr xmlns:w=\"\(DocxXML.wordNamespace)\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:jc w:val=\"center\"/></w:pPr>"
        s += "<w:r>\(rPr)<w:fldChar w:fldCharType=\"begin\"/></w:r>"
        s += "<w:r>\(rPr)<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        s += "<w:r>\(rPr)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
        s += "<w:r>\(rPr)<w:t>\(firstPage)</w:t></w:r>"
        s += "<w:r>\(rPr)<w:fldChar w:fldCharType=\"end\"/></w:r>"
        s += "</w:p></w:hdr>"
        return s
    }

    /// The first page (a cover or the first page of a form) carries no number.
    static let emptyHeader: String = OfficePackage.declaration
        + "<w:hdr xmlns:w=\"\(DocxXML.wordNamespace)\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p></w:hdr>"

    static let app: String = OfficePackage.declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>Phaen</Application></Properties>"
}
