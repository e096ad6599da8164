import Foundation

/// Workflow state of a report (domain.md §6).
public enum ReportState: String, Codable, Sendable, CaseIterable {
    case draft, submitted, certified, accepted, locked

    public var thaiName: String {
        switch self {
        case .draft: return "ร่าง"
        case .submitted: return "ส่งแล้ว"
        case .certified: return "รับรองแล้ว"
        case .accepted: return "ผ่านการตรวจ"
        case .locked: return "ปิดรอบ"
        }
    }
}

/// A project or activity that supports a KPI in a report, with the budget it used.
public struct SupportingProject: Codable, Hashable, Sendable {
    public var name: String
    public var projectID: String?
    public var budget: BudgetCell?
    public init(name: String, projectID: String? = nil, budget: BudgetCell? = nil) {
        self.name = name; self.projectID = projectID; self.budget = budget
    }
}

/// Evidence cited by a report: a letter, an order, a form, a system …
public struct Evidence: Codable, Hashable, Sendable {
    public var text: String
    /// Document number as printed (ที่ กท ๐๔๐๙/๘๘).
    public var number: String?
    public var date: CivilDate?
    public init(text: String, number: String? = nil, date: CivilDate? = nil) {
        self.text = text; self.number = number; self.date = date
    }
}

/// A progress report of one KPI in one round (แบบรายงานผลการดำเนินงาน).
public struct ProgressReport: Codable, Hashable, Sendable {
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var round: ReportingRound
    public var kpiCode: String
    public var kpiName: String?
    /// Data as of (ข้อมูล ณ วันที่).
    public var asOf: CivilDate?
    /// The result as a number, when the KPI measures one.
    public var value: Decimal?
    /// The result as printed ("๔,๐๙๔,๗๖๙.๔๗ … ๓๓.๕๕%", "อยู่ระหว่างดำเนินการ ระดับ ๓").
    public var valueText: String?
    /// The level the reporter claims (judged and step KPIs).
    public var claimedLevel: Decimal?
    public var narrative: String?
    public var supportingProjects: [SupportingProject]
    public var factors: [String]
    public var obstacles: [String]
    /// Required when the result is below target (คำชี้แจงกรณีไม่เป็นไปตามเป้าหมาย).
    public var explanation: String?
    public var evidence: [Evidence]
    public var remarks: String?
    public var state: ReportState
    public var stated: StatedFigures?

    public init(unitCode: String, fiscalYear: FiscalYear, round: ReportingRound, kpiCode: String, kpiName: String? = nil,
                asOf: CivilDate? = nil, value: Decimal? = nil, valueText: String? = nil, claimedLevel: Decimal? = nil,
                narrative: String? = nil, supportingProjects: [SupportingProject] = [], factors: [String] = [],
                obstacles: [String] = [], explanation: String? = nil, evidence: [Evidence] = [], remarks: String? = nil,
                state: ReportState = .draft, stated: StatedFigures? = nil) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.round = round; self.kpiCode = kpiCode
        self.kpiName = kpiName; self.asOf = asOf; self.value = value; self.valueText = valueText
        self.claimedLevel = claimedLevel; self.narrative = narrative; self.supportingProjects = supportingProjects
        self.factors = factors; self.obstacles = obstacles; self.explanation = explanation; self.evidence = evidence
        self.remarks = remarks; self.state = state; self.stated = stated
    }

    enum CodingKeys: String, CodingKey {
        case unitCode, fiscalYear, round, kpiCode, kpiName, asOf, value, valueText, claimedLevel, narrative,
             supportingProjects, factors, obstacles, explanation, evidence, remarks, state, stated
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        unitCode = try c.decode(String.self, forKey: .unitCode)
        fiscalYear = try c.decode(FiscalYear.self, forKey: .fiscalYear)
        round = try c.decode(ReportingRound.self, forKey: .round)
        kpiCode = try c.decode(String.self, forKey: .kpiCode)
        kpiName = try c.decodeIfPresent(String.self, forKey: .kpiName)
        asOf = try c.decodeIfPresent(CivilDate.self, forKey: .asOf)
        value = try c.decodeIfPresent(Decimal.self, forKey: .value)
        valueText = try c.decodeIfPresent(String.self, forKey: .valueText)
        claimedLevel = try c.decodeIfPresent(Decimal.self, forKey: .claimedLevel)
        narrative = try c.decodeIfPresent(String.self, forKey: .narrative)
        supportingProjects = try c.decodeIfPresent([SupportingProject].self, forKey: .supportingProjects) ?? []
        factors = try c.decodeIfPresent([String].self, forKey: .factors) ?? []
        obstacles = try c.decodeIfPresent([String].self, forKey: .obstacles) ?? []
        explanation = try c.decodeIfPresent(String.self, forKey: .explanation)
        evidence = try c.decodeIfPresent([Evidence].self, forKey: .evidence) ?? []
        remarks = try c.decodeIfPresent(String.self, forKey: .remarks)
        state = try c.decodeIfPresent(ReportState.self, forKey: .state) ?? .draft
        stated = try c.decodeIfPresent(StatedFigures.self, forKey: .stated)
    }

    /// The scoring input this report provides.
    public var result: KPIResult {
        KPIResult(kpiCode: kpiCode, value: value, level: claimedLevel, stated: stated)
    }
}
