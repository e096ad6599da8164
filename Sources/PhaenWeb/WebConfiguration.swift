import Foundation
import Logging
import PhaenApp

/// Everything `buildApplication` needs, in one value: flags override the environment,
/// which overrides these defaults (see `phaen serve`).
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// `sqlite:PATH` or `postgres://…` (PhaenStore.open).
    public var databaseURL: String
    /// Where evidence files are kept (shared by every process serving the same database).
    public var evidenceDirectory: String
    /// Marks the session cookie `Secure`: set it when the site is served over TLS
    /// (behind a reverse proxy that terminates it).
    public var secureCookies: Bool
    public var logLevel: Logger.Level
    /// Behind a reverse proxy: take the client's address from the right-most `X-Forwarded-For`
    /// entry (the one the proxy added) for the sign-in rate limit and the logs. Off: the socket
    /// peer's address, because anyone can send the header to a server reached directly.
    public var trustProxy = false
    /// The largest evidence file accepted, in bytes (`--evidence-max-mb`).
    public var evidenceMaxBytes = ReportEntry.defaultEvidenceLimit

    public init(host: String = "127.0.0.1", port: Int = 8080, databaseURL: String = "sqlite:phaen.sqlite",
                evidenceDirectory: String = "evidence", secureCookies: Bool = false, logLevel: Logger.Level = .info) {
        self.host = host; self.port = port; self.databaseURL = databaseURL
        self.evidenceDirectory = evidenceDirectory; self.secureCookies = secureCookies; self.logLevel = logLevel
    }

    /// The address people type into a browser.
    public var displayURL: String {
        let shown = host == "0.0.0.0" || host == "::" ? "localhost" : host
        return "http://\(shown):\(port)/"
    }
}
