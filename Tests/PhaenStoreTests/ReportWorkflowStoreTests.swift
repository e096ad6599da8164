import Foundation
import PhaenCore
import PhaenImport
import Testing
@testable import PhaenStore

/// Reports with optimistic versions and workflow history, the audit trail, evidence files,
/// plan and agreement saves (migration 2) on both engines.
@Suite("Report workflow") struct ReportWorkflowStoreTests {
    typealias S = SampleDataset
    static let now = Date(timeIntervalSince1970: 1_717_000_000)

    /// A migrated store holding the sample dataset.
    private func withSample(_ engine: StoreEngine, _ body: (PhaenStore) async throws -> Void) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            _ = try await store.importDataset(try S.make())
            try await body(store)
        }
    }

    private static let reporter = Person(userID: 1, username: "somchai", role: .reporter, unitCode: S.district)
    private static let head = Person(userID: 2, username: "somsri", role: .head, unitCode: S.district)
    private static let evaluator = Person(userID: 3, username: "prasit", role: .evaluator, unitCode: nil)

    private func json(_ report: ProgressReport) throws -> String { try JSONBody.encode(report) }

    @Test("saveReport creates, updates, and refuses a stale version", arguments: TestEngines.all)
    func saveReport(engine: StoreEngine) async throws {
        try await withSample(engine) { store in
            var report = ProgressReport(unitCode: S.district, fiscalYear: S.year, round: .yearEnd, kpiCode: "1.1",
                                        value: Decimal(string: "87.5")!, narrative: "ดำเนินการครบ")
            #expect(try await store.storedReport(unitCode: S.district, fiscalYear: S.year, round: .yearEnd, kpiCode: "1.1") == nil)
            #expect(try await store.saveReport(report, expectedVersion: nil, actor: "somchai", now: Self.now) == 1)
            // Creating again: someone else created it meanwhile.
            await #expect(throws: StoreConflict.staleVersion(current: 1)) {
                _ = try await store.saveReport(report, expectedVersion: nil, actor: "somsri", now: Self.now)
            }
            let created = try #require(try await store.storedReport(unitCode: S.district, fiscalYear: S.year, round: .yearEnd, kpiCode: "1.1"))
            #expect(created == StoredReport(report: report, version: 1, events: [], updatedAt: Self.now))

            var edited = report
            edited.value = Decimal(string: "88.25")!
            let later = Self.now.addingTimeInterval(90)
            #expect(try await store.saveReport(edited, expectedVersion: 1, actor: "somchai", now: later) == 2)
            await #expect(throws: StoreConflict.staleVersion(current: 2)) {
                _ = try await store.saveReport(report, expectedVersion: 1, actor: "somsri", now: later)
            }
            let updated = try #require(try await store.storedReport(unitCode: S.district, fiscalYear: S.year, round: .yearEnd, kpiCode: "1.1"))
            #expect(updated.report == edited && updated.version == 2 && updated.updatedAt == later)
            #expect(try await store.reports(unitCode: S.district, fiscalYear: S.year).contains(edited))

            let audit = try await store.audit(objectKind: "report", objectKey: "1016/2567/ye/1.1")
            #expect(audit.map(\.action) == ["save", "save"])
            #expect(audit.map(\.actor) == ["somchai", "somchai"])
            #expect(audit.map(\.at) == [Self.now, later])
            let (reportJSON, editedJSON) = (try json(report), try json(edited))
            #expect(audit.map(\.before) == [nil, reportJSON])
            #expect(audit.map(\.after) == [reportJSON, editedJSON])

            report.kpiCode = "9.9"
            await #expect(throws: StoreConflict.notFound("ไม่พบรายงาน 1016/2567/ye/9.9")) {
                _ = try await store.saveReport(report, expectedVersion: 1, actor: "somchai", now: later)
            }
            report.unitCode = "9999"
            await #expect(throws: StoreConflict.notFound("ไม่พบหน่วยงานรหัส 9999")) {
                _ = try await store.saveReport(report, expectedVersion: nil, actor: "somchai", now: later)
            }
        }
    }

    @Test("of two writers with the same expected version, the second gets staleVersion", arguments: TestEngines.all)
    func twoWriters(engine: StoreEngine) async throws {
        try await withSample(engine) { store in
            let stored = try #require(try await store.storedReport(unitCode: S.district, fiscalYear: S.year, round: .halfYear, kpiCode: "2.1"))
            #expect(stored.version == 1 && stored.updatedAt == nil)
            let outcomes = await withTaskGroup(of: Result<Int, any Error>.self) { group in
                for writer in ["somchai", "somsri"] {
                    var report = stored.report
                    report.narrative = "แก้โดย \(writer)"
                    group.addTask {
                        do { return .success(try await store.saveReport(report, expectedVersion: 1, actor: writer, now: Self.now)) }
                        catch { return .failure(error) }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.compactMap { try? $0.get() } == [2])
            let failures = outcomes.compactMap { outcome -> StoreConflict? in
                if case .failure(let error) = outcome { return error as? StoreConflict } else { return nil }
            }
            #expect(failures == [.staleVersion(current: 2)])
            #expect(try await store.audit(objectKind: "report", objectKey: "1016/2567/h1/2.1").count == 1)
        }
    }

    @Test("recordTransition moves the state, keeps the history and survives re-import", arguments: TestEngines.all)
    func transitions(engine: StoreEngine) async throws {
        try await withSample(engine) { store in
            let key = (unitCode: S.district, fiscalYear: S.year, round: ReportingRound.halfYear, kpiCode: "2.1")
            func read() async throws -> StoredReport {
                try #require(try await store.storedReport(unitCode: key.unitCode, fiscalYear: key.fiscalYear, round: key.round, kpiCode: key.kpiCode))
            }
            func record(_ event: ReportEvent, expecting version: Int) async throws -> Int {
                try await store.recordTransition(unitCode: key.unitCode, fiscalYear: key.fiscalYear, round: key.round,
                                                 kpiCode: key.kpiCode, event: event, expectedVersion: version)
            }
            let start = try await read()
            #expect(start.report.state == .draft)
            // Times with fractions: events keep them exactly (they are JSON of the Core value).
            let t1 = Self.now.addingTimeInterval(0.25), t2 = Self.now.addingTimeInterval(3600.5)
            let submit = try ReportWorkflow.apply(.submission, to: .draft, actor: Self.reporter, unit: S.district, at: t1)
            #expect(try await record(submit, expecting: 1) == 2)
            await #expect(throws: StoreConflict.staleVersion(current: 2)) { _ = try await record(submit, expecting: 1) }
            let back = try ReportWorkflow.apply(.return, to: .submitted, actor: Self.head, unit: S.district, at: t2, reason: "แนบหลักฐานเพิ่ม")
            #expect(try await record(back, expecting: 2) == 3)

            let after = try await read()
            #expect(after.report.state == .draft && after.version == 3)
            #expect(after.events == [submit, back])
            #expect(after.events[1].reason == "แนบหลักฐานเพิ่ม")
            #expect(after.updatedAt == Self.now.addingTimeInterval(3600))
            var expected = start.report
            expected.state = .draft
            #expect(after.report == expected)

            let audit = try await store.audit(objectKind: "report", objectKey: "1016/2567/h1/2.1")
            #expect(audit.map(\.action) == ["submission", "return"])
            #expect(audit.map(\.actor) == ["somchai", "somsri"])
            var submitted = start.report
            submitted.state = .submitted
            let (startJSON, submittedJSON, draftJSON) = (try json(start.report), try json(submitted), try json(expected))
            #expect(audit.map(\.before) == [startJSON, submittedJSON])
            #expect(audit.map(\.after) == [submittedJSON, draftJSON])

            await #expect(throws: StoreConflict.notFound("ไม่พบรายงาน 1016/2567/ye/2.1")) {
                _ = try await store.recordTransition(unitCode: S.district, fiscalYear: S.year, round: .yearEnd, kpiCode: "2.1",
                                                     event: submit, expectedVersion: 1)
            }

            // Importing the same dataset again leaves the report as the workflow left it.
            let resubmit = try ReportWorkflow.apply(.submission, to: .draft, actor: Self.reporter, unit: S.district, at: t2)
            #expect(try await record(resubmit, expecting: 3) == 4)
            var dataset = try S.make()
            #expect(try await store.importDataset(dataset) == ImportSummary(written: 0, unchanged: S.recordCount))
            #expect(try await read().report.state == .submitted)
            #expect(try await read().version == 4)
            // A dataset that changes the report replaces it; the history stays.
            dataset.reports[1].narrative = "ฉบับแก้ไขในชุดข้อมูล"
            #expect(try await store.importDataset(dataset).written == 1)
            let reimported = try await read()
            #expect(reimported.report == dataset.reports[1] && reimported.version == 5)
            #expect(reimported.events == [submit, back, resubmit])
        }
    }

    @Test("storedReports lists a year's reports of the given units", arguments: TestEngines.all)
    func storedReports(engine: StoreEngine) async throws {
        try await withSample(engine) { store in
            let submit = try ReportWorkflow.apply(.submission, to: .draft, actor: Self.reporter, unit: S.district, at: Self.now)
            _ = try await store.recordTransition(unitCode: S.district, fiscalYear: S.year, round: .halfYear, kpiCode: "2.1",
                                                 event: submit, expectedVersion: 1)
            let all = try await store.storedReports(fiscalYear: S.year, units: nil)
            #expect(all.map(\.report.kpiCode) == ["1.10", "1.1", "2.1"])
            #expect(all.map(\.events.count) == [0, 0, 1])
            #expect(all.map(\.version) == [1, 1, 2])
            #expect(all.map(\.report.state) == [.certified, .submitted, .submitted], "imported reports keep their state")
            #expect(try await store.storedReports(fiscalYear: S.year, units: [S.district]) == all)
            #expect(try await store.storedReports(fiscalYear: S.year, units: [S.division]) == [])
            #expect(try await store.storedReports(fiscalYear: S.year, units: []) == [])
            #expect(try await store.storedReports(fiscalYear: FiscalYear(2568), units: nil) == [])
        }
    }

    @Test("the audit trail reads back oldest first", arguments: TestEngines.all)
    func auditOrder(engine: StoreEngine) async throws {
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            let entries = [
                AuditEntry(at: Self.now.addingTimeInterval(60), actor: "b", objectKind: "user", objectKey: "7", action: "second"),
                AuditEntry(at: Self.now, actor: "a", objectKind: "user", objectKey: "7", action: "first", after: "{\"x\":1}"),
                AuditEntry(at: Self.now.addingTimeInterval(60), actor: "c", objectKind: "user", objectKey: "7", action: "third",
                           before: "{\"x\":1}", after: nil),
                AuditEntry(at: Self.now, actor: "d", objectKind: "user", objectKey: "8", action: "other"),
            ]
            for entry in entries { try await store.appendAudit(entry) }
            let read = try await store.audit(objectKind: "user", objectKey: "7")
            #expect(read.map(\.action) == ["first", "second", "third"], "by time, then in the order appended")
            #expect(read.allSatisfy { $0.id != nil })
            #expect(read.map { var e = $0; e.id = nil; return e } == [entries[1], entries[0], entries[2]])
            #expect(try await store.audit(objectKind: "user", objectKey: "9") == [])
        }
    }

    @Test("evidence files round-trip", arguments: TestEngines.all)
    func evidence(engine: StoreEngine) async throws {
        try await withSample(engine) { store in
            func new(_ name: String) -> NewEvidence {
                NewEvidence(unitCode: S.district, fiscalYear: S.year, round: .month(3), kpiCode: "1.10", originalName: name,
                            contentType: "application/pdf", size: 123_456, sha256: String(repeating: "ab", count: 32), uploadedBy: "somchai")
            }
            let first = try await store.addEvidence(new("หนังสือราชการ ที่ กท ๐๔๐๙.pdf"), now: Self.now.addingTimeInterval(0.9))
            let second = try await store.addEvidence(new("ภาพถ่าย.pdf"), now: Self.now)
            #expect(first.uploadedAt == Self.now && first.round == .month(3) && first.originalName == "หนังสือราชการ ที่ กท ๐๔๐๙.pdf")
            #expect(first.id != second.id)
            #expect(try await store.evidence(id: first.id) == first)
            #expect(try await store.evidence(id: second.id + 100) == nil)
            #expect(try await store.evidenceFiles(unitCode: S.district, fiscalYear: S.year, round: .month(3), kpiCode: "1.10") == [first, second])
            #expect(try await store.evidenceFiles(unitCode: S.district, fiscalYear: S.year, round: .halfYear, kpiCode: "1.10") == [])
            let audit = try await store.audit(objectKind: "evidence", objectKey: "1016/2567/m03/1.10")
            #expect(audit.map(\.action) == ["upload", "upload"])
            #expect(try audit[0].after.map { try JSONBody.decode(EvidenceFile.self, from: $0) } == first)
            var stray = new("x.pdf")
            stray.unitCode = "9999"
            await #expect(throws: StoreConflict.notFound("ไม่พบหน่วยงานรหัส 9999")) { _ = try await store.addEvidence(stray, now: Self.now) }
        }
    }

    @Test("savePlan and saveAgreement write with audit, and survive re-import", arguments: TestEngines.all)
    func planAndAgreement(engine: StoreEngine) async throws {
        try await withSample(engine) { store in
            let original = S.plan
            var plan = original
            plan.vision = ["เขตน่าอยู่ ปลอดภัย"]
            plan.projects.removeLast()
            try await store.savePlan(plan, actor: "somchai", now: Self.now)
            try await store.savePlan(plan, actor: "somchai", now: Self.now)  // unchanged: nothing written
            #expect(try await store.plan(unitCode: S.district, fiscalYear: S.year) == plan)
            let planAudit = try await store.audit(objectKind: "plan", objectKey: "1016/2567")
            #expect(planAudit.count == 1)
            let (originalJSON, planJSON) = (try JSONBody.encode(original), try JSONBody.encode(plan))
            #expect(planAudit.first?.before == originalJSON)
            #expect(planAudit.first?.after == planJSON)

            var agreement = S.agreement
            agreement.components[1].kpis[0].weight = 15
            try await store.saveAgreement(agreement, actor: "prasit", now: Self.now)
            #expect(try await store.agreement(unitCode: S.district, fiscalYear: S.year) == agreement)
            let agreementAudit = try await store.audit(objectKind: "agreement", objectKey: "1016/2567")
            #expect(agreementAudit.map(\.action) == ["save"] && agreementAudit.map(\.actor) == ["prasit"])
            #expect(agreementAudit.first?.before == (try JSONBody.encode(S.agreement)))
            #expect(agreementAudit.first?.after == (try JSONBody.encode(agreement)))

            // New ones (no before), and a unit the database lacks.
            var fresh = plan
            fresh.fiscalYear = FiscalYear(2568)
            try await store.savePlan(fresh, actor: "somchai", now: Self.now)
            #expect(try await store.audit(objectKind: "plan", objectKey: "1016/2568").map(\.before) == [nil])
            fresh.unitCode = "9999"
            await #expect(throws: StoreConflict.notFound("ไม่พบหน่วยงานรหัส 9999")) { try await store.savePlan(fresh, actor: "x", now: Self.now) }

            // Importing the unchanged dataset keeps the edits made in Phaen.
            #expect(try await store.importDataset(try S.make()).written == 0)
            #expect(try await store.plan(unitCode: S.district, fiscalYear: S.year) == plan)
            #expect(try await store.agreement(unitCode: S.district, fiscalYear: S.year) == agreement)
        }
    }

    @Test("demo reports keep their state and their history across re-seeding", arguments: TestEngines.all)
    func demoReseed(engine: StoreEngine) async throws {
        let dataset = try DemoDataset.load()
        let report = try #require(dataset.reports.first { $0.state == .draft } ?? dataset.reports.first)
        try await withFreshStore(engine) { store in
            _ = try await store.migrate()
            _ = try await store.importDataset(dataset)
            let stored = try await store.storedReports(fiscalYear: report.fiscalYear, units: nil)
            let imported = Dictionary(uniqueKeysWithValues: dataset.reports.filter { $0.fiscalYear == report.fiscalYear }
                .map { ("\($0.unitCode)/\($0.round.code)/\($0.kpiCode)", $0.state) })
            #expect(Dictionary(uniqueKeysWithValues: stored.map { ("\($0.report.unitCode)/\($0.report.round.code)/\($0.report.kpiCode)", $0.report.state) })
                    == imported)

            let event = ReportEvent(transition: .lock, from: report.state, to: .locked, actor: "prasit", role: .evaluator, at: Self.now)
            _ = try await store.recordTransition(unitCode: report.unitCode, fiscalYear: report.fiscalYear, round: report.round,
                                                 kpiCode: report.kpiCode, event: event, expectedVersion: 1)
            #expect(try await store.importDataset(dataset).written == 0)
            let after = try #require(try await store.storedReport(unitCode: report.unitCode, fiscalYear: report.fiscalYear,
                                                                   round: report.round, kpiCode: report.kpiCode))
            #expect(after.report.state == .locked && after.events == [event])
        }
    }
}
