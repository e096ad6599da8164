import Foundation
import Testing
@testable import PhaenCore

@Suite struct DirectiveFollowUpTests {
    static func report(_ status: DirectiveStatus, details: String? = "ประชุมชี้แจงแล้ว", reason: String? = nil,
                       unit: String = "1022", directive: String = "D1") -> DirectiveReport {
        DirectiveReport(directiveID: directive, unitCode: unit, status: status, date: CivilDate(year: 2024, month: 1, day: 15),
                        details: details, reason: reason)
    }

    @Test func aPairStartsNotReportedAndMayBeReportedAnyStatus() throws {
        #expect(DirectiveStatusMachine.status(after: []) == .notReported)
        for status in [DirectiveStatus.inProgress, .done] {
            try DirectiveStatusMachine.check(current: .notReported, report: Self.report(status))
        }
        try DirectiveStatusMachine.check(current: .notReported, report: Self.report(.cannotBeDone, reason: "ขัดข้อบัญญัติ"))
        // In progress may be reported again (a new row of history), then closed.
        try DirectiveStatusMachine.check(current: .inProgress, report: Self.report(.inProgress))
        try DirectiveStatusMachine.check(current: .inProgress, report: Self.report(.done))
        #expect(DirectiveStatusMachine.status(after: [Self.report(.inProgress), Self.report(.done)]) == .done)
    }

    @Test func cannotBeDoneWithoutAReasonIsRefusedInThai() {
        #expect {
            try DirectiveStatusMachine.check(current: .notReported, report: Self.report(.cannotBeDone, reason: "  "))
        } throws: { error in
            guard let e = error as? DirectiveRefusals else { return false }
            return e.byField["reason"]?.contains("ต้องระบุเหตุผล") == true && e.all.count == 1
        }
    }

    @Test func closedPairsAndNotReportedAndMissingDetailsAreRefused() {
        for closed in [DirectiveStatus.done, .cannotBeDone] {
            #expect(DirectiveStatusMachine.next(from: closed).isEmpty)
            #expect(throws: DirectiveRefusals.self) {
                try DirectiveStatusMachine.check(current: closed, report: Self.report(.inProgress))
            }
        }
        #expect {
            try DirectiveStatusMachine.check(current: .notReported, report: Self.report(.notReported, details: nil))
        } throws: { error in
            let fields = (error as? DirectiveRefusals)?.byField ?? [:]
            return fields["status"]?.contains("เลือกสถานะ") == true && fields["details"] != nil
        }
    }

    @Test func fiveFactorsWithTheDocumentsLabelsAndTenUnnamedGroups() {
        #expect(ImpactFactor.allCases.count == 5)
        #expect(ImpactFactor.budget.thaiName == "ด้านงบประมาณของหน่วยงาน")
        #expect(ImpactFactor.technology.thaiName == "ด้านเทคโนโลยี ทั้ง software และ hardware ของหน่วยงาน")
        let groups = DirectiveGroup.all(names: [3: "การบริหารงานบุคคล"])
        #expect(groups.count == 10)
        #expect(groups[0].displayName == "กลุ่มที่ 1")
        #expect(groups[2].displayName == "กลุ่มที่ 3 การบริหารงานบุคคล")
    }

    @Test func registrationRulesNameTheField() {
        var d = Directive(id: "2566-1-01", source: .inspector, fiscalYear: FiscalYear(2566), inspectionRound: 3, text: "",
                          group: 11, addressedUnits: ["1022", "9999"])
        let errors = DirectiveRules.check(d, knownUnits: ["1022", "4001"], takenIDs: [])
        #expect(errors["units"] == "ไม่พบหน่วยงานรหัส 9999")
        #expect(errors["round"] != nil && errors["text"] != nil && errors["group"] != nil)
        d.text = "เร่งรัด"; d.inspectionRound = 1; d.group = 2; d.addressedUnits = ["1022"]
        #expect(DirectiveRules.check(d, knownUnits: ["1022"], takenIDs: []).isEmpty)
        #expect(DirectiveRules.check(d, knownUnits: ["1022"], takenIDs: ["2566-1-01"])["id"] != nil)
    }

    @Test func dashboardCountsAddUpToThePairs() {
        let d1 = Directive(id: "D1", source: .inspector, fiscalYear: FiscalYear(2566), text: "ก", group: 1,
                           factors: [.budget, .law], addressedUnits: ["1022", "4001", "1016"])
        let d2 = Directive(id: "D2", source: .permanentSecretary, fiscalYear: FiscalYear(2566), text: "ข", group: nil,
                           factors: [], addressedUnits: ["1022", "4001"])
        let reports = [
            Self.report(.inProgress, unit: "1022", directive: "D1"), Self.report(.done, unit: "1022", directive: "D1"),
            Self.report(.cannotBeDone, reason: "ข้อกฎหมาย", unit: "4001", directive: "D1"),
            Self.report(.inProgress, unit: "4001", directive: "D2"),
            Self.report(.done, unit: "9999", directive: "D2"),  // not addressed: ignored
        ]
        let board = DirectiveDashboard(directives: [d1, d2], reports: reports)
        #expect(board.pairs.count == 5)
        #expect(board.overall.total == 5)
        #expect(DirectiveStatus.allCases.map { board.overall[$0] }.reduce(0, +) == board.pairs.count)
        #expect(board.overall.done == 1 && board.overall.inProgress == 1 && board.overall.cannotBeDone == 1 && board.overall.notReported == 2)
        #expect(board.overall.percent(.notReported) == 40)
        #expect(DirectiveStatus.allCases.map { board.overall.percent($0) }.reduce(0, +) == 100)
        // Groups and units partition the pairs; the unnamed-group row holds D2.
        #expect(board.byGroup.map(\.counts.total).reduce(0, +) == 5)
        #expect(board.byGroup.count == 11 && board.byGroup.last?.key == nil && board.byGroup.last?.counts.total == 2)
        #expect(board.byUnit.map(\.counts.total).reduce(0, +) == 5)
        #expect(board.byUnit.map(\.key) == ["1016", "1022", "4001"])
        // A directive with two factors counts under both.
        #expect(board.byFactor.first { $0.key == .budget }?.counts.total == 3)
        #expect(board.byFactor.first { $0.key == .law }?.counts.total == 3)
        #expect(board.unitsNotReported.map(\.unitCode) == ["1016", "1022"])
    }

    @Test func innovationLevelFollowsFormsAndStatus() {
        var i = Innovation(unitCode: "1016", fiscalYear: FiscalYear(2564), title: "Line OA")
        #expect(InnovationProgress.level(i) == nil)
        i.forms.append(.init(number: 1, summary: "15 แนวคิด", ideas: ["ฝ่ายปกครอง: Line OA"]))
        #expect(InnovationProgress.level(i)?.level == 1)
        i.forms.append(.init(number: 2, summary: "คัดเลือก 1", minutes: "รายงานการประชุม 1/2564"))
        i.forms.append(.init(number: 3, summary: "โครงการ"))
        i.forms.append(.init(number: 4, summary: "กลั่นกรอง", decision: .revise, revisions: "ปรับตัวชี้วัด"))
        #expect(InnovationProgress.level(i)?.level == 2)
        #expect(InnovationProgress.refusal(from: i, to: .trial)?.contains("แบบฟอร์มที่ 4") == true)
        i.forms[3].revisionsDone = true
        #expect(InnovationProgress.level(i)?.level == 3)
        #expect(InnovationProgress.refusal(from: i, to: .inUse) != nil)
        #expect(InnovationProgress.refusal(from: i, to: .trial) == nil)
        i.status = .trial
        #expect(InnovationProgress.level(i)?.level == 4)
        i.status = .inUse
        #expect(InnovationProgress.level(i)?.level == 4)
        i.forms.append(.init(number: 5, summary: "ผู้ใช้ 2,778 คน", users: 2778, satisfactionPercent: 92))
        let five = InnovationProgress.level(i)
        #expect(five?.level == 5)
        #expect(five?.explanation.contains("Line OA") == true)
        #expect(InnovationProgress.refusal(from: i, to: .development) != nil)
    }

    @Test func innovationFormsNeedTheirFields() {
        #expect(InnovationProgress.check(.init(number: 1, summary: "x"))["ideas"] != nil)
        #expect(InnovationProgress.check(.init(number: 2, summary: "x"))["minutes"] != nil)
        #expect(InnovationProgress.check(.init(number: 4, summary: "x", decision: .revise))["revisions"] != nil)
        #expect(InnovationProgress.check(.init(number: 5, summary: "x", satisfactionPercent: 120))["satisfaction"] != nil)
        #expect(InnovationProgress.check(.init(number: 6, summary: "x"))["number"] != nil)
        #expect(InnovationProgress.check(.init(number: 3, summary: "โครงการ")).isEmpty)
    }
}
