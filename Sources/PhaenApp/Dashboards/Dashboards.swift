import Foundation
import PhaenCore
import PhaenStore

/// Use case: the views across units — a person's tasks, the reporting status of a round,
/// the city table of scores. Each reads only the units the person may see
/// (`AccessPolicy.visibleUnits` is passed to the store query).
public struct Dashboards: Sendable {
    public let store: PhaenStore
    public init(store: PhaenStore) { self.store = store }

    /// The visible units that take part in the year: those with an agreement or a report.
    func participatingUnits(person: Person, year: FiscalYear, reports: [StoredReport])
        async throws -> [(unit: PhaenCore.Unit, agreement: Agreement?)] {
        let visible = AccessPolicy.visibleUnits(person)
        let agreements = try await store.agreements().filter {
            $0.fiscalYear == year && (visible?.contains($0.unitCode) ?? true)
        }
        let byUnit = Dictionary(agreements.map { ($0.unitCode, $0) }, uniquingKeysWith: { a, _ in a })
        let codes = Set(agreements.map(\.unitCode)).union(reports.map(\.report.unitCode))
        return try await store.units().filter { codes.contains($0.code) }.map { ($0, byUnit[$0.code]) }
    }

    /// The year a page shows when none is asked for: the fiscal year of `today` when any
    /// agreement exists for it, else the latest year before it that has one (so the demo
    /// dataset of past years is not an empty page), else today's year.
    public func defaultYear(today: CivilDate) async throws -> FiscalYear {
        let current = FiscalYear(containing: today)
        let years = Set(try await store.agreements().map(\.fiscalYear))
        if years.contains(current) { return current }
        return years.filter { $0 < current }.max() ?? current
    }
}
