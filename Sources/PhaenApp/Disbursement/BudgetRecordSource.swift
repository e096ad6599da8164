import PhaenCore
import PhaenStore

/// Where the budget records of a unit-year come from. The database keeps transfers and
/// recorded disbursements beside the dataset's allocations and ledger; a dataset in memory
/// has only the latter. A `PlanningData` that is not a source (a test double) is read through
/// its `disbursements` alone.
public protocol BudgetRecordSource: Sendable {
    func budgetRecords(unitCode: String, fiscalYear: FiscalYear) async throws -> BudgetRecords
}

extension PhaenStore: BudgetRecordSource {}

extension InMemoryData: BudgetRecordSource {
    public func budgetRecords(unitCode: String, fiscalYear: FiscalYear) async throws -> BudgetRecords {
        BudgetRecords(unitCode: unitCode, fiscalYear: fiscalYear,
                      allocations: dataset.allocations.filter { $0.unitCode == unitCode && $0.fiscalYear == fiscalYear },
                      disbursements: dataset.disbursements.filter { $0.unitCode == unitCode && $0.fiscalYear == fiscalYear })
    }
}

extension PlanningData {
    /// The unit-year's budget records through whatever this data source offers.
    func budgetRecordsIfAny(unitCode: String, fiscalYear: FiscalYear) async throws -> BudgetRecords {
        if let source = self as? any BudgetRecordSource {
            return try await source.budgetRecords(unitCode: unitCode, fiscalYear: fiscalYear)
        }
        return BudgetRecords(unitCode: unitCode, fiscalYear: fiscalYear,
                             disbursements: try await disbursements(unitCode: unitCode, fiscalYear: fiscalYear))
    }
}

/// The score page's cached score cards (`DerivedResults`) read through this view of the store:
/// the disbursement KPI must see transfers and recorded disbursements there too.
extension DraftFilteredData: BudgetRecordSource {
    func budgetRecords(unitCode: String, fiscalYear: FiscalYear) async throws -> BudgetRecords {
        try await store.budgetRecords(unitCode: unitCode, fiscalYear: fiscalYear)
    }
}
