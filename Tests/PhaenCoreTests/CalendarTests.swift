import Testing
@testable import PhaenCore

@Suite struct CalendarTests {
    @Test func fiscalYearBounds() {
        let fy = FiscalYear(2567)
        #expect(fy.ce == 2024)
        #expect(fy.start == CivilDate(year: 2023, month: 10, day: 1))
        #expect(fy.end == CivilDate(year: 2024, month: 9, day: 30))
        #expect(fy.contains(CivilDate(year: 2024, month: 3, day: 31)))
        #expect(!fy.contains(CivilDate(year: 2024, month: 10, day: 1)))
        #expect(FiscalYear(containing: CivilDate(year: 2023, month: 11, day: 23)) == fy)
        #expect(FiscalYear(containing: CivilDate(year: 2024, month: 9, day: 30)) == fy)
    }

    @Test func fiscalMonths() {
        let fy = FiscalYear(2567)
        #expect(fy.calendarMonth(ofFiscalMonth: 1) == (2023, 10))
        #expect(fy.calendarMonth(ofFiscalMonth: 4) == (2024, 1))
        #expect(fy.calendarMonth(ofFiscalMonth: 12) == (2024, 9))
        #expect((1...12).map(FiscalYear.fiscalMonth(ofCalendarMonth:)) == [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3])
        #expect(ThaiCalendarNames.fiscalMonthsShort.first == "ต.ค." && ThaiCalendarNames.fiscalMonthsShort.last == "ก.ย.")
        #expect(fy.endOfFiscalMonth(5) == CivilDate(year: 2024, month: 2, day: 29))
    }

    @Test func rounds() {
        let fy = FiscalYear(2567)
        #expect(ReportingRound.halfYear.asOf(in: fy) == CivilDate(year: 2024, month: 3, day: 31))
        #expect(ReportingRound.quarter(1).asOf(in: fy) == CivilDate(year: 2023, month: 12, day: 31))
        #expect(ReportingRound.yearEnd.asOf(in: fy) == fy.end)
        for round in ReportingRound.all { #expect(ReportingRound(code: round.code) == round) }
        #expect(ReportingRound(code: "q5") == nil && ReportingRound(code: "m13") == nil && ReportingRound(code: "x") == nil)
        #expect(ReportingRound.quarter(2) < .halfYear && ReportingRound.halfYear < .yearEnd)
        #expect(ReportingRound.yearEnd.carriesScores && !ReportingRound.halfYear.carriesScores)
    }

    @Test func civilDates() {
        #expect(CivilDate(beYear: 2566, month: 11, day: 23) == CivilDate(year: 2023, month: 11, day: 23))
        #expect(CivilDate(beYear: 2567, month: 2, day: 29) != nil)
        #expect(CivilDate(beYear: 2566, month: 2, day: 29) == nil)
        #expect(CivilDate(iso: "2024-03-31")?.description == "2024-03-31")
    }
}
