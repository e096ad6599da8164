import Foundation
import HTTPTypes
import Hummingbird

/// Decides whose address a request comes from, for the sign-in rate limit and the logs.
/// Outermost, so every later middleware and handler sees the same address.
///
/// Only with `--trust-proxy` is `X-Forwarded-For` read, and then only its right-most entry:
/// a client may send the header with any addresses in it, and a proxy appends the address it
/// saw, so the last entry is the one a trusted proxy vouches for. Without the flag the header
/// is ignored — a server reached directly cannot tell a forged header from a real one.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = PhaenRequestContext
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    let trustProxy: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard trustProxy, let forwarded = Self.rightMostForwarded(request.headers[values: Self.forwardedFor]) else {
            return try await next(request, context)
        }
        var context = context
        context.clientAddress = forwarded
        return try await next(request, context)
    }

    /// The last address of the header's entries (several headers count as one list, in order);
    /// nil when there is none or it is not an IP address.
    static func rightMostForwarded(_ values: [String]) -> String? {
        let entries = values.flatMap { $0.split(separator: ",") }
        guard let last = entries.last?.trimmingCharacters(in: .whitespaces), isIPAddress(last) else { return nil }
        return last
    }

    /// IPv4 dotted quads and IPv6 text (hex digits, colons, optionally an embedded IPv4 tail).
    /// Anything else — a host name, "unknown", a port — is not an address the limit can count.
    static func isIPAddress(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 45 else { return false }
        if text.contains(":") {
            return text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } && text.filter({ $0 == ":" }).count >= 2
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && Int(part).map { $0 <= 255 } == true
        }
    }
}
