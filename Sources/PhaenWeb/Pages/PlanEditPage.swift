import Foundation
import Hummingbird
import PhaenApp
import PhaenCore
import PhaenStore

/// One input of an edit form: its name, what to show in it, and the Thai message next to it.
struct EditField {
    var name: String
    var value: String
    var error: String?
}

/// One line of a plan's or agreement's history: who, when, and a before → after summary.
struct EditAuditView {
    var at: String
    var actor: String
    var changes: [String]

    static func list(_ entries: [AuditEntry]) -> [EditAuditView] {
        entries.reversed().map { EditAuditView(at: ReportFormat.date($0.at), actor: $0.actor, changes: EditAuditSummary.lines($0)) }
    }
}

/// What the edit pages re-show after a refused post: which form, what was typed, the errors.
struct EditOverlay {
    var form: String = ""
    var id: String = ""
    var fields: [String: String] = [:]
    var errors: [String: String] = [:]
    var alert: String?
    var notice: String?

    func value(_ form: String, _ id: String, _ name: String, _ stored: String) -> String {
        self.form == form && self.id == id ? (fields[name] ?? stored) : stored
    }
    func error(_ form: String, _ id: String, _ name: String) -> String? {
        self.form == form && self.id == id ? errors[name] : nil
    }
}

/// `/units/{code}/plans/{year}/edit`: one form per printed list (its stated total and count,
/// and a form to add a project to it) and one per project (name, budget, section, codes),
/// each with the validation findings that concern it. Works without JavaScript.
struct PlanEditPage {
    struct Option { var name: String; var selected: Bool }
    struct EntryRow { var number: String; var name: String; var budget: String; var anchor: String }
    struct ListView {
        var id: String; var anchor: String; var title: String
        var statedTotal: EditField; var statedCount: EditField
        var computedTotal: String; var count: Int
        var entries: [EntryRow]; var findings: [FindingView]
        var add: ProjectFields
    }
    struct ProjectFields {
        var name: EditField; var budget: EditField; var amount: String?
        var sections: [Option]; var sectionError: String?
        var strategyCode: EditField; var policyCodes: EditField
    }
    struct ProjectView {
        var id: String; var anchor: String; var fields: ProjectFields; var lists: String; var findings: [FindingView]
    }

    var title: String
    var unitName: String
    var year: String
    var planURL: String
    var actionURL: String
    var csrf: String?
    var notice: String?
    var alert: String?
    var lists: [ListView]
    var projects: [ProjectView]
    var otherFindings: [FindingView]
    var history: [EditAuditView]

    static func build(_ view: PlanEditing.View, overlay: EditOverlay, csrf: String?) -> PlanEditPage {
        let plan = view.plan
        var used = Set<Int>()
        func take(_ test: (Finding) -> Bool) -> [FindingView] {
            view.findings.enumerated().filter { !used.contains($0.offset) && test($0.element) }.map { used.insert($0.offset); return FindingView($0.element) }
        }
        func fields(_ kind: String, _ id: String, _ form: PlanEditing.ProjectForm) -> ProjectFields {
            let typedSection = overlay.value(kind, id, "section", form.section)
            let current = view.unit.section(named: typedSection)
            let budget = overlay.value(kind, id, "budget", form.budget)
            return ProjectFields(
                name: EditField(name: "name", value: overlay.value(kind, id, "name", form.name), error: overlay.error(kind, id, "name")),
                budget: EditField(name: "budget", value: budget, error: overlay.error(kind, id, "budget")),
                amount: ThaiNumberParser.money(budget).map { ThaiNumberFormat.amount($0) },
                sections: [Option(name: "", selected: current == nil)]
                    + view.unit.sections.map { Option(name: $0.name, selected: $0 == current) },
                sectionError: overlay.error(kind, id, "section"),
                strategyCode: EditField(name: "strategyCode", value: overlay.value(kind, id, "strategyCode", form.strategyCode),
                                        error: overlay.error(kind, id, "strategyCode")),
                policyCodes: EditField(name: "policyCodes", value: overlay.value(kind, id, "policyCodes", form.policyCodes),
                                       error: overlay.error(kind, id, "policyCodes")))
        }
        let lists = plan.lists.map { list -> ListView in
            let form = PlanEditing.ListForm(list)
            return ListView(
                id: list.id, anchor: "list-\(list.id)", title: list.title,
                statedTotal: EditField(name: "statedTotal", value: overlay.value("list", list.id, "statedTotal", form.statedTotal),
                                       error: overlay.error("list", list.id, "statedTotal")),
                statedCount: EditField(name: "statedCount", value: overlay.value("list", list.id, "statedCount", form.statedCount),
                                       error: overlay.error("list", list.id, "statedCount")),
                computedTotal: ThaiNumberFormat.amount(list.computedTotal), count: list.entries.count,
                entries: list.entries.map { e in
                    EntryRow(number: e.number ?? "", name: plan.project(id: e.projectID)?.name ?? e.projectID,
                             budget: e.budget?.printed ?? "", anchor: "project-\(e.projectID)")
                },
                findings: take { $0.location.contains("[\(list.id)]") },
                add: fields("add", list.id, PlanEditing.ProjectForm()))
        }
        let projects = plan.projects.map { p -> ProjectView in
            ProjectView(id: p.id, anchor: "project-\(p.id)", fields: fields("project", p.id, PlanEditing.ProjectForm(p)),
                        lists: plan.lists.filter { $0.entries.contains { $0.projectID == p.id } }.map(\.title).joined(separator: " · "),
                        findings: take { $0.location.hasSuffix("โครงการ \(p.name)") || $0.location.contains(p.id) || $0.messageTH.contains("\"\(p.name)\"") })
        }
        return PlanEditPage(
            title: "แก้ไขแผนปฏิบัติราชการ", unitName: view.unit.nameTH, year: String(plan.fiscalYear.be),
            planURL: SiteURL.plan(plan.unitCode, plan.fiscalYear).path,
            actionURL: SiteURL.planEdit(plan.unitCode, plan.fiscalYear).path, csrf: csrf,
            notice: overlay.notice, alert: overlay.alert, lists: lists, projects: projects,
            otherFindings: take { _ in true }, history: EditAuditView.list(view.audit))
    }
}

/// GET and POST `/units/{code}/plans/{year}/edit`. A reader who may not edit gets a 403 page;
/// someone who may not read the unit gets 404 (from the use case).
struct PlanEditController: Sendable {
    let editing: PlanEditing
    let renderer: Renderer
    let now: @Sendable () -> Date

    init(store: PhaenStore, renderer: Renderer, now: @escaping @Sendable () -> Date = { Date() }) {
        self.editing = PlanEditing(store: store); self.renderer = renderer; self.now = now
    }

    func addRoutes(to router: Router<PhaenRequestContext>) {
        router.get(RouterPath(SiteURL.Route.planEdit.pattern)) { request, context in
            let (code, year) = try PageRequest.unitYear(context)
            let person = try context.requirePerson()
            let view = try await editing.load(person: person, unit: code, year: year)
            if let refused = Self.refusal(view, person: person) { return try EditPages.forbidden(refused, renderer: renderer, context: context) }
            let notice = request.uri.queryParameters.get("done") == "saved" ? "บันทึกแล้ว — ผลการตรวจสอบด้านล่างคำนวณจากแผนที่บันทึก" : nil
            return try page(view, overlay: EditOverlay(notice: notice), context: context)
        }
        router.post(RouterPath(SiteURL.Route.planEdit.pattern)) { request, context in try await post(request, context) }
    }

    static func refusal(_ view: PlanEditing.View, person: Person) -> String? {
        if !AccessPolicy.canEditPlan(person, unit: view.unit.code) {
            return "\(person.role.thaiName)ไม่มีสิทธิ์แก้ไขแผนของหน่วยงาน \(view.unit.code) (แก้ไขได้เฉพาะผู้รายงานของหน่วยงาน)"
        }
        if !view.isDraft { return "แก้ไขแผนไม่ได้: มีรายงานผลของปีนี้ที่ผ่านการตรวจหรือปิดแล้ว แผนจึงไม่ใช่ร่างอีกต่อไป" }
        return nil
    }

    func page(_ view: PlanEditing.View, overlay: EditOverlay, context: PhaenRequestContext,
              status: HTTPResponse.Status = .ok) throws -> Response {
        let model = PlanEditPage.build(view, overlay: overlay, csrf: context.csrfToken)
        return try renderer.page("plan-edit", chrome: Chrome(title: "\(model.unitName) แก้ไขแผน \(model.year)", context: context),
                                 model: model, status: status)
    }

    func post(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let (code, year) = try PageRequest.unitYear(context)
        let person = try context.requirePerson()
        let fields = try await ReportRequest.formFields(request)
        let kind = fields["form"] ?? "", id = fields["id"] ?? ""
        let project = PlanEditing.ProjectForm(name: fields["name"] ?? "", budget: fields["budget"] ?? "", section: fields["section"] ?? "",
                                              strategyCode: fields["strategyCode"] ?? "", policyCodes: fields["policyCodes"] ?? "")
        do {
            switch kind {
            case "project":
                _ = try await editing.saveProject(person: person, unit: code, year: year, projectID: id, form: project, now: now())
            case "list":
                _ = try await editing.saveList(person: person, unit: code, year: year, listID: id,
                                               form: .init(statedTotal: fields["statedTotal"] ?? "", statedCount: fields["statedCount"] ?? ""),
                                               now: now())
            case "add":
                _ = try await editing.addProject(person: person, unit: code, year: year, listID: id, form: project, now: now())
            default:
                throw WebError.badRequest("ไม่รู้จักแบบฟอร์ม «\(kind)»", "unknown plan form \(kind)")
            }
            let anchor = kind == "list" || kind == "add" ? "list-\(id)" : "project-\(id)"
            return Redirect.seeOther(SiteURL.planEdit(code, year).path + "?done=saved#\(anchor)")
        } catch let errors as EditFormErrors {
            let view = try await editing.load(person: person, unit: code, year: year)
            let overlay = EditOverlay(form: kind, id: id, fields: fields, errors: errors.fields,
                                      alert: "บันทึกไม่ได้: กรุณาแก้ไขช่องที่มีข้อความสีแดง (ยังไม่ได้บันทึกข้อมูลใด)")
            return try page(view, overlay: overlay, context: context, status: .unprocessableContent)
        } catch let refusal as EditRefusal {
            return try EditPages.forbidden(refusal.messageTH, renderer: renderer, context: context,
                                           status: refusal.kind == .notAllowed ? .forbidden : .conflict)
        }
    }
}

enum EditPages {
    /// The Thai 403 (or 409) page for someone who may read the unit but not make this change.
    static func forbidden(_ message: String, renderer: Renderer, context: PhaenRequestContext,
                          status: HTTPResponse.Status = .forbidden) throws -> Response {
        let heading = "ไม่สามารถดำเนินการได้"
        return try renderer.page("error", chrome: Chrome(title: heading, context: context),
                                 model: ErrorPage(status: Int(status.code), heading: heading, message: message), status: status)
    }
}
