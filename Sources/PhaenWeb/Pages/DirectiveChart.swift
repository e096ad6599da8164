import Foundation
import PhaenCore

/// Stacked horizontal bars of (directive, unit) pairs by status, one bar per row (a group, a
/// factor or a unit), drawn on the server. Colours are attributes of the drawing, so the chart
/// needs no stylesheet; every text goes through `HTML.escape`.
enum DirectiveChartSVG {
    struct Row {
        var label: String
        var counts: DirectiveStatusCounts
    }

    /// Status order (done first, so the share done reads from the left), Thai label, colour.
    static let segments: [(DirectiveStatus, String, String)] = [
        (.done, DirectiveStatus.done.thaiName, "#2e7d32"), (.inProgress, DirectiveStatus.inProgress.thaiName, "#f9a825"),
        (.cannotBeDone, DirectiveStatus.cannotBeDone.thaiName, "#c62828"), (.notReported, DirectiveStatus.notReported.thaiName, "#9e9e9e"),
    ]

    static let labelWidth = 260.0, barWidth = 440.0, rowHeight = 28.0, legendHeight = 30.0

    static func draw(_ rows: [Row], title: String) -> String {
        let width = labelWidth + barWidth + 90
        let height = legendHeight + rowHeight * Double(max(rows.count, 1)) + 6
        var svg = """
        <svg class="directive-bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(SVGText.n(width)) \(SVGText.n(height))" \
        role="img" aria-label="\(HTML.escape(title))" font-size="13">
        """
        var x = 0.0
        for (_, label, colour) in segments {
            svg += "<rect x=\"\(SVGText.n(x))\" y=\"6\" width=\"14\" height=\"14\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(SVGText.n(x + 18))\" y=\"18\">\(HTML.escape(label))</text>"
            x += 18 + Double(label.count) * 8 + 16
        }
        for (i, row) in rows.enumerated() {
            let y = legendHeight + rowHeight * Double(i)
            let total = row.counts.total
            let tooltip = row.label + ": " + segments.map { "\($0.1) \(row.counts[$0.0])" }.joined(separator: ", ")
            svg += "<g><title>\(HTML.escape(tooltip))</title>"
            svg += "<text x=\"\(SVGText.n(labelWidth - 8))\" y=\"\(SVGText.n(y + rowHeight / 2 + 5))\" text-anchor=\"end\">"
                + "\(HTML.escape(SVGText.truncated(row.label, to: 30)))</text>"
            svg += "<rect x=\"\(SVGText.n(labelWidth))\" y=\"\(SVGText.n(y + 5))\" width=\"\(SVGText.n(barWidth))\" height=\"\(SVGText.n(rowHeight - 10))\" fill=\"#eeeeee\"/>"
            var offset = labelWidth
            let scale = total > 0 ? barWidth / Double(total) : 0
            for (status, _, colour) in segments where row.counts[status] > 0 {
                let w = Double(row.counts[status]) * scale
                svg += "<rect x=\"\(SVGText.n(offset))\" y=\"\(SVGText.n(y + 5))\" width=\"\(SVGText.n(w))\" height=\"\(SVGText.n(rowHeight - 10))\" fill=\"\(colour)\"/>"
                offset += w
            }
            svg += "<text x=\"\(SVGText.n(labelWidth + barWidth + 8))\" y=\"\(SVGText.n(y + rowHeight / 2 + 5))\">"
                + "\(row.counts.done)/\(total)</text></g>"
        }
        return svg + "</svg>"
    }
}
