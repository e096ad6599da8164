import PhaenCore
import PhaenStore

/// Score cards and validation findings of unit-years, computed at most once per data version
/// in each process and shared by every request (`PhaenStore.derived`). Any write — a saved
/// report, a transition, an edited plan, in any process — raises the version, and the next
/// request computes afresh.
///
/// Access stays with the caller, at the query: these are the unit's own results in two forms,
/// with and without draft reports, never a result filtered for one person. The caller first
/// decides that the person may see the unit (else 404) and passes
/// `AccessPolicy.canReadDraft(person, unit:)` as `drafts`.
public struct DerivedResults: Sendable {
    public let store: PhaenStore
    public init(store: PhaenStore) { self.store = store }

    /// `ScoreUnitYear` on the unit's reports, drafts included or not.
    public func scoreCard(unitCode: String, fiscalYear: FiscalYear, drafts: Bool) async throws -> ScoreCard {
        let store = self.store
        return try await store.derived("score/\(unitCode)/\(fiscalYear.be)/\(drafts ? "drafts" : "sent")") {
            try await ScoreUnitYear(data: DraftFilteredData(store: store, drafts: drafts))(unitCode: unitCode, fiscalYear: fiscalYear)
        }
    }

    /// `ValidateUnitYear` on the unit's plan, agreement and reports, drafts included or not.
    public func findings(unitCode: String, fiscalYear: FiscalYear, drafts: Bool) async throws -> [Finding] {
        let store = self.store
        return try await store.derived("findings/\(unitCode)/\(fiscalYear.be)/\(drafts ? "drafts" : "sent")") {
            try await ValidateUnitYear(data: DraftFilteredData(store: store, drafts: drafts))(unitCode: unitCode, fiscalYear: fiscalYear)
        }
    }
}

/// The store's data with or without the draft reports: what a person who may (or may not)
/// read a unit's drafts sees of a unit they may see. Everything else reads straight through.
struct DraftFilteredData: PlanningData {
    let store: PhaenStore
    let drafts: Bool

    func units() async throws -> [PhaenCore.Unit] { try await store.units() }
    func unit(code: String) async throws -> PhaenCore.Unit? { try await store.unit(code: code) }
    func unitGroup(unitCode: String, fiscalYear: FiscalYear) async throws -> String? {
        try await store.unitGroup(unitCode: unitCode, fiscalYear: fiscalYear)
    }
    func frameworks(fiscalYear: FiscalYear) async throws -> [FrameworkNode] { try await store.frameworks(fiscalYear: fiscalYear) }
    func plan(unitCode: String, fiscalYear: FiscalYear) async throws -> ActionPlan? {
        try await store.plan(unitCode: unitCode, fiscalYear: fiscalYear)
    }
    func agreement(unitCode: String, fiscalYear: FiscalYear) async throws -> Agreement? {
        try await store.agreement(unitCode: unitCode, fiscalYear: fiscalYear)
    }
    func agreements() async throws -> [Agreement] { try await store.agreements() }
    func reports(unitCode: String, fiscalYear: FiscalYear) async throws -> [ProgressReport] {
        let reports = try await store.reports(unitCode: unitCode, fiscalYear: fiscalYear)
        return drafts ? reports : reports.filter { $0.state != .draft }
    }
    func disbursements(unitCode: String, fiscalYear: FiscalYear) async throws -> [Disbursement] {
        try await store.disbursements(unitCode: unitCode, fiscalYear: fiscalYear)
    }
    func disbursementTables(unitCode: String, fiscalYear: FiscalYear) async throws -> [StatedDisbursementTable] {
        try await store.disbursementTables(unitCode: unitCode, fiscalYear: fiscalYear)
    }
    func fiscalYears(unitCode: String) async throws -> [FiscalYear] { try await store.fiscalYears(unitCode: unitCode) }
}
