import Foundation
import PhaenCore
import PhaenDocs

/// Parts 1–3 of the plan book: the printed project lists in the order the plan holds them
/// (the order the document printed them), under the part headings of the form. A list titled
/// "ส่วนที่ N …" opens part N; the lists after it (its summary) belong to the same part; the
/// routine catalogue is Part 3; lettered tables (ตาราง ก …) belong to Part 4.
enum PlanBookParts {
    static func parts(plan: ActionPlan, form: PlanBookBuilder.Form) -> DocumentBody {
        var body = DocumentBody()
        let year = plan.fiscalYear.be
        let lists = plan.lists.filter { !isLetteredTable($0) }
        let routine = lists.filter { isRoutine($0, plan: plan) }
        let strategic = lists.filter { !isRoutine($0, plan: plan) }

        if form == .central { body.heading("มาตรการและโครงการ/กิจกรรม", level: 1) }
        var openedPart: Int?
        var current = 1
        for list in strategic {
            if let n = partNumber(list.title) { current = n }
            if form == .district, openedPart != current {
                if openedPart != nil { body.pageBreak() }
                body.heading(districtPartTitle(current, year: year), level: 1)
                openedPart = current
            }
            body.heading(DocText.clean(list.title), level: 2)
            body.append(ProjectListTable.blocks(list, plan: plan))
        }
        body.pageBreak()
        body.heading(form == .district ? "ส่วนที่ 3 บัญชีรายการโครงการ/กิจกรรมที่มีลักษณะเป็นภารกิจประจำพื้นฐาน"
                                       : "บัญชีรายการ/โครงการประจำพื้นฐาน", level: 1)
        for list in routine {
            body.heading(DocText.clean(list.title), level: 2)
            body.append(ProjectListTable.blocks(list, plan: plan))
        }
        if routine.isEmpty { body.paragraph("แผนนี้ไม่มีบัญชีรายการภารกิจประจำพื้นฐาน") }
        body.pageBreak()
        return body
    }

    static func districtPartTitle(_ n: Int, year: Int) -> String {
        switch n {
        case 1: return "ส่วนที่ 1 การดำเนินงานตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. \(year)"
        case 2: return "ส่วนที่ 2 การดำเนินงานตามยุทธศาสตร์ของหน่วยงาน"
        default: return "ส่วนที่ \(n)"
        }
    }

    /// "ส่วนที่ ๒ …" → 2.
    static func partNumber(_ title: String) -> Int? {
        let t = DocText.clean(title)
        guard t.hasPrefix("ส่วนที่") else { return nil }
        return Int(t.dropFirst("ส่วนที่".count).drop(while: \.isWhitespace).prefix(while: \.isNumber))
    }

    /// The letter of a table list ("ตาราง ก …", "ตาราง ก.แสดง…") or nil.
    static func tableLetter(_ list: ProjectList) -> String? {
        let t = DocText.clean(list.title)
        guard t.hasPrefix("ตาราง") else { return nil }
        return t.dropFirst("ตาราง".count).drop(while: \.isWhitespace).first.map(String.init)
    }

    static func isLetteredTable(_ list: ProjectList) -> Bool { tableLetter(list) != nil }

    static func isRoutine(_ list: ProjectList, plan: ActionPlan) -> Bool {
        if DocText.clean(list.title).hasPrefix("บัญชีรายการ") { return true }
        let kinds = list.entries.compactMap { plan.project(id: $0.projectID)?.kind }
        return !kinds.isEmpty && kinds.filter { $0 == .routine }.count * 2 > kinds.count
    }
}
