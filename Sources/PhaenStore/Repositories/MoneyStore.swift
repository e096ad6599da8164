import PhaenCore
import SQLKit

/// Budget allocations, disbursement ledgers and the disbursement tables documents print.
enum MoneyStore {
    static func allocations(unitCode: String, fiscalYear: FiscalYear, in db: any SQLDatabase) async throws -> [BudgetAllocation] {
        let order = Dictionary(uniqueKeysWithValues: BudgetType.allCases.enumerated().map { ($0.element, $0.offset) })
        return try await db.select().column("*").from("budget_allocations").whereUnitYear(unitCode, fiscalYear)
            .rows(AllocationRow.self).map { try $0.allocation() }
            .sorted { order[$0.type]! < order[$1.type]! }
    }

    static func save(_ allocation: BudgetAllocation, in db: any SQLDatabase) async throws -> WriteOutcome {
        let stored = try await allocations(unitCode: allocation.unitCode, fiscalYear: allocation.fiscalYear, in: db)
            .first { $0.type == allocation.type }
        if stored == allocation { return .unchanged }
        try await db.delete(from: "budget_allocations").whereUnitYear(allocation.unitCode, allocation.fiscalYear)
            .where("type", .equal, allocation.type.rawValue).run()
        try await db.insert([try AllocationRow(allocation)], into: "budget_allocations")
        return .written
    }

    static func disbursements(unitCode: String, fiscalYear: FiscalYear, in db: any SQLDatabase) async throws -> [Disbursement] {
        try await db.select().column("*").from("disbursements").whereUnitYear(unitCode, fiscalYear).orderBy("position")
            .rows(DisbursementRow.self).map { try $0.disbursement() }
    }

    /// A unit-year's disbursements are one record: the ledger as the dataset gives it.
    static func saveLedger(unitCode: String, fiscalYear: FiscalYear, _ ledger: [Disbursement],
                           in db: any SQLDatabase) async throws -> WriteOutcome {
        if try await disbursements(unitCode: unitCode, fiscalYear: fiscalYear, in: db) == ledger { return .unchanged }
        try await db.delete(from: "disbursements").whereUnitYear(unitCode, fiscalYear).run()
        try await db.insert(try ledger.enumerated().map { try DisbursementRow(position: $0.offset, disbursement: $0.element) },
                            into: "disbursements")
        return .written
    }

    static func tables(unitCode: String, fiscalYear: FiscalYear, in db: any SQLDatabase) async throws -> [StatedDisbursementTable] {
        try await db.select().column("*").from("disbursement_tables").whereUnitYear(unitCode, fiscalYear).orderBy("as_of")
            .rows(DisbursementTableRow.self).map { try $0.table() }
    }

    static func save(_ table: StatedDisbursementTable, in db: any SQLDatabase) async throws -> WriteOutcome {
        let stored = try await tables(unitCode: table.unitCode, fiscalYear: table.fiscalYear, in: db)
            .first { $0.asOf == table.asOf }
        if stored == table { return .unchanged }
        try await db.delete(from: "disbursement_tables").whereUnitYear(table.unitCode, table.fiscalYear)
            .where("as_of", .equal, table.asOf.description).run()
        try await db.insert([try DisbursementTableRow(table)], into: "disbursement_tables")
        return .written
    }
}
