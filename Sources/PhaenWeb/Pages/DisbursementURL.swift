import PhaenCore

/// The disbursement part of the site's paths; `SiteURL.disbursement(…)` builds them.
enum DisbursementURL: Hashable, Sendable {
    /// A unit-year's table as of a date, the record forms and the import.
    case unitYear(String, FiscalYear, asOf: CivilDate? = nil)
    case importFile(String, FiscalYear)
    /// Every visible unit's percent against its group's thresholds.
    case city(year: FiscalYear? = nil, asOf: CivilDate? = nil)
    case moneyResults(String, FiscalYear, asOf: CivilDate? = nil)
    case api(String, FiscalYear)
    case apiEntries(String, FiscalYear)
    case apiImport(String, FiscalYear)
    case apiCity

    var route: SiteURL.Route {
        switch self {
        case .unitYear: .disbursement
        case .importFile: .disbursementImport
        case .city: .disbursementCity
        case .moneyResults: .moneyResults
        case .api: .apiDisbursement
        case .apiEntries: .apiDisbursementEntries
        case .apiImport: .apiDisbursementImport
        case .apiCity: .apiDisbursementCity
        }
    }

    var arguments: [String] {
        switch self {
        case .unitYear(let code, let year, _), .importFile(let code, let year), .moneyResults(let code, let year, _),
             .api(let code, let year), .apiEntries(let code, let year), .apiImport(let code, let year):
            [code, String(year.be)]
        case .city, .apiCity: []
        }
    }

    var query: [(String, String)] {
        switch self {
        case .unitYear(_, _, let asOf?), .moneyResults(_, _, let asOf?): [("asOf", asOf.description)]
        case .city(let year, let asOf):
            (year.map { [("year", String($0.be))] } ?? []) + (asOf.map { [("asOf", $0.description)] } ?? [])
        default: []
        }
    }

    var path: String { SiteURL.disbursement(self).path }
}
