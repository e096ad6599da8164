import PhaenCore

/// The hook `ScoreUnitYear` calls: KPIs whose `resultSource` is `.disbursement` take their
/// result from the budget records (as of the latest disbursement recorded in the year), and
/// their explanation says where the figure came from. Agreements without such a KPI cost
/// nothing: the records are not even read.
public struct DisbursementKPIFeed: Sendable {
    public let agreement: Agreement
    public let figure: DisbursementKPI.Figure?
    let active: Bool

    public static func load(data: any PlanningData, agreement: Agreement) async throws -> DisbursementKPIFeed {
        guard !DisbursementKPI.kpiCodes(agreement).isEmpty else {
            return DisbursementKPIFeed(agreement: agreement, figure: nil, active: false)
        }
        let records = try await data.budgetRecordsIfAny(unitCode: agreement.unitCode, fiscalYear: agreement.fiscalYear)
        return DisbursementKPIFeed(agreement: agreement, figure: DisbursementKPI.figure(records), active: true)
    }

    public func results(replacing results: [KPIResult]) -> [KPIResult] {
        active ? DisbursementKPI.results(results, agreement: agreement, figure: figure) : results
    }

    public func annotate(_ card: ScoreCard) -> ScoreCard {
        active ? DisbursementKPI.annotate(card, agreement: agreement, figure: figure) : card
    }
}
