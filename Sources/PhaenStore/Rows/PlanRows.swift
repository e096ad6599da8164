import PhaenCore

/// `plans`: the plan's own sections (profile, environment, vision …) as JSON; its KPIs,
/// projects, lists and step plans are rows of their own tables.
struct PlanRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var title: String
    var version: Int
    var body: String
    /// The whole plan's JSON as an import last wrote it (migration 2), see `PlanStore.save`.
    var importedBody: String?

    init(_ plan: ActionPlan, version: Int, importedBody: String? = nil) throws {
        var header = plan
        header.kpis = []; header.projects = []; header.lists = []; header.stepPlans = []
        unitCode = plan.unitCode; fiscalYear = plan.fiscalYear.be; title = plan.title
        self.version = version; body = try JSONBody.encode(header); self.importedBody = importedBody
    }

    func header() throws -> ActionPlan { try JSONBody.decode(ActionPlan.self, from: body) }
}

struct PlanKPIRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var position: Int
    var code: String
    var name: String
    var printTable: String
    var body: String

    init(_ plan: ActionPlan, position: Int, kpi: PlanKPI) throws {
        unitCode = plan.unitCode; fiscalYear = plan.fiscalYear.be; self.position = position
        code = kpi.code; name = kpi.name; printTable = kpi.table; body = try JSONBody.encode(kpi)
    }

    func kpi() throws -> PlanKPI { try JSONBody.decode(PlanKPI.self, from: body) }
}

/// `projects`: the master record; budget as printed and, when it is an amount, in satang.
struct ProjectRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var id: String
    var position: Int
    var name: String
    var budgetText: String?
    var budgetSatang: Int64?
    var section: String?
    var kind: String
    var parentId: String?
    var body: String

    init(_ plan: ActionPlan, position: Int, project: Project) throws {
        unitCode = plan.unitCode; fiscalYear = plan.fiscalYear.be; id = project.id; self.position = position
        name = project.name; budgetText = project.budget?.printed; budgetSatang = project.budget?.amount?.satang
        section = project.section; kind = project.kind.rawValue; parentId = project.parentID
        body = try JSONBody.encode(project)
    }

    func project() throws -> Project { try JSONBody.decode(Project.self, from: body) }
}

/// `project_lists`: a printed list with its stated total and count; its rows are `list_entries`.
struct ProjectListRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var id: String
    var position: Int
    var title: String
    var statedTotalText: String?
    var statedTotalSatang: Int64?
    var statedCount: Int?
    var source: String?
    var body: String

    init(_ plan: ActionPlan, position: Int, list: ProjectList) throws {
        unitCode = plan.unitCode; fiscalYear = plan.fiscalYear.be; id = list.id; self.position = position
        title = list.title; statedTotalText = list.statedTotal?.printed; statedTotalSatang = list.statedTotal?.amount?.satang
        statedCount = list.statedCount; source = list.source
        var header = list
        header.entries = []
        body = try JSONBody.encode(header)
    }

    func list(entries: [ListEntry]) throws -> ProjectList {
        var list = try JSONBody.decode(ProjectList.self, from: body)
        list.entries = entries
        return list
    }
}

struct ListEntryRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var listId: String
    var position: Int
    var projectId: String
    var number: String?
    var budgetText: String?
    var budgetSatang: Int64?
    var section: String?
    var countsInTotal: Bool
    var grp: String?
    var line: Int?
    var body: String

    init(_ plan: ActionPlan, listID: String, position: Int, entry: ListEntry) throws {
        unitCode = plan.unitCode; fiscalYear = plan.fiscalYear.be; listId = listID; self.position = position
        projectId = entry.projectID; number = entry.number; budgetText = entry.budget?.printed
        budgetSatang = entry.budget?.amount?.satang; section = entry.section; countsInTotal = entry.countsInTotal
        grp = entry.group; line = entry.line; body = try JSONBody.encode(entry)
    }

    func entry() throws -> ListEntry { try JSONBody.decode(ListEntry.self, from: body) }
}

/// `step_plans` and `plan_steps`: weights as exact decimal text and the fiscal months as a
/// JSON array, for queries; `body` for reads.
struct StepPlanRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var id: String
    var position: Int
    var title: String
    var projectId: String?
    var statedTotalWeight: String?
    var body: String

    init(_ plan: ActionPlan, position: Int, stepPlan: StepPlan) throws {
        unitCode = plan.unitCode; fiscalYear = plan.fiscalYear.be; id = stepPlan.id; self.position = position
        title = stepPlan.title; projectId = stepPlan.projectID; statedTotalWeight = DecimalText.text(stepPlan.statedTotalWeight)
        var header = stepPlan
        header.steps = []
        body = try JSONBody.encode(header)
    }

    func stepPlan(steps: [PlanStep]) throws -> StepPlan {
        var stepPlan = try JSONBody.decode(StepPlan.self, from: body)
        stepPlan.steps = steps
        return stepPlan
    }
}

struct PlanStepRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var stepPlanId: String
    var position: Int
    var number: String
    var text: String
    var weight: String?
    var cumulative: String?
    var months: String
    var body: String

    init(_ plan: ActionPlan, stepPlanID: String, position: Int, step: PlanStep) throws {
        unitCode = plan.unitCode; fiscalYear = plan.fiscalYear.be; stepPlanId = stepPlanID; self.position = position
        number = step.number; text = step.text; weight = DecimalText.text(step.weight)
        cumulative = DecimalText.text(step.cumulative); months = try JSONBody.encode(step.months)
        body = try JSONBody.encode(step)
    }

    func step() throws -> PlanStep { try JSONBody.decode(PlanStep.self, from: body) }
}
