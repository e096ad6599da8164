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

    static func save(_ report: ProgressReport, in db: any SQLDatabase) async throws -> WriteOutcome {
        let stored = try await db.select().column("*").from("reports").whereKey(of: report)
            .rows(ReportRow.self).first
        if let stored, try stored.report() == report { return .unchanged }
        try await db.delete(from: "reports").whereKey(of: report).run()
        try await db.insert([try ReportRow(report, version: (stored?.version ?? 0) + 1)], into: "reports")
        return .written
    }
}

private extension SQLPredicateBuilder {
    func whereKey(of report: ProgressReport) -> Self {
        whereUnitYear(report.unitCode, report.fiscalYear)
            .where("round", .equal, report.round.code).where("kpi_code", .equal, report.kpiCode)
    }
}
