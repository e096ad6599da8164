import Foundation
import PhaenCore
import Prometheus

/// The application's Prometheus registry. One per application (not the process-global
/// MetricsSystem), so tests can build many applications in one process.
final class WebMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    /// Seconds; a page that takes more than a second is a bug worth seeing.
    private static let buckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    func record(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(name: "phaen_http_requests_total",
                             labels: [("route", route), ("method", method), ("status", String(status))],
                             help: "HTTP requests by route, method and status").increment()
        registry.makeDurationHistogram(name: "phaen_http_request_duration_seconds",
                                       labels: [("route", route), ("method", method)], buckets: Self.buckets,
                                       help: "HTTP request latency by route").record(duration)
    }

    /// Sets the report gauges from counts taken at scrape time (state → number of reports).
    func setReports(_ counts: [ReportState: Int]) {
        for state in ReportState.allCases {
            registry.makeGauge(name: "phaen_reports", labels: [("state", state.rawValue)],
                               help: "Progress reports by workflow state").set(Double(counts[state] ?? 0))
        }
    }

    func exposition() -> String { registry.emitToString() }
}
