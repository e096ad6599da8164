import Hummingbird
import PhaenCore
import PhaenStore

/// Resolves who is asking. `Accounts` (PhaenApp) provides it; tests may substitute their own.
protocol Identification: Sendable {
    func session(token: String) async throws -> (person: Person, csrfToken: String)?
    func person(apiToken: String) async throws -> Person?
}

/// Reads the session cookie (pages) or an `Authorization: Bearer` token (API) and puts the
/// person and the session's CSRF token into the context. Unknown or expired tokens leave the
/// request anonymous; the routes that need a person say so (`RequireSignIn`).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = PhaenRequestContext
    static let cookieName = "phaen_session"
    let identification: any Identification

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // A request that only reads asks the database for the data version once, however many
        // cached values it uses (PhaenStore.versionMemo); a write must see its own new version.
        guard request.method == .get || request.method == .head else { return try await identify(request, context, next) }
        return try await PhaenStore.$versionMemo.withValue(DataVersionMemo()) { try await identify(request, context, next) }
    }

    private func identify(_ request: Request, _ context: Context, _ next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let bearer = Self.bearerToken(request) {
            context.person = try await identification.person(apiToken: bearer)
        } else if let token = request.cookies[Self.cookieName]?.value, !token.isEmpty,
                  let found = try await identification.session(token: token) {
            context.person = found.person
            context.csrfToken = found.csrfToken
            context.sessionToken = token
        }
        do {
            return try await next(request, context)
        } catch {
            throw SignedInFailure(underlying: error, person: context.person, csrfToken: context.csrfToken)
        }
    }

    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}

/// Pages and API routes added after this middleware need a signed-in person.
struct RequireSignIn: RouterMiddleware {
    typealias Context = PhaenRequestContext
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.person != nil else { throw WebError.unauthenticated }
        return try await next(request, context)
    }
}

extension PhaenRequestContext {
    /// The signed-in person (routes behind `RequireSignIn` always have one).
    func requirePerson() throws -> Person {
        guard let person else { throw WebError.unauthenticated }
        return person
    }
}
