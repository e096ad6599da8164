import Foundation

/// The wrk Lua scripts of `phaen bench-http`. Every script ends with the same `done` line,
/// which the command parses: `PHAEN_WRK key=value …` (latencies in microseconds).
enum BenchHTTPScripts {
    /// A GET with the session cookie (or none).
    static func get(cookie: String?) -> String {
        """
        wrk.method = "GET"
        \(cookie.map { "wrk.headers[\"Cookie\"] = \(lua($0))" } ?? "")
        done = function(summary, latency, requests)
        \(doneLine(extra: ""))
        end
        """
    }

    /// Saves of draft reports, repeatable for as long as wrk runs: every report is saved with
    /// the version its previous save produced (the optimistic check), so each thread keeps
    /// its own share of `paths`, never sends a report that is still in flight, and learns
    /// the next version from the 303's Location (or, after a refusal, from the page's form).
    static func save(paths: [String], threads: Int, cookie: String, formBody: String) -> String {
        """
        local refs = { \(paths.map(lua).joined(separator: ", ")) }
        local nthreads = \(threads)
        local fixed = \(lua(formBody))
        local headers = { ["Cookie"] = \(lua(cookie)), ["Content-Type"] = "application/x-www-form-urlencoded" }
        local counter = 0
        local threads = {}

        setup = function(thread)
          thread:set("offset", counter)
          counter = counter + 1
          table.insert(threads, thread)
        end

        local mine, version, busy, cursor
        saved, conflicts, others = 0, 0, 0

        init = function(args)
          mine, version, busy, cursor = {}, {}, {}, 0
          for i, p in ipairs(refs) do
            if (i - 1) % nthreads == offset then mine[#mine + 1] = p end
          end
        end

        request = function()
          local now = os.time()
          for _ = 1, #mine do
            cursor = cursor % #mine + 1
            local p = mine[cursor]
            local since = busy[p]
            if since == nil or now - since > 5 then
              busy[p] = now
              local body = fixed
              if version[p] then body = body .. "&version=" .. version[p] end
              return wrk.format("POST", p, headers, body)
            end
          end
          -- every report of this thread is in flight (more connections than reports)
          return wrk.format("POST", mine[1], headers, fixed)
        end

        response = function(status, hdrs, body)
          local location = hdrs["Location"] or hdrs["location"]
          if status == 303 and location then
            local p = location:match("^([^?]+)")
            version[p] = (version[p] or 0) + 1
            busy[p] = nil
            saved = saved + 1
            return
          end
          local p = body and body:match('action="(/units/[^"]+)" class="report%-form"')
          local v = body and body:match('name="version" value="(%d+)"')
          if p then
            version[p] = tonumber(v)
            busy[p] = nil
          end
          if status == 409 then conflicts = conflicts + 1 else others = others + 1 end
        end

        done = function(summary, latency, requests)
          local s, c, o = 0, 0, 0
          for _, t in ipairs(threads) do
            s = s + t:get("saved"); c = c + t:get("conflicts"); o = o + t:get("others")
          end
        \(doneLine(extra: #" .. string.format(" saved=%d conflicts=%d others=%d", s, c, o)"#))
        end
        """
    }

    private static func doneLine(extra: String) -> String {
        #"""
          local e = summary.errors
          io.write(string.format("PHAEN_WRK requests=%d duration_us=%d p50_us=%.0f p99_us=%.0f status_errors=%d socket_errors=%d",
            summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
            e.status, e.connect + e.read + e.write + e.timeout)\#(extra) .. "\n")
        """#
    }

    /// A Lua string literal.
    static func lua(_ text: String) -> String {
        var out = "\""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += "\\\""
            case UInt8(ascii: "\\"): out += "\\\\"
            case 0x20..<0x7f: out.append(Character(UnicodeScalar(byte)))
            default: out += String(format: "\\%03d", Int(byte))
            }
        }
        return out + "\""
    }
}

/// One line of `done` output.
struct WrkResult {
    var requests: Int
    var seconds: Double
    var p50: Double  // milliseconds
    var p99: Double
    var statusErrors: Int
    var socketErrors: Int
    var saved: Int?
    var conflicts: Int?
    var others: Int?

    var perSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }

    init?(output: String) {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("PHAEN_WRK ") }) else { return nil }
        var values: [String: Double] = [:]
        for pair in line.split(separator: " ").dropFirst() {
            let kv = pair.split(separator: "=", maxSplits: 1)
            if kv.count == 2, let v = Double(kv[1]) { values[String(kv[0])] = v }
        }
        guard let requests = values["requests"], let duration = values["duration_us"],
              let p50 = values["p50_us"], let p99 = values["p99_us"] else { return nil }
        self.requests = Int(requests)
        self.seconds = duration / 1e6
        self.p50 = p50 / 1000
        self.p99 = p99 / 1000
        self.statusErrors = Int(values["status_errors"] ?? 0)
        self.socketErrors = Int(values["socket_errors"] ?? 0)
        self.saved = values["saved"].map { Int($0) }
        self.conflicts = values["conflicts"].map { Int($0) }
        self.others = values["others"].map { Int($0) }
    }
}
