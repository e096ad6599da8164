import Foundation
import Hummingbird
import HummingbirdTesting
import PhaenDocs
import PhaenStore
import Testing
@testable import PhaenWeb

extension WebTests {
/// Official documents downloaded through HTTP: the file, its MIME type and its Thai file name;
/// the same access as the page (another unit's document is 404); the links on the pages; and
/// the Thai page that offers the DOCX when the PDF cannot be printed.
@Suite struct DocumentDownloadTests {
    static let docxMIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    @Test func theUnitsReporterDownloadsThePlanBookAsWordWithAThaiFileName() async throws {
        try await withApp { client in
            let rep = try await client.signIn("rep1022")
            let response = try await client.get("/units/1022/plans/2567/download/docx", as: rep)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == Self.docxMIME)
            let disposition = try #require(response.headers[.contentDisposition])
            #expect(disposition.hasPrefix("attachment; filename=\"phaen-plan-1022-2567.docx\"; filename*=UTF-8''"))
            // แผนปฏิบัติการประจำปี-1022-2567.docx, percent-encoded UTF-8.
            let encoded = "แผนปฏิบัติการประจำปี-1022-2567.docx".addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-.")))!
            #expect(disposition.hasSuffix(encoded))
            // A ZIP package (DOCX) whose document names the official font.
            let bytes = Data(buffer: response.body)
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            #expect(bytes.count > 10_000)
        }
    }

    @Test func anotherUnitsDocumentsAre404LikeAMissingOne() async throws {
        try await withApp { client in
            let foreign = try await client.signIn("rep1016")
            for path in ["/units/1022/plans/2567/download/docx", "/units/1022/agreements/2567/download/pdf",
                         "/units/1022/reports/2567/download/docx", "/units/1022/plans/2567/download/xlsx"] {
                let response = try await client.get(path, as: foreign)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.text.contains("ไม่พบ"), "\(path): no Thai message")
            }
            // Not signed in: sent to sign in, no file.
            let anonymous = try await client.get("/units/1022/plans/2567/download/docx")
            #expect(anonymous.status == .seeOther)
            // An unknown format is not a route of a document.
            let rep = try await client.signIn("rep1022")
            #expect(try await client.get("/units/1022/plans/2567/download/odt", as: rep).status == .notFound)
            #expect(try await client.get("/units/1022/reports/2567/download/docx?round=q9", as: rep).status == .badRequest)
        }
    }

    @Test func spreadsheetsTheHalfYearReportAndTheCityTable() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            let xlsx = try await client.get("/units/1022/plans/2567/download/xlsx", as: eva)
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers[.contentType] == DocumentFormat.xlsx.mimeType)
            let report = try await client.get("/units/4001/reports/2567/download/docx?round=h1", as: eva)
            #expect(report.status == .ok)
            #expect(report.headers[.contentDisposition]?.contains("phaen-report-4001-2567-h1.docx") == true)
            let city = try await client.get("/dashboard/download/xlsx?year=2567", as: eva)
            #expect(city.status == .ok)
            #expect(city.headers[.contentDisposition]?.contains("phaen-city-2567.xlsx") == true)
            let cityDoc = try await client.get("/dashboard/download/docx?year=2567", as: eva)
            #expect(cityDoc.status == .ok && cityDoc.headers[.contentType] == Self.docxMIME)
        }
    }

    @Test func thePagesOfferTheDownloads() async throws {
        try await withApp { client in
            let rep = try await client.signIn("rep1022")
            let pages: [(String, String)] = [("/units/1022/plans/2567", "/units/1022/plans/2567/download/docx"),
                                             ("/units/1022/agreements/2567", "/units/1022/agreements/2567/download/pdf"),
                                             ("/units/1022/reports/2567", "/units/1022/reports/2567/download/docx?round=h1"),
                                             ("/dashboard?year=2567", "/dashboard/download/xlsx?year=2567")]
            for (page, link) in pages {
                let response = try await client.get(page, as: rep)
                #expect(response.status == .ok, "\(page)")
                #expect(response.text.contains("href=\"\(link)\""), "\(page) has no link \(link)")
            }
        }
    }

    @Test func withoutChromiumAPDFRequestGetsAThaiPageOfferingTheWordFile() async throws {
        let configuration = try await testConfiguration()
        try await withApp { client in
            let rep = try await client.signIn("rep1022")
            // The same database, with a controller whose Chromium does not exist.
            let store = try await PhaenStore.open(configuration.databaseURL)
            do {
                let web = try await WebServices(store: store, configuration: configuration)
                let router = Router(context: PhaenRequestContext.self)
                router.add(middleware: ErrorMiddleware(renderer: web.renderer))
                router.add(middleware: SessionMiddleware(identification: web.accounts))
                router.add(middleware: RequireSignIn())
                DocumentDownloadController(store: store, renderer: web.renderer, chromium: "/nonexistent/chromium").addRoutes(to: router)
                try await Application(router: router).test(.router) { noChromium in
                    let pdf = try await noChromium.get("/units/1022/plans/2567/download/pdf", as: rep)
                    #expect(pdf.status == .serviceUnavailable)
                    #expect(pdf.text.contains("Chromium"))
                    #expect(pdf.text.contains("href=\"/units/1022/plans/2567/download/docx\""))
                    #expect(pdf.text.contains("ดาวน์โหลดเป็นไฟล์ Word (DOCX)"))
                    // The Word file still works.
                    let docx = try await noChromium.get("/units/1022/plans/2567/download/docx", as: rep)
                    #expect(docx.status == .ok)
                }
            } catch {
                try? await store.shutdown()
                throw error
            }
            try await store.shutdown()
        }
    }
}
}
