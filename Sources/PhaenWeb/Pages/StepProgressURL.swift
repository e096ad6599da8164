import PhaenCore

/// The step-progress part of the site's paths; `SiteURL.progress(…)` builds them.
enum StepProgressURL: Hashable, Sendable {
    /// A unit's step plans × months, planned vs actual, with the report form.
    case unitYear(String, FiscalYear)
    /// The "project progress against plan" dashboard across visible units.
    case dashboard(year: FiscalYear? = nil)
    case api(String, FiscalYear)

    var route: SiteURL.Route {
        switch self {
        case .unitYear: .stepProgress
        case .dashboard: .projectProgress
        case .api: .apiStepProgress
        }
    }

    var arguments: [String] {
        switch self {
        case .unitYear(let code, let year), .api(let code, let year): [code, String(year.be)]
        case .dashboard: []
        }
    }

    var query: [(String, String)] {
        guard case .dashboard(let year?) = self else { return [] }
        return [("year", String(year.be))]
    }

    var path: String { SiteURL.progress(self).path }
}
