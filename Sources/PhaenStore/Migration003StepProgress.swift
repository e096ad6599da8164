import SQLKit

/// Project step progress reported per month against the step plan (issue 3): one row per
/// unit, fiscal year, step plan and fiscal month (1 = ต.ค. … 12 = ก.ย.), the cumulative actual
/// percent as exact decimal text, the reporter's note, who and when.
enum Migration003StepProgress {
    @Sendable static func apply(_ db: any SQLDatabase, _ engine: StoreEngine) async throws {
        try await db.create(table: "step_progress")
            .column("unit_code", type: .text, .notNull, .references("units", "code"))
            .column("fiscal_year", type: .int, .notNull)
            .column("step_plan_id", type: .text, .notNull)
            .column("fiscal_month", type: .int, .notNull)
            .column("percent", type: .text, .notNull)
            .column("note", type: .text)
            .column("updated_by", type: .text, .notNull)
            .column("updated_at", type: .epochSeconds, .notNull)
            .primaryKey("unit_code", "fiscal_year", "step_plan_id", "fiscal_month")
            .run()
    }
}
