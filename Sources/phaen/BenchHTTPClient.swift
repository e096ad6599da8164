import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `phaen bench-http` needs around `wrk`: child processes, a free port, /proc memory,
/// and a plain HTTP/1.1 client for the few requests that prepare the run (sign-in, CSRF).
/// Loopback only.
enum BenchProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Starts a command with stdin from /dev/null and stdout and stderr to `log`.
    static func spawn(_ command: [String], log: String, environment: [String: String] = [:]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        var envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, command[0], &actions, nil, &argv, &envp)
        guard result == 0 else { throw Failure("cannot start \(command[0]): error \(result)") }
        return pid
    }

    /// The exit status if the child has ended (reaping it), else nil.
    static func exited(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        guard reaped == pid else { return reaped == -1 && errno == ECHILD ? -1 : nil }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// SIGTERM (graceful shutdown), SIGKILL after `grace` seconds; always reaps.
    static func stop(_ pid: pid_t, grace: Double = 10) {
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while Date() < deadline {
            if exited(pid) != nil { return }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }

    /// Resident memory of a process in bytes (VmRSS of /proc/PID/status), nil when unreadable.
    static func residentBytes(_ pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
        return kilobytes.map { $0 * 1024 }
    }

    /// A TCP port nobody listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket failed: errno \(errno)") }
        defer { close(fd) }
        var address = BenchHTTPClient.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure("bind failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The first executable named `name` on PATH (or in /usr/bin, /usr/local/bin).
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin"]
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// HTTP/1.1 to 127.0.0.1: one connection per request, no redirects followed, no cookie jar.
enum BenchHTTPClient {
    struct Response {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: String

        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }

        func cookie(_ name: String) -> String? {
            for (header, line) in headers where header.lowercased() == "set-cookie" {
                guard let pair = line.split(separator: ";", maxSplits: 1).first else { continue }
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name { return String(parts[1]) }
            }
            return nil
        }

        /// The value of the first `<input … name="NAME" … value="…">`.
        func field(_ name: String) -> String? {
            guard let tag = body.range(of: #"<input[^>]*name="\#(name)"[^>]*>"#, options: .regularExpression),
                  let value = body[tag].range(of: #"value="[^"]*""#, options: .regularExpression) else { return nil }
            return String(body[tag][value].dropFirst(7).dropLast())
        }
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        return address
    }

    static func formBody(_ fields: [(String, String)]) -> String {
        fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }

    static func request(port: Int, _ method: String, _ path: String, cookie: String? = nil,
                        form: [(String, String)]? = nil, timeout: Int = 30) throws -> Response {
        var lines = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"]
        if let cookie { lines.append("Cookie: \(cookie)") }
        var body = Data()
        if let form {
            body = Data(formBody(form).utf8)
            lines.append("Content-Type: application/x-www-form-urlencoded")
            lines.append("Content-Length: \(body.count)")
        }
        let raw = try exchange(port: port, bytes: Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body, timeout: timeout)
        return try parse(raw)
    }

    private static func exchange(port: Int, bytes: Data, timeout: Int) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchProcess.Failure("socket failed: errno \(errno)") }
        defer { close(fd) }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw BenchProcess.Failure("cannot connect to 127.0.0.1:\(port): errno \(errno)") }
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var sent = 0
            while sent < buffer.count {
                let n = send(fd, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw BenchProcess.Failure("send to 127.0.0.1:\(port) failed: errno \(errno)") }
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
            throw BenchProcess.Failure("reading from 127.0.0.1:\(port) failed: errno \(errno)")
        }
        return received
    }

    private static func parse(_ raw: [UInt8]) throws -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = (0..<max(0, raw.count - 3)).first(where: { Array(raw[$0..<$0 + 4]) == separator }) else {
            throw BenchProcess.Failure("no HTTP response (got \(raw.count) bytes)")
        }
        let head = String(decoding: raw[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw BenchProcess.Failure("bad status line \(head[0])")
        }
        let headers = head.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(raw[(end + 4)...])
        if headers.contains(where: { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            var out: [UInt8] = [], i = 0
            while i < body.count {
                var j = i
                while j + 1 < body.count, !(body[j] == 13 && body[j + 1] == 10) { j += 1 }
                let sizeText = String(decoding: body[i..<j], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
                out += body[(j + 2)..<min(j + 2 + size, body.count)]
                i = j + 2 + size + 2
            }
            body = out
        }
        return Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }
}
