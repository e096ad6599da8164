import PhaenApp
import PhaenCore

/// `/status?year=&round=`: per unit, how many of the round's reports are not started, in
/// draft, submitted, certified, accepted, returned, and late; with a stacked bar per unit.
struct StatusPage {
    struct Link { var label: String; var href: String; var current: Bool }
    struct Row {
        var unit: String; var href: String; var total: Int; var notStarted: Int; var draft: Int; var submitted: Int
        var certified: Int; var accepted: Int; var returned: Int; var late: Int; var isLate: Bool
    }

    var title: String
    var year: String
    var round: String
    var deadline: String
    var pastDeadline: Bool
    var rounds: [Link]
    var years: [Link]
    var rows: [Row]
    var totals: Row
    var chart: String
    var isEmpty: Bool

    static let rounds: [ReportingRound] = ReportEntry.standardRounds

    /// The round just ended (still being reported) or, before any has ended, the first.
    static func defaultRound(year: FiscalYear, today: CivilDate) -> ReportingRound {
        if today > year.end { return .yearEnd }
        if today < year.start { return .quarter(1) }
        let q = ReportDeadline.quarter(of: today)
        return q > 1 ? .quarter(q - 1) : .quarter(1)
    }

    static func build(_ status: ReportingStatus, today: CivilDate) -> StatusPage {
        func row(_ r: ReportingStatusRow, href: String) -> Row {
            Row(unit: r.unitName, href: href, total: r.total, notStarted: r.notStarted, draft: r.draft, submitted: r.submitted,
                certified: r.certified, accepted: r.accepted, returned: r.returned, late: r.late, isLate: r.late > 0)
        }
        let y = status.fiscalYear
        return StatusPage(
            title: "สถานะการรายงานผล \(status.round.thaiName) ปีงบประมาณ \(y.be)",
            year: String(y.be), round: status.round.thaiName, deadline: ReportFormat.day(status.deadline),
            pastDeadline: today > status.deadline,
            rounds: rounds.map { Link(label: $0.thaiName, href: ReportURL.status(year: y, round: $0).path, current: $0 == status.round) },
            years: [FiscalYear(y.be - 1), y, FiscalYear(y.be + 1)].map {
                Link(label: String($0.be), href: ReportURL.status(year: $0, round: status.round).path, current: $0 == y)
            },
            rows: status.rows.map { row($0, href: ReportURL.year($0.unitCode, y).path) },
            totals: row(status.totals, href: ""),
            chart: StatusChartSVG.draw(status.rows, title: "สถานะการรายงาน \(status.round.thaiName)"),
            isEmpty: status.rows.isEmpty)
    }
}
