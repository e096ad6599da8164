import Foundation
import Testing
import PhaenCore
import PhaenImport
@testable import PhaenApp

/// The use cases on the demo dataset held in memory (the same code runs on the database).
@Suite struct UseCaseTests {
    static let data = InMemoryData(try! DemoDataset.load())

    @Test("validate 1022/2567 finds the stated total, the duplicate number and the unknown section")
    func validatePhasiCharoen() async throws {
        let findings = try await ValidateUnitYear(data: Self.data)(unitCode: "1022", fiscalYear: FiscalYear(2567))
        #expect(findings.contains { $0.rule == "PLAN-TOTAL" && $0.stated == "35294295.00" && $0.computed == "35254295.00" })
        #expect(findings.contains { $0.rule == "PLAN-DUP-NUMBER" && $0.stated == "๑๒" })
        #expect(findings.contains { $0.rule == "PLAN-SECTION-UNKNOWN" && $0.stated == "ฝ่ายเทคนิค" })
        // Errors come first.
        #expect(findings.first?.severity == .error)
        let text = TextOutput.findings(findings)
        #expect(text.contains("35,294,295") && text.contains("35,254,295"))
    }

    @Test("validate 3001/2564 finds the toilet step plan: weights 110 with the floor-5 step repeated")
    func validateSecretaryOffice() async throws {
        let findings = try await ValidateUnitYear(data: Self.data)(unitCode: "3001", fiscalYear: FiscalYear(2564))
        #expect(findings.contains { $0.rule == "STEP-WEIGHT-SUM" && $0.computed == "110" && $0.stated == "100" })
        #expect(findings.contains { $0.rule == "STEP-REPEATED" && $0.messageTH.contains("ชั้น 5") })
    }

    @Test("an unknown unit is a clear Thai error")
    func unknownUnit() async {
        await #expect(throws: AppError.self) {
            _ = try await ValidateUnitYear(data: Self.data)(unitCode: "9999", fiscalYear: FiscalYear(2567))
        }
    }

    @Test("score 1022/2567: the agreement's six KPIs, unscored until results are reported")
    func scorePhasiCharoen() async throws {
        let card = try await ScoreUnitYear(data: Self.data)(unitCode: "1022", fiscalYear: FiscalYear(2567))
        #expect(card.allKPIs.count == 6)
        #expect(card.pointsScheme == .twentyToHundred)
        #expect(card.allKPIs.allSatisfy { $0.rule == "unscored" } && card.total == 0)
        #expect(TextOutput.scoreCard(card, unitName: "สำนักงานเขตภาษีเจริญ").contains("คะแนนรวม"))
    }

    @Test("the latest round's report of each KPI feeds the score")
    func latestResults() {
        let fy = FiscalYear(2567)
        let reports = [ProgressReport(unitCode: "x", fiscalYear: fy, round: .quarter(3), kpiCode: "1", value: 50),
                       ProgressReport(unitCode: "x", fiscalYear: fy, round: .yearEnd, kpiCode: "1", value: 90),
                       ProgressReport(unitCode: "x", fiscalYear: fy, round: .halfYear, kpiCode: "1", value: 40),
                       ProgressReport(unitCode: "x", fiscalYear: fy, round: .month(2), kpiCode: "2", claimedLevel: 3)]
        let results = ScoreUnitYear.latestResults(reports)
        #expect(results.map(\.value) == [90, nil] && results.map(\.level) == [nil, 3])
    }

    @Test("the example exchange file scores, with its stated figure flagged")
    func exampleFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../examples/secretary-office-2564.json").standardized
        let doc = try ExchangeDocument.decode(Data(contentsOf: url))
        let card = Scorer.score(doc.agreement, results: doc.results, unitGroup: doc.unitGroup)
        #expect(card.allKPIs.count == 5)
        #expect(card.allKPIs.first { $0.code == "1.1" }?.weightedScore == Decimal(string: "13.5"))
        #expect(card.allKPIs.first { $0.code == "2.2" }?.level == 3)
        #expect(card.findings.contains { $0.rule == "SCORE-STATED" })
        let json = try ScoreCardJSON(card).encoded()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["total"] is NSNumber && object?["components"] is [Any] && object?["findings"] is [Any])
    }

    @Test("--db flag, then PHAEN_DB, then the embedded default")
    func databaseSetting() {
        #expect(DatabaseSetting.resolve(flag: "sqlite:x.db", environment: ["PHAEN_DB": "postgres://h/db"]) == "sqlite:x.db")
        #expect(DatabaseSetting.resolve(flag: nil, environment: ["PHAEN_DB": "postgres://h/db"]) == "postgres://h/db")
        #expect(DatabaseSetting.resolve(flag: nil, environment: [:]) == "sqlite:phaen.sqlite")
    }
}
