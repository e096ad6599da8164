import Foundation
import PhaenCore
import Testing
@testable import PhaenStore

/// Users, sessions, failed sign-ins and API tokens (migration 2) on both engines.
@Suite("Accounts") struct AccountStoreTests {
    typealias S = SampleDataset
    /// 2024-05-29 16:26:40 UTC: whole seconds, so values compare exactly.
    static let now = Date(timeIntervalSince1970: 1_717_000_000)

    /// A migrated store with the sample units (accounts refer to units).
    private func withAccounts(_ engine: StoreEngine, _ body: (PhaenStore) async throws -> Void) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            var units = Dataset()
            units.units = S.units
            _ = try await store.importDataset(units)
            try await body(store)
        }
    }

    private func somchai(_ store: PhaenStore, username: String = "somchai", unit: String? = S.district) async throws -> UserRecord {
        try await store.createUser(username: username, displayName: "สมชาย ใจดี", role: .reporter, unitCode: unit,
                                   passwordHash: "$2b$12$hash", isDemo: true, now: Self.now)
    }

    @Test("users: create, read back, unique usernames, known units", arguments: TestEngines.all)
    func users(engine: StoreEngine) async throws {
        try await withAccounts(engine) { store in
            #expect(try await store.userCount() == 0)
            let user = try await somchai(store)
            #expect(user.id > 0)
            #expect(user == UserRecord(id: user.id, username: "somchai", displayName: "สมชาย ใจดี", role: .reporter,
                                       unitCode: S.district, passwordHash: "$2b$12$hash", isDemo: true, createdAt: Self.now))
            #expect(user.person == Person(userID: user.id, username: "somchai", displayName: "สมชาย ใจดี", role: .reporter,
                                          unitCode: S.district, isDemo: true))
            #expect(try await store.user(username: "somchai") == user)
            #expect(try await store.user(id: user.id) == user)
            #expect(try await store.user(username: "nobody") == nil)
            #expect(try await store.user(id: user.id + 100) == nil)

            await #expect(throws: StoreConflict.duplicate("ชื่อผู้ใช้ somchai มีอยู่แล้ว")) { _ = try await somchai(store) }
            await #expect(throws: StoreConflict.notFound("ไม่พบหน่วยงานรหัส 9999")) { _ = try await somchai(store, username: "x", unit: "9999") }
            // Case-sensitive: another account. Central roles need no unit.
            let upper = try await somchai(store, username: "Somchai")
            let admin = try await store.createUser(username: "admin", displayName: "ผู้ดูแล", role: .admin, unitCode: nil,
                                                   passwordHash: "h", isDemo: false, now: Self.now.addingTimeInterval(0.75))
            #expect(admin.unitCode == nil && admin.role == .admin)
            #expect(admin.createdAt == Self.now, "kept to the whole second, the same in what is returned and what is read")
            #expect(try await store.user(id: admin.id) == admin)
            #expect(Set([user.id, upper.id, admin.id]).count == 3)
            #expect(try await store.users().map(\.username) == ["Somchai", "admin", "somchai"])
            #expect(try await store.userCount() == 3)

            try await store.updatePasswordHash(userID: user.id, hash: "$2b$12$new")
            #expect(try await store.user(id: user.id)?.passwordHash == "$2b$12$new")
            await #expect(throws: StoreConflict.self) { try await store.updatePasswordHash(userID: 9_999, hash: "h") }
        }
    }

    @Test("sessions expire, and are deleted one, per user or all expired", arguments: TestEngines.all)
    func sessions(engine: StoreEngine) async throws {
        try await withAccounts(engine) { store in
            let user = try await somchai(store)
            let other = try await somchai(store, username: "somsri")
            let later = Self.now.addingTimeInterval(12 * 3600)
            try await store.createSession(tokenHash: "a1", userID: user.id, csrfToken: "csrf-1", now: Self.now, expiresAt: later)
            try await store.createSession(tokenHash: "a2", userID: user.id, csrfToken: "csrf-2", now: Self.now,
                                          expiresAt: Self.now.addingTimeInterval(60))
            try await store.createSession(tokenHash: "b1", userID: other.id, csrfToken: "csrf-3", now: Self.now, expiresAt: later)
            await #expect(throws: StoreConflict.duplicate("เซสชันนี้มีอยู่แล้ว")) {
                try await store.createSession(tokenHash: "a1", userID: user.id, csrfToken: "x", now: Self.now, expiresAt: later)
            }
            await #expect(throws: StoreConflict.notFound("ไม่พบผู้ใช้หมายเลข 9999")) {
                try await store.createSession(tokenHash: "z", userID: 9_999, csrfToken: "x", now: Self.now, expiresAt: later)
            }

            let found = try #require(try await store.session(tokenHash: "a1", now: Self.now))
            #expect(found.user == user && found.csrfToken == "csrf-1")
            #expect(try await store.session(tokenHash: "a2", now: Self.now.addingTimeInterval(59))?.csrfToken == "csrf-2")
            #expect(try await store.session(tokenHash: "a2", now: Self.now.addingTimeInterval(60)) == nil, "expired at expiresAt")
            #expect(try await store.session(tokenHash: "nope", now: Self.now) == nil)

            #expect(try await store.deleteExpiredSessions(now: Self.now.addingTimeInterval(120)) == 1)
            #expect(try await store.deleteExpiredSessions(now: Self.now.addingTimeInterval(120)) == 0)
            try await store.deleteSession(tokenHash: "b1")
            #expect(try await store.session(tokenHash: "b1", now: Self.now) == nil)
            try await store.deleteSession(tokenHash: "b1")  // gone already: harmless
            try await store.createSession(tokenHash: "a3", userID: user.id, csrfToken: "csrf-4", now: Self.now, expiresAt: later)
            try await store.deleteSessions(userID: user.id)
            #expect(try await store.session(tokenHash: "a1", now: Self.now) == nil)
            #expect(try await store.session(tokenHash: "a3", now: Self.now) == nil)
        }
    }

    @Test("failed sign-ins are counted per key since a time, and cleared", arguments: TestEngines.all)
    func failedSignIns(engine: StoreEngine) async throws {
        try await withAccounts(engine) { store in
            for minutes in [0, 5, 10, 20] {
                try await store.recordFailedSignIn(key: "user:somchai", now: Self.now.addingTimeInterval(Double(minutes) * 60))
            }
            try await store.recordFailedSignIn(key: "ip:10.0.0.1", now: Self.now)
            let at20 = Self.now.addingTimeInterval(20 * 60)
            #expect(try await store.failedSignIns(key: "user:somchai", since: at20.addingTimeInterval(-15 * 60)) == 3, "since is inclusive")
            #expect(try await store.failedSignIns(key: "user:somchai", since: Self.now) == 4)
            #expect(try await store.failedSignIns(key: "user:somchai", since: at20.addingTimeInterval(1)) == 0)
            #expect(try await store.failedSignIns(key: "ip:10.0.0.1", since: Self.now) == 1)
            #expect(try await store.failedSignIns(key: "user:nobody", since: Self.now) == 0)
            try await store.clearFailedSignIns(key: "user:somchai")
            #expect(try await store.failedSignIns(key: "user:somchai", since: Self.now) == 0)
            #expect(try await store.failedSignIns(key: "ip:10.0.0.1", since: Self.now) == 1)
        }
    }

    @Test("API tokens find their user by hash", arguments: TestEngines.all)
    func apiTokens(engine: StoreEngine) async throws {
        try await withAccounts(engine) { store in
            let user = try await somchai(store)
            try await store.createAPIToken(tokenHash: "f00d", userID: user.id, name: "สคริปต์รายงาน", now: Self.now)
            #expect(try await store.user(apiTokenHash: "f00d") == user)
            #expect(try await store.user(apiTokenHash: "beef") == nil)
            await #expect(throws: StoreConflict.duplicate("โทเค็นนี้มีอยู่แล้ว")) {
                try await store.createAPIToken(tokenHash: "f00d", userID: user.id, name: "อีกอัน", now: Self.now)
            }
            await #expect(throws: StoreConflict.notFound("ไม่พบผู้ใช้หมายเลข 9999")) {
                try await store.createAPIToken(tokenHash: "cafe", userID: 9_999, name: "x", now: Self.now)
            }
        }
    }

    @Test("conflicts describe themselves in Thai")
    func conflictMessages() {
        #expect(StoreConflict.duplicate("ชื่อผู้ใช้ somchai มีอยู่แล้ว").description == "ชื่อผู้ใช้ somchai มีอยู่แล้ว")
        #expect(StoreConflict.staleVersion(current: 3).description.contains("ฉบับที่ 3"))
    }
}
