import Foundation
import PhaenCore
import SQLKit

/// Row structs name their properties in camelCase; the columns are their snake_case form.
enum RowCoding {
    /// `.asNil` writes every column, so rows of one batch all have the same column list.
    static let encoder = SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)
}

/// The JSON `body` columns. Keys are sorted so one value always gives the same text, and
/// decimals are written with all their digits (JSONEncoder prints `Decimal` exactly).
enum JSONBody {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}

/// Decimal columns hold the exact decimal text (`Decimal.description`, never an exponent),
/// so 3.3333333333333333333 is stored as written and compares as text in SQL.
enum DecimalText {
    static func text(_ value: Decimal?) -> String? { value.map { $0.description } }
}

/// Codes such as KPI codes (1.1.1, 1.10) and directive ids sort by their numbers, not by text.
func numericOrder(_ a: String, _ b: String) -> Bool {
    a.compare(b, options: .numeric) == .orderedAscending
}

extension SQLDatabase {
    /// Inserts rows in batches: one statement per batch instead of one per row, kept well
    /// below SQLite's and PostgreSQL's limits on bound parameters.
    func insert<Row: Encodable>(_ rows: [Row], into table: String) async throws {
        let batchSize = 200
        var start = 0
        while start < rows.count {
            let batch = Array(rows[start..<min(start + batchSize, rows.count)])
            try await insert(into: table).models(batch, with: RowCoding.encoder).run()
            start += batchSize
        }
    }
}

extension SQLQueryFetcher {
    func rows<Row: Decodable>(_ type: Row.Type) async throws -> [Row] {
        try await all(decoding: Row.self, with: RowCoding.decoder)
    }
}

extension SQLPredicateBuilder {
    /// Filters a unit-year table by its key.
    @discardableResult
    func whereUnitYear(_ unitCode: String, _ fiscalYear: FiscalYear) -> Self {
        self.where("unit_code", .equal, unitCode).where("fiscal_year", .equal, fiscalYear.be)
    }
}

/// What importing one top-level record did.
enum WriteOutcome {
    case written, unchanged
}
