import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PhaenWeb

/// Every route of the API that takes a body says what the body is, in the OpenAPI document.
extension WebTests {
@Suite struct OpenAPIBodyTests {
    func document() async throws -> [String: [String: [String: Any]]] {
        let response = try await withAppResult { client in try await client.execute(uri: "/api/v1/openapi.json", method: .get) }
        #expect(response.status == .ok)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        return paths.mapValues { $0.compactMapValues { $0 as? [String: Any] } }
    }

    func withAppResult<T: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let app = try await buildApplication(configuration: try await testConfiguration())
        return try await app.test(.router) { client in try await body(client) }
    }

    @Test func everyPostAndPutHasADescribedJSONBody() async throws {
        let paths = try await document()
        var withBody = 0
        for (path, operations) in paths {
            for (method, operation) in operations where method == "post" || method == "put" {
                let body = operation["requestBody"] as? [String: Any]
                #expect(body != nil, "\(method) \(path) has no requestBody")
                #expect((body?["description"] as? String)?.isEmpty == false, "\(method) \(path): no description")
                let schema = ((body?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
                let properties = schema?["properties"] as? [String: Any] ?? [:]
                #expect(schema?["type"] as? String == "object" && !properties.isEmpty, "\(method) \(path): no fields described")
                withBody += 1
            }
            for (method, operation) in operations where method == "get" {
                #expect(operation["requestBody"] == nil, "get \(path) describes a body")
            }
        }
        #expect(withBody >= 3)
    }

    @Test func theReportAndTransitionBodiesNameTheirFields() async throws {
        let paths = try await document()
        func schema(_ path: String, _ method: String) -> [String: Any]? {
            let body = paths[path]?[method]?["requestBody"] as? [String: Any]
            return ((body?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
        }
        let report = schema("/api/v1/units/{code}/reports/{year}/{round}/{kpi}", "put")
        let fields = Set((report?["properties"] as? [String: Any] ?? [:]).keys)
        #expect(fields == ["version", "value", "claimedLevel", "narrative", "supportingProjects", "factors", "obstacles",
                           "explanation", "remarks"])
        let transition = schema("/api/v1/units/{code}/reports/{year}/{round}/{kpi}/{transition}", "post")
        #expect(transition?["required"] as? [String] == ["version"])
        let kpi = schema("/api/v1/units/{code}/agreements/{year}/kpis/{kpi}", "put")
        #expect(Set(kpi?["required"] as? [String] ?? []) == ["weight", "criteria"])
        for body in [report, transition, kpi] {
            for (name, field) in body?["properties"] as? [String: Any] ?? [:] {
                let described = (field as? [String: Any])?["description"] as? String
                #expect(described?.isEmpty == false, "field \(name) has no description")
            }
        }
    }

    /// The body fields described for the draft report are exactly those the handler reads:
    /// a body with every described field is accepted.
    @Test func aBodyWithEveryDescribedFieldIsAccepted() async throws {
        let db = try await ReportTestDatabase.fresh()
        let app = try await buildApplication(configuration: try await testConfiguration(databaseURL: db.url))
        try await app.test(.router) { client in
            let body = #"{"value": "๗๒", "claimedLevel": 4, "narrative": "ผล", "supportingProjects": ["ก"], "factors": "ข", "#
                + #""obstacles": ["ค"], "explanation": "ง", "remarks": "จ"}"#
            let saved = try await client.sendJSON("/api/v1/units/1022/reports/2567/q1/1.2", method: .put, body, bearer: db.tokens["rep1022"]!)
            #expect(saved.status == .ok)
        }
    }
}
}
