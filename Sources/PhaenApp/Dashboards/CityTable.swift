import Foundation
import PhaenCore
import PhaenStore

/// One unit's line of the city table: its score per component and in total.
public struct CityTableRow: Sendable {
    public var unit: PhaenCore.Unit
    public var card: ScoreCard
}

/// Every unit with an agreement for the year and its two score cards (with and without
/// drafts), computed once per data version for every person (`PhaenStore.derived`).
struct CityScores: Sendable {
    struct Entry: Sendable { var unit: PhaenCore.Unit; var withDrafts: ScoreCard; var sent: ScoreCard }
    var entries: [Entry]

    static func load(store: PhaenStore, year: FiscalYear) async throws -> CityScores {
        try await store.derived("city/\(year.be)") {
            var entries: [Entry] = []
            for agreement in try await store.agreements() where agreement.fiscalYear == year {
                guard let unit = try await store.unit(code: agreement.unitCode) else { continue }
                let results = DerivedResults(store: store)
                entries.append(Entry(unit: unit,
                                     withDrafts: try await results.scoreCard(unitCode: unit.code, fiscalYear: year, drafts: true),
                                     sent: try await results.scoreCard(unitCode: unit.code, fiscalYear: year, drafts: false)))
            }
            return CityScores(entries: entries.sorted { $0.unit.code < $1.unit.code })
        }
    }
}

extension Dashboards {
    /// Every visible unit with an agreement for the year, scored from its latest reports.
    /// Drafts count only for people who may read them (the same rule as every other page), so
    /// an executive's table never reflects text a unit has not yet sent. The cards are shared
    /// per data version; the choice of units and of card is made here, per person.
    public func cityTable(person: Person, year: FiscalYear) async throws -> [CityTableRow] {
        let visible = AccessPolicy.visibleUnits(person)
        return try await CityScores.load(store: store, year: year).entries
            .filter { visible?.contains($0.unit.code) ?? true }
            .map { CityTableRow(unit: $0.unit, card: AccessPolicy.canReadDraft(person, unit: $0.unit.code) ? $0.withDrafts : $0.sent) }
    }
}
