import Foundation

/// How a KPI's level 1–5 is reached (เกณฑ์การให้คะแนน, domain.md §5).
public indirect enum Criteria: Hashable, Sendable {
    /// Numeric thresholds T1…T5, higher or lower is better, optionally per unit group and
    /// optionally interpolated between thresholds.
    case thresholds(ThresholdCriteria)
    /// Steps completed in order: the level is the number of consecutive steps done.
    case steps(StepCriteria)
    /// Milestones and conditions judged by people: the reporter claims a level, the
    /// evaluator confirms it.
    case judged(JudgedCriteria)
    /// Several measures, each with its own criteria; the lowest level wins.
    case composite(CompositeCriteria)

    public var kind: String {
        switch self {
        case .thresholds: return "thresholds"
        case .steps: return "steps"
        case .judged: return "judged"
        case .composite: return "composite"
        }
    }
}

public enum Direction: String, Codable, Sendable { case higher, lower }

/// Threshold rows: one for every unit, or one per unit group (A–D).
public enum ThresholdTable: Hashable, Sendable {
    case uniform([Decimal?])
    case perGroup([String: [Decimal?]])

    public func row(forGroup group: String?) -> [Decimal?]? {
        switch self {
        case .uniform(let row): return row
        case .perGroup(let rows): return group.flatMap { rows[$0] }
        }
    }
}

public struct ThresholdCriteria: Hashable, Sendable {
    public var direction: Direction
    public var interpolate: Bool
    public var table: ThresholdTable
    /// What the result measures, e.g. "ร้อยละ", "ครั้ง/ปี".
    public var unit: String?

    public init(direction: Direction = .higher, interpolate: Bool = false, table: ThresholdTable, unit: String? = nil) {
        self.direction = direction; self.interpolate = interpolate; self.table = table; self.unit = unit
    }
}

public struct StepCriteria: Hashable, Sendable {
    /// What each step requires (ขั้นตอนที่ 1 … 5).
    public var steps: [String]
    public init(steps: [String] = []) { self.steps = steps }
}

public struct JudgedCriteria: Hashable, Sendable {
    /// What each level requires (ระดับ 1 … 5).
    public var levels: [String]
    public init(levels: [String] = []) { self.levels = levels }
}

public struct CompositeCriteria: Hashable, Sendable {
    public var parts: [CriteriaPart]
    public init(parts: [CriteriaPart]) { self.parts = parts }
}

public struct CriteriaPart: Hashable, Sendable {
    public var name: String?
    public var criteria: Criteria
    public init(name: String? = nil, criteria: Criteria) { self.name = name; self.criteria = criteria }
}
