import AsyncKit
import Foundation
import Logging
import PostgresKit
import SQLiteKit

/// One borrowed connection, seen through SQLKit so the same queries serve both engines.
struct Session {
    let sql: any SQLDatabase
    let engine: StoreEngine
    /// Closes the connection instead of returning it to the pool: used when a transaction could
    /// not be ended, so the next borrower never inherits an open transaction.
    let discard: @Sendable () async -> Void
}

/// The connection pool of either engine behind one interface.
///
/// `@unchecked Sendable`: AsyncKit's `EventLoopGroupConnectionPool` guards its state with a lock
/// and hands connections out per event loop, but predates `Sendable` and does not declare it.
struct ConnectionPool: @unchecked Sendable {
    private enum Pools {
        case sqlite(EventLoopGroupConnectionPool<SQLiteSessionSource>)
        case postgres(EventLoopGroupConnectionPool<PostgresConnectionSource>)
    }
    private let pools: Pools
    private let logger: Logger
    let engine: StoreEngine
    /// SQLite only: one write transaction of this process at a time (see `WriteGate`).
    let writeGate = WriteGate()

    /// SQLite serialises writers anyway, so one connection per event loop is plenty; PostgreSQL
    /// serves concurrent requests, a few per loop on a 2-core machine.
    private static let sqliteConnectionsPerLoop = 1
    private static let postgresConnectionsPerLoop = 4
    /// How long a request waits for a free connection. SQLite has only one per event loop, so
    /// under a burst (64 concurrent HTTP clients, parallel tests on 2 cores) requests queue
    /// for longer than AsyncKit's 10-second default; a queue is better than an error.
    private static let requestTimeout: TimeAmount = .seconds(60)

    init(sqlitePath path: String, logger: Logger) {
        let source = SQLiteSessionSource(base: SQLiteConnectionSource(
            configuration: SQLiteConfiguration(storage: .file(path: path), enableForeignKeys: true)))
        pools = .sqlite(EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: Self.sqliteConnectionsPerLoop,
            requestTimeout: Self.requestTimeout, logger: logger, on: MultiThreadedEventLoopGroup.singleton))
        self.logger = logger
        engine = .sqlite
    }

    init(postgres configuration: SQLPostgresConfiguration, logger: Logger) {
        pools = .postgres(EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: Self.postgresConnectionsPerLoop,
            requestTimeout: Self.requestTimeout, logger: logger, on: MultiThreadedEventLoopGroup.singleton))
        self.logger = logger
        engine = .postgres
    }

    /// Borrows a connection for the duration of `body` and returns it to the pool afterwards.
    func withSession<R>(_ body: (Session) async throws -> R) async throws -> R {
        switch pools {
        case .sqlite(let pool):
            let connection = try await pool.requestConnection(logger: logger).get()
            defer { pool.releaseConnection(connection, logger: logger) }
            return try await body(Session(
                sql: connection.sql(queryLogLevel: .debug), engine: .sqlite,
                discard: { try? await connection.close() }))
        case .postgres(let pool):
            let connection = try await pool.requestConnection(logger: logger).get()
            defer { pool.releaseConnection(connection, logger: logger) }
            return try await body(Session(
                sql: connection.sql(queryLogLevel: .debug, logger: logger), engine: .postgres,
                discard: { try? await connection.close().get() }))
        }
    }

    func shutdown() async throws {
        switch pools {
        case .sqlite(let pool): try await pool.shutdownAsync()
        case .postgres(let pool): try await pool.shutdownAsync()
        }
    }
}

/// sqlite-kit's connection source plus the settings every Phaen connection needs. They are
/// per-connection (except WAL, which is stored in the file), so they go where connections are made.
struct SQLiteSessionSource: ConnectionPoolSource {
    let base: SQLiteConnectionSource

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        base.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            // WAL lets readers go on while a writer commits; busy_timeout makes a second writer
            // wait for the lock instead of failing at once with SQLITE_BUSY.
            connection.query("PRAGMA journal_mode = WAL")
                .flatMap { _ in connection.query("PRAGMA busy_timeout = 10000") }
                .map { _ in connection }
                .flatMapError { error in connection.close().flatMapThrowing { throw error } }
        }
    }
}
