import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PhaenWeb

extension WebTests {
@Suite struct OpsTests {
    @Test func healthAnswersWithoutSignIn() async throws {
        try await withApp { client in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            #expect(health.text == #"{"database":"ok","status":"ok"}"#)
        }
    }

    @Test func metricsCountRequestsAndReports() async throws {
        try await withApp { client in
            let browser = try await client.signIn("eva")
            _ = try await client.get("/units", as: browser)
            _ = try await client.get("/units/9999", as: browser)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            let text = metrics.text
            #expect(text.contains(#"phaen_http_requests_total{route="/units",method="GET",status="200"} 1"#))
            #expect(text.contains(#"phaen_http_requests_total{route="/units/{code}",method="GET",status="404"} 1"#))
            #expect(text.contains("phaen_http_request_duration_seconds_bucket"))
            // The demo dataset's 14 reports are all submitted.
            #expect(text.contains(#"phaen_reports{state="submitted"} 14"#))
            #expect(text.contains(#"phaen_reports{state="draft"} 0"#))
        }
    }

    @Test func theStylesheetIsServed() async throws {
        try await withApp { client in
            let css = try await client.execute(uri: "/static/phaen.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text.contains(#""TH Sarabun New","Sarabun","Laksaman","Noto Sans Thai",sans-serif"#.replacingOccurrences(of: ",", with: ", ")))
        }
    }
}
}
