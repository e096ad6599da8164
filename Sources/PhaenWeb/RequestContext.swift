import Hummingbird
import PhaenCore

/// What every handler knows about the request besides the request itself: who is asking
/// (set by the session middleware from the cookie or a Bearer token) and the CSRF token of
/// their session, which forms echo back in a hidden `csrf` field.
public struct PhaenRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var person: Person?
    /// Nil for Bearer-token requests: the API takes no form posts.
    public var csrfToken: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.person = nil
        self.csrfToken = nil
    }

    /// Evidence uploads are larger than Hummingbird's default 2 MB.
    public var maxUploadSize: Int { 20 * 1024 * 1024 }
}
