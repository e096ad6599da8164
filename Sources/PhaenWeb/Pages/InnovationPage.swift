import Foundation
import Hummingbird
import Mustache
import PhaenApp
import PhaenCore
import PhaenStore

/// `GET/POST /units/{code}/innovations/{year}`: a unit-year's innovation projects with forms
/// 1–5, the status and the level the innovation KPI reads; reporters of the unit start an
/// innovation, record a form and move the status (`action` = create, form, status).
struct InnovationController: Sendable {
    let renderer: Renderer
    let work: InnovationWork
    let now: @Sendable () -> Date

    init(store: PhaenStore, renderer: Renderer, now: @escaping @Sendable () -> Date = { Date() }) {
        self.renderer = renderer; self.work = InnovationWork(store: store); self.now = now
    }

    func addRoutes(to router: Router<PhaenRequestContext>) {
        router.get(RouterPath(SiteURL.Route.innovations.pattern)) { request, context in
            let (code, year) = try PageRequest.unitYear(context)
            let view = try await work.load(person: try context.requirePerson(), unit: code, year: year)
            let notice = request.uri.queryParameters.get("done") == "saved" ? "บันทึกแล้ว" : nil
            return try await page(view, overlay: .init(notice: notice), context: context)
        }
        router.post(RouterPath(SiteURL.Route.innovations.pattern)) { request, context in
            let person = try context.requirePerson()
            let (code, year) = try PageRequest.unitYear(context)
            let fields = try await ReportRequest.formFields(request)
            let input = InnovationFormInput(fields: fields)
            let action = fields["action"] ?? ""
            do {
                switch action {
                case "create": try await work.create(person: person, unit: code, year: year, input: input, now: now())
                case "form": try await work.saveForm(person: person, unit: code, year: year, input: input, now: now())
                case "status":
                    guard let status = fields["status"].flatMap(Innovation.Status.init(rawValue:)) else {
                        throw WebError.badRequest("ไม่รู้จักสถานะ «\(fields["status"] ?? "")»", "bad status")
                    }
                    try await work.advance(person: person, unit: code, year: year, title: input.title, to: status, now: now())
                default:
                    throw WebError.badRequest("ไม่รู้จักคำสั่ง «\(action)»", "bad action \(action)")
                }
                return Redirect.seeOther(DirectiveURL.innovations(code, year).path + "?done=saved")
            } catch let errors as InnovationFormErrors {
                let view = try await work.load(person: person, unit: code, year: year)
                return try await page(view, overlay: .init(action: action, form: errors.form, errors: errors.fields,
                                                     alert: "บันทึกไม่ได้: กรุณาแก้ไขช่องที่มีข้อความสีแดง (ยังไม่ได้บันทึกข้อมูลใด)"),
                                context: context, status: .unprocessableContent)
            } catch let refusal as FollowUpRefusal {
                guard AccessPolicy.canEditInnovation(person, unit: code) else {
                    return try EditPages.forbidden(refusal.messageTH, renderer: renderer, context: context)
                }
                // A status the rules do not allow yet: the page again, with the reason.
                let view = try await work.load(person: person, unit: code, year: year)
                return try await page(view, overlay: .init(alert: refusal.messageTH), context: context, status: .conflict)
            }
        }
    }

    func page(_ view: InnovationView, overlay: InnovationPage.Overlay, context: PhaenRequestContext,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        var model = InnovationPage.build(view, overlay: overlay, csrf: context.csrfToken)
        for (i, item) in view.items.enumerated() {
            let i0 = item.innovation
            model.items[i].history = EditAuditView.list(try await work.store.audit(
                objectKind: "innovation", objectKey: "\(i0.unitCode)/\(i0.fiscalYear.be)/\(i0.title)"))
        }
        return try renderer.page("innovations", chrome: Chrome(title: model.title, context: context), model: model, status: status)
    }
}

/// The model of `innovations.mustache`.
struct InnovationPage {
    struct Overlay {
        var action = ""
        var form = InnovationFormInput()
        var errors: [String: String] = [:]
        var alert: String? = nil
        var notice: String? = nil
    }
    struct Option { var value: String; var label: String; var selected: Bool }
    struct FormBlock {
        var number: Int; var heading: String; var recorded: Bool; var dateText: String; var summaryText: String; var detailLines: [String]
        // The edit form (its fields as stored, or as typed when it came back with errors).
        var date: String; var summary: String; var ideas: String; var minutes: String; var revisions: String
        var revisionsDone: Bool; var users: String; var satisfaction: String; var decisions: [Option]
        var isIdeas: Bool; var isSelection: Bool; var isScreening: Bool; var isUse: Bool
        var dateError: String?; var summaryError: String?; var ideasError: String?; var minutesError: String?
        var decisionError: String?; var revisionsError: String?; var usersError: String?; var satisfactionError: String?
        var open: Bool
    }
    struct Item {
        var title: String; var description: String?; var status: String; var kpiCode: String?
        var level: String; var levelExplanation: String?
        var nextStatus: String?; var nextLabel: String?; var nextRefusal: String?
        var forms: [FormBlock]; var steps: [String]; var hasSteps: Bool
        /// Who changed what and when (the audit trail), newest first.
        var history: [EditAuditView] = []
    }
    var title: String
    var unitName: String
    var unitURL: String
    var year: Int
    var items: [Item]
    var isEmpty: Bool
    var editable: Bool
    var alert: String?
    var notice: String?
    var action: String
    var csrf: String?
    var newTitle: String
    var newDescription: String
    var newKPI: String
    var newTitleError: String?
    var levelRule = "ระดับ 1 มีแบบฟอร์มที่ 1 · ระดับ 2 มีแบบฟอร์มที่ 2 · ระดับ 3 มีแบบฟอร์มที่ 3–4 และคณะกรรมการเห็นชอบ (แก้ไขตามที่กำหนดแล้ว) · "
        + "ระดับ 4 อยู่ระหว่างการทดลองใช้หรือนำไปใช้แล้ว · ระดับ 5 นำไปใช้ประโยชน์แล้วและมีแบบฟอร์มที่ 5"

    static func build(_ view: InnovationView, overlay: Overlay, csrf: String?) -> InnovationPage {
        let creating = overlay.action == "create"
        let items = view.items.map { item -> Item in
            let i = item.innovation
            let forms = (1...5).map { n -> FormBlock in
                let stored = i.form(n)
                let mine = overlay.action == "form" && overlay.form.title == i.title && overlay.form.number == String(n)
                let input = mine ? overlay.form : stored.map { InnovationFormInput(title: i.title, form: $0) } ?? InnovationFormInput()
                let errors = mine ? overlay.errors : [:]
                var lines: [String] = []
                if let s = stored {
                    lines += (s.ideas ?? []).map { "• " + $0 }
                    if let m = s.minutes { lines.append("บันทึกการประชุม: " + m) }
                    if let d = s.decision { lines.append("ผลการพิจารณา: " + d.thaiName) }
                    if let r = s.revisions { lines.append("ให้แก้ไข: " + r + (s.revisionsDone == true ? " (แก้ไขแล้ว)" : " (ยังไม่แก้ไข)")) }
                    if let u = s.users { lines.append("ผู้ใช้ \(ThaiNumberFormat.decimal(Decimal(u))) คน") }
                    if let p = s.satisfactionPercent { lines.append("ความพึงพอใจร้อยละ \(ThaiNumberFormat.decimal(p))") }
                }
                return FormBlock(
                    number: n, heading: Innovation.Form.title(n), recorded: stored != nil,
                    dateText: stored?.date.map { ThaiDateFormat.short($0, digits: .arabic) } ?? "", summaryText: stored?.summary ?? "",
                    detailLines: lines, date: input.date, summary: input.summary, ideas: input.ideas, minutes: input.minutes,
                    revisions: input.revisions, revisionsDone: input.revisionsDone, users: input.users, satisfaction: input.satisfaction,
                    decisions: Innovation.ScreeningDecision.allCases.map { Option(value: $0.rawValue, label: $0.thaiName, selected: $0.rawValue == input.decision) },
                    isIdeas: n == 1, isSelection: n == 2, isScreening: n == 4, isUse: n == 5,
                    dateError: errors["date"], summaryError: errors["summary"], ideasError: errors["ideas"], minutesError: errors["minutes"],
                    decisionError: errors["decision"], revisionsError: errors["revisions"], usersError: errors["users"],
                    satisfactionError: errors["satisfaction"], open: mine)
            }
            return Item(title: i.title, description: i.description, status: i.status.thaiName, kpiCode: i.kpiCode,
                        level: item.level.map { "ระดับ \($0)" } ?? "ยังไม่มีระดับ", levelExplanation: item.levelExplanation,
                        nextStatus: item.nextStatus?.rawValue, nextLabel: item.nextStatus.map { "เลื่อนสถานะเป็น «\($0.shortName)»" },
                        nextRefusal: item.nextRefusal, forms: forms, steps: i.steps ?? [], hasSteps: !(i.steps ?? []).isEmpty)
        }
        return InnovationPage(
            title: "นวัตกรรม (Innovation Base) \(view.unit.nameTH) ปีงบประมาณ \(view.fiscalYear.be)", unitName: view.unit.nameTH,
            unitURL: SiteURL.unit(view.unit.code).path, year: view.fiscalYear.be, items: items, isEmpty: items.isEmpty,
            editable: view.editable, alert: overlay.alert, notice: overlay.notice,
            action: DirectiveURL.innovations(view.unit.code, view.fiscalYear).path, csrf: csrf,
            newTitle: creating ? overlay.form.title : "", newDescription: creating ? overlay.form.description : "",
            newKPI: creating ? overlay.form.kpiCode : "", newTitleError: creating ? overlay.errors["title"] : nil)
    }
}

/// The unit page's link to each year's innovation page, built with the typed URL. A year row
/// knows its links but not the unit code, so the code is read back from the row's own link
/// (`/units/{code}/…`), as `PlanPage` does for its progress link. Every other name is answered
/// as reflection would.
extension UnitPage.YearRow: MustacheParent {
    func child(named name: String) -> Any? {
        if name == "innovationsURL" {
            let link = planURL ?? agreementURL ?? reportsURL
            let parts = link?.split(separator: "/") ?? []
            guard parts.count > 1, parts[0] == "units", let code = parts[1].removingPercentEncoding, let be = Int(year) else { return nil }
            return DirectiveURL.innovations(code, FiscalYear(be)).path
        }
        guard let value = Mirror(reflecting: self).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}

/// Innovation records through the person's view: an invisible unit has none, so a score card
/// computed through `ScopedData` feeds its innovation KPI exactly as the store would.
extension ScopedData: InnovationRecordSource {
    func innovations(unitCode: String, fiscalYear: FiscalYear) async throws -> [Innovation] {
        guard sees(unitCode) else { return [] }
        return try await store.innovations(unitCode: unitCode, fiscalYear: fiscalYear)
    }
}
