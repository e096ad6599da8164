import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PhaenWeb

extension WebTests {
/// Directive follow-up through real routes: an evaluator registers (bad input refused in Thai
/// with what was typed kept, an unknown unit named), the unit's reporter reports status (a
/// reason required for "cannot be done", history kept, a closed pair refused), other roles
/// are refused, the dashboard adds up, and the API answers the same.
@Suite struct DirectiveWebTests {
    static func newID() -> String { "T-" + UUID().uuidString.prefix(8).lowercased() }

    @Test func anEvaluatorRegistersAndTheUnitReportsUntilDone() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            let id = Self.newID()
            var fields = ["csrf": eva.csrf, "id": id, "source": "inspector", "year": "2567", "round": "1", "group": "4",
                          "factor2": "1", "factor5": "1", "units": "1022, 9999", "text": "", "date": "15/01/2567"]
            let bad = try await client.postForm("/directives/new", fields, as: eva)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("ไม่พบหน่วยงานรหัส 9999"))
            #expect(bad.text.contains("กรอกข้อความข้อสั่งการ"))
            #expect(bad.text.contains("1022, 9999"))  // kept as typed
            #expect(try await client.get("/directives/\(id)", as: eva).status == .notFound)  // nothing written

            fields["units"] = "1022 1016"
            fields["text"] = "ให้ติดตั้ง <b>ป้าย</b> แจ้งขั้นตอนการให้บริการ"
            let saved = try await client.postForm("/directives/new", fields, as: eva)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/directives/\(id)")
            let detail = try await client.get("/directives/\(id)", as: eva)
            #expect(detail.status == .ok)
            #expect(detail.text.contains("&lt;b&gt;ป้าย&lt;/b&gt;"))
            #expect(detail.text.contains("กลุ่มที่ 4"))
            #expect(detail.text.contains("ด้านกฎหมาย ระเบียบ"))

            // The reporter of 1022 sees it, and only 1022's row.
            let rep = try await client.signIn("rep1022")
            let mine = try await client.get("/directives/\(id)", as: rep)
            #expect(mine.status == .ok)
            #expect(mine.text.contains("สำนักงานเขตภาษีเจริญ") && !mine.text.contains("สำนักงานเขตบางกอกใหญ่"))
            #expect(try await client.get("/directives/\(id)/units/1016", as: rep).status == .notFound)
            let list = try await client.get("/directives", as: rep)
            #expect(list.text.contains(id) && list.text.contains("2566-1-01"))

            let page = "/directives/\(id)/units/1022"
            let noReason = try await client.postForm(page, ["csrf": rep.csrf, "status": "cannotBeDone", "details": "พิจารณาแล้ว"], as: rep)
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.text.contains("ต้องระบุเหตุผล"))
            #expect(noReason.text.contains("พิจารณาแล้ว"))
            let progress = try await client.postForm(page, ["csrf": rep.csrf, "status": "inProgress", "details": "สั่งทำป้ายแล้ว",
                                                            "evidence": "กท 1234/2567"], as: rep)
            #expect(progress.status == .seeOther)
            let done = try await client.postForm(page, ["csrf": rep.csrf, "status": "done", "details": "ติดตั้งครบทุกจุด"], as: rep)
            #expect(done.status == .seeOther)
            let history = try await client.get(page, as: rep)
            #expect(history.text.contains("สั่งทำป้ายแล้ว") && history.text.contains("ติดตั้งครบทุกจุด") && history.text.contains("กท 1234/2567"))
            #expect(history.text.contains("สถานะสุดท้าย"))
            let again = try await client.postForm(page, ["csrf": rep.csrf, "status": "inProgress", "details": "x"], as: rep)
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("เปลี่ยนสถานะไม่ได้"))

            // Not the unit's reporter: 403 in Thai; another unit's reporter: 404.
            let head = try await client.signIn("head1022")
            let byHead = try await client.postForm("/directives/\(id)/units/1022", ["csrf": head.csrf, "status": "done", "details": "x"], as: head)
            #expect(byHead.status == .forbidden && byHead.text.contains("ไม่มีสิทธิ์รายงานผล"))
            let foreign = try await client.signIn("rep1016")
            let byForeign = try await client.postForm(page, ["csrf": foreign.csrf, "status": "done", "details": "x"], as: foreign)
            #expect(byForeign.status == .notFound)
            #expect(try await client.get("/directives/new", as: rep).status == .forbidden)

            // The dashboard's status counts add up to the pairs.
            let api = try await client.getAPI("/api/v1/directives/dashboard?year=2567", bearer: try await apiToken("eva"))
            let board = try JSONDecoder().decode(Board.self, from: Data(buffer: api.body))
            #expect(board.overall.notReported + board.overall.inProgress + board.overall.done + board.overall.cannotBeDone == board.pairs)
            #expect(board.pairs == board.overall.total && board.pairs >= 2)
            #expect(board.byUnit.map(\.counts.total).reduce(0, +) == board.pairs)
            let page2 = try await client.get("/directives/dashboard?year=2567", as: eva)
            #expect(page2.status == .ok && page2.text.contains("<svg class=\"directive-bars\""))
            #expect(page2.text.contains("หน่วยงานที่ยังไม่รายงานผล"))
        }
    }

    struct Board: Decodable {
        struct Counts: Decodable { var notReported: Int; var inProgress: Int; var done: Int; var cannotBeDone: Int; var total: Int }
        struct Row: Decodable { var counts: Counts }
        var pairs: Int
        var overall: Counts
        var byUnit: [Row]
    }

    @Test func theAPIRegistersAndReportsUnderTheSameRules() async throws {
        try await withApp { client in
            let id = Self.newID()
            let unknown = try await client.sendJSON("/api/v1/directives", method: .post,
                #"{"id":"\#(id)","source":"permanentSecretary","fiscalYear":2567,"addressedUnits":["4001","8888"],"text":"ทดสอบ"}"#,
                bearer: try await apiToken("eva"))
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("ไม่พบหน่วยงานรหัส 8888"))
            let byReporter = try await client.sendJSON("/api/v1/directives", method: .post,
                #"{"id":"\#(id)","source":"inspector","fiscalYear":2567,"addressedUnits":["1022"],"text":"ทดสอบ"}"#,
                bearer: try await apiToken("rep1022"))
            #expect(byReporter.status == .forbidden)
            let created = try await client.sendJSON("/api/v1/directives", method: .post,
                #"{"id":"\#(id)","source":"inspector","fiscalYear":2567,"group":2,"factors":[1],"addressedUnits":["1022","1016"],"text":"ทดสอบ"}"#,
                bearer: try await apiToken("eva"))
            #expect(created.status == .created)

            let rep = try await apiToken("rep1022")
            let noReason = try await client.sendJSON("/api/v1/directives/\(id)/units/1022", method: .post,
                                                     #"{"status":"cannotBeDone","details":"ขัดข้อง"}"#, bearer: rep)
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("\"reason\""))
            let ok = try await client.sendJSON("/api/v1/directives/\(id)/units/1022", method: .post,
                                               #"{"status":"cannotBeDone","details":"พิจารณาแล้ว","reason":"ขัดข้อบัญญัติ"}"#, bearer: rep)
            #expect(ok.status == .created && ok.text.contains("\"status\":\"cannotBeDone\""))
            // 1022's reporter reads only 1022's pair; 1016's reporter does not see 1022's.
            let detail = try await client.getAPI("/api/v1/directives/\(id)", bearer: rep)
            #expect(detail.status == .ok && detail.text.contains("\"unitCode\":\"1022\"") && !detail.text.contains("\"unitCode\":\"1016\""))
            let foreign = try await client.getAPI("/api/v1/directives/\(id)/units/1022", bearer: try await apiToken("rep1016"))
            #expect(foreign.status == .notFound)
        }
    }

    @Test func anEvaluatorImportsARegisterAndABadFileWritesNothing() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            let a = Self.newID(), b = Self.newID()
            let header = "id,source,fiscalYear,round,group,factors,units,text\n"
            let bad = header + "\(a),inspector,2565,1,2,3,1022,ตรวจสอบ\n\(b),ปลัด,2565,1,2,3,7777,ทบทวน\n"
            let refused = try await client.postMultipart("/directives/import", fields: ["csrf": eva.csrf],
                                                         file: (name: "register.csv", data: Data(bad.utf8)), as: eva)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("ไม่พบหน่วยงานรหัส 7777") && refused.text.contains("ยังไม่มีการบันทึกรายการใดเลย"))
            #expect(try await client.get("/directives/\(a)", as: eva).status == .notFound)
            let good = header + "\(a),inspector,2565,1,2,3,1022,ตรวจสอบ\n\(b),ปลัด,2565,1,2,3,4001,ทบทวน\n"
            let imported = try await client.postMultipart("/directives/import", fields: ["csrf": eva.csrf],
                                                          file: (name: "register.csv", data: Data(good.utf8)), as: eva)
            #expect(imported.status == .seeOther)
            #expect(try await client.get("/directives/\(b)", as: eva).status == .ok)
            let rep = try await client.signIn("rep1022")
            let refusedRep = try await client.postMultipart("/directives/import", fields: ["csrf": rep.csrf],
                                                            file: (name: "register.csv", data: Data(good.utf8)), as: rep)
            #expect(refusedRep.status == .forbidden)
        }
    }

    @Test func aReporterRunsAnInnovationThroughItsForms() async throws {
        try await withApp { client in
            let rep = try await client.signIn("rep1022")
            let page = "/units/1022/innovations/2568"
            let title = "ระบบนัดหมายออนไลน์ " + Self.newID()
            #expect(try await client.postForm(page, ["csrf": rep.csrf, "action": "create", "title": title, "kpiCode": "2.1"], as: rep).status == .seeOther)
            let noIdeas = try await client.postForm(page, ["csrf": rep.csrf, "action": "form", "title": title, "number": "1",
                                                           "summary": "รวบรวมแนวคิด"], as: rep)
            #expect(noIdeas.status == .unprocessableContent && noIdeas.text.contains("กรอกแนวคิดนวัตกรรม") && noIdeas.text.contains("รวบรวมแนวคิด"))
            let form1 = try await client.postForm(page, ["csrf": rep.csrf, "action": "form", "title": title, "number": "1",
                                                         "summary": "รวบรวมแนวคิด", "ideas": "ฝ่ายทะเบียน: นัดหมายออนไลน์\nฝ่ายรายได้: ชำระภาษีออนไลน์"], as: rep)
            #expect(form1.status == .seeOther)
            let early = try await client.postForm(page, ["csrf": rep.csrf, "action": "status", "title": title, "status": "trial"], as: rep)
            #expect(early.status == .conflict && early.text.contains("ก่อนทดลองใช้"))
            let view = try await client.get(page, as: rep)
            #expect(view.text.contains("ระดับ 1") && view.text.contains("ฝ่ายรายได้: ชำระภาษีออนไลน์"))
            #expect(view.text.contains("ประวัติการแก้ไข") && view.text.contains("<b>rep1022</b>"))
            let head = try await client.signIn("head1022")
            let byHead = try await client.postForm(page, ["csrf": head.csrf, "action": "create", "title": "x"], as: head)
            #expect(byHead.status == .forbidden)
            // The API records a form under the same rules.
            let token = try await apiToken("rep1022")
            let apiForm = try await client.sendJSON("/api/v1/units/1022/innovations/2568", method: .post,
                #"{"action":"form","title":"\#(title)","number":2,"summary":"คัดเลือกแล้ว","minutes":"รายงานการประชุม 1/2568"}"#, bearer: token)
            #expect(apiForm.status == .ok && apiForm.text.contains("\"level\":2"))
            let apiBad = try await client.sendJSON("/api/v1/units/1022/innovations/2568", method: .post,
                #"{"action":"form","title":"\#(title)","number":4,"summary":"กลั่นกรอง","decision":"revise"}"#, bearer: token)
            #expect(apiBad.status == .unprocessableContent && apiBad.text.contains("revisions"))
            let apiForeign = try await client.sendJSON("/api/v1/units/1022/innovations/2568", method: .post,
                #"{"action":"create","title":"x"}"#, bearer: try await apiToken("rep1016"))
            #expect(apiForeign.status == .notFound)
            // Bangkok Yai's innovation (in use, forms 1–5, the committee's approval) reads level 5.
            let by = try await client.getAPI("/api/v1/units/1016/innovations/2564", bearer: try await apiToken("eva"))
            #expect(by.status == .ok && by.text.contains("\"level\":5"))
        }
    }
}
}
