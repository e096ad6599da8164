import Foundation
import PhaenCore
import PhaenDocs

/// Part 4 of the plan book: implementation and monitoring — tables ก–ฉ of the district form
/// (BMA-plan KPIs, unit-strategy KPIs, the agreement's table ค, the policy linkage, the step
/// plans with the month grid, components 2–4), or the central form's table ก (components
/// 1–2), table ค (the other components) and step plans.
enum PlanBookMonitoring {
    static func part4(plan: ActionPlan, agreement: Agreement?, unitGroup: String?, form: PlanBookBuilder.Form) -> DocumentBody {
        var body = DocumentBody()
        // The tables of Part 4 are wide (definitions beside targets, the 12-month grid of the
        // step plans): landscape pages from here to the end of the book.
        body.orientation(.landscape)
        let year = plan.fiscalYear.be
        let tables = Dictionary(plan.lists.compactMap { l in PlanBookParts.tableLetter(l).map { ($0, l) } },
                                uniquingKeysWith: { a, _ in a })
        switch form {
        case .district:
            body.heading("ส่วนที่ 4 การแปลงแผนสู่การปฏิบัติและการติดตามประเมินผล", level: 1)
            for letter in ["ก", "ข"] {
                body.heading(kpiTableTitle(letter, year: year), level: 2)
                body.append(kpiTable(plan.kpis.filter { $0.table == letter }, list: tables[letter], plan: plan))
            }
            body.heading("ตาราง ค แสดงตัวชี้วัดและภารกิจจากการเจรจาตกลง การประเมินผลการปฏิบัติราชการประจำปี พ.ศ. \(year)", level: 2)
            body.append(agreementPart(agreement, unitGroup: unitGroup, components: ["1"], year: year))
            body.heading("ตาราง ง ตารางแสดงความเชื่อมโยงนโยบายผู้ว่าราชการกรุงเทพมหานคร และแผนปฏิบัติราชการประจำปี \(year) ของหน่วยงาน", level: 2)
            if let list = tables["ง"] { body.append(ProjectListTable.blocks(list, plan: plan)) }
            else { body.paragraph("แผนนี้ไม่มีตารางความเชื่อมโยงนโยบาย") }
            body.append(StepPlanTables.section(plan: plan,
                title: "ตาราง จ ขั้นตอนการปฏิบัติงานของโครงการ/กิจกรรม (เฉพาะภารกิจงานยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. \(year) และภารกิจตามยุทธศาสตร์ของหน่วยงาน)"))
            body.heading("ตาราง ฉ แสดงตัวชี้วัดและโครงการ/กิจกรรม สนับสนุนภารกิจ ตามองค์ประกอบที่ 2 - 4", level: 2)
            body.append(otherComponents(agreement, except: ["1"], plan: plan, year: year))
        case .central:
            body.heading("การนำแผนปฏิบัติราชการไปสู่การปฏิบัติและการติดตามประเมินผล", level: 1)
            body.paragraph("แนวทางการประเมินผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการประจำปี พ.ศ. \(year)", bold: true)
            body.heading("ตาราง ก แสดงตัวชี้วัดและภารกิจจากการเจรจาตกลงการประเมินผลการปฏิบัติราชการประจำปี พ.ศ. \(year)", level: 2)
            body.append(agreementPart(agreement, unitGroup: unitGroup, components: ["1", "2"], year: year))
            if let list = tables["ก"] {
                body.paragraph("โครงการ/กิจกรรมรองรับ", bold: true)
                body.append(ProjectListTable.blocks(list, plan: plan))
            }
            body.heading("ตาราง ค แสดงตัวชี้วัดและโครงการ/กิจกรรมสนับสนุนภารกิจตามองค์ประกอบอื่น", level: 2)
            body.append(otherComponents(agreement, except: ["1", "2"], plan: plan, year: year))
            body.append(StepPlanTables.section(plan: plan,
                title: "ขั้นตอนการปฏิบัติงานของโครงการ/กิจกรรม (เฉพาะภารกิจงานจากการเจรจาตกลงฯ และยุทธศาสตร์ของหน่วยงาน)"))
        }
        return body
    }

    static func kpiTableTitle(_ table: String, year: Int) -> String {
        switch table {
        case "ก": return "ตาราง ก แสดงตัวชี้วัดตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. \(year)"
        case "ข": return "ตาราง ข แสดงตัวชี้วัดยุทธศาสตร์หน่วยงาน"
        default: return "ตัวชี้วัด \(table)"
        }
    }

    static func agreementPart(_ agreement: Agreement?, unitGroup: String?, components: Set<String>, year: Int) -> DocumentBody {
        guard let agreement, agreement.components.contains(where: { components.contains($0.number) }) else {
            var body = DocumentBody()
            body.paragraph("ยังไม่มีคำรับรองการปฏิบัติราชการปี \(year) ของหน่วยงานในระบบ")
            return body
        }
        return AgreementTables.components(agreement, unitGroup: unitGroup, only: components)
    }

    /// KPI | target | definition | supporting projects (with budget and section), one row per KPI.
    static func kpiTable(_ kpis: [PlanKPI], list: ProjectList?, plan: ActionPlan) -> DocumentBody {
        var body = DocumentBody()
        guard !kpis.isEmpty else { body.paragraph("แผนนี้ไม่มีตัวชี้วัดในตารางนี้"); return body }
        let year = plan.fiscalYear.be
        let header = Row([.header("ตัวชี้วัด"), .header("ค่าเป้าหมาย ปี \(year)"), .header("นิยาม/คำอธิบายตัวชี้วัด"),
                          .header("โครงการ/กิจกรรม (งบประมาณ, ส่วนราชการ)")])
        let rows = kpis.map { kpi -> Row in
            var entries = (list?.entries ?? []).filter { e in (e.links ?? []).contains { $0.code == kpi.code } }
            if entries.isEmpty { entries = (kpi.projectIDs ?? []).map { ListEntry(projectID: $0, budget: plan.project(id: $0)?.budget) } }
            let projects = entries.map { e -> String in
                let p = plan.project(id: e.projectID)
                let budget = e.budget.map { " (\(DocText.budget($0)) บาท)" } ?? ""
                let section = (e.section ?? p?.section).map { " – \(DocText.clean($0))" } ?? ""
                return "- " + DocText.clean(p?.name ?? e.projectID) + budget + section
            }
            var definition = [kpi.definition, kpi.formula.map { "วิธีคำนวณ: \($0)" }, kpi.owner.map { "ผู้กำหนด: \($0)" }]
                .compactMap { $0 }.map(DocText.clean).joined(separator: "\n")
            if definition.isEmpty { definition = "-" }
            return Row([Cell("\(DocText.clean(kpi.code)) \(DocText.clean(kpi.name))"),
                        Cell(DocText.clean(kpi.targets?.first { $0.year == year }?.text ?? "-")),
                        Cell(definition), Cell(projects.isEmpty ? "-" : projects.joined(separator: "\n"))])
        }
        body.table(Table(columns: [.init(width: 2.2), .init(width: 1.5), .init(width: 3.5), .init(width: 2.5)],
                         headerRows: [header], bodyRows: rows))
        return body
    }

    /// Components other than the negotiated ones: KPI | definition | projects and sections.
    static func otherComponents(_ agreement: Agreement?, except: Set<String>, plan: ActionPlan, year: Int) -> DocumentBody {
        var body = DocumentBody()
        let components = agreement?.components.filter { !except.contains($0.number) } ?? []
        guard !components.isEmpty else {
            body.paragraph("คำรับรองการปฏิบัติราชการปี \(year) ของหน่วยงานในระบบไม่มีตัวชี้วัดขององค์ประกอบเหล่านี้")
            return body
        }
        var rows: [Row] = []
        for c in components {
            rows.append(Row([Cell("องค์ประกอบที่ \(c.number) \(DocText.clean(c.name))", columnSpan: 3, bold: true, shading: "F2F2F2")], kind: .group))
            for k in c.kpis {
                let projects = (k.projectIDs ?? []).compactMap { plan.project(id: $0) }
                    .map { "- \(DocText.clean($0.name))" + ($0.section.map { " (\(DocText.clean($0)))" } ?? "") }
                rows.append(Row([Cell("\(DocText.clean(k.code)) \(DocText.clean(k.name))"),
                                 Cell(DocText.clean(k.definition ?? k.owner.map { "ตามที่ \($0) กำหนด" } ?? "-")),
                                 Cell(projects.isEmpty ? "-" : projects.joined(separator: "\n"))]))
            }
        }
        body.table(Table(columns: [.init(width: 2.5), .init(width: 3.5), .init(width: 2.5)],
                         headerRows: [Row([.header("ตัวชี้วัด"), .header("นิยาม/คำอธิบายตัวชี้วัด"), .header("โครงการ/กิจกรรมและส่วนราชการที่รับผิดชอบ")])],
                         bodyRows: rows))
        return body
    }
}
