import Mustache
import PhaenApp
import PhaenCore

/// Budget records through the person's view: an invisible unit has none, so a score card
/// computed through `ScopedData` feeds its disbursement KPI exactly as the store would.
extension ScopedData: BudgetRecordSource {
    func budgetRecords(unitCode: String, fiscalYear: FiscalYear) async throws -> BudgetRecords {
        guard sees(unitCode) else { return BudgetRecords(unitCode: unitCode, fiscalYear: fiscalYear) }
        return try await store.budgetRecords(unitCode: unitCode, fiscalYear: fiscalYear)
    }
}

/// The unit page's links to each year's disbursement page, built with the typed URL.
/// Templates see stored properties only (Mustache reflects with `Mirror`), so the page answers
/// this one name itself and every other name as reflection would.
extension UnitPage: MustacheParent {
    struct DisbursementLink { var year: String; var url: String }

    func child(named name: String) -> Any? {
        if name == "disbursementLinks" {
            return years.compactMap { row -> DisbursementLink? in
                guard let be = Int(row.year) else { return nil }
                return DisbursementLink(year: row.year, url: DisbursementURL.unitYear(code, FiscalYear(be)).path)
            }
        }
        guard let value = Mirror(reflecting: self).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
