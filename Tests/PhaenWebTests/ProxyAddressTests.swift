import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import PhaenStore
@testable import PhaenWeb

/// `--trust-proxy`: only then is the right-most `X-Forwarded-For` entry the client's address
/// (sign-in rate limit, logs); otherwise the socket peer's, whatever the header says.
extension WebTests {
@Suite struct ProxyAddressTests {
    /// A migrated, empty database of its own: the failed sign-ins these tests record must not
    /// rate-limit the other tests' addresses.
    func emptyDatabase() async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("phaen-proxy-\(UUID().uuidString).sqlite").path
        let store = try await PhaenStore.open("sqlite:\(path)")
        do { _ = try await store.migrate() } catch { try? await store.shutdown(); throw error }
        try await store.shutdown()
        return "sqlite:\(path)"
    }

    func configuration(_ url: String, trustProxy: Bool) async throws -> WebConfiguration {
        var c = try await testConfiguration(databaseURL: url)
        c.trustProxy = trustProxy
        c.port = 0
        return c
    }

    /// A failed sign-in (an unknown user each time, so only the address counter adds up).
    func failSignIn(_ client: any TestClientProtocol, forwardedFor: [String]) async throws -> HTTPResponse.Status {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        for value in forwardedFor { headers.append(HTTPField(name: ClientAddressMiddleware.forwardedFor, value: value)) }
        let body = "username=nobody-\(UUID().uuidString.prefix(8))&password=wrong-password"
        return try await client.execute(uri: "/signin", method: .post, headers: headers, body: ByteBuffer(string: body)).status
    }

    func failures(_ url: String, address: String) async throws -> Int {
        let store = try await PhaenStore.open(url)
        do {
            let count = try await store.failedSignIns(key: "addr:\(address)", since: Date().addingTimeInterval(-3600))
            try await store.shutdown()
            return count
        } catch {
            try? await store.shutdown()
            throw error
        }
    }

    @Test func withoutTheFlagTheSocketPeerIsTheAddressAndTheHeaderIsIgnored() async throws {
        let url = try await emptyDatabase()
        let app = try await buildApplication(configuration: try await configuration(url, trustProxy: false))
        try await app.test(.live) { (client: any TestClientProtocol) async throws in
            #expect(try await failSignIn(client, forwardedFor: ["203.0.113.9"]) == .unauthorized)
        }
        #expect(try await failures(url, address: "127.0.0.1") == 1)
        #expect(try await failures(url, address: "203.0.113.9") == 0)
    }

    @Test func withTheFlagTheRightMostForwardedAddressIsTheClient() async throws {
        let url = try await emptyDatabase()
        let app = try await buildApplication(configuration: try await configuration(url, trustProxy: true))
        try await app.test(.live) { (client: any TestClientProtocol) async throws in
            // The client wrote the first entry itself; the proxy appended the one it saw.
            #expect(try await failSignIn(client, forwardedFor: ["198.51.100.1", "203.0.113.9"]) == .unauthorized)
            #expect(try await failSignIn(client, forwardedFor: ["198.51.100.1, 203.0.113.9"]) == .unauthorized)
        }
        #expect(try await failures(url, address: "203.0.113.9") == 2)
        #expect(try await failures(url, address: "198.51.100.1") == 0)
        #expect(try await failures(url, address: "127.0.0.1") == 0)
    }

    @Test func theRateLimitCountsPerForwardedAddressOnlyBehindATrustedProxy() async throws {
        let trusted = try await buildApplication(configuration: try await configuration(try await emptyDatabase(), trustProxy: true))
        try await trusted.test(.router) { (client: any TestClientProtocol) async throws in
            for _ in 0..<5 { #expect(try await failSignIn(client, forwardedFor: ["203.0.113.20"]) == .unauthorized) }
            #expect(try await failSignIn(client, forwardedFor: ["203.0.113.20"]) == .tooManyRequests)
            // Another client behind the same proxy is not locked out, even if it forges the
            // locked address at the left of the header.
            #expect(try await failSignIn(client, forwardedFor: ["203.0.113.20, 203.0.113.21"]) == .unauthorized)
        }
        let direct = try await buildApplication(configuration: try await configuration(try await emptyDatabase(), trustProxy: false))
        try await direct.test(.router) { (client: any TestClientProtocol) async throws in
            for n in 0..<5 { #expect(try await failSignIn(client, forwardedFor: ["203.0.113.\(30 + n)"]) == .unauthorized) }
            // A made-up header does not escape the limit of the real peer.
            #expect(try await failSignIn(client, forwardedFor: ["203.0.113.99"]) == .tooManyRequests)
        }
    }

    @Test func onlyAnAddressCounts() {
        #expect(ClientAddressMiddleware.rightMostForwarded(["10.0.0.1, 192.0.2.7"]) == "192.0.2.7")
        #expect(ClientAddressMiddleware.rightMostForwarded(["10.0.0.1", " 2001:db8::1 "]) == "2001:db8::1")
        #expect(ClientAddressMiddleware.rightMostForwarded(["192.0.2.7, unknown"]) == nil)
        #expect(ClientAddressMiddleware.rightMostForwarded(["192.0.2.7, 300.1.1.1"]) == nil)
        #expect(ClientAddressMiddleware.rightMostForwarded(["192.0.2.7:8080"]) == nil)
        #expect(ClientAddressMiddleware.rightMostForwarded([]) == nil)
    }
}
}
