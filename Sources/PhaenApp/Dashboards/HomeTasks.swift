import Foundation
import PhaenCore
import PhaenStore

/// One thing a person should do: report, fix a returned report, certify, evaluate.
public struct HomeTask: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A report of the current round not yet submitted (reporters).
        case due
        /// A report returned with a reason, back in draft (reporters).
        case returned
        /// A submitted report of my unit (heads).
        case certify
        /// A certified report (evaluators).
        case evaluate

        public var thaiName: String {
            switch self {
            case .due: return "ต้องรายงาน"
            case .returned: return "ถูกส่งคืนแก้ไข"
            case .certify: return "รอการรับรอง"
            case .evaluate: return "รอการตรวจ"
            }
        }
    }

    public var kind: Kind
    public var unitCode: String
    public var unitName: String
    public var fiscalYear: FiscalYear
    public var round: ReportingRound
    public var kpiCode: String
    public var kpiName: String
    public var deadline: CivilDate
    public var overdue: Bool
    /// The written reason of a return.
    public var reason: String?
    public var state: ReportState?
}

extension Dashboards {
    /// The person's tasks for the fiscal year, overdue first, then by deadline.
    public func homeTasks(person: Person, year: FiscalYear, today: CivilDate) async throws -> [HomeTask] {
        let visible = AccessPolicy.visibleUnits(person)
        let reports = try await store.storedReports(fiscalYear: year, units: visible)
        let units = try await participatingUnits(person: person, year: year, reports: reports)
        let names = Dictionary(units.map { ($0.unit.code, $0.unit.nameTH) }, uniquingKeysWith: { a, _ in a })
        let kpiNames = Dictionary(units.compactMap(\.agreement).flatMap { a in a.allKPIs.map { ("\(a.unitCode)/\($0.code)", $0.name) } },
                                  uniquingKeysWith: { a, _ in a })
        func task(_ kind: HomeTask.Kind, _ report: ProgressReport, reason: String? = nil) -> HomeTask {
            let deadline = ReportDeadline.date(of: report.round, in: year)
            // Certifying and evaluating follow the same deadline: a report still waiting for
            // its head or evaluator after the round's deadline is as late as an unsent one.
            let overdue = today > deadline
            return HomeTask(kind: kind, unitCode: report.unitCode, unitName: names[report.unitCode] ?? report.unitCode,
                            fiscalYear: year, round: report.round, kpiCode: report.kpiCode,
                            kpiName: kpiNames["\(report.unitCode)/\(report.kpiCode)"] ?? report.kpiName ?? report.kpiCode,
                            deadline: deadline, overdue: overdue, reason: reason, state: report.state)
        }

        var tasks: [HomeTask] = []
        switch person.role {
        case .reporter:
            guard let unitCode = person.unitCode else { break }
            let mine = reports.filter { $0.report.unitCode == unitCode }
            let byKey = Dictionary(mine.map { ("\($0.report.round.code)/\($0.report.kpiCode)", $0) }, uniquingKeysWith: { _, b in b })
            // Returned reports, whatever the round.
            for stored in mine where stored.report.state == .draft && stored.events.last?.transition == .return {
                tasks.append(task(.returned, stored.report, reason: stored.events.last?.reason))
            }
            // Due: every agreed KPI in each open round without a submitted report.
            if let agreement = units.first(where: { $0.unit.code == unitCode })?.agreement {
                for round in Self.dueRounds(year: year, today: today) {
                    for kpi in agreement.allKPIs {
                        let stored = byKey["\(round.code)/\(kpi.code)"]
                        guard stored == nil || (stored?.report.state == .draft && stored?.events.last?.transition != .return) else { continue }
                        let report = stored?.report
                            ?? ProgressReport(unitCode: unitCode, fiscalYear: year, round: round, kpiCode: kpi.code, kpiName: kpi.name)
                        var due = task(.due, report)
                        due.state = stored?.report.state
                        tasks.append(due)
                    }
                }
            }
        case .head:
            for stored in reports where stored.report.state == .submitted && stored.report.unitCode == person.unitCode {
                tasks.append(task(.certify, stored.report))
            }
        case .evaluator:
            for stored in reports where stored.report.state == .certified { tasks.append(task(.evaluate, stored.report)) }
        case .admin, .executive:
            break
        }
        return tasks.sorted {
            if $0.overdue != $1.overdue { return $0.overdue }
            if $0.deadline != $1.deadline { return $0.deadline < $1.deadline }
            if $0.unitCode != $1.unitCode { return $0.unitCode < $1.unitCode }
            return $0.round != $1.round ? $0.round < $1.round : numericLess($0.kpiCode, $1.kpiCode)
        }
    }

    /// The rounds a reporter works on today: the quarter in progress and the one before it
    /// (due by the 15th of the month after; late once that passed), plus the year-end round
    /// during the last quarter. After the year ends: its last quarter and the year-end round.
    static func dueRounds(year: FiscalYear, today: CivilDate) -> [ReportingRound] {
        if today < year.start { return [] }
        if today > year.end { return [.quarter(4), .yearEnd] }
        let q = ReportDeadline.quarter(of: today)
        var rounds: [ReportingRound] = []
        if q > 1 { rounds.append(.quarter(q - 1)) }
        rounds.append(.quarter(q))
        if q == 4 { rounds.append(.yearEnd) }
        return rounds
    }
}

/// KPI codes compare by their numbers: 1.2 before 1.10.
func numericLess(_ a: String, _ b: String) -> Bool {
    let x = a.split(separator: ".").map { Int($0) ?? Int.max }, y = b.split(separator: ".").map { Int($0) ?? Int.max }
    return x != y ? x.lexicographicallyPrecedes(y) : a < b
}
