import Foundation
import PhaenCore
import SQLKit

/// One month of a step plan's reported progress: the cumulative actual percent at the end of
/// fiscal month `fiscalMonth` (1 = ต.ค. … 12 = ก.ย.).
public struct StepProgressEntry: Codable, Hashable, Sendable {
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var stepPlanID: String
    public var fiscalMonth: Int
    public var percent: Decimal
    public var note: String?
    public var updatedBy: String
    public var updatedAt: Date

    public init(unitCode: String, fiscalYear: FiscalYear, stepPlanID: String, fiscalMonth: Int, percent: Decimal,
                note: String? = nil, updatedBy: String, updatedAt: Date) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.stepPlanID = stepPlanID; self.fiscalMonth = fiscalMonth
        self.percent = percent; self.note = note; self.updatedBy = updatedBy; self.updatedAt = StoreTime.truncated(updatedAt)
    }

    /// The audit key: `UNIT/YEAR/STEPPLAN/MONTH`.
    public var auditKey: String { "\(unitCode)/\(fiscalYear.be)/\(stepPlanID)/\(fiscalMonth)" }
}

extension PhaenStore {
    /// A unit-year's reported step progress, by step plan then month.
    public func stepProgress(unitCode: String, fiscalYear: FiscalYear) async throws -> [StepProgressEntry] {
        try await pool.read { db in
            try await db.select().column("*").from("step_progress")
                .where("unit_code", .equal, unitCode).where("fiscal_year", .equal, fiscalYear.be)
                .orderBy("step_plan_id").orderBy("fiscal_month")
                .rows(StepProgressRow.self).map(\.entry)
        }
    }

    /// Writes (inserts or replaces) one month and appends the audit entry ("step-progress",
    /// `UNIT/YEAR/STEPPLAN/MONTH`, action "save", before and after) in one transaction.
    /// An unchanged value writes nothing. The unit must exist (`StoreConflict.notFound`).
    public func saveStepProgress(_ entry: StepProgressEntry) async throws {
        try await pool.write { db in
            try await db.requireUnit(entry.unitCode)
            let key = db.select().column("*").from("step_progress")
                .where("unit_code", .equal, entry.unitCode).where("fiscal_year", .equal, entry.fiscalYear.be)
                .where("step_plan_id", .equal, entry.stepPlanID).where("fiscal_month", .equal, entry.fiscalMonth)
            let stored = try await key.rows(StepProgressRow.self).first?.entry
            if let stored, stored.percent == entry.percent, stored.note == entry.note { return }
            try await db.delete(from: "step_progress")
                .where("unit_code", .equal, entry.unitCode).where("fiscal_year", .equal, entry.fiscalYear.be)
                .where("step_plan_id", .equal, entry.stepPlanID).where("fiscal_month", .equal, entry.fiscalMonth)
                .run()
            try await db.insert(into: "step_progress").model(StepProgressRow(entry), with: RowCoding.encoder).run()
            try await AuditLog.append(AuditEntry(
                at: entry.updatedAt, actor: entry.updatedBy, objectKind: "step-progress", objectKey: entry.auditKey,
                action: "save", before: try stored.map { try JSONBody.encode($0) }, after: try JSONBody.encode(entry)), in: db)
        }
    }
}

private struct StepProgressRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var stepPlanId: String
    var fiscalMonth: Int
    var percent: String
    var note: String?
    var updatedBy: String
    var updatedAt: Int64

    init(_ e: StepProgressEntry) {
        unitCode = e.unitCode; fiscalYear = e.fiscalYear.be; stepPlanId = e.stepPlanID; fiscalMonth = e.fiscalMonth
        percent = "\(e.percent)"; note = e.note; updatedBy = e.updatedBy; updatedAt = StoreTime.seconds(e.updatedAt)
    }

    var entry: StepProgressEntry {
        StepProgressEntry(unitCode: unitCode, fiscalYear: FiscalYear(fiscalYear), stepPlanID: stepPlanId, fiscalMonth: fiscalMonth,
                          percent: Decimal(string: percent, locale: Locale(identifier: "en_US_POSIX")) ?? 0, note: note,
                          updatedBy: updatedBy, updatedAt: StoreTime.date(updatedAt))
    }
}
