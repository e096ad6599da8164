import Foundation
import PhaenCore
import SQLKit
import Testing
@testable import PhaenStore

/// Directive follow-up and innovations (migration 6) on both engines: registration with its
/// audit entry, unknown units and duplicate ids refused with nothing written, status history
/// kept row by row and checked by the state machine inside the write, access at the query,
/// group names, innovations saved with a stale-record check.
@Suite("Directive follow-up store") struct DirectiveStoreTests {
    typealias S = SampleDataset
    static let now = Date(timeIntervalSince1970: 1_717_000_000)

    static func directive(_ id: String, units: [String]) -> Directive {
        Directive(id: id, source: .inspector, fiscalYear: FiscalYear(2566), inspectionRound: 1, text: "เร่งรัดการเบิกจ่าย",
                  group: 2, factors: [.budget], addressedUnits: units)
    }

    @Test("register, report, history and access", arguments: TestEngines.all)
    func registerAndReport(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            _ = try await store.importDataset(try S.make())
            // The sample's imported report moved to the history table.
            #expect(try await store.directiveReports(directiveID: "2567-01").count == 1)

            let d = Self.directive("2566-1-01", units: [S.district, S.division])
            try await store.registerDirective(d, actor: "inspector", at: Self.now)
            #expect(try await store.directive(id: d.id) == d)
            await #expect(throws: StoreConflict.duplicate("มีข้อสั่งการเลขที่ 2566-1-01 อยู่แล้ว")) {
                try await store.registerDirective(d, actor: "inspector", at: Self.now)
            }
            // A register with one bad unit writes none of its directives.
            let good = Self.directive("2566-1-02", units: [S.district])
            let bad = Self.directive("2566-1-03", units: ["9999"])
            await #expect(throws: StoreConflict.notFound("ไม่พบหน่วยงานรหัส 9999")) {
                try await store.registerDirectives([good, bad], actor: "inspector", at: Self.now)
            }
            #expect(try await store.directive(id: good.id) == nil)

            // Access at the query.
            #expect(try await store.directives(addressedTo: [S.district], fiscalYear: FiscalYear(2566)).map(\.id) == [d.id])
            #expect(try await store.directives(addressedTo: ["1022"]).isEmpty)
            #expect(try await store.directives(addressedTo: nil).count == 2)

            let first = DirectiveReport(directiveID: d.id, unitCode: S.district, status: .inProgress,
                                        date: CivilDate(year: 2024, month: 2, day: 1), details: "ประชุมแล้ว")
            try await store.recordDirectiveReport(first, actor: "rep", at: Self.now)
            var done = first
            done.status = .done
            try await store.recordDirectiveReport(done, actor: "rep", at: Self.now.addingTimeInterval(60))
            // Closed: refused inside the write, nothing added.
            await #expect(throws: DirectiveRefusals.self) { try await store.recordDirectiveReport(first, actor: "rep", at: Self.now) }
            var notAddressed = first
            notAddressed.unitCode = "1022"
            await #expect(throws: StoreConflict.self) { try await store.recordDirectiveReport(notAddressed, actor: "rep", at: Self.now) }

            let history = try await store.directiveReports(directiveIDs: [d.id], units: nil)
            #expect(history.map(\.status) == [.inProgress, .done])
            #expect(history.last?.reportedBy == "rep" && history.last?.reportedAt == Self.now.addingTimeInterval(60))
            #expect(try await store.directiveReports(directiveIDs: [d.id], units: [S.division]).isEmpty)
            let audit = try await store.audit(objectKind: "directive-status", objectKey: "\(d.id)/\(S.district)")
            #expect(audit.map(\.action) == ["inProgress", "done"])
            #expect(audit[0].before == nil && audit[1].before != nil)
            #expect(try await store.audit(objectKind: "directive", objectKey: d.id).map(\.action) == ["register"])

            // Re-importing the sample adds no second copy of its report.
            #expect(try await store.importDataset(try S.make()).written == 0)
        }
    }

    @Test("migration 6 keeps the reports migration 1 stored, as history", arguments: TestEngines.all)
    func migrationKeepsOldReports(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            let before = Migrations.all.filter { $0.number < 6 }
            _ = try await Migrator(pool: store.pool, migrations: before).migrate()
            let d = Self.directive("2566-1-09", units: [S.district])
            let old = DirectiveReport(directiveID: d.id, unitCode: S.district, status: .inProgress,
                                      date: CivilDate(year: 2024, month: 2, day: 1), details: "ก่อนปรับโครงสร้าง")
            try await store.pool.write(changesData: false) { db in
                try await db.insert(into: "units").columns("code", "kind", "name_th", "body")
                    .values(SQLBind(S.district), SQLBind("district"), SQLBind("สำนักงานเขต"), SQLBind(try JSONBody.encode(S.units[1]))).run()
                try await db.insert([try DirectiveRow(d)], into: "directives")
                try await db.insert([DirectiveUnitRow(directiveId: d.id, position: 0, unitCode: S.district)], into: "directive_units")
                try await db.insert(into: "directive_reports").columns("directive_id", "unit_code", "date", "status", "body")
                    .values(SQLBind(d.id), SQLBind(S.district), SQLBind("2024-02-01"), SQLBind("inProgress"), SQLBind(try JSONBody.encode(old))).run()
            }
            #expect(try await store.migrate() == [6])
            #expect(try await store.directiveReports(directiveIDs: [d.id], units: nil) == [old])
            // The history goes on from there.
            var done = old
            done.status = .done
            try await store.recordDirectiveReport(done, actor: "rep", at: Self.now)
            #expect(try await store.directiveReports(directiveIDs: [d.id], units: nil).map(\.status) == [.inProgress, .done])
        }
    }

    @Test("group names and innovations", arguments: TestEngines.all)
    func groupsAndInnovations(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            _ = try await store.importDataset(try S.make())
            #expect(try await store.directiveGroupNames().isEmpty)
            try await store.saveDirectiveGroupNames([1: "การบริหารงานบุคคล", 2: " "], actor: "admin", at: Self.now)
            #expect(try await store.directiveGroupNames() == [1: "การบริหารงานบุคคล"])
            #expect(try await store.audit(objectKind: "directive-groups", objectKey: "groups").count == 1)

            let new = Innovation(unitCode: S.district, fiscalYear: S.year, title: "ระบบติดตามข้อสั่งการ",
                                 forms: [.init(number: 1, summary: "แนวคิด 3 เรื่อง", ideas: ["ฝ่ายปกครอง: ระบบติดตาม"])])
            try await store.saveInnovation(new, expected: nil, action: "create", actor: "rep", at: Self.now)
            await #expect(throws: StoreConflict.self) {
                try await store.saveInnovation(new, expected: nil, action: "create", actor: "rep", at: Self.now)
            }
            var changed = new
            changed.status = .trial
            try await store.saveInnovation(changed, expected: new, action: "status", actor: "rep", at: Self.now)
            // Saved on the old record: stale.
            await #expect(throws: StoreConflict.self) {
                try await store.saveInnovation(new, expected: new, action: "status", actor: "rep", at: Self.now)
            }
            #expect(try await store.innovation(unitCode: S.district, fiscalYear: S.year, title: new.title) == changed)
            let key = "\(S.district)/\(S.year.be)/\(new.title)"
            #expect(try await store.audit(objectKind: "innovation", objectKey: key).map(\.action) == ["create", "status"])
        }
    }
}
