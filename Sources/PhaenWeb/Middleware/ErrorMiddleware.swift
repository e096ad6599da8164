import Foundation
import Hummingbird
import Logging
import PhaenApp
import PhaenCore

/// Maps every error to one answer: a Thai error page, or `{"error":{"code","message"}}` under
/// /api. Quiet to people (no Swift error text), complete in the log.
///
/// not found, and any object the person may not see → 404 (never reveal it exists);
/// invalid input → 400; a refused workflow transition → 409; not signed in → redirect to the
/// sign-in page (pages) or 401 (API); anything else → 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = PhaenRequestContext
    let renderer: Renderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var context = context
            var failure = error
            // The session middleware re-throws with the person it found, so the error page
            // still shows who is signed in.
            if let signedIn = error as? SignedInFailure {
                context.person = signedIn.person
                context.csrfToken = signedIn.csrfToken
                failure = signedIn.underlying
            }
            let answer = Self.classify(failure)
            if answer.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: failure))"])
            } else {
                context.logger.debug("request refused", metadata: ["status": "\(answer.status.code)", "reason": "\(answer.messageEN)"])
            }
            let isAPI = request.uri.path.hasPrefix("/api/")
            if answer.status == .unauthorized, !isAPI {
                return Redirect.seeOther(SiteURL.signIn(next: request.uri.description).path)
            }
            if isAPI { return APIError.response(answer) }
            return try page(answer, context: context)
        }
    }

    private func page(_ answer: ErrorAnswer, context: Context) throws -> Response {
        let model = ErrorPage(status: Int(answer.status.code), heading: answer.headingTH, message: answer.messageTH)
        return try renderer.page("error", chrome: Chrome(title: answer.headingTH, context: context), model: model,
                                 status: answer.status)
    }

    static func classify(_ error: Error) -> ErrorAnswer {
        switch error {
        case let e as WebError:
            switch e.kind {
            case .notFound: return .init(.notFound, code: "not_found", th: e.messageTH, en: e.messageEN)
            case .badRequest: return .init(.badRequest, code: "invalid_input", th: e.messageTH, en: e.messageEN)
            case .unauthenticated: return .init(.unauthorized, code: "unauthenticated", th: e.messageTH, en: e.messageEN)
            case .forbiddenForm: return .init(.forbidden, code: "csrf", th: e.messageTH, en: e.messageEN)
            }
        case let e as AppError:
            switch e.kind {
            case .notFound: return .init(.notFound, code: "not_found", th: e.messageTH, en: e.messageEN)
            case .invalidInput: return .init(.badRequest, code: "invalid_input", th: e.messageTH, en: e.messageEN)
            }
        case let e as WorkflowError:
            return .init(.conflict, code: "workflow", th: e.messageTH, en: e.messageEN)
        case let e as any HTTPResponseError:
            switch e.status {
            case .notFound: return .init(.notFound, code: "not_found", th: "ไม่พบหน้าที่ต้องการ", en: "no such route")
            case .badRequest: return .init(.badRequest, code: "invalid_input", th: "คำขอไม่ถูกต้อง", en: "\(e)")
            case .methodNotAllowed:
                return .init(.methodNotAllowed, code: "method_not_allowed", th: "ไม่รองรับวิธีเรียกนี้", en: "\(e)")
            case .contentTooLarge:
                return .init(.contentTooLarge, code: "too_large", th: "ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด", en: "\(e)")
            default: return .init(e.status, code: "http_\(e.status.code)", th: "คำขอไม่สำเร็จ", en: "\(e)")
            }
        default:
            return .init(.internalServerError, code: "internal",
                         th: "ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง หากยังไม่ได้ผลโปรดแจ้งผู้ดูแลระบบ", en: "\(error)")
        }
    }
}

/// The status, machine code and messages an error becomes.
struct ErrorAnswer: Sendable {
    var status: HTTPResponse.Status
    var code: String
    var messageTH: String
    var messageEN: String

    init(_ status: HTTPResponse.Status, code: String, th: String, en: String) {
        self.status = status; self.code = code; self.messageTH = th; self.messageEN = en
    }

    var headingTH: String {
        switch status {
        case .notFound: "ไม่พบข้อมูล"
        case .badRequest: "ข้อมูลไม่ถูกต้อง"
        case .conflict: "ดำเนินการไม่ได้"
        case .forbidden: "ไม่สามารถดำเนินการได้"
        case .internalServerError: "ระบบขัดข้อง"
        default: "เกิดข้อผิดพลาด"
        }
    }
}

/// An error thrown below the session middleware, with the person it had found.
struct SignedInFailure: Error {
    var underlying: Error
    var person: Person?
    var csrfToken: String?
}

struct ErrorPage {
    var status: Int
    var heading: String
    var message: String
    var homeURL = SiteURL.home.path
}

enum Redirect {
    /// 303: after a form post, and to the sign-in page.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
