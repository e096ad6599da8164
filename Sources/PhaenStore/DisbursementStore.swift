import Foundation
import PhaenCore
import SQLKit

/// Budget records: allocations (`budget_allocations`), transfers (`budget_transfers`) and the
/// disbursements of the dataset's ledger (`disbursements`) and of people (`disbursement_entries`).
///
/// Every write runs in one transaction that re-reads the unit-year's records, applies the
/// change, checks the whole (`DisbursementCheck.consistency`: never more disbursed than the
/// allocation after transfers) and appends an audit entry (who, when, before, after) per
/// record — so two finance officers saving at once cannot together overspend a budget, and a
/// refused change leaves nothing behind.
extension PhaenStore {
    /// A unit-year's records; disbursements in date order (ledger first on one day).
    public func budgetRecords(unitCode: String, fiscalYear: FiscalYear) async throws -> BudgetRecords {
        try await pool.read { db in try await BudgetRecordStore.load(unitCode: unitCode, fiscalYear: fiscalYear, in: db) }
    }

    /// Every unit's records of a year that has any, by unit code (the city table).
    public func budgetRecords(fiscalYear: FiscalYear) async throws -> [String: BudgetRecords] {
        try await pool.read { db in try await BudgetRecordStore.loadYear(fiscalYear, in: db) }
    }

    /// The fiscal years that have any budget record, ascending.
    public func budgetYears() async throws -> [FiscalYear] {
        try await pool.withSession { session in
            try await session.sql.raw("""
                SELECT fiscal_year FROM budget_allocations UNION SELECT fiscal_year FROM budget_transfers
                UNION SELECT fiscal_year FROM disbursements UNION SELECT fiscal_year FROM disbursement_entries
                ORDER BY fiscal_year
                """).all(decodingColumn: "fiscal_year", as: Int.self).map(FiscalYear.init)
        }
    }

    /// Records (or replaces) the allocation of one type. Throws `DisbursementRefused` when the
    /// records would no longer add up, `StoreConflict.notFound` for an unknown unit.
    public func saveAllocation(_ allocation: BudgetAllocation, actor: String, at time: Date) async throws {
        try require(DisbursementCheck.check(allocation))
        try await pool.write { db in
            try await db.requireUnit(allocation.unitCode)
            var records = try await BudgetRecordStore.load(unitCode: allocation.unitCode, fiscalYear: allocation.fiscalYear, in: db)
            let before = records.allocation(allocation.type)
            if before == allocation { return }
            records.allocations.removeAll { $0.type == allocation.type }
            records.allocations.append(allocation)
            try require(DisbursementCheck.consistency(records))
            _ = try await MoneyStore.save(allocation, in: db)
            try await AuditLog.append(AuditEntry(
                at: time, actor: actor, objectKind: "budget-allocation",
                objectKey: "\(allocation.unitCode)/\(allocation.fiscalYear.be)/\(allocation.type.rawValue)",
                action: "save", before: try before.map { try JSONBody.encode($0) }, after: try JSONBody.encode(allocation)), in: db)
        }
    }

    /// Records a transfer; returns its id.
    @discardableResult
    public func addTransfer(_ transfer: BudgetTransfer, actor: String, at time: Date) async throws -> String {
        try require(DisbursementCheck.check(transfer))
        let id = UUID().uuidString.lowercased()
        var transfer = transfer
        transfer.id = id
        try await pool.write { db in
            try await db.requireUnit(transfer.unitCode)
            var records = try await BudgetRecordStore.load(unitCode: transfer.unitCode, fiscalYear: transfer.fiscalYear, in: db)
            records.transfers.append(transfer)
            try require(DisbursementCheck.consistency(records))
            let seq = try await BudgetRecordStore.nextSeq("budget_transfers", in: db)
            try await db.insert(into: "budget_transfers")
                .model(try TransferRow(id: id, seq: seq, transfer, actor: actor, at: time), with: RowCoding.encoder).run()
            try await AuditLog.append(AuditEntry(
                at: time, actor: actor, objectKind: "budget-transfer", objectKey: "\(transfer.unitCode)/\(transfer.fiscalYear.be)/\(id)",
                action: "create", after: try JSONBody.encode(transfer)), in: db)
        }
        return id
    }

    /// Records disbursements — one from a form, or every row of an import — all or none:
    /// each unit-year they touch is checked as a whole after adding them. Returns their ids.
    @discardableResult
    public func addDisbursements(_ items: [Disbursement], actor: String, at time: Date, action: String = "create") async throws -> [String] {
        try require(items.flatMap(DisbursementCheck.check))
        let ids = items.map { _ in UUID().uuidString.lowercased() }
        let items = zip(ids, items).map { id, item in var item = item; item.id = id; return item }
        try await pool.write { db in
            var byUnitYear: [String: BudgetRecords] = [:]
            for item in items {
                let key = "\(item.unitCode)/\(item.fiscalYear.be)"
                if byUnitYear[key] == nil {
                    try await db.requireUnit(item.unitCode)
                    byUnitYear[key] = try await BudgetRecordStore.load(unitCode: item.unitCode, fiscalYear: item.fiscalYear, in: db)
                }
                byUnitYear[key]!.disbursements.append(item)
            }
            for key in byUnitYear.keys.sorted() { try require(DisbursementCheck.consistency(byUnitYear[key]!)) }
            let seq = try await BudgetRecordStore.nextSeq("disbursement_entries", in: db)
            try await db.insert(try zip(ids, items).enumerated().map { i, pair in
                try EntryRow(id: pair.0, seq: seq + Int64(i), pair.1, actor: actor, at: time)
            }, into: "disbursement_entries")
            for (id, item) in zip(ids, items) {
                try await AuditLog.append(AuditEntry(
                    at: time, actor: actor, objectKind: "disbursement", objectKey: "\(item.unitCode)/\(item.fiscalYear.be)/\(id)",
                    action: action, after: try JSONBody.encode(item)), in: db)
            }
        }
        return ids
    }

    /// Removes a transfer or a disbursement recorded in Phaen (a correction), if the records
    /// still add up without it; the audit entry keeps what was removed. Ledger rows of a
    /// dataset have no id and cannot be removed here. `StoreConflict.notFound` when the id is
    /// not one of the unit-year's records.
    public func removeBudgetRecord(id: String, unitCode: String, fiscalYear: FiscalYear, actor: String, at time: Date) async throws {
        try await pool.write { db in
            var records = try await BudgetRecordStore.load(unitCode: unitCode, fiscalYear: fiscalYear, in: db)
            let table: String, kind: String, before: String
            if let item = records.disbursements.first(where: { $0.id == id }) {
                records.disbursements.removeAll { $0.id == id }
                table = "disbursement_entries"; kind = "disbursement"; before = try JSONBody.encode(item)
            } else if let item = records.transfers.first(where: { $0.id == id }) {
                records.transfers.removeAll { $0.id == id }
                table = "budget_transfers"; kind = "budget-transfer"; before = try JSONBody.encode(item)
            } else {
                throw StoreConflict.notFound("ไม่พบรายการที่จะลบ (อาจถูกลบไปแล้ว)")
            }
            try require(DisbursementCheck.consistency(records))
            try await db.delete(from: table).where("id", .equal, id).whereUnitYear(unitCode, fiscalYear).run()
            try await AuditLog.append(AuditEntry(
                at: time, actor: actor, objectKind: kind, objectKey: "\(unitCode)/\(fiscalYear.be)/\(id)",
                action: "delete", before: before), in: db)
        }
    }

    private func require(_ problems: [DisbursementProblem]) throws {
        if !problems.isEmpty { throw DisbursementRefused(problems) }
    }
}

enum BudgetRecordStore {
    /// The next recording order number of a table.
    static func nextSeq(_ table: String, in db: any SQLDatabase) async throws -> Int64 {
        let max = try await db.raw("SELECT COALESCE(MAX(seq), 0) AS m FROM \(ident: table)").first(decodingColumn: "m", as: Int64.self)
        return (max ?? 0) + 1
    }

    static func load(unitCode: String, fiscalYear: FiscalYear, in db: any SQLDatabase) async throws -> BudgetRecords {
        let allocations = try await MoneyStore.allocations(unitCode: unitCode, fiscalYear: fiscalYear, in: db)
        let transfers = try await db.select().column("*").from("budget_transfers").whereUnitYear(unitCode, fiscalYear)
            .orderBy("date").orderBy("seq").rows(TransferRow.self).map { try $0.transfer() }
        let ledger = try await MoneyStore.disbursements(unitCode: unitCode, fiscalYear: fiscalYear, in: db)
        let entries = try await db.select().column("*").from("disbursement_entries").whereUnitYear(unitCode, fiscalYear)
            .orderBy("date").orderBy("seq").rows(EntryRow.self).map { try $0.disbursement() }
        return BudgetRecords(unitCode: unitCode, fiscalYear: fiscalYear, allocations: allocations, transfers: transfers,
                             disbursements: stableByDate(ledger + entries))
    }

    static func loadYear(_ fiscalYear: FiscalYear, in db: any SQLDatabase) async throws -> [String: BudgetRecords] {
        var out: [String: BudgetRecords] = [:]
        func records(_ unit: String) -> BudgetRecords {
            out[unit] ?? BudgetRecords(unitCode: unit, fiscalYear: fiscalYear)
        }
        let year = fiscalYear.be
        for row in try await db.select().column("*").from("budget_allocations").where("fiscal_year", .equal, year)
            .orderBy("unit_code").rows(AllocationRow.self) {
            let a = try row.allocation()
            out[a.unitCode] = records(a.unitCode)
            out[a.unitCode]!.allocations.append(a)
        }
        for row in try await db.select().column("*").from("budget_transfers").where("fiscal_year", .equal, year)
            .orderBy("date").orderBy("seq").rows(TransferRow.self) {
            let t = try row.transfer()
            out[t.unitCode] = records(t.unitCode)
            out[t.unitCode]!.transfers.append(t)
        }
        for row in try await db.select().column("*").from("disbursements").where("fiscal_year", .equal, year)
            .orderBy("unit_code").orderBy("position").rows(DisbursementRow.self) {
            let d = try row.disbursement()
            out[d.unitCode] = records(d.unitCode)
            out[d.unitCode]!.disbursements.append(d)
        }
        for row in try await db.select().column("*").from("disbursement_entries").where("fiscal_year", .equal, year)
            .orderBy("date").orderBy("seq").rows(EntryRow.self) {
            let d = try row.disbursement()
            out[d.unitCode] = records(d.unitCode)
            out[d.unitCode]!.disbursements.append(d)
        }
        let order = Dictionary(uniqueKeysWithValues: BudgetType.allCases.enumerated().map { ($0.element, $0.offset) })
        for key in out.keys {
            out[key]!.disbursements = stableByDate(out[key]!.disbursements)
            out[key]!.allocations.sort { order[$0.type]! < order[$1.type]! }
        }
        return out
    }

    static func stableByDate(_ items: [Disbursement]) -> [Disbursement] {
        items.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }
}

/// `budget_transfers`
private struct TransferRow: Codable {
    var id: String
    var unitCode: String
    var fiscalYear: Int
    var date: String
    var fromType: String?
    var toType: String?
    var amount: Int64
    var body: String
    var seq: Int64
    var recordedBy: String
    var recordedAt: Int64

    init(id: String, seq: Int64, _ t: BudgetTransfer, actor: String, at time: Date) throws {
        self.id = id; self.seq = seq; unitCode = t.unitCode; fiscalYear = t.fiscalYear.be; date = t.date.description
        fromType = t.from?.rawValue; toType = t.to?.rawValue; amount = t.amount.satang
        body = try JSONBody.encode(t); recordedBy = actor; recordedAt = StoreTime.seconds(time)
    }

    func transfer() throws -> BudgetTransfer { try JSONBody.decode(BudgetTransfer.self, from: body) }
}

/// `disbursement_entries`
private struct EntryRow: Codable {
    var id: String
    var unitCode: String
    var fiscalYear: Int
    var type: String
    var date: String
    var amount: Int64
    var cumulative: Bool
    var projectId: String?
    var body: String
    var seq: Int64
    var recordedBy: String
    var recordedAt: Int64

    init(id: String, seq: Int64, _ d: Disbursement, actor: String, at time: Date) throws {
        self.id = id; self.seq = seq; unitCode = d.unitCode; fiscalYear = d.fiscalYear.be; type = d.type.rawValue
        date = d.date.description; amount = d.amount.satang; cumulative = d.cumulative; projectId = d.projectID
        body = try JSONBody.encode(d); recordedBy = actor; recordedAt = StoreTime.seconds(time)
    }

    func disbursement() throws -> Disbursement { try JSONBody.decode(Disbursement.self, from: body) }
}
