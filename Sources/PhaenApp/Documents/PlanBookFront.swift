import Foundation
import PhaenCore
import PhaenDocs

/// The front matter of the plan book: cover, foreword, and the essentials (general
/// information, environment analysis, vision, mission, goals, key results and KPIs).
enum PlanBookFront {
    static func cover(plan: ActionPlan, unit: PhaenCore.Unit) -> DocumentBody {
        var body = DocumentBody()
        let title = DocText.clean(plan.title)
        body.paragraph([Run(title, bold: true, sizePt: 28)], alignment: .center, spaceBeforePt: 180)
        if !title.contains(unit.nameTH) {
            body.paragraph([Run(unit.nameTH, bold: true, sizePt: 24)], alignment: .center, spaceBeforePt: 12)
        }
        body.paragraph([Run("ปีงบประมาณ พ.ศ. \(plan.fiscalYear.be)", sizePt: 20)], alignment: .center, spaceBeforePt: 12)
        body.paragraph([Run("(1 ตุลาคม \(plan.fiscalYear.be - 1) – 30 กันยายน \(plan.fiscalYear.be))", sizePt: 18)],
                       alignment: .center)
        body.pageBreak()
        return body
    }

    static func foreword(plan: ActionPlan, unit: PhaenCore.Unit) -> DocumentBody {
        var body = DocumentBody()
        body.heading("คำนำ", level: 1)
        let text = plan.foreword ?? plan.profile.first { $0.label.contains("อำนาจหน้าที่") }?.text
        for para in (text ?? "").split(separator: "\n") { body.paragraph(String(para), alignment: .justified, indent: true) }
        body.paragraph([Run(unit.nameTH)], alignment: .right, spaceBeforePt: 24)
        body.pageBreak()
        return body
    }

    static func essentials(plan: ActionPlan, unit: PhaenCore.Unit, agreement: Agreement?, form: PlanBookBuilder.Form) -> DocumentBody {
        var body = DocumentBody()
        body.heading("สาระสำคัญของแผนปฏิบัติราชการประจำปี", level: 1)
        body.heading(form == .district ? "ข้อมูลทั่วไป/สถานการณ์ของพื้นที่" : "ข้อมูลทั่วไป/สถานการณ์", level: 2)
        body.keyValues(plan.profile.map { ($0.label, $0.text) })
        let env = plan.environment
        if !env.step.isEmpty {
            body.heading("การวิเคราะห์สภาพแวดล้อมภายนอก (STEP)", level: 3)
            body.keyValues(env.step.map { ($0.label, $0.text) })
        }
        if !env.swot.isEmpty {
            body.heading("การวิเคราะห์สภาพแวดล้อม (SWOT)", level: 3)
            var rows: [Row] = []
            for kind in SwotFactor.Kind.allCases {
                let factors = env.swot.filter { $0.kind == kind }
                guard !factors.isEmpty else { continue }
                rows.append(Row([Cell("\(kind.thaiName) (\(kind.rawValue))", columnSpan: 2, bold: true, shading: "F2F2F2")], kind: .group))
                for (i, f) in factors.enumerated() {
                    rows.append(Row([Cell(DocText.clean(f.code ?? "\(kind.rawValue)\(i + 1)"), alignment: .center), Cell(DocText.clean(f.text))]))
                }
            }
            body.table(Table(columns: [.init(width: 0.6), .init(width: 6)], headerRows: [Row([.header("รหัส"), .header("ปัจจัย")])], bodyRows: rows))
        }
        if !env.tows.isEmpty {
            body.heading("กลยุทธ์จากการวิเคราะห์ TOWS", level: 3)
            let projects = Dictionary(plan.projects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            body.table(Table(columns: [.init(width: 1.2), .init(width: 1), .init(width: 3), .init(width: 2.5)],
                             headerRows: [Row([.header("กลยุทธ์"), .header("ปัจจัย"), .header("แนวทาง"), .header("โครงการ/กิจกรรม")])],
                             bodyRows: env.tows.map { t in
                                 Row([Cell(DocText.clean(t.quadrant)), Cell(DocText.clean(t.factors.joined(separator: ", "))),
                                      Cell(DocText.clean(t.text)), Cell(DocText.clean(t.projectID.flatMap { projects[$0] } ?? "-"))])
                             }))
        }
        body.heading("วิสัยทัศน์", level: 2)
        for line in plan.vision { body.paragraph(line, alignment: .center) }
        body.heading("พันธกิจ", level: 2)
        body.lines(plan.mission, numbered: true)
        if !plan.goals.isEmpty {
            body.heading("เป้าหมาย", level: 2)
            body.lines(plan.goals, numbered: true)
        }
        body.append(keyResults(plan: plan, agreement: agreement, form: form))
        body.pageBreak()
        return body
    }

    /// ตัววัดผล/ตัวชี้วัดความสำเร็จสำคัญ (district) or ผลการดำเนินงานหลัก (central): the plan's KPIs
    /// with their targets; the central form lists the agreement's KPIs by component.
    static func keyResults(plan: ActionPlan, agreement: Agreement?, form: PlanBookBuilder.Form) -> DocumentBody {
        var body = DocumentBody()
        body.heading(form == .district ? "ตัววัดผล/ตัวชี้วัดความสำเร็จสำคัญ (KR/KPI)" : "ผลการดำเนินงานหลัก", level: 2)
        if form == .central, let agreement {
            body.paragraph("ตัวชี้วัดผลการดำเนินงานหลัก (ตัวชี้วัดเจรจาตกลง)", bold: true)
            for component in agreement.components {
                body.paragraph("องค์ประกอบที่ \(component.number) \(component.name)", bold: true)
                body.lines(component.kpis.map { "\($0.code) \($0.name)" + ($0.target.map { " (\($0))" } ?? "") })
            }
        }
        let year = plan.fiscalYear.be
        let byTable = Dictionary(grouping: plan.kpis, by: \.table)
        for table in byTable.keys.sorted() {
            let title = PlanBookMonitoring.kpiTableTitle(table, year: year)
            body.paragraph(title, bold: true)
            body.table(Table(columns: [.init(width: 1), .init(width: 5), .init(width: 2.5)],
                             headerRows: [Row([.header("รหัส"), .header("ตัวชี้วัด"), .header("ค่าเป้าหมาย ปี \(year)")])],
                             bodyRows: (byTable[table] ?? []).map { k in
                                 Row([Cell(DocText.clean(k.code)), Cell(DocText.clean(k.name)),
                                      Cell(DocText.clean(k.targets?.first { $0.year == year }?.text ?? "-"))])
                             }))
        }
        return body
    }
}
