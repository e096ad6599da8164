import Foundation
import Testing
@testable import PhaenCore

@Suite struct WorkflowTests {
    let reporter = Person(userID: 1, username: "rep", role: .reporter, unitCode: "1022")
    let head = Person(userID: 2, username: "head", role: .head, unitCode: "1022")
    let evaluator = Person(userID: 3, username: "eval", role: .evaluator, unitCode: nil)
    let foreignReporter = Person(userID: 4, username: "rep2", role: .reporter, unitCode: "1016")
    let executive = Person(userID: 5, username: "exec", role: .executive, unitCode: nil)
    let at = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("the whole path: draft → submitted → certified → returned → submitted → certified → accepted → locked")
    func happyPath() throws {
        var state = ReportState.draft
        for (t, who) in [(ReportTransition.submission, reporter), (.certification, head)] {
            state = try ReportWorkflow.apply(t, to: state, actor: who, unit: "1022", at: at).to
        }
        #expect(state == .certified)
        let returned = try ReportWorkflow.apply(.return, to: state, actor: evaluator, unit: "1022", at: at, reason: "  แนบหลักฐานไม่ครบ ")
        #expect(returned.to == .draft && returned.reason == "แนบหลักฐานไม่ครบ")
        state = returned.to
        for (t, who) in [(ReportTransition.submission, reporter), (.certification, head), (.acceptance, evaluator), (.lock, evaluator)] {
            state = try ReportWorkflow.apply(t, to: state, actor: who, unit: "1022", at: at).to
        }
        #expect(state == .locked)
    }

    @Test("refusals name the reason: wrong state, wrong role or unit, missing reason")
    func refusals() {
        #expect(throws: WorkflowError.self) { try ReportWorkflow.apply(.certification, to: .draft, actor: head, unit: "1022", at: at) }
        do {
            _ = try ReportWorkflow.apply(.certification, to: .draft, actor: head, unit: "1022", at: at)
        } catch { #expect(error.kind == .wrongState && error.messageTH.contains("ร่าง")) }
        do {
            _ = try ReportWorkflow.apply(.submission, to: .draft, actor: foreignReporter, unit: "1022", at: at)
        } catch { #expect(error.kind == .notAllowed) }
        do {
            _ = try ReportWorkflow.apply(.acceptance, to: .certified, actor: head, unit: "1022", at: at)
        } catch { #expect(error.kind == .notAllowed) }
        do {
            _ = try ReportWorkflow.apply(.return, to: .certified, actor: evaluator, unit: "1022", at: at, reason: "   ")
        } catch { #expect(error.kind == .reasonRequired) }
    }

    @Test("available transitions per role and state")
    func available() {
        #expect(ReportWorkflow.available(actor: reporter, unit: "1022", state: .draft) == [.submission])
        #expect(ReportWorkflow.available(actor: head, unit: "1022", state: .submitted) == [.certification, .return])
        #expect(ReportWorkflow.available(actor: head, unit: "1022", state: .certified).isEmpty)
        #expect(ReportWorkflow.available(actor: evaluator, unit: "1022", state: .certified) == [.acceptance, .return])
        #expect(ReportWorkflow.available(actor: executive, unit: "1022", state: .certified).isEmpty)
        #expect(ReportWorkflow.available(actor: foreignReporter, unit: "1022", state: .draft).isEmpty)
    }

    @Test("access: unit roles see their own unit; executives read all but no drafts of others")
    func access() {
        #expect(AccessPolicy.visibleUnits(reporter) == ["1022"])
        #expect(AccessPolicy.visibleUnits(evaluator) == nil)
        #expect(AccessPolicy.canRead(executive, unit: "1016") && !AccessPolicy.canReadDraft(executive, unit: "1016"))
        #expect(!AccessPolicy.canRead(foreignReporter, unit: "1022"))
        #expect(AccessPolicy.canReadDraft(evaluator, unit: "1022") && AccessPolicy.canReadDraft(head, unit: "1022"))
        #expect(AccessPolicy.canEditReports(reporter, unit: "1022") && !AccessPolicy.canEditReports(head, unit: "1022"))
    }
}
