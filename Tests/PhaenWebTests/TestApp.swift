import Foundation
import Hummingbird
import HummingbirdTesting
import PhaenApp
import PhaenCore
import PhaenStore
@testable import PhaenWeb

/// One SQLite file per test process, migrated, seeded with the demo dataset and given the
/// test accounts once; every test's application opens it.
enum SeededDatabase {
    static let password = "test-password-1"

    struct Fixture: Sendable {
        var url: String
        /// API tokens by username.
        var apiTokens: [String: String]
    }

    static let fixture: Task<Fixture, Error> = Task {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("phaen-web-\(UUID().uuidString).sqlite").path
        let store = try await PhaenStore.open("sqlite:\(path)")
        do {
            _ = try await store.migrate()
            _ = try await SeedDemo(store: store)()
            // bcrypt cost 4: the tests sign in often; the cost is part of each hash.
            let accounts = Accounts(store: store, bcryptCost: 4)
            var tokens: [String: String] = [:]
            for (username, role, unit, demo) in TestPeople.all {
                try await accounts.createUser(username: username, displayName: "ทดสอบ \(role.thaiName)", role: role,
                                              unitCode: unit, password: password, isDemo: demo)
                tokens[username] = try await accounts.createAPIToken(username: username, name: "tests")
            }
            try await store.shutdown()
            return Fixture(url: "sqlite:\(path)", apiTokens: tokens)
        } catch {
            try? await store.shutdown()
            throw error
        }
    }
}

/// The people the tests act as.
enum TestPeople {
    static let all: [(String, Role, String?, Bool)] = [
        ("eva", .evaluator, nil, false),
        ("exe", .executive, nil, false),
        ("rep1016", .reporter, "1016", false),
        ("rep1022", .reporter, "1022", true),
        ("head1022", .head, "1022", false),
    ]
}

func testConfiguration(databaseURL: String? = nil) async throws -> WebConfiguration {
    let url: String
    if let databaseURL { url = databaseURL } else { url = try await SeededDatabase.fixture.value.url }
    return WebConfiguration(databaseURL: url,
                     evidenceDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("phaen-evidence").path,
                     logLevel: .warning)
}

/// Runs `test` against an in-process application on the seeded database.
func withApp(databaseURL: String? = nil, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let app = try await buildApplication(configuration: try await testConfiguration(databaseURL: databaseURL))
    try await app.test(.router) { client in try await test(client) }
}

/// A signed-in browser: the session cookie and the CSRF token of its session.
struct Browser: Sendable {
    var cookie: String
    var csrf: String
}

extension TestClientProtocol {
    func signIn(_ username: String, password: String = SeededDatabase.password, next: String = "/units") async throws -> Browser {
        let response = try await postForm("/signin", ["username": username, "password": password, "next": next])
        guard response.status == .seeOther, let setCookie = response.headers[.setCookie],
              let value = setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last else {
            throw TestFailure("sign-in as \(username) failed: \(response.status)")
        }
        let cookie = "\(SessionMiddleware.cookieName)=\(value)"
        let page = try await execute(uri: "/account/password", method: .get, headers: [.cookie: cookie])
        guard let csrf = page.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1 else {
            throw TestFailure("no CSRF token on the password page")
        }
        return Browser(cookie: cookie, csrf: String(csrf))
    }

    func get(_ path: String, as browser: Browser? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        if let browser { headers[.cookie] = browser.cookie }
        return try await execute(uri: path, method: .get, headers: headers)
    }

    func getAPI(_ path: String, bearer token: String) async throws -> TestResponse {
        try await execute(uri: path, method: .get, headers: [.authorization: "Bearer \(token)"])
    }

    func postForm(_ path: String, _ fields: [String: String], as browser: Browser? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let browser { headers[.cookie] = browser.cookie }
        let body = fields.map { "\($0.key)=\(SiteURL.encode($0.value))" }.joined(separator: "&")
        return try await execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}

func apiToken(_ username: String) async throws -> String {
    guard let token = try await SeededDatabase.fixture.value.apiTokens[username] else { throw TestFailure("no token for \(username)") }
    return token
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
