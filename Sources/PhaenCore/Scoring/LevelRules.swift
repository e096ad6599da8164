import Foundation

/// The level a criteria gives to a result, with the rule used. Pure arithmetic in Decimal.
struct LevelOutcome: Hashable {
    var level: Decimal?
    var rule: String
    var explanation: String
}

enum LevelRules {
    static func level(for criteria: Criteria, value: Decimal?, claimedLevel: Decimal?, partValues: [Decimal?]?,
                      unitGroup: String?) -> LevelOutcome {
        switch criteria {
        case .thresholds(let t):
            guard let value else { return unscored("ยังไม่มีผลการดำเนินงาน") }
            guard let row = t.table.row(forGroup: unitGroup) else {
                return unscored("ไม่มีเกณฑ์ของกลุ่มหน่วยงาน \(unitGroup ?? "(ไม่ระบุ)")")
            }
            return t.direction == .higher
                ? higher(value, row: row, interpolate: t.interpolate)
                : lower(value, row: row, interpolate: t.interpolate)
        case .steps:
            guard let value else { return unscored("ยังไม่รายงานจำนวนขั้นตอน") }
            var whole = Decimal(); var v = value
            NSDecimalRound(&whole, &v, 0, .down)
            let done = min(max(whole, 0), 5)
            if done == 0 { return LevelOutcome(level: nil, rule: "unscored", explanation: "ยังไม่ครบขั้นตอนที่ 1") }
            return LevelOutcome(level: done, rule: "steps", explanation: "ดำเนินการครบ \(fmt(done)) ขั้นตอนตามลำดับ → ระดับ \(fmt(done))")
        case .judged:
            guard let claimedLevel else { return unscored("ยังไม่ระบุระดับที่ได้") }
            let level = min(max(claimedLevel, 1), 5)
            return LevelOutcome(level: level, rule: "judged", explanation: "ระดับตามที่ประเมิน \(fmt(level))")
        case .composite(let composite):
            var outcomes: [LevelOutcome] = []
            for (i, part) in composite.parts.enumerated() {
                let partValue = partValues.flatMap { i < $0.count ? $0[i] : nil }
                outcomes.append(level(for: part.criteria, value: partValue, claimedLevel: partValue,
                                      partValues: nil, unitGroup: unitGroup))
            }
            let levels = outcomes.compactMap(\.level)
            guard levels.count == outcomes.count, let lowest = levels.min() else {
                return unscored("ผลของเกณฑ์ย่อยยังไม่ครบ")
            }
            let parts = outcomes.enumerated().map { "ส่วนที่ \($0.offset + 1): \($0.element.explanation)" }
            return LevelOutcome(level: lowest, rule: "composite",
                                explanation: parts.joined(separator: "; ") + " → ใช้ระดับต่ำสุด \(fmt(lowest))")
        }
    }

    /// Higher is better: the highest k with value ≥ T_k; below T1 scores as level 1 (floor),
    /// above T5 as 5 (cap); with interpolation, linear between T_k and T_k+1 — the step per
    /// level is taken from the row itself.
    static func higher(_ x: Decimal, row: [Decimal?], interpolate: Bool) -> LevelOutcome {
        let t = row.map { $0 ?? 0 }
        let rowText = t.map(fmt).joined(separator: "/")
        guard let k = (0..<5).last(where: { x >= t[$0] }) else {
            return LevelOutcome(level: 1, rule: "floor",
                                explanation: "ผล \(fmt(x)) ต่ำกว่าเกณฑ์ระดับ 1 (\(fmt(t[0]))) ได้ระดับ 1 (เกณฑ์ \(rowText))")
        }
        if k == 4 {
            let rule = x > t[4] ? "cap" : "threshold"
            return LevelOutcome(level: 5, rule: rule, explanation: "ผล \(fmt(x)) ≥ \(fmt(t[4])) → ระดับ 5 (เกณฑ์ \(rowText))")
        }
        let base = Decimal(k + 1)
        if interpolate && x > t[k] {
            let level = base + (x - t[k]) / (t[k + 1] - t[k])
            return LevelOutcome(level: level, rule: "interpolated",
                                explanation: "ผล \(fmt(x)) อยู่ระหว่าง \(fmt(t[k])) (ระดับ \(fmt(base))) และ \(fmt(t[k + 1])) (ระดับ \(fmt(base + 1))) → ระดับ \(fmt(level)) (เกณฑ์ \(rowText))")
        }
        return LevelOutcome(level: base, rule: "threshold",
                            explanation: "ผล \(fmt(x)) ≥ \(fmt(t[k])) → ระดับ \(fmt(base)) (เกณฑ์ \(rowText))")
    }

    /// Lower is better: the highest k with value ≤ T_k (an open level-1 value accepts
    /// anything); above T1 scores as level 1; interpolation mirrors `higher`.
    static func lower(_ x: Decimal, row: [Decimal?], interpolate: Bool) -> LevelOutcome {
        let rowText = row.map { $0.map(fmt) ?? "–" }.joined(separator: "/")
        let k = (0..<5).last(where: { i in row[i].map { x <= $0 } ?? true })
        guard let k else {
            return LevelOutcome(level: 1, rule: "floor",
                                explanation: "ผล \(fmt(x)) เกินเกณฑ์ระดับ 1 ได้ระดับ 1 (เกณฑ์ \(rowText), ยิ่งน้อยยิ่งดี)")
        }
        if k == 4 {
            let rule = x < row[4]! ? "cap" : "threshold"
            return LevelOutcome(level: 5, rule: rule, explanation: "ผล \(fmt(x)) ≤ \(fmt(row[4]!)) → ระดับ 5 (เกณฑ์ \(rowText), ยิ่งน้อยยิ่งดี)")
        }
        let base = Decimal(k + 1)
        if interpolate, let tk = row[k], let next = row[k + 1], x < tk {
            let level = base + (tk - x) / (tk - next)
            return LevelOutcome(level: level, rule: "interpolated",
                                explanation: "ผล \(fmt(x)) อยู่ระหว่าง \(fmt(tk)) (ระดับ \(fmt(base))) และ \(fmt(next)) (ระดับ \(fmt(base + 1))) → ระดับ \(fmt(level)) (ยิ่งน้อยยิ่งดี)")
        }
        let bound = row[k].map { "≤ \(fmt($0))" } ?? "> \(fmt(row[1] ?? 0))"
        return LevelOutcome(level: base, rule: "threshold",
                            explanation: "ผล \(fmt(x)) \(bound) → ระดับ \(fmt(base)) (เกณฑ์ \(rowText), ยิ่งน้อยยิ่งดี)")
    }

    static func unscored(_ why: String) -> LevelOutcome { LevelOutcome(level: nil, rule: "unscored", explanation: why) }

    static func fmt(_ d: Decimal) -> String { ThaiNumberFormat.decimal(d, maxFractionDigits: 4, grouping: false) }
}
