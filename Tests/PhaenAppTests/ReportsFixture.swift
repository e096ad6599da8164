import Foundation
import Logging
import PhaenCore
import PhaenImport
import PhaenStore
@testable import PhaenApp

/// A temporary SQLite store with the demo dataset and one account per role: a reporter and a
/// head of Phasi Charoen (1022, whose FY2567 agreement has six KPIs), a reporter of Phra
/// Nakhon (1001, a foreign unit), an evaluator and an executive. Evidence goes to a temp dir.
struct ReportsFixture {
    let store: PhaenStore
    let directory: URL
    let reporter: Person
    let head: Person
    let evaluator: Person
    let executive: Person
    let foreignReporter: Person

    static let year = FiscalYear(2567)
    static let unit = "1022"
    /// Traffy KPI: thresholds 0/60/65/70/75, weight 20, FY2567 points 20–100.
    static let traffy = "1.2"
    /// A judged KPI (the reporter claims a level), weight 10.
    static let judged = "1.1.1"
    static let now = Date(timeIntervalSince1970: 1_705_000_000)  // 2024-01-11

    var entry: ReportEntry { ReportEntry(store: store, evidenceDirectory: directory.appendingPathComponent("evidence")) }
    var dashboards: Dashboards { Dashboards(store: store) }

    func ref(_ kpi: String = traffy, round: ReportingRound = .quarter(1)) -> ReportRef {
        ReportRef(unitCode: Self.unit, fiscalYear: Self.year, round: round, kpiCode: kpi)
    }

    /// Runs `body` on a fresh fixture and always removes it.
    static func with(_ body: (ReportsFixture) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phaen-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var logger = Logger(label: "phaen.test"); logger.logLevel = .warning
        let store = try await PhaenStore.open("sqlite:\(directory.path)/phaen.sqlite", logger: logger)
        do {
            _ = try await store.migrate()
            _ = try await store.importDataset(try DemoDataset.load())
            func user(_ name: String, _ role: Role, _ unit: String?) async throws -> Person {
                try await store.createUser(username: name, displayName: name, role: role, unitCode: unit,
                                           passwordHash: "x", isDemo: false, now: now).person
            }
            let fixture = ReportsFixture(
                store: store, directory: directory,
                reporter: try await user("reporter", .reporter, unit), head: try await user("head", .head, unit),
                evaluator: try await user("evaluator", .evaluator, nil), executive: try await user("executive", .executive, nil),
                foreignReporter: try await user("foreign", .reporter, "1001"))
            try await body(fixture)
        } catch {
            try? await store.shutdown()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        try await store.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A minimal zip (stored entries, no compression) with the given entry names: enough for the
/// content sniffer, which reads the central directory only.
func makeZip(_ names: [String]) -> Data {
    func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16 & 0xFFFF) }
    var local: [UInt8] = [], central: [UInt8] = []
    for name in names {
        let n = Array(name.utf8), body = Array("x".utf8)
        let offset = local.count
        local += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
            + le32(body.count) + le32(body.count) + le16(n.count) + le16(0) + n + body
        central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
            + le32(body.count) + le32(body.count) + le16(n.count) + le16(0) + le16(0) + le16(0) + le16(0)
            + le32(0) + le32(offset) + n
    }
    let end = le32(0x0605_4B50) + le16(0) + le16(0) + le16(names.count) + le16(names.count)
        + le32(central.count) + le32(local.count) + le16(0)
    return Data(local + central + end)
}
