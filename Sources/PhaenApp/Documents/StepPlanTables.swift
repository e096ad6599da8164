import Foundation
import PhaenCore
import PhaenDocs

/// The step plans with the month grid ต.ค.–ก.ย. (Part 4 prints on landscape pages). Weights are the
/// plan's; the cumulative progress and the total are computed (Σ of the weights), and a
/// printed figure that differs is marked restated with a note (the toilet plan's 110 vs 100).
enum StepPlanTables {
    static let monthShading = "8EAADB"

    static func section(plan: ActionPlan, title: String) -> DocumentBody {
        var body = DocumentBody()
        body.heading(title, level: 2)
        if plan.stepPlans.isEmpty { body.paragraph("แผนนี้ไม่มีแผนขั้นตอนการปฏิบัติงาน") }
        for stepPlan in plan.stepPlans {
            body.append(table(stepPlan, plan: plan))
        }
        return body
    }

    static func table(_ stepPlan: StepPlan, plan: ActionPlan) -> DocumentBody {
        var body = DocumentBody()
        let year = plan.fiscalYear.be
        // A title that repeats the section's own (ตาราง จ …) is not printed twice.
        if !DocText.clean(stepPlan.title).hasPrefix("ตาราง") {
            body.heading(DocText.clean(stepPlan.title), level: 3, inContents: false)
        }
        if let project = stepPlan.projectID.flatMap({ plan.project(id: $0) }) {
            body.paragraph([Run("โครงการ/กิจกรรม: ", bold: true), Run(DocText.clean(project.name))])
        }
        let months = ThaiCalendarNames.fiscalMonthsShort
        let header1 = Row([.header("ที่", rowSpan: 2), .header("ขั้นตอนการปฏิบัติงาน", rowSpan: 2),
                           .header("น้ำหนัก (ร้อยละ)", rowSpan: 2), .header("ความก้าวหน้าสะสม (ร้อยละ)", rowSpan: 2),
                           .header("พ.ศ. \(year - 1)", columnSpan: 3), .header("พ.ศ. \(year)", columnSpan: 9)])
        let header2 = Row(months.map { Cell.header($0) })
        // A plan whose first surviving step is not step 1 lost its beginning (table จ of the
        // FY2567 district plan): the cumulative is then counted on from the printed cumulative
        // of the first surviving step, which still finds a later step that adds up wrong.
        let first = stepPlan.steps.first
        let startsLate = first.map { DocText.clean($0.number) != "1" } ?? false
        let fragment = stepPlan.fragment == true || startsLate
        var rows: [Row] = []
        var notes: [String] = []
        var running: Decimal = 0
        var runningKnown = !fragment
        if fragment, let first, let c = first.cumulative, let w = first.weight {
            running = c - w
            runningKnown = true
        }
        for step in stepPlan.steps {
            if let w = step.weight { running += w } else { runningKnown = false }
            let cumulativeText: String
            var restated = false
            if runningKnown {
                cumulativeText = DocText.decimal(running)
                if let stated = step.cumulative, stated != running {
                    restated = true
                    notes.append("ขั้นตอนที่ \(DocText.clean(step.number)): ความก้าวหน้าสะสม \(DocText.decimal(running)) "
                                 + "คำนวณจากผลรวมน้ำหนัก ต้นฉบับพิมพ์ว่า \(DocText.decimal(stated))")
                }
            } else {
                cumulativeText = step.cumulative.map { DocText.decimal($0) } ?? "-"
            }
            var cells = [Cell(DocText.clean(step.number), alignment: .center), Cell(DocText.clean(step.text)),
                         .figure(DocText.decimal(step.weight)), .figure(cumulativeText, restated: restated)]
            cells += (1...12).map { m in
                step.months.contains(m) ? Cell("", shading: monthShading) : Cell("")
            }
            rows.append(Row(cells))
        }
        if !fragment {
            let total = stepPlan.steps.compactMap(\.weight).reduce(0, +)
            let differs = stepPlan.statedTotalWeight.map { $0 != total } ?? false
            if differs, let stated = stepPlan.statedTotalWeight {
                notes.append("รวมน้ำหนัก \(DocText.decimal(total)) คำนวณจากทุกขั้นตอน ต้นฉบับพิมพ์ว่า \(DocText.decimal(stated))")
            }
            rows.append(Row([Cell("รวม", columnSpan: 2, alignment: .center, bold: true),
                             .figure(DocText.decimal(total), bold: true, restated: differs), Cell("")]
                            + (1...12).map { _ in Cell("") }, kind: .total))
        }
        body.table(Table(columns: [.init(width: 0.5), .init(width: 4.4), .init(width: 0.9), .init(width: 1.1)]
                            + Array(repeating: .init(width: 0.52), count: 12),
                         headerRows: [header1, header2], bodyRows: rows))
        if fragment {
            body.paragraph(runningKnown
                ? "ต้นฉบับของแผนขั้นตอนนี้เหลือเพียงบางส่วน: ความก้าวหน้าสะสมนับต่อจากค่าที่พิมพ์ไว้ของขั้นตอนแรกที่เหลือ และไม่ได้รวมน้ำหนัก"
                : "ต้นฉบับของแผนขั้นตอนนี้เหลือเพียงบางส่วน: ความก้าวหน้าสะสมแสดงตามที่พิมพ์ และไม่ได้รวมน้ำหนัก")
        }
        for note in notes { body.restatedNote(note) }
        return body
    }
}
