import PhaenApp
import PhaenCore

/// `/units/{code}/reports/{year}`: the agreement's KPIs × the rounds, each cell a link to the
/// report with its state (or "ยังไม่เริ่ม"), late ones flagged.
struct ReportYearPage {
    struct Cell { var text: String; var cssClass: String; var href: String?; var late: Bool }
    struct Row { var code: String; var name: String; var weight: String?; var cells: [Cell] }

    var title: String
    var unitName: String
    var unitURL: String
    var year: String
    var rounds: [String]
    var rows: [Row]
    var isEmpty: Bool

    static func build(_ view: ReportYearView) -> ReportYearPage {
        let unit = view.unit.code
        return ReportYearPage(
            title: "รายงานผลการดำเนินงาน \(view.unit.nameTH) ปีงบประมาณ \(view.fiscalYear.be)",
            unitName: view.unit.nameTH, unitURL: SiteURL.unit(unit).path, year: String(view.fiscalYear.be),
            rounds: view.rounds.map(\.thaiName),
            rows: view.rows.map { row in
                Row(code: row.kpiCode, name: row.kpiName, weight: ReportFormat.number(row.weight), cells: row.cells.map { cell in
                    let ref = ReportRef(unitCode: unit, fiscalYear: view.fiscalYear, round: cell.round, kpiCode: row.kpiCode)
                    let text = cell.state.map { ReportPage.stateName($0, returned: cell.returned) } ?? "ยังไม่เริ่ม"
                    let css = cell.returned ? "state-returned" : "state-\(cell.state?.rawValue ?? "none")"
                    return Cell(text: text, cssClass: css, href: cell.linkable ? ReportURL.report(ref).path : nil, late: cell.late)
                })
            },
            isEmpty: view.rows.isEmpty)
    }
}
