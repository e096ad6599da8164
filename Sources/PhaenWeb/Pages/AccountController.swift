import Foundation
import Hummingbird
import PhaenApp
import PhaenCore

extension Accounts: Identification {}

/// Sign-in, sign-out and password change. A sign-in always starts a new session (the old
/// one, if the browser had one, is ended), and a password change ends every session of the
/// person and starts a new one.
struct AccountController: Sendable {
    let accounts: Accounts
    let renderer: Renderer
    let secureCookies: Bool

    struct SignInForm: Decodable { var username: String?; var password: String?; var next: String? }
    struct PasswordForm: Decodable { var current: String?; var new: String?; var confirm: String? }

    /// Routes that must work without a session.
    func addPublicRoutes(to router: Router<PhaenRequestContext>) {
        router.get(RouterPath(SiteURL.Route.signIn.pattern)) { request, context in
            let next = Self.safeNext(request.uri.queryParameters.get("next"))
            if context.person != nil { return Redirect.seeOther(next) }
            return try signInPage(SignInPage(next: next), context: context)
        }
        router.post(RouterPath(SiteURL.Route.signIn.pattern)) { request, context in
            let form = try await Self.decodeForm(SignInForm.self, request)
            let next = Self.safeNext(form.next)
            do {
                let session = try await accounts.signIn(username: form.username ?? "", password: form.password ?? "",
                                                        address: context.clientAddress)
                if let old = context.sessionToken { try? await accounts.signOut(token: old) }
                var response = Redirect.seeOther(next)
                response.setCookie(sessionCookie(session.token, expires: session.expiresAt))
                return response
            } catch let error as AccountError {
                let status: HTTPResponse.Status = error.kind == .rateLimited ? .tooManyRequests : .unauthorized
                return try signInPage(SignInPage(next: next, username: form.username ?? "", error: error.messageTH),
                                      context: context, status: status)
            }
        }
    }

    /// Routes behind `RequireSignIn` and the CSRF check.
    func addRoutes(to router: Router<PhaenRequestContext>) {
        router.post(RouterPath(SiteURL.Route.signOut.pattern)) { _, context in
            if let token = context.sessionToken { try await accounts.signOut(token: token) }
            var response = Redirect.seeOther(SiteURL.signIn().path)
            response.setCookie(sessionCookie("", expires: nil, maxAge: 0))
            return response
        }
        router.get(RouterPath(SiteURL.Route.password.pattern)) { _, context in
            try renderer.page("password", chrome: Chrome(title: "เปลี่ยนรหัสผ่าน", context: context), model: PasswordPage())
        }
        router.post(RouterPath(SiteURL.Route.password.pattern)) { request, context in
            let person = try context.requirePerson()
            let form = try await Self.decodeForm(PasswordForm.self, request)
            guard let new = form.new, new == form.confirm else {
                return try passwordPage(PasswordPage(error: "รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน"), context: context, status: .badRequest)
            }
            do {
                let session = try await accounts.changePassword(person: person, current: form.current ?? "", new: new)
                var context = context
                context.csrfToken = session.csrfToken
                var response = try passwordPage(PasswordPage(done: true), context: context)
                response.setCookie(sessionCookie(session.token, expires: session.expiresAt))
                return response
            } catch let error as AccountError {
                return try passwordPage(PasswordPage(error: error.messageTH), context: context, status: .badRequest)
            }
        }
    }

    func signInPage(_ page: SignInPage, context: PhaenRequestContext, status: HTTPResponse.Status = .ok) throws -> Response {
        try renderer.page("signin", chrome: Chrome(title: "เข้าสู่ระบบ", context: context), model: page, status: status)
    }

    func passwordPage(_ page: PasswordPage, context: PhaenRequestContext, status: HTTPResponse.Status = .ok) throws -> Response {
        try renderer.page("password", chrome: Chrome(title: "เปลี่ยนรหัสผ่าน", context: context), model: page, status: status)
    }

    /// HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts), Path=/,
    /// Secure behind TLS.
    func sessionCookie(_ value: String, expires: Date?, maxAge: Int? = nil) -> Cookie {
        Cookie(name: SessionMiddleware.cookieName, value: value,
               maxAge: maxAge ?? expires.map { max(0, Int($0.timeIntervalSinceNow)) }, path: "/",
               secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    static func decodeForm<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: body))
        } catch {
            throw WebError.badRequest("ข้อมูลในแบบฟอร์มไม่ถูกต้อง", "form: \(error)")
        }
    }

    /// Only a path on this site: never another host (`//evil`, `https://…`), never a backslash trick.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.hasPrefix(SiteURL.Route.signIn.pattern) else { return SiteURL.dashboard().path }
        return next
    }
}

struct SignInPage {
    var title = "เข้าสู่ระบบ"
    var action = SiteURL.signIn().path
    var next: String
    var username = ""
    var error: String?
}

struct PasswordPage {
    var title = "เปลี่ยนรหัสผ่าน"
    var action = SiteURL.password.path
    var minimumLength = Accounts.minimumPasswordLength
    var done = false
    var error: String?
}
