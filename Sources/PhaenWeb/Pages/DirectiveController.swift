import Foundation
import Hummingbird
import PhaenApp
import PhaenCore
import PhaenStore

/// The directive follow-up pages: the register (`/directives`), registration
/// (`/directives/new`, evaluators and administrators), the group names (`/directives/groups`,
/// administrators), a directive (`/directives/{directive}`), one addressed unit's status with
/// its report form (`/directives/{directive}/units/{code}`, reporters of the unit) and the
/// dashboard (`/directives/dashboard`). Access is the use case's: a directive not addressed to
/// a unit the person sees is 404; a form the person may not use is 403 with a Thai message.
struct DirectiveController: Sendable {
    let renderer: Renderer
    let followUp: DirectiveFollowUp
    let store: PhaenStore
    /// The clock, replaceable in tests; Core and App never read it.
    let now: @Sendable () -> Date

    init(store: PhaenStore, renderer: Renderer, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store; self.renderer = renderer; self.followUp = DirectiveFollowUp(store: store); self.now = now
    }

    func addRoutes(to router: Router<PhaenRequestContext>) {
        router.get(RouterPath(SiteURL.Route.directives.pattern)) { request, context in
            let person = try context.requirePerson()
            let year = try ReportRequest.year(request)
            let model = DirectiveListPage.build(pairs: try await followUp.pairs(person: person, year: year),
                                                groups: try await followUp.groups(), years: try await followUp.years(),
                                                year: year, person: person)
            return try renderer.page("directives", chrome: Chrome(title: model.title, context: context, section: .directives), model: model)
        }
        router.get(RouterPath(SiteURL.Route.directiveDashboard.pattern)) { request, context in
            let person = try context.requirePerson()
            let year = try ReportRequest.year(request)
            let names = Dictionary(try await store.units().map { ($0.code, $0.nameTH) }, uniquingKeysWith: { a, _ in a })
            let model = DirectiveDashboardPage.build(try await followUp.dashboard(person: person, year: year),
                                                     groups: try await followUp.groups(), unitNames: names,
                                                     years: try await followUp.years(), year: year)
            return try renderer.page("directive-dashboard", chrome: Chrome(title: model.title, context: context), model: model)
        }
        router.get(RouterPath(SiteURL.Route.directiveNew.pattern)) { _, context in
            let person = try context.requirePerson()
            guard AccessPolicy.canRegisterDirectives(person) else { return try refuse(Self.registerRefusal(person), context) }
            var form = DirectiveForm()
            form.year = String(FiscalYear(containing: ReportRequest.civilDate(now())).be)
            return try await newPage(form: form, errors: [:], alert: nil, context: context)
        }
        router.post(RouterPath(SiteURL.Route.directiveNew.pattern)) { request, context in
            let person = try context.requirePerson()
            let form = DirectiveForm(fields: try await ReportRequest.formFields(request))
            do {
                let directive = try await followUp.register(person: person, form: form, now: now())
                return Redirect.seeOther(DirectiveURL.detail(directive.id).path)
            } catch let errors as DirectiveFormErrors {
                return try await newPage(form: errors.form, errors: errors.fields,
                                   alert: "บันทึกไม่ได้: กรุณาแก้ไขช่องที่มีข้อความสีแดง (ยังไม่ได้บันทึกข้อมูลใด)",
                                   context: context, status: .unprocessableContent)
            } catch let refusal as FollowUpRefusal {
                return try refuse(refusal.messageTH, context)
            }
        }
        router.get(RouterPath(SiteURL.Route.directiveGroups.pattern)) { request, context in
            let person = try context.requirePerson()
            guard AccessPolicy.canNameDirectiveGroups(person) else {
                return try refuse("\(person.role.thaiName)ไม่มีสิทธิ์ตั้งชื่อกลุ่มข้อสั่งการ (เฉพาะผู้ดูแลระบบ)", context)
            }
            let notice = request.uri.queryParameters.get("done") == "saved" ? "บันทึกชื่อกลุ่มแล้ว" : nil
            let model = DirectiveGroupsPage.build(try await followUp.groups(), notice: notice, csrf: context.csrfToken)
            return try renderer.page("directive-groups", chrome: Chrome(title: model.title, context: context), model: model)
        }
        router.post(RouterPath(SiteURL.Route.directiveGroups.pattern)) { request, context in
            let person = try context.requirePerson()
            let fields = try await ReportRequest.formFields(request)
            var names: [Int: String] = [:]
            for n in DirectiveGroup.numbers { names[n] = fields["group\(n)"] ?? "" }
            do {
                try await followUp.saveGroupNames(person: person, names: names, now: now())
            } catch let refusal as FollowUpRefusal {
                return try refuse(refusal.messageTH, context)
            }
            return Redirect.seeOther(DirectiveURL.groups.path + "?done=saved")
        }
        router.get(RouterPath(SiteURL.Route.directiveImport.pattern)) { _, context in
            let person = try context.requirePerson()
            guard AccessPolicy.canRegisterDirectives(person) else { return try refuse(Self.registerRefusal(person), context) }
            return try importPage(errors: nil, alert: nil, context: context)
        }
        router.post(RouterPath(SiteURL.Route.directiveImport.pattern)) { request, context in
            let person = try context.requirePerson()
            guard let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary) else {
                throw WebError.badRequest("ต้องส่งไฟล์ด้วยแบบฟอร์ม multipart/form-data", "not multipart")
            }
            let body = try await request.body.collect(upTo: Self.uploadLimit)
            guard let form = MultipartForm.parse(Array(buffer: body), boundary: boundary) else {
                throw WebError.badRequest("อ่านไฟล์ที่ส่งมาไม่ได้ กรุณาลองแนบใหม่", "malformed multipart body")
            }
            guard let file = form.files.first, !file.data.isEmpty else {
                return try importPage(errors: DirectiveImportErrors(file: "กรุณาเลือกไฟล์ CSV หรือ XLSX", rows: []), alert: nil,
                                      context: context, status: .unprocessableContent)
            }
            do {
                let directives = try await followUp.importRegister(person: person, data: file.data, fileName: file.filename, now: now())
                return Redirect.seeOther(DirectiveURL.list(year: directives.first?.fiscalYear).path)
            } catch let errors as DirectiveImportErrors {
                return try importPage(errors: errors, alert: "ไม่ได้นำเข้า: ไฟล์มีรายการที่ไม่ถูกต้อง (ยังไม่มีการบันทึกรายการใดเลย)",
                                      context: context, status: .unprocessableContent)
            } catch let refusal as FollowUpRefusal {
                return try refuse(refusal.messageTH, context)
            }
        }
        router.get(RouterPath(SiteURL.Route.directive.pattern)) { _, context in
            let view = try await followUp.detail(person: try context.requirePerson(), id: try context.parameters.require("directive"))
            let model = DirectiveDetailPage.build(view)
            return try renderer.page("directive", chrome: Chrome(title: model.title, context: context), model: model)
        }
        router.get(RouterPath(SiteURL.Route.directiveUnit.pattern)) { request, context in
            let (view, unit) = try await followUp.unit(person: try context.requirePerson(), id: try context.parameters.require("directive"),
                                                       unit: try context.parameters.require("code"))
            let notice = request.uri.queryParameters.get("done") == "saved" ? "บันทึกผลการดำเนินการแล้ว" : nil
            return try unitPage(view, unit, overlay: .init(notice: notice), context: context)
        }
        router.post(RouterPath(SiteURL.Route.directiveUnit.pattern)) { request, context in
            let person = try context.requirePerson()
            let id = try context.parameters.require("directive")
            let code = try context.parameters.require("code")
            let form = DirectiveStatusForm(fields: try await ReportRequest.formFields(request))
            do {
                try await followUp.report(person: person, id: id, unit: code, form: form,
                                          today: ReportRequest.civilDate(now()), now: now())
                return Redirect.seeOther(DirectiveURL.unit(id, code).path + "?done=saved")
            } catch let errors as DirectiveStatusFormErrors {
                let (view, unit) = try await followUp.unit(person: person, id: id, unit: code)
                return try unitPage(view, unit, overlay: .init(form: errors.form, errors: errors.fields,
                                                               alert: "บันทึกไม่ได้: กรุณาแก้ไขช่องที่มีข้อความสีแดง"),
                                    context: context, status: .unprocessableContent)
            } catch let refusal as FollowUpRefusal {
                return try refuse(refusal.messageTH, context)
            }
        }
    }

    /// A register of thousands of rows is well under this.
    static let uploadLimit = 8 * 1024 * 1024

    func importPage(errors: DirectiveImportErrors?, alert: String?, context: PhaenRequestContext,
                    status: HTTPResponse.Status = .ok) throws -> Response {
        let model = DirectiveImportPage.build(errors: errors, alert: alert, csrf: context.csrfToken)
        return try renderer.page("directive-import", chrome: Chrome(title: model.title, context: context), model: model, status: status)
    }

    static func registerRefusal(_ person: Person) -> String {
        "\(person.role.thaiName)ไม่มีสิทธิ์ลงทะเบียนข้อสั่งการ (เฉพาะผู้ประเมินส่วนกลางและผู้ดูแลระบบ)"
    }

    func refuse(_ message: String, _ context: PhaenRequestContext) throws -> Response {
        try EditPages.forbidden(message, renderer: renderer, context: context)
    }

    func newPage(form: DirectiveForm, errors: [String: String], alert: String?, context: PhaenRequestContext,
                 status: HTTPResponse.Status = .ok) async throws -> Response {
        let model = DirectiveNewPage.build(form: form, groups: try await followUp.groups(), errors: errors, alert: alert,
                                           csrf: context.csrfToken)
        return try renderer.page("directive-new", chrome: Chrome(title: model.title, context: context), model: model, status: status)
    }

    func unitPage(_ view: DirectiveView, _ unit: DirectiveUnitView, overlay: DirectiveUnitPage.Overlay, context: PhaenRequestContext,
                  status: HTTPResponse.Status = .ok) throws -> Response {
        let model = DirectiveUnitPage.build(view, unit: unit, overlay: overlay, csrf: context.csrfToken)
        return try renderer.page("directive-unit", chrome: Chrome(title: model.title, context: context), model: model, status: status)
    }
}
