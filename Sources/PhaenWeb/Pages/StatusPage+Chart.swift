import PhaenApp

/// One horizontal stacked bar per unit: its KPIs split by state, in workflow order, so the
/// share already accepted reads from the left. Drawn on the server; text escaped here.
enum StatusChartSVG {
    /// Segment key, Thai label, CSS class.
    static var segments: [(KeyPath<ReportingStatusRow, Int>, String, String)] { [
        (\.accepted, "ผ่านการตรวจ", "st-accepted"), (\.certified, "รับรองแล้ว", "st-certified"),
        (\.submitted, "ส่งแล้ว", "st-submitted"), (\.draft, "ร่าง", "st-draft"),
        (\.returned, "ถูกส่งคืน", "st-returned"), (\.notStarted, "ยังไม่เริ่ม", "st-none"),
    ] }

    static let labelWidth = 260.0, barWidth = 480.0, rowHeight = 28.0, legendHeight = 30.0

    static func draw(_ rows: [ReportingStatusRow], title: String) -> String {
        let width = labelWidth + barWidth + 60
        let height = legendHeight + rowHeight * Double(max(rows.count, 1)) + 6
        var svg = """
        <svg class="status-bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(SVGText.n(width)) \(SVGText.n(height))" \
        role="img" aria-label="\(HTML.escape(title))">
        """
        // Legend.
        var x = 0.0
        for (_, label, css) in segments {
            svg += "<rect class=\"\(css)\" x=\"\(SVGText.n(x))\" y=\"6\" width=\"14\" height=\"14\"/>"
            svg += "<text x=\"\(SVGText.n(x + 18))\" y=\"18\">\(HTML.escape(label))</text>"
            x += 18 + Double(label.count) * 9 + 16
        }
        for (i, row) in rows.enumerated() {
            let y = legendHeight + rowHeight * Double(i)
            svg += "<g><title>\(HTML.escape(tooltip(row)))</title>"
            svg += "<text x=\"\(SVGText.n(labelWidth - 8))\" y=\"\(SVGText.n(y + rowHeight / 2 + 5))\" text-anchor=\"end\">"
                + "\(HTML.escape(SVGText.truncated(row.unitName, to: 30)))</text>"
            var offset = labelWidth
            let scale = row.total > 0 ? barWidth / Double(row.total) : 0
            if row.total == 0 {
                svg += "<rect class=\"track\" x=\"\(SVGText.n(labelWidth))\" y=\"\(SVGText.n(y + 5))\" width=\"\(SVGText.n(barWidth))\" height=\"\(SVGText.n(rowHeight - 10))\"/>"
            }
            for (key, _, css) in segments where row[keyPath: key] > 0 {
                let w = Double(row[keyPath: key]) * scale
                svg += "<rect class=\"\(css)\" x=\"\(SVGText.n(offset))\" y=\"\(SVGText.n(y + 5))\" width=\"\(SVGText.n(w))\" height=\"\(SVGText.n(rowHeight - 10))\"/>"
                offset += w
            }
            svg += "<text x=\"\(SVGText.n(labelWidth + barWidth + 8))\" y=\"\(SVGText.n(y + rowHeight / 2 + 5))\">"
                + "\(row.accepted)/\(row.total)</text></g>"
        }
        return svg + "</svg>"
    }

    static func tooltip(_ row: ReportingStatusRow) -> String {
        row.unitName + ": " + segments.map { "\($0.1) \(row[keyPath: $0.0])" }.joined(separator: ", ")
            + (row.late > 0 ? ", เลยกำหนด \(row.late)" : "")
    }
}
