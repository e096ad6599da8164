import Foundation

/// Everything validation looks at for one unit and fiscal year. Built by the App layer from
/// the store; validation itself is pure.
public struct ValidationContext: Sendable {
    public var fiscalYear: FiscalYear
    public var unit: Unit?
    /// Framework nodes of the fiscal year.
    public var frameworks: [FrameworkNode]
    public var plan: ActionPlan?
    public var agreement: Agreement?
    public var reports: [ProgressReport]
    public var disbursementTables: [StatedDisbursementTable]
    public var disbursements: [Disbursement]
    public var unitGroup: String?

    public init(fiscalYear: FiscalYear, unit: Unit? = nil, frameworks: [FrameworkNode] = [], plan: ActionPlan? = nil,
                agreement: Agreement? = nil, reports: [ProgressReport] = [], disbursementTables: [StatedDisbursementTable] = [],
                disbursements: [Disbursement] = [], unitGroup: String? = nil) {
        self.fiscalYear = fiscalYear; self.unit = unit; self.frameworks = frameworks; self.plan = plan
        self.agreement = agreement; self.reports = reports; self.disbursementTables = disbursementTables
        self.disbursements = disbursements; self.unitGroup = unitGroup
    }
}

/// The rule engine: every rule family, in document order.
public enum Validator {
    public static func validate(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        if let plan = context.plan {
            // Framework errors matter to the units whose plans cite the frameworks.
            findings += FrameworkRules.check(context.frameworks)
            findings += PlanListRules.check(plan)
            findings += PlanReferenceRules.check(plan, unit: context.unit, frameworks: context.frameworks)
            findings += StepPlanRules.check(plan.stepPlans)
        }
        if let agreement = context.agreement {
            findings += AgreementRules.check(agreement)
        }
        findings += ReportRules.check(context)
        findings += DisbursementRules.check(context)
        return findings
    }
}

/// Small helpers shared by the rule families.
enum Fmt {
    static func money(_ m: Money) -> String { ThaiNumberFormat.amount(m) }
    static func number(_ d: Decimal) -> String { ThaiNumberFormat.decimal(d, maxFractionDigits: 4, grouping: false) }
    static func at(_ line: Int?) -> String { line.map { " (บรรทัด \($0))" } ?? "" }
}
