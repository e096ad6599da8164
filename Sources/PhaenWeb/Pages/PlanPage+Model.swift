import Foundation
import PhaenApp
import PhaenCore
import PhaenStore

/// `/units/{code}/plans/{year}`: every section of the action plan in the order the documents
/// print them (domain.md §4), with the validation findings placed next to the list, row,
/// KPI or step plan they concern.
struct PlanPage: SharedPage {
    struct Labeled { var label: String; var text: String }
    struct SwotQuadrant { var kind: String; var name: String; var items: [SwotItem] }
    struct SwotItem { var code: String?; var text: String }
    struct Tows { var quadrant: String; var factors: String; var text: String; var project: String? }
    struct KPITable { var table: String; var rows: [KPIRow] }
    struct KPIRow {
        var code: String; var name: String; var kind: String?; var unit: String?
        var baselines: String?; var targets: String?; var owner: String?
        var findings: [FindingView]
    }

    var title: String
    var unitName: String
    var unitURL: String
    var unitsURL = SiteURL.units().path
    var year: String
    var agreementURL: String?
    var foreword: [String]
    var profile: [Labeled]
    var stepFactors: [Labeled]
    var swot: [SwotQuadrant]
    var tows: [Tows]
    var hasEnvironment: Bool
    var vision: [String]
    var mission: [String]
    var goals: [String]
    var kpiTables: [KPITable]
    var lists: [ListView]
    var stepPlans: [StepPlanView]
    var projectFindings: [FindingView]
    var otherFindings: [FindingView]
    var findingCount: Int
    var errorCount: Int
    var notes: [String]
    /// Set by the page handler: the edit form's link (only for those allowed) and the history.
    var editURL: String? = nil
    var history: [EditAuditView] = []
    /// Set by `build(code:year:data:)`: the content is the same for everyone who sees the
    /// unit's drafts (or everyone who does not) and gets the same edit link; the history is
    /// data, part of the version.
    var sharedBase: PageSharing? = nil
    var sharing: PageSharing? {
        sharedBase.map { PageSharing(version: $0.version, key: "\($0.key)|edit:\(editURL ?? "-")") }
    }

    static func build(code: String, year: FiscalYear, data: ScopedData) async throws -> PlanPage {
        let unit = try await data.requireUnit(code)
        guard let plan = try await data.plan(unitCode: code, fiscalYear: year) else {
            throw WebError.notFound("ไม่พบแผนปฏิบัติราชการของ\(unit.nameTH) ปีงบประมาณ \(year.be)",
                                    "no plan for \(code)/\(year)")
        }
        let hasAgreement = try await data.agreement(unitCode: code, fiscalYear: year) != nil
        // The page is the same for everyone who sees the unit's drafts, and for everyone who
        // does not: built once per data version for each (the person may see the unit: checked above).
        let drafts = AccessPolicy.canReadDraft(data.person, unit: code)
        let version = try await data.store.dataVersion()
        let key = "plan/\(code)/\(year.be)/\(drafts ? "drafts" : "sent")"
        var page = try await data.store.derived("page/\(key)") {
            let findings = try await DerivedResults(store: data.store).findings(unitCode: code, fiscalYear: year, drafts: drafts)
            return build(plan: plan, unit: unit, findings: findings, hasAgreement: hasAgreement)
        }
        page.sharedBase = PageSharing(version: version, key: key)
        return page
    }

    /// The pure part: from the plan and its findings to what the template shows.
    static func build(plan: ActionPlan, unit: PhaenCore.Unit, findings: [Finding], hasAgreement: Bool) -> PlanPage {
        let base = "แผน \(plan.unitCode)/\(plan.fiscalYear)"
        let planFindings = findings.filter(concernsPlan)
        var pool = FindingPool(planFindings)
        // Projects printed with different budgets in different places: their budget cells are
        // marked in every list (the finding itself is shown once, under the projects).
        let projectPrefix = "\(base) › โครงการ "
        let budgetFlagged = Set(planFindings.filter { $0.rule.hasPrefix("PLAN-BUDGET") && $0.location.hasPrefix(projectPrefix) }
            .map { String($0.location.dropFirst(projectPrefix.count)) })
        let lists = plan.lists.map { ListView.build($0, plan: plan, base: base, budgetFlagged: budgetFlagged, pool: &pool) }
        let stepPlans = plan.stepPlans.map { StepPlanView.build($0, plan: plan, pool: &pool) }
        let kpiTables = kpiTables(plan, base: base, pool: &pool)
        let projectFindings = pool.take { $0.location.hasPrefix(projectPrefix) }
        let env = plan.environment
        return PlanPage(
            title: plan.title, unitName: unit.nameTH, unitURL: SiteURL.unit(unit.code).path,
            year: String(plan.fiscalYear.be),
            agreementURL: hasAgreement ? SiteURL.agreement(unit.code, plan.fiscalYear).path : nil,
            foreword: paragraphs(plan.foreword),
            profile: plan.profile.map { Labeled(label: $0.label, text: $0.text) },
            stepFactors: env.step.map { Labeled(label: $0.label, text: $0.text) },
            swot: SwotFactor.Kind.allCases.compactMap { kind in
                let items = env.swot.filter { $0.kind == kind }.map { SwotItem(code: $0.code, text: $0.text) }
                return items.isEmpty ? nil : SwotQuadrant(kind: kind.rawValue, name: kind.thaiName, items: items)
            },
            tows: env.tows.map { t in
                Tows(quadrant: t.quadrant, factors: t.factors.joined(separator: ", "), text: t.text,
                     project: t.projectID.flatMap { plan.project(id: $0)?.name })
            },
            hasEnvironment: !env.step.isEmpty || !env.swot.isEmpty || !env.tows.isEmpty,
            vision: plan.vision, mission: plan.mission, goals: plan.goals,
            kpiTables: kpiTables, lists: lists, stepPlans: stepPlans,
            projectFindings: projectFindings.map(FindingView.init),
            otherFindings: pool.rest.map(FindingView.init),
            findingCount: planFindings.count,
            errorCount: planFindings.filter { $0.severity == .error }.count,
            notes: plan.notes)
    }

    /// Agreement, report and score findings belong to their own pages; the rest (the plan,
    /// its step plans and the year's frameworks it cites) are shown here.
    static func concernsPlan(_ f: Finding) -> Bool {
        !(f.location.hasPrefix("คำรับรอง") || f.location.hasPrefix("รายงาน") || f.location.hasPrefix("KPI "))
    }

    static func paragraphs(_ text: String?) -> [String] {
        (text ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Tables ก, ข … in the order they first appear.
    static func kpiTables(_ plan: ActionPlan, base: String, pool: inout FindingPool) -> [KPITable] {
        var order: [String] = []
        for kpi in plan.kpis where !order.contains(kpi.table) { order.append(kpi.table) }
        return order.map { table in
            KPITable(table: table, rows: plan.kpis.filter { $0.table == table }.map { k in
                KPIRow(code: k.code, name: k.name, kind: k.kind.map { $0 == .output ? "ผลผลิต" : "ผลลัพธ์" }, unit: k.unit,
                       baselines: yearValues(k.baselines), targets: yearValues(k.targets), owner: k.owner,
                       findings: pool.take { $0.location == "\(base) › ตัวชี้วัด \(k.code)" }.map(FindingView.init))
            })
        }
    }

    static func yearValues(_ values: [YearValue]?) -> String? {
        guard let values, !values.isEmpty else { return nil }
        return values.map { "\($0.year): \($0.text)" }.joined(separator: "; ")
    }
}
