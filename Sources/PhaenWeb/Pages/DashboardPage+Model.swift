import Foundation
import PhaenApp
import PhaenCore
import PhaenStore

/// `/dashboard`: the city table — every visible unit × the year's components, scores coloured
/// by level band, the total; sorted by any column and filtered by unit kind and zone group
/// through the query string (no JavaScript), with a chart of the totals.
struct DashboardPage: SharedPage {
    struct Link { var label: String; var href: String; var current: Bool }
    struct Column { var label: String; var title: String; var href: String; var arrow: String? }
    struct Cell { var text: String; var band: String }
    struct Row {
        var code: String; var name: String; var href: String; var kind: String; var zone: String?
        var cells: [Cell]; var total: Cell; var scoresURL: String?
    }

    var title = "ภาพรวมผลการปฏิบัติราชการ"
    var year: String?
    var years: [Link]
    var kinds: [Link]
    var zones: [Link]
    var unitColumn: Column
    var columns: [Column]
    var totalColumn: Column
    var rows: [Row]
    var chart: String?
    var scoredCount: Int
    var hasYear: Bool
    /// Everyone with the same view scope asking the same query sees the same table.
    var sharing: PageSharing? = nil

    /// One unit's line before formatting: its component scores by number and its total.
    struct Line {
        var unit: PhaenCore.Unit
        var card: ScoreCard?
        var componentScores: [String: Decimal?]
        var total: Decimal?
        var totalWeight: Decimal
    }

    /// The page for this person's view scope and query, built once per data version for
    /// everyone who shares both (`ViewScope`: the same visible units, the same drafts).
    static func build(query: DashboardQuery, data: ScopedData) async throws -> DashboardPage {
        let version = try await data.store.dataVersion()
        let scope = ViewScope.key(data.person, unitCodes: try await data.store.units().map(\.code))
        let key = "\(scope)|\(SiteURL.dashboard(query).path)"
        var page = try await data.store.derived("page/dashboard/\(key)") { try await buildUnshared(query: query, data: data) }
        page.sharing = PageSharing(version: version, key: key)
        return page
    }

    static func buildUnshared(query: DashboardQuery, data: ScopedData) async throws -> DashboardPage {
        let agreements = try await data.agreements()
        let years = Array(Set(agreements.map(\.fiscalYear))).sorted(by: >)
        let year = query.year ?? years.first
        let allUnits = try await data.units()
        let units = allUnits.filter { u in
            (query.kind == nil || u.kind == query.kind) && (query.zone.map { $0.isEmpty || u.zoneGroup == $0 } ?? true)
        }
        // The scores come from the Dashboards use case (drafts only for those who may read
        // them); every other visible unit is listed too, without figures.
        let rows = try await year.asyncMap { try await Dashboards(store: data.store).cityTable(person: data.person, year: $0) } ?? []
        let cards = Dictionary(rows.map { ($0.unit.code, $0.card) }, uniquingKeysWith: { a, _ in a })
        let lines = units.map { unit in
            cards[unit.code].map { line(unit: unit, card: $0) }
                ?? Line(unit: unit, card: nil, componentScores: [:], total: nil, totalWeight: 0)
        }
        let zones = Array(Set(allUnits.compactMap(\.zoneGroup))).sorted { $0.compare($1, locale: thai) == .orderedAscending }
        return build(query: DashboardQuery(year: year, kind: query.kind, zone: query.zone, sort: query.sort),
                     years: years, zones: zones, lines: lines,
                     agreements: agreements.filter { $0.fiscalYear == year })
    }

    static let thai = Locale(identifier: "th_TH")

    static func line(unit: PhaenCore.Unit, card: ScoreCard) -> Line {
        var scores: [String: Decimal?] = [:]
        for c in card.components { scores[c.number] = c.kpis.contains { $0.weightedScore != nil } ? c.score : nil }
        let anyScored = card.allKPIs.contains { $0.weightedScore != nil }
        return Line(unit: unit, card: card, componentScores: scores, total: anyScored ? card.total : nil,
                    totalWeight: card.components.map(\.weight).reduce(0, +))
    }
}
