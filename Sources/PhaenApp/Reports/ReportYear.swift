import Foundation
import PhaenCore
import PhaenStore

/// A unit's reports for a fiscal year as a grid: the agreement's KPIs × the rounds, each cell
/// with its state. Drafts show as empty to people who may not read drafts.
public struct ReportYearView: Sendable {
    public struct Row: Sendable {
        public var kpiCode: String
        public var kpiName: String
        public var weight: Decimal?
        public var cells: [ReportCell]
    }

    public var unit: PhaenCore.Unit
    public var fiscalYear: FiscalYear
    public var rounds: [ReportingRound]
    public var rows: [Row]
}

public struct ReportCell: Sendable {
    public var round: ReportingRound
    /// nil: not started (or a draft the person may not see).
    public var state: ReportState?
    /// A draft whose latest event is a return.
    public var returned: Bool
    /// Not submitted after the round's deadline.
    public var late: Bool
    /// Whether the person may open the report page (a cell they may not read is not a link).
    public var linkable: Bool
    public var version: Int?
}

extension ReportEntry {
    /// The rounds every unit reports: the four quarters, the half-year and the year-end.
    public static let standardRounds: [ReportingRound] = [.quarter(1), .quarter(2), .halfYear, .quarter(3), .quarter(4), .yearEnd]

    public func year(person: Person, unit: String, year: FiscalYear, today: CivilDate) async throws -> ReportYearView {
        guard AccessPolicy.canRead(person, unit: unit), let unitRecord = try await store.unit(code: unit) else {
            throw AppError(.notFound, th: "ไม่พบหน่วยงานรหัส \(unit)", en: "no unit \(unit) visible")
        }
        let agreement = try await store.agreement(unitCode: unit, fiscalYear: year)
        let stored = try await store.storedReports(fiscalYear: year, units: [unit])
        let byKey = Dictionary(stored.map { ("\($0.report.round.code)/\($0.report.kpiCode)", $0) }, uniquingKeysWith: { _, b in b })
        let rounds = Array(Set(Self.standardRounds + stored.map(\.report.round))).sorted()
        let seesDrafts = AccessPolicy.canReadDraft(person, unit: unit)

        // The agreement's KPIs in its order, then any KPI reported without being agreed.
        var kpis: [(code: String, name: String, weight: Decimal?)] =
            agreement?.allKPIs.map { ($0.code, $0.name, $0.weight) } ?? []
        for report in stored.map(\.report) where !kpis.contains(where: { $0.code == report.kpiCode }) {
            kpis.append((report.kpiCode, report.kpiName ?? report.kpiCode, nil))
        }
        let rows = kpis.map { kpi in
            ReportYearView.Row(kpiCode: kpi.code, kpiName: kpi.name, weight: kpi.weight, cells: rounds.map { round in
                let entry = byKey["\(round.code)/\(kpi.code)"]
                var state = entry?.report.state
                if state == .draft && !seesDrafts { state = nil }
                let agreed = agreement?.kpi(code: kpi.code) != nil
                return ReportCell(round: round, state: state,
                                  returned: state == .draft && entry?.events.last?.transition == .return,
                                  late: agreed && ReportDeadline.isLate(round, in: year, state: state, today: today),
                                  linkable: state != nil || (seesDrafts && agreed),
                                  version: state == nil ? nil : entry?.version)
            })
        }
        return ReportYearView(unit: unitRecord, fiscalYear: year, rounds: rounds, rows: rows)
    }
}
