import Foundation
import Hummingbird
import HummingbirdTesting
import PhaenApp
import PhaenCore
import PhaenStore
@testable import PhaenWeb

/// One SQLite file per test process, migrated and seeded with the demo dataset once; every
/// test's application opens it (reads only).
enum SeededDatabase {
    static let url: Task<String, Error> = Task {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("phaen-web-\(UUID().uuidString).sqlite").path
        let store = try await PhaenStore.open("sqlite:\(path)")
        do {
            _ = try await store.migrate()
            _ = try await SeedDemo(store: store)()
        } catch {
            try? await store.shutdown()
            throw error
        }
        try await store.shutdown()
        return "sqlite:\(path)"
    }
}

/// People the tests act as, identified by the session cookie's value.
enum TestPeople {
    static let evaluator = Person(userID: 1, username: "eva", displayName: "ผู้ประเมิน ทดสอบ", role: .evaluator, unitCode: nil)
    static let executive = Person(userID: 2, username: "exe", role: .executive, unitCode: nil)
    static let reporter1016 = Person(userID: 3, username: "rep1016", role: .reporter, unitCode: "1016")
    static let reporter1022 = Person(userID: 4, username: "rep1022", role: .reporter, unitCode: "1022", isDemo: true)

    static let byToken: [String: Person] = [
        "evaluator": evaluator, "executive": executive, "reporter1016": reporter1016, "reporter1022": reporter1022,
    ]
}

struct TokenIdentification: Identification {
    func session(token: String) async throws -> (person: Person, csrfToken: String)? {
        TestPeople.byToken[token].map { ($0, "csrf-\(token)") }
    }
    func person(apiToken: String) async throws -> Person? { TestPeople.byToken[apiToken] }
}

func testConfiguration() async throws -> WebConfiguration {
    WebConfiguration(databaseURL: try await SeededDatabase.url.value,
                     evidenceDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("phaen-evidence").path,
                     logLevel: .warning)
}

/// Runs `test` against an in-process application on the seeded database.
func withApp(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let app = try await buildApplication(configuration: try await testConfiguration(),
                                         identification: { _ in TokenIdentification() })
    try await app.test(.router) { client in try await test(client) }
}

extension TestClientProtocol {
    /// GET as one of `TestPeople` (by token), or anonymous.
    func get(_ path: String, as token: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.cookie] = "\(SessionMiddleware.cookieName)=\(token)" }
        return try await execute(uri: path, method: .get, headers: headers)
    }

    func getAPI(_ path: String, bearer token: String) async throws -> TestResponse {
        try await execute(uri: path, method: .get, headers: [.authorization: "Bearer \(token)"])
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
