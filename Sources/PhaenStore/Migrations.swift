import Foundation
import SQLKit

/// One step of the schema. Migrations are numbered and append-only: a released migration is
/// never edited — a change to the schema is a new migration at the end of `Migrations.all`.
struct Migration: Sendable {
    let number: Int
    let name: String
    let apply: @Sendable (any SQLDatabase, StoreEngine) async throws -> Void
}

enum Migrations {
    /// Every migration, in order. Numbers run 1, 2, 3 … without gaps.
    static let all: [Migration] = [
        Migration(number: 1, name: "initial schema", apply: Migration001Initial.apply),
        Migration(number: 2, name: "accounts, audit, workflow and evidence", apply: Migration002Accounts.apply),
        Migration(number: 3, name: "project step progress", apply: Migration003StepProgress.apply),
        Migration(number: 4, name: "data version for read caches", apply: Migration004DataVersion.apply),
        Migration(number: 5, name: "budget transfers and recorded disbursements", apply: Migration005Disbursement.apply),
        Migration(number: 6, name: "directive follow-up and innovation", apply: Migration006FollowUp.apply),
    ]
}

/// Applies pending migrations and records each in `schema_migrations` in the same transaction,
/// so a migration is either wholly applied and recorded or not at all.
struct Migrator {
    let pool: ConnectionPool
    let migrations: [Migration]

    /// The numbers recorded in `schema_migrations`; empty for a new database (whose ledger is
    /// not created by merely asking).
    func applied() async throws -> [Int] {
        try await pool.read { db in
            try await Self.ledgerExists(db, engine: pool.engine) ? try await Self.appliedNumbers(db) : []
        }
    }

    /// Fails with a message saying what to do when the database lacks migrations this build has.
    func requireCurrent() async throws {
        let missing = Set(migrations.map(\.number)).subtracting(try await applied())
        guard missing.isEmpty else {
            throw StoreError("ฐานข้อมูลยังไม่ได้ปรับโครงสร้างเป็นรุ่นปัจจุบัน: สั่ง phaen migrate ก่อน (pending migrations \(missing.sorted()))")
        }
    }

    func migrate() async throws -> [Int] {
        try await ensureLedger()
        var appliedNow: [Int] = []
        let known = Set(migrations.map(\.number))
        let unknown = try await pool.read { db in try await Self.appliedNumbers(db) }.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw StoreError("ฐานข้อมูลผ่านการปรับโครงสร้างครั้งที่ \(unknown.map(String.init).joined(separator: ", ")) ซึ่งโปรแกรมรุ่นนี้ไม่รู้จัก: ใช้โปรแกรมรุ่นใหม่กว่า (database has migrations this build does not know)")
        }
        for migration in migrations {
            let ran = try await pool.write(changesData: false) { db -> Bool in
                // Two processes may migrate at once (a deploy and a CLI): the lock makes the
                // second wait, then see the number already recorded and skip it. SQLite's
                // BEGIN IMMEDIATE already serialises writers.
                if pool.engine == .postgres {
                    try await db.raw("LOCK TABLE schema_migrations IN SHARE ROW EXCLUSIVE MODE").run()
                }
                guard try await !Self.appliedNumbers(db).contains(migration.number) else { return false }
                try await migration.apply(db, pool.engine)
                try await db.insert(into: "schema_migrations")
                    .columns("number", "name", "applied_at")
                    .values(migration.number, migration.name, Self.timestamp(Date()))
                    .run()
                return true
            }
            if ran { appliedNow.append(migration.number) }
        }
        return appliedNow
    }

    private func ensureLedger() async throws {
        try await pool.write(changesData: false) { db in
            try await db.create(table: "schema_migrations").ifNotExists()
                .column("number", type: .int, .primaryKey(autoIncrement: false))
                .column("name", type: .text, .notNull)
                // ISO 8601 UTC text: the same in both engines and readable in any client.
                .column("applied_at", type: .text, .notNull)
                .run()
        }
    }

    private static func ledgerExists(_ db: any SQLDatabase, engine: StoreEngine) async throws -> Bool {
        switch engine {
        case .sqlite:
            return try await db.select().column("name").from("sqlite_master")
                .where("type", .equal, "table").where("name", .equal, "schema_migrations").first() != nil
        case .postgres:
            return try await db.select().column("table_name").from(SQLQualifiedTable("tables", space: "information_schema"))
                .where("table_schema", .equal, SQLFunction("current_schema"))
                .where("table_name", .equal, "schema_migrations").first() != nil
        }
    }

    private static func appliedNumbers(_ db: any SQLDatabase) async throws -> [Int] {
        try await db.select().column("number").from("schema_migrations").orderBy("number")
            .all(decodingColumn: "number", as: Int.self)
    }

    private static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
