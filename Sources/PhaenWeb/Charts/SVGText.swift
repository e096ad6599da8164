import Foundation

/// Small helpers shared by the chart builders. Charts are strings of SVG that templates insert
/// unescaped (`{{{svg}}}`), so every piece of text that enters one goes through `HTML.escape`
/// here — the builders are the only place that may produce markup.
enum SVGText {
    /// Cuts long labels for the drawing; the full text stays in the element's <title>.
    static func truncated(_ text: String, to limit: Int) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: " ")
        guard oneLine.count > limit else { return oneLine }
        return String(oneLine.prefix(limit - 1)) + "…"
    }

    /// Numbers in SVG attributes: plain, at most two decimals, never locale-formatted.
    static func n(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }

    static func double(_ d: Decimal) -> Double { NSDecimalNumber(decimal: d).doubleValue }
}
