import Foundation

/// Escaping shared by every writer: XML parts of DOCX and XLSX, and the HTML page printed to PDF.
enum MarkupText {
    /// Escapes markup characters and drops the control characters XML 1.0 forbids (a stray form
    /// feed pasted from Word or a spreadsheet would make Word or Excel refuse the whole file, and
    /// breaks the PDF's text layer). `apostrophe` is `&apos;` in XML and `&#39;` in HTML, where
    /// `&apos;` is not an HTML 4 entity.
    static func escape(_ text: String, apostrophe: String = "&apos;") -> String {
        // Most text needs nothing: one pass over the bytes decides (0xEF starts U+FFFE/U+FFFF).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
