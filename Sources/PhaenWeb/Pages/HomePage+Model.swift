import PhaenApp
import PhaenCore

/// `/`: the signed-in person's tasks for the fiscal year — reports due, returned reports,
/// reports waiting for their certification or evaluation — overdue first.
struct HomePage {
    struct Task {
        var kind: String; var kindClass: String; var unit: String; var kpiCode: String; var kpiName: String
        var round: String; var deadline: String; var overdue: Bool; var reason: String?; var href: String; var state: String?
    }
    struct Link { var label: String; var href: String }

    var title = "งานของฉัน"
    var greeting: String
    var year: String
    var today: String
    var tasks: [Task]
    var overdueCount: Int
    var hasOverdue: Bool
    var emptyMessage: String
    var links: [Link]

    static func build(person: Person, year: FiscalYear, today: CivilDate, tasks: [HomeTask]) -> HomePage {
        var links = [Link(label: "สถานะการรายงาน", href: ReportURL.status(year: year).path),
                     Link(label: "ภาพรวมผลการปฏิบัติราชการ", href: SiteURL.dashboard(DashboardQuery(year: year)).path)]
        if let unit = person.unitCode {
            links.insert(Link(label: "รายงานผลของหน่วยงาน", href: ReportURL.year(unit, year).path), at: 0)
        }
        let empty: String = switch person.role {
        case .reporter: "ไม่มีรายงานที่ต้องดำเนินการในรอบนี้"
        case .head: "ไม่มีรายงานที่รอการรับรอง"
        case .evaluator: "ไม่มีรายงานที่รอการตรวจ"
        case .admin, .executive: "บทบาทนี้ไม่มีงานในขั้นตอนการรายงาน ดูภาพรวมได้จากลิงก์ด้านล่าง"
        }
        return HomePage(
            greeting: "สวัสดี \(person.displayName) (\(person.role.thaiName))", year: String(year.be),
            today: ReportFormat.day(today),
            tasks: tasks.map { t in
                let ref = ReportRef(unitCode: t.unitCode, fiscalYear: t.fiscalYear, round: t.round, kpiCode: t.kpiCode)
                return Task(kind: t.kind.thaiName, kindClass: "task-\(t.kind.rawValue)", unit: t.unitName, kpiCode: t.kpiCode,
                            kpiName: t.kpiName, round: t.round.thaiName, deadline: ReportFormat.day(t.deadline),
                            overdue: t.overdue, reason: t.reason, href: ReportURL.report(ref).path,
                            state: t.state.map { $0.thaiName })
            },
            overdueCount: tasks.filter(\.overdue).count, hasOverdue: tasks.contains(where: \.overdue), emptyMessage: empty, links: links)
    }
}
