import PhaenCore
import SQLKit

/// Progress reports, one record per unit, year, round and KPI.
enum ReportStore {
    /// A unit-year's reports, ordered by round (m01 … q4, h1, ye) then KPI code by its numbers.
    static func load(unitCode: String, fiscalYear: FiscalYear, in db: any SQLDatabase) async throws -> [ProgressReport] {
        try await db.select().column("*").from("reports").whereUnitYear(unitCode, fiscalYear)
            .rows(ReportRow.self).map { try $0.report() }
            .sorted { $0.round != $1.round ? $0.round < $1.round : numericOrder($0.kpiCode, $1.kpiCode) }
    }

    static func row(_ key: ReportKey, forUpdate: Bool = false, in db: any SQLDatabase) async throws -> ReportRow? {
        let query = db.select().column("*").from("reports").whereKey(key)
        if forUpdate { query.for(.update) }  // PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the write lock
        return try await query.rows(ReportRow.self).first
    }

    /// The import's write. A report is replaced only when the dataset's version of it differs
    /// from what the last import wrote (`imported_body`): a report edited or moved through the
    /// workflow in Phaen keeps those changes when the same dataset is imported again, and a
    /// report the dataset changed is replaced (its workflow events stay, in `report_events`).
    /// Updated in place, so `updated_at` survives.
    static func save(_ report: ProgressReport, in db: any SQLDatabase) async throws -> WriteOutcome {
        let key = ReportKey(report)
        guard let stored = try await row(key, in: db) else {
            let new = try ReportRow(report, version: 1)
            var row = new
            row.importedBody = new.body
            try await db.insert([row], into: "reports")
            return .written
        }
        let incoming = try ReportRow(report, version: stored.version + 1, updatedAt: stored.updatedAt)
        if stored.importedBody == incoming.body { return .unchanged }
        if try stored.report() == report {
            // Same content, first import since migration 2 or the same edit made both ways.
            try await db.update("reports").set("imported_body", to: incoming.body).whereKey(key).run()
            return .unchanged
        }
        var row = incoming
        row.importedBody = incoming.body
        try await db.update("reports").set(model: row, with: RowCoding.encoder).whereKey(key).run()
        return .written
    }
}

/// A report's key; `description` is the audit object key "UNIT/YEAR/ROUND/KPI".
struct ReportKey: Hashable, CustomStringConvertible {
    var unitCode: String
    var fiscalYear: FiscalYear
    var round: ReportingRound
    var kpiCode: String

    init(unitCode: String, fiscalYear: FiscalYear, round: ReportingRound, kpiCode: String) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.round = round; self.kpiCode = kpiCode
    }

    init(_ report: ProgressReport) {
        self.init(unitCode: report.unitCode, fiscalYear: report.fiscalYear, round: report.round, kpiCode: report.kpiCode)
    }

    var description: String { "\(unitCode)/\(fiscalYear.be)/\(round.code)/\(kpiCode)" }
}

extension SQLPredicateBuilder {
    @discardableResult
    func whereKey(_ key: ReportKey) -> Self {
        whereUnitYear(key.unitCode, key.fiscalYear)
            .where("round", .equal, key.round.code).where("kpi_code", .equal, key.kpiCode)
    }
}
