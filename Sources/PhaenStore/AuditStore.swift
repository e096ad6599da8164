import Foundation
import SQLKit

/// One line of the audit trail: who did what to which object, with the object's JSON before
/// and after (nil where there was none). `id` is assigned by the store; `at` is kept to the second.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var id: Int64?
    public var at: Date
    public var actor: String
    /// "report", "plan", "agreement", "evidence" …
    public var objectKind: String
    /// "UNIT/YEAR/ROUND/KPI" for a report, "UNIT/YEAR" for a plan or an agreement.
    public var objectKey: String
    public var action: String
    public var before: String?
    public var after: String?

    public init(id: Int64? = nil, at: Date, actor: String, objectKind: String, objectKey: String, action: String,
                before: String? = nil, after: String? = nil) {
        self.id = id; self.at = at; self.actor = actor; self.objectKind = objectKind; self.objectKey = objectKey
        self.action = action; self.before = before; self.after = after
    }
}

extension PhaenStore {
    /// Appends an entry on its own. The store's writes (`saveReport`, `recordTransition`,
    /// `savePlan` …) append theirs in their own transaction.
    public func appendAudit(_ entry: AuditEntry) async throws {
        _ = try await pool.write { db in try await AuditLog.append(entry, in: db) }
    }

    /// The object's entries, oldest first (by time, then by the order they were appended).
    public func audit(objectKind: String, objectKey: String) async throws -> [AuditEntry] {
        try await pool.withSession { session in
            try await session.sql.select().column("*").from("audit_log")
                .where("object_kind", .equal, objectKind).where("object_key", .equal, objectKey)
                .orderBy("at").orderBy("id")
                .rows(AuditRow.self).map(\.entry)
        }
    }
}

/// Appends inside a caller's transaction.
enum AuditLog {
    @discardableResult
    static func append(_ entry: AuditEntry, in db: any SQLDatabase) async throws -> Int64 {
        let row = NewAuditRow(at: StoreTime.seconds(entry.at), actor: entry.actor, objectKind: entry.objectKind,
                              objectKey: entry.objectKey, action: entry.action, before: entry.before, after: entry.after)
        guard let id = try await db.insert(into: "audit_log").model(row, with: RowCoding.encoder)
            .returning("id").first(decodingColumn: "id", as: Int64.self)
        else { throw StoreError("บันทึกประวัติการแก้ไขไม่ได้ (audit insert returned no id)") }
        return id
    }
}

private struct NewAuditRow: Codable {
    var at: Int64
    var actor: String
    var objectKind: String
    var objectKey: String
    var action: String
    var before: String?
    var after: String?
}

private struct AuditRow: Codable {
    var id: Int64
    var at: Int64
    var actor: String
    var objectKind: String
    var objectKey: String
    var action: String
    var before: String?
    var after: String?

    var entry: AuditEntry {
        AuditEntry(id: id, at: StoreTime.date(at), actor: actor, objectKind: objectKind, objectKey: objectKey,
                   action: action, before: before, after: after)
    }
}
