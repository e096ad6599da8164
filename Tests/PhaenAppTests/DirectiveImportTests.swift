import Foundation
import Testing
import PhaenCore
import PhaenImport
import PhaenStore
@testable import PhaenApp

/// Importing a directive register (CSV) on a real store: any bad row refuses the whole file
/// with row-level Thai messages and writes nothing; a good file writes every directive.
/// And the innovation KPI fed from the innovation record.
@Suite struct DirectiveImportTests {
    typealias F = ReportsFixture

    static let header = "เลขที่,ที่มา,ปีงบประมาณ,รอบ,วันที่,กลุ่ม,ปัจจัย,หน่วยงาน,ข้อความ\n"

    @Test("a register with bad rows writes nothing and names every row")
    func badRows() async throws {
        try await F.with { (f: ReportsFixture) async throws in
            let use = DirectiveFollowUp(store: f.store)
            let csv = Self.header
                + "I-1,ข้อเสนอแนะของผู้ตรวจราชการ,2566,1,15/01/2566,3,\"๒.๒, ๒.๓\",1022 4001,เร่งรัดการเบิกจ่าย\n"
                + "I-2,ปลัด,2566,3,,11,9,1022 9999,\n"
                + "I-1,ปลัด,2566,1,,,,1022,ซ้ำ\n"
            await #expect {
                try await use.importRegister(person: f.evaluator, data: Data(csv.utf8), fileName: "register.csv", now: F.now)
            } throws: { error in
                guard let e = error as? DirectiveImportErrors else { return false }
                let rows = Set(e.rows.map { "\($0.row)/\($0.column)" })
                return rows.isSuperset(of: ["3/รอบ", "3/กลุ่ม", "3/ปัจจัย", "3/หน่วยงาน", "3/ข้อความ", "4/เลขที่"])
                    && e.rows.contains { $0.message == "ไม่พบหน่วยงานรหัส 9999" } && !rows.contains { $0.hasPrefix("2/") }
            }
            #expect(try await f.store.directive(id: "I-1") == nil)
            await #expect(throws: FollowUpRefusal.self) {
                try await use.importRegister(person: f.reporter, data: Data(csv.utf8), fileName: "register.csv", now: F.now)
            }
            await #expect(throws: DirectiveImportErrors.self) {
                try await use.importRegister(person: f.evaluator, data: Data("a,b\n1,2\n".utf8), fileName: "x.csv", now: F.now)
            }
        }
    }

    @Test("a good register writes every directive in one go")
    func goodFile() async throws {
        try await F.with { (f: ReportsFixture) async throws in
            let use = DirectiveFollowUp(store: f.store)
            let csv = Self.header
                + "I-1,ข้อเสนอแนะของผู้ตรวจราชการ,2566,1,15/01/2566,3,\"๒.๒, ๒.๓\",1022 4001,เร่งรัดการเบิกจ่าย\n"
                + ",,,,,,,,\n"
                + "I-2,ปลัด,๒๕๖๖,2,2023-07-01,,5,1016,ทบทวนระเบียบ\n"
            let written = try await use.importRegister(person: f.evaluator, data: Data(csv.utf8), fileName: "register.csv", now: F.now)
            #expect(written.map(\.id) == ["I-1", "I-2"])
            let first = try #require(try await f.store.directive(id: "I-1"))
            #expect(first.factors == [.budget, .methods] && first.addressedUnits == ["1022", "4001"] && first.group == 3)
            #expect(first.date == CivilDate(year: 2023, month: 1, day: 15) && first.source == .inspector)
            #expect(try await f.store.directive(id: "I-2")?.source == .permanentSecretary)
            // The reporter of 1022 sees I-1 (not I-2) and starts not reported.
            let pairs = try await use.pairs(person: f.reporter, year: FiscalYear(2566))
            #expect(pairs.filter { $0.directive.id.hasPrefix("I-") }.map(\.directive.id) == ["I-1"])
            #expect(pairs.allSatisfy { $0.unitCode == "1022" })
            #expect(try await f.store.audit(objectKind: "directive", objectKey: "I-2").first?.actor == "evaluator")
        }
    }

    @Test("the innovation KPI reads its level from the innovation record and says so")
    func innovationKPI() async throws {
        var dataset = try DemoDataset.load()
        var kpi = AgreementKPI(code: "2.1", name: "ความสำเร็จในการพัฒนานวัตกรรม", weight: 10, criteria: .judged(JudgedCriteria()))
        kpi.resultSource = .innovation
        dataset.agreements = [Agreement(unitCode: "1016", fiscalYear: FiscalYear(2564), pointsScheme: .sixtyToHundred,
                                        components: [Component(number: "2", name: "Innovation Base", kpis: [kpi])])]
        let card = try await ScoreUnitYear(data: InMemoryData(dataset))(unitCode: "1016", fiscalYear: FiscalYear(2564))
        let score = try #require(card.allKPIs.first)
        // Bangkok Yai: in use, forms 1–5, the committee approved → level 5 → 10 points.
        #expect(score.level == 5 && score.weightedScore == 10)
        #expect(score.explanation.contains("ทะเบียนนวัตกรรม") && score.explanation.contains("Line Official Account"))

        // Without any innovation recorded the KPI stays unscored, with the reason.
        dataset.innovations = []
        let empty = try await ScoreUnitYear(data: InMemoryData(dataset))(unitCode: "1016", fiscalYear: FiscalYear(2564))
        #expect(empty.allKPIs.first?.level == nil)
        #expect(empty.allKPIs.first?.explanation.contains("ยังไม่มีนวัตกรรม") == true)
    }
}

extension DirectiveImportTests {
    @Test("only administrators name the ten groups; unnamed groups print as กลุ่มที่ N")
    func groupNames() async throws {
        try await F.with { (f: ReportsFixture) async throws in
            let use = DirectiveFollowUp(store: f.store)
            await #expect(throws: FollowUpRefusal.self) {
                try await use.saveGroupNames(person: f.evaluator, names: [1: "งบประมาณ"], now: F.now)
            }
            let admin = try await f.store.createUser(username: "admin", displayName: "admin", role: .admin, unitCode: nil,
                                                     passwordHash: "x", isDemo: false, now: F.now).person
            try await use.saveGroupNames(person: admin, names: [1: " การเบิกจ่าย ", 11: "ไม่มีกลุ่มนี้"], now: F.now)
            let groups = try await use.groups()
            #expect(groups.count == 10)
            #expect(groups.map(\.displayName).prefix(2) == ["กลุ่มที่ 1 การเบิกจ่าย", "กลุ่มที่ 2"])
        }
    }
}
