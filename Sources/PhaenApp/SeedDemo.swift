import PhaenCore
import PhaenImport
import PhaenStore

/// Use case: load the demo dataset into the database. Running it twice changes nothing.
public struct SeedDemo: Sendable {
    public let store: PhaenStore
    public init(store: PhaenStore) { self.store = store }

    public func callAsFunction() async throws -> ImportSummary {
        try await store.importDataset(try DemoDataset.load())
    }
}
