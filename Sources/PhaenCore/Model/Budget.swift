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
    /// The plan's project the money was spent on, when the finance officer says so; it is what
    /// lets Phaen put spending next to results per project.
    public var projectID: String?
    public var note: String?
    /// Set by the store on a disbursement recorded in Phaen (one a dataset's ledger holds has
    /// none); it is what a correction removes.
    public var id: String?
    public init(unitCode: String, fiscalYear: FiscalYear, type: BudgetType, date: CivilDate, amount: Money, cumulative: Bool = false,
                projectID: String? = nil, note: String? = nil, id: String? = nil) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.type = type; self.date = date
        self.amount = amount; self.cumulative = cumulative; self.projectID = projectID; self.note = note; self.id = id
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

/// A transfer (ปรับโอน) that changes a unit's allocation of a budget type during the year:
/// between two of its types (`from` → `to`), received from outside (`from` nil: + amount to
/// `to`), or sent out (`to` nil: − amount from `from`). The amount is always positive; the
/// direction says which way it goes.
public struct BudgetTransfer: Codable, Hashable, Sendable {
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var date: CivilDate
    public var from: BudgetType?
    public var to: BudgetType?
    public var amount: Money
    public var reason: String
    /// Set by the store when the transfer is recorded.
    public var id: String?
    public init(unitCode: String, fiscalYear: FiscalYear, date: CivilDate, from: BudgetType?, to: BudgetType?,
                amount: Money, reason: String, id: String? = nil) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.date = date
        self.from = from; self.to = to; self.amount = amount; self.reason = reason; self.id = id
    }

    /// What the transfer does to one type's allocation: + received, − given, 0 otherwise.
    public func change(to type: BudgetType) -> Money {
        var change = Money.zero
        if to == type { change += amount }
        if from == type { change = change - amount }
        return change
    }
}

extension BudgetType {
    /// Reads a budget type as people write it in a file or form: the Thai name with or
    /// without "งบ", its common short forms, or the English code (`operating`, `OPERATING`).
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: " ", with: "").lowercased()
        if let exact = BudgetType.allCases.first(where: { $0.rawValue.lowercased() == t }) { self = exact; return }
        let aliases: [(BudgetType, [String])] = [
            (.carryOver, ["เงินกันไว้เบิกเหลื่อมปีแบบไม่มีหนี้ผูกพัน", "เงินกันไว้เบิกเหลื่อมปี", "เงินกัน", "งบประมาณกันเงินไว้เบิกเหลื่อมปีแบบไม่มีหนี้ผูกพัน", "carry_over_no_obligation", "carryover"]),
            (.operating, ["งบดำเนินงาน", "ดำเนินงาน"]),
            (.investment, ["งบลงทุน", "ลงทุน"]),
            (.subsidy, ["งบเงินอุดหนุน", "เงินอุดหนุน", "อุดหนุน"]),
            (.other, ["งบรายจ่ายอื่น", "รายจ่ายอื่น"]),
            (.central, ["งบกลาง", "กลาง"]),
        ]
        guard let match = aliases.first(where: { $0.1.contains(t) }) else { return nil }
        self = match.0
    }
}
