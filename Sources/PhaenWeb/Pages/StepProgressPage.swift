import Foundation
import Hummingbird
import Mustache
import PhaenApp
import PhaenCore
import PhaenStore

/// `GET/POST /units/{code}/plans/{year}/progress` (a unit's step plans: months × planned/actual
/// with a line chart and, for reporters of the unit, the monthly report form), `GET /progress`
/// (project progress against plan across visible units) and the API read. Access is the use
/// case's: an invisible unit is 404, a non-reporter's post 403 with a Thai message.
struct StepProgressController: Sendable {
    let renderer: Renderer
    let progress: StepProgress
    /// The clock, replaceable in tests; Core and App never read it.
    let now: @Sendable () -> Date

    init(store: PhaenStore, renderer: Renderer, now: @escaping @Sendable () -> Date = { Date() }) {
        self.renderer = renderer; self.progress = StepProgress(store: store); self.now = now
    }

    func addRoutes(to router: Router<PhaenRequestContext>) {
        router.get(RouterPath(SiteURL.Route.stepProgress.pattern)) { request, context in
            let (code, year) = try PageRequest.unitYear(context)
            let view = try await progress.load(person: try context.requirePerson(), unit: code, year: year)
            let saved = request.uri.queryParameters.get("done") == "saved"
            return try page(view, overlay: .init(notice: saved ? "บันทึกความก้าวหน้าแล้ว" : nil), context: context)
        }
        router.post(RouterPath(SiteURL.Route.stepProgress.pattern)) { request, context in
            let person = try context.requirePerson()
            let (code, year) = try PageRequest.unitYear(context)
            let form = StepProgressForm(fields: try await ReportRequest.formFields(request))
            do {
                try await progress.save(person: person, unit: code, year: year, form: form, now: now())
                return Redirect.seeOther(StepProgressURL.unitYear(code, year).path + "?done=saved")
            } catch let errors as StepProgressFormErrors {
                let view = try await progress.load(person: person, unit: code, year: year)
                return try page(view, overlay: .init(form: errors.form, fieldErrors: errors.fields,
                                                     alert: "บันทึกไม่ได้: กรุณาแก้ไขช่องที่มีข้อความสีแดง"),
                                context: context, status: .unprocessableContent)
            } catch let refusal as StepProgressRefusal {
                let view = try await progress.load(person: person, unit: code, year: year)
                return try page(view, overlay: .init(alert: refusal.messageTH), context: context, status: .forbidden)
            }
        }
        router.get(RouterPath(SiteURL.Route.projectProgress.pattern)) { request, context in
            let person = try context.requirePerson()
            let year = try Self.year(request) ?? FiscalYear(containing: ReportRequest.civilDate(now()))
            let rows = try await progress.dashboard(person: person, year: year, today: ReportRequest.civilDate(now()))
            let model = ProjectProgressPage.build(rows: rows, year: year)
            return try renderer.page("project-progress", chrome: Chrome(title: model.title, context: context), model: model)
        }
    }

    var endpoints: [APIEndpoint] {
        [APIEndpoint(route: .apiStepProgress,
                     summary: "ความก้าวหน้าของแผนขั้นตอนรายเดือน: ร้อยละสะสมตามแผน ผลจริง ส่วนต่าง และสถานะล่าช้ากว่าแผน",
                     response: "แผนขั้นตอนแต่ละแผนพร้อม 12 เดือน (planned, actual, gap, behind)") { _, context in
            let (code, year) = try PageRequest.unitYear(context)
            let view = try await progress.load(person: try context.requirePerson(), unit: code, year: year)
            return try JSONResponse.make(StepProgressJSON(view))
        }]
    }

    static func year(_ request: Request) throws -> FiscalYear? {
        guard let text = request.uri.queryParameters.get("year"), !text.isEmpty else { return nil }
        guard let be = Int(text), (2400...2700).contains(be) else {
            throw WebError.badRequest("ปีงบประมาณ \"\(text)\" ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2567)", "bad year \(text)")
        }
        return FiscalYear(be)
    }

    func page(_ view: StepProgressView, overlay: StepProgressPage.Overlay, context: PhaenRequestContext,
              status: HTTPResponse.Status = .ok) throws -> Response {
        let model = StepProgressPage.build(view, overlay: overlay, csrf: context.csrfToken)
        return try renderer.page("step-progress", chrome: Chrome(title: model.title, context: context), model: model, status: status)
    }
}

/// The model of `step-progress.mustache`.
struct StepProgressPage {
    struct Overlay {
        var form: StepProgressForm? = nil
        var fieldErrors: [String: String] = [:]
        var alert: String? = nil
        var notice: String? = nil
    }
    struct MonthRow { var label: String; var planned: String; var actual: String; var gap: String; var behind: Bool; var note: String }
    struct MonthOption { var value: Int; var label: String; var selected: Bool }
    struct PlanBlock {
        var id: String; var title: String; var svg: String; var months: [MonthRow]
        var editable: Bool; var options: [MonthOption]; var percent: String; var note: String
        var percentError: String?; var monthError: String?; var noteError: String?; var action: String; var csrf: String?
    }
    var title: String
    var unitName: String
    var year: Int
    var planURL: String
    var dashboardURL: String
    var alert: String?
    var notice: String?
    var plans: [PlanBlock]
    var isEmpty: Bool { plans.isEmpty }

    static func pct(_ d: Decimal?) -> String { d.map { ThaiNumberFormat.decimal($0) } ?? "–" }

    static func build(_ view: StepProgressView, overlay: StepProgressPage.Overlay, csrf: String?) -> StepProgressPage {
        let names = ThaiCalendarNames.fiscalMonthsShort
        let plans = view.plans.map { p -> PlanBlock in
            let mine = overlay.form?.stepPlanID == p.stepPlan.id ? overlay.form : nil
            let errors = mine == nil ? [:] : overlay.fieldErrors
            let nextMonth = min((p.months.last { $0.actual != nil }?.fiscalMonth ?? 0) + 1, 12)
            let selected = mine.flatMap { ThaiNumberParser.integer($0.month) } ?? nextMonth
            return PlanBlock(
                id: p.stepPlan.id, title: p.stepPlan.title, svg: StepProgressChart.draw(p),
                months: p.months.map { m in
                    MonthRow(label: names[m.fiscalMonth - 1], planned: pct(m.planned), actual: pct(m.actual),
                             gap: m.gap.map { ($0 > 0 ? "+" : "") + ThaiNumberFormat.decimal($0) } ?? "–",
                             behind: m.isBehind, note: m.note ?? "")
                },
                editable: view.editable,
                options: (1...12).map { MonthOption(value: $0, label: names[$0 - 1], selected: $0 == selected) },
                percent: mine?.percent ?? "", note: mine?.note ?? "",
                percentError: errors["percent"], monthError: errors["month"], noteError: errors["note"],
                action: StepProgressURL.unitYear(view.unit.code, view.fiscalYear).path, csrf: csrf)
        }
        return StepProgressPage(title: "\(view.unit.nameTH) ความก้าวหน้าตามแผนขั้นตอน ปี \(view.fiscalYear.be)",
                                unitName: view.unit.nameTH, year: view.fiscalYear.be,
                                planURL: SiteURL.plan(view.unit.code, view.fiscalYear).path,
                                dashboardURL: StepProgressURL.dashboard(year: view.fiscalYear).path,
                                alert: overlay.alert, notice: overlay.notice, plans: plans)
    }
}

/// The model of `project-progress.mustache`.
struct ProjectProgressPage {
    struct Row { var unit: String; var unitURL: String; var title: String; var planned: String; var actual: String; var gap: String; var behind: Bool }
    var title: String
    var asOf: String
    var rows: [Row]
    var behindCount: Int
    var isEmpty: Bool { rows.isEmpty }

    static func build(rows: [ProjectProgressRow], year: FiscalYear) -> ProjectProgressPage {
        let month = rows.first?.fiscalMonth ?? 0
        let asOf = month == 0 ? "ยังไม่เริ่มปีงบประมาณ" : "ณ สิ้นเดือน\(ThaiCalendarNames.fiscalMonthsShort[month - 1])"
        return ProjectProgressPage(
            title: "ความก้าวหน้าโครงการเทียบกับแผน ปีงบประมาณ \(year.be)", asOf: asOf,
            rows: rows.map { r in
                Row(unit: "\(r.unitCode) \(r.unitName)", unitURL: StepProgressURL.unitYear(r.unitCode, year).path, title: r.title,
                    planned: StepProgressPage.pct(r.plannedNow), actual: StepProgressPage.pct(r.actual),
                    gap: (r.gap > 0 ? "+" : "") + ThaiNumberFormat.decimal(r.gap), behind: r.isBehind)
            },
            behindCount: rows.filter(\.isBehind).count)
    }
}

/// The API's form of a unit-year's step progress.
struct StepProgressJSON: Encodable {
    struct Month: Encodable { var fiscalMonth: Int; var planned: Decimal; var actual: Decimal?; var gap: Decimal?; var behind: Bool; var note: String? }
    struct Plan: Encodable { var id: String; var title: String; var projectID: String?; var months: [Month] }
    var unitCode: String
    var fiscalYear: Int
    var editable: Bool
    var stepPlans: [Plan]

    init(_ view: StepProgressView) {
        unitCode = view.unit.code; fiscalYear = view.fiscalYear.be; editable = view.editable
        stepPlans = view.plans.map { p in
            Plan(id: p.stepPlan.id, title: p.stepPlan.title, projectID: p.stepPlan.projectID, months: p.months.map {
                Month(fiscalMonth: $0.fiscalMonth, planned: $0.planned, actual: $0.actual, gap: $0.gap, behind: $0.isBehind, note: $0.note)
            })
        }
    }
}

/// The plan page's link to its step progress, built with the typed URL. Templates see stored
/// properties only (Mustache reflects with `Mirror`), so the page answers this one name itself
/// and every other name as reflection would.
extension PlanPage: MustacheParent {
    func child(named name: String) -> Any? {
        if name == "progressURL" {
            guard let be = Int(year), let code = unitURL.split(separator: "/").last?.removingPercentEncoding else { return nil }
            return StepProgressURL.unitYear(code, FiscalYear(be)).path
        }
        guard let value = Mirror(reflecting: self).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
