import Foundation
import PostgresKit

/// Where the data lives, parsed from the one string the configuration carries.
///
/// - `sqlite:PATH` (relative or absolute; `sqlite:///abs/path` also works)
/// - `sqlite::memory:` — a throwaway database for tests
/// - `postgres://user[:password]@host[:port]/db[?tlsmode=disable|prefer|require]` (or `postgresql://`)
enum DatabaseURL {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(SQLPostgresConfiguration, display: String)

    var engine: StoreEngine {
        switch self {
        case .sqliteFile, .sqliteMemory: return .sqlite
        case .postgres: return .postgres
        }
    }

    static let usage = "ใช้ sqlite:ไฟล์.sqlite หรือ postgres://ผู้ใช้@เครื่อง:พอร์ต/ฐานข้อมูล"

    static func parse(_ text: String) throws -> DatabaseURL {
        let url = text.trimmingCharacters(in: .whitespaces)
        if url.hasPrefix("sqlite:") {
            var path = String(url.dropFirst("sqlite:".count))
            if path == ":memory:" { return .sqliteMemory }
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else {
                throw StoreError("ที่อยู่ฐานข้อมูลไม่มีชื่อไฟล์ SQLite: \"\(url)\" (\(usage))")
            }
            return .sqliteFile(path: path)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            let display = redacted(url)
            guard let components = URLComponents(string: url) else {
                throw StoreError("ที่อยู่ฐานข้อมูล PostgreSQL ไม่ถูกต้อง: \"\(display)\" (\(usage))")
            }
            guard let user = components.user, !user.isEmpty else {
                throw StoreError("ที่อยู่ฐานข้อมูล PostgreSQL ไม่มีชื่อผู้ใช้: \"\(display)\" (\(usage))")
            }
            guard components.path.count > 1 else {
                throw StoreError("ที่อยู่ฐานข้อมูล PostgreSQL ไม่มีชื่อฐานข้อมูล: \"\(display)\" (\(usage))")
            }
            do {
                return .postgres(try SQLPostgresConfiguration(url: url), display: display)
            } catch {
                throw StoreError("ที่อยู่ฐานข้อมูล PostgreSQL ไม่ถูกต้อง: \"\(display)\" (\(usage); tlsmode ได้แก่ disable, prefer, require)")
            }
        }
        throw StoreError("ไม่รู้จักที่อยู่ฐานข้อมูล \"\(redacted(url))\" (\(usage))")
    }

    /// The address without its password, for messages and logs.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
