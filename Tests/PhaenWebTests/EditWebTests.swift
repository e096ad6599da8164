import Foundation
import Hummingbird
import HummingbirdTesting
import PhaenCore
import Testing
@testable import PhaenWeb

extension WebTests {
@Suite struct EditWebTests {
    static let planEdit = "/units/1022/plans/2567/edit"
    static let agreementEdit = "/units/1022/agreements/2567/edit"

    func partTotal(_ html: String, _ list: String) -> String? {
        html.firstMatch(of: try! Regex("data-list=\"\(list)\">([^<]+)<"))?.output[1].substring.map(String.init)
    }

    @Test func reporterEditsABudgetAndTheTotalIsRecomputed() async throws {
        let db = try await ReportTestDatabase.fresh()
        try await withApp(databaseURL: db.url) { client in
            let rep = try await client.signIn("rep1022")
            let plan = try await client.get("/units/1022/plans/2567", as: rep)
            #expect(plan.text.contains("href=\"\(Self.planEdit)\""))
            let before = try await client.get(Self.planEdit, as: rep)
            #expect(before.status == .ok)
            let oldTotal = try #require(partTotal(before.text, "part2"))

            let fields = ["csrf": rep.csrf, "form": "project", "id": "pc67-dredge-sanphakon",
                          "name": "ขุดลอกคลองสนามควาย", "budget": "๔๒๙,๑๐๐", "section": "ฝ่ายโยธา", "strategyCode": "", "policyCodes": ""]
            // Without the CSRF token nothing happens.
            var stolen = fields; stolen["csrf"] = "forged"
            #expect(try await client.postForm(Self.planEdit, stolen, as: rep).status == .forbidden)

            // An unreadable amount: 422, the Thai message next to the field, what was typed kept.
            var bad = fields; bad["budget"] = "12..5"
            let refused = try await client.postForm(Self.planEdit, bad, as: rep)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("«12..5» ไม่ใช่จำนวนเงินที่ถูกต้อง") && refused.text.contains("value=\"12..5\""))
            #expect(partTotal(refused.text, "part2") == oldTotal)

            let saved = try await client.postForm(Self.planEdit, fields, as: rep)
            #expect(saved.status == .seeOther)
            let after = try await client.get(Self.planEdit, as: rep)
            let newTotal = try #require(partTotal(after.text, "part2"))
            #expect(newTotal != oldTotal)
            // The PLAN-TOTAL finding of part 2 now names the recomputed sum, next to the list.
            #expect(after.text.contains("ไม่เท่ากับผลรวมของรายการ \(newTotal) บาท"))
            #expect(!after.text.contains("ไม่เท่ากับผลรวมของรายการ \(oldTotal) บาท"))
            let page = try await client.get("/units/1022/plans/2567", as: rep)
            #expect(page.text.contains("ประวัติการแก้ไข") && page.text.contains("๓๒๙,๑๐๐ → ๔๒๙,๑๐๐"))
        }
    }

    @Test func othersMayNotEdit() async throws {
        try await withApp { client in
            let foreign = try await client.signIn("rep1016")
            #expect(try await client.get(Self.planEdit, as: foreign).status == .notFound)
            #expect(try await client.postForm(Self.planEdit, ["csrf": foreign.csrf, "form": "list", "id": "part2",
                                                              "statedTotal": "1", "statedCount": "1"], as: foreign).status == .notFound)
            #expect(try await client.get(Self.agreementEdit, as: foreign).status == .notFound)

            let head = try await client.signIn("head1022")
            let plan = try await client.get(Self.planEdit, as: head)
            #expect(plan.status == .forbidden && plan.text.contains("ไม่มีสิทธิ์แก้ไขแผน"))
            #expect(!(try await client.get("/units/1022/plans/2567", as: head)).text.contains("href=\"\(Self.planEdit)\""))
            let agreement = try await client.get(Self.agreementEdit, as: head)
            #expect(agreement.status == .forbidden && agreement.text.contains("ไม่มีสิทธิ์แก้ไขเกณฑ์"))

            let api = try await client.sendJSON("/api/v1/units/1022/agreements/2567/kpis/1.2", method: .put,
                                                #"{"weight": 20, "criteria": {"kind": "thresholds", "thresholds": [60, 65, 70, 75, 80]}}"#,
                                                bearer: try await apiToken("rep1022"))
            #expect(api.status == .forbidden)
            let foreignAPI = try await client.sendJSON("/api/v1/units/1022/agreements/2567/kpis/1.2", method: .put,
                                                       #"{"weight": 20, "criteria": {"kind": "thresholds", "thresholds": [60, 65, 70, 75, 80]}}"#,
                                                       bearer: try await apiToken("rep1016"))
            #expect(foreignAPI.status == .notFound)
        }
    }

    @Test func evaluatorSetsCriteriaAndWeights() async throws {
        let db = try await ReportTestDatabase.fresh()
        try await withApp(databaseURL: db.url) { client in
            let eva = try await client.signIn("eva")
            #expect((try await client.get("/units/1022/agreements/2567", as: eva)).text.contains("href=\"\(Self.agreementEdit)\""))
            let form = try await client.get(Self.agreementEdit, as: eva)
            #expect(form.status == .ok && form.text.contains("name=\"t..5\""))

            let thresholds = ["t..1": "70", "t..2": "75", "t..3": "75", "t..4": "85", "t..5": "90"]
            let refused = try await client.postForm(Self.agreementEdit, ["csrf": eva.csrf, "form": "kpi", "id": "1.2", "weight": "20",
                                                                          "direction": "higher"].merging(thresholds) { $1 }, as: eva)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("เกณฑ์ไม่เรียงตามระดับ: ระดับ 2 = 75, ระดับ 3 = 75"))
            #expect(refused.text.contains("name=\"t..1\" value=\"70\""))
            let unchanged = try await client.get(Self.agreementEdit, as: eva)
            #expect(unchanged.text.contains("name=\"t..1\" value=\"0\"") && unchanged.text.contains("ยังไม่มีการแก้ไขในระบบ"))

            let saved = try await client.postForm(Self.agreementEdit, ["csrf": eva.csrf, "form": "kpi", "id": "1.2", "weight": "๒๕",
                "direction": "higher", "t..1": "0", "t..2": "60", "t..3": "65", "t..4": "70", "t..5": "75"], as: eva)
            #expect(saved.status == .seeOther)
            let page = try await client.get("/units/1022/agreements/2567", as: eva)
            #expect(page.text.contains("ประวัติการแก้ไข") && page.text.contains("น้ำหนักตัวชี้วัด 1.2: 20 → 25") && page.text.contains("eva"))

            let token = try #require(db.tokens["eva"])
            let bad = try await client.sendJSON("/api/v1/units/1022/agreements/2567/kpis/1.2", method: .put,
                #"{"weight": 20, "criteria": {"kind": "thresholds", "direction": "higher", "thresholds": [70, 75, 75, 85, 90]}}"#, bearer: token)
            #expect(bad.status == .unprocessableContent && bad.text.contains("AGR-THRESHOLD-ORDER"))
            let good = try await client.sendJSON("/api/v1/units/1022/agreements/2567/kpis/1.2", method: .put,
                #"{"weight": "20", "criteria": {"kind": "thresholds", "direction": "higher", "thresholds": [0, 60, 65, 70, 75]}}"#, bearer: token)
            #expect(good.status == .ok && good.text.contains("\"weight\":20"))
            let openAPI = try await client.get("/api/v1/openapi.json")
            #expect(openAPI.text.contains("/api/v1/units/{code}/agreements/{year}/kpis/{kpi}"))
        }
    }
}
}
