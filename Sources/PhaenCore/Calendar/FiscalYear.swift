import Foundation

/// A BMA fiscal year (ปีงบประมาณ), named by its Buddhist-era year N: 1 Oct N−1 … 30 Sep N.
public struct FiscalYear: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let be: Int

    public init(_ be: Int) { self.be = be }

    public var ce: Int { be - 543 }
    public var start: CivilDate { CivilDate(year: ce - 1, month: 10, day: 1) }
    public var end: CivilDate { CivilDate(year: ce, month: 9, day: 30) }
    public var description: String { String(be) }

    public func contains(_ date: CivilDate) -> Bool { date >= start && date <= end }

    /// The fiscal year a date falls in.
    public init(containing date: CivilDate) {
        self.be = (date.month >= 10 ? date.year + 1 : date.year) + 543
    }

    /// Fiscal month 1 (ต.ค.) … 12 (ก.ย.) → calendar month and CE year.
    public func calendarMonth(ofFiscalMonth m: Int) -> (year: Int, month: Int) {
        precondition((1...12).contains(m), "fiscal month out of range")
        let month = (m + 8) % 12 + 1
        return (month >= 10 ? ce - 1 : ce, month)
    }

    /// Calendar month (1…12) → fiscal month (1 = October … 12 = September).
    public static func fiscalMonth(ofCalendarMonth month: Int) -> Int { (month + 2) % 12 + 1 }

    /// Last day of a fiscal month.
    public func endOfFiscalMonth(_ m: Int) -> CivilDate {
        let (y, month) = calendarMonth(ofFiscalMonth: m)
        return CivilDate(year: y, month: month, day: CivilDate.daysIn(month: month, year: y))
    }

    public static func < (a: FiscalYear, b: FiscalYear) -> Bool { a.be < b.be }

    public init(from decoder: Decoder) throws { self.be = try decoder.singleValueContainer().decode(Int.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer(); try c.encode(be)
    }
}
