import Hummingbird
import PhaenApp
import PhaenCore
import PhaenStore

/// The HTML pages: each handler reads its parameters, builds its model through `ScopedData`
/// (the person's view of the data) and renders its template.
struct PageController: Sendable {
    let store: PhaenStore
    let renderer: Renderer

    func addRoutes(to router: Router<PhaenRequestContext>) {
        // `/` is the home page of tasks: ReportController.
        router.get(RouterPath(SiteURL.Route.units.pattern)) { request, context in
            let data = try scoped(context)
            let model = UnitsPage.build(units: try await data.units(), kind: try PageRequest.kind(request))
            return try renderer.page("units", chrome: Chrome(title: model.title, context: context, section: .units), model: model)
        }
        router.get(RouterPath(SiteURL.Route.unit.pattern)) { _, context in
            let model = try await UnitPage.build(code: try context.parameters.require("code"), data: scoped(context))
            return try renderer.page("unit", chrome: Chrome(title: model.title, context: context, section: .unit), model: model)
        }
        router.get(RouterPath(SiteURL.Route.plan.pattern)) { _, context in
            let (code, year) = try PageRequest.unitYear(context)
            var model = try await PlanPage.build(code: code, year: year, data: scoped(context))
            let person = try context.requirePerson()
            if try await PlanEditing(store: store).mayEdit(person: person, unit: code, year: year) {
                model.editURL = SiteURL.planEdit(code, year).path
            }
            model.history = EditAuditView.list(try await store.audit(objectKind: "plan", objectKey: "\(code)/\(year.be)"))
            return try renderer.page("plan", chrome: Chrome(title: "\(model.unitName) แผน \(model.year)", context: context), model: model)
        }
        router.get(RouterPath(SiteURL.Route.agreement.pattern)) { _, context in
            let (code, year) = try PageRequest.unitYear(context)
            var model = try await AgreementPage.build(code: code, year: year, data: scoped(context))
            if AccessPolicy.canEditAgreement(try context.requirePerson(), unit: code) {
                model.editURL = SiteURL.agreementEdit(code, year).path
            }
            model.history = EditAuditView.list(try await store.audit(objectKind: "agreement", objectKey: "\(code)/\(year.be)"))
            return try renderer.page("agreement", chrome: Chrome(title: "\(model.unitName) คำรับรอง \(model.year)", context: context), model: model)
        }
        router.get(RouterPath(SiteURL.Route.scores.pattern)) { _, context in
            let (code, year) = try PageRequest.unitYear(context)
            let model = try await ScorePage.build(code: code, year: year, data: scoped(context))
            return try renderer.page("scores", chrome: Chrome(title: "\(model.unitName) ผลคะแนน \(model.year)", context: context), model: model)
        }
        router.get(RouterPath(SiteURL.Route.dashboard.pattern)) { request, context in
            let model = try await DashboardPage.build(query: try PageRequest.dashboard(request), data: scoped(context))
            return try renderer.page("dashboard", chrome: Chrome(title: model.title, context: context, section: .dashboard), model: model)
        }
    }

    func scoped(_ context: PhaenRequestContext) throws -> ScopedData {
        ScopedData(store: store, person: try context.requirePerson())
    }
}
