import Foundation
import ZIPFoundation

/// What a Word and an Excel file share: both are ZIP packages of XML parts (Open Packaging
/// Conventions) with the same declaration, relationships namespace and core properties.
enum OfficePackage {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `docProps/core.xml`: the title, Phaen as the creator, Thai as the language.
    static func coreProperties(title: String) -> String {
        declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(MarkupText.escape(title))</dc:title><dc:creator>Phaen</dc:creator><dc:language>th-TH</dc:language>"
            + "</cp:coreProperties>"
    }

    /// A fixed entry date keeps the bytes a function of the content (the ZIP format cannot
    /// store dates before 1980).
    private static let entryDate = Date(timeIntervalSince1970: 315_532_800 + 86_400)

    /// Zips the parts (path, XML text) in order, deflated, in memory; nil when ZIPFoundation
    /// gives no data.
    static func zip(_ parts: [(String, String)]) throws -> Data? {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: entryDate, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data
    }
}
