import Foundation

/// Strategic work (under the BMA plan or the unit's strategy) or a routine task
/// (ภารกิจประจำพื้นฐาน).
public enum ProjectKind: String, Codable, Sendable { case strategic, routine }

/// The master record of a project or activity (โครงการ/กิจกรรม). Every table that prints
/// it refers to it by `id`.
public struct Project: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// Other spellings seen in the documents.
    public var aliases: [String]?
    /// The budget of the plan year (amount or text).
    public var budget: BudgetCell?
    /// Responsible section as printed (resolved against the unit's sections by validation).
    public var section: String?
    /// 6-digit strategy code of the BMA annual plan (Arabic digits).
    public var strategyCode: String?
    public var policyCodes: [String]?
    public var links: [FrameworkRef]?
    public var kind: ProjectKind
    /// อยู่ในแผน / ไม่อยู่ในแผน (the BMA plan).
    public var inBMAPlan: Bool?
    /// A sub-item (school 3 of a renovation programme) names its parent.
    public var parentID: String?
    /// Multi-year projects: total value and carry-over from the previous year.
    public var totalValue: Money?
    public var carryOver: Money?
    public var note: String?

    public init(id: String, name: String, aliases: [String]? = nil, budget: BudgetCell? = nil, section: String? = nil,
                strategyCode: String? = nil, policyCodes: [String]? = nil, links: [FrameworkRef]? = nil,
                kind: ProjectKind = .strategic, inBMAPlan: Bool? = nil, parentID: String? = nil,
                totalValue: Money? = nil, carryOver: Money? = nil, note: String? = nil) {
        self.id = id; self.name = name; self.aliases = aliases; self.budget = budget; self.section = section
        self.strategyCode = strategyCode; self.policyCodes = policyCodes; self.links = links; self.kind = kind
        self.inBMAPlan = inBMAPlan; self.parentID = parentID; self.totalValue = totalValue
        self.carryOver = carryOver; self.note = note
    }
}

/// A printed list or table of projects (Part 2 summary, the routine catalogue, table ง …)
/// with the total and count the document states for it.
public struct ProjectList: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var entries: [ListEntry]
    public var statedTotal: BudgetCell?
    public var statedCount: Int?
    /// Where it is printed (e.g. "D1:L487–L531").
    public var source: String?

    public init(id: String, title: String, entries: [ListEntry], statedTotal: BudgetCell? = nil,
                statedCount: Int? = nil, source: String? = nil) {
        self.id = id; self.title = title; self.entries = entries; self.statedTotal = statedTotal
        self.statedCount = statedCount; self.source = source
    }

    /// Σ of the numeric budgets of the rows that count in the total (text cells count 0).
    public var computedTotal: Money {
        entries.filter { $0.countsInTotal }.compactMap { $0.budget?.amount }.sum()
    }
}

/// One row of a printed list: the number, budget, section and codes as printed in that list.
public struct ListEntry: Codable, Hashable, Sendable {
    public var number: String?
    public var projectID: String
    public var budget: BudgetCell?
    public var section: String?
    public var policyCodes: [String]?
    public var links: [FrameworkRef]?
    /// The work line (งาน) or group heading the row sits under.
    public var group: String?
    /// False for a parent row whose budget is the sum of its children, or a row that reuses
    /// a budget counted elsewhere ("ใช้งบประมาณส่วนหนึ่งในโครงการ").
    public var countsInTotal: Bool
    public var line: Int?

    public init(number: String? = nil, projectID: String, budget: BudgetCell? = nil, section: String? = nil,
                policyCodes: [String]? = nil, links: [FrameworkRef]? = nil, group: String? = nil,
                countsInTotal: Bool = true, line: Int? = nil) {
        self.number = number; self.projectID = projectID; self.budget = budget; self.section = section
        self.policyCodes = policyCodes; self.links = links; self.group = group
        self.countsInTotal = countsInTotal; self.line = line
    }

    enum CodingKeys: String, CodingKey { case number, projectID, budget, section, policyCodes, links, group, countsInTotal, line }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decodeIfPresent(String.self, forKey: .number)
        projectID = try c.decode(String.self, forKey: .projectID)
        budget = try c.decodeIfPresent(BudgetCell.self, forKey: .budget)
        section = try c.decodeIfPresent(String.self, forKey: .section)
        policyCodes = try c.decodeIfPresent([String].self, forKey: .policyCodes)
        links = try c.decodeIfPresent([FrameworkRef].self, forKey: .links)
        group = try c.decodeIfPresent(String.self, forKey: .group)
        countsInTotal = try c.decodeIfPresent(Bool.self, forKey: .countsInTotal) ?? true
        line = try c.decodeIfPresent(Int.self, forKey: .line)
    }
}

/// The step plan of a project (ขั้นตอนการปฏิบัติงาน): weights, stated cumulative progress and
/// the fiscal months each step runs in.
public struct StepPlan: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var projectID: String?
    /// The total the table prints for the weights (usually 100).
    public var statedTotalWeight: Decimal?
    /// True when the source document lost part of the plan (an export cut off): totals are
    /// then not checked.
    public var fragment: Bool?
    public var steps: [PlanStep]

    public init(id: String, title: String, projectID: String? = nil, statedTotalWeight: Decimal? = nil,
                fragment: Bool? = nil, steps: [PlanStep]) {
        self.id = id; self.title = title; self.projectID = projectID
        self.statedTotalWeight = statedTotalWeight; self.fragment = fragment; self.steps = steps
    }

    /// Planned cumulative progress at the end of fiscal month m: the weights of the steps
    /// whose last month is ≤ m (domain.md §4).
    public func plannedProgress(atFiscalMonth m: Int) -> Decimal {
        steps.filter { step in (step.months.max() ?? 13) <= m }.compactMap(\.weight).reduce(0, +)
    }
}

public struct PlanStep: Codable, Hashable, Sendable {
    public var number: String
    public var text: String
    public var weight: Decimal?
    /// Cumulative progress as printed.
    public var cumulative: Decimal?
    /// Fiscal months 1 (ต.ค.) … 12 (ก.ย.) the step runs in.
    public var months: [Int]

    public init(number: String, text: String, weight: Decimal? = nil, cumulative: Decimal? = nil, months: [Int] = []) {
        self.number = number; self.text = text; self.weight = weight; self.cumulative = cumulative; self.months = months
    }
    enum CodingKeys: String, CodingKey { case number, text, weight, cumulative, months }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(String.self, forKey: .number)
        text = try c.decode(String.self, forKey: .text)
        weight = try c.decodeIfPresent(Decimal.self, forKey: .weight)
        cumulative = try c.decodeIfPresent(Decimal.self, forKey: .cumulative)
        months = try c.decodeIfPresent([Int].self, forKey: .months) ?? []
    }
}
