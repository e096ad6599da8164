import Foundation
import Hummingbird
import HummingbirdTesting
import PhaenApp
import PhaenCore
import PhaenStore
import Testing
@testable import PhaenWeb

/// A database of its own for tests that write reports, so the shared read-only fixture and
/// the other suites never see these reports: the demo dataset and the test accounts.
enum ReportTestDatabase {
    static func fresh() async throws -> (url: String, tokens: [String: String]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("phaen-reports-web-\(UUID().uuidString).sqlite").path
        let store = try await PhaenStore.open("sqlite:\(path)")
        do {
            _ = try await store.migrate()
            _ = try await SeedDemo(store: store)()
            let accounts = Accounts(store: store, bcryptCost: 4)
            var tokens: [String: String] = [:]
            for (username, role, unit, demo) in TestPeople.all {
                try await accounts.createUser(username: username, role: role, unitCode: unit,
                                              password: SeededDatabase.password, isDemo: demo)
                tokens[username] = try await accounts.createAPIToken(username: username, name: "tests")
            }
            try await store.shutdown()
            return ("sqlite:\(path)", tokens)
        } catch {
            try? await store.shutdown()
            throw error
        }
    }
}

extension TestClientProtocol {
    func postMultipart(_ path: String, fields: [String: String], file: (name: String, data: Data), as browser: Browser) async throws -> TestResponse {
        let boundary = "----phaen\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += file.data + Data("\r\n--\(boundary)--\r\n".utf8)
        return try await execute(uri: path, method: .post,
                                 headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: browser.cookie],
                                 body: ByteBuffer(bytes: body))
    }

    func sendJSON(_ path: String, method: HTTPRequest.Method, _ json: String, bearer: String) async throws -> TestResponse {
        try await execute(uri: path, method: method,
                          headers: [.authorization: "Bearer \(bearer)", .contentType: "application/json"],
                          body: ByteBuffer(string: json))
    }
}

extension WebTests {
@Suite struct ReportWebTests {
    static let page = "/units/1022/reports/2567/q1/1.2"

    func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func reportFormWorkflowThroughThePages() async throws {
        let db = try await ReportTestDatabase.fresh()
        try await withApp(databaseURL: db.url) { client in
            let rep = try await client.signIn("rep1022")
            let grid = try await client.get("/units/1022/reports/2567", as: rep)
            #expect(grid.status == .ok && grid.text.contains("href=\"\(Self.page)\""))

            let empty = try await client.get(Self.page, as: rep)
            #expect(empty.status == .ok && empty.text.contains("name=\"value\"") && empty.text.contains("คำนวณ"))

            // An unreadable number: 422, the Thai message next to the field, everything typed kept.
            let bad = try await client.postForm(Self.page, ["csrf": rep.csrf, "version": "", "action": "save", "value": "12..5",
                                                            "narrative": "ปรับปรุง <script>alert(1)</script>"], as: rep)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("«12..5» ไม่ใช่ตัวเลขที่ถูกต้อง"))
            #expect(bad.text.contains("value=\"12..5\""))
            #expect(bad.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !bad.text.contains("<script>alert(1)"))

            // "คำนวณ" without JavaScript: the preview of what was typed, nothing saved.
            let preview = try await client.postForm(Self.page, ["csrf": rep.csrf, "version": "", "action": "preview", "value": "๗๒"], as: rep)
            #expect(preview.status == .ok && preview.text.contains("data-k=\"level\">4<") && preview.text.contains("data-k=\"weighted\">16<"))

            let saved = try await client.postForm(Self.page, ["csrf": rep.csrf, "version": "", "action": "save", "value": "๗๒"], as: rep)
            #expect(saved.status == .seeOther && saved.headers[.location] == Self.page + "?done=saved")
            let after = try await client.get(Self.page + "?done=saved", as: rep)
            #expect(after.text.contains("บันทึกร่างแล้ว") && after.text.contains("name=\"version\" value=\"1\""))
            #expect(after.text.contains("action=\"\(Self.page)/submission\""))

            // Someone else saved meanwhile: 409, the typed text kept, the Thai message.
            _ = try await client.postForm(Self.page, ["csrf": rep.csrf, "version": "1", "value": "73"], as: rep)
            let stale = try await client.postForm(Self.page, ["csrf": rep.csrf, "version": "1", "value": "74",
                                                              "narrative": "ข้อความของฉัน"], as: rep)
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("มีผู้อื่นแก้ไขรายงานนี้ระหว่างที่คุณกรอก") && stale.text.contains("ข้อความของฉัน"))

            #expect(try await client.postForm(Self.page + "/submission", ["csrf": rep.csrf, "version": "2"], as: rep).status == .seeOther)
            let frozen = try await client.get(Self.page, as: rep)
            #expect(frozen.text.contains("ส่งแล้ว") && !frozen.text.contains("name=\"value\""))

            let head = try await client.signIn("head1022")
            #expect(try await client.postForm(Self.page + "/certification", ["csrf": head.csrf, "version": "3"], as: head).status == .seeOther)

            let eva = try await client.signIn("eva")
            let noReason = try await client.postForm(Self.page + "/return", ["csrf": eva.csrf, "version": "4", "reason": " "], as: eva)
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("ต้องระบุเหตุผล"))
            let wrong = try await client.postForm(Self.page + "/lock", ["csrf": eva.csrf, "version": "4"], as: eva)
            #expect(wrong.status == .conflict && wrong.text.contains("ปิดรอบรายงานไม่ได้"))
            let returned = try await client.postForm(Self.page + "/return", ["csrf": eva.csrf, "version": "4",
                                                                            "reason": "แนบภาพหน้าจอระบบ Traffy"], as: eva)
            #expect(returned.status == .seeOther)

            let back = try await client.get(Self.page, as: rep)
            #expect(back.text.contains("รายงานถูกส่งคืนให้แก้ไข") && back.text.contains("แนบภาพหน้าจอระบบ Traffy"))
            #expect(back.text.contains("name=\"value\""))   // editable again
            let home = try await client.get("/?year=2567", as: rep)
            #expect(home.status == .ok && home.text.contains("ถูกส่งคืนแก้ไข") && home.text.contains("แนบภาพหน้าจอระบบ Traffy"))

            // The history and the audit trail are on the page.
            let history = try await client.get(Self.page, as: eva)
            #expect(history.text.contains("ส่งคืนแก้ไข") && history.text.contains("ผลการดำเนินงาน: 72 → 73"))
        }
    }

    @Test func formPostsNeedTheCSRFToken() async throws {
        let db = try await ReportTestDatabase.fresh()
        try await withApp(databaseURL: db.url) { client in
            let rep = try await client.signIn("rep1022")
            let forged = try await client.postForm(Self.page, ["value": "72"], as: rep)
            #expect(forged.status == .forbidden)
            let wrong = try await client.postForm(Self.page, ["csrf": "x", "value": "72"], as: rep)
            #expect(wrong.status == .forbidden)
        }
    }

    @Test func anotherUnitsReportIsNotFoundAndDraftsAreHiddenFromExecutives() async throws {
        let db = try await ReportTestDatabase.fresh()
        try await withApp(databaseURL: db.url) { client in
            let rep = try await client.signIn("rep1022")
            _ = try await client.postForm(Self.page, ["csrf": rep.csrf, "version": "", "value": "72"], as: rep)
            let foreign = try await client.signIn("rep1016")
            #expect(try await client.get(Self.page, as: foreign).status == .notFound)
            #expect(try await client.get("/units/1022/reports/2567", as: foreign).status == .notFound)
            #expect(try await client.postForm(Self.page, ["csrf": foreign.csrf, "version": "1", "value": "1"], as: foreign).status == .notFound)
            #expect(try await client.postForm(Self.page + "/submission", ["csrf": foreign.csrf, "version": "1"], as: foreign).status == .notFound)
            let exe = try await client.signIn("exe")
            #expect(try await client.get(Self.page, as: exe).status == .notFound)
            #expect(try await client.getAPI("/api/v1/units/1022/reports/2567/q1/1.2", bearer: db.tokens["exe"]!).status == .notFound)
            #expect(try await client.getAPI("/api/v1/units/1022/reports/2567/q1/1.2", bearer: db.tokens["rep1016"]!).status == .notFound)
            // The head of the unit reads it but may not edit it.
            let head = try await client.signIn("head1022")
            let refused = try await client.postForm(Self.page, ["csrf": head.csrf, "version": "1", "value": "99"], as: head)
            #expect(refused.status == .forbidden && refused.text.contains("ไม่มีสิทธิ์แก้ไขรายงาน"))
            // An unknown round is a Thai 400, an unknown KPI a 404.
            let round = try await client.get("/units/1022/reports/2567/q9/1.2", as: rep)
            #expect(round.status == .badRequest && round.text.contains("ไม่รู้จักรอบการรายงาน"))
            #expect(try await client.get("/units/1022/reports/2567/q1/9.9", as: rep).status == .notFound)
        }
    }

    @Test func evidenceUploadIsSniffedAndServedOnlyToReaders() async throws {
        let db = try await ReportTestDatabase.fresh()
        try await withApp(databaseURL: db.url) { client in
            let rep = try await client.signIn("rep1022")
            let pdf = Data("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n%%EOF\n".utf8)
            let upload = try await client.postMultipart(Self.page + "/evidence", fields: ["csrf": rep.csrf],
                                                        file: ("หนังสือ กท 0409.pdf", pdf), as: rep)
            #expect(upload.status == .seeOther)
            let page = try await client.get(Self.page, as: rep)
            let id = try #require(page.text.firstMatch(of: /href="\/evidence\/(\d+)"/)?.1)
            #expect(page.text.contains("หนังสือ กท 0409.pdf"))

            let download = try await client.get("/evidence/\(id)", as: rep)
            #expect(download.status == .ok && Data(buffer: download.body) == pdf)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(download.headers[.contentDisposition]?.contains("filename*=UTF-8''%E0%B8%AB") == true)
            #expect(download.headers[HTTPFields.Element.Name("X-Content-Type-Options")!] == "nosniff")
            let foreign = try await client.signIn("rep1016")
            #expect(try await client.get("/evidence/\(id)", as: foreign).status == .notFound)
            #expect(try await client.get("/evidence/999999", as: rep).status == .notFound)

            let fake = try await client.postMultipart(Self.page + "/evidence", fields: ["csrf": rep.csrf],
                                                      file: ("scan.pdf", Data("not really a pdf".utf8)), as: rep)
            #expect(fake.status == .unsupportedMediaType && fake.text.contains("ไม่รับไฟล์ชนิดนี้"))
            let big = try await client.postMultipart(Self.page + "/evidence", fields: ["csrf": rep.csrf],
                                                     file: ("big.pdf", pdf + Data(count: 11 * 1024 * 1024)), as: rep)
            #expect(big.status == .contentTooLarge && big.text.contains("ไฟล์ใหญ่เกินกำหนด"))
            let noToken = try await client.postMultipart(Self.page + "/evidence", fields: [:], file: ("a.pdf", pdf), as: rep)
            #expect(noToken.status == .forbidden)
        }
    }

    @Test func previewJSONForTheScript() async throws {
        let db = try await ReportTestDatabase.fresh()
        try await withApp(databaseURL: db.url) { client in
            let rep = try await client.signIn("rep1022")
            let response = try await client.postForm(Self.page + "/preview", ["csrf": rep.csrf, "value": "58"], as: rep)
            #expect(response.status == .ok)
            let body = try json(response)
            #expect(body["level"] as? String == "1" && body["weighted"] as? String == "4" && body["band"] as? String == "lv1")
            let script = try await client.get("/static/report-preview.js", as: rep)
            #expect(script.status == .ok && script.text.contains("textContent"))
        }
    }

    @Test func reportAPIWithVersionsAndTransitions() async throws {
        let db = try await ReportTestDatabase.fresh()
        try await withApp(databaseURL: db.url) { client in
            let rep = db.tokens["rep1022"]!, head = db.tokens["head1022"]!, eva = db.tokens["eva"]!
            let path = "/api/v1/units/1022/reports/2567/q1/1.2"
            let bad = try await client.sendJSON(path, method: .put, #"{"value": "12..5"}"#, bearer: rep)
            #expect(bad.status == .unprocessableContent)
            let badBody = try json(bad)["error"] as? [String: Any]
            #expect(badBody?["code"] as? String == "invalid_input" && (badBody?["fields"] as? [String: String])?["value"] != nil)

            let created = try await client.sendJSON(path, method: .put, #"{"value": 72, "factors": ["ก", "ข"]}"#, bearer: rep)
            let createdBody = try json(created)
            #expect(created.status == .ok && createdBody["version"] as? Int == 1)
            let stale = try await client.sendJSON(path, method: .put, #"{"value": "73"}"#, bearer: rep)
            #expect(stale.status == .conflict)
            let staleBody = try json(stale)["error"] as? [String: Any]
            #expect(staleBody?["code"] as? String == "stale_version" && staleBody?["currentVersion"] as? Int == 1)
            #expect((staleBody?["message"] as? String)?.hasPrefix("มีผู้อื่นแก้ไขรายงานนี้ระหว่างที่คุณกรอก") == true)

            let report = try json(try await client.getAPI(path, bearer: rep))
            #expect(report["version"] as? Int == 1 && report["state"] as? String == "draft")
            #expect((report["preview"] as? [String: Any])?["weightedScore"] as? Double == 16)
            #expect((report["available"] as? [String: String])?["submission"] == path + "/submission")
            #expect(((report["report"] as? [String: Any])?["factors"] as? [String]) == ["ก", "ข"])

            // Bearer requests need no CSRF token; transitions are resources with the version.
            let headFirst = try await client.sendJSON(path + "/submission", method: .post, #"{"version": 1}"#, bearer: head)
            let headFirstError = try json(headFirst)["error"] as? [String: Any]
            #expect(headFirst.status == .conflict && headFirstError?["code"] as? String == "workflow")
            let submitted = try await client.sendJSON(path + "/submission", method: .post, #"{"version": 1}"#, bearer: rep)
            let submittedBody = try json(submitted)
            #expect(submitted.status == .ok && submittedBody["state"] as? String == "submitted")
            #expect(try await client.sendJSON(path + "/certification", method: .post, #"{"version": 2}"#, bearer: head).status == .ok)
            let accepted = try await client.sendJSON(path + "/acceptance", method: .post, #"{"version": 3}"#, bearer: eva)
            let acceptedBody = try json(accepted)
            #expect(accepted.status == .ok && acceptedBody["version"] as? Int == 4)
            #expect(try await client.sendJSON(path + "/bogus", method: .post, #"{"version": 4}"#, bearer: eva).status == .notFound)

            let grid = try json(try await client.getAPI("/api/v1/units/1022/reports/2567", bearer: eva))
            let rows = grid["rows"] as? [[String: Any]] ?? []
            let traffy = rows.first { $0["kpiCode"] as? String == "1.2" }
            #expect((traffy?["cells"] as? [[String: Any]])?.first?["state"] as? String == "accepted")

            // The city dashboard now scores it.
            let city = try await client.get("/dashboard?year=2567", as: try await client.signIn("exe"))
            #expect(city.text.contains("16"))

            let openAPI = try json(try await client.get("/api/v1/openapi.json"))
            let paths = openAPI["paths"] as? [String: Any] ?? [:]
            #expect((paths["/api/v1/units/{code}/reports/{year}/{round}/{kpi}"] as? [String: Any])?.keys.sorted() == ["get", "put"])
            #expect(paths["/api/v1/units/{code}/reports/{year}/{round}/{kpi}/{transition}"] != nil)
        }
    }

    @Test func homeAndStatusPages() async throws {
        let db = try await ReportTestDatabase.fresh()
        try await withApp(databaseURL: db.url) { client in
            let exe = try await client.signIn("exe")
            let status = try await client.get("/status?year=2567&round=q1", as: exe)
            #expect(status.status == .ok && status.text.contains("<svg class=\"status-bars\"") && status.text.contains("สำนักงานเขตภาษีเจริญ"))
            #expect(try await client.get("/status?round=q7", as: exe).status == .badRequest)
            let home = try await client.get("/", as: exe)
            #expect(home.status == .ok && home.text.contains("งานของฉัน"))
            let rep = try await client.signIn("rep1022")
            let tasks = try await client.get("/?year=2567", as: rep)
            #expect(tasks.status == .ok && tasks.text.contains("/units/1022/reports/2567/"))
            #expect(try await client.get("/").status == .seeOther)   // anonymous: to sign in
        }
    }
}
}
