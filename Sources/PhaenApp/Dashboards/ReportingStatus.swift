import Foundation
import PhaenCore
import PhaenStore

/// How far each unit is with one round's reports.
public struct ReportingStatusRow: Sendable, Hashable {
    public var unitCode: String
    public var unitName: String
    /// KPIs of the agreement (or reported) that the round covers.
    public var total: Int
    public var notStarted: Int
    /// Drafts never returned.
    public var draft: Int
    public var submitted: Int
    public var certified: Int
    /// Accepted and locked.
    public var accepted: Int
    /// Drafts whose latest event is a return.
    public var returned: Int
    /// Not submitted (not started, draft or returned) after the deadline — overlaps the above.
    public var late: Int
}

public struct ReportingStatus: Sendable {
    public var fiscalYear: FiscalYear
    public var round: ReportingRound
    public var deadline: CivilDate
    public var rows: [ReportingStatusRow]

    public var totals: ReportingStatusRow {
        rows.reduce(into: ReportingStatusRow(unitCode: "", unitName: "รวม", total: 0, notStarted: 0, draft: 0, submitted: 0,
                                             certified: 0, accepted: 0, returned: 0, late: 0)) { sum, row in
            sum.total += row.total; sum.notStarted += row.notStarted; sum.draft += row.draft
            sum.submitted += row.submitted; sum.certified += row.certified; sum.accepted += row.accepted
            sum.returned += row.returned; sum.late += row.late
        }
    }
}

extension Dashboards {
    /// Per visible unit, the count of the round's reports in each state. Counts, not
    /// contents: a draft's existence is shown to every role, its text only to those who may.
    public func reportingStatus(person: Person, year: FiscalYear, round: ReportingRound, today: CivilDate) async throws -> ReportingStatus {
        let reports = try await store.storedReports(fiscalYear: year, units: AccessPolicy.visibleUnits(person))
        let units = try await participatingUnits(person: person, year: year, reports: reports)
        let deadline = ReportDeadline.date(of: round, in: year)
        let pastDeadline = today > deadline
        let inRound = Dictionary(grouping: reports.filter { $0.report.round == round }, by: \.report.unitCode)

        let rows = units.map { entry -> ReportingStatusRow in
            let stored = inRound[entry.unit.code] ?? []
            let byKPI = Dictionary(stored.map { ($0.report.kpiCode, $0) }, uniquingKeysWith: { _, b in b })
            var codes = entry.agreement?.allKPIs.map(\.code) ?? []
            codes += stored.map(\.report.kpiCode).filter { !codes.contains($0) }
            var row = ReportingStatusRow(unitCode: entry.unit.code, unitName: entry.unit.nameTH, total: codes.count,
                                         notStarted: 0, draft: 0, submitted: 0, certified: 0, accepted: 0, returned: 0, late: 0)
            for code in codes {
                guard let report = byKPI[code] else {
                    row.notStarted += 1
                    if pastDeadline { row.late += 1 }
                    continue
                }
                switch report.report.state {
                case .draft:
                    if report.events.last?.transition == .return { row.returned += 1 } else { row.draft += 1 }
                    if pastDeadline { row.late += 1 }
                case .submitted: row.submitted += 1
                case .certified: row.certified += 1
                case .accepted, .locked: row.accepted += 1
                }
            }
            return row
        }
        return ReportingStatus(fiscalYear: year, round: round, deadline: deadline, rows: rows)
    }
}
