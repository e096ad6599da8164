import Foundation
import PhaenApp
import PhaenCore

/// Shared pieces of the directive pages.
enum DirectiveViewText {
    struct Option { var value: String; var label: String; var selected: Bool }

    static func years(_ years: [FiscalYear], selected: FiscalYear?) -> [Option] {
        [Option(value: "", label: "ทุกปี", selected: selected == nil)]
            + years.map { Option(value: String($0.be), label: "ปีงบประมาณ \($0.be)", selected: $0 == selected) }
    }

    static func round(_ r: Int?) -> String { r.map { "รอบที่ \($0)" } ?? "–" }
    static func date(_ d: CivilDate?) -> String { d.map { ThaiDateFormat.short($0, digits: .arabic) } ?? "–" }
    static func statusClass(_ s: DirectiveStatus) -> String { "dstatus-\(s.rawValue)" }
    static func percent(_ c: DirectiveStatusCounts, _ s: DirectiveStatus) -> String { ThaiNumberFormat.percent(c.percent(s)) }
}

/// `/directives`: the register the person sees.
struct DirectiveListPage {
    struct Row {
        var id: String; var url: String; var source: String; var year: Int; var round: String; var date: String
        var group: String; var text: String; var units: Int; var done: Int; var notReported: Int
    }
    var title: String
    var years: [DirectiveViewText.Option]
    var rows: [Row]
    var isEmpty: Bool
    var newURL: String?
    var importURL: String?
    var groupsURL: String?
    var dashboardURL: String
    var listURL = DirectiveURL.list().path

    static func build(pairs: [DirectivePair], groups: [DirectiveGroup], years: [FiscalYear], year: FiscalYear?, person: Person) -> DirectiveListPage {
        var order: [String] = []
        var byID: [String: [DirectivePair]] = [:]
        for p in pairs {
            if byID[p.directive.id] == nil { order.append(p.directive.id) }
            byID[p.directive.id, default: []].append(p)
        }
        let rows = order.map { id -> Row in
            let ps = byID[id]!
            let d = ps[0].directive
            return Row(id: d.id, url: DirectiveURL.detail(d.id).path, source: d.source.thaiName, year: d.fiscalYear.be,
                       round: DirectiveViewText.round(d.inspectionRound), date: DirectiveViewText.date(d.date),
                       group: d.group.map { groups[$0 - 1].displayName } ?? "–", text: SVGText.truncated(d.text, to: 160),
                       units: ps.count, done: ps.filter { $0.status == .done }.count,
                       notReported: ps.filter { $0.status == .notReported }.count)
        }
        return DirectiveListPage(
            title: "ทะเบียนข้อสั่งการและข้อเสนอแนะของผู้ตรวจราชการ" + (year.map { " ปีงบประมาณ \($0.be)" } ?? ""),
            years: DirectiveViewText.years(years, selected: year), rows: rows, isEmpty: rows.isEmpty,
            newURL: AccessPolicy.canRegisterDirectives(person) ? DirectiveURL.new.path : nil,
            importURL: AccessPolicy.canRegisterDirectives(person) ? DirectiveURL.importRegister.path : nil,
            groupsURL: AccessPolicy.canNameDirectiveGroups(person) ? DirectiveURL.groups.path : nil,
            dashboardURL: DirectiveURL.dashboard(year: year).path)
    }
}

/// `/directives/{directive}`: the directive and each addressed unit the person sees.
struct DirectiveDetailPage {
    struct UnitRow {
        var code: String; var name: String; var status: String; var statusClass: String; var latestDate: String
        var details: String; var url: String; var canReport: Bool
    }
    var title: String
    var id: String
    var source: String
    var year: Int
    var round: String
    var date: String
    var group: String
    var factors: [String]
    var hasFactors: Bool
    var text: String
    var units: [UnitRow]
    var listURL = DirectiveURL.list().path
    var dashboardURL: String

    static func build(_ view: DirectiveView) -> DirectiveDetailPage {
        let d = view.directive
        return DirectiveDetailPage(
            title: "ข้อสั่งการเลขที่ \(d.id)", id: d.id, source: d.source.thaiName, year: d.fiscalYear.be,
            round: DirectiveViewText.round(d.inspectionRound), date: DirectiveViewText.date(d.date), group: view.groupName ?? "ยังไม่จัดกลุ่ม",
            factors: d.factors.map { "\($0.rawValue). \($0.thaiName)" }, hasFactors: !d.factors.isEmpty, text: d.text,
            units: view.units.map { u in
                UnitRow(code: u.unitCode, name: u.unitName, status: u.status.thaiName, statusClass: DirectiveViewText.statusClass(u.status),
                        latestDate: DirectiveViewText.date(u.history.last?.date), details: u.history.last?.details ?? "",
                        url: DirectiveURL.unit(d.id, u.unitCode).path, canReport: u.canReport)
            },
            dashboardURL: DirectiveURL.dashboard(year: d.fiscalYear).path)
    }
}

/// `/directives/{directive}/units/{code}`: one unit's status, its history and the report form.
struct DirectiveUnitPage {
    struct HistoryRow { var date: String; var status: String; var details: String; var reason: String; var evidence: String; var by: String; var at: String }
    struct Overlay {
        var form = DirectiveStatusForm()
        var errors: [String: String] = [:]
        var alert: String?
        var notice: String?
    }
    var title: String
    var directiveText: String
    var directiveURL: String
    var unitName: String
    var unitCode: String
    var status: String
    var statusClass: String
    var history: [HistoryRow]
    var hasHistory: Bool
    var canReport: Bool
    var closedNote: String?
    var options: [DirectiveViewText.Option]
    var date: String
    var details: String
    var reason: String
    var evidence: String
    var statusError: String?
    var dateError: String?
    var detailsError: String?
    var reasonError: String?
    var alert: String?
    var notice: String?
    var action: String
    var csrf: String?

    static func build(_ view: DirectiveView, unit: DirectiveUnitView, overlay: Overlay, csrf: String?) -> DirectiveUnitPage {
        let d = view.directive
        let chosen = overlay.form.status
        return DirectiveUnitPage(
            title: "ผลการดำเนินการตามข้อสั่งการ \(d.id) — \(unit.unitName)", directiveText: d.text,
            directiveURL: DirectiveURL.detail(d.id).path, unitName: unit.unitName, unitCode: unit.unitCode,
            status: unit.status.thaiName, statusClass: DirectiveViewText.statusClass(unit.status),
            history: unit.history.reversed().map { r in
                HistoryRow(date: DirectiveViewText.date(r.date), status: r.status.thaiName, details: r.details ?? "",
                           reason: r.reason ?? "", evidence: r.evidence ?? "", by: r.reportedBy ?? "นำเข้าจากไฟล์",
                           at: r.reportedAt.map(ReportFormat.date) ?? "")
            },
            hasHistory: !unit.history.isEmpty, canReport: unit.canReport,
            closedNote: unit.next.isEmpty ? "หน่วยงานรายงานว่า «\(unit.status.thaiName)» แล้ว สถานะนี้เป็นสถานะสุดท้าย" : nil,
            options: unit.next.map { .init(value: $0.rawValue, label: $0.thaiName, selected: $0.rawValue == chosen) },
            date: overlay.form.date, details: overlay.form.details, reason: overlay.form.reason, evidence: overlay.form.evidence,
            statusError: overlay.errors["status"], dateError: overlay.errors["date"], detailsError: overlay.errors["details"],
            reasonError: overlay.errors["reason"],
            // A closed pair shows no form, so its refusal is the page's alert.
            alert: unit.canReport ? overlay.alert : overlay.errors["status"].map { "บันทึกไม่ได้: " + $0 } ?? overlay.alert,
            notice: overlay.notice,
            action: DirectiveURL.unit(d.id, unit.unitCode).path, csrf: csrf)
    }
}

/// `/directives/new`: the registration form.
struct DirectiveNewPage {
    struct Check { var value: String; var label: String; var checked: Bool }
    var title = "ลงทะเบียนข้อสั่งการ / ข้อเสนอแนะ"
    var id: String
    var year: String
    var round: String
    var date: String
    var units: String
    var text: String
    var sources: [DirectiveViewText.Option]
    var groups: [DirectiveViewText.Option]
    var factors: [Check]
    var idError: String?
    var sourceError: String?
    var yearError: String?
    var roundError: String?
    var dateError: String?
    var groupError: String?
    var unitsError: String?
    var textError: String?
    var alert: String?
    var action = DirectiveURL.new.path
    var listURL = DirectiveURL.list().path
    var csrf: String?

    static func build(form: DirectiveForm, groups: [DirectiveGroup], errors: [String: String], alert: String?, csrf: String?) -> DirectiveNewPage {
        DirectiveNewPage(
            id: form.id, year: form.year, round: form.round, date: form.date, units: form.units, text: form.text,
            sources: DirectiveSource.allCases.map { .init(value: $0.rawValue, label: $0.thaiName, selected: $0.rawValue == form.source) },
            groups: [.init(value: "", label: "ยังไม่จัดกลุ่ม", selected: form.group.isEmpty)]
                + groups.map { .init(value: String($0.number), label: $0.displayName, selected: String($0.number) == form.group) },
            factors: ImpactFactor.allCases.map { .init(value: String($0.rawValue), label: "\($0.rawValue). \($0.thaiName)",
                                                       checked: form.factors.contains(String($0.rawValue))) },
            idError: errors["id"], sourceError: errors["source"], yearError: errors["year"], roundError: errors["round"],
            dateError: errors["date"], groupError: errors["group"], unitsError: errors["units"], textError: errors["text"],
            alert: alert, csrf: csrf)
    }
}

/// `/directives/groups`: the ten group names (administrators).
struct DirectiveGroupsPage {
    struct Row { var number: Int; var name: String; var field: String }
    var title = "ชื่อกลุ่มข้อสั่งการ (10 กลุ่ม)"
    var rows: [Row]
    var notice: String?
    var action = DirectiveURL.groups.path
    var listURL = DirectiveURL.list().path
    var csrf: String?

    static func build(_ groups: [DirectiveGroup], notice: String?, csrf: String?) -> DirectiveGroupsPage {
        DirectiveGroupsPage(rows: groups.map { Row(number: $0.number, name: $0.name ?? "", field: "group\($0.number)") },
                            notice: notice, csrf: csrf)
    }
}

/// `/directives/dashboard`: counts and percentages by status overall, by group, by factor and
/// by unit (denominator: the (directive, unit) pairs), with server-drawn bars.
struct DirectiveDashboardPage {
    struct StatusRow { var label: String; var count: Int; var percent: String; var statusClass: String }
    struct CountRow {
        var label: String; var url: String?; var notReported: Int; var inProgress: Int; var done: Int; var cannotBeDone: Int
        var total: Int; var donePercent: String; var notReportedPercent: String
    }
    struct Missing { var code: String; var name: String; var count: Int }
    var title: String
    var years: [DirectiveViewText.Option]
    var pairs: Int
    var directives: Int
    var overall: [StatusRow]
    var groupSVG: String
    var factorSVG: String
    var unitSVG: String
    var byGroup: [CountRow]
    var byFactor: [CountRow]
    var byUnit: [CountRow]
    var notReported: [Missing]
    var hasNotReported: Bool
    var isEmpty: Bool
    var listURL: String
    var apiURL: String
    var xlsxURL: String

    static func row(_ label: String, _ c: DirectiveStatusCounts, url: String? = nil) -> CountRow {
        CountRow(label: label, url: url, notReported: c.notReported, inProgress: c.inProgress, done: c.done, cannotBeDone: c.cannotBeDone,
                 total: c.total, donePercent: DirectiveViewText.percent(c, .done), notReportedPercent: DirectiveViewText.percent(c, .notReported))
    }

    static func build(_ board: DirectiveDashboard, groups: [DirectiveGroup], unitNames: [String: String], years: [FiscalYear],
                      year: FiscalYear?) -> DirectiveDashboardPage {
        let groupRows = board.byGroup.map { (label: $0.key.map { groups[$0 - 1].displayName } ?? "ยังไม่จัดกลุ่ม", counts: $0.counts) }
        let factorRows = board.byFactor.map { (label: $0.key.map { "\($0.rawValue). \($0.shortName)" } ?? "ไม่ระบุปัจจัย", counts: $0.counts) }
        let unitRows = board.byUnit.map { r in (label: unitNames[r.key].map { "\(r.key) \($0)" } ?? r.key, counts: r.counts, code: r.key) }
        return DirectiveDashboardPage(
            title: "ภาพรวมการติดตามผลการดำเนินการตามข้อสั่งการ" + (year.map { " ปีงบประมาณ \($0.be)" } ?? ""),
            years: DirectiveViewText.years(years, selected: year), pairs: board.overall.total,
            directives: Set(board.pairs.map(\.directive.id)).count,
            overall: DirectiveStatus.allCases.map {
                StatusRow(label: $0.thaiName, count: board.overall[$0], percent: DirectiveViewText.percent(board.overall, $0),
                          statusClass: DirectiveViewText.statusClass($0))
            },
            groupSVG: DirectiveChartSVG.draw(groupRows.map { .init(label: $0.label, counts: $0.counts) }, title: "สถานะตามกลุ่มข้อสั่งการ"),
            factorSVG: DirectiveChartSVG.draw(factorRows.map { .init(label: $0.label, counts: $0.counts) }, title: "สถานะตามปัจจัยผลกระทบ"),
            unitSVG: DirectiveChartSVG.draw(unitRows.map { .init(label: $0.label, counts: $0.counts) }, title: "สถานะตามหน่วยงาน"),
            byGroup: groupRows.map { row($0.label, $0.counts) },
            byFactor: factorRows.map { row($0.label, $0.counts) },
            byUnit: unitRows.map { row($0.label, $0.counts, url: SiteURL.unit($0.code).path) },
            notReported: board.unitsNotReported.map { Missing(code: $0.unitCode, name: unitNames[$0.unitCode] ?? $0.unitCode, count: $0.count) },
            hasNotReported: !board.unitsNotReported.isEmpty, isEmpty: board.pairs.isEmpty,
            listURL: DirectiveURL.list(year: year).path, apiURL: DirectiveURL.apiDashboard(year: year).path,
            xlsxURL: DirectiveURL.download(year: year).path)
    }
}

/// `/directives/import`: upload a register (CSV or XLSX); every bad row listed, nothing written.
struct DirectiveImportPage {
    struct RowError { var row: Int; var column: String; var message: String }
    var title = "นำเข้าทะเบียนข้อสั่งการจากไฟล์ CSV หรือ XLSX"
    var alert: String?
    var fileError: String?
    var rows: [RowError]
    var hasRows: Bool
    var action = DirectiveURL.importRegister.path
    var listURL = DirectiveURL.list().path
    var csrf: String?
    var columns = "เลขที่, ที่มา (ปลัด… / ผู้ตรวจ…), ปีงบประมาณ, รอบ, วันที่, กลุ่ม (1–10), ปัจจัย (1–5 หรือ ๒.๑–๒.๕), หน่วยงาน (รหัส คั่นด้วยจุลภาคหรือเว้นวรรค), ข้อความ"

    static func build(errors: DirectiveImportErrors?, alert: String?, csrf: String?) -> DirectiveImportPage {
        let rows = (errors?.rows ?? []).map { RowError(row: $0.row, column: $0.column, message: $0.message) }
        return DirectiveImportPage(alert: alert, fileError: errors?.file, rows: rows, hasRows: !rows.isEmpty, csrf: csrf)
    }
}
