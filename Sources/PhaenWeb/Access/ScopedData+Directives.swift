import PhaenApp
import PhaenCore

/// The directive pairs through the person's view, by the same use case the directive pages
/// use (`DirectiveFollowUp.pairs`): a unit role gets only its own unit's pairs, so the
/// directive status XLSX holds exactly what the dashboard counts for that person.
extension ScopedData: DirectivePairSource {
    func directivePairs(fiscalYear: FiscalYear) async throws -> [DirectivePair] {
        try await DirectiveFollowUp(store: store).pairs(person: person, year: fiscalYear)
    }

    func directiveGroupNames() async throws -> [Int: String] {
        try await store.directiveGroupNames()
    }
}
