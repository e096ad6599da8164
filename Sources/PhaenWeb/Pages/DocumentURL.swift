import PhaenApp
import PhaenCore

/// The download part of the site's paths; `SiteURL.document(…)` builds them. The format is the
/// last segment (docx, pdf, xlsx); a report's round and the dashboard's year travel in the query.
enum DocumentURL: Hashable, Sendable {
    case plan(String, FiscalYear, String)
    case agreement(String, FiscalYear, String)
    case report(String, FiscalYear, String, round: ReportingRound? = nil)
    case city(String, year: FiscalYear? = nil)

    var route: SiteURL.Route {
        switch self {
        case .plan: .planDocument
        case .agreement: .agreementDocument
        case .report: .reportDocument
        case .city: .cityDocument
        }
    }

    var arguments: [String] {
        switch self {
        case .plan(let code, let year, let format), .agreement(let code, let year, let format), .report(let code, let year, let format, _):
            [code, String(year.be), format]
        case .city(let format, _): [format]
        }
    }

    var query: [(String, String)] {
        switch self {
        case .report(_, _, _, let round?): [("round", round.code)]
        case .city(_, let year?): [("year", String(year.be))]
        default: []
        }
    }

    var path: String { SiteURL.document(self).path }
}
