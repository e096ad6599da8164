import SQLKit

/// The first schema. Tables are keyed by the natural keys of the domain (unit code, fiscal
/// year, KPI code, round …) so they can be queried and joined without surrogate ids. Where a
/// record holds nested value objects, a `body` column keeps its full JSON form: that is what
/// reads decode, so round-trips are exact, while the key and summary columns stay queryable.
///
/// Types are chosen to be exact in both engines: money is integer satang (BIGINT), decimals
/// (weights, thresholds, results) are their exact decimal text, never REAL.
enum Migration001Initial {
    @Sendable static func apply(_ db: any SQLDatabase, _ engine: StoreEngine) async throws {
        try await units(db)
        try await frameworks(db)
        try await plans(db)
        try await agreements(db)
        try await reports(db)
        try await money(db)
        try await directives(db)
        try await innovations(db)
    }

    private static func units(_ db: any SQLDatabase) async throws {
        // parent_code has no foreign key: the units file may list a unit before its parent.
        try await db.create(table: "units")
            .key("code", .text).primaryKey("code")
            .column("kind", type: .text, .notNull)
            .column("name_th", type: .text, .notNull)
            .column("name_en", type: .text)
            .column("abbreviation", type: .text)
            .column("parent_code", type: .text)
            .column("zone_group", type: .text)
            .column("body", type: .json, .notNull)
            .run()
        try await db.create(table: "sections")
            .key("unit_code", .text).key("position", .int).primaryKey("unit_code", "position")
            .column("name", type: .text, .notNull)
            .column("parent", type: .text)
            .column("body", type: .json, .notNull)
            .foreignKey(["unit_code"], references: "units", ["code"], onDelete: .cascade)
            .run()
        try await db.create(table: "unit_groups")
            .key("unit_code", .text).key("fiscal_year", .int).primaryKey("unit_code", "fiscal_year")
            .column("grp", type: .text, .notNull)
            .referencesUnit()
            .run()
    }

    private static func frameworks(_ db: any SQLDatabase) async throws {
        // Keyed by position, not (level, code): the printed frameworks repeat some codes.
        try await db.create(table: "framework_nodes")
            .key("fiscal_year", .int).key("position", .int).primaryKey("fiscal_year", "position")
            .column("level", type: .text, .notNull)
            .column("code", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("parent", type: .text)
            .column("body", type: .json, .notNull)
            .run()
        try await db.create(index: "framework_nodes_by_ref").on("framework_nodes")
            .column("fiscal_year").column("level").column("code").run()
    }

    private static func plans(_ db: any SQLDatabase) async throws {
        try await db.create(table: "plans")
            .yearKey().primaryKey("unit_code", "fiscal_year")
            .column("title", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("body", type: .json, .notNull)
            .referencesUnit()
            .run()
        try await db.create(table: "plan_kpis")
            .yearKey().key("position", .int).primaryKey("unit_code", "fiscal_year", "position")
            .column("code", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("print_table", type: .text, .notNull)
            .column("body", type: .json, .notNull)
            .partOf("plans")
            .run()
        try await db.create(table: "projects")
            .yearKey().key("id", .text).primaryKey("unit_code", "fiscal_year", "id")
            .column("position", type: .int, .notNull)
            .column("name", type: .text, .notNull)
            .column("budget_text", type: .text)
            .column("budget_satang", type: .money)
            .column("section", type: .text)
            .column("kind", type: .text, .notNull)
            .column("parent_id", type: .text)
            .column("body", type: .json, .notNull)
            .partOf("plans")
            .run()
        try await db.create(table: "project_lists")
            .yearKey().key("id", .text).primaryKey("unit_code", "fiscal_year", "id")
            .column("position", type: .int, .notNull)
            .column("title", type: .text, .notNull)
            .column("stated_total_text", type: .text)
            .column("stated_total_satang", type: .money)
            .column("stated_count", type: .int)
            .column("source", type: .text)
            .column("body", type: .json, .notNull)
            .partOf("plans")
            .run()
        // project_id has no foreign key: a printed list may cite a project the plan lacks, and
        // validation has to find that rather than the import refusing it.
        try await db.create(table: "list_entries")
            .yearKey().key("list_id", .text).key("position", .int)
            .primaryKey("unit_code", "fiscal_year", "list_id", "position")
            .column("project_id", type: .text, .notNull)
            .column("number", type: .text)
            .column("budget_text", type: .text)
            .column("budget_satang", type: .money)
            .column("section", type: .text)
            .column("counts_in_total", type: .boolean, .notNull)
            .column("grp", type: .text)
            .column("line", type: .int)
            .column("body", type: .json, .notNull)
            .foreignKey(["unit_code", "fiscal_year", "list_id"], references: "project_lists",
                        ["unit_code", "fiscal_year", "id"], onDelete: .cascade)
            .run()
        try await db.create(index: "list_entries_by_project").on("list_entries")
            .column("unit_code").column("fiscal_year").column("project_id").run()
        try await db.create(table: "step_plans")
            .yearKey().key("id", .text).primaryKey("unit_code", "fiscal_year", "id")
            .column("position", type: .int, .notNull)
            .column("title", type: .text, .notNull)
            .column("project_id", type: .text)
            .column("stated_total_weight", type: .decimal)
            .column("body", type: .json, .notNull)
            .partOf("plans")
            .run()
        try await db.create(table: "plan_steps")
            .yearKey().key("step_plan_id", .text).key("position", .int)
            .primaryKey("unit_code", "fiscal_year", "step_plan_id", "position")
            .column("number", type: .text, .notNull)
            .column("text", type: .text, .notNull)
            .column("weight", type: .decimal)
            .column("cumulative", type: .decimal)
            .column("months", type: .json, .notNull)
            .column("body", type: .json, .notNull)
            .foreignKey(["unit_code", "fiscal_year", "step_plan_id"], references: "step_plans",
                        ["unit_code", "fiscal_year", "id"], onDelete: .cascade)
            .run()
    }

    private static func agreements(_ db: any SQLDatabase) async throws {
        try await db.create(table: "agreements")
            .yearKey().primaryKey("unit_code", "fiscal_year")
            .column("points_scheme", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("body", type: .json, .notNull)
            .referencesUnit()
            .run()
        try await db.create(table: "components")
            .yearKey().key("position", .int).primaryKey("unit_code", "fiscal_year", "position")
            .column("number", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("tag", type: .text)
            .column("weight", type: .decimal)
            .column("body", type: .json, .notNull)
            .partOf("agreements")
            .run()
        // Keyed by position: KPI codes are what the document prints and may repeat by mistake.
        try await db.create(table: "agreement_kpis")
            .yearKey().key("component_position", .int).key("position", .int)
            .primaryKey("unit_code", "fiscal_year", "component_position", "position")
            .column("code", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("weight", type: .decimal, .notNull)
            .column("criteria", type: .json, .notNull)
            .column("body", type: .json, .notNull)
            .foreignKey(["unit_code", "fiscal_year", "component_position"], references: "components",
                        ["unit_code", "fiscal_year", "position"], onDelete: .cascade)
            .run()
        try await db.create(index: "agreement_kpis_by_code").on("agreement_kpis")
            .column("unit_code").column("fiscal_year").column("code").run()
        try await db.create(table: "appeals")
            .yearKey().key("position", .int).primaryKey("unit_code", "fiscal_year", "position")
            .column("kpi_code", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("decision", type: .text, .notNull)
            .column("body", type: .json, .notNull)
            .partOf("agreements")
            .run()
    }

    private static func reports(_ db: any SQLDatabase) async throws {
        try await db.create(table: "reports")
            .yearKey().key("round", .text).key("kpi_code", .text)
            .primaryKey("unit_code", "fiscal_year", "round", "kpi_code")
            .column("state", type: .text, .notNull)
            .column("value", type: .decimal)
            .column("claimed_level", type: .decimal)
            .column("version", type: .int, .notNull)
            .column("body", type: .json, .notNull)
            .referencesUnit()
            .run()
    }

    private static func money(_ db: any SQLDatabase) async throws {
        try await db.create(table: "budget_allocations")
            .yearKey().key("type", .text).primaryKey("unit_code", "fiscal_year", "type")
            .column("allocated", type: .money, .notNull)
            .column("after_transfers", type: .money)
            .column("body", type: .json, .notNull)
            .referencesUnit()
            .run()
        // A unit-year's disbursements are one ledger in document order: two payments of the
        // same type on the same day are both real, so there is no natural key per row.
        try await db.create(table: "disbursements")
            .yearKey().key("position", .int).primaryKey("unit_code", "fiscal_year", "position")
            .column("type", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .column("amount", type: .money, .notNull)
            .column("cumulative", type: .boolean, .notNull)
            .column("body", type: .json, .notNull)
            .referencesUnit()
            .run()
        try await db.create(table: "disbursement_tables")
            .yearKey().key("as_of", .text).primaryKey("unit_code", "fiscal_year", "as_of")
            .column("body", type: .json, .notNull)
            .referencesUnit()
            .run()
    }

    private static func directives(_ db: any SQLDatabase) async throws {
        try await db.create(table: "directives")
            .key("id", .text).primaryKey("id")
            .column("fiscal_year", type: .int, .notNull)
            .column("source", type: .text, .notNull)
            .column("inspection_round", type: .int)
            .column("date", type: .text)
            .column("grp", type: .int)
            .column("body", type: .json, .notNull)
            .run()
        try await db.create(index: "directives_by_year").on("directives").column("fiscal_year").run()
        try await db.create(table: "directive_units")
            .key("directive_id", .text).key("position", .int).primaryKey("directive_id", "position")
            .column("unit_code", type: .text, .notNull)
            .foreignKey(["directive_id"], references: "directives", ["id"], onDelete: .cascade)
            .referencesUnit()
            .run()
        try await db.create(index: "directive_units_by_unit").on("directive_units").column("unit_code").run()
        try await db.create(table: "directive_reports")
            .key("directive_id", .text).key("unit_code", .text).key("date", .text)
            .primaryKey("directive_id", "unit_code", "date")
            .column("status", type: .text, .notNull)
            .column("body", type: .json, .notNull)
            .foreignKey(["directive_id"], references: "directives", ["id"], onDelete: .cascade)
            .referencesUnit()
            .run()
        try await db.create(index: "directive_reports_by_unit").on("directive_reports").column("unit_code").run()
    }

    private static func innovations(_ db: any SQLDatabase) async throws {
        try await db.create(table: "innovations")
            .yearKey().key("title", .text).primaryKey("unit_code", "fiscal_year", "title")
            .column("kpi_code", type: .text)
            .column("status", type: .text, .notNull)
            .column("body", type: .json, .notNull)
            .referencesUnit()
            .run()
    }
}

/// The column types of the schema, named by what they hold.
extension SQLDataType {
    /// Integer satang.
    static var money: SQLDataType { .bigint }
    /// Exact decimal text (`Decimal.description`), never a binary float.
    static var decimal: SQLDataType { .text }
    /// JSON text of a Codable value.
    static var json: SQLDataType { .text }
    /// BOOLEAN in PostgreSQL; SQLite stores it as 0/1 with numeric affinity.
    static var boolean: SQLDataType { .custom(SQLRaw("BOOLEAN")) }
}

private extension SQLCreateTableBuilder {
    /// A key column: NOT NULL, because SQLite (unlike PostgreSQL) lets a primary key hold NULL.
    func key(_ name: String, _ type: SQLDataType) -> Self {
        column(name, type: type, .notNull)
    }

    /// The key every unit-year record starts with.
    func yearKey() -> Self {
        key("unit_code", .text).key("fiscal_year", .int)
    }

    func referencesUnit() -> Self {
        foreignKey(["unit_code"], references: "units", ["code"])
    }

    /// A part of a unit-year aggregate (a plan's projects): deleted with it.
    func partOf(_ table: String) -> Self {
        foreignKey(["unit_code", "fiscal_year"], references: table, ["unit_code", "fiscal_year"], onDelete: .cascade)
    }
}
