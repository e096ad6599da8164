import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server for this test process, started on first use and stopped at
/// exit — or, when `PHAEN_TEST_POSTGRES_URL` names one, an existing server.
///
/// Each test gets a fresh database on it (see `TestDatabase`), so every test migrates from zero.
/// When PostgreSQL is not installed the PostgreSQL cases are left out with a message, unless
/// `PHAEN_REQUIRE_POSTGRES=1` asks for them to fail instead.
enum PostgresServer {
    static let skipMessage = "PostgreSQL not installed: skipping PostgreSQL store tests"

    /// Whether the PostgreSQL cases should run at all (decided once, when tests are listed).
    static let isWanted: Bool = {
        let environment = ProcessInfo.processInfo.environment
        if environment["PHAEN_TEST_POSTGRES_URL"] != nil || binDirectory != nil { return true }
        if environment["PHAEN_REQUIRE_POSTGRES"] == "1" { return true }  // and fail in `adminURL`
        print(skipMessage)
        return false
    }()

    /// A URL of the server's `postgres` database, for creating and dropping test databases.
    static func adminURL() async throws -> String {
        if let url = ProcessInfo.processInfo.environment["PHAEN_TEST_POSTGRES_URL"] { return url }
        return try await local.value.adminURL
    }

    /// The first `…/bin` under /usr/lib/postgresql (highest version) that holds initdb and pg_ctl.
    static let binDirectory: String? = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.sorted { $0.compare($1, options: .numeric) == .orderedDescending }
            .map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") && FileManager.default.isExecutableFile(atPath: "\($0)/pg_ctl") }
    }()

    /// Started once per process, on a thread of its own: starting blocks for a second or two,
    /// and the tests' few cooperative threads must stay free meanwhile. A failure is kept and
    /// reported by every test that needs the server.
    private static let local = Task<LocalServer, Error> {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try LocalServer.start() }) }.start()
        }
    }
}

/// A cluster in a temporary directory, listening on 127.0.0.1 only, with trust authentication.
struct LocalServer: Sendable {
    let directory: String
    let port: Int
    let bin: String
    var adminURL: String { "postgres://postgres@127.0.0.1:\(port)/postgres?tlsmode=disable" }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func start() throws -> LocalServer {
        guard let bin = PostgresServer.binDirectory else {
            throw Failure(description: "\(PostgresServer.skipMessage) (PHAEN_REQUIRE_POSTGRES=1): install postgresql-15")
        }
        var template = Array((NSTemporaryDirectory() + "/phaen-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(description: "mkdtemp failed: errno \(errno)") }
        let directory = String(cString: made)
        // initdb and postgres refuse to run as root: hand the directory to the postgres user.
        let asRoot = getuid() == 0
        if asRoot {
            guard let account = getpwnam("postgres") else { throw Failure(description: "running as root but there is no postgres user") }
            chown(directory, account.pointee.pw_uid, account.pointee.pw_gid)
        }
        func server(_ tool: String, _ arguments: [String]) throws {
            let command = ["\(bin)/\(tool)"] + arguments
            // setsid: the server must not share the terminal's process group, or a Ctrl-C
            // (or a stray SIGINT to the group) would stop it mid-run.
            try run(["/usr/bin/setsid", "-w"] + (asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + command : command),
                    log: "\(directory)/\(tool).out", in: directory)
        }
        try server("initdb", ["-D", "\(directory)/data", "-U", "postgres", "-A", "trust", "-E", "UTF8",
                              "--locale=C.UTF-8", "--no-sync"])
        var lastError: Error?
        for _ in 0..<5 {
            let port = 55432 + Int.random(in: 0..<2000)
            do {
                // fsync off: a test cluster never needs to survive a crash. Many connections:
                // every test opens its own pools, and Swift Testing runs them in parallel.
                try server("pg_ctl", ["-D", "\(directory)/data", "-l", "\(directory)/server.log", "-w", "-t", "30",
                                      "-o", "-p \(port) -c listen_addresses=127.0.0.1 -k \(directory) -c fsync=off -c max_connections=400", "start"])
                let started = LocalServer(directory: directory, port: port, bin: bin)
                started.stopAtExit(asRoot: asRoot)
                return started
            } catch {
                lastError = error  // most likely the port is taken: try another
            }
        }
        throw lastError!
    }

    /// Stops the server when this process ends, however it ends: `atexit` covers a normal exit,
    /// a detached watchdog (polling this process's pid) covers a crash or a kill.
    private func stopAtExit(asRoot: Bool) {
        let prefix = asRoot ? "/usr/sbin/runuser -u postgres -- " : ""
        let stop = "\(prefix)\(bin)/pg_ctl -D '\(directory)/data' stop -m immediate >/dev/null 2>&1; rm -rf '\(directory)'"
        LocalServer.exitCommand = stop
        atexit {
            if let command = LocalServer.exitCommand { _ = try? LocalServer.run(["/bin/sh", "-c", command], log: nil) }
        }
        let watchdog = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stop)"
        _ = try? LocalServer.spawn(["/usr/bin/setsid", "/bin/sh", "-c", watchdog], log: nil, in: nil)
    }

    nonisolated(unsafe) static var exitCommand: String?

    /// Runs a command to completion; its output goes to `log` (a file, so no child of it can
    /// hold a pipe open), which is quoted in the error when it fails.
    ///
    /// posix_spawn and waitpid rather than Foundation's Process: Process reaps its children
    /// through a SIGCHLD handler, and in the test process that handler was seen to miss one,
    /// leaving waitUntilExit() waiting for ever.
    @discardableResult
    static func run(_ command: [String], log: String?, in directory: String? = nil) throws -> Int32 {
        let pid = try spawn(command, log: log, in: directory)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "waitpid failed: errno \(errno)") }
        }
        let exited = (status & 0x7f) == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard code == 0 else {
            let output = log.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
            throw Failure(description: "\(command.joined(separator: " ")) exited with \(code): \(output)")
        }
        return code
    }

    /// Starts a command with stdin from /dev/null and stdout and stderr to `log` (or /dev/null),
    /// in `directory` (initdb fails when it cannot read its working directory, which the
    /// postgres user may not).
    static func spawn(_ command: [String], log: String?, in directory: String?) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Glibc's posix_spawn_file_actions_addchdir_np is not visible to Swift: a shell changes directory.
        let command = directory.map { ["/bin/sh", "-c", #"cd "$0" && exec "$@""#, $0] + command } ?? command
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, command[0], &actions, nil, &argv, environ)
        guard result == 0 else { throw Failure(description: "cannot start \(command[0]): error \(result)") }
        return pid
    }
}
