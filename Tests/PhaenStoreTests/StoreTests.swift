import Foundation
import PhaenCore
import PhaenImport
import SQLKit
import Testing
@testable import PhaenStore

/// The store on both engines. Each test opens a fresh, empty database and migrates from zero.
@Suite("Store") struct StoreTests {
    typealias S = SampleDataset

    @Test("migrating twice applies the schema once", arguments: TestEngines.all)
    func migrateTwice(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            #expect(store.engine == engine)
            #expect(Migrations.all.map(\.number) == Array(1...Migrations.all.count), "numbered 1, 2, 3 … without gaps")
            let before = try await store.appliedMigrations()
            let first = try await store.migrate()
            let second = try await store.migrate()
            #expect(before == [])
            #expect(first == Migrations.all.map(\.number))
            #expect(first == [1, 2, 3, 4, 5, 6])
            #expect(second == [])
            #expect(try await store.appliedMigrations() == first)
        }
    }

    @Test("a hand-built dataset reads back exactly", arguments: TestEngines.all)
    func roundTrip(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            let dataset = try S.make()
            #expect(try await store.importDataset(dataset) == ImportSummary(written: S.recordCount, unchanged: 0))

            #expect(try await store.units() == dataset.units.sorted { $0.code < $1.code })
            let district = try #require(try await store.unit(code: S.district))
            // Byte for byte, not just canonically equal: no normalisation on the way.
            #expect(Array(district.nameTH.utf8) == Array("สำนักงานเขตภาษีเจริญ".utf8))
            #expect(district.sections.map(\.aliases) == [["ฝ่ายปกครองฯ", "ปค."], ["ฝ่ายพัฒนา ชุมชนฯ"], []])
            #expect(try await store.unit(code: "9999") == nil)
            #expect(try await store.unitGroup(unitCode: S.district, fiscalYear: S.year) == "B")
            #expect(try await store.unitGroup(unitCode: S.division, fiscalYear: S.year) == nil)
            #expect(try await store.frameworks(fiscalYear: S.year) == dataset.frameworks)

            let plan = try #require(try await store.plan(unitCode: S.district, fiscalYear: S.year))
            #expect(plan == dataset.plans[0])
            #expect(plan.stepPlans[0].steps[0].weight?.description == "3.3333333333333333333")
            #expect(plan.projects[0].budget?.amount == S.money)
            #expect(plan.lists[0].computedTotal == S.money)
            #expect(try await store.plan(unitCode: S.division, fiscalYear: S.year) == nil)

            let agreement = try #require(try await store.agreement(unitCode: S.district, fiscalYear: S.year))
            #expect(agreement == dataset.agreements[0])
            #expect(agreement.allKPIs.map(\.criteria.kind) == ["thresholds", "thresholds", "steps", "judged", "composite"])
            #expect(agreement.components[0].kpis[0].weight.description == "3.3333333333333333333")
            #expect(try await store.agreements() == dataset.agreements)

            // By round (m03 before h1), then KPI code by its numbers.
            #expect(try await store.reports(unitCode: S.district, fiscalYear: S.year).map(\.kpiCode) == ["1.10", "1.1", "2.1"])
            #expect(Set(try await store.reports(unitCode: S.district, fiscalYear: S.year)) == Set(dataset.reports))

            let allocations = try await store.allocations(unitCode: S.division, fiscalYear: S.year)
            #expect(allocations.map(\.type) == [.carryOver, .operating])
            #expect(allocations.first { $0.type == .operating }?.allocated.satang == 409_476_947)
            #expect(Set(allocations) == Set(dataset.allocations))
            #expect(try await store.disbursements(unitCode: S.division, fiscalYear: S.year) == dataset.disbursements)
            #expect(try await store.disbursementTables(unitCode: S.division, fiscalYear: S.year) == dataset.disbursementTables)
            #expect(try await store.innovations(unitCode: S.district, fiscalYear: S.year) == dataset.innovations)
            #expect(try await store.directives(fiscalYear: S.year) == dataset.directives)
            #expect(try await store.directiveReports(directiveID: "2567-01") == dataset.directiveReports)
            #expect(try await store.fiscalYears(unitCode: S.district) == [S.year])
            #expect(try await store.fiscalYears(unitCode: S.division) == [])
        }
    }

    @Test("importing the same dataset again writes nothing", arguments: TestEngines.all)
    func importTwice(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            let dataset = try S.make()
            #expect(try await store.importDataset(dataset).written == S.recordCount)
            #expect(try await store.importDataset(dataset) == ImportSummary(written: 0, unchanged: S.recordCount))
        }
    }

    @Test("a changed report is the only record written", arguments: TestEngines.all)
    func changedReport(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            var dataset = try S.make()
            _ = try await store.importDataset(dataset)
            dataset.reports[0].value = Decimal(string: "41.2")!
            dataset.reports[0].state = .certified
            #expect(try await store.importDataset(dataset) == ImportSummary(written: 1, unchanged: S.recordCount - 1))
            let stored = try await store.reports(unitCode: S.district, fiscalYear: S.year)
            #expect(stored.first { $0.kpiCode == "1.1" } == dataset.reports[0])
            // Each replacement bumps the record's version.
            let versions = try await store.pool.withSession { session in
                try await session.sql.select().column("version").from("reports").where("kpi_code", .equal, "1.1")
                    .all(decodingColumn: "version", as: Int.self)
            }
            #expect(versions == [2])
        }
    }

    @Test("money, decimals and Thai text in the key columns are exact for SQL too", arguments: TestEngines.all)
    func queryableColumns(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            _ = try await store.importDataset(try S.make())
            try await store.pool.withSession { session in
                let db = session.sql
                let satang = try await db.select().column("budget_satang").from("projects").where("id", .equal, "P1")
                    .first(decodingColumn: "budget_satang", as: Int64.self)
                #expect(satang == 409_476_947)
                let allocated = try await db.select().column("allocated").from("budget_allocations")
                    .where("type", .equal, "operating").first(decodingColumn: "allocated", as: Int64.self)
                #expect(allocated == S.money.satang)
                let weights = try await db.select().column("weight").from("plan_steps").orderBy("position")
                    .all(decodingColumn: "weight", as: String?.self)
                #expect(weights == ["3.3333333333333333333", "66.6666666666666666667", nil])
                let okrNames = try await db.select().column("name").from("framework_nodes")
                    .where("level", .equal, "policy.okr").where("code", .equal, "1.2.01").orderBy("position")
                    .all(decodingColumn: "name", as: String.self)
                #expect(okrNames == ["ถนนปลอดภัย", "ทางเท้าดี"])
            }
        }
    }

    @Test("concurrent imports wait for each other instead of failing", arguments: TestEngines.all)
    func concurrentImports(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            let base = try S.make()
            _ = try await store.importDataset(base)
            let variants: [Dataset] = (0..<base.reports.count).map { i in
                var changed = base
                changed.reports[i].remarks = "แก้ไขครั้งที่ \(i)"
                return changed
            }
            let summaries = try await withThrowingTaskGroup(of: ImportSummary.self) { group in
                for variant in variants { group.addTask { try await store.importDataset(variant) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // Each import finds its own report changed; later ones may also find an earlier
            // import's report differing from theirs and put it back, so at least one write each.
            #expect(summaries.count == variants.count)
            #expect(summaries.allSatisfy { $0.written >= 1 && $0.written + $0.unchanged == S.recordCount })
        }
    }

    @Test("importing into a database that is not migrated says to migrate", arguments: TestEngines.all)
    func importBeforeMigrate(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            let error = await #expect(throws: StoreError.self) { try await store.importDataset(try S.make()) }
            #expect(error?.description.contains("phaen migrate") == true)
        }
    }

    @Test("the demo dataset reads back exactly", arguments: TestEngines.all)
    func demoDataset(engine: StoreEngine) async throws {
        let dataset = try DemoDataset.load()
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            let first = try await store.importDataset(dataset)
            #expect(first.unchanged == 0)
            #expect(try await store.importDataset(dataset) == ImportSummary(written: 0, unchanged: first.written))
            #expect(try await store.units() == dataset.units.sorted { $0.code < $1.code })
            for year in Set(dataset.frameworks.map(\.fiscalYear)) {
                #expect(try await store.frameworks(fiscalYear: year) == dataset.frameworks.filter { $0.fiscalYear == year })
            }
            for plan in dataset.plans {
                #expect(try await store.plan(unitCode: plan.unitCode, fiscalYear: plan.fiscalYear) == plan)
            }
            #expect(Set(try await store.agreements()) == Set(dataset.agreements))
            for report in dataset.reports {
                #expect(try await store.reports(unitCode: report.unitCode, fiscalYear: report.fiscalYear).contains(report))
            }
        }
    }

    @Test("a dataset with two different records under one key is refused, and nothing is stored", arguments: TestEngines.all)
    func conflictingKeys(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            var dataset = try S.make()
            var other = dataset.reports[0]
            other.value = 1
            dataset.reports.append(other)
            let error = await #expect(throws: StoreError.self) { try await store.importDataset(dataset) }
            #expect(error?.description.contains("1016/2567/h1/1.1") == true)
            #expect(try await store.units() == [])
        }
    }

    @Test("a record of an unknown unit is refused with its code", arguments: TestEngines.all)
    func unknownUnit(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            var dataset = Dataset()
            dataset.reports = [ProgressReport(unitCode: "9999", fiscalYear: S.year, round: .yearEnd, kpiCode: "1.1")]
            let error = await #expect(throws: StoreError.self) { try await store.importDataset(dataset) }
            #expect(error?.description.contains("9999") == true)
        }
    }

    @Test("a bad database address is a StoreError", arguments: TestEngines.all)
    func badURL(engine: StoreEngine) async throws {
        let urls = switch engine {
        case .sqlite: ["sqlite:", "sqlite:/nonexistent-\(UUID().uuidString)/phaen.sqlite", "mysql://localhost/phaen", "phaen.sqlite"]
        case .postgres: ["postgres://127.0.0.1/phaen", "postgresql://u@127.0.0.1:5432/", "postgres://u@h/db?tlsmode=bogus",
                         "postgres://postgres@127.0.0.1:1/phaen?tlsmode=disable"]
        }
        for url in urls {
            await #expect(throws: StoreError.self, "\(url)") { _ = try await PhaenStore.open(url, logger: quietLogger) }
        }
    }

    @Test("sqlite::memory: opens a private database that disappears at shutdown")
    func memory() async throws {
        let store = try await PhaenStore.open("sqlite::memory:", logger: quietLogger)
        let file = try #require(store.scratchFile)
        #expect(try await store.migrate() == [1, 2, 3, 4, 5, 6])
        #expect(try await store.importDataset(try S.make()).written == S.recordCount)
        #expect(FileManager.default.fileExists(atPath: file))
        try await store.shutdown()
        #expect(!FileManager.default.fileExists(atPath: file))
        try await store.shutdown()  // a second shutdown is harmless
    }
}
