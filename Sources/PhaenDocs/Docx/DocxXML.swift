import Foundation

/// Small helpers shared by the DOCX parts: the namespace, units and the A4 page geometry.
enum DocxXML {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// Twentieths of a point, Word's unit for page geometry.
    static func twips(mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }
    static func twips(pt: Double) -> Int { Int((pt * 20).rounded()) }
    /// Half-points, Word's unit for font sizes.
    static func halfPoints(_ pt: Double) -> Int { Int((pt * 2).rounded()) }
}

/// A4 in twips for one orientation, and the text width between the margins.
struct DocxPageGeometry {
    static let a4Short = 11906
    static let a4Long = 16838

    let orientation: DocumentSettings.Orientation
    let margins: (top: Int, right: Int, bottom: Int, left: Int)

    init(orientation: DocumentSettings.Orientation, settings: DocumentSettings) {
        self.orientation = orientation
        let m = settings.marginsMM
        margins = (DocxXML.twips(mm: m.top), DocxXML.twips(mm: m.right),
                   DocxXML.twips(mm: m.bottom), DocxXML.twips(mm: m.left))
    }

    var width: Int { orientation == .portrait ? Self.a4Short : Self.a4Long }
    var height: Int { orientation == .portrait ? Self.a4Long : Self.a4Short }
    var textWidth: Int { width - margins.left - margins.right }

    /// `w:pgSz` and `w:pgMar`; the header sits halfway into the top margin, where the page
    /// number of a Thai official document is printed.
    var sizeAndMarginsXML: String {
        let orient = orientation == .landscape ? " w:orient=\"landscape\"" : ""
        let header = max(margins.top / 2, 284)
        return "<w:pgSz w:w=\"\(width)\" w:h=\"\(height)\"\(orient)/>"
            + "<w:pgMar w:top=\"\(margins.top)\" w:right=\"\(margins.right)\" w:bottom=\"\(margins.bottom)\""
            + " w:left=\"\(margins.left)\" w:header=\"\(header)\" w:footer=\"\(max(margins.bottom / 2, 284))\" w:gutter=\"0\"/>"
    }
}
