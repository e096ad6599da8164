import Foundation

/// Disbursement arithmetic (domain.md §7). Percentages are computed in Decimal from exact
/// satang; the total percent is Σ disbursed / Σ allocated, never the mean of row percents.
public enum DisbursementMath {
    /// disbursed / allocated × 100; 0 when nothing was allocated.
    public static func percent(_ disbursed: Money, of allocated: Money) -> Decimal {
        guard allocated.satang != 0 else { return 0 }
        return Decimal(disbursed.satang) * 100 / Decimal(allocated.satang)
    }

    public struct Row: Hashable, Sendable {
        public var type: BudgetType
        public var allocated: Money
        public var disbursed: Money
        public var percent: Decimal
    }

    public struct Table: Hashable, Sendable {
        public var rows: [Row]
        public var totalAllocated: Money
        public var totalDisbursed: Money
        public var totalPercent: Decimal
    }

    /// The disbursement table as of a date, from allocations and disbursements (single
    /// payments add up; a cumulative figure replaces what came before it).
    public static func table(allocations: [BudgetAllocation], disbursements: [Disbursement], asOf: CivilDate) -> Table {
        var rows: [Row] = []
        for type in BudgetType.allCases {
            let allocated = allocations.filter { $0.type == type }.map(\.effective).sum()
            let paid = disbursed(disbursements.filter { $0.type == type && $0.date <= asOf })
            guard allocated != .zero || paid != .zero else { continue }
            rows.append(Row(type: type, allocated: allocated, disbursed: paid, percent: percent(paid, of: allocated)))
        }
        let a = rows.map(\.allocated).sum(), d = rows.map(\.disbursed).sum()
        return Table(rows: rows, totalAllocated: a, totalDisbursed: d, totalPercent: percent(d, of: a))
    }

    static func disbursed(_ items: [Disbursement]) -> Money {
        var total = Money.zero
        for item in items.sorted(by: { $0.date < $1.date }) {
            total = item.cumulative ? item.amount : total + item.amount
        }
        return total
    }
}
