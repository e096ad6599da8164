import Logging
import SQLKit

extension ConnectionPool {
    /// Runs `body` in one transaction on one pooled connection: committed when it returns,
    /// rolled back when it throws.
    ///
    /// SQLite starts writes with `BEGIN IMMEDIATE`: a deferred transaction that reads first and
    /// writes later can fail with SQLITE_BUSY without waiting (the lock upgrade skips the busy
    /// handler); taking the write lock up front makes concurrent writers queue instead.
    ///
    /// Every data-changing write also raises the data version in the same transaction, so the
    /// read caches of every process notice it (`ReadCache`). Only the migrator opts out: before
    /// migration 4 the counter does not exist.
    func write<R>(changesData: Bool = true, _ body: (any SQLDatabase) async throws -> R) async throws -> R {
        let gated = engine == .sqlite
        if gated { await writeGate.acquire() }
        do {
            let result = try await transaction(begin: gated ? "BEGIN IMMEDIATE" : "BEGIN") { db in
                let result = try await body(db)
                if changesData {
                    try await db.raw("UPDATE data_version SET version = version + 1 WHERE id = 1").run()
                }
                return result
            }
            if gated { await writeGate.release() }
            return result
        } catch {
            if gated { await writeGate.release() }
            throw error
        }
    }

    /// The current data version (one small query, no transaction).
    func dataVersion() async throws -> Int64 {
        try await withSession { session in
            try await session.sql.select().column("version").from("data_version").where("id", .equal, 1)
                .first(decodingColumn: "version", as: Int64.self) ?? 0
        }
    }

    /// Runs several reads against one snapshot, so an aggregate read in parts (a plan and its
    /// projects, lists and step plans) never mixes two versions of it.
    func read<R>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        try await transaction(begin: engine == .sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    private func transaction<R>(begin: String, _ body: (any SQLDatabase) async throws -> R) async throws -> R {
        try await withSession { session in
            let db = session.sql
            try await db.raw(SQLQueryString(begin)).run()
            let result: R
            do {
                result = try await body(db)
            } catch {
                await rollback(session)
                throw error
            }
            do {
                try await db.raw("COMMIT").run()
            } catch {
                await rollback(session)
                throw error
            }
            return result
        }
    }

    /// A failed rollback leaves the connection in an unknown state: close it rather than hand
    /// it to the next borrower.
    private func rollback(_ session: Session) async {
        do {
            try await session.sql.raw("ROLLBACK").run()
        } catch {
            session.sql.logger.warning("ROLLBACK failed, closing the connection", metadata: ["error": "\(error)"])
            await session.discard()
        }
    }
}
