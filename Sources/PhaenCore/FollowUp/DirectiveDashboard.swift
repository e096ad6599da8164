import Foundation

/// How many (directive, unit) pairs are in each status. The denominator of every percentage
/// is `total`, the number of pairs (reports-spec §2.4), so the four percentages add up to 100.
public struct DirectiveStatusCounts: Hashable, Sendable {
    public var notReported = 0
    public var inProgress = 0
    public var done = 0
    public var cannotBeDone = 0

    public init() {}

    public var total: Int { notReported + inProgress + done + cannotBeDone }

    public subscript(status: DirectiveStatus) -> Int {
        get {
            switch status {
            case .notReported: return notReported
            case .inProgress: return inProgress
            case .done: return done
            case .cannotBeDone: return cannotBeDone
            }
        }
        set {
            switch status {
            case .notReported: notReported = newValue
            case .inProgress: inProgress = newValue
            case .done: done = newValue
            case .cannotBeDone: cannotBeDone = newValue
            }
        }
    }

    /// count / pairs × 100, exact (rounded only when printed); 0 when there are no pairs.
    public func percent(_ status: DirectiveStatus) -> Decimal {
        total == 0 ? 0 : Decimal(self[status]) * 100 / Decimal(total)
    }

    /// Pairs the unit has answered (any status but not reported).
    public var reported: Int { total - notReported }
}

/// One (directive, unit) pair and its current status.
public struct DirectivePair: Hashable, Sendable {
    public var directive: Directive
    public var unitCode: String
    public var status: DirectiveStatus
    /// The latest report, nil while not reported.
    public var latest: DirectiveReport?
}

/// The follow-up dashboard (reports-spec §2.4): counts and percentages by status overall, by
/// directive group, by impact factor and by unit, and the units with pairs not yet reported.
/// A directive tagged with two factors counts under both, so the factor rows may add up to
/// more than the pairs; groups and units partition the pairs exactly.
public struct DirectiveDashboard: Hashable, Sendable {
    public struct Row<Key: Hashable & Sendable>: Hashable, Sendable {
        public var key: Key
        public var counts: DirectiveStatusCounts
    }

    public var pairs: [DirectivePair]
    public var overall: DirectiveStatusCounts
    /// Groups 1–10 in order, then directives without a group (key nil); groups with no pairs are kept (zero rows).
    public var byGroup: [Row<Int?>]
    /// The five factors in order, then directives without a factor (key nil).
    public var byFactor: [Row<ImpactFactor?>]
    /// Units by code.
    public var byUnit: [Row<String>]
    /// Units with at least one pair not yet reported, by code, with how many.
    public var unitsNotReported: [(unitCode: String, count: Int)] {
        byUnit.filter { $0.counts.notReported > 0 }.map { ($0.key, $0.counts.notReported) }
    }

    public static func == (a: Self, b: Self) -> Bool { a.pairs == b.pairs }
    public func hash(into h: inout Hasher) { h.combine(pairs) }

    /// The pairs of `directives` with their status after `reports` (oldest first). Reports on
    /// a unit the directive is not addressed to are ignored.
    public static func pairs(directives: [Directive], reports: [DirectiveReport]) -> [DirectivePair] {
        var latest: [String: DirectiveReport] = [:]
        for r in reports { latest[r.directiveID + "\u{1}" + r.unitCode] = r }
        return directives.flatMap { d in
            d.addressedUnits.map { unit in
                let report = latest[d.id + "\u{1}" + unit]
                return DirectivePair(directive: d, unitCode: unit, status: report?.status ?? .notReported, latest: report)
            }
        }
    }

    public init(pairs: [DirectivePair]) {
        self.pairs = pairs
        var overall = DirectiveStatusCounts()
        var groups: [Int?: DirectiveStatusCounts] = [:]
        var factors: [ImpactFactor?: DirectiveStatusCounts] = [:]
        var units: [String: DirectiveStatusCounts] = [:]
        for p in pairs {
            overall[p.status] += 1
            groups[p.directive.group, default: .init()][p.status] += 1
            for f in p.directive.factors.isEmpty ? [nil] : Array(Set(p.directive.factors)).map(Optional.some) {
                factors[f, default: .init()][p.status] += 1
            }
            units[p.unitCode, default: .init()][p.status] += 1
        }
        self.overall = overall
        byGroup = DirectiveGroup.numbers.map { Row(key: $0, counts: groups[$0] ?? .init()) }
            + (groups[nil].map { [Row(key: nil, counts: $0)] } ?? [])
        byFactor = ImpactFactor.allCases.map { Row(key: $0, counts: factors[$0] ?? .init()) }
            + (factors[nil].map { [Row(key: nil, counts: $0)] } ?? [])
        byUnit = units.keys.sorted().map { Row(key: $0, counts: units[$0]!) }
    }

    public init(directives: [Directive], reports: [DirectiveReport]) {
        self.init(pairs: Self.pairs(directives: directives, reports: reports))
    }
}
