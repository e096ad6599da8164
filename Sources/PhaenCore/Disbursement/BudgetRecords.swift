import Foundation

/// Everything recorded about one unit's budget in one fiscal year: allocations per type,
/// transfers (ปรับโอน) and disbursements. The disbursement table and the disbursement KPI are
/// computed from it as of any date.
public struct BudgetRecords: Hashable, Sendable {
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var allocations: [BudgetAllocation]
    public var transfers: [BudgetTransfer]
    public var disbursements: [Disbursement]

    public init(unitCode: String, fiscalYear: FiscalYear, allocations: [BudgetAllocation] = [],
                transfers: [BudgetTransfer] = [], disbursements: [Disbursement] = []) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear
        self.allocations = allocations; self.transfers = transfers; self.disbursements = disbursements
    }

    public var isEmpty: Bool { allocations.isEmpty && transfers.isEmpty && disbursements.isEmpty }

    public func table(asOf date: CivilDate) -> DisbursementMath.Table {
        DisbursementMath.table(allocations: allocations, transfers: transfers, disbursements: disbursements, asOf: date)
    }

    /// The date of the latest disbursement record in the year (what "the figure as of now"
    /// means without a clock), or nil when nothing was paid yet.
    public var latestDisbursementDate: CivilDate? {
        disbursements.map(\.date).filter { fiscalYear.contains($0) }.max()
    }

    /// Money disbursed to one project of the plan up to a date (records that name it).
    public func disbursed(toProject id: String, asOf date: CivilDate) -> Money {
        DisbursementMath.disbursed(disbursements.filter { $0.projectID == id && $0.date <= date })
    }

    /// The allocation of one type as stored (one row per type: a second allocation of a type
    /// replaces the first).
    public func allocation(_ type: BudgetType) -> BudgetAllocation? { allocations.first { $0.type == type } }
}

/// A date as the disbursement pages print it: "31 มี.ค. 2567" (Arabic digits, full BE year).
public enum DisbursementText {
    public static func date(_ d: CivilDate) -> String {
        guard (1...12).contains(d.month) else { return d.description }
        return "\(d.day) \(ThaiCalendarNames.monthsShort[d.month - 1]) \(d.beYear)"
    }

    public static func amount(_ m: Money) -> String { ThaiNumberFormat.amount(m) }

    /// "32.30 %"
    public static func percent(_ p: Decimal) -> String {
        ThaiNumberFormat.decimal(p, maxFractionDigits: 2, minFractionDigits: 2) + " %"
    }
}
