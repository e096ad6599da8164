import Foundation
import PhaenCore
import SQLKit

/// Directive follow-up and innovation records (issue 5). Every write is one transaction of
/// `ConnectionPool.write` (which raises the data version) with its audit entry: "directive"
/// (key: the id), "directive-status" (key: `ID/UNIT`), "directive-groups" (key: "groups"),
/// "innovation" (key: `UNIT/YEAR/TITLE`).
extension PhaenStore {
    // MARK: Groups

    /// The names administrators gave the directive groups, by number (unnamed groups absent).
    public func directiveGroupNames() async throws -> [Int: String] {
        try await pool.withSession { session in
            let rows = try await session.sql.select().column("number").column("name").from("directive_groups")
                .rows(GroupRow.self)
            return Dictionary(rows.map { ($0.number, $0.name) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// Replaces the group names (a blank name removes it) with one audit entry.
    public func saveDirectiveGroupNames(_ names: [Int: String], actor: String, at: Date) async throws {
        try await pool.write { db in
            let before = try await db.select().column("number").column("name").from("directive_groups").rows(GroupRow.self)
            let beforeNames = Dictionary(before.map { ($0.number, $0.name) }, uniquingKeysWith: { a, _ in a })
            let after = names.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
            if beforeNames == after { return }
            try await db.delete(from: "directive_groups").run()
            for (number, name) in after.sorted(by: { $0.key < $1.key }) {
                try await db.insert(into: "directive_groups").columns("number", "name", "updated_by", "updated_at")
                    .values(SQLBind(number), SQLBind(name), SQLBind(actor), SQLBind(StoreTime.seconds(at))).run()
            }
            try await AuditLog.append(AuditEntry(at: at, actor: actor, objectKind: "directive-groups", objectKey: "groups",
                                                 action: "save", before: try JSONBody.encode(Self.stringKeys(beforeNames)),
                                                 after: try JSONBody.encode(Self.stringKeys(after))), in: db)
        }
    }

    private static func stringKeys(_ names: [Int: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: names.map { (String($0.key), $0.value) })
    }

    // MARK: Directives

    /// Directives addressed to at least one of `units` (nil: every directive), of `fiscalYear`
    /// when given; by fiscal year then id. Access is applied here, at the query.
    public func directives(addressedTo units: Set<String>?, fiscalYear: FiscalYear? = nil) async throws -> [Directive] {
        if let units, units.isEmpty { return [] }
        return try await pool.withSession { session in
            let query = session.sql.select().column("*").from("directives")
            if let fiscalYear { query.where("fiscal_year", .equal, fiscalYear.be) }
            if let units {
                query.where("id", .in, SQLGroupExpression(session.sql.select().column("directive_id").from("directive_units")
                    .where("unit_code", .in, Array(units)).query))
            }
            return try await query.rows(DirectiveRow.self).map { try $0.directive() }
                .sorted { $0.fiscalYear != $1.fiscalYear ? $0.fiscalYear > $1.fiscalYear : numericOrder($0.id, $1.id) }
        }
    }

    public func directive(id: String) async throws -> Directive? {
        try await pool.withSession { try await DirectiveStore.load(id: id, in: $0.sql) }
    }

    /// The fiscal years that have directives, newest first.
    public func directiveYears() async throws -> [FiscalYear] {
        try await pool.withSession { session in
            try await session.sql.select().distinct().column("fiscal_year").from("directives").orderBy("fiscal_year", .descending)
                .all(decodingColumn: "fiscal_year", as: Int.self).map(FiscalYear.init)
        }
    }

    /// Registers a new directive: its id must be new and every addressed unit must exist
    /// (`StoreConflict.duplicate` / `.notFound` with a Thai message); nothing is written otherwise.
    public func registerDirective(_ directive: Directive, actor: String, at: Date) async throws {
        try await registerDirectives([directive], actor: actor, at: at)
    }

    /// Registers several directives in one transaction (an imported register): all or none.
    public func registerDirectives(_ directives: [Directive], actor: String, at: Date) async throws {
        try await pool.write { db in
            try await self.lockForImport(db)
            for directive in directives {
                if try await DirectiveStore.load(id: directive.id, in: db) != nil {
                    throw StoreConflict.duplicate("มีข้อสั่งการเลขที่ \(directive.id) อยู่แล้ว")
                }
                for unit in directive.addressedUnits { try await db.requireUnit(unit) }
                _ = try await DirectiveStore.save(directive, in: db)
                try await AuditLog.append(AuditEntry(at: at, actor: actor, objectKind: "directive", objectKey: directive.id,
                                                     action: "register", after: try JSONBody.encode(directive)), in: db)
            }
        }
    }

    /// Status reports on the directives, oldest first, limited to `units` (nil: all units).
    public func directiveReports(directiveIDs: [String], units: Set<String>?) async throws -> [DirectiveReport] {
        if directiveIDs.isEmpty { return [] }
        if let units, units.isEmpty { return [] }
        return try await pool.withSession { session in
            var all: [(Int64, DirectiveReport)] = []
            // In chunks: well below both engines' limits on bound parameters.
            for start in stride(from: 0, to: directiveIDs.count, by: 500) {
                let chunk = Array(directiveIDs[start..<min(start + 500, directiveIDs.count)])
                let query = session.sql.select().column("id").column("body").from("directive_status_reports")
                    .where("directive_id", .in, chunk)
                if let units { query.where("unit_code", .in, Array(units)) }
                all += try await query.rows(ReportBodyRow.self).map { ($0.id, try JSONBody.decode(DirectiveReport.self, from: $0.body)) }
            }
            return all.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Appends a unit's status report. In the same transaction: the directive must be
    /// addressed to the unit (else `StoreConflict.notFound`), the report must follow the
    /// pair's current status (`DirectiveStatusMachine`, else `DirectiveRefusals`), and the
    /// audit entry records the previous report and this one.
    public func recordDirectiveReport(_ report: DirectiveReport, actor: String, at: Date) async throws {
        var report = report
        report.reportedBy = actor
        report.reportedAt = StoreTime.truncated(at)
        try await pool.write { db in
            // Two reports of one pair at once: on PostgreSQL the second waits here and then sees
            // the first (SQLite's BEGIN IMMEDIATE already serialises writers).
            if self.engine == .postgres {
                try await db.raw("""
                    SELECT unit_code FROM directive_units WHERE directive_id = \(bind: report.directiveID) \
                    AND unit_code = \(bind: report.unitCode) FOR UPDATE
                    """).run()
            }
            let addressed = try await db.select().column("unit_code").from("directive_units")
                .where("directive_id", .equal, report.directiveID).where("unit_code", .equal, report.unitCode)
                .first(decodingColumn: "unit_code", as: String.self)
            guard addressed != nil else {
                throw StoreConflict.notFound("ไม่พบข้อสั่งการ \(report.directiveID) ที่ส่งถึงหน่วยงาน \(report.unitCode)")
            }
            let previous = try await db.select().column("id").column("body").from("directive_status_reports")
                .where("directive_id", .equal, report.directiveID).where("unit_code", .equal, report.unitCode)
                .orderBy("id", .descending).limit(1).rows(ReportBodyRow.self).first
            let previousReport = try previous.map { try JSONBody.decode(DirectiveReport.self, from: $0.body) }
            try DirectiveStatusMachine.check(current: previousReport?.status ?? .notReported, report: report)
            try await db.insert(into: "directive_status_reports").model(try DirectiveReportRow(report), with: RowCoding.encoder).run()
            try await AuditLog.append(AuditEntry(at: at, actor: actor, objectKind: "directive-status",
                                                 objectKey: "\(report.directiveID)/\(report.unitCode)", action: report.status.rawValue,
                                                 before: previous?.body, after: try JSONBody.encode(report)), in: db)
        }
    }

    // MARK: Innovations

    /// The innovation of a unit-year with that title, if any.
    public func innovation(unitCode: String, fiscalYear: FiscalYear, title: String) async throws -> Innovation? {
        try await innovations(unitCode: unitCode, fiscalYear: fiscalYear).first { $0.title == title }
    }

    /// Writes an innovation (new or changed) with its audit entry; `expected` is the record the
    /// change was made on (nil for a new one): a different stored record means someone saved
    /// meanwhile (`StoreConflict.staleVersion`), and a new title that exists is a duplicate.
    public func saveInnovation(_ innovation: Innovation, expected: Innovation?, action: String, actor: String, at: Date) async throws {
        try await pool.write { db in
            try await db.requireUnit(innovation.unitCode)
            // The stale check must see a concurrent save: the import lock serialises writers of
            // records replaced by delete and insert (see `lockForImport`).
            try await self.lockForImport(db)
            let stored = try await db.select().column("*").from("innovations")
                .whereUnitYear(innovation.unitCode, innovation.fiscalYear).where("title", .equal, innovation.title)
                .rows(InnovationRow.self).first?.innovation()
            if expected == nil, stored != nil {
                throw StoreConflict.duplicate("มีนวัตกรรมชื่อ «\(innovation.title)» ในปีงบประมาณ \(innovation.fiscalYear.be) อยู่แล้ว")
            }
            if let expected, stored != expected { throw StoreConflict.staleVersion(current: 0) }
            if stored == innovation { return }
            _ = try await InnovationStore.save(innovation, in: db)
            try await AuditLog.append(AuditEntry(
                at: at, actor: actor, objectKind: "innovation",
                objectKey: "\(innovation.unitCode)/\(innovation.fiscalYear.be)/\(innovation.title)", action: action,
                before: try stored.map { try JSONBody.encode($0) }, after: try JSONBody.encode(innovation)), in: db)
        }
    }
}

private struct GroupRow: Codable {
    var number: Int
    var name: String
}

private struct ReportBodyRow: Codable {
    var id: Int64
    var body: String
}
