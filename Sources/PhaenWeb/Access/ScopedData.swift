import PhaenApp
import PhaenCore
import PhaenStore

/// The planning data as one person may see it. Every page and API handler reads through this
/// value, never through the store directly, so access is decided at the query: units outside
/// `AccessPolicy.visibleUnits` do not exist (nil → 404), and draft reports of another unit are
/// left out for roles that may not read them. A forgotten check cannot leak, because there is
/// nothing to check after the fact.
struct ScopedData: PlanningData {
    let store: PhaenStore
    let person: Person
    private let visible: Set<String>?

    init(store: PhaenStore, person: Person) {
        self.store = store
        self.person = person
        self.visible = AccessPolicy.visibleUnits(person)
    }

    func sees(_ unitCode: String) -> Bool { visible.map { $0.contains(unitCode) } ?? true }

    func units() async throws -> [PhaenCore.Unit] {
        let all = try await store.units()
        guard let visible else { return all }
        return all.filter { visible.contains($0.code) }
    }

    func unit(code: String) async throws -> Unit? {
        guard sees(code) else { return nil }
        return try await store.unit(code: code)
    }

    func unitGroup(unitCode: String, fiscalYear: FiscalYear) async throws -> String? {
        guard sees(unitCode) else { return nil }
        return try await store.unitGroup(unitCode: unitCode, fiscalYear: fiscalYear)
    }

    /// The strategy frameworks are public documents: not scoped.
    func frameworks(fiscalYear: FiscalYear) async throws -> [FrameworkNode] {
        try await store.frameworks(fiscalYear: fiscalYear)
    }

    func plan(unitCode: String, fiscalYear: FiscalYear) async throws -> ActionPlan? {
        guard sees(unitCode) else { return nil }
        return try await store.plan(unitCode: unitCode, fiscalYear: fiscalYear)
    }

    func agreement(unitCode: String, fiscalYear: FiscalYear) async throws -> Agreement? {
        guard sees(unitCode) else { return nil }
        return try await store.agreement(unitCode: unitCode, fiscalYear: fiscalYear)
    }

    func agreements() async throws -> [Agreement] {
        try await store.agreements().filter { sees($0.unitCode) }
    }

    func reports(unitCode: String, fiscalYear: FiscalYear) async throws -> [ProgressReport] {
        guard sees(unitCode) else { return [] }
        let reports = try await store.reports(unitCode: unitCode, fiscalYear: fiscalYear)
        if AccessPolicy.canReadDraft(person, unit: unitCode) { return reports }
        return reports.filter { $0.state != .draft }
    }

    func disbursements(unitCode: String, fiscalYear: FiscalYear) async throws -> [Disbursement] {
        guard sees(unitCode) else { return [] }
        return try await store.disbursements(unitCode: unitCode, fiscalYear: fiscalYear)
    }

    func disbursementTables(unitCode: String, fiscalYear: FiscalYear) async throws -> [StatedDisbursementTable] {
        guard sees(unitCode) else { return [] }
        return try await store.disbursementTables(unitCode: unitCode, fiscalYear: fiscalYear)
    }

    func fiscalYears(unitCode: String) async throws -> [FiscalYear] {
        guard sees(unitCode) else { return [] }
        return try await store.fiscalYears(unitCode: unitCode)
    }

    /// The unit, or the 404 every invisible or unknown unit gets alike.
    func requireUnit(_ code: String) async throws -> Unit {
        guard let unit = try await unit(code: code) else { throw WebError.unitNotFound(code) }
        return unit
    }
}
