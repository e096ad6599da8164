import Foundation
import PhaenCore

/// Reference data kept in memory between requests: units, agreements, plans and framework
/// nodes. Each entry remembers the data version it was read at; a read first asks the database
/// for the current version (one tiny query) and reloads when it moved, so a write by any
/// process is seen by the next request of every process. Reports, sessions and counters are
/// never cached.
///
/// `@unchecked Sendable`: the dictionary is only touched under `lock`.
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
}
