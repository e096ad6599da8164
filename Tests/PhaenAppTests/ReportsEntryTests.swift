import Foundation
import Testing
import PhaenCore
import PhaenStore
@testable import PhaenApp

/// The report use case on a real (temporary SQLite) store with the demo dataset.
@Suite struct ReportsEntryTests {
    typealias F = ReportsFixture

    @Test("Thai digits with commas are read; 12..5 comes back as a Thai field error with the form as typed")
    func parsing() async throws {
        try await F.with { f in
            let bad = ReportForm(value: "12..5", narrative: "ทำแล้ว <script>", supportingProjects: "โครงการ ก\nโครงการ ข")
            do {
                _ = try await f.entry.save(person: f.reporter, ref: f.ref(), form: bad, expectedVersion: nil, now: F.now)
                Issue.record("12..5 was accepted")
            } catch let errors as ReportFormErrors {
                #expect(errors.fields["value"]?.contains("12..5") == true)
                #expect(errors.form == bad)
                #expect(!errors.isStale)
            }
            #expect(try await f.store.storedReport(unitCode: F.unit, fiscalYear: F.year, round: .quarter(1), kpiCode: F.traffy) == nil)

            let good = ReportForm(value: "๑๒,๓๔๕.๖๗", supportingProjects: "โครงการ ก\n\n  โครงการ ข  ", factors: "ก\nข")
            let version = try await f.entry.save(person: f.reporter, ref: f.ref(), form: good, expectedVersion: nil, now: F.now)
            #expect(version == 1)
            let view = try await f.entry.load(person: f.reporter, unit: F.unit, year: F.year, round: "q1", kpi: F.traffy)
            #expect(view.report.value == Decimal(string: "12345.67"))
            #expect(view.report.supportingProjects.map(\.name) == ["โครงการ ก", "โครงการ ข"])
            #expect(view.form.value == "๑๒,๓๔๕.๖๗")   // shown as typed
            #expect(view.version == 1 && view.editable)

            do {
                _ = try await f.entry.save(person: f.reporter, ref: f.ref(F.judged), form: ReportForm(claimedLevel: "๖"),
                                           expectedVersion: nil, now: F.now)
                Issue.record("level 6 accepted")
            } catch let errors as ReportFormErrors { #expect(errors.fields["claimedLevel"] != nil) }
        }
    }

    @Test("a stale version keeps what the person typed and says so in Thai")
    func staleVersion() async throws {
        try await F.with { f in
            let v1 = try await f.entry.save(person: f.reporter, ref: f.ref(), form: ReportForm(value: "50"), expectedVersion: nil, now: F.now)
            let v2 = try await f.entry.save(person: f.reporter, ref: f.ref(), form: ReportForm(value: "60"), expectedVersion: v1, now: F.now)
            #expect(v2 == v1 + 1)
            let late = ReportForm(value: "70", narrative: "ข้อความที่พิมพ์ไว้")
            for expected in [v1, nil] as [Int?] {
                do {
                    _ = try await f.entry.save(person: f.reporter, ref: f.ref(), form: late, expectedVersion: expected, now: F.now)
                    Issue.record("stale save accepted")
                } catch let errors as ReportFormErrors {
                    #expect(errors.isStale && errors.currentVersion == v2)
                    #expect(errors.message?.hasPrefix("มีผู้อื่นแก้ไขรายงานนี้ระหว่างที่คุณกรอก") == true)
                    #expect(errors.form == late)
                }
            }
            let view = try await f.entry.load(person: f.reporter, ref: f.ref())
            #expect(view.report.value == 60)
        }
    }

    @Test("the whole workflow: submit, certify, return with a reason the reporter sees, fix, resubmit, accept, lock")
    func workflow() async throws {
        try await F.with { f in
            let e = f.entry, ref = f.ref()
            var v = try await e.save(person: f.reporter, ref: ref, form: ReportForm(value: "ร้อยละ ๗๒"), expectedVersion: nil, now: F.now)
            var view = try await e.load(person: f.reporter, ref: ref)
            #expect(view.preview?.level == 4 && view.preview?.weightedScore == 16 && view.preview?.rule == "threshold")
            #expect(view.available == [.submission])

            // The head may not submit; a return needs a reason.
            await #expect(throws: WorkflowError.self) {
                _ = try await e.transition(person: f.head, ref: ref, transition: .submission, reason: nil, expectedVersion: v, now: F.now)
            }
            v = try await e.transition(person: f.reporter, ref: ref, transition: .submission, reason: nil, expectedVersion: v, now: F.now)
            // Frozen once submitted.
            await #expect(throws: ReportFormErrors.self) {
                _ = try await e.save(person: f.reporter, ref: ref, form: ReportForm(value: "1"), expectedVersion: v - 1, now: F.now)
            }
            await #expect(throws: ReportRefusal.self) {
                _ = try await e.save(person: f.reporter, ref: ref, form: ReportForm(value: "1"), expectedVersion: v, now: F.now)
            }
            #expect(try await e.load(person: f.head, ref: ref).available == [.certification, .return])
            v = try await e.transition(person: f.head, ref: ref, transition: .certification, reason: nil, expectedVersion: v, now: F.now)
            do {
                _ = try await e.transition(person: f.evaluator, ref: ref, transition: .return, reason: "  ", expectedVersion: v, now: F.now)
                Issue.record("return without reason")
            } catch let error as WorkflowError { #expect(error.kind == .reasonRequired) }
            // A stale transition is refused with the current version.
            do {
                _ = try await e.transition(person: f.evaluator, ref: ref, transition: .acceptance, reason: nil, expectedVersion: v - 1, now: F.now)
                Issue.record("stale transition accepted")
            } catch let refusal as ReportRefusal { #expect(refusal.kind == .staleVersion(current: v)) }

            let reason = "หลักฐานไม่ครบ: แนบรายงานจากระบบ Traffy Fondue"
            v = try await e.transition(person: f.evaluator, ref: ref, transition: .return, reason: reason, expectedVersion: v, now: F.now)
            view = try await e.load(person: f.reporter, ref: ref)
            #expect(view.state == .draft && view.editable)
            #expect(view.returnReason?.reason == reason && view.returnReason?.actor == "evaluator")

            v = try await e.save(person: f.reporter, ref: ref, form: ReportForm(value: "76", narrative: "แนบแล้ว"), expectedVersion: v, now: F.now)
            v = try await e.transition(person: f.reporter, ref: ref, transition: .submission, reason: nil, expectedVersion: v, now: F.now)
            v = try await e.transition(person: f.head, ref: ref, transition: .certification, reason: nil, expectedVersion: v, now: F.now)
            #expect(try await e.load(person: f.evaluator, ref: ref).available == [.acceptance, .return])
            v = try await e.transition(person: f.evaluator, ref: ref, transition: .acceptance, reason: nil, expectedVersion: v, now: F.now)
            v = try await e.transition(person: f.evaluator, ref: ref, transition: .lock, reason: nil, expectedVersion: v, now: F.now)

            view = try await e.load(person: f.executive, ref: ref)
            #expect(view.state == .locked && view.returnReason == nil && view.available.isEmpty && !view.editable)
            #expect(view.events.map(\.transition) == [.submission, .certification, .return, .submission, .certification, .acceptance, .lock])
            #expect(view.preview?.level == 5 && view.preview?.weightedScore == 20)
            #expect(view.audit.map(\.action).filter { $0 == "save" }.count == 2)
            #expect(view.audit.contains { $0.action == "return" && $0.actor == "evaluator" })
        }
    }

    @Test("access: a foreign reporter and an executive on a draft get not-found; a head may not edit")
    func access() async throws {
        try await F.with { f in
            let ref = f.ref()
            for person in [f.foreignReporter, f.executive] {
                do { _ = try await f.entry.load(person: person, ref: ref); Issue.record("\(person.role) read an unsaved draft") }
                catch let error as AppError { #expect(error.kind == .notFound) }
            }
            let v = try await f.entry.save(person: f.reporter, ref: ref, form: ReportForm(value: "70"), expectedVersion: nil, now: F.now)
            for person in [f.foreignReporter, f.executive] {
                await #expect(throws: AppError.self) { _ = try await f.entry.load(person: person, ref: ref) }
                await #expect(throws: AppError.self) {
                    _ = try await f.entry.save(person: person, ref: ref, form: ReportForm(), expectedVersion: v, now: F.now)
                }
            }
            // The foreign reporter cannot even learn that the report exists by transitioning it.
            await #expect(throws: AppError.self) {
                _ = try await f.entry.transition(person: f.foreignReporter, ref: ref, transition: .submission, reason: nil,
                                                 expectedVersion: v, now: F.now)
            }
            do {
                _ = try await f.entry.save(person: f.head, ref: ref, form: ReportForm(value: "1"), expectedVersion: v, now: F.now)
                Issue.record("head edited the report")
            } catch let refusal as ReportRefusal { #expect(refusal.kind == .notAllowed) }
            #expect(try await f.entry.load(person: f.evaluator, ref: ref).report.value == 70)

            // Once submitted the executive reads it.
            _ = try await f.entry.transition(person: f.reporter, ref: ref, transition: .submission, reason: nil, expectedVersion: v, now: F.now)
            #expect(try await f.entry.load(person: f.executive, ref: ref).state == .submitted)
            await #expect(throws: AppError.self) { _ = try await f.entry.load(person: f.foreignReporter, ref: ref) }
        }
    }

    @Test("an unknown round is invalid input and an unknown KPI not found, both in Thai")
    func unknownRoundAndKPI() async throws {
        try await F.with { f in
            do { _ = try await f.entry.load(person: f.reporter, unit: F.unit, year: F.year, round: "q5", kpi: F.traffy); Issue.record("q5") }
            catch let error as AppError { #expect(error.kind == .invalidInput && error.messageTH.contains("q5")) }
            do { _ = try await f.entry.load(person: f.reporter, unit: F.unit, year: F.year, round: "q1", kpi: "9.9"); Issue.record("9.9") }
            catch let error as AppError { #expect(error.kind == .notFound && error.messageTH.contains("9.9")) }
        }
    }

    @Test("year-end below level 5 needs the explanation")
    func yearEndExplanation() async throws {
        try await F.with { f in
            let ref = f.ref(round: .yearEnd)
            do {
                _ = try await f.entry.save(person: f.reporter, ref: ref, form: ReportForm(value: "62"), expectedVersion: nil, now: F.now)
                Issue.record("no explanation required")
            } catch let errors as ReportFormErrors {
                #expect(errors.fields["explanation"]?.contains("คำชี้แจง") == true)
                #expect(errors.form.value == "62")
            }
            #expect(try await f.entry.save(person: f.reporter, ref: ref, form: ReportForm(value: "62", explanation: "ฝนตกหนัก"),
                                           expectedVersion: nil, now: F.now) == 1)
            // At level 5 none is needed; on a quarter none either.
            #expect(try await f.entry.save(person: f.reporter, ref: f.ref(round: .quarter(2)), form: ReportForm(value: "62"),
                                           expectedVersion: nil, now: F.now) == 1)
        }
    }

    @Test("preview computes without saving, and reports unreadable numbers")
    func preview() async throws {
        try await F.with { f in
            let p = try await f.entry.preview(person: f.reporter, ref: f.ref(), form: ReportForm(value: "๗๒"))
            #expect(p.level == 4 && p.points == 80 && p.weightedScore == 16 && p.explanation.contains("72"))
            let low = try await f.entry.preview(person: f.reporter, ref: f.ref(), form: ReportForm(value: "58"))
            #expect(low.level == 1 && low.weightedScore == 4)
            let judged = try await f.entry.preview(person: f.reporter, ref: f.ref(F.judged), form: ReportForm(claimedLevel: "3"))
            #expect(judged.level == 3 && judged.weightedScore == 6 && judged.rule == "judged")
            let bad = try await f.entry.preview(person: f.reporter, ref: f.ref(), form: ReportForm(value: "12..5"))
            #expect(bad.level == nil && bad.errors["value"] != nil)
            #expect(try await f.store.storedReport(unitCode: F.unit, fiscalYear: F.year, round: .quarter(1), kpiCode: F.traffy) == nil)
        }
    }

    @Test("evidence: type by content, size limit, stored under its hash, served only to readers")
    func evidence() async throws {
        try await F.with { f in
            let ref = f.ref()
            let pdf = Data("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".utf8)
            let file = try await f.entry.addEvidence(person: f.reporter, ref: ref, filename: "../../etc/หนังสือ กท ๐๔๐๙.pdf", data: pdf, now: F.now)
            #expect(file.contentType == "application/pdf" && file.size == pdf.count && file.originalName == "หนังสือ กท ๐๔๐๙.pdf")
            let stored = f.directory.appendingPathComponent("evidence").appendingPathComponent(file.sha256)
            #expect(try Data(contentsOf: stored) == pdf)

            let (served, url) = try await f.entry.evidenceFile(person: f.reporter, id: file.id)
            #expect(served.id == file.id && url == stored)
            await #expect(throws: AppError.self) { _ = try await f.entry.evidenceFile(person: f.foreignReporter, id: file.id) }
            // No saved report yet: it is a draft, which an executive may not read.
            await #expect(throws: AppError.self) { _ = try await f.entry.evidenceFile(person: f.executive, id: file.id) }
            #expect(try await f.entry.load(person: f.reporter, ref: ref).evidence.map(\.id) == [file.id])

            do {
                _ = try await f.entry.addEvidence(person: f.reporter, ref: ref, filename: "scan.pdf",
                                                  data: Data("just text, named .pdf".utf8), now: F.now)
                Issue.record("text accepted as PDF")
            } catch let rejection as EvidenceRejection { #expect(rejection.kind == .unsupportedType) }
            let plainZip = makeZip(["a.txt"])
            await #expect(throws: EvidenceRejection.self) {
                _ = try await f.entry.addEvidence(person: f.reporter, ref: ref, filename: "a.docx", data: plainZip, now: F.now)
            }
            let docx = try await f.entry.addEvidence(person: f.reporter, ref: ref, filename: "รายงาน.docx",
                                                     data: makeZip(["[Content_Types].xml", "word/document.xml"]), now: F.now)
            #expect(docx.contentType == EvidenceSniffer.docx)

            let small = ReportEntry(store: f.store, evidenceDirectory: f.directory, evidenceLimit: 1024)
            do {
                _ = try await small.addEvidence(person: f.reporter, ref: ref, filename: "big.pdf",
                                                data: pdf + Data(repeating: 0x20, count: 2048), now: F.now)
                Issue.record("size limit not enforced")
            } catch let rejection as EvidenceRejection { #expect(rejection.kind == .tooLarge) }
            await #expect(throws: ReportRefusal.self) {
                _ = try await f.entry.addEvidence(person: f.head, ref: ref, filename: "x.pdf", data: pdf, now: F.now)
            }
            await #expect(throws: AppError.self) {
                _ = try await f.entry.addEvidence(person: f.foreignReporter, ref: ref, filename: "x.pdf", data: pdf, now: F.now)
            }
        }
    }

    @Test("content sniffing of each accepted type")
    func sniffing() {
        #expect(EvidenceSniffer.contentType(of: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])) == "image/png")
        #expect(EvidenceSniffer.contentType(of: Data([0xFF, 0xD8, 0xFF, 0xE0])) == "image/jpeg")
        #expect(EvidenceSniffer.contentType(of: Data("GIF89a....".utf8)) == "image/gif")
        #expect(EvidenceSniffer.contentType(of: makeZip(["[Content_Types].xml", "xl/workbook.xml"])) == EvidenceSniffer.xlsx)
        #expect(EvidenceSniffer.contentType(of: Data("<html><script>".utf8)) == nil)
        #expect(EvidenceSniffer.contentType(of: Data([0x50, 0x4B, 0x03, 0x04, 1, 2])) == nil)  // truncated zip
        #expect(EvidenceSniffer.contentType(of: Data()) == nil)
    }

    @Test("the year grid shows states; drafts are blank to an executive")
    func yearGrid() async throws {
        try await F.with { f in
            let today = CivilDate(year: 2024, month: 1, day: 20)
            let v = try await f.entry.save(person: f.reporter, ref: f.ref(), form: ReportForm(value: "70"), expectedVersion: nil, now: F.now)
            _ = try await f.entry.save(person: f.reporter, ref: f.ref(F.judged), form: ReportForm(claimedLevel: "2"), expectedVersion: nil, now: F.now)
            _ = try await f.entry.transition(person: f.reporter, ref: f.ref(), transition: .submission, reason: nil, expectedVersion: v, now: F.now)
            let grid = try await f.entry.year(person: f.reporter, unit: F.unit, year: F.year, today: today)
            #expect(grid.rows.count == 6 && grid.rounds.first == .quarter(1) && grid.rounds.last == .yearEnd)
            func cell(_ g: ReportYearView, _ kpi: String) -> ReportCell? { g.rows.first { $0.kpiCode == kpi }?.cells.first }
            #expect(cell(grid, F.traffy)?.state == .submitted && cell(grid, F.traffy)?.late == false)
            #expect(cell(grid, F.judged)?.state == .draft && cell(grid, F.judged)?.late == true)
            let executive = try await f.entry.year(person: f.executive, unit: F.unit, year: F.year, today: today)
            #expect(cell(executive, F.judged)?.state == nil && cell(executive, F.judged)?.linkable == false)
            #expect(cell(executive, F.traffy)?.linkable == true)
            await #expect(throws: AppError.self) { _ = try await f.entry.year(person: f.foreignReporter, unit: F.unit, year: F.year, today: today) }
        }
    }
}
