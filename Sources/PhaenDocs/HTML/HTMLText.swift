import Foundation

/// Escaping for HTML text, attribute values and CSS strings.
enum HTMLText {
    static func escape(_ text: String) -> String { MarkupText.escape(text, apostrophe: "&#39;") }

    /// A CSS string literal: quotes and backslashes escaped, and nothing that could close the
    /// style element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\\(scalar)"
            case "<": out += "\\3C "
            case ">": out += "\\3E "
            default:
                if scalar.value < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A colour from the model (RRGGBB) if it is one; anything else is ignored.
    static func hexColour(_ value: String?) -> String? {
        guard let value, value.count == 6, value.allSatisfy(\.isHexDigit) else { return nil }
        return "#" + value
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
