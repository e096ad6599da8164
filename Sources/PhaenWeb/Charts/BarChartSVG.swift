/// Horizontal bars drawn on the server: each bar is a value over a track (its capacity — a
/// component's weight, or the sum of an agreement's weights), so "16 of 20" reads at a glance.
enum BarChartSVG {
    struct Bar {
        var label: String
        var value: Double?
        var capacity: Double
        var valueText: String
        /// CSS class of the filled bar (lv1 … lv5).
        var cssClass: String
    }

    static let labelWidth = 300.0
    static let barWidth = 460.0
    static let valueWidth = 120.0
    static let rowHeight = 30.0

    static func draw(_ bars: [Bar], title: String) -> String {
        let width = labelWidth + barWidth + valueWidth
        let height = rowHeight * Double(max(bars.count, 1)) + 8
        let scale = bars.map(\.capacity).max().flatMap { $0 > 0 ? barWidth / $0 : nil } ?? 0
        var svg = """
        <svg class="bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(SVGText.n(width)) \(SVGText.n(height))" \
        role="img" aria-label="\(HTML.escape(title))">
        """
        for (i, bar) in bars.enumerated() {
            let y = 4 + rowHeight * Double(i)
            let textY = SVGText.n(y + rowHeight / 2 + 5)
            svg += "<g><title>\(HTML.escape("\(bar.label): \(bar.valueText)"))</title>"
            svg += "<text x=\"\(SVGText.n(labelWidth - 8))\" y=\"\(textY)\" text-anchor=\"end\">\(HTML.escape(SVGText.truncated(bar.label, to: 34)))</text>"
            svg += "<rect class=\"track\" x=\"\(SVGText.n(labelWidth))\" y=\"\(SVGText.n(y + 6))\" width=\"\(SVGText.n(bar.capacity * scale))\" height=\"\(SVGText.n(rowHeight - 12))\"/>"
            if let value = bar.value {
                svg += "<rect class=\"fill \(HTML.escape(bar.cssClass))\" x=\"\(SVGText.n(labelWidth))\" y=\"\(SVGText.n(y + 6))\" width=\"\(SVGText.n(max(0, value) * scale))\" height=\"\(SVGText.n(rowHeight - 12))\"/>"
            }
            svg += "<text x=\"\(SVGText.n(labelWidth + barWidth + 8))\" y=\"\(textY)\">\(HTML.escape(bar.valueText))</text></g>"
        }
        return svg + "</svg>"
    }
}
