import Foundation
import Hummingbird
import PhaenCore
import PhaenStore

/// /health, /metrics and the stylesheet: public, no session needed.
struct OpsController: Sendable {
    let store: PhaenStore
    let metrics: WebMetrics
    let stylesheet: ByteBuffer

    struct Health: Encodable { var status: String; var database: String }

    func addRoutes(to router: Router<PhaenRequestContext>) {
        router.get(RouterPath(SiteURL.Route.health.pattern)) { _, context in
            do {
                // A real round trip to the database (the store has no cheaper probe).
                _ = try await store.appliedMigrations()
                return try JSONResponse.make(Health(status: "ok", database: "ok"))
            } catch {
                context.logger.error("health check failed", metadata: ["error": "\(String(reflecting: error))"])
                return try JSONResponse.make(Health(status: "unavailable", database: "unreachable"), status: .serviceUnavailable)
            }
        }
        router.get(RouterPath(SiteURL.Route.metrics.pattern)) { _, _ in
            metrics.setReports(try await reportCounts())
            let text = metrics.exposition()
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get(RouterPath(SiteURL.Route.stylesheet.pattern)) { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: stylesheet))
        }
    }

    /// Reports by workflow state, counted at scrape time: one query per fiscal year in use.
    func reportCounts() async throws -> [ReportState: Int] {
        var years = Set<FiscalYear>()
        for unit in try await store.units() { years.formUnion(try await store.fiscalYears(unitCode: unit.code)) }
        var counts: [ReportState: Int] = [:]
        for year in years {
            for stored in try await store.storedReports(fiscalYear: year, units: nil) {
                counts[stored.report.state, default: 0] += 1
            }
        }
        return counts
    }

    static func loadStylesheet() throws -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: "Static/phaen", withExtension: "css")
            ?? Bundle.module.resourceURL?.appendingPathComponent("Static/phaen.css") else {
            throw RendererError(message: "the Static resource is missing from the PhaenWeb bundle")
        }
        return ByteBuffer(bytes: try Data(contentsOf: url))
    }
}
