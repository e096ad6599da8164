import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PhaenWeb

/// The web tests share one SQLite file and run one after another: concurrent writers from
/// several applications (stores) on one SQLite file can exhaust SQLiteNIO's thread pool while
/// they wait for the lock (see the report to the store's owner).
@Suite(.serialized) struct WebTests {}

extension WebTests {
@Suite struct PageTests {
    @Test func unitsPageListsUnitsGroupedByKindAndFilters() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            let all = try await client.get("/units", as: eva)
            #expect(all.status == .ok)
            #expect(all.text.contains("สำนักงานเขตภาษีเจริญ"))
            #expect(all.text.contains("สำนักการระบายน้ำ"))
            #expect(all.text.contains("lang=\"th\""))
            let districts = try await client.get("/units?kind=district", as: eva)
            #expect(districts.text.contains("สำนักงานเขตภาษีเจริญ"))
            #expect(!districts.text.contains("สำนักการระบายน้ำ"))
            let bad = try await client.get("/units?kind=planet", as: eva)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func unitPageShowsProfileAndYears() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            let page = try await client.get("/units/1022", as: eva)
            #expect(page.status == .ok)
            #expect(page.text.contains("สำนักงานเขตภาษีเจริญ"))
            #expect(page.text.contains("/units/1022/plans/2567"))
            #expect(page.text.contains("/units/1022/agreements/2567"))
            #expect(page.text.contains("/units/1022/scores/2567"))
        }
    }

    @Test func planPageShowsTotalsFindingsAndGantt() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            let page = try await client.get("/units/1022/plans/2567", as: eva)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("35,294,295"))
            #expect(html.contains("35,254,295"))
            #expect(html.contains("ต่างกัน 40,000 บาท"))
            // The unknown section is marked on its row and explained inline.
            #expect(html.contains("class=\"flag\" title=\"ไม่มีส่วนราชการนี้ในหน่วยงาน\">ฝ่ายเทคนิค"))
            #expect(html.contains("ส่วนราชการ &quot;ฝ่ายเทคนิค&quot; ไม่อยู่ในรายชื่อส่วนราชการ"))
            #expect(html.contains("<svg class=\"gantt\""))
            #expect(html.contains("ต.ค."))
            #expect(html.contains("ก.ย."))
            #expect(html.contains("ความก้าวหน้าสะสม 73 ไม่เท่ากับ 64 + 7 = 71"))
        }
    }

    @Test func agreementPageShowsKPIsAndCriteria() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            let page = try await client.get("/units/1022/agreements/2567", as: eva)
            #expect(page.status == .ok)
            #expect(page.text.contains("Traffy Fondue"))
            #expect(page.text.contains("id=\"kpi-1.2\""))
            #expect(page.text.contains("/units/1022/scores/2567"))
            #expect(page.text.contains("ค่ามากดี"))
        }
    }

    @Test func scorePageShowsBreakdownAndChart() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            let page = try await client.get("/units/3001/scores/2564", as: eva)
            #expect(page.status == .ok)
            #expect(page.text.contains("<svg class=\"bars\""))
            #expect(page.text.contains("คะแนนถ่วงน้ำหนัก"))
            let phasi = try await client.get("/units/1022/scores/2567", as: eva)
            #expect(phasi.status == .ok)
            #expect(phasi.text.contains("ยังไม่มีผล"))
        }
    }

    @Test func dashboardListsUnitsAndSorts() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            let page = try await client.get("/dashboard", as: eva)
            #expect(page.status == .ok)
            #expect(page.text.contains("สำนักงานเขตภาษีเจริญ"))
            #expect(page.text.contains("ปีงบประมาณ 2567"))
            #expect(page.text.contains("องค์ประกอบที่ 1"))
            let older = try await client.get("/dashboard?year=2564&sort=unit&kind=office", as: eva)
            #expect(older.status == .ok)
            #expect(older.text.contains("สำนักงานเลขานุการปลัดกรุงเทพมหานคร"))
            #expect(!older.text.contains("สำนักงานเขตภาษีเจริญ"))
            let zone = try await client.get("/dashboard?zone=%E0%B8%81%E0%B8%A3%E0%B8%B8%E0%B8%87%E0%B8%98%E0%B8%99%E0%B9%83%E0%B8%95%E0%B9%89", as: eva)
            #expect(zone.text.contains("สำนักงานเขตภาษีเจริญ"))
            #expect(!zone.text.contains("สำนักงานเขตบางกอกใหญ่"))
        }
    }

    @Test func pagesNeedSignIn() async throws {
        try await withApp { client in
            let page = try await client.get("/units/1022")
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/signin?next=%2Funits%2F1022")
            let api = try await client.get("/api/v1/units")
            #expect(api.status == .unauthorized)
            #expect(api.text.contains("\"code\":\"unauthenticated\""))
        }
    }

    @Test func unknownThingsAre404InThai() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            #expect(try await client.get("/units/9999", as: eva).status == .notFound)
            #expect(try await client.get("/units/1022/plans/2500", as: eva).status == .notFound)
            #expect(try await client.get("/units/1022/plans/abc", as: eva).status == .badRequest)
            let missing = try await client.get("/nowhere", as: eva)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("ไม่พบ"))
        }
    }
}
}
