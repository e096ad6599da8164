import SQLKit

/// The web application's tables: accounts, sessions, failed sign-ins, API tokens, the audit
/// trail, report workflow events and evidence file metadata; and three columns on records
/// people edit in Phaen.
///
/// Surrogate ids (`INTEGER PRIMARY KEY AUTOINCREMENT` / `BIGINT … IDENTITY`) only where there is
/// no natural key. Timestamps are whole epoch seconds (BIGINT) on both engines.
/// Report events have no foreign key to `reports`, so replacing a report never takes its history.
enum Migration002Accounts {
    @Sendable static func apply(_ db: any SQLDatabase, _ engine: StoreEngine) async throws {
        try await accounts(db, engine)
        try await auditAndWorkflow(db, engine)
        try await evidence(db, engine)
        // When the report was last saved in Phaen (NULL: only ever imported).
        try await db.alter(table: "reports").column("updated_at", type: .epochSeconds).run()
        // The JSON an import last wrote: a re-import replaces a record only when the dataset's
        // version of it changed, so edits made in Phaen survive re-seeding the same data.
        for table in ["reports", "plans", "agreements"] {
            try await db.alter(table: table).column("imported_body", type: .json).run()
        }
    }

    private static func accounts(_ db: any SQLDatabase, _ engine: StoreEngine) async throws {
        // Usernames are unique as typed (case-sensitive in both engines' default collation).
        try await db.create(table: "users")
            .column("id", type: .identity(engine))
            .column("username", type: .text, .notNull, .unique)
            .column("display_name", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("unit_code", type: .text, .references("units", "code"))
            .column("password_hash", type: .text, .notNull)
            .column("is_demo", type: .boolean, .notNull)
            .column("created_at", type: .epochSeconds, .notNull)
            .run()
        // Only the SHA-256 hex of a session or API token is stored, never the token.
        try await db.create(table: "sessions")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false), .notNull)
            .column("user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))
            .column("csrf_token", type: .text, .notNull)
            .column("created_at", type: .epochSeconds, .notNull)
            .column("expires_at", type: .epochSeconds, .notNull)
            .run()
        try await db.create(index: "sessions_by_user").on("sessions").column("user_id").run()
        try await db.create(index: "sessions_by_expiry").on("sessions").column("expires_at").run()
        try await db.create(table: "api_tokens")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false), .notNull)
            .column("user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))
            .column("name", type: .text, .notNull)
            .column("created_at", type: .epochSeconds, .notNull)
            .run()
        try await db.create(index: "api_tokens_by_user").on("api_tokens").column("user_id").run()
        // In the database, not in memory, so every server process counts the same failures.
        try await db.create(table: "failed_sign_ins")
            .column("id", type: .identity(engine))
            .column("attempt_key", type: .text, .notNull)
            .column("at", type: .epochSeconds, .notNull)
            .run()
        try await db.create(index: "failed_sign_ins_by_key").on("failed_sign_ins").column("attempt_key").column("at").run()
    }

    private static func auditAndWorkflow(_ db: any SQLDatabase, _ engine: StoreEngine) async throws {
        try await db.create(table: "audit_log")
            .column("id", type: .identity(engine))
            .column("at", type: .epochSeconds, .notNull)
            .column("actor", type: .text, .notNull)
            .column("object_kind", type: .text, .notNull)
            .column("object_key", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("before", type: .json)
            .column("after", type: .json)
            .run()
        try await db.create(index: "audit_log_by_object").on("audit_log")
            .column("object_kind").column("object_key").column("at").run()
        try await db.create(table: "report_events")
            .column("unit_code", type: .text, .notNull).column("fiscal_year", type: .int, .notNull)
            .column("round", type: .text, .notNull).column("kpi_code", type: .text, .notNull)
            .column("seq", type: .int, .notNull)
            .column("transition", type: .text, .notNull)
            .column("body", type: .json, .notNull)
            .primaryKey("unit_code", "fiscal_year", "round", "kpi_code", "seq")
            .foreignKey(["unit_code"], references: "units", ["code"])
            .run()
    }

    private static func evidence(_ db: any SQLDatabase, _ engine: StoreEngine) async throws {
        try await db.create(table: "evidence_files")
            .column("id", type: .identity(engine))
            .column("unit_code", type: .text, .notNull, .references("units", "code"))
            .column("fiscal_year", type: .int, .notNull)
            .column("round", type: .text, .notNull)
            .column("kpi_code", type: .text, .notNull)
            .column("original_name", type: .text, .notNull)
            .column("content_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("uploaded_by", type: .text, .notNull)
            .column("uploaded_at", type: .epochSeconds, .notNull)
            .run()
        try await db.create(index: "evidence_files_by_report").on("evidence_files")
            .column("unit_code").column("fiscal_year").column("round").column("kpi_code").run()
    }
}

extension SQLDataType {
    /// Whole seconds since 1970 (see `StoreTime`).
    static var epochSeconds: SQLDataType { .bigint }

    /// A surrogate key the database assigns, with its primary-key clause.
    static func identity(_ engine: StoreEngine) -> SQLDataType {
        switch engine {
        case .sqlite: return .custom(SQLRaw("INTEGER PRIMARY KEY AUTOINCREMENT"))
        case .postgres: return .custom(SQLRaw("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"))
        }
    }
}
