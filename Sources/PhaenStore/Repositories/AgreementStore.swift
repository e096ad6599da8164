import PhaenCore
import SQLKit

/// Performance agreements: header, components, KPIs (with criteria) and appeals.
enum AgreementStore {
    /// Each table is read with one query and grouped here, so listing every agreement costs
    /// four queries, not four per agreement.
    static func load(unitCode: String, fiscalYear: FiscalYear, in db: any SQLDatabase) async throws -> Stored? {
        try await load(only: UnitYear(unit: unitCode, year: fiscalYear.be), in: db).first
    }

    static func loadAll(in db: any SQLDatabase) async throws -> [Agreement] {
        try await load(only: nil, in: db).map(\.agreement)
    }

    struct Stored {
        var agreement: Agreement
        var version: Int
        var importedBody: String?
    }

    private struct UnitYear: Hashable { var unit: String; var year: Int }
    private struct ComponentKey: Hashable { var unitYear: UnitYear; var position: Int }

    private static func load(only key: UnitYear?, in db: any SQLDatabase) async throws -> [Stored] {
        func rows<Row: Decodable>(_ table: String, _ type: Row.Type, by order: [String]) async throws -> [Row] {
            let query = db.select().column("*").from(table)
            if let key { query.whereUnitYear(key.unit, FiscalYear(key.year)) }
            for column in ["unit_code", "fiscal_year"] + order { query.orderBy(column) }
            return try await query.rows(Row.self)
        }
        let kpis = Dictionary(grouping: try await rows("agreement_kpis", AgreementKPIRow.self, by: ["component_position", "position"])) {
            ComponentKey(unitYear: UnitYear(unit: $0.unitCode, year: $0.fiscalYear), position: $0.componentPosition)
        }
        let components = Dictionary(grouping: try await rows("components", ComponentRow.self, by: ["position"])) {
            UnitYear(unit: $0.unitCode, year: $0.fiscalYear)
        }
        let appeals = Dictionary(grouping: try await rows("appeals", AppealRow.self, by: ["position"])) {
            UnitYear(unit: $0.unitCode, year: $0.fiscalYear)
        }
        return try await rows("agreements", AgreementRow.self, by: []).map { row in
            let unitYear = UnitYear(unit: row.unitCode, year: row.fiscalYear)
            let parts = try (components[unitYear] ?? []).map { component in
                try component.component(kpis: (kpis[ComponentKey(unitYear: unitYear, position: component.position)] ?? [])
                    .map { try $0.kpi() })
            }
            return Stored(agreement: try row.agreement(components: parts, appeals: (appeals[unitYear] ?? []).map { try $0.appeal() }),
                          version: row.version, importedBody: row.importedBody)
        }
    }

    /// The import's write: replaced only when the dataset's version differs from what the last
    /// import wrote (see `PlanStore.save`).
    static func save(_ agreement: Agreement, in db: any SQLDatabase) async throws -> WriteOutcome {
        let incoming = try JSONBody.encode(agreement)
        let imported = try await db.select().column("imported_body").from("agreements")
            .whereUnitYear(agreement.unitCode, agreement.fiscalYear)
            .first(decodingColumn: "imported_body", as: String?.self) ?? nil
        if imported == incoming { return .unchanged }
        let stored = try await load(unitCode: agreement.unitCode, fiscalYear: agreement.fiscalYear, in: db)
        if let stored, stored.agreement == agreement {
            try await db.update("agreements").set("imported_body", to: incoming)
                .whereUnitYear(agreement.unitCode, agreement.fiscalYear).run()
            return .unchanged
        }
        try await replace(agreement, version: (stored?.version ?? 0) + 1, importedBody: incoming, in: db)
        return .written
    }

    /// Writes the agreement in place of the stored one (if any).
    static func replace(_ agreement: Agreement, version: Int, importedBody: String?, in db: any SQLDatabase) async throws {
        // Deleting the header cascades to components (and through them to KPIs) and appeals.
        try await db.delete(from: "agreements").whereUnitYear(agreement.unitCode, agreement.fiscalYear).run()
        try await db.insert([try AgreementRow(agreement, version: version, importedBody: importedBody)], into: "agreements")
        try await db.insert(try agreement.components.enumerated().map { try ComponentRow(agreement, position: $0.offset, component: $0.element) },
                            into: "components")
        try await db.insert(try agreement.components.enumerated().flatMap { component in
            try component.element.kpis.enumerated().map {
                try AgreementKPIRow(agreement, componentPosition: component.offset, position: $0.offset, kpi: $0.element)
            }
        }, into: "agreement_kpis")
        try await db.insert(try agreement.appeals.enumerated().map { try AppealRow(agreement, position: $0.offset, appeal: $0.element) },
                            into: "appeals")
    }
}
