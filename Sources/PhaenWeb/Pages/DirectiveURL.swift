import PhaenCore

/// The directive follow-up and innovation part of the site's paths; `SiteURL.followUp(…)`
/// builds them.
enum DirectiveURL: Hashable, Sendable {
    case list(year: FiscalYear? = nil)
    case new
    case dashboard(year: FiscalYear? = nil)
    /// The directive status table as XLSX (DocumentDownloadController).
    case download(year: FiscalYear? = nil)
    case groups
    case importRegister
    case detail(String)
    /// One addressed unit: its status history and the report form.
    case unit(String, String)
    case innovations(String, FiscalYear)
    case apiList(year: FiscalYear? = nil)
    case apiDashboard(year: FiscalYear? = nil)
    case apiDetail(String)
    case apiUnit(String, String)
    case apiInnovations(String, FiscalYear)

    var route: SiteURL.Route {
        switch self {
        case .list: .directives
        case .new: .directiveNew
        case .dashboard: .directiveDashboard
        case .download: .directiveDocument
        case .groups: .directiveGroups
        case .importRegister: .directiveImport
        case .detail: .directive
        case .unit: .directiveUnit
        case .innovations: .innovations
        case .apiList: .apiDirectives
        case .apiDashboard: .apiDirectiveDashboard
        case .apiDetail: .apiDirective
        case .apiUnit: .apiDirectiveUnit
        case .apiInnovations: .apiInnovations
        }
    }

    var arguments: [String] {
        switch self {
        case .detail(let id), .apiDetail(let id): [id]
        case .unit(let id, let code), .apiUnit(let id, let code): [id, code]
        case .innovations(let code, let year), .apiInnovations(let code, let year): [code, String(year.be)]
        default: []
        }
    }

    var query: [(String, String)] {
        switch self {
        case .list(let year?), .dashboard(let year?), .download(let year?), .apiList(let year?), .apiDashboard(let year?):
            [("year", String(year.be))]
        default: []
        }
    }

    var path: String { SiteURL.followUp(self).path }
}
