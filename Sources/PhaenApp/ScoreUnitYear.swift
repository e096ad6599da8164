import PhaenCore

/// Use case: the score card of a unit's agreement for a fiscal year, from the latest report
/// of each KPI (the year-end report when there is one).
public struct ScoreUnitYear: Sendable {
    public let data: any PlanningData
    public init(data: any PlanningData) { self.data = data }

    public func callAsFunction(unitCode: String, fiscalYear: FiscalYear) async throws -> ScoreCard {
        guard try await data.unit(code: unitCode) != nil else { throw AppError.unitNotFound(unitCode) }
        guard let agreement = try await data.agreement(unitCode: unitCode, fiscalYear: fiscalYear) else {
            throw AppError(.notFound, th: "หน่วยงาน \(unitCode) ไม่มีคำรับรองการปฏิบัติราชการปีงบประมาณ \(fiscalYear)",
                           en: "unit \(unitCode) has no agreement for fiscal year \(fiscalYear)")
        }
        let reports = try await data.reports(unitCode: unitCode, fiscalYear: fiscalYear)
        let group = try await data.unitGroup(unitCode: unitCode, fiscalYear: fiscalYear)
        return Scorer.score(agreement, results: Self.latestResults(reports), unitGroup: group)
    }

    /// The latest round's result of each KPI.
    public static func latestResults(_ reports: [ProgressReport]) -> [KPIResult] {
        var latest: [String: ProgressReport] = [:]
        for report in reports {
            if let existing = latest[report.kpiCode], existing.round > report.round { continue }
            latest[report.kpiCode] = report
        }
        return latest.values.sorted { $0.kpiCode < $1.kpiCode }.map(\.result)
    }
}
