import PhaenApp

/// Errors the web layer raises itself; `ErrorMiddleware` maps them (and the App and Core
/// errors) to a status and a Thai message.
struct WebError: Error, Sendable {
    enum Kind: Sendable { case notFound, badRequest, unauthenticated, forbiddenForm }
    var kind: Kind
    var messageTH: String
    var messageEN: String

    /// Unknown and invisible units are indistinguishable on purpose.
    static func unitNotFound(_ code: String) -> WebError {
        WebError(kind: .notFound, messageTH: "ไม่พบหน่วยงานรหัส \(code)", messageEN: "no unit \(code) visible")
    }

    static func notFound(_ th: String, _ en: String) -> WebError { WebError(kind: .notFound, messageTH: th, messageEN: en) }
    static func badRequest(_ th: String, _ en: String) -> WebError { WebError(kind: .badRequest, messageTH: th, messageEN: en) }

    static let unauthenticated = WebError(kind: .unauthenticated, messageTH: "กรุณาเข้าสู่ระบบ",
                                          messageEN: "sign-in required")
    static let badCSRF = WebError(kind: .forbiddenForm,
                                  messageTH: "แบบฟอร์มหมดอายุหรือไม่ถูกต้อง กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง",
                                  messageEN: "missing or wrong CSRF token")
}
