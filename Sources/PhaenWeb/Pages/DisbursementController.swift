import Foundation
import Hummingbird
import PhaenApp
import PhaenCore
import PhaenStore

/// Budget disbursement pages: `GET/POST /units/{code}/disbursement/{year}` (the table as of
/// `?asOf=`, the records, and the forms — the post's `kind` field says which), `POST …/import`
/// (a CSV or XLSX as multipart), `GET /disbursement` (the city table) and
/// `GET /units/{code}/money-results/{year}`. Access is the use case's: an invisible unit is
/// 404; a person who may read but not record gets 403 with a Thai message.
struct DisbursementController: Sendable {
    let renderer: Renderer
    let tracking: DisbursementTracking
    /// The clock, replaceable in tests; Core and App never read it.
    let now: @Sendable () -> Date

    init(store: PhaenStore, renderer: Renderer, now: @escaping @Sendable () -> Date = { Date() }) {
        self.renderer = renderer; self.tracking = DisbursementTracking(store: store); self.now = now
    }

    static let uploadLimit = 10 * 1024 * 1024

    func addRoutes(to router: Router<PhaenRequestContext>) {
        router.get(RouterPath(SiteURL.Route.disbursement.pattern)) { request, context in
            let (code, year) = try PageRequest.unitYear(context)
            let asOf = try asOf(request, year: year)
            let notice: String? = switch request.uri.queryParameters.get("done") {
            case "saved": "บันทึกแล้ว"
            case "removed": "ลบรายการแล้ว (ประวัติการแก้ไขเก็บรายการที่ลบไว้)"
            case "imported": "นำเข้าข้อมูลการเบิกจ่ายแล้ว \(request.uri.queryParameters.get("count") ?? "") รายการ"
            default: nil
            }
            return try await page(code, year, asOf: asOf, overlay: .init(notice: notice), context: context)
        }
        router.post(RouterPath(SiteURL.Route.disbursement.pattern)) { request, context in
            let person = try context.requirePerson()
            let (code, year) = try PageRequest.unitYear(context)
            let fields = try await ReportRequest.formFields(request)
            let form = BudgetForm(kind: fields["kind"] ?? "", fields: fields)
            let asOf = DisbursementTracking.clamp(ReportRequest.civilDate(now()), to: year)
            do {
                try await tracking.record(person: person, unit: code, year: year, form: form, now: now())
                return Redirect.seeOther(DisbursementURL.unitYear(code, year).path + (form.kind == "remove" ? "?done=removed" : "?done=saved"))
            } catch let errors as BudgetFormErrors {
                // A refused removal has no form fields to mark: its reason is the alert itself.
                let alert = form.kind == "remove" ? "ลบไม่ได้: " + errors.fields.values.sorted().joined(separator: "; ")
                    : "บันทึกไม่ได้: กรุณาแก้ไขช่องที่มีข้อความสีแดง"
                return try await page(code, year, asOf: asOf, overlay: .init(form: errors.form, fieldErrors: errors.fields, alert: alert),
                                      context: context, status: .unprocessableContent)
            } catch let refusal as DisbursementRefusal {
                return try await page(code, year, asOf: asOf, overlay: .init(alert: refusal.messageTH), context: context, status: .forbidden)
            }
        }
        router.post(RouterPath(SiteURL.Route.disbursementImport.pattern)) { request, context in
            let person = try context.requirePerson()
            let (code, year) = try PageRequest.unitYear(context)
            let asOf = DisbursementTracking.clamp(ReportRequest.civilDate(now()), to: year)
            guard let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary) else {
                throw WebError.badRequest("ต้องส่งไฟล์ด้วยแบบฟอร์ม multipart/form-data", "not multipart")
            }
            let body = try await request.body.collect(upTo: Self.uploadLimit)
            guard let form = MultipartForm.parse(Array(buffer: body), boundary: boundary) else {
                throw WebError.badRequest("อ่านไฟล์ที่ส่งมาไม่ได้ กรุณาลองแนบใหม่", "malformed multipart body")
            }
            guard let file = form.files.first, !file.data.isEmpty else {
                return try await page(code, year, asOf: asOf, overlay: .init(importErrors: DisbursementImportErrors(
                    file: "กรุณาเลือกไฟล์ CSV หรือ XLSX", rows: [])), context: context, status: .unprocessableContent)
            }
            do {
                let count = try await tracking.importFile(person: person, unit: code, year: year, data: file.data,
                                                          fileName: file.filename, now: now())
                return Redirect.seeOther(DisbursementURL.unitYear(code, year).path + "?done=imported&count=\(count)")
            } catch let errors as DisbursementImportErrors {
                return try await page(code, year, asOf: asOf, overlay: .init(importErrors: errors,
                                                                            alert: "ไม่ได้นำเข้า: ไฟล์มีรายการที่ไม่ถูกต้อง (ยังไม่มีการบันทึกรายการใดเลย)"),
                                      context: context, status: .unprocessableContent)
            } catch let refusal as DisbursementRefusal {
                return try await page(code, year, asOf: asOf, overlay: .init(alert: refusal.messageTH), context: context, status: .forbidden)
            }
        }
        router.get(RouterPath(SiteURL.Route.disbursementCity.pattern)) { request, context in
            let person = try context.requirePerson()
            let today = ReportRequest.civilDate(now())
            var year = try ReportRequest.year(request)
            if year == nil { year = try await tracking.defaultYear(today: today) }
            guard let year else { throw WebError.badRequest("ไม่ระบุปีงบประมาณ", "no year") }
            let asOf = try asOf(request, year: year)
            let rows = try await tracking.city(person: person, year: year, asOf: asOf)
            let model = DisbursementCityPage.build(rows, year: year, asOf: asOf)
            return try renderer.page("disbursement-city", chrome: Chrome(title: model.title, context: context), model: model)
        }
        router.get(RouterPath(SiteURL.Route.moneyResults.pattern)) { request, context in
            let (code, year) = try PageRequest.unitYear(context)
            let view = try await tracking.moneyAgainstResults(person: try context.requirePerson(), unit: code, year: year,
                                                              asOf: try asOf(request, year: year))
            let model = DisbursementMoneyPage.build(view)
            return try renderer.page("disbursement-money", chrome: Chrome(title: model.title, context: context), model: model)
        }
    }

    /// `?asOf=2024-03-31` (a date field; also 31/3/2567), else today kept inside the fiscal year.
    func asOf(_ request: Request, year: FiscalYear) throws -> CivilDate {
        guard let text = request.uri.queryParameters.get("asOf"), !text.isEmpty else {
            return DisbursementTracking.clamp(ReportRequest.civilDate(now()), to: year)
        }
        switch BudgetInput.date(text) {
        case .success(let date): return date
        case .failure(let problem): throw WebError.badRequest(problem.message, "bad asOf \(text)")
        }
    }

    func page(_ code: String, _ year: FiscalYear, asOf: CivilDate, overlay: DisbursementPage.Overlay, context: PhaenRequestContext,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let view = try await tracking.load(person: try context.requirePerson(), unit: code, year: year, asOf: asOf)
        let model = DisbursementPage.build(view, overlay: overlay, csrf: context.csrfToken)
        return try renderer.page("disbursement", chrome: Chrome(title: model.title, context: context), model: model, status: status)
    }
}
