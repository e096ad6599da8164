import Crypto
import Foundation
import HummingbirdBcrypt
import PhaenCore
import PhaenStore

/// A new session: the token goes into the cookie (the store keeps only its hash).
public struct NewSession: Sendable {
    public var token: String
    public var csrfToken: String
    public var person: Person
    public var expiresAt: Date
}

public struct DemoAccount: Sendable, Equatable {
    public var username: String
    public var password: String
    public var role: Role
    public var unitCode: String?
}

/// Why an account operation was refused; the Thai message is shown to the person.
public struct AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case invalidCredentials, rateLimited, weakPassword, invalidInput }
    public var kind: Kind
    public var messageTH: String
    public var description: String { messageTH }

    static let invalidCredentials = AccountError(kind: .invalidCredentials, messageTH: "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")
    static let rateLimited = AccountError(kind: .rateLimited,
        messageTH: "ลงชื่อเข้าใช้ไม่สำเร็จหลายครั้งเกินไป กรุณารอ 15 นาทีแล้วลองใหม่")
}

/// Use case: accounts, sign-in with rate limits, sessions, passwords and API tokens.
/// Everything a server process needs lives in the database, so several processes behind one
/// proxy share users, sessions and counters.
public struct Accounts: Sendable {
    public let store: PhaenStore
    let now: @Sendable () -> Date
    let bcryptCost: UInt8

    public static let sessionLifetime: TimeInterval = 12 * 3600
    public static let failureWindow: TimeInterval = 15 * 60
    public static let maxFailures = 5
    public static let minimumPasswordLength = 10

    public init(store: PhaenStore, bcryptCost: UInt8 = 11, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store; self.bcryptCost = bcryptCost; self.now = now
    }

    // MARK: Signing in and out

    public func signIn(username: String, password: String, address: String) async throws -> NewSession {
        let at = now()
        let keys = ["user:\(username.lowercased())", "addr:\(address)"]
        for key in keys where try await store.failedSignIns(key: key, since: at - Self.failureWindow) >= Self.maxFailures {
            throw AccountError.rateLimited
        }
        guard let user = try await store.user(username: username),
              Bcrypt.verify(password, hash: user.passwordHash) else {
            for key in keys { try await store.recordFailedSignIn(key: key, now: at) }
            throw AccountError.invalidCredentials
        }
        try await store.clearFailedSignIns(key: keys[0])
        return try await newSession(for: user, at: at)
    }

    public func session(token: String) async throws -> (person: Person, csrfToken: String)? {
        guard let found = try await store.session(tokenHash: Self.hash(token), now: now()) else { return nil }
        return (found.user.person, found.csrfToken)
    }

    public func person(apiToken: String) async throws -> Person? {
        try await store.user(apiTokenHash: Self.hash(apiToken))?.person
    }

    public func signOut(token: String) async throws {
        try await store.deleteSession(tokenHash: Self.hash(token))
    }

    /// Changing the password ends every session of the person and starts a new one.
    public func changePassword(person: Person, current: String, new: String) async throws -> NewSession {
        guard let user = try await store.user(id: person.userID), Bcrypt.verify(current, hash: user.passwordHash) else {
            throw AccountError(kind: .invalidCredentials, messageTH: "รหัสผ่านปัจจุบันไม่ถูกต้อง")
        }
        try Self.checkStrength(new)
        try await store.updatePasswordHash(userID: user.id, hash: Bcrypt.hash(new, cost: bcryptCost))
        try await store.deleteSessions(userID: user.id)
        return try await newSession(for: user, at: now())
    }

    // MARK: Creating accounts

    @discardableResult
    public func createUser(username: String, displayName: String? = nil, role: Role, unitCode: String?,
                           password: String, isDemo: Bool = false) async throws -> Person {
        let name = username.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw AccountError(kind: .invalidInput, messageTH: "ชื่อผู้ใช้ใช้ได้เฉพาะตัวอักษร ตัวเลข . _ -")
        }
        if role.belongsToUnit && unitCode == nil {
            throw AccountError(kind: .invalidInput, messageTH: "บทบาท\(role.thaiName)ต้องระบุหน่วยงาน (--unit)")
        }
        if !role.belongsToUnit && unitCode != nil {
            throw AccountError(kind: .invalidInput, messageTH: "บทบาท\(role.thaiName)เป็นบทบาทส่วนกลาง ไม่ต้องระบุหน่วยงาน")
        }
        try Self.checkStrength(password)
        let user = try await store.createUser(username: name, displayName: displayName ?? name, role: role, unitCode: unitCode,
                                              passwordHash: Bcrypt.hash(password, cost: bcryptCost), isDemo: isDemo, now: now())
        return user.person
    }

    /// On first run: an administrator with a generated password, returned once to be printed.
    public func ensureAdministrator() async throws -> (username: String, password: String)? {
        guard try await store.userCount() == 0 else { return nil }
        let password = Self.randomPassword()
        try await createUser(username: "admin", displayName: "ผู้ดูแลระบบ", role: .admin, unitCode: nil, password: password)
        return ("admin", password)
    }

    /// One demo account per role (a reporter and a head of Phasi Charoen 1022, an evaluator,
    /// an executive), all with one new password each time so it can be printed.
    public func createDemoAccounts() async throws -> [DemoAccount] {
        let password = Self.randomPassword()
        let accounts = [
            DemoAccount(username: "demo-reporter", password: password, role: .reporter, unitCode: "1022"),
            DemoAccount(username: "demo-head", password: password, role: .head, unitCode: "1022"),
            DemoAccount(username: "demo-evaluator", password: password, role: .evaluator, unitCode: nil),
            DemoAccount(username: "demo-executive", password: password, role: .executive, unitCode: nil),
        ]
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        for account in accounts {
            if let existing = try await store.user(username: account.username) {
                try await store.updatePasswordHash(userID: existing.id, hash: hash)
            } else {
                _ = try await store.createUser(username: account.username, displayName: "ทดลองใช้ (\(account.role.thaiName))",
                                               role: account.role, unitCode: account.unitCode, passwordHash: hash,
                                               isDemo: true, now: now())
            }
        }
        return accounts
    }

    /// A personal access token for the API, printed once; the store keeps its hash.
    public func createAPIToken(username: String, name: String) async throws -> String {
        guard let user = try await store.user(username: username) else {
            throw AccountError(kind: .invalidInput, messageTH: "ไม่พบผู้ใช้ \(username)")
        }
        let token = "phaen_" + Self.randomToken()
        try await store.createAPIToken(tokenHash: Self.hash(token), userID: user.id, name: name, now: now())
        return token
    }

    // MARK: Helpers

    func newSession(for user: UserRecord, at: Date) async throws -> NewSession {
        let token = Self.randomToken(), csrf = Self.randomToken()
        let expires = at + Self.sessionLifetime
        try await store.createSession(tokenHash: Self.hash(token), userID: user.id, csrfToken: csrf, now: at, expiresAt: expires)
        return NewSession(token: token, csrfToken: csrf, person: user.person, expiresAt: expires)
    }

    static func checkStrength(_ password: String) throws {
        guard password.count >= minimumPasswordLength else {
            throw AccountError(kind: .weakPassword, messageTH: "รหัสผ่านต้องยาวอย่างน้อย \(minimumPasswordLength) ตัวอักษร")
        }
    }

    /// SHA-256 hex: what the store keeps instead of a token.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// 32 random bytes, base64url without padding.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// 16 characters without look-alikes (0/O, 1/l/I), easy to type from a terminal.
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
