import Foundation

/// The score of one KPI with the rule that produced it, so every figure on a page can be
/// explained from the same value ("why is this 6.0?").
public struct KPIScore: Codable, Hashable, Sendable {
    public var code: String
    public var name: String
    public var weight: Decimal
    /// Level 1…5, fractional when interpolated; nil when the KPI cannot be scored yet.
    public var level: Decimal?
    /// Percentage of the weight earned (60–100 or 20–100).
    public var points: Decimal?
    /// weight × points / 100.
    public var weightedScore: Decimal?
    /// Machine name of the rule: threshold, interpolated, floor, cap, steps, judged, composite,
    /// exempt, unscored.
    public var rule: String
    /// How the level was reached, in Thai with the numbers used.
    public var explanation: String
    /// Stated figures that differ from the computed ones.
    public var findings: [StatedMismatch]
}

/// A figure printed in a document that differs from the one Phaen computes.
public struct StatedMismatch: Codable, Hashable, Sendable {
    /// Which figure: level, points, weightedScore, componentScore, total.
    public var code: String
    public var stated: Decimal
    public var computed: Decimal?
}

public struct ComponentScore: Codable, Hashable, Sendable {
    public var number: String
    public var name: String
    public var weight: Decimal
    /// Σ of the KPIs' weighted scores.
    public var score: Decimal
    public var kpis: [KPIScore]
}

/// The score card of an agreement: per KPI, per component and in total, with findings.
public struct ScoreCard: Codable, Hashable, Sendable {
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var pointsScheme: PointsScheme
    public var unitGroup: String?
    public var total: Decimal
    public var components: [ComponentScore]
    public var findings: [Finding]

    public var allKPIs: [KPIScore] { components.flatMap(\.kpis) }
}
