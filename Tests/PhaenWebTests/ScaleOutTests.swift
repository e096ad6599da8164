import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 3, "Scale out": no state in a process. Two real `phaen serve` processes on one
/// PostgreSQL database; a session started on one is honoured by the other, and ended on the
/// other it is refused by the first.
@Suite(.serialized) struct ScaleOutTests {
    /// The built `phaen` next to the test bundle (as CommandLineTests finds it).
    static let binary: URL? = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("phaen"),
            Bundle.main.bundleURL.appendingPathComponent("phaen"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/phaen").standardized,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static let username = "scale-tester"
    static let displayName = "ผู้ทดสอบ สองกระบวนการ"
    static let password = "two-processes-one-database"

    @Test("a session started on one phaen serve process continues on another and ends on both",
          .enabled(if: ScaleOutPostgres.isWanted), .timeLimit(.minutes(5)))
    func sessionsAreShared() async throws {
        let phaen = try #require(Self.binary, "the phaen executable was not built (swift build --build-tests)").path
        let postgres = try await offThePool { try ScaleOutPostgres.start() }
        defer { postgres.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phaen-scale-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let passwordFile = "\(directory)/password"
        try (Self.password + "\n").write(toFile: passwordFile, atomically: true, encoding: .utf8)
        try await offThePool {
            try ScaleOutProcess.run([phaen, "user", "add", "--db", postgres.url, "--username", Self.username,
                                     "--name", Self.displayName, "--role", "evaluator", "--password-stdin"],
                                    log: "\(directory)/user-add.log", stdin: passwordFile)
        }

        let servers = ServerGroup()
        defer { servers.stopAll() }
        // One after the other: the first start migrates and loads the demo dataset.
        let a = try await servers.start(phaen, database: postgres.url, name: "a", directory: directory)
        let b = try await servers.start(phaen, database: postgres.url, name: "b", directory: directory)
        #expect(a != b)

        // Sign in on A.
        let signIn = try ScaleOutHTTP.request(port: a, "POST", "/signin",
                                              form: [("username", Self.username), ("password", Self.password), ("next", "/units")])
        #expect(signIn.status == 303, "sign-in on A answered \(signIn.status): \(signIn.body.prefix(500))")
        let token = try #require(signIn.cookie("phaen_session"), "sign-in on A set no phaen_session cookie: \(signIn.headers)")
        let cookie = [("Cookie", "phaen_session=\(token)")]

        // Continue on B: a page behind sign-in shows the person.
        let page = try ScaleOutHTTP.request(port: b, "GET", "/units", headers: cookie)
        #expect(page.status == 200, "B answered \(page.status) for A's session: \(page.body.prefix(500))")
        #expect(page.body.contains(Self.displayName), "B's page does not show who is signed in")
        let csrf = try #require(page.hiddenField("csrf"), "B's page has no CSRF field (the sign-out form)")

        // A's page is the same person, with the same session's CSRF token.
        let onA = try ScaleOutHTTP.request(port: a, "GET", "/units", headers: cookie)
        #expect(onA.status == 200 && onA.hiddenField("csrf") == csrf)

        // Sign out on B …
        let signOut = try ScaleOutHTTP.request(port: b, "POST", "/signout", headers: cookie, form: [("csrf", csrf)])
        #expect(signOut.status == 303, "sign-out on B answered \(signOut.status): \(signOut.body.prefix(500))")

        // … and A no longer knows the cookie.
        let refused = try ScaleOutHTTP.request(port: a, "GET", "/units", headers: cookie)
        #expect(refused.status != 200, "A still served the page after sign-out on B")
        #expect(!refused.body.contains(Self.displayName))
        #expect(refused.status == 401 || refused.status == 403 || refused.header("location")?.hasPrefix("/signin") == true,
                "A answered \(refused.status) \(refused.headers) instead of asking to sign in")
        let alsoRefused = try ScaleOutHTTP.request(port: b, "GET", "/units", headers: cookie)
        #expect(alsoRefused.status != 200)
    }
}

/// The `phaen serve` children of one test; `stopAll` ends every one (SIGTERM, then SIGKILL).
final class ServerGroup: @unchecked Sendable {
    private var pids: [pid_t] = []
    private var watchdogs: [pid_t] = []

    /// Starts `phaen serve` on a free port and waits until its /health answers 200.
    func start(_ phaen: String, database: String, name: String, directory: String) async throws -> Int {
        let log = "\(directory)/serve-\(name).log"
        var lastError: Error?
        for _ in 0..<3 {
            let port = try ScaleOutProcess.freePort()
            let pid = try ScaleOutProcess.spawn(["/usr/bin/setsid", phaen, "serve", "--db", database, "--port", String(port),
                                                 "--evidence-dir", "\(directory)/evidence"], log: log, in: directory)
            pids.append(pid)
            // If the test process dies, its servers go too.
            let watchdog = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; kill \(pid) 2>/dev/null"
            if let w = try? ScaleOutProcess.spawn(["/usr/bin/setsid", "/bin/sh", "-c", watchdog], log: nil) { watchdogs.append(w) }
            do {
                try await waitForHealth(port: port, pid: pid, log: log)
                return port
            } catch {
                lastError = error  // the port may have been taken meanwhile: another one
                ScaleOutProcess.stop(pid)
                pids.removeAll { $0 == pid }
            }
        }
        throw lastError!
    }

    private func waitForHealth(port: Int, pid: pid_t, log: String) async throws {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw ScaleOutFailure("phaen serve exited with \(ScaleOutProcess.exitCode(status)): \(output)")
            }
            if let health = try? ScaleOutHTTP.request(port: port, "GET", "/health", timeout: 5), health.status == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        throw ScaleOutFailure("phaen serve on port \(port) did not answer /health within 120 s: \(output)")
    }

    func stopAll() {
        for pid in pids { ScaleOutProcess.stop(pid) }
        pids.removeAll()
        // The watchdogs only wait for this process; end them so none is left behind.
        for w in watchdogs { kill(w, SIGTERM); _ = ScaleOutProcess.wait(w) }
        watchdogs.removeAll()
    }
}

/// Runs blocking work (initdb, pg_ctl, a child to completion) on a thread of its own, so the
/// test runner's few cooperative threads stay free.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
