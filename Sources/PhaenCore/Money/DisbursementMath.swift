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
        /// The allocation after the transfers dated on or before the table's date.
        public var allocated: Money
        public var disbursed: Money
        public var percent: Decimal
    }

    public struct Table: Hashable, Sendable {
        public var rows: [Row]
        public var totalAllocated: Money
        public var totalDisbursed: Money
        public var totalPercent: Decimal

        public func row(_ type: BudgetType) -> Row? { rows.first { $0.type == type } }
    }

    /// The disbursement table as of a date, from allocations, transfers and disbursements
    /// (single payments add up; a cumulative figure replaces what came before it). Only
    /// records dated on or before `asOf` count; a type with nothing allocated or paid is left out.
    public static func table(allocations: [BudgetAllocation], transfers: [BudgetTransfer] = [],
                             disbursements: [Disbursement], asOf: CivilDate) -> Table {
        var rows: [Row] = []
        for type in BudgetType.allCases {
            let allocated = allocation(of: type, allocations: allocations, transfers: transfers, asOf: asOf)
            let paid = disbursed(disbursements.filter { $0.type == type && $0.date <= asOf })
            guard allocated != .zero || paid != .zero else { continue }
            rows.append(Row(type: type, allocated: allocated, disbursed: paid, percent: percent(paid, of: allocated)))
        }
        let a = rows.map(\.allocated).sum(), d = rows.map(\.disbursed).sum()
        return Table(rows: rows, totalAllocated: a, totalDisbursed: d, totalPercent: percent(d, of: a))
    }

    /// One type's allocation (after the transfers a document states) plus the transfers
    /// recorded up to `asOf`.
    public static func allocation(of type: BudgetType, allocations: [BudgetAllocation],
                                  transfers: [BudgetTransfer], asOf: CivilDate) -> Money {
        allocations.filter { $0.type == type }.map(\.effective).sum()
            + transfers.filter { $0.date <= asOf }.map { $0.change(to: type) }.sum()
    }

    /// Payments add up in date order; a cumulative figure replaces the running total. On one
    /// day the single payments come first, because a cumulative figure "as of" that day
    /// already includes them.
    static func disbursed(_ items: [Disbursement]) -> Money {
        var total = Money.zero
        let ordered = items.enumerated().sorted {
            ($0.element.date, $0.element.cumulative ? 1 : 0, $0.offset) < ($1.element.date, $1.element.cumulative ? 1 : 0, $1.offset)
        }
        for item in ordered.map(\.element) {
            total = item.cumulative ? item.amount : total + item.amount
        }
        return total
    }
}
