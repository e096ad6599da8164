import Foundation
import Testing

/// The `phaen` command as a person runs it: a real process, a temporary SQLite database.
@Suite(.serialized) struct CommandLineTests {
    struct Run { var status: Int32; var out: String; var err: String }

    static let binary: URL? = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("phaen"),
            Bundle.main.bundleURL.appendingPathComponent("phaen"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/phaen").standardized,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    func phaen(_ args: [String], in directory: URL, env: [String: String] = [:]) throws -> Run {
        let binary = try #require(Self.binary, "the phaen executable was not built")
        let process = Process()
        process.executableURL = binary
        process.arguments = args
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PHAEN_DB")
        process.environment = environment.merging(env) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                   err: String(decoding: errData, as: UTF8.self))
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("phaen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("seed twice changes nothing; validate and score read the embedded default database")
    func seedValidateScore() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try phaen(["seed"], in: dir)
        #expect(first.status == 0, "\(first.err)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("phaen.sqlite").path))
        let second = try phaen(["seed"], in: dir)
        #expect(second.status == 0 && second.out.contains("บันทึก 0 รายการ"), "\(second.out)")

        let units = try phaen(["units", "--json"], in: dir)
        let list = try JSONSerialization.jsonObject(with: Data(units.out.utf8)) as? [[String: Any]]
        #expect(list?.filter { ($0["kind"] as? String) == "district" }.count == 50)
        #expect(list?.contains { ($0["code"] as? String) == "1022" && ($0["nameTH"] as? String) == "สำนักงานเขตภาษีเจริญ" } == true)

        let validate = try phaen(["validate", "--unit", "1022", "--year", "2567"], in: dir)
        #expect(validate.status == 0)
        #expect(validate.out.contains("35,294,295") && validate.out.contains("35,254,295"))
        #expect(validate.out.contains("ลำดับที่ ๑๒ ซ้ำกัน"))
        let toilets = try phaen(["validate", "--unit", "3001", "--year", "2564", "--json"], in: dir)
        let findings = try JSONSerialization.jsonObject(with: Data(toilets.out.utf8)) as? [[String: Any]]
        #expect(findings?.contains { ($0["rule"] as? String) == "STEP-WEIGHT-SUM" && ($0["computed"] as? String) == "110" } == true)

        let score = try phaen(["score", "--unit", "3001", "--year", "2564"], in: dir)
        #expect(score.status == 0 && score.out.contains("คะแนนรวม"), "\(score.err)")
        let missing = try phaen(["score", "--unit", "9999", "--year", "2564"], in: dir)
        #expect(missing.status != 0 && missing.err.contains("ไม่พบหน่วยงานรหัส 9999"))
    }

    @Test("score --input prints the card; bad input names the JSON path and exits 2")
    func scoreInput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.json")
        try #"{"fiscalYear": 2564, "unitGroup": "B", "pointsScheme": "60-100", "components": [ {"number": "2", "name": "x", "weight": 20, "kpis": [ {"code": "2.1", "name": "y", "weight": 10, "criteria": {"kind": "thresholds", "direction": "higher", "interpolate": true, "thresholds": {"A": [70,75,80,85,90], "B": [50,55,60,65,70]}}, "result": 57, "stated": {"level": 2, "weightedScore": 7.0}} ] } ] }"#
            .write(to: good, atomically: true, encoding: .utf8)
        let run = try phaen(["score", "--input", good.path, "--json"], in: dir)
        #expect(run.status == 0, "\(run.err)")
        let card = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        #expect((card?["total"] as? NSNumber)?.doubleValue == 7.4)
        let kpi = ((card?["components"] as? [[String: Any]])?.first?["kpis"] as? [[String: Any]])?.first
        #expect((kpi?["level"] as? NSNumber)?.doubleValue == 2.4 && (kpi?["points"] as? NSNumber)?.doubleValue == 74)
        #expect((kpi?["findings"] as? [Any])?.count == 2)
        let text = try phaen(["score", "--input", good.path], in: dir)
        #expect(text.out.contains("คะแนนรวม: 7.4"))

        let bad = dir.appendingPathComponent("bad.json")
        try #"{"fiscalYear": 2564, "pointsScheme": "60-100", "components": [ {"number": "1", "kpis": [ {"code": "a", "weight": 10, "criteria": {"kind": "thresholds", "thresholds": [1,2,3,4]}, "result": 1} ] } ] }"#
            .write(to: bad, atomically: true, encoding: .utf8)
        let failed = try phaen(["score", "--input", bad.path], in: dir)
        #expect(failed.status == 2)
        #expect(failed.err.contains("$.components[0].kpis[0].criteria.thresholds"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("phaen.sqlite").path))
    }
}
