import Foundation
import PhaenCore
import PhaenStore

/// One unit's line of the city table: its score per component and in total.
public struct CityTableRow: Sendable {
    public var unit: PhaenCore.Unit
    public var card: ScoreCard
}

extension Dashboards {
    /// Every visible unit with an agreement for the year, scored from its latest reports.
    /// Drafts count only for people who may read them (the same rule as every other page), so
    /// an executive's table never reflects text a unit has not yet sent.
    public func cityTable(person: Person, year: FiscalYear) async throws -> [CityTableRow] {
        let visible = AccessPolicy.visibleUnits(person)
        let agreements = try await store.agreements().filter {
            $0.fiscalYear == year && (visible?.contains($0.unitCode) ?? true)
        }
        let reports = Dictionary(grouping: try await store.storedReports(fiscalYear: year, units: Set(agreements.map(\.unitCode))),
                                 by: \.report.unitCode)
        var rows: [CityTableRow] = []
        for agreement in agreements {
            guard let unit = try await store.unit(code: agreement.unitCode) else { continue }
            let seesDrafts = AccessPolicy.canReadDraft(person, unit: unit.code)
            let usable = (reports[unit.code] ?? []).map(\.report).filter { seesDrafts || $0.state != .draft }
            let group = try await store.unitGroup(unitCode: unit.code, fiscalYear: year)
            let card = Scorer.score(agreement, results: ScoreUnitYear.latestResults(usable), unitGroup: group)
            rows.append(CityTableRow(unit: unit, card: card))
        }
        return rows.sorted { $0.unit.code < $1.unit.code }
    }
}
