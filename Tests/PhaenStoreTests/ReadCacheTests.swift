import Foundation
import PhaenCore
import Testing
@testable import PhaenStore

/// Units, agreements, plans and frameworks are cached per process, keyed by the data version
/// every write raises: what one process writes, another reads on its next request.
@Suite("Read cache") struct ReadCacheTests {
    typealias S = SampleDataset

    @Test("a write through another store on the same database is seen at once", arguments: TestEngines.all)
    func crossProcess(engine: StoreEngine) async throws {
        let database = try await FreshDatabase.create(engine)
        let a = try await PhaenStore.open(database.url, logger: quietLogger)
        let b = try await PhaenStore.open(database.url, logger: quietLogger)
        do {
            _ = try await a.migrate()
            var dataset = try S.make()
            _ = try await a.importDataset(dataset)
            let before = try await a.dataVersionForTests()
            let unitsA = try await a.units(), unitsB = try await b.units()
            #expect(unitsA == unitsB)
            let plan = try #require(try await a.plan(unitCode: dataset.plans[0].unitCode, fiscalYear: dataset.plans[0].fiscalYear))
            // Reading changes nothing.
            #expect(try await a.dataVersionForTests() == before)

            dataset.units[0].nameTH += " (แก้ไข)"
            dataset.plans[0].title += " (แก้ไข)"
            #expect(try await b.importDataset(dataset).written == 2)
            #expect(try await a.dataVersionForTests() > before)
            #expect(try await a.units().contains { $0.nameTH == dataset.units[0].nameTH })
            let reread = try await a.plan(unitCode: plan.unitCode, fiscalYear: plan.fiscalYear)
            #expect(reread?.title == dataset.plans[0].title)
        } catch {
            try? await a.shutdown(); try? await b.shutdown(); try? await database.remove()
            throw error
        }
        try await a.shutdown(); try await b.shutdown(); try await database.remove()
    }
}

extension PhaenStore {
    func dataVersionForTests() async throws -> Int64 { try await pool.dataVersion() }
}
