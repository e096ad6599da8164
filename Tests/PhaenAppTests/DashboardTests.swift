import Foundation
import Testing
import PhaenCore
import PhaenStore
@testable import PhaenApp

/// Home tasks, reporting status and the city table on the demo dataset.
@Suite struct DashboardTests {
    typealias F = ReportsFixture
    /// FY2567 second quarter, five days after the first quarter's deadline (15 Jan 2024).
    static let today = CivilDate(year: 2024, month: 1, day: 20)

    @Test("deadlines: the 15th after a quarter, 10 September for the year-end")
    func deadlines() {
        let fy = FiscalYear(2567)
        #expect(ReportDeadline.date(of: .quarter(1), in: fy) == CivilDate(year: 2024, month: 1, day: 15))
        #expect(ReportDeadline.date(of: .quarter(4), in: fy) == CivilDate(year: 2024, month: 10, day: 15))
        #expect(ReportDeadline.date(of: .yearEnd, in: fy) == CivilDate(year: 2024, month: 9, day: 10))
        #expect(ReportDeadline.date(of: .month(3), in: fy) == CivilDate(year: 2024, month: 1, day: 7))
        #expect(Dashboards.dueRounds(year: fy, today: Self.today) == [.quarter(1), .quarter(2)])
        #expect(Dashboards.dueRounds(year: fy, today: CivilDate(year: 2024, month: 8, day: 1)) == [.quarter(3), .quarter(4), .yearEnd])
        #expect(Dashboards.dueRounds(year: fy, today: CivilDate(year: 2023, month: 9, day: 1)).isEmpty)
    }

    @Test("home tasks per role, overdue first, the return reason on the reporter's task")
    func homeTasks() async throws {
        try await F.with { f in
            let d = f.dashboards, e = f.entry
            var tasks = try await d.homeTasks(person: f.reporter, year: F.year, today: Self.today)
            #expect(tasks.count == 12 && tasks.allSatisfy { $0.kind == .due })
            #expect(tasks.prefix(6).allSatisfy { $0.overdue && $0.round == .quarter(1) })
            #expect(tasks.suffix(6).allSatisfy { !$0.overdue && $0.round == .quarter(2) })

            var v = try await e.save(person: f.reporter, ref: f.ref(), form: ReportForm(value: "72"), expectedVersion: nil, now: F.now)
            v = try await e.transition(person: f.reporter, ref: f.ref(), transition: .submission, reason: nil, expectedVersion: v, now: F.now)
            tasks = try await d.homeTasks(person: f.reporter, year: F.year, today: Self.today)
            #expect(tasks.count == 11)
            #expect(try await d.homeTasks(person: f.head, year: F.year, today: Self.today).map(\.kind) == [.certify])
            #expect(try await d.homeTasks(person: f.evaluator, year: F.year, today: Self.today).isEmpty)
            #expect(try await d.homeTasks(person: f.foreignReporter, year: F.year, today: Self.today).isEmpty)

            v = try await e.transition(person: f.head, ref: f.ref(), transition: .certification, reason: nil, expectedVersion: v, now: F.now)
            let evaluation = try await d.homeTasks(person: f.evaluator, year: F.year, today: Self.today)
            #expect(evaluation.map(\.kind) == [.evaluate] && evaluation.first?.unitName == "สำนักงานเขตภาษีเจริญ")
            #expect(try await d.homeTasks(person: f.head, year: F.year, today: Self.today).isEmpty)

            _ = try await e.transition(person: f.evaluator, ref: f.ref(), transition: .return, reason: "แก้ตัวเลข",
                                       expectedVersion: v, now: F.now)
            tasks = try await d.homeTasks(person: f.reporter, year: F.year, today: Self.today)
            let returned = tasks.filter { $0.kind == .returned }
            #expect(returned.count == 1 && returned.first?.reason == "แก้ตัวเลข" && returned.first?.overdue == true)
            #expect(tasks.count == 12)   // the returned one, not also as due
            #expect(tasks.first?.overdue == true)
        }
    }

    @Test("reporting status counts each state and the late ones")
    func reportingStatus() async throws {
        try await F.with { f in
            let e = f.entry
            var v = try await e.save(person: f.reporter, ref: f.ref(), form: ReportForm(value: "72"), expectedVersion: nil, now: F.now)
            v = try await e.transition(person: f.reporter, ref: f.ref(), transition: .submission, reason: nil, expectedVersion: v, now: F.now)
            _ = try await e.save(person: f.reporter, ref: f.ref(F.judged), form: ReportForm(claimedLevel: "2"), expectedVersion: nil, now: F.now)

            let status = try await f.dashboards.reportingStatus(person: f.executive, year: F.year, round: .quarter(1), today: Self.today)
            let row = try #require(status.rows.first { $0.unitCode == F.unit })
            #expect(row.total == 6 && row.notStarted == 4 && row.draft == 1 && row.submitted == 1 && row.late == 5)
            // 4001 reported the half-year round without an agreement: listed, nothing in q1.
            #expect(status.rows.contains { $0.unitCode == "4001" && $0.total == 0 })
            #expect(status.deadline == CivilDate(year: 2024, month: 1, day: 15))

            let mine = try await f.dashboards.reportingStatus(person: f.foreignReporter, year: F.year, round: .quarter(1), today: Self.today)
            #expect(mine.rows.isEmpty)
            let early = try await f.dashboards.reportingStatus(person: f.head, year: F.year, round: .quarter(1),
                                                               today: CivilDate(year: 2024, month: 1, day: 2))
            #expect(early.rows.map(\.unitCode) == [F.unit] && early.totals.late == 0)
        }
    }

    @Test("city table: scores from the latest reports; an executive's leaves drafts out")
    func cityTable() async throws {
        try await F.with { f in
            let v = try await f.entry.save(person: f.reporter, ref: f.ref(), form: ReportForm(value: "72"), expectedVersion: nil, now: F.now)
            let evaluator = try await f.dashboards.cityTable(person: f.evaluator, year: F.year)
            #expect(evaluator.map(\.unit.code) == [F.unit])
            #expect(evaluator.first?.card.total == 16)
            #expect(try await f.dashboards.cityTable(person: f.executive, year: F.year).first?.card.total == 0)
            _ = try await f.entry.transition(person: f.reporter, ref: f.ref(), transition: .submission, reason: nil, expectedVersion: v, now: F.now)
            #expect(try await f.dashboards.cityTable(person: f.executive, year: F.year).first?.card.total == 16)
            #expect(try await f.dashboards.cityTable(person: f.foreignReporter, year: F.year).isEmpty)
            #expect(try await f.dashboards.cityTable(person: f.evaluator, year: FiscalYear(2564)).map(\.unit.code) == ["3001"])
        }
    }
}
