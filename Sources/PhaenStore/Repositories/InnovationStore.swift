import PhaenCore
import SQLKit

/// Innovation projects, one record per unit, year and title.
enum InnovationStore {
    static func load(unitCode: String, fiscalYear: FiscalYear, in db: any SQLDatabase) async throws -> [Innovation] {
        try await db.select().column("*").from("innovations").whereUnitYear(unitCode, fiscalYear)
            .rows(InnovationRow.self).map { try $0.innovation() }
            .sorted { $0.title < $1.title }
    }

    static func save(_ innovation: Innovation, in db: any SQLDatabase) async throws -> WriteOutcome {
        let stored = try await db.select().column("*").from("innovations")
            .whereUnitYear(innovation.unitCode, innovation.fiscalYear).where("title", .equal, innovation.title)
            .rows(InnovationRow.self).first
        if let stored, try stored.innovation() == innovation { return .unchanged }
        try await db.delete(from: "innovations")
            .whereUnitYear(innovation.unitCode, innovation.fiscalYear).where("title", .equal, innovation.title).run()
        try await db.insert([try InnovationRow(innovation)], into: "innovations")
        return .written
    }
}
