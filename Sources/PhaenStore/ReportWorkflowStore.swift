import Foundation
import PhaenCore
import SQLKit

/// A report as stored: the value, its optimistic version (bumped by every write: a save, a
/// transition, an import that changed it), its workflow history oldest first, and when it was
/// last saved in Phaen (nil for a report only ever imported).
public struct StoredReport: Sendable, Equatable {
    public var report: ProgressReport
    public var version: Int
    public var events: [ReportEvent]
    public var updatedAt: Date?

    public init(report: ProgressReport, version: Int, events: [ReportEvent], updatedAt: Date?) {
        self.report = report; self.version = version; self.events = events; self.updatedAt = updatedAt
    }
}

/// Reports edited and moved through the workflow in Phaen. Events live in `report_events`,
/// apart from the report's body, so an import that replaces a report keeps its history.
extension PhaenStore {
    public func storedReport(unitCode: String, fiscalYear: FiscalYear, round: ReportingRound, kpiCode: String) async throws -> StoredReport? {
        let key = ReportKey(unitCode: unitCode, fiscalYear: fiscalYear, round: round, kpiCode: kpiCode)
        return try await pool.read { db in
            guard let row = try await ReportStore.row(key, in: db) else { return nil }
            let events = try await db.select().column("*").from("report_events").whereKey(key).orderBy("seq")
                .rows(ReportEventRow.self).map { try $0.event() }
            return try row.stored(events: events)
        }
    }

    /// The year's reports of `units` (nil: every unit), by unit, round and KPI code.
    /// Access is the caller's: pass `AccessPolicy.visibleUnits(person)`.
    public func storedReports(fiscalYear: FiscalYear, units: Set<String>?) async throws -> [StoredReport] {
        if let units, units.isEmpty { return [] }
        return try await pool.read { db in
            let reportQuery = db.select().column("*").from("reports").where("fiscal_year", .equal, fiscalYear.be)
            let eventQuery = db.select().column("*").from("report_events").where("fiscal_year", .equal, fiscalYear.be)
                .orderBy("unit_code").orderBy("round").orderBy("kpi_code").orderBy("seq")
            if let units {
                reportQuery.where("unit_code", .in, units.sorted())
                eventQuery.where("unit_code", .in, units.sorted())
            }
            let events = Dictionary(grouping: try await eventQuery.rows(ReportEventRow.self)) { "\($0.unitCode)/\($0.round)/\($0.kpiCode)" }
            return try await reportQuery.rows(ReportRow.self).map { row in
                try row.stored(events: (events["\(row.unitCode)/\(row.round)/\(row.kpiCode)"] ?? []).map { try $0.event() })
            }
        }
        .sorted {
            let (a, b) = ($0.report, $1.report)
            if a.unitCode != b.unitCode { return a.unitCode < b.unitCode }
            return a.round != b.round ? a.round < b.round : numericOrder(a.kpiCode, b.kpiCode)
        }
    }

    /// Creates (`expectedVersion` nil; `staleVersion(current:)` if the report exists already) or
    /// updates the report (`expectedVersion` must be the stored version, else `staleVersion`;
    /// `notFound` if there is no such report). The report is stored as given, state included.
    /// Returns the new version; appends the audit entry ("report", "UNIT/YEAR/ROUND/KPI", "save",
    /// before/after JSON) in the same transaction.
    public func saveReport(_ report: ProgressReport, expectedVersion: Int?, actor: String, now: Date) async throws -> Int {
        let key = ReportKey(report)
        return try await pool.write { db in
            try await db.requireUnit(report.unitCode)
            var row = try ReportRow(report, version: 1, updatedAt: StoreTime.seconds(now))
            let before: String?
            if let expectedVersion {
                let stored = try await Self.lockedReport(key, expectedVersion: expectedVersion, in: db)
                row.version = stored.version + 1
                row.importedBody = stored.importedBody
                try await db.update("reports").set(model: row, with: RowCoding.encoder).whereKey(key).run()
                before = stored.body
            } else {
                // ON CONFLICT DO NOTHING: of two creators, the second gets no row back (in
                // PostgreSQL after waiting for the first to commit) and is told the version.
                let created = try await db.insert(into: "reports").model(row, with: RowCoding.encoder)
                    .ignoringConflicts(with: ["unit_code", "fiscal_year", "round", "kpi_code"])
                    .returning("version").first(decodingColumn: "version", as: Int.self)
                if created == nil {
                    throw StoreConflict.staleVersion(current: try await ReportStore.row(key, in: db)?.version ?? 0)
                }
                before = nil
            }
            try await AuditLog.append(AuditEntry(at: now, actor: actor, objectKind: "report", objectKey: key.description,
                                                 action: "save", before: before, after: row.body), in: db)
            return row.version
        }
    }

    /// Sets the report's state to `event.to`, appends the event to its history and an audit
    /// entry (action `event.transition.rawValue`, at `event.at`, by `event.actor`), all in one
    /// transaction. `expectedVersion` must be the stored version (else `staleVersion`); the
    /// caller has checked the transition with `ReportWorkflow.apply`. Returns the new version.
    public func recordTransition(unitCode: String, fiscalYear: FiscalYear, round: ReportingRound, kpiCode: String,
                                 event: ReportEvent, expectedVersion: Int) async throws -> Int {
        let key = ReportKey(unitCode: unitCode, fiscalYear: fiscalYear, round: round, kpiCode: kpiCode)
        return try await pool.write { db in
            let stored = try await Self.lockedReport(key, expectedVersion: expectedVersion, in: db)
            var report = try stored.report()
            report.state = event.to
            let row = try ReportRow(report, version: stored.version + 1, updatedAt: StoreTime.seconds(event.at),
                                    importedBody: stored.importedBody)
            try await db.update("reports").set(model: row, with: RowCoding.encoder).whereKey(key).run()
            let last = try await db.select().column(SQLFunction("MAX", args: SQLColumn("seq")), as: "seq")
                .from("report_events").whereKey(key).first(decodingColumn: "seq", as: Int?.self) ?? nil
            try await db.insert(into: "report_events")
                .model(try ReportEventRow(key, seq: (last ?? 0) + 1, event: event), with: RowCoding.encoder).run()
            try await AuditLog.append(AuditEntry(at: event.at, actor: event.actor, objectKind: "report",
                                                 objectKey: key.description, action: event.transition.rawValue,
                                                 before: stored.body, after: row.body), in: db)
            return row.version
        }
    }

    /// The stored report, locked for the rest of the transaction, if its version is `expectedVersion`.
    private static func lockedReport(_ key: ReportKey, expectedVersion: Int, in db: any SQLDatabase) async throws -> ReportRow {
        guard let stored = try await ReportStore.row(key, forUpdate: true, in: db) else {
            throw StoreConflict.notFound("ไม่พบรายงาน \(key)")
        }
        guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
        return stored
    }
}

private extension ReportRow {
    func stored(events: [ReportEvent]) throws -> StoredReport {
        StoredReport(report: try report(), version: version, events: events, updatedAt: updatedAt.map(StoreTime.date))
    }
}

/// `report_events`: one transition of one report; `seq` counts from 1 per report. The event
/// in full (its time exact, as Codable writes it) is `body`; `transition` is a copy for queries.
struct ReportEventRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var round: String
    var kpiCode: String
    var seq: Int
    var transition: String
    var body: String

    init(_ key: ReportKey, seq: Int, event: ReportEvent) throws {
        unitCode = key.unitCode; fiscalYear = key.fiscalYear.be; round = key.round.code; kpiCode = key.kpiCode
        self.seq = seq; transition = event.transition.rawValue; body = try JSONBody.encode(event)
    }

    func event() throws -> ReportEvent { try JSONBody.decode(ReportEvent.self, from: body) }
}
