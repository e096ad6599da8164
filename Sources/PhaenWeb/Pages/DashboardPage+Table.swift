import Foundation
import PhaenCore

/// The pure half of the dashboard: from scored lines to the sorted, linked table.
extension DashboardPage {
    static func build(query: DashboardQuery, years: [FiscalYear], zones: [String], lines: [Line],
                      agreements: [Agreement]) -> DashboardPage {
        // Component columns: every component number the year's agreements use, in numeric order.
        var names: [String: String] = [:]
        for a in agreements { for c in a.components where names[c.number] == nil { names[c.number] = c.name } }
        let numbers = names.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        let sort = query.sort ?? "-total"
        func column(_ key: String, _ label: String, _ title: String, descendingFirst: Bool) -> Column {
            let ascending = "\(key)", descending = "-\(key)"
            let next = sort == ascending ? descending : sort == descending ? ascending : (descendingFirst ? descending : ascending)
            var q = query; q.sort = next
            return Column(label: label, title: title, href: SiteURL.dashboard(q).path,
                          arrow: sort == ascending ? "▲" : sort == descending ? "▼" : nil)
        }
        let sorted = sortLines(lines, by: sort)
        let rows = sorted.map { line -> Row in
            let scheme = line.card?.pointsScheme ?? .twentyToHundred
            let weights = Dictionary(uniqueKeysWithValues: (line.card?.components ?? []).map { ($0.number, $0.weight) })
            let cells = numbers.map { number -> Cell in
                guard let score = line.componentScores[number] else { return Cell(text: "", band: "na") }
                guard let score else { return Cell(text: "–", band: "lv0") }
                return Cell(text: n(score), band: LevelBand.cssClass(score: score, weight: weights[number] ?? 0, scheme: scheme))
            }
            let total: Cell = line.card == nil ? Cell(text: "ไม่มีคำรับรอง", band: "na")
                : line.total.map { Cell(text: n($0), band: LevelBand.cssClass(score: $0, weight: line.totalWeight, scheme: scheme)) }
                ?? Cell(text: "–", band: "lv0")
            return Row(code: line.unit.code, name: line.unit.nameTH, href: SiteURL.unit(line.unit.code).path,
                       kind: line.unit.kind.thaiName, zone: line.unit.zoneGroup, cells: cells, total: total,
                       scoresURL: line.card.map { SiteURL.scores(line.unit.code, $0.fiscalYear).path })
        }
        let scored = sorted.filter { $0.card != nil }
        let chart = scored.isEmpty ? nil : BarChartSVG.draw(scored.map { line in
            BarChartSVG.Bar(label: line.unit.nameTH, value: line.total.map(SVGText.double),
                            capacity: SVGText.double(line.totalWeight),
                            valueText: "\(line.total.map(n) ?? "–") / \(n(line.totalWeight))",
                            cssClass: LevelBand.cssClass(score: line.total, weight: line.totalWeight,
                                                         scheme: line.card?.pointsScheme ?? .twentyToHundred))
        }, title: "คะแนนรวมของแต่ละหน่วยงาน")
        return DashboardPage(
            year: query.year.map { String($0.be) },
            years: years.map { y in var q = query; q.year = y; return Link(label: String(y.be), href: SiteURL.dashboard(q).path, current: y == query.year) },
            kinds: ([nil] + UnitKind.allCases.map(Optional.some)).map { k in
                var q = query; q.kind = k
                return Link(label: k?.thaiName ?? "ทุกประเภท", href: SiteURL.dashboard(q).path, current: k == query.kind)
            },
            zones: ([nil] + zones.map(Optional.some)).map { z in
                var q = query; q.zone = z
                return Link(label: z ?? "ทุกกลุ่มเขต", href: SiteURL.dashboard(q).path, current: z == (query.zone.flatMap { $0.isEmpty ? nil : $0 }))
            },
            unitColumn: column("unit", "หน่วยงาน", "เรียงตามรหัสหน่วยงาน", descendingFirst: false),
            columns: numbers.map { column("c\($0)", "องค์ประกอบที่ \($0)", names[$0] ?? "", descendingFirst: true) },
            totalColumn: column("total", "คะแนนรวม", "เรียงตามคะแนนรวม", descendingFirst: true),
            rows: rows, chart: chart, scoredCount: scored.count, hasYear: query.year != nil)
    }

    /// Units without a figure always sink to the bottom, whichever the direction.
    static func sortLines(_ lines: [Line], by sort: String) -> [Line] {
        let descending = sort.hasPrefix("-")
        let key = descending ? String(sort.dropFirst()) : sort
        func value(_ line: Line) -> Decimal? {
            if key == "total" { return line.total }
            if key.hasPrefix("c") { return line.componentScores[String(key.dropFirst())] ?? nil }
            return nil
        }
        if key == "unit" {
            return lines.sorted { descending ? $0.unit.code > $1.unit.code : $0.unit.code < $1.unit.code }
        }
        return lines.sorted { a, b in
            switch (value(a), value(b)) {
            case let (x?, y?): return x == y ? a.unit.code < b.unit.code : (descending ? x > y : x < y)
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil):
                // An agreement still without figures ranks above no agreement at all.
                if (a.card == nil) != (b.card == nil) { return a.card != nil }
                return a.unit.code < b.unit.code
            }
        }
    }

    static func n(_ d: Decimal) -> String { ThaiNumberFormat.decimal(d, maxFractionDigits: 2) }
}
