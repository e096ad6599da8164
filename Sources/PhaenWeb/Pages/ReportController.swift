import Foundation
import Hummingbird
import PhaenApp
import PhaenCore
import PhaenStore

/// The reporting pages: home tasks, a unit's report grid, one report (form, preview,
/// workflow buttons, evidence), evidence downloads and the reporting status. Every handler
/// goes through the `ReportEntry` / `Dashboards` use cases with the signed-in person, so
/// access is the use case's, the same for pages and API. Form posts follow post/redirect/get;
/// a refused post re-renders the page with the text as typed and the Thai message.
/// The routes are registered behind `RequireSignIn` and `CSRFMiddleware`, which checks the
/// `csrf` field of every form post (urlencoded and multipart) before a handler runs.
struct ReportController: Sendable {
    let store: PhaenStore
    let renderer: Renderer
    let entry: ReportEntry
    let script: ByteBuffer
    /// The clock, replaceable in tests.
    let now: @Sendable () -> Date

    init(store: PhaenStore, renderer: Renderer, evidenceDirectory: String,
         evidenceLimit: Int = ReportEntry.defaultEvidenceLimit, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.renderer = renderer
        self.entry = ReportEntry(store: store, evidenceDirectory: URL(fileURLWithPath: evidenceDirectory, isDirectory: true),
                                 evidenceLimit: evidenceLimit)
        self.script = Self.loadScript()
        self.now = now
    }

    var dashboards: Dashboards { Dashboards(store: store) }
    var today: CivilDate { ReportRequest.civilDate(now()) }

    func addRoutes(to router: Router<PhaenRequestContext>) {
        router.get(RouterPath(SiteURL.Route.home.pattern)) { request, context in try await home(request, context) }
        router.get(RouterPath(SiteURL.Route.status.pattern)) { request, context in try await status(request, context) }
        router.get(RouterPath(SiteURL.Route.reports.pattern)) { _, context in try await year(context) }
        router.get(RouterPath(SiteURL.Route.report.pattern)) { request, context in
            let ref = try ReportRequest.ref(context)
            let view = try await entry.load(person: try context.requirePerson(), ref: ref)
            let notice = request.uri.queryParameters.get("done").flatMap(Self.doneMessage)
            return try page(view, overlay: .init(notice: notice), context: context)
        }
        router.post(RouterPath(SiteURL.Route.report.pattern)) { request, context in try await save(request, context) }
        router.post(RouterPath(SiteURL.Route.reportPreview.pattern)) { request, context in try await previewJSON(request, context) }
        router.post(RouterPath(SiteURL.Route.reportEvidence.pattern)) { request, context in try await upload(request, context) }
        router.post(RouterPath(SiteURL.Route.reportTransition.pattern)) { request, context in try await transition(request, context) }
        router.get(RouterPath(SiteURL.Route.evidence.pattern)) { _, context in try await download(context) }
        router.get(RouterPath(SiteURL.Route.reportScript.pattern)) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: script))
        }
    }

    // MARK: One report

    func page(_ view: ReportView, overlay: ReportPage.Overlay, context: PhaenRequestContext,
              status: HTTPResponse.Status = .ok) throws -> Response {
        let model = ReportPage.build(view, overlay: overlay, csrf: context.csrfToken, evidenceLimit: entry.evidenceLimit, today: today)
        return try renderer.page("report", chrome: Chrome(title: "\(model.unitName) \(model.title)", context: context),
                                 model: model, status: status)
    }

    /// Saves the draft, or with `action=preview` only computes the score of what was typed.
    func save(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let person = try context.requirePerson()
        let ref = try ReportRequest.ref(context)
        let fields = try await ReportRequest.formFields(request)
        let form = ReportForm(fields: fields)
        let version = try ReportRequest.version(fields["version"])

        if fields["action"] == "preview" {
            let view = try await entry.load(person: person, ref: ref)
            let preview = try? await entry.preview(person: person, ref: ref, form: form)
            return try page(view, overlay: .init(form: form, fieldErrors: preview?.errors ?? [:], preview: preview,
                                                 notice: "คำนวณจากข้อมูลที่กรอก (ยังไม่ได้บันทึก)", version: .some(version)),
                            context: context)
        }
        do {
            _ = try await entry.save(person: person, ref: ref, form: form, expectedVersion: version, now: now())
            return Redirect.seeOther(ReportURL.report(ref).path + "?done=saved")
        } catch let errors as ReportFormErrors {
            let view = try await entry.load(person: person, ref: ref)
            let preview = try? await entry.preview(person: person, ref: ref, form: errors.form)
            // Stale: the form now carries the version just saved by the other person, so
            // saving again is a deliberate overwrite after seeing theirs.
            let overlay = ReportPage.Overlay(
                form: errors.form, fieldErrors: errors.fields, preview: preview,
                alert: errors.message ?? "บันทึกไม่ได้: กรุณาแก้ไขช่องที่มีข้อความสีแดง",
                version: errors.isStale ? .some(view.version) : .some(version), showLatest: errors.isStale)
            return try page(view, overlay: overlay, context: context, status: errors.isStale ? .conflict : .unprocessableContent)
        } catch let refusal as ReportRefusal {
            let view = try await entry.load(person: person, ref: ref)
            return try page(view, overlay: .init(form: form, alert: refusal.messageTH, version: .some(version)),
                            context: context, status: Self.status(refusal))
        }
    }

    func transition(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let person = try context.requirePerson()
        let ref = try ReportRequest.ref(context)
        let transition = try ReportRequest.transition(context)
        let fields = try await ReportRequest.formFields(request)
        guard let version = try ReportRequest.version(fields["version"]) else {
            throw WebError.badRequest("ยังไม่มีรายงานนี้: บันทึกร่างก่อนแล้วจึง\(transition.thaiName)", "no version")
        }
        let reason = fields["reason"]
        do {
            _ = try await entry.transition(person: person, ref: ref, transition: transition, reason: reason,
                                           expectedVersion: version, now: now())
            return Redirect.seeOther(ReportURL.report(ref).path + "?done=\(transition.rawValue)")
        } catch let error as WorkflowError {
            let view = try await entry.load(person: person, ref: ref)
            let overlay = error.kind == .reasonRequired
                ? ReportPage.Overlay(alert: error.messageTH, reason: reason ?? "", reasonError: error.messageTH)
                : ReportPage.Overlay(alert: error.messageTH, reason: reason ?? "")
            return try page(view, overlay: overlay, context: context,
                            status: error.kind == .reasonRequired ? .unprocessableContent : .conflict)
        } catch let refusal as ReportRefusal {
            let view = try await entry.load(person: person, ref: ref)
            return try page(view, overlay: .init(alert: refusal.messageTH, reason: reason ?? ""), context: context,
                            status: Self.status(refusal))
        } catch let error as AppError where error.kind == .invalidInput {
            let view = try await entry.load(person: person, ref: ref)
            return try page(view, overlay: .init(alert: error.messageTH), context: context, status: .unprocessableContent)
        }
    }

    /// The live preview for the page's script: JSON of the typed values' score.
    func previewJSON(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let fields = try await ReportRequest.formFields(request)
        let preview = try await entry.preview(person: try context.requirePerson(), ref: try ReportRequest.ref(context),
                                              form: ReportForm(fields: fields))
        return try JSONResponse.make(ReportPreviewJSON(preview))
    }

    // MARK: Evidence

    /// Room for the multipart framing and the CSRF field around the file.
    static let multipartOverhead = 64 * 1024

    func upload(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let person = try context.requirePerson()
        let ref = try ReportRequest.ref(context)
        let limit = entry.evidenceLimit + Self.multipartOverhead
        // Refuse an announced oversize body before reading any of it.
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            let view = try await entry.load(person: person, ref: ref)
            return try page(view, overlay: .init(alert: EvidenceRejection.tooLarge(limit: entry.evidenceLimit).messageTH),
                            context: context, status: .contentTooLarge)
        }
        guard let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary) else {
            throw WebError.badRequest("ต้องส่งไฟล์ด้วยแบบฟอร์ม multipart/form-data", "not multipart")
        }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: limit) } catch {
            let view = try await entry.load(person: person, ref: ref)
            return try page(view, overlay: .init(alert: EvidenceRejection.tooLarge(limit: entry.evidenceLimit).messageTH),
                            context: context, status: .contentTooLarge)
        }
        guard let form = MultipartForm.parse(Array(buffer: body), boundary: boundary) else {
            throw WebError.badRequest("อ่านไฟล์ที่ส่งมาไม่ได้ กรุณาลองแนบใหม่", "malformed multipart body")
        }
        guard let file = form.files.first(where: { $0.field == "file" }) else {
            throw WebError.badRequest("กรุณาเลือกไฟล์หลักฐาน", "no file part")
        }
        do {
            _ = try await entry.addEvidence(person: person, ref: ref, filename: file.filename, data: file.data, now: now())
            return Redirect.seeOther(ReportURL.report(ref).path + "?done=evidence")
        } catch let rejection as EvidenceRejection {
            let view = try await entry.load(person: person, ref: ref)
            let status: HTTPResponse.Status = switch rejection.kind {
            case .tooLarge: .contentTooLarge
            case .unsupportedType: .unsupportedMediaType
            case .empty: .unprocessableContent
            }
            return try page(view, overlay: .init(alert: rejection.messageTH), context: context, status: status)
        } catch let refusal as ReportRefusal {
            let view = try await entry.load(person: person, ref: ref)
            return try page(view, overlay: .init(alert: refusal.messageTH), context: context, status: Self.status(refusal))
        }
    }

    /// Always an attachment with the sniffed type and `nosniff`: an uploaded file is never
    /// rendered by the browser as part of the site.
    func download(_ context: PhaenRequestContext) async throws -> Response {
        let text = try context.parameters.require("id")
        guard let id = Int64(text) else { throw WebError.notFound("ไม่พบไฟล์หลักฐาน \(text)", "bad evidence id \(text)") }
        let (file, url) = try await entry.evidenceFile(person: try context.requirePerson(), id: id)
        let data = try Data(contentsOf: url)
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.contentLength] = String(data.count)
        headers[.contentDisposition] = Self.attachment(file.originalName)
        headers[.cacheControl] = "private, no-store"
        if let nosniff = HTTPFields.Element.Name("X-Content-Type-Options") { headers[nosniff] = "nosniff" }
        headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266): Thai names survive,
    /// and the ASCII fallback has no quotes or control characters to break the header.
    static func attachment(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    // MARK: Lists

    func year(_ context: PhaenRequestContext) async throws -> Response {
        let (code, year) = try PageRequest.unitYear(context)
        let view = try await entry.year(person: try context.requirePerson(), unit: code, year: year, today: today)
        let model = ReportYearPage.build(view)
        return try renderer.page("reports", chrome: Chrome(title: model.title, context: context), model: model)
    }

    func home(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let person = try context.requirePerson()
        let today = self.today
        let year = try await year(request, today: today)
        let tasks = try await dashboards.homeTasks(person: person, year: year, today: today)
        let model = HomePage.build(person: person, year: year, today: today, tasks: tasks)
        return try renderer.page("home", chrome: Chrome(title: model.title, context: context, section: .home), model: model)
    }

    func status(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let person = try context.requirePerson()
        let today = self.today
        let year = try await year(request, today: today)
        let round = try request.uri.queryParameters.get("round").flatMap { $0.isEmpty ? nil : $0 }.map { try ReportRef.round($0) }
            ?? StatusPage.defaultRound(year: year, today: today)
        let status = try await dashboards.reportingStatus(person: person, year: year, round: round, today: today)
        let model = StatusPage.build(status, today: today)
        return try renderer.page("status", chrome: Chrome(title: model.title, context: context, section: .status), model: model)
    }

    // MARK: Helpers

    /// `?year=` or the year with data nearest today (`Dashboards.defaultYear`).
    func year(_ request: Request, today: CivilDate) async throws -> FiscalYear {
        if let asked = try ReportRequest.year(request) { return asked }
        return try await dashboards.defaultYear(today: today)
    }

    static func status(_ refusal: ReportRefusal) -> HTTPResponse.Status {
        switch refusal.kind {
        case .notAllowed: .forbidden
        case .wrongState, .staleVersion, .notSaved: .conflict
        }
    }

    static func doneMessage(_ code: String) -> String? {
        switch code {
        case "saved": "บันทึกร่างแล้ว"
        case "evidence": "แนบไฟล์หลักฐานแล้ว"
        default: ReportTransition(rawValue: code).map { "\($0.thaiName)แล้ว" }
        }
    }

    static func loadScript() -> ByteBuffer {
        let url = Bundle.module.url(forResource: "Static", withExtension: nil)?.appendingPathComponent("report-preview.js")
        let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        return ByteBuffer(string: text)
    }
}

/// The preview as JSON: figures formatted for display, plus field errors.
struct ReportPreviewJSON: Encodable {
    var level: String
    var points: String
    var weighted: String
    var rule: String
    var explanation: String
    var band: String
    var errors: [String: String]

    init(_ p: ReportPreview) {
        let v = ReportPage.previewView(p)
        level = v.level; points = v.points; weighted = v.weighted; rule = v.rule; explanation = v.explanation
        band = v.band; errors = p.errors
    }
}
