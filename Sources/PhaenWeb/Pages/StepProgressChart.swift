import Foundation
import PhaenApp
import PhaenCore

/// A step plan's cumulative progress as a line chart over the fiscal year (ต.ค. … ก.ย.),
/// drawn on the server: the planned line (StepPlan.plannedProgress) and the reported actual
/// line through the months that have a report. Every text goes through `HTML.escape`.
enum StepProgressChart {
    static let width = 520.0, height = 240.0
    static let left = 40.0, right = 12.0, top = 14.0, bottom = 44.0

    static func draw(_ progress: StepPlanProgress) -> String {
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ m: Int) -> Double { left + plotW * (Double(m) - 0.5) / 12 }
        func y(_ p: Decimal) -> Double { top + plotH * (1 - min(max(SVGText.double(p), 0), 100) / 100) }
        var svg = "<svg class=\"progress-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGText.n(width)) \(SVGText.n(height))\" "
            + "role=\"img\" aria-label=\"\(HTML.escape("ความก้าวหน้าสะสมตามแผนและผลจริง: " + progress.stepPlan.title))\">"
        for tick in stride(from: 0, through: 100, by: 25) {
            let ty = y(Decimal(tick))
            svg += "<line class=\"grid\" x1=\"\(SVGText.n(left))\" y1=\"\(SVGText.n(ty))\" x2=\"\(SVGText.n(width - right))\" y2=\"\(SVGText.n(ty))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(SVGText.n(left - 4))\" y=\"\(SVGText.n(ty + 4))\" text-anchor=\"end\" font-size=\"10\">\(tick)</text>"
        }
        for (i, name) in ThaiCalendarNames.fiscalMonthsShort.enumerated() {
            svg += "<text x=\"\(SVGText.n(x(i + 1)))\" y=\"\(SVGText.n(height - bottom + 14))\" text-anchor=\"middle\" font-size=\"10\">\(HTML.escape(name))</text>"
        }
        let planned = progress.months.map { "\(SVGText.n(x($0.fiscalMonth))),\(SVGText.n(y($0.planned)))" }
        svg += "<polyline class=\"planned\" fill=\"none\" stroke=\"#888\" stroke-dasharray=\"5 3\" stroke-width=\"2\" points=\"\(planned.joined(separator: " "))\"/>"
        let reported = progress.months.filter { $0.actual != nil }
        if !reported.isEmpty {
            let points = reported.map { "\(SVGText.n(x($0.fiscalMonth))),\(SVGText.n(y($0.actual ?? 0)))" }
            svg += "<polyline class=\"actual\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2.5\" points=\"\(points.joined(separator: " "))\"/>"
            for m in reported {
                svg += "<circle class=\"actual\(m.isBehind ? " behind" : "")\" cx=\"\(SVGText.n(x(m.fiscalMonth)))\" cy=\"\(SVGText.n(y(m.actual ?? 0)))\" r=\"3.5\" "
                    + "fill=\"\(m.isBehind ? "#c62828" : "#1565c0")\"><title>\(HTML.escape("ผลจริง ร้อยละ \(ThaiNumberFormat.decimal(m.actual ?? 0)) / แผน ร้อยละ \(ThaiNumberFormat.decimal(m.planned))"))</title></circle>"
            }
        }
        let ly = height - 12
        svg += "<line x1=\"\(SVGText.n(left))\" y1=\"\(SVGText.n(ly - 4))\" x2=\"\(SVGText.n(left + 24))\" y2=\"\(SVGText.n(ly - 4))\" stroke=\"#888\" stroke-dasharray=\"5 3\" stroke-width=\"2\"/>"
        svg += "<text x=\"\(SVGText.n(left + 28))\" y=\"\(SVGText.n(ly))\" font-size=\"11\">แผน (สะสม)</text>"
        svg += "<line x1=\"\(SVGText.n(left + 120))\" y1=\"\(SVGText.n(ly - 4))\" x2=\"\(SVGText.n(left + 144))\" y2=\"\(SVGText.n(ly - 4))\" stroke=\"#1565c0\" stroke-width=\"2.5\"/>"
        svg += "<text x=\"\(SVGText.n(left + 148))\" y=\"\(SVGText.n(ly))\" font-size=\"11\">ผลจริง (สะสม)</text>"
        return svg + "</svg>"
    }
}
