import PhaenCore
import PhaenStore

/// Where the directive status table's (directive, unit) pairs come from, already scoped to
/// whoever asks: the web's `ScopedData` answers through `DirectiveFollowUp.pairs(person:year:)`,
/// exactly as the directive pages do (a unit role gets only its own unit's pairs); the store
/// answers every pair, because the shell's user owns the database.
public protocol DirectivePairSource: Sendable {
    func directivePairs(fiscalYear: FiscalYear) async throws -> [DirectivePair]
    /// The names of the ten directive groups (public, not scoped).
    func directiveGroupNames() async throws -> [Int: String]
}

extension PhaenStore: DirectivePairSource {
    public func directivePairs(fiscalYear: FiscalYear) async throws -> [DirectivePair] {
        let directives = try await directives(addressedTo: nil, fiscalYear: fiscalYear)
        let reports = try await directiveReports(directiveIDs: directives.map(\.id), units: nil)
        return DirectiveDashboard.pairs(directives: directives, reports: reports)
    }
}
