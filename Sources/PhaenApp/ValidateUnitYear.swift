import PhaenCore

/// Use case: the findings of a unit's plan, agreement and reports for one fiscal year.
public struct ValidateUnitYear: Sendable {
    public let data: any PlanningData
    public init(data: any PlanningData) { self.data = data }

    public func callAsFunction(unitCode: String, fiscalYear: FiscalYear) async throws -> [Finding] {
        let context = try await Self.context(data, unitCode: unitCode, fiscalYear: fiscalYear)
        return Validator.validate(context).sorted { $0.severity < $1.severity }
    }

    static func context(_ data: any PlanningData, unitCode: String, fiscalYear: FiscalYear) async throws -> ValidationContext {
        guard let unit = try await data.unit(code: unitCode) else { throw AppError.unitNotFound(unitCode) }
        return ValidationContext(
            fiscalYear: fiscalYear, unit: unit,
            frameworks: try await data.frameworks(fiscalYear: fiscalYear),
            plan: try await data.plan(unitCode: unitCode, fiscalYear: fiscalYear),
            agreement: try await data.agreement(unitCode: unitCode, fiscalYear: fiscalYear),
            reports: try await data.reports(unitCode: unitCode, fiscalYear: fiscalYear),
            disbursementTables: try await data.disbursementTables(unitCode: unitCode, fiscalYear: fiscalYear),
            disbursements: try await data.disbursements(unitCode: unitCode, fiscalYear: fiscalYear),
            unitGroup: try await data.unitGroup(unitCode: unitCode, fiscalYear: fiscalYear))
    }
}
