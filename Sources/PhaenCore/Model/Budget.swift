import Foundation

/// Budget types tracked for disbursement (personnel budget is excluded, domain.md §7).
public enum BudgetType: String, Codable, Sendable, CaseIterable {
    case carryOver   // เงินกันไว้เบิกเหลื่อมปี แบบไม่มีหนี้ผูกพัน
    case operating   // งบดำเนินงาน
    case investment  // งบลงทุน
    case subsidy     // งบเงินอุดหนุน
    case other       // งบรายจ่ายอื่น
    case central     // งบกลาง

    public var thaiName: String {
        switch self {
        case .carryOver: return "เงินกันไว้เบิกเหลื่อมปี แบบไม่มีหนี้ผูกพัน"
        case .operating: return "งบดำเนินงาน"
        case .investment: return "งบลงทุน"
        case .subsidy: return "งบเงินอุดหนุน"
        case .other: return "งบรายจ่ายอื่น"
        case .central: return "งบกลาง"
        }
    }
}

/// The allocation of one budget type to a unit in a fiscal year; `afterTransfers` is the
/// amount after ปรับโอน when the document gives it.
public struct BudgetAllocation: Codable, Hashable, Sendable {
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var type: BudgetType
    public var allocated: Money
    public var afterTransfers: Money?
    public init(unitCode: String, fiscalYear: FiscalYear, type: BudgetType, allocated: Money, afterTransfers: Money? = nil) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.type = type
        self.allocated = allocated; self.afterTransfers = afterTransfers
    }
    public var effective: Money { afterTransfers ?? allocated }
}

/// A disbursement: an amount paid on a date, or (cumulative) the total paid as of a date.
public struct Disbursement: Codable, Hashable, Sendable {
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var type: BudgetType
    public var date: CivilDate
    public var amount: Money
    public var cumulative: Bool
    public init(unitCode: String, fiscalYear: FiscalYear, type: BudgetType, date: CivilDate, amount: Money, cumulative: Bool = false) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.type = type; self.date = date
        self.amount = amount; self.cumulative = cumulative
    }
}

/// A disbursement table as a document prints it (type, allocation, disbursed, percent), so
/// the stated percents and totals can be checked.
public struct StatedDisbursementTable: Codable, Hashable, Sendable {
    public struct Row: Codable, Hashable, Sendable {
        public var type: BudgetType
        public var allocated: Money
        public var disbursed: Money
        public var statedPercent: Decimal?
        public init(type: BudgetType, allocated: Money, disbursed: Money, statedPercent: Decimal? = nil) {
            self.type = type; self.allocated = allocated; self.disbursed = disbursed; self.statedPercent = statedPercent
        }
    }
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var asOf: CivilDate
    public var rows: [Row]
    public var statedTotalAllocated: Money?
    public var statedTotalDisbursed: Money?
    public var statedTotalPercent: Decimal?
    public var source: String?
}
