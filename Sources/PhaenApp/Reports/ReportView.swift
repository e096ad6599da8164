import Foundation
import PhaenCore
import PhaenStore

/// Everything the report page (and the API) shows for one KPI and round, already filtered by
/// what the person may see and do.
public struct ReportView: Sendable {
    public var key: ReportRef
    public var unit: PhaenCore.Unit
    /// The KPI as agreed (criteria, weight); nil only for a stored report whose KPI is not in
    /// the unit's agreement (imported history).
    public var kpi: AgreementKPI?
    public var pointsScheme: PointsScheme?
    /// The unit's group for the year (A–D), which picks the threshold row that applies.
    public var unitGroup: String?
    /// The stored report, or an empty draft when none has been saved yet.
    public var report: ProgressReport
    /// nil until the first save: the form then creates the report.
    public var version: Int?
    public var state: ReportState { report.state }
    /// Oldest first.
    public var events: [ReportEvent]
    public var evidence: [EvidenceFile]
    public var audit: [AuditEntry]
    public var preview: ReportPreview?
    public var available: [ReportTransition]
    /// Whether the person may change the text and attach files now.
    public var editable: Bool
    /// The form as stored, for the page to fill in.
    public var form: ReportForm { ReportForm(report: report) }

    /// The reason of the latest return when the report is back in draft because of it: shown
    /// to the reporter above the form.
    public var returnReason: ReportEvent? {
        guard report.state == .draft, let last = events.last, last.transition == .return else { return nil }
        return last
    }

    /// The round's reporting deadline.
    public var deadline: CivilDate { ReportDeadline.date(of: key.round, in: key.fiscalYear) }
}
