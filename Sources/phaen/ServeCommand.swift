import ArgumentParser
import Foundation
import Hummingbird
import Logging
import PhaenApp
import PhaenStore
import PhaenWeb

/// `phaen serve`: prepares the database on first run (migrations, the demo dataset) and runs
/// the web application until interrupted.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "เปิดเว็บแอปพลิเคชันแผน (Hummingbird) — ครั้งแรกจะสร้างฐานข้อมูลและนำเข้าข้อมูลตัวอย่าง",
        discussion: "Flags override PHAEN_HOST, PHAEN_PORT, PHAEN_EVIDENCE_DIR, PHAEN_EVIDENCE_MAX_MB, PHAEN_SECURE_COOKIES, "
            + "PHAEN_TRUST_PROXY, PHAEN_LOG_LEVEL.")
    @OptionGroup var database: DatabaseOption
    @Option(help: "ที่อยู่ที่รับการเชื่อมต่อ (default 127.0.0.1; 0.0.0.0 = ทุกอินเทอร์เฟซ)") var host: String?
    @Option(help: "พอร์ต (default 8080)") var port: Int?
    @Option(help: "โฟลเดอร์เก็บไฟล์หลักฐาน (default ./evidence)") var evidenceDir: String?
    @Flag(help: "ตั้งค่าคุกกี้ Secure (เมื่อให้บริการผ่าน HTTPS)") var secureCookies = false
    @Flag(help: "อยู่หลัง reverse proxy: ใช้ที่อยู่ขวาสุดของ X-Forwarded-For เป็นที่อยู่ผู้ใช้ (rate limit และ log)")
    var trustProxy = false
    @Option(help: "ขนาดไฟล์หลักฐานสูงสุด (MB, default \(ReportEntry.defaultEvidenceLimit / (1024 * 1024)))")
    var evidenceMaxMb: Int?
    @Flag(help: "สร้างบัญชีทดลองหนึ่งบัญชีต่อบทบาท และแสดงชื่อผู้ใช้/รหัสผ่าน") var demo = false

    func run() async throws {
        let configuration = try webConfiguration(environment: ProcessInfo.processInfo.environment)
        try await prepareDatabase(configuration)
        let app = try await buildApplication(configuration: configuration)
        say("แผน (Phaen) พร้อมใช้งานที่ \(configuration.displayURL)")
        try await app.runService()
    }

    /// Flags > environment > defaults; a bad value is named with the setting it came from.
    func webConfiguration(environment: [String: String]) throws -> WebConfiguration {
        var c = WebConfiguration()
        c.databaseURL = DatabaseSetting.resolve(flag: database.db, environment: environment)
        c.host = host ?? environment["PHAEN_HOST"] ?? c.host
        if let port { c.port = port } else if let text = environment["PHAEN_PORT"] {
            guard let value = Int(text), (1...65535).contains(value) else {
                throw ValidationError("PHAEN_PORT ต้องเป็นตัวเลข 1–65535 (ได้ \"\(text)\")")
            }
            c.port = value
        }
        guard (1...65535).contains(c.port) else { throw ValidationError("--port ต้องอยู่ระหว่าง 1–65535") }
        c.evidenceDirectory = evidenceDir ?? environment["PHAEN_EVIDENCE_DIR"] ?? c.evidenceDirectory
        c.secureCookies = secureCookies || ["1", "true", "yes"].contains(environment["PHAEN_SECURE_COOKIES"]?.lowercased() ?? "")
        c.trustProxy = trustProxy || ["1", "true", "yes"].contains(environment["PHAEN_TRUST_PROXY"]?.lowercased() ?? "")
        if let megabytes = try Self.evidenceMegabytes(flag: evidenceMaxMb, environment: environment) {
            c.evidenceMaxBytes = megabytes * 1024 * 1024
        }
        if let text = environment["PHAEN_LOG_LEVEL"] {
            guard let level = Logger.Level(rawValue: text) else {
                throw ValidationError("PHAEN_LOG_LEVEL ต้องเป็น trace, debug, info, notice, warning, error หรือ critical")
            }
            c.logLevel = level
        }
        return c
    }

    /// The upper bound keeps a typo (a size in bytes, say) from letting a single upload fill
    /// the server's memory: a file is held in memory while its type and hash are checked.
    static let maxEvidenceMegabytes = 1024

    /// `--evidence-max-mb`, else `PHAEN_EVIDENCE_MAX_MB`; nil when neither is given.
    static func evidenceMegabytes(flag: Int?, environment: [String: String]) throws -> Int? {
        let range = 1...maxEvidenceMegabytes
        if let flag {
            guard range.contains(flag) else {
                throw ValidationError("--evidence-max-mb ต้องเป็นจำนวนเต็ม 1–\(maxEvidenceMegabytes) (ได้ \(flag))")
            }
            return flag
        }
        guard let text = environment["PHAEN_EVIDENCE_MAX_MB"] else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw ValidationError("PHAEN_EVIDENCE_MAX_MB ต้องเป็นจำนวนเต็ม 1–\(maxEvidenceMegabytes) (ได้ \"\(text)\")")
        }
        return value
    }

    /// Migrates; loads the demo dataset only into an empty database (a later start must not
    /// overwrite what people have edited since); creates the administrator on first run and,
    /// with --demo, the demo accounts — printing their passwords once, here.
    func prepareDatabase(_ configuration: WebConfiguration) async throws {
        try await withStore(database) { store in
            let applied = try await store.migrate()
            if !applied.isEmpty { say("ปรับฐานข้อมูลแล้ว: migration \(applied.map(String.init).joined(separator: ", "))") }
            if try await store.units().isEmpty {
                let summary = try await SeedDemo(store: store)()
                say("นำเข้าชุดข้อมูลตัวอย่าง: \(summary.written) รายการ")
            }
            let accounts = Accounts(store: store)
            if let admin = try await accounts.ensureAdministrator() {
                say("""
                สร้างผู้ดูแลระบบแล้ว (แสดงครั้งเดียว — โปรดจดไว้และเปลี่ยนรหัสผ่านหลังเข้าสู่ระบบ)
                  ชื่อผู้ใช้: \(admin.username)
                  รหัสผ่าน:  \(admin.password)
                """)
            }
            if demo {
                let created = try await accounts.createDemoAccounts()
                say("บัญชีทดลอง (demo) — รหัสผ่านเดียวกันทุกบัญชี: \(created.first?.password ?? "")")
                for account in created {
                    say("  \(account.username)  \(account.role.thaiName)\(account.unitCode.map { " หน่วยงาน \($0)" } ?? "")")
                }
            }
        }
        try FileManager.default.createDirectory(atPath: configuration.evidenceDirectory, withIntermediateDirectories: true)
    }
}

/// Writes a line to standard output at once. `print` is block-buffered when the output is a
/// file or a pipe, and the server runs until stopped: the administrator's password would sit
/// in the buffer.
private func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
