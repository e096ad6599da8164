import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import PhaenStore
@testable import PhaenWeb

extension WebTests {
@Suite struct APITests {
    @Test func everyReadRouteAnswersAnEvaluator() async throws {
        try await withApp { client in
            let token = try await apiToken("eva")
            let units = try await client.getAPI("/api/v1/units?kind=district", bearer: token)
            #expect(units.status == .ok)
            #expect(units.headers[.contentType] == "application/json; charset=utf-8")
            #expect(units.text.contains("\"nameTH\":\"สำนักงานเขตภาษีเจริญ\""))

            let unit = try await client.getAPI("/api/v1/units/1022", bearer: token)
            #expect(unit.text.contains("\"plan\":\"/api/v1/units/1022/plans/2567\""))

            let plan = try await client.getAPI("/api/v1/units/1022/plans/2567", bearer: token)
            #expect(plan.status == .ok)
            #expect(plan.text.contains("\"computedTotal\":\"35254295.00\""))
            #expect(plan.text.contains("\"statedTotal\":\"35294295.00\""))

            let agreement = try await client.getAPI("/api/v1/units/1022/agreements/2567", bearer: token)
            #expect(agreement.text.contains("\"pointsScheme\":\"20-100\""))

            let scores = try await client.getAPI("/api/v1/units/3001/scores/2564", bearer: token)
            #expect(scores.status == .ok)
            #expect(scores.text.contains("\"rule\":\"unscored\""))

            let findings = try await client.getAPI("/api/v1/units/1022/findings/2567", bearer: token)
            #expect(findings.text.contains("PLAN-SECTION-UNKNOWN"))
            #expect(findings.text.contains("ฝ่ายเทคนิค"))
        }
    }

    @Test func theSessionCookieWorksForTheAPITooAndBadInputIs400() async throws {
        try await withApp { client in
            let browser = try await client.signIn("eva")
            #expect(try await client.get("/api/v1/units", as: browser).status == .ok)
            let bad = try await client.get("/api/v1/units/1022/plans/20x", as: browser)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("\"code\":\"invalid_input\""))
            let wrongToken = try await client.getAPI("/api/v1/units", bearer: "phaen_nope")
            #expect(wrongToken.status == .unauthorized)
        }
    }

    /// The router is built from the same route table as the document: every /api route the
    /// router has is described, and every described route is registered.
    @Test func theOpenAPIDocumentDescribesEveryAPIRoute() async throws {
        let configuration = try await testConfiguration()
        let store = try await PhaenStore.open(configuration.databaseURL)
        do {
            let router = buildRouter(try await WebServices(store: store, configuration: configuration))
            let registered = Set(router.routes.filter { $0.path.description.hasPrefix("/api/") }
                .map { "\($0.method.rawValue.lowercased()) \($0.path.description)" })
            let app = try await buildApplication(configuration: configuration)
            let document = try await app.test(.router) { client in
                try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            }
            #expect(document.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: document.body)) as? [String: Any]
            #expect(json?["openapi"] as? String == "3.1.0")
            let paths = json?["paths"] as? [String: [String: Any]] ?? [:]
            let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
            #expect(!registered.isEmpty)
            #expect(registered == described)
            for (_, operations) in paths {
                for (_, operation) in operations {
                    let op = operation as? [String: Any]
                    #expect((op?["summary"] as? String)?.isEmpty == false)
                    #expect((op?["responses"] as? [String: Any])?["200"] != nil || (op?["responses"] as? [String: Any])?["201"] != nil
                            || (op?["responses"] as? [String: Any])?["303"] != nil)
                }
            }
        } catch {
            try? await store.shutdown()
            throw error
        }
        try await store.shutdown()
    }
}
}
