import Foundation

/// Renders a `Document` as a Word file (Office Open XML written by hand): A4, the document's
/// font for Thai and Latin, real tables with repeated header rows and merged cells, a TOC field,
/// page numbers at the top centre. Editable in Word and LibreOffice.
public struct DocxWriter {
    public init() {}

    public func write(_ document: Document) throws -> Data {
        var body = DocxBody(document: document)
        let headers = document.settings.pageNumbers
        var parts: [(String, String)] = [
            ("[Content_Types].xml", DocxPackageParts.contentTypes(withHeaders: headers)),
            ("_rels/.rels", DocxPackageParts.packageRels),
            ("docProps/core.xml", OfficePackage.coreProperties(title: document.display(document.title))),
            ("docProps/app.xml", DocxPackageParts.app),
            ("word/document.xml", body.build()),
            ("word/_rels/document.xml.rels", DocxPackageParts.documentRels(withHeaders: headers)),
            ("word/styles.xml", DocxStyles.xml(for: document.settings)),
            ("word/settings.xml", DocxPackageParts.settings),
        ]
        if headers {
            parts.append((DocxPackageParts.headerPart, DocxPackageParts.pageNumberHeader(settings: document.settings)))
            parts.append((DocxPackageParts.firstPageHeaderPart, DocxPackageParts.emptyHeader))
        }

        guard let data = try OfficePackage.zip(parts) else { throw DocxWriterError.archiveUnavailable }
        return data
    }
}

public enum DocxWriterError: Error, LocalizedError, Sendable {
    case archiveUnavailable

    public var errorDescription: String? {
        switch self {
        case .archiveUnavailable: "สร้างไฟล์ Word ไม่สำเร็จ: ไม่สามารถรวมไฟล์ย่อยเป็น ZIP ได้ (archive unavailable)"
        }
    }
}
