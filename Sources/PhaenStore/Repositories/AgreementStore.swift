import PhaenCore
import SQLKit

/// Performance agreements: header, components, KPIs (with criteria) and appeals.
enum AgreementStore {
    /// One agreement when a key is given, otherwise all of them; each part table is read with
    /// one query and grouped here, so listing all agreements costs four queries, not 4 × N.
    static func load(unitCode: String? = nil, fiscalYear: FiscalYear? = nil,
                     in db: any SQLDatabase) async throws -> [(agreement: Agreement, version: Int)] {
        func rows<Row: Decodable>(_ table: String, _ type: Row.Type, by order: [String]) async throws -> [Row] {
            let query = db.select().column("*").from(table)
            if let unitCode, let fiscalYear { query.whereUnitYear(unitCode, fiscalYear) }
            for column in ["unit_code", "fiscal_year"] + order { query.orderBy(column) }
            return try await query.rows(Row.self)
        }
        struct Key: Hashable { var unit: String; var year: Int }
        let kpis = Dictionary(grouping: try await rows("agreement_kpis", AgreementKPIRow.self, by: ["component_position", "position"])) {
            ComponentKey(unit: $0.unitCode, year: $0.fiscalYear, position: $0.componentPosition)
        }
        let components = Dictionary(grouping: try await rows("components", ComponentRow.self, by: ["position"])) {
            Key(unit: $0.unitCode, year: $0.fiscalYear)
        }
        let appeals = Dictionary(grouping: try await rows("appeals", AppealRow.self, by: ["position"])) {
            Key(unit: $0.unitCode, year: $0.fiscalYear)
        }
        return try await rows("agreements", AgreementRow.self, by: []).map { row in
            let key = Key(unit: row.unitCode, year: row.fiscalYear)
            let parts = try (components[key] ?? []).map { component in
                try component.component(kpis: (kpis[ComponentKey(unit: row.unitCode, year: row.fiscalYear, position: component.position)] ?? [])
                    .map { try $0.kpi() })
            }
            return (try row.agreement(components: parts, appeals: (appeals[key] ?? []).map { try $0.appeal() }), row.version)
        }
    }

    private struct ComponentKey: Hashable { var unit: String; var year: Int; var position: Int }

    static func save(_ agreement: Agreement, in db: any SQLDatabase) async throws -> WriteOutcome {
        let stored = try await load(unitCode: agreement.unitCode, fiscalYear: agreement.fiscalYear, in: db).first
        if stored?.agreement == agreement { return .unchanged }
        // Deleting the header cascades to components (and through them to KPIs) and appeals.
        try await db.delete(from: "agreements").whereUnitYear(agreement.unitCode, agreement.fiscalYear).run()
        try await db.insert([AgreementRow(unitCode: agreement.unitCode, fiscalYear: agreement.fiscalYear.be,
                                          pointsScheme: agreement.pointsScheme.rawValue,
                                          version: (stored?.version ?? 0) + 1)], into: "agreements")
        try await db.insert(agreement.components.enumerated().map { ComponentRow(agreement, position: $0.offset, component: $0.element) },
                            into: "components")
        try await db.insert(try agreement.components.enumerated().flatMap { component in
            try component.element.kpis.enumerated().map {
                try AgreementKPIRow(agreement, componentPosition: component.offset, position: $0.offset, kpi: $0.element)
            }
        }, into: "agreement_kpis")
        try await db.insert(try agreement.appeals.enumerated().map { try AppealRow(agreement, position: $0.offset, appeal: $0.element) },
                            into: "appeals")
        return .written
    }
}
