import Foundation
import HTTPTypes
import Hummingbird
import PhaenApp

/// Every state-changing request made with the session cookie must carry the session's CSRF
/// token — the hidden form field `csrf`, or the `X-CSRF-Token` header for scripts. Bearer
/// requests are exempt (a browser never adds that header by itself), and so is the sign-in
/// form, which has no session yet.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = PhaenRequestContext
    static let field = "csrf"
    static let header = HTTPField.Name("X-CSRF-Token")!
    /// Plain forms are small; uploads are bounded by `uploadLimit`.
    static let formLimit = 1024 * 1024
    /// The largest multipart body read to find the token: the evidence limit plus the framing.
    var uploadLimit = ReportEntry.defaultEvidenceLimit + ReportController.multipartOverhead

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method),
              SessionMiddleware.bearerToken(request) == nil,
              request.uri.path != SiteURL.Route.signIn.pattern else {
            return try await next(request, context)
        }
        var request = request
        let sent: String?
        if let header = request.headers[Self.header] {
            sent = header
        } else if let type = request.headers[.contentType], type.hasPrefix("application/x-www-form-urlencoded") {
            // Collecting keeps the body on the request for the handler.
            let body = try await request.collectBody(upTo: Self.formLimit)
            sent = Self.formValue(Self.field, in: String(buffer: body))
        } else if let type = request.headers[.contentType], let boundary = MultipartForm.boundary(contentType: type) {
            if Self.announcesOversizeEvidence(request, limit: uploadLimit) {
                // The evidence handler answers an announced oversize body with the report page
                // and the Thai size message before reading any of it, and changes nothing: let it,
                // rather than read megabytes here only to show a bare error page.
                return try await next(request, context)
            }
            // Upload forms work without JavaScript too: the token is a field of the multipart body.
            let body = try await request.collectBody(upTo: uploadLimit)
            sent = MultipartForm.parse(Array(buffer: body), boundary: boundary)?.fields[Self.field]
        } else {
            sent = nil
        }
        guard let expected = context.csrfToken, let sent, Self.constantTimeEqual(sent, expected) else {
            throw WebError.badCSRF
        }
        return try await next(request, context)
    }

    /// A POST to the evidence upload route whose Content-Length is over `limit`.
    static func announcesOversizeEvidence(_ request: Request, limit: Int) -> Bool {
        guard let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit else { return false }
        let path = request.uri.path.split(separator: "/", omittingEmptySubsequences: false)
        let pattern = SiteURL.Route.reportEvidence.pattern.split(separator: "/", omittingEmptySubsequences: false)
        return path.count == pattern.count && zip(path, pattern).allSatisfy { segment, expected in
            expected.hasPrefix("{") ? !segment.isEmpty : segment == expected
        }
    }

    static func formValue(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
