import Foundation

/// One reason a budget record is refused, with the form field it belongs to and a Thai
/// message for the person who typed it.
public struct DisbursementProblem: Hashable, Sendable, Error {
    public enum Field: String, Hashable, Sendable { case unit, type, date, amount, from, to, reason, project }
    public var field: Field
    public var message: String
    public init(_ field: Field, _ message: String) { self.field = field; self.message = message }
}

/// The rules a budget record must satisfy (issue 5, "Bad input"): no negative amounts, dates
/// inside the fiscal year (1 Oct – 30 Sep), a known unit, and never more disbursed than the
/// allocation after transfers — checked at every date a record changes the figures, so a
/// payment made before the transfer that funded it is refused too.
public enum DisbursementCheck {
    public static func check(_ allocation: BudgetAllocation) -> [DisbursementProblem] {
        var out: [DisbursementProblem] = []
        if allocation.allocated.isNegative || allocation.afterTransfers?.isNegative == true {
            out.append(DisbursementProblem(.amount, "จำนวนเงินต้องไม่ติดลบ"))
        }
        return out
    }

    public static func check(_ transfer: BudgetTransfer) -> [DisbursementProblem] {
        var out: [DisbursementProblem] = []
        out += dateProblems(transfer.date, transfer.fiscalYear)
        if transfer.amount.isNegative {
            out.append(DisbursementProblem(.amount, "จำนวนเงินต้องไม่ติดลบ (ทิศทางของการโอนกำหนดด้วยช่อง \"โอนจาก\" และ \"โอนไป\")"))
        } else if transfer.amount == .zero {
            out.append(DisbursementProblem(.amount, "จำนวนเงินที่ปรับโอนต้องมากกว่า 0"))
        }
        if transfer.from == nil && transfer.to == nil {
            out.append(DisbursementProblem(.to, "เลือกประเภทงบที่โอนออกหรือรับโอนอย่างน้อยหนึ่งช่อง"))
        } else if transfer.from != nil && transfer.from == transfer.to {
            out.append(DisbursementProblem(.to, "โอนจากและโอนไปเป็นประเภทงบเดียวกันไม่ได้"))
        }
        if transfer.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out.append(DisbursementProblem(.reason, "ต้องระบุเหตุผลของการปรับโอน"))
        }
        return out
    }

    public static func check(_ disbursement: Disbursement) -> [DisbursementProblem] {
        var out = dateProblems(disbursement.date, disbursement.fiscalYear)
        if disbursement.amount.isNegative { out.append(DisbursementProblem(.amount, "จำนวนเงินต้องไม่ติดลบ")) }
        return out
    }

    public static func dateProblems(_ date: CivilDate, _ year: FiscalYear) -> [DisbursementProblem] {
        guard !year.contains(date) else { return [] }
        return [DisbursementProblem(.date, "วันที่ \(DisbursementText.date(date)) อยู่นอกปีงบประมาณ \(year) "
            + "(\(DisbursementText.date(year.start)) – \(DisbursementText.date(year.end)))")]
    }

    /// The records as a whole: at each date a record is dated and at the year's end, no type
    /// may have a negative allocation or more disbursed than its allocation after transfers.
    /// One sweep per type in date order (the same figures as `table(asOf:)` at each date), so
    /// an import of thousands of rows is checked in linear time after sorting.
    public static func consistency(_ records: BudgetRecords) -> [DisbursementProblem] {
        var out: [DisbursementProblem] = []
        let year = records.fiscalYear
        for type in BudgetType.allCases {
            var allocated = records.allocations.filter { $0.type == type }.map(\.effective).sum()
            let transfers = records.transfers.filter { $0.date <= year.end && $0.change(to: type) != .zero }
                .sorted { $0.date < $1.date }
            let payments = records.disbursements.enumerated().filter { $0.element.type == type && $0.element.date <= year.end }
                .sorted { ($0.element.date, $0.element.cumulative ? 1 : 0, $0.offset) < ($1.element.date, $1.element.cumulative ? 1 : 0, $1.offset) }
                .map(\.element)
            let dates = Set(transfers.map(\.date) + payments.map(\.date) + [year.end]).filter { year.contains($0) }.sorted()
            guard !transfers.isEmpty || !payments.isEmpty || allocated != .zero else { continue }
            // Records dated before the year count from its first day.
            var t = 0, p = 0
            var paid = Money.zero
            for date in dates {
                while t < transfers.count, transfers[t].date <= date { allocated += transfers[t].change(to: type); t += 1 }
                while p < payments.count, payments[p].date <= date {
                    paid = payments[p].cumulative ? payments[p].amount : paid + payments[p].amount
                    p += 1
                }
                if allocated.isNegative {
                    out.append(DisbursementProblem(.amount, "\(type.thaiName): งบประมาณหลังปรับโอน ณ \(DisbursementText.date(date)) "
                        + "ติดลบ (\(DisbursementText.amount(allocated)) บาท) — โอนออกเกินกว่าที่ได้รับจัดสรร"))
                    break
                }
                if paid > allocated {
                    let limit = allocated == .zero && records.allocation(type) == nil
                        ? "แต่ยังไม่ได้บันทึกงบประมาณที่ได้รับจัดสรรของประเภทนี้"
                        : "เกินงบประมาณหลังปรับโอน \(DisbursementText.amount(allocated)) บาท"
                    out.append(DisbursementProblem(.amount, "\(type.thaiName): เบิกจ่ายสะสม ณ \(DisbursementText.date(date)) "
                        + "\(DisbursementText.amount(paid)) บาท \(limit)"))
                    break
                }
            }
        }
        return out
    }
}

/// A budget record refused by `DisbursementCheck`, all problems at once.
public struct DisbursementRefused: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [DisbursementProblem]
    public init(_ problems: [DisbursementProblem]) { self.problems = problems }
    public var description: String { problems.map(\.message).joined(separator: "; ") }
}
