import Foundation
#if canImport(Glibc)
import Glibc
#endif

// What the scale-out test needs and no other test of this target does: a throwaway PostgreSQL
// cluster, child processes, and a plain HTTP/1.1 client over a socket. The cluster logic is a
// trimmed copy of Tests/PhaenStoreTests/PostgresServer.swift (test targets cannot import each
// other); keep the two in step.

/// A PostgreSQL cluster of this test's own, in a temporary directory, on 127.0.0.1 only,
/// trust authentication, stopped by `stop()` (and by a watchdog if the test process dies).
struct ScaleOutPostgres: Sendable {
    static let skipMessage = "PostgreSQL not installed: skipping the scale-out test (two phaen serve processes on one database)"

    /// Whether the test should run: PostgreSQL is installed, or PHAEN_REQUIRE_POSTGRES=1 asks
    /// for a failure instead of a skip.
    static let isWanted: Bool = {
        if binDirectory != nil { return true }
        if ProcessInfo.processInfo.environment["PHAEN_REQUIRE_POSTGRES"] == "1" { return true }
        print(skipMessage)
        return false
    }()

    /// The highest version's bin directory under /usr/lib/postgresql holding initdb and pg_ctl.
    static let binDirectory: String? = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.sorted { $0.compare($1, options: .numeric) == .orderedDescending }
            .map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") && FileManager.default.isExecutableFile(atPath: "\($0)/pg_ctl") }
    }()

    let directory: String
    let port: Int
    let bin: String
    let asRoot: Bool
    var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres?tlsmode=disable" }

    static func start() throws -> ScaleOutPostgres {
        guard let bin = binDirectory else {
            throw ScaleOutFailure("\(skipMessage) (PHAEN_REQUIRE_POSTGRES=1): install postgresql")
        }
        var template = Array((NSTemporaryDirectory() + "/phaen-scale-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ScaleOutFailure("mkdtemp failed: errno \(errno)") }
        let directory = String(cString: made)
        // initdb and postgres refuse to run as root: hand the directory to the postgres user.
        let asRoot = getuid() == 0
        if asRoot {
            guard let account = getpwnam("postgres") else { throw ScaleOutFailure("running as root but there is no postgres user") }
            chown(directory, account.pointee.pw_uid, account.pointee.pw_gid)
        }
        func server(_ tool: String, _ arguments: [String]) throws {
            let command = ["\(bin)/\(tool)"] + arguments
            try ScaleOutProcess.run(["/usr/bin/setsid", "-w"] + (asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + command : command),
                                    log: "\(directory)/\(tool).out", in: directory)
        }
        try server("initdb", ["-D", "\(directory)/data", "-U", "postgres", "-A", "trust", "-E", "UTF8",
                              "--locale=C.UTF-8", "--no-sync"])
        var lastError: Error?
        for _ in 0..<5 {
            let port = 57432 + Int.random(in: 0..<2000)
            do {
                try server("pg_ctl", ["-D", "\(directory)/data", "-l", "\(directory)/server.log", "-w", "-t", "30",
                                      "-o", "-p \(port) -c listen_addresses=127.0.0.1 -k \(directory) -c fsync=off -c max_connections=400", "start"])
                let started = ScaleOutPostgres(directory: directory, port: port, bin: bin, asRoot: asRoot)
                // If this process dies before `stop()`, the cluster goes with it.
                let watchdog = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(started.stopCommand)"
                _ = try? ScaleOutProcess.spawn(["/usr/bin/setsid", "/bin/sh", "-c", watchdog], log: nil)
                return started
            } catch {
                lastError = error  // most likely the port is taken: try another
            }
        }
        try? FileManager.default.removeItem(atPath: directory)
        throw lastError!
    }

    var stopCommand: String {
        let prefix = asRoot ? "/usr/sbin/runuser -u postgres -- " : ""
        return "\(prefix)\(bin)/pg_ctl -D '\(directory)/data' stop -m immediate >/dev/null 2>&1; rm -rf '\(directory)'"
    }

    func stop() {
        _ = try? ScaleOutProcess.run(["/bin/sh", "-c", stopCommand], log: nil)
    }
}

struct ScaleOutFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Child processes through posix_spawn and waitpid (not Foundation's Process, whose SIGCHLD
/// reaping was seen to miss a child in the test process; see PostgresServer.swift).
enum ScaleOutProcess {
    /// Runs a command to completion; fails with its output when it exits non-zero.
    @discardableResult
    static func run(_ command: [String], log: String?, stdin: String? = nil, in directory: String? = nil) throws -> Int32 {
        let pid = try spawn(command, log: log, stdin: stdin, in: directory)
        let code = wait(pid)
        guard code == 0 else {
            let output = log.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
            throw ScaleOutFailure("\(command.joined(separator: " ")) exited with \(code): \(output)")
        }
        return code
    }

    /// Starts a command with stdin from the file `stdin` (else /dev/null) and stdout and
    /// stderr to `log` (else /dev/null).
    static func spawn(_ command: [String], log: String?, stdin: String? = nil, in directory: String? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let command = directory.map { ["/bin/sh", "-c", #"cd "$0" && exec "$@""#, $0] + command } ?? command
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, command[0], &actions, nil, &argv, environ)
        guard result == 0 else { throw ScaleOutFailure("cannot start \(command[0]): error \(result)") }
        return pid
    }

    /// Waits for the child and returns its exit status (128 + signal when killed).
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return -1 }
        }
        return exitCode(status)
    }

    static func exitCode(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// SIGTERM (a graceful shutdown), then SIGKILL after `grace` seconds; always reaps.
    static func stop(_ pid: pid_t, grace: Double = 10) {
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        var status: Int32 = 0
        while Date() < deadline {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid || (reaped == -1 && errno == ECHILD) { return }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        _ = wait(pid)
    }

    /// A TCP port nobody listens on right now (bound to 0, read back, released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ScaleOutFailure("socket failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw ScaleOutFailure("bind failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// HTTP/1.1 to 127.0.0.1, one connection per request (`Connection: close`), no redirects
/// followed and no cookie jar: the test sees exactly what each process answers.
enum ScaleOutHTTP {
    struct Response {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: String

        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
        func headers(_ name: String) -> [String] { headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value) }

        /// The value a `Set-Cookie` header gives the cookie `name` (nil when not set).
        func cookie(_ name: String) -> String? {
            for line in headers("set-cookie") {
                guard let pair = line.split(separator: ";", maxSplits: 1).first else { continue }
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name { return String(parts[1]) }
            }
            return nil
        }

        /// The value of the first `<input … name="NAME" … value="…">` in the body.
        func hiddenField(_ name: String) -> String? {
            guard let tag = body.range(of: #"<input[^>]*name="\#(name)"[^>]*>"#, options: .regularExpression),
                  let value = body[tag].range(of: #"value="[^"]*""#, options: .regularExpression) else { return nil }
            return String(body[tag][value].dropFirst(7).dropLast())
        }
    }

    static func request(port: Int, _ method: String, _ path: String, headers: [(String, String)] = [],
                        form: [(String, String)]? = nil, timeout: Int = 30) throws -> Response {
        var lines = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"]
        lines += headers.map { "\($0.0): \($0.1)" }
        var body = Data()
        if let form {
            body = Data(form.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&").utf8)
            lines.append("Content-Type: application/x-www-form-urlencoded")
        }
        if form != nil || method == "POST" { lines.append("Content-Length: \(body.count)") }
        let head = Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        let raw = try exchange(port: port, bytes: head + body, timeout: timeout)
        return try parse(raw)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }

    private static func exchange(port: Int, bytes: Data, timeout: Int) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ScaleOutFailure("socket failed: errno \(errno)") }
        defer { close(fd) }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ScaleOutFailure("cannot connect to 127.0.0.1:\(port): errno \(errno)") }
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var sent = 0
            while sent < buffer.count {
                let n = send(fd, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw ScaleOutFailure("send to 127.0.0.1:\(port) failed: errno \(errno)") }
                sent += n
            }
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n > 0 { received += chunk[0..<n]; continue }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw ScaleOutFailure("reading from 127.0.0.1:\(port) failed: errno \(errno)")
        }
        return received
    }

    private static func parse(_ raw: [UInt8]) throws -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = (0..<max(0, raw.count - 3)).first(where: { Array(raw[$0..<$0 + 4]) == separator }) else {
            throw ScaleOutFailure("no HTTP response (got \(raw.count) bytes)")
        }
        let head = String(decoding: raw[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw ScaleOutFailure("bad status line \(head[0])") }
        let headers = head.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(raw[(end + 4)...])
        if headers.contains(where: { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            body = dechunk(body)
        }
        return Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    private static func dechunk(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [], i = 0
        while i < data.count {
            var j = i
            while j + 1 < data.count, !(data[j] == 13 && data[j + 1] == 10) { j += 1 }
            let sizeText = String(decoding: data[i..<j], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = j + 2
            out += data[start..<min(start + size, data.count)]
            i = start + size + 2
        }
        return out
    }
}
