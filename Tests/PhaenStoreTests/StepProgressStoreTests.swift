import Foundation
import PhaenCore
import Testing
@testable import PhaenStore

/// Monthly step progress (migration 3) on both engines: exact decimals, replace in place,
/// an audit entry per change, nothing written for an unchanged value, unknown units refused.
@Suite("Step progress") struct StepProgressStoreTests {
    typealias S = SampleDataset
    static let now = Date(timeIntervalSince1970: 1_717_000_000)

    @Test("save, replace and audit step progress", arguments: TestEngines.all)
    func saveAndReplace(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            _ = try await store.importDataset(try S.make())
            let first = StepProgressEntry(unitCode: S.district, fiscalYear: S.year, stepPlanID: "sp-1", fiscalMonth: 3,
                                          percent: Decimal(string: "12.5")!, note: "เริ่มจัดซื้อ", updatedBy: "somchai", updatedAt: Self.now)
            try await store.saveStepProgress(first)
            try await store.saveStepProgress(first)  // unchanged: nothing written
            var second = first
            second.percent = Decimal(string: "33.33")!
            second.note = nil
            try await store.saveStepProgress(second)
            var other = first
            other.fiscalMonth = 4
            other.percent = 40
            try await store.saveStepProgress(other)

            let stored = try await store.stepProgress(unitCode: S.district, fiscalYear: S.year)
            #expect(stored == [second, other])
            let audit = try await store.audit(objectKind: "step-progress", objectKey: first.auditKey)
            #expect(audit.map(\.actor) == ["somchai", "somchai"])
            #expect(audit.first?.before == nil && audit.last?.before != nil)

            var unknown = first
            unknown.unitCode = "9999"
            await #expect(throws: (any Error).self) { try await store.saveStepProgress(unknown) }
        }
    }
}
