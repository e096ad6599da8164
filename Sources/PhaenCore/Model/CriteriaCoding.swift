import Foundation

/// JSON form of criteria, shared by the demo dataset and the agreement exchange format:
/// `{"kind": "thresholds", "direction": "higher", "interpolate": true, "thresholds": [70,75,80,85,90]}`
/// or `"thresholds": {"A": [...], "B": [...]}`; `{"kind": "steps"}`; `{"kind": "judged"}`;
/// `{"kind": "composite", "parts": [ {criteria…}, … ]}`. Errors carry the coding path so the
/// caller can name the JSON path.
extension Criteria: Codable {
    enum CodingKeys: String, CodingKey { case kind, direction, interpolate, thresholds, unit, steps, levels, parts, name }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(String.self, forKey: .kind)
        switch kind {
        case "thresholds":
            let direction = try c.decodeIfPresent(Direction.self, forKey: .direction) ?? .higher
            let interpolate = try c.decodeIfPresent(Bool.self, forKey: .interpolate) ?? false
            let table: ThresholdTable
            if let row = try? c.decode([Decimal?].self, forKey: .thresholds) {
                table = .uniform(try Self.checkRow(row, direction: direction, key: .thresholds, in: c))
            } else if let rows = try? c.decode([String: [Decimal?]].self, forKey: .thresholds) {
                guard !rows.isEmpty else {
                    throw DecodingError.dataCorruptedError(forKey: .thresholds, in: c,
                        debugDescription: "the per-group threshold table is empty")
                }
                var checked: [String: [Decimal?]] = [:]
                for (group, row) in rows { checked[group] = try Self.checkRow(row, direction: direction, key: .thresholds, in: c, group: group) }
                table = .perGroup(checked)
            } else {
                throw DecodingError.dataCorruptedError(forKey: .thresholds, in: c,
                    debugDescription: "thresholds must be an array of 5 numbers for levels 1–5, or an object of such arrays keyed by unit group")
            }
            self = .thresholds(ThresholdCriteria(direction: direction, interpolate: interpolate, table: table,
                                                 unit: try c.decodeIfPresent(String.self, forKey: .unit)))
        case "steps":
            self = .steps(StepCriteria(steps: try c.decodeIfPresent([String].self, forKey: .steps) ?? []))
        case "judged":
            self = .judged(JudgedCriteria(levels: try c.decodeIfPresent([String].self, forKey: .levels) ?? []))
        case "composite":
            let parts = try c.decode([CriteriaPart].self, forKey: .parts)
            guard !parts.isEmpty else {
                throw DecodingError.dataCorruptedError(forKey: .parts, in: c, debugDescription: "a composite needs at least one part")
            }
            self = .composite(CompositeCriteria(parts: parts))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c,
                debugDescription: "unknown criteria kind \"\(kind)\" (thresholds, steps, judged, composite)")
        }
    }

    private static func checkRow(_ row: [Decimal?], direction: Direction, key: CodingKeys,
                                 in c: KeyedDecodingContainer<CodingKeys>, group: String? = nil) throws -> [Decimal?] {
        let which = group.map { " of group \($0)" } ?? ""
        guard row.count == 5 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c,
                debugDescription: "a threshold row\(which) needs 5 values (levels 1–5), found \(row.count)")
        }
        // Only the level-1 value of a lower-is-better row may be open (null): "≥ 7 → level 1".
        for (i, value) in row.enumerated() where value == nil && !(i == 0 && direction == .lower) {
            throw DecodingError.dataCorruptedError(forKey: key, in: c,
                debugDescription: "threshold row\(which): level \(i + 1) has no value")
        }
        return row
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .thresholds(let t):
            try c.encode(t.direction, forKey: .direction)
            try c.encode(t.interpolate, forKey: .interpolate)
            switch t.table {
            case .uniform(let row): try c.encode(row, forKey: .thresholds)
            case .perGroup(let rows): try c.encode(rows, forKey: .thresholds)
            }
            try c.encodeIfPresent(t.unit, forKey: .unit)
        case .steps(let s): if !s.steps.isEmpty { try c.encode(s.steps, forKey: .steps) }
        case .judged(let j): if !j.levels.isEmpty { try c.encode(j.levels, forKey: .levels) }
        case .composite(let comp): try c.encode(comp.parts, forKey: .parts)
        }
    }
}

/// A composite part is written as the part's criteria object with an optional "name".
extension CriteriaPart: Codable {
    enum NameKey: String, CodingKey { case name }
    public init(from decoder: Decoder) throws {
        name = try decoder.container(keyedBy: NameKey.self).decodeIfPresent(String.self, forKey: .name)
        criteria = try Criteria(from: decoder)
    }
    public func encode(to encoder: Encoder) throws {
        try criteria.encode(to: encoder)
        var c = encoder.container(keyedBy: NameKey.self)
        try c.encodeIfPresent(name, forKey: .name)
    }
}
