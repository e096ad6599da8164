import PhaenApp
import PhaenCore

/// The reporting part of the site's paths (reports, transitions, evidence, status, home
/// tasks' targets), kept apart from `SiteURL`'s own cases so both can grow without touching
/// the same lines; `SiteURL.reporting(…)` builds them like every other link.
enum ReportURL: Hashable, Sendable {
    /// A unit's KPIs × rounds for a year.
    case year(String, FiscalYear)
    case report(ReportRef)
    case transition(ReportRef, ReportTransition)
    case evidenceUpload(ReportRef)
    /// JSON preview for the page's script.
    case preview(ReportRef)
    case evidence(Int64)
    case status(year: FiscalYear? = nil, round: ReportingRound? = nil)
    case script
    case apiYear(String, FiscalYear)
    case apiReport(ReportRef)
    case apiTransition(ReportRef, ReportTransition)

    var route: SiteURL.Route {
        switch self {
        case .year: .reports
        case .report: .report
        case .transition: .reportTransition
        case .evidenceUpload: .reportEvidence
        case .preview: .reportPreview
        case .evidence: .evidence
        case .status: .status
        case .script: .reportScript
        case .apiYear: .apiReports
        case .apiReport: .apiReport
        case .apiTransition: .apiReportTransition
        }
    }

    var arguments: [String] {
        switch self {
        case .year(let code, let year), .apiYear(let code, let year): [code, String(year.be)]
        case .report(let r), .evidenceUpload(let r), .preview(let r), .apiReport(let r): Self.parts(r)
        case .transition(let r, let t), .apiTransition(let r, let t): Self.parts(r) + [t.rawValue]
        case .evidence(let id): [String(id)]
        case .status, .script: []
        }
    }

    var query: [(String, String)] {
        guard case .status(let year, let round) = self else { return [] }
        return (year.map { [("year", String($0.be))] } ?? []) + (round.map { [("round", $0.code)] } ?? [])
    }

    private static func parts(_ r: ReportRef) -> [String] { [r.unitCode, String(r.fiscalYear.be), r.round.code, r.kpiCode] }

    var path: String { SiteURL.reporting(self).path }
}
