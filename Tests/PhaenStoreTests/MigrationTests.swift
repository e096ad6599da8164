import Foundation
import PhaenCore
import SQLKit
import Testing
@testable import PhaenStore

@Suite("Migrations") struct MigrationTests {
    typealias S = SampleDataset

    @Test("a database at migration 1 goes to 2 and keeps its data", arguments: TestEngines.all)
    func oneToTwo(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            #expect(try await Migrator(pool: store.pool, migrations: Array(Migrations.all.prefix(1))).migrate() == [1])
            #expect(try await store.appliedMigrations() == [1])
            // A report as migration 1 stored it.
            let report = S.reports[0]
            try await store.pool.write(changesData: false) { db in
                try await db.insert(into: "units").columns("code", "kind", "name_th", "body")
                    .values(SQLBind(S.district), SQLBind("district"), SQLBind("สำนักงานเขตภาษีเจริญ"),
                            SQLBind(try JSONBody.encode(S.units[1]))).run()
                try await db.insert(into: "reports").columns("unit_code", "fiscal_year", "round", "kpi_code", "state", "version", "body")
                    .values(SQLBind(S.district), SQLBind(S.year.be), SQLBind(report.round.code), SQLBind(report.kpiCode),
                            SQLBind(report.state.rawValue), SQLBind(3), SQLBind(try JSONBody.encode(report))).run()
            }
            await #expect(throws: StoreError.self) { _ = try await store.importDataset(Dataset()) }

            #expect(try await store.migrate() == Array(2...Migrations.all.count))
            #expect(try await store.appliedMigrations() == Migrations.all.map(\.number))
            let stored = try #require(try await store.storedReport(unitCode: S.district, fiscalYear: S.year, round: report.round,
                                                                    kpiCode: report.kpiCode))
            #expect(stored == StoredReport(report: report, version: 3, events: [], updatedAt: nil))
            // The first import after the upgrade finds the report unchanged.
            var dataset = Dataset()
            dataset.reports = [report]
            #expect(try await store.importDataset(dataset) == ImportSummary(written: 0, unchanged: 1))
            #expect(try await store.userCount() == 0)
        }
    }
}
