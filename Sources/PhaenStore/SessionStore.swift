import Foundation
import SQLKit

/// Sign-in sessions and the failed sign-in counters of the rate limit. Only the SHA-256 hex of
/// a session token reaches the store. A session is valid while `now < expiresAt` (to the second).
extension PhaenStore {
    /// The user must exist (`StoreConflict.notFound`); a token hash already stored is `duplicate`.
    public func createSession(tokenHash: String, userID: Int64, csrfToken: String, now: Date, expiresAt: Date) async throws {
        let row = SessionRow(tokenHash: tokenHash, userId: userID, csrfToken: csrfToken,
                             createdAt: StoreTime.seconds(now), expiresAt: StoreTime.seconds(expiresAt))
        try await pool.write { db in
            try await db.requireUser(userID)
            let inserted = try await db.insert(into: "sessions").model(row, with: RowCoding.encoder)
                .ignoringConflicts(with: "token_hash").returning("token_hash").first(decodingColumn: "token_hash", as: String.self)
            guard inserted != nil else { throw StoreConflict.duplicate("เซสชันนี้มีอยู่แล้ว") }
        }
    }

    /// The session's user and CSRF token; nil when there is no such session or it has expired.
    ///
    /// Every request asks this, so the answer is kept for the current data version
    /// (`derived`): creating or deleting a session, changing a user or a password are writes
    /// that raise the version, in whichever process they happen, so a kept answer is never
    /// older than the database. Expiry is a matter of time, not of data: checked on every call.
    public func session(tokenHash: String, now: Date) async throws -> (user: UserRecord, csrfToken: String)? {
        let pool = self.pool
        let lookup = try await derived("session/\(tokenHash)") {
            try await pool.withSession { session in
                guard let row = try await session.sql.select()
                    .column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("users")))
                    .column(SQLColumn("csrf_token", table: "sessions"))
                    .column(SQLColumn("expires_at", table: "sessions"))
                    .from("sessions")
                    .join("users", on: SQLColumn("id", table: "users"), .equal, SQLColumn("user_id", table: "sessions"))
                    .where(SQLColumn("token_hash", table: "sessions"), .equal, SQLBind(tokenHash))
                    .first()
                else { return SessionLookup(found: nil) }
                let user = try row.decode(model: UserRow.self, with: RowCoding.decoder).record()
                return SessionLookup(found: .init(user: user, csrfToken: try row.decode(column: "csrf_token", as: String.self),
                                                  expiresAt: try row.decode(column: "expires_at", as: Int64.self)))
            }
        }
        guard let found = lookup.found, found.expiresAt > StoreTime.seconds(now) else { return nil }
        return (found.user, found.csrfToken)
    }

    /// Signs one session out (nothing happens when it is gone already).
    public func deleteSession(tokenHash: String) async throws {
        try await pool.write { db in
            try await db.delete(from: "sessions").where("token_hash", .equal, tokenHash).run()
        }
    }

    /// Signs the user out everywhere (after a password change, say).
    public func deleteSessions(userID: Int64) async throws {
        try await pool.write { db in
            try await db.delete(from: "sessions").where("user_id", .equal, userID).run()
        }
    }

    /// Removes the sessions expired at `now`; returns how many.
    public func deleteExpiredSessions(now: Date) async throws -> Int {
        try await pool.write { db in
            try await db.delete(from: "sessions").where("expires_at", .lessThanOrEqual, StoreTime.seconds(now))
                .returning("token_hash").all(decodingColumn: "token_hash", as: String.self).count
        }
    }

    // MARK: Failed sign-ins

    /// Counts one failed sign-in under `key` (an account, an address: the caller chooses the keys).
    public func recordFailedSignIn(key: String, now: Date) async throws {
        try await pool.write { db in
            try await db.insert(into: "failed_sign_ins").columns("attempt_key", "at")
                .values(SQLBind(key), SQLBind(StoreTime.seconds(now))).run()
        }
    }

    /// The failures under `key` at or after `since`.
    public func failedSignIns(key: String, since: Date) async throws -> Int {
        try await pool.withSession { session in
            try await session.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("failed_sign_ins")
                .where("attempt_key", .equal, key).where("at", .greaterThanOrEqual, StoreTime.seconds(since))
                .first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    /// Forgets the failures under `key` (after a successful sign-in).
    public func clearFailedSignIns(key: String) async throws {
        try await pool.write { db in
            try await db.delete(from: "failed_sign_ins").where("attempt_key", .equal, key).run()
        }
    }
}

/// A session as kept between requests (nil: no such token).
private struct SessionLookup: Sendable {
    struct Found: Sendable { var user: UserRecord; var csrfToken: String; var expiresAt: Int64 }
    var found: Found?
}

private struct SessionRow: Codable {
    var tokenHash: String
    var userId: Int64
    var csrfToken: String
    var createdAt: Int64
    var expiresAt: Int64
}
