import Foundation
import Testing
import PhaenCore
@testable import PhaenImport

@Suite struct DemoDatasetTests {
    @Test("every demo file decodes, and every key in it is a field of the model")
    func noUnknownKeys() throws {
        let files = try DemoDataset.files()
        #expect(files.count >= 9)
        let encoder = JSONEncoder()
        for file in files {
            let data = try Data(contentsOf: file)
            let decoded = try DemoDataset.decode(file)
            let original = try JSONSerialization.jsonObject(with: data)
            let reencoded = try JSONSerialization.jsonObject(with: encoder.encode(decoded))
            var missing: [String] = []
            Self.compareKeys(original, reencoded, path: file.lastPathComponent, missing: &missing)
            #expect(missing.isEmpty, "keys the model does not know: \(missing.prefix(10))")
        }
    }

    /// Every key of `original` (with a non-null value) must survive decoding and encoding.
    static func compareKeys(_ original: Any, _ decoded: Any, path: String, missing: inout [String]) {
        if let o = original as? [String: Any] {
            let d = decoded as? [String: Any] ?? [:]
            for (key, value) in o where !(value is NSNull) {
                guard let dv = d[key] else { missing.append("\(path).\(key)"); continue }
                compareKeys(value, dv, path: "\(path).\(key)", missing: &missing)
            }
        } else if let o = original as? [Any], let d = decoded as? [Any], o.count == d.count {
            for (i, pair) in zip(o, d).enumerated() { compareKeys(pair.0, pair.1, path: "\(path)[\(i)]", missing: &missing) }
        }
    }

    @Test("the dataset holds what the foundation issue asks for")
    func contents() throws {
        let d = try DemoDataset.load()
        let districts = d.units.filter { $0.kind == .district }
        #expect(districts.count == 50)
        #expect(districts.allSatisfy { $0.code.hasPrefix("10") && $0.sections.count == 10 })
        #expect(d.units.first { $0.code == "1022" }?.nameTH == "สำนักงานเขตภาษีเจริญ")
        #expect(Set(d.units.map(\.code)).count == d.units.count)
        #expect(d.plans.contains { $0.unitCode == "1022" && $0.fiscalYear.be == 2567 })
        #expect(d.plans.contains { $0.unitCode == "3001" && $0.fiscalYear.be == 2564 })
        #expect(d.agreements.contains { $0.unitCode == "1022" && $0.pointsScheme == .twentyToHundred })
        #expect(d.agreements.contains { $0.unitCode == "3001" && $0.pointsScheme == .sixtyToHundred })
        #expect(d.reports.contains { $0.unitCode == "4001" && $0.round == .halfYear })
        #expect(d.reports.contains { $0.unitCode == "1016" && $0.round == .yearEnd })
        #expect(d.innovations.count >= 2)
        #expect(d.frameworks.contains { $0.level == .policyOKR && $0.fiscalYear.be == 2567 })
        #expect(d.frameworks.contains { $0.level == .plan20Objective && $0.fiscalYear.be == 2564 })
        // The plan's projects are referenced by every list row.
        for plan in d.plans {
            let ids = Set(plan.projects.map(\.id))
            #expect(Set(plan.projects.map(\.id)).count == plan.projects.count, "duplicate project ids in \(plan.unitCode)")
            for list in plan.lists { for entry in list.entries { #expect(ids.contains(entry.projectID), "\(entry.projectID)") } }
        }
    }

    @Test("the districts match shared/docs/bangkok-districts.tsv when it is present")
    func districtsMatchOfficialCodes() throws {
        let tsv = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/docs/bangkok-districts.tsv").standardized
        guard let text = try? String(contentsOf: tsv, encoding: .utf8) else {
            print("skipping: ../shared/docs/bangkok-districts.tsv not found")
            return
        }
        let d = try DemoDataset.load()
        for line in text.split(separator: "\n").dropFirst() {
            let cols = line.split(separator: "\t").map(String.init)
            #expect(d.units.first { $0.code == cols[0] }?.nameTH == "สำนักงานเขต" + cols[1], "\(cols[0])")
        }
    }
}
