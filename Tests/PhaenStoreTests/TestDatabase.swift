import Foundation
import Logging
import SQLKit
@testable import PhaenStore

/// The engines the store tests run on: SQLite always, PostgreSQL when it is available.
enum TestEngines {
    static let all: [StoreEngine] = PostgresServer.isWanted ? [.sqlite, .postgres] : [.sqlite]
}

/// Opens a store on a fresh, empty database of `engine`, runs `body`, and always closes the
/// store and removes the database — so every test starts from zero.
func withFreshStore(_ engine: StoreEngine, _ body: (PhaenStore) async throws -> Void) async throws {
    let database = try await FreshDatabase.create(engine)
    let store: PhaenStore
    do {
        store = try await PhaenStore.open(database.url, logger: quietLogger)
    } catch {
        try? await database.remove()
        throw error
    }
    do {
        try await body(store)
    } catch {
        try? await store.shutdown()
        try? await database.remove()
        throw error
    }
    try await store.shutdown()
    try await database.remove()
}

/// Tests log only warnings and errors, so a failing test's output is not buried in SQL.
let quietLogger: Logger = {
    var logger = Logger(label: "phaen.store.test")
    logger.logLevel = .warning
    return logger
}()

/// A SQLite file in its own temporary directory, or a database of its own on the PostgreSQL server.
struct FreshDatabase {
    let url: String
    let remove: () async throws -> Void

    static func create(_ engine: StoreEngine) async throws -> FreshDatabase {
        switch engine {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phaen-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return FreshDatabase(url: "sqlite:\(directory.path)/phaen.sqlite") {
                try FileManager.default.removeItem(at: directory)
            }
        case .postgres:
            let admin = try await PostgresServer.adminURL()
            let name = "phaen_test_\(UUID().uuidString.prefix(8).lowercased())"
            try await onAdmin(admin) { try await $0.raw("CREATE DATABASE \(ident: name)").run() }
            return FreshDatabase(url: replacingDatabase(in: admin, with: name)) {
                try await onAdmin(admin) { try await $0.raw("DROP DATABASE IF EXISTS \(ident: name)").run() }
            }
        }
    }

    /// Runs one statement on the server's admin database, through the store's own pool.
    private static func onAdmin(_ url: String, _ statement: @escaping (any SQLDatabase) async throws -> Void) async throws {
        let admin = try await PhaenStore.open(url, logger: quietLogger)
        do {
            try await admin.pool.withSession { try await statement($0.sql) }
        } catch {
            try? await admin.shutdown()
            throw error
        }
        try await admin.shutdown()
    }

    private static func replacingDatabase(in url: String, with name: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + name
        return components.string!
    }
}
