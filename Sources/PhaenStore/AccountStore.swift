import Foundation
import PhaenCore
import SQLKit

/// A person's account. `passwordHash` is whatever the App's hasher produced (bcrypt).
public struct UserRecord: Sendable, Equatable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: Role
    public var unitCode: String?
    public var passwordHash: String
    public var isDemo: Bool
    /// Whole seconds (see `PhaenStore` dates).
    public var createdAt: Date

    public init(id: Int64, username: String, displayName: String, role: Role, unitCode: String?, passwordHash: String,
                isDemo: Bool, createdAt: Date) {
        self.id = id; self.username = username; self.displayName = displayName; self.role = role
        self.unitCode = unitCode; self.passwordHash = passwordHash; self.isDemo = isDemo; self.createdAt = createdAt
    }

    /// The signed-in person this account acts as.
    public var person: Person {
        Person(userID: id, username: username, displayName: displayName, role: role, unitCode: unitCode, isDemo: isDemo)
    }
}

/// Users and their personal access tokens.
extension PhaenStore {
    /// Creates an account. The username is unique as typed (case-sensitive): a taken one is
    /// `StoreConflict.duplicate`; a `unitCode` the database lacks is `StoreConflict.notFound`.
    public func createUser(username: String, displayName: String, role: Role, unitCode: String?, passwordHash: String,
                           isDemo: Bool, now: Date) async throws -> UserRecord {
        let row = NewUserRow(username: username, displayName: displayName, role: role.rawValue, unitCode: unitCode,
                             passwordHash: passwordHash, isDemo: isDemo, createdAt: StoreTime.seconds(now))
        let id = try await pool.write { db -> Int64 in
            if let unitCode { try await db.requireUnit(unitCode) }
            // ON CONFLICT DO NOTHING: a taken name leaves the transaction usable and returns no id.
            guard let id = try await db.insert(into: "users").model(row, with: RowCoding.encoder)
                .ignoringConflicts(with: "username").returning("id").first(decodingColumn: "id", as: Int64.self)
            else { throw StoreConflict.duplicate("ชื่อผู้ใช้ \(username) มีอยู่แล้ว") }
            return id
        }
        return try row.record(id: id)
    }

    public func user(username: String) async throws -> UserRecord? {
        try await pool.withSession { session in
            try await session.sql.select().column("*").from("users").where("username", .equal, username)
                .rows(UserRow.self).first?.record()
        }
    }

    public func user(id: Int64) async throws -> UserRecord? {
        try await pool.withSession { session in
            try await session.sql.select().column("*").from("users").where("id", .equal, id)
                .rows(UserRow.self).first?.record()
        }
    }

    /// Every account, by username (sorted here: the engines' collations differ).
    public func users() async throws -> [UserRecord] {
        try await pool.withSession { session in
            try await session.sql.select().column("*").from("users").rows(UserRow.self).map { try $0.record() }
        }
        .sorted { $0.username < $1.username }
    }

    public func userCount() async throws -> Int {
        try await pool.withSession { session in
            try await session.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users")
                .first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    /// Replaces the password hash; `StoreConflict.notFound` when there is no such user.
    /// (Deleting the user's sessions is the caller's choice: `deleteSessions(userID:)`.)
    public func updatePasswordHash(userID: Int64, hash: String) async throws {
        try await pool.write { db in
            let updated = try await db.update("users").set("password_hash", to: hash).where("id", .equal, userID)
                .returning("id").first(decodingColumn: "id", as: Int64.self)
            guard updated != nil else { throw StoreConflict.notFound("ไม่พบผู้ใช้หมายเลข \(userID)") }
        }
    }

    /// Stores a personal access token by its SHA-256 hex; the user must exist.
    public func createAPIToken(tokenHash: String, userID: Int64, name: String, now: Date) async throws {
        try await pool.write { db in
            try await db.requireUser(userID)
            let inserted = try await db.insert(into: "api_tokens")
                .model(APITokenRow(tokenHash: tokenHash, userId: userID, name: name, createdAt: StoreTime.seconds(now)),
                       with: RowCoding.encoder)
                .ignoringConflicts(with: "token_hash").returning("token_hash").first(decodingColumn: "token_hash", as: String.self)
            guard inserted != nil else { throw StoreConflict.duplicate("โทเค็นนี้มีอยู่แล้ว") }
        }
    }

    /// The owner of the API token whose SHA-256 hex is `apiTokenHash`. Kept for the current
    /// data version like sessions (`session(tokenHash:now:)`): creating a token or changing its
    /// user is a write that raises the version.
    public func user(apiTokenHash: String) async throws -> UserRecord? {
        let pool = self.pool
        return try await derived("api-token/\(apiTokenHash)") {
            TokenOwner(user: try await pool.withSession { session in
                try await session.sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("users"))).from("api_tokens")
                    .join("users", on: SQLColumn("id", table: "users"), .equal, SQLColumn("user_id", table: "api_tokens"))
                    .where(SQLColumn("token_hash", table: "api_tokens"), .equal, SQLBind(apiTokenHash))
                    .rows(UserRow.self).first?.record()
            })
        }.user
    }
}

extension SQLDatabase {
    func requireUser(_ id: Int64) async throws {
        let found = try await select().column("id").from("users").where("id", .equal, id)
            .first(decodingColumn: "id", as: Int64.self)
        guard found != nil else { throw StoreConflict.notFound("ไม่พบผู้ใช้หมายเลข \(id)") }
    }
}

/// An API token's owner as kept between requests (nil: no such token).
private struct TokenOwner: Sendable { var user: UserRecord? }

/// `users` as inserted (the database assigns `id`).
private struct NewUserRow: Codable {
    var username: String
    var displayName: String
    var role: String
    var unitCode: String?
    var passwordHash: String
    var isDemo: Bool
    var createdAt: Int64

    func record(id: Int64) throws -> UserRecord {
        try UserRow(id: id, username: username, displayName: displayName, role: role, unitCode: unitCode,
                    passwordHash: passwordHash, isDemo: isDemo, createdAt: createdAt).record()
    }
}

struct UserRow: Codable {
    var id: Int64
    var username: String
    var displayName: String
    var role: String
    var unitCode: String?
    var passwordHash: String
    var isDemo: Bool
    var createdAt: Int64

    func record() throws -> UserRecord {
        guard let role = Role(rawValue: role) else {
            throw StoreError("ผู้ใช้ \(username) มีบทบาท \"\(self.role)\" ที่โปรแกรมรุ่นนี้ไม่รู้จัก (unknown role)")
        }
        return UserRecord(id: id, username: username, displayName: displayName, role: role, unitCode: unitCode,
                          passwordHash: passwordHash, isDemo: isDemo, createdAt: StoreTime.date(createdAt))
    }
}

private struct APITokenRow: Codable {
    var tokenHash: String
    var userId: Int64
    var name: String
    var createdAt: Int64
}
