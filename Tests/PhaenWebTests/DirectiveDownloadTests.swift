import Foundation
import Hummingbird
import HummingbirdTesting
import PhaenDocs
import Testing
import ZIPFoundation
@testable import PhaenWeb

extension WebTests {
/// The directive status table downloaded from the dashboard: the person's pairs only, as the
/// dashboard counts them (a unit's reporter gets the rows of their unit and no other).
@Suite struct DirectiveDownloadTests {
    /// The text cells of the workbook (its shared strings), read back from the ZIP package.
    static func strings(_ body: ByteBuffer) throws -> [String] {
        let archive = try Archive(data: Data(buffer: body), accessMode: .read)
        let entry = try #require(archive["xl/sharedStrings.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        let text = String(decoding: xml, as: UTF8.self)
        return text.components(separatedBy: "<t").dropFirst().compactMap { part in
            guard let open = part.firstIndex(of: ">"), let close = part.range(of: "</t>") else { return nil }
            return String(part[part.index(after: open)..<close.lowerBound])
        }
    }

    @Test func theReporterDownloadsOnlyTheirUnitsRows() async throws {
        try await withApp { client in
            let rep = try await client.signIn("rep1022")
            let dashboard = try await client.get("/directives/dashboard?year=2566", as: rep)
            #expect(dashboard.text.contains("href=\"/directives/download/xlsx?year=2566\""))
            #expect(dashboard.text.contains("ดาวน์โหลด Excel"))

            let mine = try await client.get("/directives/download/xlsx?year=2566", as: rep)
            #expect(mine.status == .ok)
            #expect(mine.headers[.contentType] == DocumentFormat.xlsx.mimeType)
            #expect(mine.headers[.contentDisposition]?.contains("phaen-directives-2566.xlsx") == true)
            let strings = try Self.strings(mine.body)
            // The demo register of 2566 is addressed to 1022, 1016, 4001 and 2002.
            #expect(strings.contains("1022") && strings.contains("2566-1-01"))
            #expect(!strings.contains("1016") && !strings.contains("4001") && !strings.contains("2002"))
            #expect(!strings.contains { $0.contains("ต้องผ่านการพิจารณาของ ก.ก.") })  // 1016's reason

            let eva = try await client.signIn("eva")
            let all = try Self.strings(try await client.get("/directives/download/xlsx?year=2566", as: eva).body)
            #expect(all.contains("1022") && all.contains("1016") && all.contains("4001") && all.contains("2002"))
        }
    }
}
}
