import Foundation

extension Signature {
    /// The lines of a signature block as Thai forms print them, shared by the Word and HTML
    /// writers so both formats read the same: (ลงชื่อ) …… / (name or a dotted line) / position /
    /// date line.
    var printedLines: [String] {
        var lines = ["\(caption) ........................................"]
        if let name, !name.isEmpty {
            lines.append("(\(name))")
        } else {
            lines.append("(........................................)")
        }
        if !position.isEmpty { lines.append(position) }
        if dateLine { lines.append("วันที่ ........../.................../..........") }
        return lines
    }
}
