import ArgumentParser
import Foundation
import Logging
import PhaenApp
import PhaenCore
import PhaenStore
#if canImport(Glibc)
import Glibc
#endif

/// `phaen bench-http`: the web application under load (issue 3, "Performance"). Starts this
/// same executable as `phaen serve` on a free loopback port with the demo dataset on a
/// temporary SQLite file, signs in an evaluator (pages) and a reporter of 1022 (saves), and
/// drives each route with `wrk` (Debian package `wrk`). Prints numbers; judges nothing.
struct BenchHTTP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-http",
        abstract: "วัดความเร็วเว็บแอปพลิเคชันด้วย wrk (requests/s, p50, p99, หน่วยความจำ)",
        discussion: """
        Needs wrk (apt-get install wrk). Routes: /health (the ceiling), the city dashboard, the \
        plan page of 1022/2567, and saving a draft report (POST with the session cookie and the \
        CSRF token). The server is this executable (`phaen serve`) as a child process on 127.0.0.1; \
        its resident memory (VmRSS) is sampled while wrk runs. Use a release build for real numbers.
        """)

    @Option(help: "วินาทีต่อเส้นทาง (seconds per route)") var seconds = 10
    @Option(help: "จำนวนการเชื่อมต่อพร้อมกัน (wrk -c)") var connections = 64
    @Option(help: "จำนวนเธรดของ wrk (wrk -t)") var threads = 2
    @Option(help: "วินาทีอุ่นเครื่องต่อเส้นทาง (not measured)") var warmup = 1
    @Option(help: "ระดับ log ของเซิร์ฟเวอร์ที่ทดสอบ (PHAEN_LOG_LEVEL of the child)") var serverLogLevel = "warning"
    @Flag(help: "เก็บโฟลเดอร์ชั่วคราว (database, logs, Lua scripts) ไว้ดู") var keep = false

    static let password = "bench-http-password"
    static let unit = "1022"
    static let year = 2567

    func validate() throws {
        guard seconds >= 1 else { throw ValidationError("--seconds ต้องมากกว่า 0") }
        guard connections >= 1, threads >= 1, connections >= threads else {
            throw ValidationError("--connections ต้องไม่น้อยกว่า --threads")
        }
        guard Logger.Level(rawValue: serverLogLevel) != nil else {
            throw ValidationError("--server-log-level ต้องเป็น trace, debug, info, notice, warning, error หรือ critical")
        }
    }

    func run() async throws {
        guard let wrk = BenchProcess.which("wrk") else {
            FileHandle.standardError.write(Data("""
                wrk is not installed: phaen bench-http drives the load with wrk. \
                Install it with `apt-get install wrk` (Debian) and run again.

                """.utf8))
            throw ExitCode(2)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phaen-bench-http-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer {
            if keep { print("kept \(directory)") } else { try? FileManager.default.removeItem(atPath: directory) }
        }
        let database = "sqlite:\(directory)/phaen.sqlite"
        print("preparing: demo dataset and two accounts in \(database)")
        try await prepare(database)

        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let server = try startServer(executable, database: database, directory: directory)
        defer { BenchProcess.stop(server.pid) }

        let evaluator = try signIn(port: server.port, username: "bench-evaluator")
        let reporter = try signIn(port: server.port, username: "bench-reporter")
        let targets = try targets(port: server.port, evaluator: evaluator, reporter: reporter)

        #if DEBUG
        let build = "debug build — use `swift build -c release` for real numbers"
        #else
        let build = "release build"
        #endif
        print("server: \(executable) serve (\(build)), pid \(server.pid), port \(server.port), SQLite, log level \(serverLogLevel)")
        print("load: wrk \(connections) connections, \(threads) threads, \(seconds) s per route after \(warmup) s warm-up\n")

        var results: [(Target, WrkResult, Int?)] = []
        for target in targets {
            let script = "\(directory)/\(target.key).lua"
            try target.script.write(toFile: script, atomically: true, encoding: .utf8)
            // Saves need no warm-up, and one would leave the script's versions behind the database's.
            if warmup > 0 && target.key != "save" {
                _ = try runWrk(wrk, script: script, url: target.url(server.port), seconds: warmup, server: server.pid,
                               log: "\(directory)/\(target.key)-warmup.out")
            }
            let (output, peak) = try runWrk(wrk, script: script, url: target.url(server.port), seconds: seconds,
                                            server: server.pid, log: "\(directory)/\(target.key).out")
            guard let result = WrkResult(output: output) else {
                throw BenchProcess.Failure("wrk printed no result for \(target.label):\n\(output)")
            }
            results.append((target, result, peak))
            print(String(format: "  %@ … %.0f req/s", target.label, result.perSecond))
        }
        print("")
        report(results)
    }

    // MARK: Preparing

    /// The demo dataset and one evaluator and one reporter of 1022, written before the server starts.
    func prepare(_ database: String) async throws {
        var logger = Logger(label: "phaen.bench")
        logger.logLevel = .warning
        let store = try await PhaenStore.open(database, logger: logger)
        do {
            _ = try await store.migrate()
            _ = try await SeedDemo(store: store)()
            let accounts = Accounts(store: store)
            try await accounts.createUser(username: "bench-evaluator", role: .evaluator, unitCode: nil, password: Self.password)
            try await accounts.createUser(username: "bench-reporter", role: .reporter, unitCode: Self.unit, password: Self.password)
        } catch {
            try? await store.shutdown()
            throw error
        }
        try await store.shutdown()
    }

    struct Server { var pid: pid_t; var port: Int }

    func startServer(_ executable: String, database: String, directory: String) throws -> Server {
        let log = "\(directory)/serve.log"
        var lastError: Error = BenchProcess.Failure("phaen serve did not start")
        for _ in 0..<3 {
            let port = try BenchProcess.freePort()
            let pid = try BenchProcess.spawn([executable, "serve", "--db", database, "--port", String(port),
                                              "--evidence-dir", "\(directory)/evidence"],
                                             log: log, environment: ["PHAEN_LOG_LEVEL": serverLogLevel])
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if let status = BenchProcess.exited(pid) {
                    let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                    lastError = BenchProcess.Failure("phaen serve exited with \(status):\n\(output)")
                    break
                }
                if let health = try? BenchHTTPClient.request(port: port, "GET", "/health", timeout: 5), health.status == 200 {
                    return Server(pid: pid, port: port)
                }
                usleep(100_000)
            }
            BenchProcess.stop(pid)
        }
        throw lastError
    }

    struct Session { var cookie: String; var csrf: String }

    func signIn(port: Int, username: String) throws -> Session {
        let response = try BenchHTTPClient.request(port: port, "POST", "/signin",
                                                   form: [("username", username), ("password", Self.password), ("next", "/units")])
        guard response.status == 303, let token = response.cookie("phaen_session") else {
            throw BenchProcess.Failure("sign-in as \(username) answered \(response.status): \(response.body.prefix(300))")
        }
        let cookie = "phaen_session=\(token)"
        let page = try BenchHTTPClient.request(port: port, "GET", "/units", cookie: cookie)
        guard page.status == 200, let csrf = page.field("csrf") else {
            throw BenchProcess.Failure("after signing in as \(username), /units answered \(page.status) without a CSRF field")
        }
        return Session(cookie: cookie, csrf: csrf)
    }

    // MARK: Routes

    struct Target {
        var key: String
        var label: String
        var path: String
        var script: String
        func url(_ port: Int) -> String { "http://127.0.0.1:\(port)\(path)" }
    }

    /// The routes, each checked once by hand first: a route that answers with an error page
    /// would otherwise be measured as if it worked.
    func targets(port: Int, evaluator: Session, reporter: Session) throws -> [Target] {
        let dashboard = "/dashboard", plan = "/units/\(Self.unit)/plans/\(Self.year)"
        for (path, session) in [("/health", nil), (dashboard, evaluator), (plan, evaluator)] as [(String, Session?)] {
            let response = try BenchHTTPClient.request(port: port, "GET", path, cookie: session?.cookie)
            guard response.status == 200 else {
                throw BenchProcess.Failure("GET \(path) answered \(response.status): \(response.body.prefix(300))")
            }
        }

        // Saves go to the draft reports of every KPI of 1022/2567 in the monthly, quarterly and
        // half-year rounds (year-end ones ask for more), more reports than connections.
        let kpis = ["1.1.1", "1.1.2", "1.1.3", "1.2", "1.3.1", "1.3.2"]
        let rounds = (1...12).map { String(format: "m%02d", $0) } + ["q1", "q2", "q3", "q4", "h1"]
        let paths = kpis.flatMap { kpi in rounds.map { "/units/\(Self.unit)/reports/\(Self.year)/\($0)/\(kpi)" } }
        let form: [(String, String)] = [
            ("csrf", reporter.csrf), ("action", "save"), ("value", "72"), ("claimedLevel", "4"),
            ("narrative", "ผลการดำเนินงานสะสม (บันทึกจากการวัดความเร็ว)"),
            ("obstacles", "ไม่มี"), ("explanation", "อยู่ระหว่างดำเนินการ"),
        ]
        // One save by hand, twice (new, then with its version), on a report wrk does not touch.
        let probe = "/units/\(Self.unit)/reports/\(Self.year)/ye/1.2"
        let first = try BenchHTTPClient.request(port: port, "POST", probe, cookie: reporter.cookie, form: form)
        let second = try BenchHTTPClient.request(port: port, "POST", probe, cookie: reporter.cookie, form: form + [("version", "1")])
        guard first.status == 303, second.status == 303 else {
            throw BenchProcess.Failure("saving \(probe) answered \(first.status), then \(second.status): \(second.body.prefix(300))")
        }

        return [
            Target(key: "health", label: "GET /health (trivial route)", path: "/health", script: BenchHTTPScripts.get(cookie: nil)),
            Target(key: "dashboard", label: "GET /dashboard (city table, evaluator)", path: dashboard,
                   script: BenchHTTPScripts.get(cookie: evaluator.cookie)),
            Target(key: "plan", label: "GET \(plan) (plan page, evaluator)", path: plan,
                   script: BenchHTTPScripts.get(cookie: evaluator.cookie)),
            Target(key: "save", label: "POST …/reports/\(Self.year)/{round}/{kpi} (save draft, reporter)", path: paths[0],
                   script: BenchHTTPScripts.save(paths: paths, threads: threads, cookie: reporter.cookie,
                                                 formBody: BenchHTTPClient.formBody(form))),
        ]
    }

    // MARK: Running wrk

    /// Runs wrk to completion, sampling the server's VmRSS every 100 ms; the output and the peak.
    func runWrk(_ wrk: String, script: String, url: String, seconds: Int, server: pid_t, log: String) throws -> (String, Int?) {
        let pid = try BenchProcess.spawn([wrk, "-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--timeout", "10s",
                                          "-s", script, url], log: log)
        var peak: Int?
        while BenchProcess.exited(pid) == nil {
            if let rss = BenchProcess.residentBytes(server) { peak = max(peak ?? 0, rss) }
            usleep(100_000)
        }
        guard BenchProcess.exited(server) == nil else {
            throw BenchProcess.Failure("the server stopped during the run")
        }
        return ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "", peak)
    }

    // MARK: Output

    func report(_ results: [(Target, WrkResult, Int?)]) {
        func pad(_ s: String, _ n: Int) -> String {
            s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
        }
        func left(_ s: String, _ n: Int) -> String {
            s.count >= n ? s : String(repeating: " ", count: n - s.count) + s
        }
        let width = max(40, results.map(\.0.label.count).max() ?? 0) + 2
        print(pad("route", width) + left("req/s", 10) + left("p50 ms", 10) + left("p99 ms", 10) + left("errors", 8) + left("peak RSS MB", 13))
        for (target, r, peak) in results {
            let errors = r.statusErrors + r.socketErrors
            print(pad(target.label, width) + left(String(format: "%.1f", r.perSecond), 10) + left(String(format: "%.2f", r.p50), 10)
                  + left(String(format: "%.2f", r.p99), 10) + left(String(errors), 8)
                  + left(peak.map { String(format: "%.1f", Double($0) / 1_048_576) } ?? "?", 13))
            if let saved = r.saved {
                print("    saves: \(saved) saved, \(r.conflicts ?? 0) refused as stale, \(r.others ?? 0) other answers")
            }
            if r.socketErrors > 0 { print("    \(r.socketErrors) socket errors (connect/read/write/timeout)") }
        }
        let health = results.first { $0.0.key == "health" }?.1
        let dashboard = results.first { $0.0.key == "dashboard" }?.1
        if let health, let dashboard, health.perSecond > 0 {
            print(String(format: "\ndashboard throughput: %.1f %% of the trivial route's (target ≥ 50 %%); dashboard p99 %.1f ms (target < 100 ms)",
                         100 * dashboard.perSecond / health.perSecond, dashboard.p99))
        }
        if let peak = results.compactMap(\.2).max() {
            print(String(format: "server resident memory under load: peak %.1f MB VmRSS (target < 300 MB)", Double(peak) / 1_048_576))
        }
    }
}
