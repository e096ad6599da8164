import Foundation
import Logging

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
