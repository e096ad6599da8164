import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PhaenWeb

extension WebTests {
/// Budget disbursement pages and API on the seeded demo database. The Inspector-General
/// Division (4001) holds the half-year table of its FY2567 report; writes here are dated after
/// 31 March so the half-year figures other tests read stay as printed.
@Suite struct DisbursementWebTests {
    static let page4001 = "/units/4001/disbursement/2567"
    static let page1022 = "/units/1022/disbursement/2567"

    static func multipart(_ fields: [String: String], file: (name: String, data: Data)) -> (String, ByteBuffer) {
        let boundary = "phaen-test-boundary"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += file.data + Data("\r\n--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: body))
    }

    @Test func theHalfYearTableAsOfADateWithTotalsNotTheMeanOfRows() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            let page = try await client.get(Self.page4001 + "?asOf=2024-03-31", as: eva)
            #expect(page.status == .ok)
            for text in ["12,203,500.00", "4,094,769.47", "33.55 %", "25.60 %", "258,369.00", "13,503,069.00", "4,361,269.47", "32.30 %",
                         "ผลการเบิกจ่าย ณ 31 มี.ค. 2567", "id=\"disbursement-form\"", "enctype=\"multipart/form-data\""] {
                #expect(page.text.contains(text), "\(text)")
            }
            #expect(!page.text.contains("19.72"))
            // Before any record: nothing disbursed.
            let early = try await client.get(Self.page4001 + "?asOf=2023-10-01", as: eva)
            #expect(early.text.contains("0.00 %"))
            let badDate = try await client.get(Self.page4001 + "?asOf=yesterday", as: eva)
            #expect(badDate.status == .badRequest)

            // Linked from the unit page and the navigation.
            let unit = try await client.get("/units/4001", as: eva)
            #expect(unit.text.contains("href=\"/units/4001/disbursement/2567\""))
            #expect(unit.text.contains("href=\"/disbursement\""))

            let city = try await client.get("/disbursement?year=2567&asOf=2024-03-31", as: eva)
            #expect(city.status == .ok)
            #expect(city.text.contains("4001 กองงานผู้ตรวจราชการ") && city.text.contains("32.30 %"))
        }
    }

    @Test func aBadFormComesBackWithThaiMessagesAndWhatWasTyped() async throws {
        try await withApp { client in
            let rep = try await client.signIn("rep1022")
            let bad = try await client.postForm(Self.page1022, ["csrf": rep.csrf, "kind": "disbursement", "type": "investment",
                                                                "date": "2024-10-01", "amount": "1,5x<b>"], as: rep)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("อยู่นอกปีงบประมาณ 2567"))
            #expect(bad.text.contains("ไม่ใช่ตัวเลข"))
            #expect(bad.text.contains("value=\"1,5x&lt;b&gt;\""))
            #expect(bad.text.contains("value=\"2024-10-01\""))
            #expect(bad.text.contains("<option value=\"investment\" selected>"))

            let over = try await client.postForm(Self.page1022, ["csrf": rep.csrf, "kind": "disbursement", "type": "central",
                                                                 "date": "2024-04-01", "amount": "500,000.01"], as: rep)
            #expect(over.status == .unprocessableContent)
            #expect(over.text.contains("เกินงบประมาณหลังปรับโอน 500,000 บาท"))

            let exe = try await client.signIn("exe")
            let refused = try await client.postForm(Self.page1022, ["csrf": exe.csrf, "kind": "allocation", "type": "central",
                                                                    "amount": "1"], as: exe)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("บันทึกไม่ได้"))
            let readOnly = try await client.get(Self.page1022, as: exe)
            #expect(readOnly.status == .ok && !readOnly.text.contains("id=\"disbursement-form\""))

            let foreign = try await client.signIn("rep1016")
            #expect(try await client.get(Self.page1022, as: foreign).status == .notFound)
            let foreignPost = try await client.postForm(Self.page1022, ["csrf": foreign.csrf, "kind": "allocation", "type": "central",
                                                                        "amount": "1"], as: foreign)
            #expect(foreignPost.status == .notFound)
        }
    }

    @Test func anEvaluatorRecordsAndImportsAllOrNothing() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            let saved = try await client.postForm(Self.page4001, ["csrf": eva.csrf, "kind": "transfer", "from": "operating", "to": "other",
                                                                  "date": "2024-04-02", "amount": "10,000", "reason": "ค่าจ้างเหมา"], as: eva)
            #expect(saved.status == .seeOther)
            let after = try await client.get(Self.page4001 + "?asOf=2024-04-30", as: eva)
            #expect(after.text.contains("ค่าจ้างเหมา") && after.text.contains("1,051,200.00"))
            // The recorded transfer can be removed again (a correction); the demo ledger rows cannot.
            let id = try #require(after.text.firstMatch(of: /name="kind" value="remove"><input type="hidden" name="id" value="([^"]+)"/)?.1)
            #expect(after.text.matches(of: /value="remove"/).count == 1)
            let removed = try await client.postForm(Self.page4001, ["csrf": eva.csrf, "kind": "remove", "id": String(id)], as: eva)
            #expect(removed.status == .seeOther)
            #expect(!(try await client.get(Self.page4001 + "?asOf=2024-04-30", as: eva)).text.contains("ค่าจ้างเหมา"))

            let csv = "รหัสหน่วยงาน,ประเภทงบ,วันที่,จำนวนเงิน\n4001,งบรายจ่ายอื่น,2024-04-10,100\n4001,งบบุคลากร,2024-04-10,100\n"
            let (type, body) = Self.multipart(["csrf": eva.csrf], file: ("bad.csv", Data(csv.utf8)))
            let bad = try await client.execute(uri: Self.page4001 + "/import", method: .post,
                                               headers: [.cookie: eva.cookie, .contentType: type], body: body)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("ไม่ได้นำเข้า") && bad.text.contains("<td class=\"num\">3</td>") && bad.text.contains("งบบุคลากร"))
            let unchanged = try await client.get(Self.page4001 + "?asOf=2024-04-30", as: eva)
            #expect(!unchanged.text.contains("10 เม.ย. 2567"))

            let good = "4001,งบรายจ่ายอื่น,10/4/2567,100\n"
            let (goodType, goodBody) = Self.multipart(["csrf": eva.csrf], file: ("good.csv", Data(good.utf8)))
            let imported = try await client.execute(uri: Self.page4001 + "/import", method: .post,
                                                    headers: [.cookie: eva.cookie, .contentType: goodType], body: goodBody)
            #expect(imported.status == .seeOther)
            #expect(try await client.get(Self.page4001 + "?asOf=2024-04-30", as: eva).text.contains("10 เม.ย. 2567"))
        }
    }

    @Test func theAPIReadsRecordsAndImportsWithTheSameRules() async throws {
        try await withApp { client in
            let eva = try await apiToken("eva")
            let table = try await client.getAPI("/api/v1/units/4001/disbursement/2567?asOf=2024-03-31", bearer: eva)
            #expect(table.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: table.body)) as? [String: Any])
            #expect(json["totalAllocated"] as? String == "13503069.00")
            #expect(json["totalDisbursed"] as? String == "4361269.47")
            #expect((json["rows"] as? [[String: Any]])?.map { $0["type"] as? String } == ["operating", "other", "central"])

            let auth: HTTPFields = [.authorization: "Bearer \(eva)", .contentType: "application/json"]
            let bad = try await client.execute(uri: "/api/v1/units/4001/disbursement/2567/disbursements", method: .post, headers: auth,
                                               body: ByteBuffer(string: #"{"type": "other", "date": "2023-09-30", "amount": -1}"#))
            #expect(bad.status == .unprocessableContent)
            let fields = try #require((try JSONSerialization.jsonObject(with: Data(buffer: bad.body)) as? [String: [String: Any]])?["error"]?["fields"] as? [String: String])
            #expect(fields["date"]?.contains("อยู่นอกปีงบประมาณ") == true)

            let file = Data("4001,งบกลาง,2024-05-01,1\n4001,งบกลาง,2024-13-01,1\n".utf8).base64EncodedString()
            let rejected = try await client.execute(uri: "/api/v1/units/4001/disbursement/2567/import", method: .post, headers: auth,
                                                    body: ByteBuffer(string: #"{"fileName": "x.csv", "content": "\#(file)"}"#))
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.text.contains("\"row\":2"))

            let rep1016 = try await apiToken("rep1016")
            #expect(try await client.getAPI("/api/v1/units/4001/disbursement/2567", bearer: rep1016).status == .notFound)
            let refused = try await client.execute(uri: "/api/v1/units/4001/disbursement/2567/disbursements", method: .post,
                                                   headers: [.authorization: "Bearer \(rep1016)", .contentType: "application/json"],
                                                   body: ByteBuffer(string: #"{"type": "other", "date": "2024-05-01", "amount": "1"}"#))
            #expect(refused.status == .notFound)

            let city = try await client.getAPI("/api/v1/disbursement?year=2567&asOf=2024-03-31", bearer: eva)
            #expect(city.status == .ok && city.text.contains("\"unitCode\":\"4001\""))
        }
    }
}
}
