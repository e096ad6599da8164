import SQLKit

/// Budget records entered in Phaen (issue 5). Allocations per unit, year and type already
/// have their table (`budget_allocations`, migration 1, one row per natural key); this adds
/// the transfers (ปรับโอน) and the disbursements people record or import. These have no
/// natural key — two payments of the same type on the same day are both real — so each row
/// has an id, and they are kept apart from the dataset's `disbursements` ledger so that a
/// re-import of a dataset never drops what was recorded in Phaen. `seq` keeps the order they
/// were recorded in (an import's rows in file order), which ids cannot.
enum Migration005Disbursement {
    @Sendable static func apply(_ db: any SQLDatabase, _ engine: StoreEngine) async throws {
        try await db.create(table: "budget_transfers")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("unit_code", type: .text, .notNull, .references("units", "code"))
            .column("fiscal_year", type: .int, .notNull)
            .column("date", type: .text, .notNull)
            .column("from_type", type: .text)
            .column("to_type", type: .text)
            .column("amount", type: .money, .notNull)
            .column("body", type: .json, .notNull)
            .column("seq", type: .bigint, .notNull)
            .column("recorded_by", type: .text, .notNull)
            .column("recorded_at", type: .epochSeconds, .notNull)
            .run()
        try await db.create(index: "budget_transfers_by_unit_year").on("budget_transfers")
            .column("unit_code").column("fiscal_year").run()

        try await db.create(table: "disbursement_entries")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("unit_code", type: .text, .notNull, .references("units", "code"))
            .column("fiscal_year", type: .int, .notNull)
            .column("type", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .column("amount", type: .money, .notNull)
            .column("cumulative", type: .boolean, .notNull)
            .column("project_id", type: .text)
            .column("body", type: .json, .notNull)
            .column("seq", type: .bigint, .notNull)
            .column("recorded_by", type: .text, .notNull)
            .column("recorded_at", type: .epochSeconds, .notNull)
            .run()
        try await db.create(index: "disbursement_entries_by_unit_year").on("disbursement_entries")
            .column("unit_code").column("fiscal_year").column("date").run()
    }
}
