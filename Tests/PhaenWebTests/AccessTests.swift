import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PhaenWeb

extension WebTests {
/// Access is scoped at the query: another unit's objects do not exist for a unit role.
@Suite struct AccessTests {
    static let foreignPages = ["/units/1022", "/units/1022/plans/2567", "/units/1022/agreements/2567", "/units/1022/scores/2567"]
    static let foreignAPI = ["/api/v1/units/1022", "/api/v1/units/1022/plans/2567", "/api/v1/units/1022/agreements/2567",
                             "/api/v1/units/1022/scores/2567", "/api/v1/units/1022/findings/2567"]

    @Test func aReporterOfAnotherUnitGets404ForPagesAndAPI() async throws {
        try await withApp { client in
            let reporter = try await client.signIn("rep1016")
            for path in Self.foreignPages {
                let response = try await client.get(path, as: reporter)
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.text.contains("ภาษีเจริญ"), "\(path) leaks the unit's name")
            }
            let token = try await apiToken("rep1016")
            for path in Self.foreignAPI {
                let response = try await client.getAPI(path, bearer: token)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.text.contains("\"code\":\"not_found\""))
            }
            // Unknown and invisible units answer alike.
            let unknown = try await client.getAPI("/api/v1/units/9999", bearer: token)
            let invisible = try await client.getAPI("/api/v1/units/1022", bearer: token)
            #expect(unknown.text.replacingOccurrences(of: "9999", with: "X") == invisible.text.replacingOccurrences(of: "1022", with: "X"))
        }
    }

    @Test func aReporterSeesOnlyTheirUnitInListsAndDashboard() async throws {
        try await withApp { client in
            let reporter = try await client.signIn("rep1016")
            let units = try await client.get("/units", as: reporter)
            #expect(units.text.contains("สำนักงานเขตบางกอกใหญ่"))
            #expect(!units.text.contains("สำนักงานเขตภาษีเจริญ"))
            #expect(try await client.get("/units/1016", as: reporter).status == .ok)
            let dashboard = try await client.get("/dashboard?year=2567", as: reporter)
            #expect(dashboard.status == .ok)
            #expect(!dashboard.text.contains("สำนักงานเขตภาษีเจริญ"))
            let api = try await client.getAPI("/api/v1/units", bearer: try await apiToken("rep1016"))
            let codes = try JSONDecoder().decode([UnitCode].self, from: Data(buffer: api.body)).map(\.code)
            #expect(codes == ["1016"])
        }
    }

    @Test func centralRolesSeeEveryUnit() async throws {
        try await withApp { client in
            for username in ["eva", "exe"] {
                let browser = try await client.signIn(username)
                for path in Self.foreignPages { #expect(try await client.get(path, as: browser).status == .ok, "\(username) \(path)") }
                let token = try await apiToken(username)
                for path in Self.foreignAPI { #expect(try await client.getAPI(path, bearer: token).status == .ok, "\(username) \(path)") }
            }
        }
    }

    struct UnitCode: Decodable { var code: String }
}
}
