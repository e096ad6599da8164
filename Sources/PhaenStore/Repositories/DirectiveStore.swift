import PhaenCore
import SQLKit

/// Directives with the units they address, and the units' reports on them.
enum DirectiveStore {
    static func load(fiscalYear: FiscalYear, in db: any SQLDatabase) async throws -> [Directive] {
        try await db.select().column("*").from("directives").where("fiscal_year", .equal, fiscalYear.be)
            .rows(DirectiveRow.self).map { try $0.directive() }
            .sorted { numericOrder($0.id, $1.id) }
    }

    static func load(id: String, in db: any SQLDatabase) async throws -> Directive? {
        try await db.select().column("*").from("directives").where("id", .equal, id)
            .rows(DirectiveRow.self).first?.directive()
    }

    static func ids(in db: any SQLDatabase) async throws -> Set<String> {
        Set(try await db.select().column("id").from("directives").all(decodingColumn: "id", as: String.self))
    }

    static func save(_ directive: Directive, in db: any SQLDatabase) async throws -> WriteOutcome {
        let stored = try await load(id: directive.id, in: db)
        if stored == directive { return .unchanged }
        // Updated in place, not deleted: the units' reports on it refer to it and must stay.
        if stored != nil {
            try await db.update("directives").set(model: try DirectiveRow(directive), with: RowCoding.encoder)
                .where("id", .equal, directive.id).run()
            try await db.delete(from: "directive_units").where("directive_id", .equal, directive.id).run()
        } else {
            try await db.insert([try DirectiveRow(directive)], into: "directives")
        }
        try await db.insert(directive.addressedUnits.enumerated().map {
            DirectiveUnitRow(directiveId: directive.id, position: $0.offset, unitCode: $0.element)
        }, into: "directive_units")
        return .written
    }

    /// One directive's status reports, oldest first (migration 6's history table).
    static func reports(directiveID: String, in db: any SQLDatabase) async throws -> [DirectiveReport] {
        try await db.select().column("*").from("directive_status_reports").where("directive_id", .equal, directiveID)
            .orderBy("id").rows(DirectiveReportRow.self).map { try $0.report() }
    }

    /// An imported report is history: it is added unless the same report is already there, so
    /// importing the same file again writes nothing.
    static func save(_ report: DirectiveReport, in db: any SQLDatabase) async throws -> WriteOutcome {
        let row = try DirectiveReportRow(report)
        let same = try await db.select().column("id").from("directive_status_reports")
            .where("directive_id", .equal, row.directiveId).where("unit_code", .equal, row.unitCode)
            .where("date", .equal, row.date).where("body", .equal, row.body)
            .first(decodingColumn: "id", as: Int64.self)
        if same != nil { return .unchanged }
        try await db.insert(into: "directive_status_reports").model(row, with: RowCoding.encoder).run()
        return .written
    }
}
