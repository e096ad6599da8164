import Foundation

/// Spending next to results, per project of the plan and per KPI of the agreement, with the
/// two flags the finance and evaluation staff look for.
///
/// Thresholds (documented in the page and the README):
/// - **spending without results** (ใช้เงินแต่ยังไม่เห็นผล): at least 50 % of the budget disbursed
///   while the result is low — a KPI level below 3 (the target level of a 5-level criteria), or,
///   for a project no KPI cites, reported step progress below 50 %;
/// - **results without spending** (มีผลแต่ยังไม่ใช้เงิน): a high result — KPI level 4 or more, or
///   step progress of 80 % or more — while less than 10 % of a budget above zero is disbursed
///   (money that may need to be returned or re-planned, or spending recorded elsewhere).
/// Nothing is flagged where the budget, the spending or the result is unknown.
public enum MoneyAgainstResults {
    public static let highSpending: Decimal = 50
    public static let lowSpending: Decimal = 10
    public static let lowLevel: Decimal = 3
    public static let highLevel: Decimal = 4
    public static let lowProgress: Decimal = 50
    public static let highProgress: Decimal = 80

    public enum Flag: String, Hashable, Sendable, Codable {
        case spendingWithoutResults, resultsWithoutSpending
        public var thai: String {
            switch self {
            case .spendingWithoutResults: return "ใช้เงินแต่ยังไม่เห็นผล"
            case .resultsWithoutSpending: return "มีผลแต่ยังไม่ใช้เงิน"
            }
        }
    }

    public struct ProjectRow: Hashable, Sendable {
        public var projectID: String
        public var name: String
        public var budget: Money?
        public var disbursed: Money
        public var spentPercent: Decimal?
        /// The latest reported cumulative step progress of the project's step plan(s), lowest.
        public var progress: Decimal?
        /// The codes and levels of the agreement KPIs that cite the project.
        public var kpiLevels: [KPILevel]
        public var flag: Flag?
    }

    public struct KPILevel: Hashable, Sendable {
        public var code: String
        public var level: Decimal?
    }

    public struct KPIRow: Hashable, Sendable {
        public var code: String
        public var name: String
        public var level: Decimal?
        public var projectIDs: [String]
        public var budget: Money
        public var disbursed: Money
        public var spentPercent: Decimal?
        public var flag: Flag?
    }

    /// - Parameters:
    ///   - levels: the score card's level per KPI code.
    ///   - progress: the latest reported step progress per project id.
    public static func projects(plan: ActionPlan?, agreement: Agreement?, levels: [String: Decimal?],
                                progress: [String: Decimal], records: BudgetRecords, asOf: CivilDate) -> [ProjectRow] {
        guard let plan else { return [] }
        let kpis = agreement?.allKPIs ?? []
        return plan.projects.map { project in
            let budget = project.budget?.amount
            let disbursed = records.disbursed(toProject: project.id, asOf: asOf)
            let spent = budget.flatMap { $0.satang > 0 ? DisbursementMath.percent(disbursed, of: $0) : nil }
            let citing = kpis.filter { $0.projectIDs?.contains(project.id) == true }
                .map { KPILevel(code: $0.code, level: levels[$0.code] ?? nil) }
            let best = citing.compactMap(\.level).max()
            let flag = classify(spent: spent, level: best, progress: best == nil ? progress[project.id] : nil)
            return ProjectRow(projectID: project.id, name: project.name, budget: budget, disbursed: disbursed, spentPercent: spent,
                              progress: progress[project.id], kpiLevels: citing, flag: flag)
        }
    }

    public static func kpis(plan: ActionPlan?, agreement: Agreement?, levels: [String: Decimal?],
                            records: BudgetRecords, asOf: CivilDate) -> [KPIRow] {
        guard let agreement else { return [] }
        let projects = Dictionary((plan?.projects ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return agreement.allKPIs.map { kpi in
            let ids = kpi.projectIDs ?? []
            let budget = ids.compactMap { projects[$0]?.budget?.amount }.sum()
            let disbursed = ids.map { records.disbursed(toProject: $0, asOf: asOf) }.sum()
            let spent = budget.satang > 0 ? DisbursementMath.percent(disbursed, of: budget) : nil
            let level = levels[kpi.code] ?? nil
            return KPIRow(code: kpi.code, name: kpi.name, level: level, projectIDs: ids, budget: budget, disbursed: disbursed,
                          spentPercent: spent, flag: classify(spent: spent, level: level, progress: nil))
        }
    }

    /// The flag for a spending percent and a result (a KPI level, else a progress percent).
    public static func classify(spent: Decimal?, level: Decimal?, progress: Decimal?) -> Flag? {
        guard let spent else { return nil }
        let low: Bool? = level.map { $0 < lowLevel } ?? progress.map { $0 < lowProgress }
        let high: Bool? = level.map { $0 >= highLevel } ?? progress.map { $0 >= highProgress }
        if spent >= highSpending, low == true { return .spendingWithoutResults }
        if spent < lowSpending, high == true { return .resultsWithoutSpending }
        return nil
    }
}

/// One unit in the city's disbursement table: its percent as of a date and at each quarter's
/// end, the level its group's thresholds give, and whether it is behind.
public struct DisbursementStanding: Hashable, Sendable {
    public var unitCode: String
    public var group: String?
    public var table: DisbursementMath.Table
    /// Total percent at the end of Q1 … Q4 (only quarters that ended by the as-of date).
    public var quarterPercents: [Decimal?]
    /// The disbursement KPI's threshold row for the unit's group (levels 1–5), if any.
    public var thresholds: [Decimal?]?
    public var level: Decimal?
    /// The level-3 threshold: BMA criteria put the target (ค่าเป้าหมาย) at level 3.
    public var target: Decimal? { thresholds.flatMap { $0.count == 5 ? $0[2] : nil } }
    /// Behind: the percent is below the group's target, or nothing is allocated yet.
    public var isBehind: Bool {
        guard let target else { return false }
        return Scorer.rounded(table.totalPercent, 2) < target
    }

    public static func build(records: BudgetRecords, asOf: CivilDate, group: String?, agreement: Agreement?) -> DisbursementStanding {
        let table = records.table(asOf: asOf)
        let year = records.fiscalYear
        let quarterEnds = [3, 6, 9, 12].map { year.endOfFiscalMonth($0) }
        let quarters: [Decimal?] = quarterEnds.map { end in
            end <= asOf ? records.table(asOf: end).totalPercent : nil
        }
        let kpi = agreement?.allKPIs.first { $0.resultSource == .disbursement }
        var thresholds: [Decimal?]?
        if case .thresholds(let t)? = kpi?.criteria { thresholds = t.table.row(forGroup: group) }
        let level = kpi.flatMap { table.totalAllocated.satang > 0
            ? DisbursementKPI.level(percent: Scorer.rounded(table.totalPercent, 2), criteria: $0.criteria, unitGroup: group) : nil }
        return DisbursementStanding(unitCode: records.unitCode, group: group, table: table, quarterPercents: quarters,
                                    thresholds: thresholds, level: level)
    }
}
