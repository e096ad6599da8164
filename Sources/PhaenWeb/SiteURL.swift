import Foundation
import PhaenCore

/// Every path of the site, built in one place: the router registers `route.pattern` and the
/// templates link with `url.path`, so a link cannot point at a route that does not exist.
enum SiteURL: Hashable, Sendable {
    case home
    case units(kind: UnitKind? = nil)
    case unit(String)
    case plan(String, FiscalYear)
    case agreement(String, FiscalYear)
    case scores(String, FiscalYear)
    case dashboard(DashboardQuery = .init())
    case signIn(next: String? = nil)
    case signOut
    case password
    case health
    case metrics
    case stylesheet
    case api(APIPath)
    /// Reports, workflow, evidence and reporting status (ReportURL.swift).
    case reporting(ReportURL)
    /// Editing a plan and an agreement (PlanEditController, AgreementEditController).
    case planEdit(String, FiscalYear)
    case agreementEdit(String, FiscalYear)
    /// Project step progress against plan (StepProgressURL.swift).
    case progress(StepProgressURL)
    /// Budget disbursement, the city table, money against results (DisbursementURL.swift).
    case disbursement(DisbursementURL)
    /// Official documents to download: DOCX, PDF, XLSX (DocumentURL.swift).
    case document(DocumentURL)
    /// Directive follow-up and innovation (DirectiveURL.swift).
    case followUp(DirectiveURL)

    /// The JSON API's resources under /api/v1.
    enum APIPath: Hashable, Sendable {
        case units
        case unit(String)
        case plan(String, FiscalYear)
        case agreement(String, FiscalYear)
        case scores(String, FiscalYear)
        case findings(String, FiscalYear)
        case agreementKPI(String, FiscalYear, String)
        case openAPI
    }

    /// A route as the router knows it: the pattern with `{name}` path parameters.
    enum Route: String, CaseIterable, Sendable {
        case home = "/"
        case units = "/units"
        case unit = "/units/{code}"
        case plan = "/units/{code}/plans/{year}"
        case agreement = "/units/{code}/agreements/{year}"
        case scores = "/units/{code}/scores/{year}"
        case dashboard = "/dashboard"
        case signIn = "/signin"
        case signOut = "/signout"
        case password = "/account/password"
        case health = "/health"
        case metrics = "/metrics"
        case stylesheet = "/static/phaen.css"
        case apiUnits = "/api/v1/units"
        case apiUnit = "/api/v1/units/{code}"
        case apiPlan = "/api/v1/units/{code}/plans/{year}"
        case apiAgreement = "/api/v1/units/{code}/agreements/{year}"
        case apiScores = "/api/v1/units/{code}/scores/{year}"
        case apiFindings = "/api/v1/units/{code}/findings/{year}"
        case apiOpenAPI = "/api/v1/openapi.json"
        case reports = "/units/{code}/reports/{year}"
        case report = "/units/{code}/reports/{year}/{round}/{kpi}"
        case reportTransition = "/units/{code}/reports/{year}/{round}/{kpi}/{transition}"
        case reportEvidence = "/units/{code}/reports/{year}/{round}/{kpi}/evidence"
        case reportPreview = "/units/{code}/reports/{year}/{round}/{kpi}/preview"
        case evidence = "/evidence/{id}"
        case status = "/status"
        case reportScript = "/static/report-preview.js"
        case apiReports = "/api/v1/units/{code}/reports/{year}"
        case apiReport = "/api/v1/units/{code}/reports/{year}/{round}/{kpi}"
        case apiReportTransition = "/api/v1/units/{code}/reports/{year}/{round}/{kpi}/{transition}"
        case planEdit = "/units/{code}/plans/{year}/edit"
        case agreementEdit = "/units/{code}/agreements/{year}/edit"
        case apiAgreementKPI = "/api/v1/units/{code}/agreements/{year}/kpis/{kpi}"
        case stepProgress = "/units/{code}/plans/{year}/progress"
        case projectProgress = "/progress"
        case apiStepProgress = "/api/v1/units/{code}/progress/{year}"
        case disbursement = "/units/{code}/disbursement/{year}"
        case disbursementImport = "/units/{code}/disbursement/{year}/import"
        case disbursementCity = "/disbursement"
        case moneyResults = "/units/{code}/money-results/{year}"
        case apiDisbursement = "/api/v1/units/{code}/disbursement/{year}"
        case apiDisbursementEntries = "/api/v1/units/{code}/disbursement/{year}/disbursements"
        case apiDisbursementImport = "/api/v1/units/{code}/disbursement/{year}/import"
        case apiDisbursementCity = "/api/v1/disbursement"
        case planDocument = "/units/{code}/plans/{year}/download/{format}"
        case agreementDocument = "/units/{code}/agreements/{year}/download/{format}"
        case reportDocument = "/units/{code}/reports/{year}/download/{format}"
        case cityDocument = "/dashboard/download/{format}"
        case directives = "/directives"
        case directiveNew = "/directives/new"
        case directiveDashboard = "/directives/dashboard"
        case directiveDocument = "/directives/download/xlsx"
        case directiveGroups = "/directives/groups"
        case directiveImport = "/directives/import"
        case directive = "/directives/{directive}"
        case directiveUnit = "/directives/{directive}/units/{code}"
        case innovations = "/units/{code}/innovations/{year}"
        case apiDirectives = "/api/v1/directives"
        case apiDirectiveDashboard = "/api/v1/directives/dashboard"
        case apiDirective = "/api/v1/directives/{directive}"
        case apiDirectiveUnit = "/api/v1/directives/{directive}/units/{code}"
        case apiInnovations = "/api/v1/units/{code}/innovations/{year}"

        var pattern: String { rawValue }

        /// The parameter names of the pattern, in order.
        var parameters: [String] {
            pattern.split(separator: "/").compactMap { segment in
                segment.hasPrefix("{") ? String(segment.dropFirst().dropLast()) : nil
            }
        }
    }

    var route: Route {
        switch self {
        case .home: .home
        case .units: .units
        case .unit: .unit
        case .plan: .plan
        case .agreement: .agreement
        case .scores: .scores
        case .dashboard: .dashboard
        case .signIn: .signIn
        case .signOut: .signOut
        case .password: .password
        case .health: .health
        case .metrics: .metrics
        case .stylesheet: .stylesheet
        case .api(let api):
            switch api {
            case .units: .apiUnits
            case .unit: .apiUnit
            case .plan: .apiPlan
            case .agreement: .apiAgreement
            case .scores: .apiScores
            case .findings: .apiFindings
            case .agreementKPI: .apiAgreementKPI
            case .openAPI: .apiOpenAPI
            }
        case .reporting(let r): r.route
        case .planEdit: .planEdit
        case .agreementEdit: .agreementEdit
        case .progress(let p): p.route
        case .disbursement(let d): d.route
        case .document(let d): d.route
        case .followUp(let f): f.route
        }
    }

    /// The values of the route's path parameters, in order.
    private var arguments: [String] {
        switch self {
        case .unit(let code), .api(.unit(let code)): [code]
        case .plan(let code, let year), .agreement(let code, let year), .scores(let code, let year),
             .api(.plan(let code, let year)), .api(.agreement(let code, let year)),
             .api(.scores(let code, let year)), .api(.findings(let code, let year)):
            [code, String(year.be)]
        case .planEdit(let code, let year), .agreementEdit(let code, let year): [code, String(year.be)]
        case .api(.agreementKPI(let code, let year, let kpi)): [code, String(year.be), kpi]
        case .reporting(let r): r.arguments
        case .progress(let p): p.arguments
        case .disbursement(let d): d.arguments
        case .document(let d): d.arguments
        case .followUp(let f): f.arguments
        default: []
        }
    }

    private var query: [(String, String)] {
        switch self {
        case .units(let kind): kind.map { [("kind", $0.rawValue)] } ?? []
        case .dashboard(let q): q.items
        case .signIn(let next): next.map { [("next", $0)] } ?? []
        case .reporting(let r): r.query
        case .progress(let p): p.query
        case .disbursement(let d): d.query
        case .document(let d): d.query
        case .followUp(let f): f.query
        default: []
        }
    }

    /// The path with its query, percent-encoded, ready for an `href`.
    var path: String {
        var values = arguments.makeIterator()
        let segments = route.pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            guard segment.hasPrefix("{") else { return String(segment) }
            return Self.encode(values.next() ?? "")
        }
        var text = segments.joined(separator: "/")
        let items = query
        if !items.isEmpty {
            text += "?" + items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        return text
    }

    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}

/// The dashboard's filters and sort order, as they travel in its query string.
struct DashboardQuery: Hashable, Sendable {
    var year: FiscalYear?
    var kind: UnitKind?
    var zone: String?
    /// A column key (`unit`, `total`, `c1` …), `-` in front for descending.
    var sort: String?

    init(year: FiscalYear? = nil, kind: UnitKind? = nil, zone: String? = nil, sort: String? = nil) {
        self.year = year; self.kind = kind; self.zone = zone; self.sort = sort
    }

    var items: [(String, String)] {
        var out: [(String, String)] = []
        if let year { out.append(("year", String(year.be))) }
        if let kind { out.append(("kind", kind.rawValue)) }
        if let zone, !zone.isEmpty { out.append(("zone", zone)) }
        if let sort, !sort.isEmpty { out.append(("sort", sort)) }
        return out
    }
}
