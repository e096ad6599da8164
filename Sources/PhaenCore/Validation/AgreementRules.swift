import Foundation

/// The agreement's weights and criteria tables (R-SCORE-C, R-SCORE-D, domain.md §5).
enum AgreementRules {
    static func check(_ agreement: Agreement) -> [Finding] {
        var out: [Finding] = []
        let base = "คำรับรอง \(agreement.unitCode)/\(agreement.fiscalYear)"
        var componentSum: Decimal = 0
        for component in agreement.components {
            let kpiSum = component.kpis.map(\.weight).reduce(0, +)
            componentSum += component.effectiveWeight
            if let stated = component.weight, stated != kpiSum, !component.kpis.isEmpty {
                out.append(Finding(rule: "AGR-KPI-WEIGHTS", severity: .error,
                    messageTH: "น้ำหนักองค์ประกอบที่ \(component.number) ระบุ \(Fmt.number(stated)) แต่น้ำหนักตัวชี้วัดรวมกันได้ \(Fmt.number(kpiSum))",
                    messageEN: "Component \(component.number) weight \(Fmt.number(stated)) differs from the sum of its KPI weights \(Fmt.number(kpiSum))",
                    location: "\(base) › องค์ประกอบที่ \(component.number)", stated: Fmt.number(stated), computed: Fmt.number(kpiSum)))
            }
            for kpi in component.kpis {
                out += checkKPI(kpi, scheme: agreement.pointsScheme, where_: "\(base) › ตัวชี้วัด \(kpi.code)")
            }
        }
        if !agreement.components.isEmpty, componentSum != 100 {
            out.append(Finding(rule: "AGR-WEIGHTS-100", severity: .warning,
                messageTH: "น้ำหนักขององค์ประกอบรวมกันได้ \(Fmt.number(componentSum)) ไม่ใช่ 100",
                messageEN: "Component weights sum to \(Fmt.number(componentSum)), not 100",
                location: base, stated: nil, computed: Fmt.number(componentSum)))
        }
        var seen = Set<String>()
        for kpi in agreement.allKPIs where !seen.insert(kpi.code).inserted {
            out.append(Finding(rule: "AGR-DUP-KPI", severity: .error,
                messageTH: "รหัสตัวชี้วัด \(kpi.code) ซ้ำ", messageEN: "KPI code \(kpi.code) is used twice",
                location: "\(base) › ตัวชี้วัด \(kpi.code)", stated: kpi.code))
        }
        return out
    }

    static func checkKPI(_ kpi: AgreementKPI, scheme: PointsScheme, where_: String) -> [Finding] {
        var out: [Finding] = []
        for row in kpi.levelRows ?? [] {
            guard let points = row.points else { continue }
            let expected = kpi.weight * scheme.points(atLevel: Decimal(row.level)) / 100
            if row.level == 5, points != kpi.weight {
                out.append(Finding(rule: "AGR-LEVEL5-POINTS", severity: .error,
                    messageTH: "คะแนนระดับ 5 (\(Fmt.number(points))) ไม่เท่ากับน้ำหนักตัวชี้วัด (\(Fmt.number(kpi.weight)))",
                    messageEN: "Level-5 points \(Fmt.number(points)) differ from the KPI weight \(Fmt.number(kpi.weight))",
                    location: where_, stated: Fmt.number(points), computed: Fmt.number(kpi.weight)))
            } else if row.level != 5, points != expected {
                out.append(Finding(rule: "AGR-ROW-POINTS", severity: .error,
                    messageTH: "คะแนนระดับ \(row.level) ระบุ \(Fmt.number(points)) แต่ตามเกณฑ์ \(scheme.rawValue) ต้องเป็น \(Fmt.number(expected))",
                    messageEN: "Level \(row.level) states \(Fmt.number(points)) points; the \(scheme.rawValue) scheme gives \(Fmt.number(expected))",
                    location: where_, stated: Fmt.number(points), computed: Fmt.number(expected)))
            }
        }
        out += ThresholdRules.check(kpi.criteria, where_: where_)
        out += ThresholdRules.checkRanges(kpi.levelRows ?? [], where_: where_)
        return out
    }
}

/// Thresholds must be strictly monotonic in the KPI's direction; printed level ranges must
/// neither overlap nor leave gaps.
enum ThresholdRules {
    static func check(_ criteria: Criteria, where_: String) -> [Finding] {
        switch criteria {
        case .thresholds(let t):
            let rows: [(String?, [Decimal?])]
            switch t.table {
            case .uniform(let row): rows = [(nil, row)]
            case .perGroup(let byGroup): rows = byGroup.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            }
            return rows.flatMap { group, row in monotonic(row, direction: t.direction, group: group, where_: where_) }
        case .composite(let c):
            return c.parts.flatMap { check($0.criteria, where_: where_) }
        case .steps, .judged:
            return []
        }
    }

    static func monotonic(_ row: [Decimal?], direction: Direction, group: String?, where_: String) -> [Finding] {
        let values = row.enumerated().compactMap { i, v in v.map { (i + 1, $0) } }
        for (a, b) in zip(values, values.dropFirst()) {
            let ok = direction == .higher ? b.1 > a.1 : b.1 < a.1
            if !ok {
                let g = group.map { " (กลุ่ม \($0))" } ?? ""
                return [Finding(rule: "AGR-THRESHOLD-ORDER", severity: .error,
                    messageTH: "เกณฑ์\(g)ไม่เรียงตามระดับ: ระดับ \(a.0) = \(Fmt.number(a.1)), ระดับ \(b.0) = \(Fmt.number(b.1)) (\(direction == .higher ? "ยิ่งมากยิ่งดี" : "ยิ่งน้อยยิ่งดี"))",
                    messageEN: "Thresholds\(group.map { " of group \($0)" } ?? "") are not monotonic: level \(a.0) = \(Fmt.number(a.1)), level \(b.0) = \(Fmt.number(b.1))",
                    location: where_, stated: row.map { $0.map(Fmt.number) ?? "–" }.joined(separator: "/"))]
            }
        }
        return []
    }

    /// Printed ranges per level ("3–4 ครั้ง"): sorted by their lower bound they must touch
    /// without overlapping; for whole-number measures a gap of exactly 1 is continuous.
    static func checkRanges(_ rows: [LevelRow], where_: String) -> [Finding] {
        let ranges = rows.compactMap { row -> (Int, Decimal, Decimal)? in
            guard let lo = row.min ?? (row.max != nil ? -Decimal.greatestFiniteMagnitude : nil),
                  let hi = row.max ?? (row.min != nil ? Decimal.greatestFiniteMagnitude : nil) else { return nil }
            return (row.level, lo, hi)
        }.sorted { $0.1 < $1.1 }
        guard ranges.count > 1 else { return [] }
        let wholeNumbers = ranges.allSatisfy { isWhole($0.1) && isWhole($0.2) }
        var out: [Finding] = []
        // `reach` is the furthest point covered so far and the level that covers it.
        var reach = (level: ranges[0].0, end: ranges[0].2)
        for b in ranges.dropFirst() {
            if b.1 <= reach.end {
                out.append(Finding(rule: "AGR-THRESHOLD-OVERLAP", severity: .error,
                    messageTH: "ช่วงเกณฑ์ของระดับ \(reach.level) และระดับ \(b.0) ซ้อนทับกัน",
                    messageEN: "The ranges of level \(reach.level) and level \(b.0) overlap", location: where_))
            } else if b.1 - reach.end > (wholeNumbers ? 1 : 0) {
                out.append(Finding(rule: "AGR-THRESHOLD-GAP", severity: .error,
                    messageTH: "ช่วงเกณฑ์ระหว่างระดับ \(reach.level) และระดับ \(b.0) มีช่องว่าง (\(Fmt.number(reach.end)) ถึง \(Fmt.number(b.1)))",
                    messageEN: "There is a gap between the ranges of level \(reach.level) and level \(b.0)", location: where_))
            }
            if b.2 > reach.end { reach = (b.0, b.2) }
        }
        return out
    }

    static func isWhole(_ d: Decimal) -> Bool {
        d == Decimal.greatestFiniteMagnitude || d == -Decimal.greatestFiniteMagnitude || Scorer.rounded(d, 0) == d
    }
}
