import Foundation
import PhaenCore

/// Reference data kept in memory between requests: units, agreements, plans and framework
/// nodes. Each entry remembers the data version it was read at; a read first asks the database
/// for the current version (one tiny query) and reloads when it moved, so a write by any
/// process is seen by the next request of every process. Reports, sessions and counters are
/// never cached here (see `derived` below for results computed from them).
///
/// `@unchecked Sendable`: the dictionaries are only touched under `lock`.
final class ReadCache: @unchecked Sendable {
    private struct Entry { var version: Int64; var value: any Sendable }
    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    func value<T: Sendable>(_ key: String, version: Int64, load: () async throws -> T) async throws -> T {
        if let hit = lock.withLock({ entries[key] }), hit.version == version, let value = hit.value as? T {
            return value
        }
        let value = try await load()
        lock.withLock { entries[key] = Entry(version: version, value: value) }
        return value
    }

    let derived = DerivedValues()
}

/// Values computed from the data of one data version — score cards, validation findings,
/// sessions, page fragments that do not depend on who asks. All of them belong to the newest
/// version seen: the first request that sees a newer version drops every older value at once,
/// so memory holds one generation, and a write by any process (which raises the version in
/// its transaction) is followed by fresh values on the next request of every process.
///
/// Concurrent requests for a missing value share one computation (after a write, 64 waiting
/// dashboard requests compute the city table once, not 64 times).
///
/// Correctness does not depend on timing: a value computed from data read *after* the
/// version was read is at least as new as that version; one computed for a version older than
/// the newest seen is returned to its caller but never stored.
public final class DerivedValues: @unchecked Sendable {
    private var version: Int64 = .min
    private var values: [String: Task<any Sendable, Error>] = [:]
    private let lock = NSLock()
    /// A bound on one generation, so that lookups of made-up keys (random session tokens)
    /// cannot grow it without limit; past it the generation starts over.
    static let maxEntries = 20_000

    init() {}

    public func value<T: Sendable>(_ key: String, version: Int64,
                                   compute: @escaping @Sendable () async throws -> T) async throws -> T {
        let task: Task<any Sendable, Error>? = lock.withLock {
            if version > self.version {
                self.version = version
                values.removeAll(keepingCapacity: true)
            }
            guard version == self.version else { return nil }
            if let running = values[key] { return running }
            if values.count >= Self.maxEntries { values.removeAll(keepingCapacity: true) }
            let created = Task<any Sendable, Error> { try await compute() }
            values[key] = created
            return created
        }
        guard let task else { return try await compute() }  // an older version: not kept
        do {
            guard let value = try await task.value as? T else {
                throw StoreError("derived value \(key) has an unexpected type")
            }
            return value
        } catch {
            // A failure is not remembered: the next request tries again.
            lock.withLock { if self.version == version, values[key] == task { values[key] = nil } }
            throw error
        }
    }

    /// Forgets every value (tests that compare cached and fresh results).
    public func removeAll() {
        lock.withLock { values.removeAll() }
    }
}

/// One request's data version, read once: a page that reads the units, the agreements, a plan
/// and two derived results would otherwise ask the database for the version five times.
/// Only for requests that do not write (the web layer scopes GET and HEAD requests with it):
/// after a write in the same task the memo would name the version before it.
public final class DataVersionMemo: @unchecked Sendable {
    private var versions: [ObjectIdentifier: Int64] = [:]
    private let lock = NSLock()
    public init() {}

    func version(of store: PhaenStore, read: () async throws -> Int64) async throws -> Int64 {
        let id = ObjectIdentifier(store)
        if let known = lock.withLock({ versions[id] }) { return known }
        let version = try await read()
        lock.withLock { versions[id] = version }
        return version
    }
}

extension PhaenStore {
    /// The memo of the request being served, when it reads only (see `DataVersionMemo`).
    @TaskLocal public static var versionMemo: DataVersionMemo?

    /// The data version: one tiny query (once per request inside a `versionMemo` scope).
    /// Every data-changing transaction of any process raises it.
    public func dataVersion() async throws -> Int64 {
        guard let memo = Self.versionMemo else { return try await pool.dataVersion() }
        return try await memo.version(of: self) { try await pool.dataVersion() }
    }

    /// Results computed from the data, kept for the current data version (see `DerivedValues`).
    /// The key must name everything the value depends on besides the data: a value filtered
    /// for one person must never be stored under a key another person asks for — store the
    /// unfiltered per-unit value and filter per person after the lookup.
    public var derived: DerivedValues { cache.derived }

    /// `derived.value` at the current data version.
    public func derived<T: Sendable>(_ key: String, compute: @escaping @Sendable () async throws -> T) async throws -> T {
        try await derived.value(key, version: try await dataVersion(), compute: compute)
    }
}

extension PhaenStore {
    /// One unit (its row and sections), kept for the current data version. Paths that follow
    /// writes closely — report saves and transitions, each of which raises the version — use
    /// this rather than `unit(code:)`, whose whole cached list of units every write invalidates.
    public func unitAlone(code: String) async throws -> PhaenCore.Unit? {
        let pool = self.pool
        return try await derived("unit/\(code)") {
            Found(value: try await pool.read { try await UnitStore.load(code: code, in: $0).first })
        }.value
    }

    /// One agreement, kept for the current data version (see `unitAlone`).
    public func agreementAlone(unitCode: String, fiscalYear: FiscalYear) async throws -> Agreement? {
        let pool = self.pool
        return try await derived("agreement/\(unitCode)/\(fiscalYear.be)") {
            Found(value: try await pool.read { try await AgreementStore.load(unitCode: unitCode, fiscalYear: fiscalYear, in: $0)?.agreement })
        }.value
    }
}

/// A lookup's answer as kept (nil: there is none), so that "none" is kept too.
private struct Found<Value: Sendable>: Sendable { var value: Value? }
