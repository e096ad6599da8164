import Foundation

/// How a level turns into points, per fiscal year (domain.md §5).
public enum PointsScheme: String, Codable, Sendable, CaseIterable {
    /// FY2564: level k earns (50 + 10k) % of the weight: 60/70/80/90/100.
    case sixtyToHundred = "60-100"
    /// FY2567: level k earns 20k % of the weight: 20/40/60/80/100.
    case twentyToHundred = "20-100"

    /// Percentage of the weight earned at a (possibly fractional) level 1…5.
    public func points(atLevel level: Decimal) -> Decimal {
        switch self {
        case .sixtyToHundred: return 50 + 10 * level
        case .twentyToHundred: return 20 * level
        }
    }
}

/// The performance agreement (คำรับรองการปฏิบัติราชการ) of a unit for a fiscal year.
public struct Agreement: Codable, Hashable, Sendable {
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var pointsScheme: PointsScheme
    public var components: [Component]
    public var appeals: [Appeal]

    public init(unitCode: String, fiscalYear: FiscalYear, pointsScheme: PointsScheme, components: [Component], appeals: [Appeal] = []) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.pointsScheme = pointsScheme
        self.components = components; self.appeals = appeals
    }

    enum CodingKeys: String, CodingKey { case unitCode, fiscalYear, pointsScheme, components, appeals }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        unitCode = try c.decode(String.self, forKey: .unitCode)
        fiscalYear = try c.decode(FiscalYear.self, forKey: .fiscalYear)
        pointsScheme = try c.decode(PointsScheme.self, forKey: .pointsScheme)
        components = try c.decode([Component].self, forKey: .components)
        appeals = try c.decodeIfPresent([Appeal].self, forKey: .appeals) ?? []
    }

    public var allKPIs: [AgreementKPI] { components.flatMap(\.kpis) }
    public func kpi(code: String) -> AgreementKPI? { allKPIs.first { $0.code == code } }
}

/// A component (องค์ประกอบ) of an agreement. Its number and name follow the year's template.
public struct Component: Codable, Hashable, Sendable {
    public var number: String
    public var name: String
    /// English tag (Performance Base, Innovation Base …).
    public var tag: String?
    /// Stated weight; when absent the weight is the Σ of its KPIs' weights.
    public var weight: Decimal?
    public var kpis: [AgreementKPI]

    public init(number: String, name: String, tag: String? = nil, weight: Decimal? = nil, kpis: [AgreementKPI]) {
        self.number = number; self.name = name; self.tag = tag; self.weight = weight; self.kpis = kpis
    }

    public var effectiveWeight: Decimal { weight ?? kpis.map(\.weight).reduce(0, +) }
}

/// A KPI of the agreement (table ค), with its criteria.
public struct AgreementKPI: Codable, Hashable, Sendable {
    public var code: String
    public var name: String
    public var weight: Decimal
    public var criteria: Criteria
    /// Sub-component it belongs to (๑.๑ Function Base …).
    public var subcomponent: String?
    public var kind: KPIResultKind?
    public var baselines: [YearValue]?
    public var target: String?
    public var definition: String?
    public var method: String?
    public var evidence: [String]?
    public var owner: String?
    /// The criteria table as printed: one row per level with its label and stated points.
    public var levelRows: [LevelRow]?
    public var links: [FrameworkRef]?
    public var projectIDs: [String]?
    public var source: String?
    /// Where the KPI's result comes from: typed in a report (nil or `.reported`), or computed
    /// from the budget disbursement records or the innovation record (issue 5).
    public var resultSource: KPIResultSource?

    public init(code: String, name: String, weight: Decimal, criteria: Criteria, subcomponent: String? = nil,
                kind: KPIResultKind? = nil, baselines: [YearValue]? = nil, target: String? = nil,
                definition: String? = nil, method: String? = nil, evidence: [String]? = nil, owner: String? = nil,
                levelRows: [LevelRow]? = nil, links: [FrameworkRef]? = nil, projectIDs: [String]? = nil, source: String? = nil) {
        self.code = code; self.name = name; self.weight = weight; self.criteria = criteria
        self.subcomponent = subcomponent; self.kind = kind; self.baselines = baselines; self.target = target
        self.definition = definition; self.method = method; self.evidence = evidence; self.owner = owner
        self.levelRows = levelRows; self.links = links; self.projectIDs = projectIDs; self.source = source
    }
}

/// Where an agreement KPI's result comes from (`AgreementKPI.resultSource`).
public enum KPIResultSource: String, Codable, Sendable {
    case reported, disbursement, innovation
}

/// One printed row of a criteria table: level, its label (ร้อยละ ๘๐), the points the table
/// states, and what the level requires.
public struct LevelRow: Codable, Hashable, Sendable {
    public var level: Int
    public var label: String?
    public var points: Decimal?
    public var description: String?
    /// The measured range the row prints ("3–4 ครั้ง" → 3…4; "≥ 7" → min 7), when it prints one.
    public var min: Decimal?
    public var max: Decimal?
    public init(level: Int, label: String? = nil, points: Decimal? = nil, description: String? = nil,
                min: Decimal? = nil, max: Decimal? = nil) {
        self.level = level; self.label = label; self.points = points; self.description = description
        self.min = min; self.max = max
    }
}

/// An appeal (อุทธรณ์): an approved one lowers a target (new criteria) or exempts a KPI.
public struct Appeal: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable { case lowerTarget, exempt }
    public enum Decision: String, Codable, Sendable { case pending, approved, rejected }
    public var kpiCode: String
    public var kind: Kind
    public var reason: String
    public var decision: Decision
    public var newCriteria: Criteria?
    public var evidence: [String]?
    public var version: Int?

    public init(kpiCode: String, kind: Kind, reason: String, decision: Decision, newCriteria: Criteria? = nil,
                evidence: [String]? = nil, version: Int? = nil) {
        self.kpiCode = kpiCode; self.kind = kind; self.reason = reason; self.decision = decision
        self.newCriteria = newCriteria; self.evidence = evidence; self.version = version
    }
}
