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
        // Disbursement-fed KPIs take their result from the budget records (Disbursement/DisbursementKPIFeed.swift).
        let disbursementFeed = try await DisbursementKPIFeed.load(data: data, agreement: agreement)
        // Innovation-fed KPIs read their level from the innovation record (Innovation/InnovationKPIFeed.swift).
        let innovationFeed = try await InnovationKPIFeed.load(data: data, agreement: agreement)
        let results = innovationFeed.results(replacing: disbursementFeed.results(replacing: Self.latestResults(reports)))
        return innovationFeed.annotate(disbursementFeed.annotate(Scorer.score(agreement, results: results, unitGroup: group)))
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
