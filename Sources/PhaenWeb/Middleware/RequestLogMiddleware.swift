import Hummingbird
import Logging

/// One structured log line per request (method, path, status, duration in ms) and the
/// request metrics. Outermost, so it sees the status the error middleware chose.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = PhaenRequestContext
    let metrics: WebMetrics
    let level: Logger.Level

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        var status = 500
        defer {
            let elapsed = clock.now - start
            let route = context.endpointPath ?? "NotFound"
            metrics.record(route: route, method: request.method.rawValue, status: status, duration: elapsed)
            let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            context.logger.log(level: level, "request", metadata: [
                "method": .string(request.method.rawValue),
                // The path only: query strings may carry a `next` URL, never a secret, but
                // keep lines short and uniform.
                "path": .string(request.uri.path),
                "route": .string(route),
                "client": .string(context.clientAddress),
                "status": .stringConvertible(status),
                "duration_ms": .string(String(format: "%.2f", ms)),
            ])
        }
        let response = try await next(request, context)
        status = Int(response.status.code)
        return response
    }
}
