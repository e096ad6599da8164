import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PhaenWeb

extension WebTests {
/// Project step progress pages, the dashboard and the API read (Phasi Charoen FY2567: one
/// step plan, seven steps of weight 7 in fiscal months 3–8).
@Suite struct StepProgressWebTests {
    static let page = "/units/1022/plans/2567/progress"
    static let plan = "pc67-table-e-fragment"

    @Test func aReporterReportsMonthlyProgressWithThaiDigitsAndSeesTheGap() async throws {
        try await withApp { client in
            let rep = try await client.signIn("rep1022")
            let empty = try await client.get(Self.page, as: rep)
            #expect(empty.status == .ok)
            #expect(empty.text.contains("class=\"progress-chart\""))
            #expect(empty.text.contains("name=\"percent\""))

            // A bad number comes back next to the field, the text as typed kept.
            let bad = try await client.postForm(Self.page, ["csrf": rep.csrf, "stepPlan": Self.plan, "month": "4",
                                                             "percent": "12..5", "note": "<script>x</script>"], as: rep)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("ไม่ใช่ตัวเลข"))
            #expect(bad.text.contains("value=\"12..5\""))
            #expect(bad.text.contains("&lt;script&gt;x&lt;/script&gt;"))
            #expect(!bad.text.contains("<script>x</script>"))

            let saved = try await client.postForm(Self.page, ["csrf": rep.csrf, "stepPlan": Self.plan, "month": "4",
                                                               "percent": "๑๐", "note": "จัดซื้อล่าช้า"], as: rep)
            #expect(saved.status == .seeOther)
            let after = try await client.get(Self.page, as: rep)
            #expect(after.text.contains("บันทึกความก้าวหน้าแล้ว") == false)  // no ?done in a plain GET
            #expect(after.text.contains("จัดซื้อล่าช้า"))
            #expect(after.text.contains("ล่าช้ากว่าแผน"))  // month 4: planned 14, actual 10
            #expect(after.text.contains("class=\"actual"))

            // Not below the previous month's.
            let lower = try await client.postForm(Self.page, ["csrf": rep.csrf, "stepPlan": Self.plan, "month": "5", "percent": "9"], as: rep)
            #expect(lower.status == .unprocessableContent)
            #expect(lower.text.contains("ต้องไม่น้อยกว่าเดือน"))

            // No CSRF token: refused before the handler.
            let noToken = try await client.postForm(Self.page, ["stepPlan": Self.plan, "month": "6", "percent": "50"], as: rep)
            #expect(noToken.status == .forbidden)

            // API: planned, actual, gap, behind per month.
            let api = try await client.getAPI("/api/v1/units/1022/progress/2567", bearer: try await apiToken("rep1022"))
            #expect(api.status == .ok)
            let json = try JSONDecoder().decode(ProgressJSON.self, from: Data(buffer: api.body))
            let month4 = try #require(json.stepPlans.first { $0.id == Self.plan }?.months.first { $0.fiscalMonth == 4 })
            #expect(month4.planned == 14 && month4.actual == 10 && month4.gap == -4 && month4.behind)
        }
    }

    @Test func onlyTheUnitsReportersMayReportAndOthersGetTheirStatus() async throws {
        try await withApp { client in
            let head = try await client.signIn("head1022")
            let page = try await client.get(Self.page, as: head)
            #expect(page.status == .ok)
            #expect(!page.text.contains("name=\"percent\""))
            let refused = try await client.postForm(Self.page, ["csrf": head.csrf, "stepPlan": Self.plan, "month": "3", "percent": "7"], as: head)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("ไม่มีสิทธิ์รายงานความก้าวหน้า"))

            let foreign = try await client.signIn("rep1016")
            #expect(try await client.get(Self.page, as: foreign).status == .notFound)
            let post = try await client.postForm(Self.page, ["csrf": foreign.csrf, "stepPlan": Self.plan, "month": "3", "percent": "7"], as: foreign)
            #expect(post.status == .notFound)
            #expect(try await client.getAPI("/api/v1/units/1022/progress/2567", bearer: try await apiToken("rep1016")).status == .notFound)
        }
    }

    @Test func theDashboardShowsProgressAgainstPlanAcrossVisibleUnits() async throws {
        try await withApp { client in
            let exe = try await client.signIn("exe")
            let all = try await client.get("/progress?year=2567", as: exe)
            #expect(all.status == .ok)
            #expect(all.text.contains("ภาษีเจริญ"))
            #expect(all.text.contains("href=\"/units/1022/plans/2567/progress\""))
            let foreign = try await client.signIn("rep1016")
            let scoped = try await client.get("/progress?year=2567", as: foreign)
            #expect(scoped.status == .ok)
            #expect(!scoped.text.contains("ภาษีเจริญ"))
            #expect(try await client.get("/progress?year=abc", as: exe).status == .badRequest)
            // The plan page links to the progress page; the OpenAPI document lists the API route.
            #expect(try await client.get("/units/1022/plans/2567", as: exe).text.contains(Self.page))
            #expect(try await client.get("/api/v1/openapi.json").text.contains("/api/v1/units/{code}/progress/{year}"))
        }
    }

    struct ProgressJSON: Decodable {
        struct Month: Decodable { var fiscalMonth: Int; var planned: Decimal; var actual: Decimal?; var gap: Decimal?; var behind: Bool }
        struct Plan: Decodable { var id: String; var months: [Month] }
        var stepPlans: [Plan]
    }
}
}
