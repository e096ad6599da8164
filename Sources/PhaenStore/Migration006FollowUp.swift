import SQLKit

/// Directive follow-up and innovation (issue 5).
///
/// - `directive_groups`: the names an administrator gives the ten directive groups (the source
///   document lost them; a group without a row prints as "กลุ่มที่ N").
/// - `directive_status_reports`: every status report of a (directive, unit) pair, one row per
///   report, so the history is kept; the pair's status is its latest row. It replaces
///   migration 1's `directive_reports`, whose key (directive, unit, date) allowed one report a
///   day: its rows are copied over and the table dropped.
///
/// Directives and their addressed units stay in migration 1's `directives` and
/// `directive_units`; innovations in `innovations`, whose JSON body holds the forms 1–5 (an
/// innovation and its forms are one record, written together).
enum Migration006FollowUp {
    @Sendable static func apply(_ db: any SQLDatabase, _ engine: StoreEngine) async throws {
        try await db.create(table: "directive_groups")
            .column("number", type: .int, .primaryKey(autoIncrement: false), .notNull)
            .column("name", type: .text, .notNull)
            .column("updated_by", type: .text, .notNull)
            .column("updated_at", type: .epochSeconds, .notNull)
            .run()
        try await db.create(table: "directive_status_reports")
            .column("id", type: .identity(engine))
            .column("directive_id", type: .text, .notNull, .references("directives", "id", onDelete: .cascade))
            .column("unit_code", type: .text, .notNull, .references("units", "code"))
            .column("status", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .column("reported_by", type: .text)
            .column("reported_at", type: .epochSeconds)
            .column("body", type: .json, .notNull)
            .run()
        try await db.create(index: "directive_status_by_pair").on("directive_status_reports")
            .column("directive_id").column("unit_code").column("id").run()
        try await db.create(index: "directive_status_by_unit").on("directive_status_reports").column("unit_code").run()
        try await db.raw("""
            INSERT INTO directive_status_reports (directive_id, unit_code, status, date, body)
            SELECT directive_id, unit_code, status, date, body FROM directive_reports
            ORDER BY directive_id, unit_code, date
            """).run()
        try await db.drop(table: "directive_reports").run()
    }
}
