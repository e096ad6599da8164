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

    static func reports(directiveID: String, in db: any SQLDatabase) async throws -> [DirectiveReport] {
        try await db.select().column("*").from("directive_reports").where("directive_id", .equal, directiveID)
            .orderBy("unit_code").orderBy("date")
            .rows(DirectiveReportRow.self).map { try $0.report() }
    }

    static func save(_ report: DirectiveReport, in db: any SQLDatabase) async throws -> WriteOutcome {
        let key = (report.directiveID, report.unitCode, report.date.description)
        let stored = try await db.select().column("*").from("directive_reports")
            .where("directive_id", .equal, key.0).where("unit_code", .equal, key.1).where("date", .equal, key.2)
            .rows(DirectiveReportRow.self).first
        if let stored, try stored.report() == report { return .unchanged }
        try await db.delete(from: "directive_reports")
            .where("directive_id", .equal, key.0).where("unit_code", .equal, key.1).where("date", .equal, key.2).run()
        try await db.insert([try DirectiveReportRow(report)], into: "directive_reports")
        return .written
    }
}
