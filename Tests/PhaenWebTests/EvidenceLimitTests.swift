import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import PhaenApp
@testable import PhaenWeb

/// `phaen serve --evidence-max-mb N` (WebConfiguration.evidenceMaxBytes): the configured limit
/// is the one applied and shown, and a file over it gets the report page back with the Thai
/// message, the saved draft and nothing attached.
extension WebTests {
@Suite struct EvidenceLimitTests {
    static let page = "/units/1022/reports/2567/q2/1.2"
    static let pdfHead = Data("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n".utf8)

    func pdf(bytes: Int) -> Data { Self.pdfHead + Data(repeating: 0x20, count: bytes - Self.pdfHead.count - 6) + Data("%%EOF\n".utf8) }

    @Test func theConfiguredLimitIsAppliedAndAnOversizeFileKeepsThePage() async throws {
        let db = try await ReportTestDatabase.fresh()
        var configuration = try await testConfiguration(databaseURL: db.url)
        configuration.evidenceMaxBytes = 1024 * 1024
        let app = try await buildApplication(configuration: configuration)
        try await app.test(.router) { client in
            let rep = try await client.signIn("rep1022")
            let saved = try await client.postForm(Self.page, ["csrf": rep.csrf, "action": "save", "value": "70",
                                                              "narrative": "ผลไตรมาสสองที่พิมพ์ไว้"], as: rep)
            #expect(saved.status == .seeOther)
            let form = try await client.get(Self.page, as: rep)
            #expect(form.text.contains("ไม่เกิน 1.0 MB"))

            // 1.5 MB: under the default 10 MB, over this server's 1 MB.
            let big = try await client.postMultipart(Self.page + "/evidence", fields: ["csrf": rep.csrf],
                                                     file: ("ใหญ่.pdf", pdf(bytes: 1536 * 1024)), as: rep)
            #expect(big.status == .contentTooLarge)
            #expect(big.text.contains("ไฟล์ใหญ่เกินกำหนด (ไม่เกิน 1 MB ต่อไฟล์)"))
            #expect(big.text.contains("ผลไตรมาสสองที่พิมพ์ไว้") && big.text.contains("class=\"report-form\""))
            #expect(!big.text.contains("ใหญ่.pdf"))

            let small = try await client.postMultipart(Self.page + "/evidence", fields: ["csrf": rep.csrf],
                                                       file: ("เล็ก.pdf", pdf(bytes: 900 * 1024)), as: rep)
            #expect(small.status == .seeOther)
            let after = try await client.get(Self.page, as: rep)
            #expect(after.text.contains("เล็ก.pdf") && !after.text.contains("ใหญ่.pdf"))
        }
    }

    /// Far over the limit: refused from the announced length before the body is read — even
    /// before the CSRF token inside it — with the same page and message; nothing is stored.
    @Test func aFileFarOverTheLimitIsRefusedUnreadWithThePage() async throws {
        let db = try await ReportTestDatabase.fresh()
        var configuration = try await testConfiguration(databaseURL: db.url)
        configuration.evidenceMaxBytes = 1024 * 1024
        let app = try await buildApplication(configuration: configuration)
        try await app.test(.router) { client in
            let rep = try await client.signIn("rep1022")
            #expect(try await client.postForm(Self.page, ["csrf": rep.csrf, "action": "save", "value": "70"], as: rep).status == .seeOther)
            for fields in [["csrf": rep.csrf], [:]] {
                let huge = try await client.postMultipart(Self.page + "/evidence", fields: fields,
                                                          file: ("มาก.pdf", pdf(bytes: 3 * 1024 * 1024)), as: rep)
                #expect(huge.status == .contentTooLarge)
                #expect(huge.text.contains("ไฟล์ใหญ่เกินกำหนด (ไม่เกิน 1 MB ต่อไฟล์)"))
            }
            #expect(!(try await client.get(Self.page, as: rep)).text.contains("มาก.pdf"))
            // A small upload still needs its token.
            let forged = try await client.postMultipart(Self.page + "/evidence", fields: [:], file: ("a.pdf", pdf(bytes: 1024)), as: rep)
            #expect(forged.status == .forbidden)
        }
    }

    @Test func theDefaultIsTenMegabytes() {
        #expect(WebConfiguration().evidenceMaxBytes == 10 * 1024 * 1024)
        #expect(ReportEntry.defaultEvidenceLimit == WebConfiguration().evidenceMaxBytes)
    }
}
}
