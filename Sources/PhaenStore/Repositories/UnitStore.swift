import PhaenCore
import SQLKit

/// Units with their sections, and the yearly unit groups.
enum UnitStore {
    /// All units, or the one with `code`, with their sections in printed order.
    static func load(code: String? = nil, in db: any SQLDatabase) async throws -> [Unit] {
        let unitQuery = db.select().column("*").from("units")
        let sectionQuery = db.select().column("*").from("sections").orderBy("unit_code").orderBy("position")
        if let code {
            unitQuery.where("code", .equal, code)
            sectionQuery.where("unit_code", .equal, code)
        }
        let sections = Dictionary(grouping: try await sectionQuery.rows(SectionRow.self), by: \.unitCode)
        return try await unitQuery.rows(UnitRow.self)
            .map { row in try row.unit(sections: (sections[row.code] ?? []).map { try $0.section() }) }
            .sorted { $0.code < $1.code }
    }

    static func save(_ unit: Unit, in db: any SQLDatabase) async throws -> WriteOutcome {
        let stored = try await load(code: unit.code, in: db).first
        if stored == unit { return .unchanged }
        // Other tables refer to units, so a changed unit is updated in place, never deleted.
        if stored == nil {
            try await db.insert([try UnitRow(unit)], into: "units")
        } else {
            try await db.update("units").set(model: try UnitRow(unit), with: RowCoding.encoder)
                .where("code", .equal, unit.code).run()
            try await db.delete(from: "sections").where("unit_code", .equal, unit.code).run()
        }
        let sections = try unit.sections.enumerated().map { try SectionRow(unitCode: unit.code, position: $0.offset, section: $0.element) }
        try await db.insert(sections, into: "sections")
        return .written
    }

    static func codes(in db: any SQLDatabase) async throws -> Set<String> {
        Set(try await db.select().column("code").from("units").all(decodingColumn: "code", as: String.self))
    }

    static func group(unitCode: String, fiscalYear: FiscalYear, in db: any SQLDatabase) async throws -> String? {
        try await db.select().column("grp").from("unit_groups").whereUnitYear(unitCode, fiscalYear)
            .first(decodingColumn: "grp", as: String.self)
    }

    static func save(_ assignment: UnitGroupAssignment, in db: any SQLDatabase) async throws -> WriteOutcome {
        let stored = try await group(unitCode: assignment.unitCode, fiscalYear: assignment.fiscalYear, in: db)
        if stored == assignment.group { return .unchanged }
        try await db.delete(from: "unit_groups").whereUnitYear(assignment.unitCode, assignment.fiscalYear).run()
        try await db.insert([UnitGroupRow(unitCode: assignment.unitCode, fiscalYear: assignment.fiscalYear.be, grp: assignment.group)],
                            into: "unit_groups")
        return .written
    }
}
