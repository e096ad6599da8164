import PhaenCore
import SQLKit

/// Action plans: a header row and the rows of its KPIs, projects, lists (with entries) and
/// step plans (with steps), all keyed by the plan's unit and year and deleted with it.
enum PlanStore {
    static func load(unitCode: String, fiscalYear: FiscalYear, in db: any SQLDatabase) async throws -> Stored? {
        guard let row = try await db.select().column("*").from("plans").whereUnitYear(unitCode, fiscalYear)
            .rows(PlanRow.self).first else { return nil }
        var plan = try row.header()

        func partRows<Row: Decodable>(_ table: String, _ type: Row.Type, by order: [String]) async throws -> [Row] {
            let query = db.select().column("*").from(table).whereUnitYear(unitCode, fiscalYear)
            for column in order { query.orderBy(column) }
            return try await query.rows(Row.self)
        }
        plan.kpis = try await partRows("plan_kpis", PlanKPIRow.self, by: ["position"]).map { try $0.kpi() }
        plan.projects = try await partRows("projects", ProjectRow.self, by: ["position"]).map { try $0.project() }

        let entries = Dictionary(grouping: try await partRows("list_entries", ListEntryRow.self, by: ["list_id", "position"]), by: \.listId)
        plan.lists = try await partRows("project_lists", ProjectListRow.self, by: ["position"]).map { list in
            try list.list(entries: (entries[list.id] ?? []).map { try $0.entry() })
        }

        let steps = Dictionary(grouping: try await partRows("plan_steps", PlanStepRow.self, by: ["step_plan_id", "position"]), by: \.stepPlanId)
        plan.stepPlans = try await partRows("step_plans", StepPlanRow.self, by: ["position"]).map { stepPlan in
            try stepPlan.stepPlan(steps: (steps[stepPlan.id] ?? []).map { try $0.step() })
        }
        return Stored(plan: plan, version: row.version, importedBody: row.importedBody)
    }

    struct Stored {
        var plan: ActionPlan
        var version: Int
        var importedBody: String?
    }

    /// The import's write: the plan is replaced only when the dataset's version of it differs
    /// from what the last import wrote, so edits made in Phaen survive importing the same data
    /// again. Each replacement bumps `version`.
    static func save(_ plan: ActionPlan, in db: any SQLDatabase) async throws -> WriteOutcome {
        let incoming = try JSONBody.encode(plan)
        // The header's column first: an unchanged plan costs one query, not seven.
        let imported = try await db.select().column("imported_body").from("plans").whereUnitYear(plan.unitCode, plan.fiscalYear)
            .first(decodingColumn: "imported_body", as: String?.self) ?? nil
        if imported == incoming { return .unchanged }
        let stored = try await load(unitCode: plan.unitCode, fiscalYear: plan.fiscalYear, in: db)
        if let stored, stored.plan == plan {
            try await db.update("plans").set("imported_body", to: incoming).whereUnitYear(plan.unitCode, plan.fiscalYear).run()
            return .unchanged
        }
        try await replace(plan, version: (stored?.version ?? 0) + 1, importedBody: incoming, in: db)
        return .written
    }

    /// Writes the plan in place of the stored one (if any).
    static func replace(_ plan: ActionPlan, version: Int, importedBody: String?, in db: any SQLDatabase) async throws {
        // Deleting the header cascades to every part table.
        try await db.delete(from: "plans").whereUnitYear(plan.unitCode, plan.fiscalYear).run()
        try await db.insert([try PlanRow(plan, version: version, importedBody: importedBody)], into: "plans")
        try await db.insert(try plan.kpis.enumerated().map { try PlanKPIRow(plan, position: $0.offset, kpi: $0.element) },
                            into: "plan_kpis")
        try await db.insert(try plan.projects.enumerated().map { try ProjectRow(plan, position: $0.offset, project: $0.element) },
                            into: "projects")
        try await db.insert(try plan.lists.enumerated().map { try ProjectListRow(plan, position: $0.offset, list: $0.element) },
                            into: "project_lists")
        try await db.insert(try plan.lists.flatMap { list in
            try list.entries.enumerated().map { try ListEntryRow(plan, listID: list.id, position: $0.offset, entry: $0.element) }
        }, into: "list_entries")
        try await db.insert(try plan.stepPlans.enumerated().map { try StepPlanRow(plan, position: $0.offset, stepPlan: $0.element) },
                            into: "step_plans")
        try await db.insert(try plan.stepPlans.flatMap { stepPlan in
            try stepPlan.steps.enumerated().map { try PlanStepRow(plan, stepPlanID: stepPlan.id, position: $0.offset, step: $0.element) }
        }, into: "plan_steps")
    }
}
