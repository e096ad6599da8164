import Foundation
import Hummingbird
import PhaenApp
import PhaenCore
import PhaenStore

/// `GET /units/{code}/plans|agreements|reports/{year}/download/{format}` and
/// `GET /dashboard/download/{format}`: the official documents as files. The data is the
/// person's `ScopedData`, as for the pages, so another unit's document is 404 like a missing
/// one and drafts the person may not read are left out. `?digits=thai|arabic` overrides the
/// source's numerals; a report takes `?round=`, the dashboard `?year=`. When Chromium is
/// missing a PDF request gets a Thai page that offers the DOCX instead.
struct DocumentDownloadController: Sendable {
    let store: PhaenStore
    let renderer: Renderer
    /// The Chromium program for PDFs; nil finds it (PHAEN_CHROMIUM, then the PATH).
    let chromium: String?
    /// The clock for the dashboard's default year, replaceable in tests.
    let now: @Sendable () -> Date

    init(store: PhaenStore, renderer: Renderer, chromium: String? = nil,
         now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store; self.renderer = renderer; self.chromium = chromium; self.now = now
    }

    func addRoutes(to router: Router<PhaenRequestContext>) {
        for (route, kind) in [(SiteURL.Route.planDocument, DocumentExport.Kind.plan), (.agreementDocument, .agreement),
                              (.reportDocument, .report)] {
            router.get(RouterPath(route.pattern)) { request, context in
                let (code, year) = try PageRequest.unitYear(context)
                let format = try Self.format(context)
                let round = try kind == .report ? Self.round(request) : nil
                let wanted = DocumentExport.Request(kind: kind, unitCode: code, year: year, round: round, format: format,
                                                    digits: try Self.digits(request))
                return try await download(wanted, context: context) { docx in
                    switch kind {
                    case .plan: DocumentURL.plan(code, year, docx).path
                    case .agreement: DocumentURL.agreement(code, year, docx).path
                    default: DocumentURL.report(code, year, docx, round: round).path
                    }
                }
            }
        }
        router.get(RouterPath(SiteURL.Route.cityDocument.pattern)) { request, context in
            let format = try Self.format(context)
            let query = try PageRequest.dashboard(request)
            var year = query.year
            if year == nil { year = try await Dashboards(store: store).defaultYear(today: ReportRequest.civilDate(now())) }
            guard let year else { throw WebError.badRequest("ต้องระบุปีงบประมาณ", "no year") }
            let wanted = DocumentExport.Request(kind: .city, unitCode: nil, year: year, format: format, digits: try Self.digits(request))
            return try await download(wanted, context: context) { DocumentURL.city($0, year: year).path }
        }
        // The directive status table (XLSX only), of the person's pairs as the dashboard shows them.
        router.get(RouterPath(SiteURL.Route.directiveDocument.pattern)) { request, context in
            let current = FiscalYear(containing: ReportRequest.civilDate(now()))
            var year = try ReportRequest.year(request)
            if year == nil { year = try await store.directiveYears().filter { $0 <= current }.max() ?? current }
            guard let year else { throw WebError.badRequest("ต้องระบุปีงบประมาณ", "no year") }
            let wanted = DocumentExport.Request(kind: .directives, unitCode: nil, year: year, format: .xlsx, digits: try Self.digits(request))
            return try await download(wanted, context: context) { _ in DirectiveURL.dashboard(year: year).path }
        }
    }

    func download(_ wanted: DocumentExport.Request, context: PhaenRequestContext,
                  docxURL: (String) -> String) async throws -> Response {
        let data = ScopedData(store: store, person: try context.requirePerson())
        do {
            let file = try await DocumentExport(data: data, chromium: chromium).export(wanted)
            return DocumentResponse.file(file)
        } catch let unavailable as DocumentExport.PDFUnavailable {
            let model = DocumentUnavailablePage(message: unavailable.messageTH, docxURL: docxURL("docx"))
            return try renderer.page("document-unavailable", chrome: Chrome(title: "สร้าง PDF ไม่ได้", context: context),
                                     model: model, status: .serviceUnavailable)
        }
    }

    static func format(_ context: PhaenRequestContext) throws -> DocumentExport.Format {
        let text = try context.parameters.require("format")
        guard let format = DocumentExport.Format(rawValue: text.lowercased()) else {
            throw WebError.notFound("ไม่มีเอกสารรูปแบบ \"\(text)\" (มี docx, pdf, xlsx)", "unknown document format \(text)")
        }
        return format
    }

    static func round(_ request: Request) throws -> ReportingRound? {
        guard let text = request.uri.queryParameters.get("round"), !text.isEmpty else { return nil }
        guard let round = ReportingRound(code: text) else {
            throw WebError.badRequest("รอบรายงาน \"\(text)\" ไม่ถูกต้อง (q1…q4, h1, ye, m01…m12)", "bad round \(text)")
        }
        return round
    }

    static func digits(_ request: Request) throws -> NumeralStyle? {
        guard let text = request.uri.queryParameters.get("digits"), !text.isEmpty else { return nil }
        guard let style = NumeralStyle(rawValue: text) else {
            throw WebError.badRequest("เลือกตัวเลขได้ thai หรือ arabic", "bad digits \(text)")
        }
        return style
    }
}

/// The model of `document-unavailable.mustache`.
struct DocumentUnavailablePage {
    var message: String
    var docxURL: String
}
