import Hummingbird
import PhaenCore

/// What every handler knows about the request besides the request itself: who is asking
/// (set by the session middleware from the cookie or a Bearer token), the CSRF token of
/// their session, which forms echo back in a hidden `csrf` field, and the client's address
/// (the sign-in rate limit counts failures per address).
public struct PhaenRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var person: Person?
    /// Nil for Bearer-token requests: the API takes no form posts.
    public var csrfToken: String?
    /// The session cookie's token, when the request came with a valid one.
    var sessionToken: String?
    /// The peer's IP address ("unknown" in in-process tests); with `--trust-proxy`, the
    /// address the proxy put in `X-Forwarded-For` (`ClientAddressMiddleware`).
    public internal(set) var clientAddress: String

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.person = nil
        self.csrfToken = nil
        self.sessionToken = nil
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Evidence uploads are larger than Hummingbird's default 2 MB.
    public var maxUploadSize: Int { 20 * 1024 * 1024 }
}
