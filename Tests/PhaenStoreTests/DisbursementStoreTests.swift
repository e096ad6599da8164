import Foundation
import PhaenCore
import PhaenImport
import Testing
@testable import PhaenStore

/// Budget records (migration 5) on both engines: allocations replace per type, transfers and
/// disbursements append, every write audited; a write that would disburse more than the
/// allocation after transfers, or names an unknown unit, leaves nothing behind.
@Suite("Disbursement store") struct DisbursementStoreTests {
    typealias S = SampleDataset
    static let now = Date(timeIntervalSince1970: 1_717_000_000)
    static let march = CivilDate(year: 2024, month: 3, day: 31)

    func allocation(_ type: BudgetType, _ baht: Int64) -> BudgetAllocation {
        BudgetAllocation(unitCode: S.district, fiscalYear: S.year, type: type, allocated: Money(baht: baht))
    }

    func paid(_ type: BudgetType, _ satang: Int64, on date: CivilDate = march, cumulative: Bool = false) -> Disbursement {
        Disbursement(unitCode: S.district, fiscalYear: S.year, type: type, date: date, amount: Money(satang: satang), cumulative: cumulative)
    }

    @Test("record, read back, audit, and refuse an overspend with nothing written", arguments: TestEngines.all)
    func recordAndRefuse(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            _ = try await store.importDataset(try S.make())
            try await store.saveAllocation(allocation(.operating, 12_203_500), actor: "finance", at: Self.now)
            try await store.saveAllocation(allocation(.other, 1_041_200), actor: "finance", at: Self.now)
            try await store.saveAllocation(allocation(.other, 1_041_200), actor: "finance", at: Self.now)  // unchanged
            try await store.addTransfer(BudgetTransfer(unitCode: S.district, fiscalYear: S.year, date: CivilDate(year: 2024, month: 1, day: 5),
                                                       from: .operating, to: .central, amount: Money(baht: 258_369), reason: "งบกลาง"),
                                        actor: "finance", at: Self.now)
            try await store.addDisbursements([paid(.operating, 409_476_947, cumulative: true), paid(.other, 26_650_000)],
                                             actor: "finance", at: Self.now, action: "import")

            let records = try await store.budgetRecords(unitCode: S.district, fiscalYear: S.year)
            let table = records.table(asOf: Self.march)
            #expect(table.row(.operating)?.allocated == Money(baht: 11_945_131))
            #expect(table.row(.central)?.allocated == Money(baht: 258_369))
            #expect(table.totalAllocated == Money(baht: 13_244_700))
            #expect(table.totalDisbursed == Money(satang: 436_126_947))
            #expect(records.disbursements.map(\.amount) == [Money(satang: 409_476_947), Money(satang: 26_650_000)])
            #expect(try await store.budgetRecords(fiscalYear: S.year)[S.district] == records)
            #expect(try await store.budgetYears() == [S.year])

            let allocationAudit = try await store.audit(objectKind: "budget-allocation", objectKey: "\(S.district)/\(S.year.be)/other")
            #expect(allocationAudit.count == 1 && allocationAudit[0].actor == "finance" && allocationAudit[0].before == nil)

            // More than the 1,041,200 allocated to งบรายจ่ายอื่น: refused, and the valid row with it is not written either.
            await #expect(throws: DisbursementRefused.self) {
                try await store.addDisbursements([paid(.central, 100), paid(.other, 77_470_001)], actor: "finance", at: Self.now)
            }
            // Lowering an allocation below what was paid is refused too.
            await #expect(throws: DisbursementRefused.self) {
                try await store.saveAllocation(allocation(.other, 1), actor: "finance", at: Self.now)
            }
            // A negative amount and a date outside the year are refused before any write.
            await #expect(throws: DisbursementRefused.self) {
                try await store.addDisbursements([paid(.other, -1, on: CivilDate(year: 2024, month: 10, day: 1))], actor: "finance", at: Self.now)
            }
            var stranger = paid(.other, 1)
            stranger.unitCode = "9999"
            await #expect(throws: (any Error).self) { try await store.addDisbursements([stranger], actor: "finance", at: Self.now) }
            #expect(try await store.budgetRecords(unitCode: S.district, fiscalYear: S.year) == records)
        }
    }

    @Test("the demo budget records import once and read back as the half-year table", arguments: TestEngines.all)
    func demoRecords(engine: StoreEngine) async throws {
        var dataset = Dataset()
        for file in try DemoDataset.files() where ["units.json", "disbursement-2567.json", "report-2567-inspector-division.json"].contains(file.lastPathComponent) {
            dataset.merge(try DemoDataset.decode(file))
        }
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            let first = try await store.importDataset(dataset)
            #expect(first.unchanged == 0)
            #expect(try await store.importDataset(dataset).written == 0)
            let table = try await store.budgetRecords(unitCode: "4001", fiscalYear: S.year).table(asOf: Self.march)
            #expect(table.totalAllocated == Money(baht: 13_503_069) && table.totalDisbursed == Money(satang: 436_126_947))
            let district = try await store.budgetRecords(unitCode: "1022", fiscalYear: S.year).table(asOf: Self.march)
            #expect(district.totalAllocated == Money(baht: 13_803_500) && district.totalDisbursed == Money(baht: 6_091_400))
        }
    }
}
