import ArgumentParser
import Foundation
import Logging
import PhaenApp
import PhaenCore
import PhaenStore

/// Opens the store for one command and always closes it.
func withStore<T>(_ option: DatabaseOption, _ body: (PhaenStore) async throws -> T) async throws -> T {
    let url = DatabaseSetting.resolve(flag: option.db, environment: ProcessInfo.processInfo.environment)
    var logger = Logger(label: "phaen.store")
    // The terminal is for results; the store's progress lines appear with PHAEN_LOG_LEVEL=info.
    logger.logLevel = ProcessInfo.processInfo.environment["PHAEN_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
    let store: PhaenStore
    do {
        store = try await PhaenStore.open(url, logger: logger)
    } catch let error as StoreError {
        FileHandle.standardError.write(Data("\(error.description)\n".utf8))
        throw ExitCode(2)
    }
    do {
        let value = try await body(store)
        try await store.shutdown()
        return value
    } catch {
        try? await store.shutdown()
        throw error
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "สร้าง/ปรับโครงสร้างฐานข้อมูล (numbered migrations)")
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        try await withStore(database) { store in
            let applied = try await store.migrate()
            print(applied.isEmpty ? "ฐานข้อมูลเป็นปัจจุบันแล้ว (\(store.engine.rawValue))"
                                  : "ปรับฐานข้อมูลแล้ว: migration \(applied.map(String.init).joined(separator: ", ")) (\(store.engine.rawValue))")
        }
    }
}

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "นำเข้าชุดข้อมูลตัวอย่างจากเอกสารจริง (รันซ้ำได้ ไม่เปลี่ยนแปลงข้อมูล)")
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        try await withStore(database) { store in
            _ = try await store.migrate()
            let summary = try await SeedDemo(store: store)()
            print("นำเข้าชุดข้อมูลตัวอย่าง: บันทึก \(summary.written) รายการ, ไม่เปลี่ยนแปลง \(summary.unchanged) รายการ")
        }
    }
}

struct Units: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "รายชื่อหน่วยงานและรหัส")
    @OptionGroup var database: DatabaseOption
    @Flag(help: "machine-readable JSON") var json = false

    func run() async throws {
        try await withStore(database) { store in
            let units = try await store.units()
            if json { print(try JSONText.encode(units)) } else { print(TextOutput.units(units)) }
        }
    }
}

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "ตรวจความถูกต้องของแผน คำรับรอง และรายงานของหน่วยงาน")
    @OptionGroup var database: DatabaseOption
    @Option(help: "รหัสหน่วยงาน เช่น 1022") var unit: String
    @Option(help: "ปีงบประมาณ พ.ศ. เช่น 2567") var year: Int
    @Flag(help: "machine-readable JSON") var json = false

    func run() async throws {
        try await runReportingAppErrors {
            try await withStore(database) { store in
                let findings = try await ValidateUnitYear(data: store)(unitCode: unit, fiscalYear: FiscalYear(year))
                print(json ? try JSONText.encode(findings) : TextOutput.findings(findings))
            }
        }
    }
}

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "วัดเวลาให้คะแนนและตรวจสอบทุกหน่วยงานในฐานข้อมูล")
    @OptionGroup var database: DatabaseOption
    @Option(help: "จำนวนรอบ") var iterations = 1000

    func run() async throws {
        try await withStore(database) { store in
            let r = try await ScoringBench(data: store).run(iterations: iterations)
            print("engine: \(store.engine.rawValue)")
            print("agreements: \(r.agreements), KPIs: \(r.kpis), iterations: \(r.iterations)")
            print(String(format: "load from database: %.2f ms", r.loadSeconds * 1000))
            print(String(format: "score every agreement: %.1f µs per pass", r.scoreSecondsPerPass * 1e6))
            print(String(format: "validate every unit-year: %.1f µs per pass", r.validateSecondsPerPass * 1e6))
        }
    }
}

enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Use-case errors are for people: print the Thai message and exit with status 1 (not found)
/// or 2 (bad input), without a stack of Swift error text.
func runReportingAppErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as AppError {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        throw ExitCode(error.kind == .invalidInput ? 2 : 1)
    }
}
