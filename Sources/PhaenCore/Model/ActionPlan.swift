import Foundation

/// A unit's annual action plan (แผนปฏิบัติการประจำปี), section by section as the documents
/// print them (domain.md §4). Projects are master records; the printed lists and tables cite
/// them through `ProjectList` entries, so one project is never counted twice and the same
/// project printed with two budgets can be found.
public struct ActionPlan: Codable, Hashable, Sendable {
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var title: String
    public var foreword: String?
    public var profile: [LabeledText]
    public var environment: EnvironmentAnalysis
    public var vision: [String]
    public var mission: [String]
    public var goals: [String]
    public var kpis: [PlanKPI]
    public var projects: [Project]
    public var lists: [ProjectList]
    public var stepPlans: [StepPlan]
    /// Other figures the document states (counts, totals) to be checked, e.g. the number of
    /// sections.
    public var notes: [String]

    public init(unitCode: String, fiscalYear: FiscalYear, title: String, foreword: String? = nil,
                profile: [LabeledText] = [], environment: EnvironmentAnalysis = .init(), vision: [String] = [],
                mission: [String] = [], goals: [String] = [], kpis: [PlanKPI] = [], projects: [Project] = [],
                lists: [ProjectList] = [], stepPlans: [StepPlan] = [], notes: [String] = []) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.title = title; self.foreword = foreword
        self.profile = profile; self.environment = environment; self.vision = vision; self.mission = mission
        self.goals = goals; self.kpis = kpis; self.projects = projects; self.lists = lists
        self.stepPlans = stepPlans; self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case unitCode, fiscalYear, title, foreword, profile, environment, vision, mission, goals, kpis, projects,
             lists, stepPlans, notes
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        unitCode = try c.decode(String.self, forKey: .unitCode)
        fiscalYear = try c.decode(FiscalYear.self, forKey: .fiscalYear)
        title = try c.decode(String.self, forKey: .title)
        foreword = try c.decodeIfPresent(String.self, forKey: .foreword)
        profile = try c.decodeIfPresent([LabeledText].self, forKey: .profile) ?? []
        environment = try c.decodeIfPresent(EnvironmentAnalysis.self, forKey: .environment) ?? .init()
        vision = try c.decodeIfPresent([String].self, forKey: .vision) ?? []
        mission = try c.decodeIfPresent([String].self, forKey: .mission) ?? []
        goals = try c.decodeIfPresent([String].self, forKey: .goals) ?? []
        kpis = try c.decodeIfPresent([PlanKPI].self, forKey: .kpis) ?? []
        projects = try c.decodeIfPresent([Project].self, forKey: .projects) ?? []
        lists = try c.decodeIfPresent([ProjectList].self, forKey: .lists) ?? []
        stepPlans = try c.decodeIfPresent([StepPlan].self, forKey: .stepPlans) ?? []
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
    }

    public func project(id: String) -> Project? { projects.first { $0.id == id } }
}

/// STEP factors, SWOT and (FY2564) TOWS strategies.
public struct EnvironmentAnalysis: Codable, Hashable, Sendable {
    public var step: [LabeledText]
    public var swot: [SwotFactor]
    public var tows: [TowsStrategy]

    public init(step: [LabeledText] = [], swot: [SwotFactor] = [], tows: [TowsStrategy] = []) {
        self.step = step; self.swot = swot; self.tows = tows
    }
    enum CodingKeys: String, CodingKey { case step, swot, tows }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        step = try c.decodeIfPresent([LabeledText].self, forKey: .step) ?? []
        swot = try c.decodeIfPresent([SwotFactor].self, forKey: .swot) ?? []
        tows = try c.decodeIfPresent([TowsStrategy].self, forKey: .tows) ?? []
    }
}

public struct SwotFactor: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case strength = "S", weakness = "W", opportunity = "O", threat = "T"
        public var thaiName: String {
            switch self {
            case .strength: return "จุดแข็ง"
            case .weakness: return "จุดอ่อน"
            case .opportunity: return "โอกาส"
            case .threat: return "อุปสรรค"
            }
        }
    }
    public var kind: Kind
    /// Printed code (S1, W3) where the document codes its factors.
    public var code: String?
    public var text: String
    public init(kind: Kind, code: String? = nil, text: String) { self.kind = kind; self.code = code; self.text = text }
}

public struct TowsStrategy: Codable, Hashable, Sendable {
    /// Quadrant as printed (เชิงรุก (S×O) …).
    public var quadrant: String
    public var factors: [String]
    public var text: String
    public var projectID: String?
    public init(quadrant: String, factors: [String], text: String, projectID: String? = nil) {
        self.quadrant = quadrant; self.factors = factors; self.text = text; self.projectID = projectID
    }
}

/// Output or outcome KPI (ผลผลิต / ผลลัพธ์).
public enum KPIResultKind: String, Codable, Sendable { case output, outcome }

/// A KPI of the plan's tables ก and ข (strategy KPIs, not the agreement's).
public struct PlanKPI: Codable, Hashable, Sendable {
    public var code: String
    public var name: String
    /// The table it is printed in: ก, ข, ฉ …
    public var table: String
    public var kind: KPIResultKind?
    public var unit: String?
    public var baselines: [YearValue]?
    public var targets: [YearValue]?
    public var definition: String?
    public var formula: String?
    public var evidence: [String]?
    /// The agency that defines the criteria ("ตามที่ สยป. กำหนด").
    public var owner: String?
    public var links: [FrameworkRef]?
    public var projectIDs: [String]?

    public init(code: String, name: String, table: String, kind: KPIResultKind? = nil, unit: String? = nil,
                baselines: [YearValue]? = nil, targets: [YearValue]? = nil, definition: String? = nil,
                formula: String? = nil, evidence: [String]? = nil, owner: String? = nil,
                links: [FrameworkRef]? = nil, projectIDs: [String]? = nil) {
        self.code = code; self.name = name; self.table = table; self.kind = kind; self.unit = unit
        self.baselines = baselines; self.targets = targets; self.definition = definition; self.formula = formula
        self.evidence = evidence; self.owner = owner; self.links = links; self.projectIDs = projectIDs
    }
}
