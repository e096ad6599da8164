import Foundation
import Testing
import PhaenCore
import PhaenStore
@testable import PhaenApp

/// Accounts on a real SQLite store: sign-in, rate limits, sessions, passwords, tokens.
@Suite(.serialized) struct AccountsTests {
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_700_000_000)
    }

    func withAccounts(_ body: (Accounts, Clock, PhaenStore) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accounts-\(UUID().uuidString).sqlite").path
        let store = try await PhaenStore.open("sqlite:" + path)
        do {
            _ = try await store.migrate()
            var dataset = Dataset()
            dataset.units = [PhaenCore.Unit(code: "1022", kind: .district, nameTH: "สำนักงานเขตภาษีเจริญ")]
            _ = try await store.importDataset(dataset)
            let clock = Clock()
            try await body(Accounts(store: store, bcryptCost: 4, now: { clock.now }), clock, store)
        } catch {
            try? await store.shutdown(); throw error
        }
        try await store.shutdown()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test("sign in, find the session, sign out")
    func signInOut() async throws {
        try await withAccounts { accounts, _, _ in
            try await accounts.createUser(username: "somchai", role: .reporter, unitCode: "1022", password: "รหัสผ่านยาวพอ123")
            let session = try await accounts.signIn(username: "somchai", password: "รหัสผ่านยาวพอ123", address: "127.0.0.1")
            #expect(session.person.role == .reporter && session.person.unitCode == "1022")
            let found = try await accounts.session(token: session.token)
            #expect(found?.person.username == "somchai" && found?.csrfToken == session.csrfToken)
            try await accounts.signOut(token: session.token)
            #expect(try await accounts.session(token: session.token) == nil)
            // Each sign-in is a new session (rotation).
            let a = try await accounts.signIn(username: "somchai", password: "รหัสผ่านยาวพอ123", address: "x")
            let b = try await accounts.signIn(username: "somchai", password: "รหัสผ่านยาวพอ123", address: "x")
            #expect(a.token != b.token)
        }
    }

    @Test("wrong passwords are rate-limited per account, then the window passes")
    func rateLimit() async throws {
        try await withAccounts { accounts, clock, _ in
            try await accounts.createUser(username: "head1", role: .head, unitCode: "1022", password: "correct-horse-1")
            for _ in 0..<Accounts.maxFailures {
                await #expect(throws: AccountError.invalidCredentials) {
                    _ = try await accounts.signIn(username: "head1", password: "wrong-password", address: "10.0.0.\(Int.random(in: 1...200))")
                }
            }
            await #expect(throws: AccountError.rateLimited) {
                _ = try await accounts.signIn(username: "head1", password: "correct-horse-1", address: "10.9.9.9")
            }
            clock.now += Accounts.failureWindow + 1
            _ = try await accounts.signIn(username: "head1", password: "correct-horse-1", address: "10.9.9.9")
        }
    }

    @Test("sessions expire; changing the password ends the other sessions")
    func expiryAndPasswordChange() async throws {
        try await withAccounts { accounts, clock, _ in
            try await accounts.createUser(username: "eval", role: .evaluator, unitCode: nil, password: "evaluator-pass-1")
            let first = try await accounts.signIn(username: "eval", password: "evaluator-pass-1", address: "a")
            let second = try await accounts.signIn(username: "eval", password: "evaluator-pass-1", address: "b")
            await #expect(throws: AccountError.self) {
                _ = try await accounts.changePassword(person: first.person, current: "evaluator-pass-1", new: "short")
            }
            let renewed = try await accounts.changePassword(person: first.person, current: "evaluator-pass-1", new: "a-new-long-password")
            #expect(try await accounts.session(token: first.token) == nil)
            #expect(try await accounts.session(token: second.token) == nil)
            #expect(try await accounts.session(token: renewed.token) != nil)
            clock.now += Accounts.sessionLifetime + 1
            #expect(try await accounts.session(token: renewed.token) == nil)
        }
    }

    @Test("roles and units are checked when users are created; the first administrator is created once")
    func creation() async throws {
        try await withAccounts { accounts, _, _ in
            await #expect(throws: AccountError.self) { try await accounts.createUser(username: "x", role: .reporter, unitCode: nil, password: "long-enough-1") }
            await #expect(throws: AccountError.self) { try await accounts.createUser(username: "y", role: .evaluator, unitCode: "1022", password: "long-enough-1") }
            await #expect(throws: AccountError.self) { try await accounts.createUser(username: "bad name", role: .evaluator, unitCode: nil, password: "long-enough-1") }
            let admin = try #require(try await accounts.ensureAdministrator())
            #expect(admin.username == "admin" && admin.password.count == 16)
            #expect(try await accounts.ensureAdministrator() == nil)
            _ = try await accounts.signIn(username: "admin", password: admin.password, address: "a")
        }
    }

    @Test("demo accounts: one per role, marked as demo, password reset each time")
    func demoAccounts() async throws {
        try await withAccounts { accounts, _, _ in
            let first = try await accounts.createDemoAccounts()
            #expect(Set(first.map(\.role)) == [.reporter, .head, .evaluator, .executive])
            let again = try await accounts.createDemoAccounts()
            let session = try await accounts.signIn(username: "demo-head", password: again[1].password, address: "a")
            #expect(session.person.isDemo && session.person.unitCode == "1022")
        }
    }

    @Test("API tokens are stored hashed and find their person")
    func tokens() async throws {
        try await withAccounts { accounts, _, store in
            try await accounts.createUser(username: "exec", role: .executive, unitCode: nil, password: "executive-pass-1")
            let token = try await accounts.createAPIToken(username: "exec", name: "cli")
            #expect(token.hasPrefix("phaen_"))
            #expect(try await accounts.person(apiToken: token)?.role == .executive)
            #expect(try await accounts.person(apiToken: token + "x") == nil)
            #expect(try await store.user(apiTokenHash: token) == nil)
        }
    }
}
