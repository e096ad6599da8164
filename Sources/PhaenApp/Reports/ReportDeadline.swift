import PhaenCore

/// When each round's report is due (domain.md §6): a quarter by the 15th of the month after
/// it, the half-year with the second quarter (15 April), the year-end by 10 September (before
/// the year closes, so the figures can be scored), a month by the 7th of the next month.
public enum ReportDeadline {
    public static func date(of round: ReportingRound, in year: FiscalYear) -> CivilDate {
        switch round {
        case .quarter(let q): return dayAfterFiscalMonth(q * 3, in: year, day: 15)
        case .halfYear: return dayAfterFiscalMonth(6, in: year, day: 15)
        case .month(let m): return dayAfterFiscalMonth(m, in: year, day: 7)
        case .yearEnd: return CivilDate(year: year.ce, month: 9, day: 10)
        }
    }

    /// The given day of the calendar month that follows a fiscal month (month 12, September,
    /// is followed by October of the next fiscal year).
    static func dayAfterFiscalMonth(_ m: Int, in year: FiscalYear, day: Int) -> CivilDate {
        let end = year.endOfFiscalMonth(m)
        return end.month == 12 ? CivilDate(year: end.year + 1, month: 1, day: day)
                               : CivilDate(year: end.year, month: end.month + 1, day: day)
    }

    /// Late: not yet submitted after the deadline day has passed.
    public static func isLate(_ round: ReportingRound, in year: FiscalYear, state: ReportState?, today: CivilDate) -> Bool {
        (state == nil || state == .draft) && today > date(of: round, in: year)
    }

    /// The quarter a date falls in within its fiscal year (1…4).
    public static func quarter(of date: CivilDate) -> Int {
        (FiscalYear.fiscalMonth(ofCalendarMonth: date.month) - 1) / 3 + 1
    }
}
