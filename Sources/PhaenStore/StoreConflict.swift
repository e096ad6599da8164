import Foundation
import SQLKit

/// A write refused because of what is already stored: the caller shows the message and lets
/// the person try again (another name, reload the record).
public enum StoreConflict: Error, Equatable, Sendable, CustomStringConvertible {
    /// The record exists already; the Thai message names it ("ชื่อผู้ใช้ somchai มีอยู่แล้ว").
    case duplicate(String)
    /// Someone else saved the record meanwhile; `current` is the stored version now.
    case staleVersion(current: Int)
    /// A record the write refers to does not exist; the Thai message names it.
    case notFound(String)

    public var description: String {
        switch self {
        case .duplicate(let message), .notFound(let message): return message
        case .staleVersion(let current):
            return "มีผู้อื่นบันทึกรายการนี้ไปก่อนแล้ว (ฉบับที่ \(current)): โหลดข้อมูลล่าสุดแล้วแก้ไขอีกครั้ง (stale version)"
        }
    }
}

/// Timestamps in columns are whole seconds since 1970 (BIGINT), the same on both engines and
/// comparable in SQL. Values handed back carry the stored (truncated) time, so what a write
/// returns equals what a later read returns.
enum StoreTime {
    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
    static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
    static func truncated(_ date: Date) -> Date { self.date(seconds(date)) }
}

extension SQLDatabase {
    /// Refuses a write that names a unit the database does not have.
    func requireUnit(_ code: String) async throws {
        let found = try await select().column("code").from("units").where("code", .equal, code)
            .first(decodingColumn: "code", as: String.self)
        guard found != nil else { throw StoreConflict.notFound("ไม่พบหน่วยงานรหัส \(code)") }
    }
}
