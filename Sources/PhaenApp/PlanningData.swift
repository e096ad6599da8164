import PhaenCore
import PhaenStore

/// What the use cases read. The database (`PhaenStore`) and an in-memory `Dataset` both
/// provide it, so the same use case validates a stored plan or a file.
public protocol PlanningData: Sendable {
    func units() async throws -> [Unit]
    func unit(code: String) async throws -> Unit?
    func unitGroup(unitCode: String, fiscalYear: FiscalYear) async throws -> String?
    func frameworks(fiscalYear: FiscalYear) async throws -> [FrameworkNode]
    func plan(unitCode: String, fiscalYear: FiscalYear) async throws -> ActionPlan?
    func agreement(unitCode: String, fiscalYear: FiscalYear) async throws -> Agreement?
    func agreements() async throws -> [Agreement]
    func reports(unitCode: String, fiscalYear: FiscalYear) async throws -> [ProgressReport]
    func disbursements(unitCode: String, fiscalYear: FiscalYear) async throws -> [Disbursement]
    func disbursementTables(unitCode: String, fiscalYear: FiscalYear) async throws -> [StatedDisbursementTable]
    func fiscalYears(unitCode: String) async throws -> [FiscalYear]
}

extension PhaenStore: PlanningData {}

/// A dataset held in memory (a file, or the demo dataset before it is stored).
public struct InMemoryData: PlanningData {
    public let dataset: Dataset
    public init(_ dataset: Dataset) { self.dataset = dataset }

    public func units() async throws -> [Unit] { dataset.units.sorted { $0.code < $1.code } }
    public func unit(code: String) async throws -> Unit? { dataset.units.first { $0.code == code } }
    public func unitGroup(unitCode: String, fiscalYear: FiscalYear) async throws -> String? {
        dataset.unitGroups.first { $0.unitCode == unitCode && $0.fiscalYear == fiscalYear }?.group
    }
    public func frameworks(fiscalYear: FiscalYear) async throws -> [FrameworkNode] {
        dataset.frameworks.filter { $0.fiscalYear == fiscalYear }
    }
    public func plan(unitCode: String, fiscalYear: FiscalYear) async throws -> ActionPlan? {
        dataset.plans.first { $0.unitCode == unitCode && $0.fiscalYear == fiscalYear }
    }
    public func agreement(unitCode: String, fiscalYear: FiscalYear) async throws -> Agreement? {
        dataset.agreements.first { $0.unitCode == unitCode && $0.fiscalYear == fiscalYear }
    }
    public func agreements() async throws -> [Agreement] { dataset.agreements }
    public func reports(unitCode: String, fiscalYear: FiscalYear) async throws -> [ProgressReport] {
        dataset.reports.filter { $0.unitCode == unitCode && $0.fiscalYear == fiscalYear }
    }
    public func disbursements(unitCode: String, fiscalYear: FiscalYear) async throws -> [Disbursement] {
        dataset.disbursements.filter { $0.unitCode == unitCode && $0.fiscalYear == fiscalYear }
    }
    public func disbursementTables(unitCode: String, fiscalYear: FiscalYear) async throws -> [StatedDisbursementTable] {
        dataset.disbursementTables.filter { $0.unitCode == unitCode && $0.fiscalYear == fiscalYear }
    }
    public func fiscalYears(unitCode: String) async throws -> [FiscalYear] {
        let years = dataset.plans.filter { $0.unitCode == unitCode }.map(\.fiscalYear)
            + dataset.agreements.filter { $0.unitCode == unitCode }.map(\.fiscalYear)
            + dataset.reports.filter { $0.unitCode == unitCode }.map(\.fiscalYear)
        return Array(Set(years)).sorted()
    }
}
