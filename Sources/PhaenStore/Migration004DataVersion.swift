import SQLKit

/// A single counter that every data-changing transaction raises (see `ConnectionPool.write`).
/// Readers compare it with the version their cached values were read at, so a process keeps
/// reference data (units, agreements, plans, frameworks) in memory and still sees at once what
/// another process behind the same proxy wrote.
enum Migration004DataVersion {
    @Sendable static func apply(_ db: any SQLDatabase, _ engine: StoreEngine) async throws {
        try await db.create(table: "data_version")
            .column("id", type: .int, .primaryKey(autoIncrement: false))
            .column("version", type: .bigint, .notNull)
            .run()
        try await db.insert(into: "data_version").columns("id", "version").values(1, 1).run()
    }
}
