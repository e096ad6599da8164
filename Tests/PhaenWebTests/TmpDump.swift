import Foundation
import Testing
@testable import PhaenWeb

@Test func tmpDumpPages() async throws {
    guard let dir = ProcessInfo.processInfo.environment["PHAEN_DUMP"] else { return }
    try await withApp { client in
        let pages = ["units": "/units", "unit": "/units/1022", "plan": "/units/1022/plans/2567", "plan64": "/units/3001/plans/2564",
                     "agreement": "/units/1022/agreements/2567", "agr64": "/units/3001/agreements/2564", "scores": "/units/3001/scores/2564",
                     "dashboard": "/dashboard", "dash64": "/dashboard?year=2564", "err": "/units/9999"]
        for (name, path) in pages {
            let r = try await client.get(path, as: "reporter1022".isEmpty ? nil : (name == "err" ? "reporter1022" : "evaluator"))
            let html = r.text.replacingOccurrences(of: "href=\"/static/phaen.css\"", with: "href=\"file:///work/main/Sources/PhaenWeb/Static/phaen.css\"")
            try html.write(toFile: "\(dir)/\(name).html", atomically: true, encoding: .utf8)
        }
    }
}
