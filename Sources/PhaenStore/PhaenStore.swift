import Foundation
import Logging
import PhaenCore
import SQLKit

/// Phaen's storage: opens a SQLite or PostgreSQL database, migrates it, imports datasets and
/// reads the domain values back exactly as they were stored.
public final class PhaenStore: Sendable {
    public let engine: StoreEngine
    let pool: ConnectionPool
    private let logger: Logger
    /// The file behind `sqlite::memory:`, removed at shutdown.
    let scratchFile: String?
    private let closed = ShutdownFlag()
    /// Units, agreements, plans and frameworks between requests (see `ReadCache`).
    let cache = ReadCache()

    private init(pool: ConnectionPool, logger: Logger, scratchFile: String?) {
        self.pool = pool; self.engine = pool.engine; self.logger = logger; self.scratchFile = scratchFile
    }

    /// Opens the database at `url` and checks that it answers.
    ///
    /// `sqlite:PATH` (relative or absolute), `sqlite::memory:` (tests), or
    /// `postgres://user@host:port/db?tlsmode=disable` (also `postgresql://`).
    public static func open(_ url: String, logger: Logger = Logger(label: "phaen.store")) async throws -> PhaenStore {
        let store: PhaenStore
        let display: String
        switch try DatabaseURL.parse(url) {
        case .sqliteFile(let path):
            display = path
            store = PhaenStore(pool: ConnectionPool(sqlitePath: path, logger: logger), logger: logger, scratchFile: nil)
        case .sqliteMemory:
            // A private file rather than SQLite's :memory:, because each pooled connection
            // would otherwise see its own empty database.
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("phaen-memory-\(UUID().uuidString).sqlite").path
            display = "sqlite::memory:"
            store = PhaenStore(pool: ConnectionPool(sqlitePath: path, logger: logger), logger: logger, scratchFile: path)
        case .postgres(let configuration, let redacted):
            display = redacted
            store = PhaenStore(pool: ConnectionPool(postgres: configuration, logger: logger), logger: logger, scratchFile: nil)
        }
        do {
            try await store.pool.withSession { try await $0.sql.raw("SELECT 1").run() }
        } catch {
            try? await store.shutdown()
            throw StoreError("เปิดฐานข้อมูลไม่ได้: \(display) (\(String(reflecting: error)))")
        }
        logger.info("database opened", metadata: ["engine": "\(store.engine.rawValue)", "database": "\(display)"])
        return store
    }

    /// Closes every connection. Call it before the store is released (AsyncKit's pool asserts
    /// that it was shut down); later calls do nothing.
    public func shutdown() async throws {
        guard closed.close() else { return }
        try await pool.shutdown()
        if let scratchFile {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratchFile + suffix) }
        }
    }

    // MARK: Schema

    /// Applies the migrations the database lacks; returns their numbers (empty when up to date).
    public func migrate() async throws -> [Int] {
        let applied = try await Migrator(pool: pool, migrations: Migrations.all).migrate()
        if !applied.isEmpty { logger.info("migrations applied", metadata: ["numbers": "\(applied)"]) }
        return applied
    }

    public func appliedMigrations() async throws -> [Int] {
        try await Migrator(pool: pool, migrations: Migrations.all).applied()
    }

    // MARK: Writing

    /// Stores a dataset in one transaction: all of it or, on error, none of it. Idempotent.
    public func importDataset(_ dataset: Dataset) async throws -> ImportSummary {
        try await Migrator(pool: pool, migrations: Migrations.all).requireCurrent()
        let summary = try await pool.write { db in
            try await self.lockForImport(db)
            return try await DatasetImport.run(dataset, in: db)
        }
        logger.info("dataset imported", metadata: ["written": "\(summary.written)", "unchanged": "\(summary.unchanged)"])
        return summary
    }

    /// Imports replace records by delete and insert after comparing them. Two concurrent
    /// imports in PostgreSQL's READ COMMITTED could both delete a record and both insert it
    /// (a key violation), so imports take a transaction-scoped advisory lock and run one after
    /// another, as SQLite's BEGIN IMMEDIATE makes them do anyway. `savePlan` and
    /// `saveAgreement` replace records the same way and take the same lock.
    func lockForImport(_ db: any SQLDatabase) async throws {
        guard engine == .postgres else { return }
        try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.importLockKey))").run()
    }

    /// Any fixed number, the same in every process that imports into the database.
    private static let importLockKey: Int64 = 0x5068_6165_6e49_6d70  // "PhaenImp"

    // MARK: Reading

    /// All units, sorted by code.
    public func units() async throws -> [PhaenCore.Unit] {
        try await cache.value("units", version: try await dataVersion()) {
            try await pool.read { db in try await UnitStore.load(in: db) }
        }
    }

    public func unit(code: String) async throws -> PhaenCore.Unit? {
        try await units().first { $0.code == code }
    }

    public func unitGroup(unitCode: String, fiscalYear: FiscalYear) async throws -> String? {
        try await pool.withSession { try await UnitStore.group(unitCode: unitCode, fiscalYear: fiscalYear, in: $0.sql) }
    }

    /// The year's framework nodes in the order they were given.
    public func frameworks(fiscalYear: FiscalYear) async throws -> [FrameworkNode] {
        try await cache.value("frameworks/\(fiscalYear)", version: try await dataVersion()) {
            try await pool.withSession { try await FrameworkStore.load(fiscalYear: fiscalYear, in: $0.sql) }
        }
    }

    public func plan(unitCode: String, fiscalYear: FiscalYear) async throws -> ActionPlan? {
        try await cache.value("plan/\(unitCode)/\(fiscalYear)", version: try await dataVersion()) {
            try await pool.read { db in try await PlanStore.load(unitCode: unitCode, fiscalYear: fiscalYear, in: db)?.plan }
        }
    }

    public func agreement(unitCode: String, fiscalYear: FiscalYear) async throws -> Agreement? {
        try await agreements().first { $0.unitCode == unitCode && $0.fiscalYear == fiscalYear }
    }

    /// All agreements, by fiscal year then unit code.
    public func agreements() async throws -> [Agreement] {
        try await cache.value("agreements", version: try await dataVersion()) {
            try await pool.read { db in try await AgreementStore.loadAll(in: db) }
                .sorted { ($0.fiscalYear, $0.unitCode) < ($1.fiscalYear, $1.unitCode) }
        }
    }

    /// A unit-year's reports by round (m01 … q4, h1, ye), then by KPI code.
    public func reports(unitCode: String, fiscalYear: FiscalYear) async throws -> [ProgressReport] {
        try await pool.withSession { try await ReportStore.load(unitCode: unitCode, fiscalYear: fiscalYear, in: $0.sql) }
    }

    /// A unit-year's allocations in the order of `BudgetType.allCases`.
    public func allocations(unitCode: String, fiscalYear: FiscalYear) async throws -> [BudgetAllocation] {
        try await pool.withSession { try await MoneyStore.allocations(unitCode: unitCode, fiscalYear: fiscalYear, in: $0.sql) }
    }

    /// A unit-year's disbursement ledger in the order it was given.
    public func disbursements(unitCode: String, fiscalYear: FiscalYear) async throws -> [Disbursement] {
        try await pool.withSession { try await MoneyStore.disbursements(unitCode: unitCode, fiscalYear: fiscalYear, in: $0.sql) }
    }

    /// A unit-year's printed disbursement tables by date.
    public func disbursementTables(unitCode: String, fiscalYear: FiscalYear) async throws -> [StatedDisbursementTable] {
        try await pool.withSession { try await MoneyStore.tables(unitCode: unitCode, fiscalYear: fiscalYear, in: $0.sql) }
    }

    /// A unit-year's innovations by title.
    public func innovations(unitCode: String, fiscalYear: FiscalYear) async throws -> [Innovation] {
        try await pool.withSession { try await InnovationStore.load(unitCode: unitCode, fiscalYear: fiscalYear, in: $0.sql) }
    }

    /// The year's directives by id.
    public func directives(fiscalYear: FiscalYear) async throws -> [Directive] {
        try await pool.withSession { try await DirectiveStore.load(fiscalYear: fiscalYear, in: $0.sql) }
    }

    /// The units' reports on one directive, by unit then date.
    public func directiveReports(directiveID: String) async throws -> [DirectiveReport] {
        try await pool.withSession { try await DirectiveStore.reports(directiveID: directiveID, in: $0.sql) }
    }

    /// The years in which the unit has a plan, an agreement or a report, ascending.
    public func fiscalYears(unitCode: String) async throws -> [FiscalYear] {
        try await pool.withSession { session in
            try await session.sql.raw("""
                SELECT fiscal_year FROM plans WHERE unit_code = \(bind: unitCode)
                UNION SELECT fiscal_year FROM agreements WHERE unit_code = \(bind: unitCode)
                UNION SELECT fiscal_year FROM reports WHERE unit_code = \(bind: unitCode)
                ORDER BY fiscal_year
                """).all(decodingColumn: "fiscal_year", as: Int.self).map(FiscalYear.init)
        }
    }
}

/// Makes `shutdown()` safe to call twice (AsyncKit's pool throws on a second shutdown).
private final class ShutdownFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isClosed = false

    /// True the first time only.
    func close() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if isClosed { return false }
        isClosed = true
        return true
    }
}
