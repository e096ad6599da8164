import Foundation
import PhaenCore

/// A step plan drawn as a Gantt chart over the fiscal year (ต.ค. … ก.ย.): one row per step
/// with its number and text, a bar over each run of consecutive months, its weight and the
/// cumulative progress as printed; a last row gives the planned cumulative progress at the
/// end of each month (StepPlan.plannedProgress). Steps named in `flagged` (by printed number)
/// are marked, so a validation finding is visible on the drawing.
enum GanttSVG {
    static let rowHeight = 30.0
    static let numberWidth = 44.0
    static let textWidth = 330.0
    static let monthWidth = 34.0
    static let weightWidth = 64.0
    static let cumulativeWidth = 72.0

    static func draw(_ plan: StepPlan, flagged: Set<String> = []) -> String {
        let monthsX = numberWidth + textWidth
        let weightX = monthsX + 12 * monthWidth
        let cumulativeX = weightX + weightWidth
        let width = cumulativeX + cumulativeWidth
        let height = rowHeight * Double(plan.steps.count + 2)
        var svg = """
        <svg class="gantt" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(SVGText.n(width)) \(SVGText.n(height))" \
        role="img" aria-label="\(HTML.escape("แผนภูมิแกนต์: " + plan.title))">
        """
        // Header: column titles and the fiscal months.
        svg += header(monthsX: monthsX, weightX: weightX, cumulativeX: cumulativeX)
        for (index, step) in plan.steps.enumerated() {
            let y = rowHeight * Double(index + 1)
            let isFlagged = flagged.contains(step.number)
            svg += "<g class=\"step\(isFlagged ? " flagged" : "")\"><title>\(HTML.escape("ขั้นตอนที่ \(step.number) \(step.text)"))</title>"
            svg += "<rect class=\"row\(index % 2 == 0 ? " even" : "")\" x=\"0\" y=\"\(SVGText.n(y))\" width=\"\(SVGText.n(width))\" height=\"\(SVGText.n(rowHeight))\"/>"
            svg += text(step.number, x: numberWidth / 2, y: y, anchor: "middle")
            svg += text(SVGText.truncated(step.text, to: 40), x: numberWidth + 4, y: y, anchor: "start")
            for run in runs(of: step.months) {
                let x = monthsX + Double(run.lowerBound - 1) * monthWidth + 3
                let w = Double(run.count) * monthWidth - 6
                svg += "<rect class=\"bar\" x=\"\(SVGText.n(x))\" y=\"\(SVGText.n(y + 8))\" width=\"\(SVGText.n(w))\" height=\"\(SVGText.n(rowHeight - 16))\" rx=\"3\"/>"
            }
            svg += text(step.weight.map(percent) ?? "–", x: weightX + weightWidth - 8, y: y, anchor: "end")
            svg += text(step.cumulative.map(percent) ?? "–", x: cumulativeX + cumulativeWidth - 8, y: y,
                        anchor: "end", cssClass: isFlagged ? "flag" : nil)
            svg += "</g>"
        }
        svg += plannedRow(plan, y: rowHeight * Double(plan.steps.count + 1), monthsX: monthsX, width: width)
        svg += gridLines(monthsX: monthsX, height: height)
        return svg + "</svg>"
    }

    private static func header(monthsX: Double, weightX: Double, cumulativeX: Double) -> String {
        var out = "<g class=\"head\">"
        out += text("ที่", x: numberWidth / 2, y: 0, anchor: "middle")
        out += text("ขั้นตอนการปฏิบัติงาน", x: numberWidth + 4, y: 0, anchor: "start")
        for (i, month) in ThaiCalendarNames.fiscalMonthsShort.enumerated() {
            out += text(month, x: monthsX + (Double(i) + 0.5) * monthWidth, y: 0, anchor: "middle")
        }
        out += text("น้ำหนัก", x: weightX + weightWidth - 8, y: 0, anchor: "end")
        out += text("สะสม", x: cumulativeX + cumulativeWidth - 8, y: 0, anchor: "end")
        return out + "</g>"
    }

    /// The planned cumulative progress under each month where it changes (and at ก.ย.).
    private static func plannedRow(_ plan: StepPlan, y: Double, monthsX: Double, width: Double) -> String {
        var out = "<g class=\"planned\"><rect class=\"row total\" x=\"0\" y=\"\(SVGText.n(y))\" width=\"\(SVGText.n(width))\" height=\"\(SVGText.n(rowHeight))\"/>"
        out += text("แผนสะสม (ร้อยละ)", x: numberWidth + 4, y: y, anchor: "start")
        var previous: Decimal = -1
        for m in 1...12 {
            let value = plan.plannedProgress(atFiscalMonth: m)
            if value != previous || m == 12 {
                out += text(ThaiNumberFormat.decimal(value), x: monthsX + (Double(m) - 0.5) * monthWidth, y: y, anchor: "middle")
            }
            previous = value
        }
        return out + "</g>"
    }

    private static func gridLines(monthsX: Double, height: Double) -> String {
        var out = "<g class=\"grid\">"
        for i in 0...12 {
            let x = SVGText.n(monthsX + Double(i) * monthWidth)
            out += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(SVGText.n(height))\"/>"
        }
        return out + "</g>"
    }

    private static func text(_ content: String, x: Double, y: Double, anchor: String, cssClass: String? = nil) -> String {
        let cls = cssClass.map { " class=\"\($0)\"" } ?? ""
        return "<text\(cls) x=\"\(SVGText.n(x))\" y=\"\(SVGText.n(y + rowHeight / 2 + 5))\" text-anchor=\"\(anchor)\">\(HTML.escape(content))</text>"
    }

    private static func percent(_ d: Decimal) -> String { ThaiNumberFormat.decimal(d) }

    /// [3,4,5,8] → [3...5, 8...8]; months outside 1…12 are left out (validation reports them).
    static func runs(of months: [Int]) -> [ClosedRange<Int>] {
        let sorted = Set(months.filter { (1...12).contains($0) }).sorted()
        var out: [ClosedRange<Int>] = []
        for m in sorted {
            if let last = out.last, last.upperBound + 1 == m { out[out.count - 1] = last.lowerBound...m }
            else { out.append(m...m) }
        }
        return out
    }
}
