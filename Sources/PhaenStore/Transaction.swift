import Logging
import SQLKit

extension ConnectionPool {
    /// Runs `body` in one transaction on one pooled connection: committed when it returns,
    /// rolled back when it throws.
    ///
    /// SQLite starts writes with `BEGIN IMMEDIATE`: a deferred transaction that reads first and
    /// writes later can fail with SQLITE_BUSY without waiting (the lock upgrade skips the busy
    /// handler); taking the write lock up front makes concurrent writers queue instead.
    func write<R>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        try await transaction(begin: engine == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN", body)
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
