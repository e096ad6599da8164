import Foundation

/// Everything Phaen keeps, as one value: the shape of the demo dataset files (each file
/// holds some of the arrays) and of a full export.
public struct Dataset: Codable, Hashable, Sendable {
    public var units: [Unit] = []
    public var unitGroups: [UnitGroupAssignment] = []
    public var frameworks: [FrameworkNode] = []
    public var plans: [ActionPlan] = []
    public var agreements: [Agreement] = []
    public var reports: [ProgressReport] = []
    public var allocations: [BudgetAllocation] = []
    public var disbursements: [Disbursement] = []
    public var disbursementTables: [StatedDisbursementTable] = []
    public var directives: [Directive] = []
    public var directiveReports: [DirectiveReport] = []
    public var innovations: [Innovation] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case units, unitGroups, frameworks, plans, agreements, reports, allocations, disbursements,
             disbursementTables, directives, directiveReports, innovations
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        units = try c.decodeIfPresent([Unit].self, forKey: .units) ?? []
        unitGroups = try c.decodeIfPresent([UnitGroupAssignment].self, forKey: .unitGroups) ?? []
        frameworks = try c.decodeIfPresent([FrameworkNode].self, forKey: .frameworks) ?? []
        plans = try c.decodeIfPresent([ActionPlan].self, forKey: .plans) ?? []
        agreements = try c.decodeIfPresent([Agreement].self, forKey: .agreements) ?? []
        reports = try c.decodeIfPresent([ProgressReport].self, forKey: .reports) ?? []
        allocations = try c.decodeIfPresent([BudgetAllocation].self, forKey: .allocations) ?? []
        disbursements = try c.decodeIfPresent([Disbursement].self, forKey: .disbursements) ?? []
        disbursementTables = try c.decodeIfPresent([StatedDisbursementTable].self, forKey: .disbursementTables) ?? []
        directives = try c.decodeIfPresent([Directive].self, forKey: .directives) ?? []
        directiveReports = try c.decodeIfPresent([DirectiveReport].self, forKey: .directiveReports) ?? []
        innovations = try c.decodeIfPresent([Innovation].self, forKey: .innovations) ?? []
    }

    /// Appends another part of the dataset.
    public mutating func merge(_ other: Dataset) {
        units += other.units; unitGroups += other.unitGroups; frameworks += other.frameworks
        plans += other.plans; agreements += other.agreements; reports += other.reports
        allocations += other.allocations; disbursements += other.disbursements
        disbursementTables += other.disbursementTables; directives += other.directives
        directiveReports += other.directiveReports; innovations += other.innovations
    }
}
