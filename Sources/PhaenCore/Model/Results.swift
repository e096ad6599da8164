import Foundation

/// Figures a document prints for a KPI, to be compared with the computed ones; never copied.
public struct StatedFigures: Codable, Hashable, Sendable {
    public var level: Decimal?
    public var points: Decimal?
    public var weightedScore: Decimal?
    public init(level: Decimal? = nil, points: Decimal? = nil, weightedScore: Decimal? = nil) {
        self.level = level; self.points = points; self.weightedScore = weightedScore
    }
    public var isEmpty: Bool { level == nil && points == nil && weightedScore == nil }
}

/// The result of one KPI that scoring takes as input.
/// - thresholds: `value` is the measured result;
/// - steps: `value` is the number of steps completed in order;
/// - judged: `level` is the claimed or confirmed level;
/// - composite: `partValues` holds each part's result (or level for judged parts).
public struct KPIResult: Codable, Hashable, Sendable {
    public var kpiCode: String
    public var value: Decimal?
    public var level: Decimal?
    public var partValues: [Decimal?]?
    public var stated: StatedFigures?

    public init(kpiCode: String, value: Decimal? = nil, level: Decimal? = nil, partValues: [Decimal?]? = nil,
                stated: StatedFigures? = nil) {
        self.kpiCode = kpiCode; self.value = value; self.level = level; self.partValues = partValues; self.stated = stated
    }
}
