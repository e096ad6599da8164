import PhaenCore
import SQLKit

/// How many top-level records an import wrote (new or changed) and left alone (identical).
public struct ImportSummary: Sendable, Equatable {
    public var written: Int
    public var unchanged: Int

    public init(written: Int = 0, unchanged: Int = 0) { self.written = written; self.unchanged = unchanged }

    mutating func count(_ outcome: WriteOutcome) {
        switch outcome {
        case .written: written += 1
        case .unchanged: unchanged += 1
        }
    }
}

/// Writes a dataset record by record. A top-level record — a unit, a unit group, a year of
/// frameworks, a plan, an agreement, a report, an allocation, a unit-year's disbursement
/// ledger, a disbursement table, a directive, a directive report, an innovation — is compared
/// with what is stored and replaced only when it differs, so importing the same dataset again
/// writes nothing. Records the dataset does not mention are left as they are.
enum DatasetImport {
    static func run(_ dataset: Dataset, in db: any SQLDatabase) async throws -> ImportSummary {
        try DatasetKeys.checkUnique(dataset)
        try await checkReferences(dataset, in: db)
        var summary = ImportSummary()
        // Parents before the records that refer to them (foreign keys are checked per statement).
        for unit in dataset.units { summary.count(try await UnitStore.save(unit, in: db)) }
        for assignment in dataset.unitGroups { summary.count(try await UnitStore.save(assignment, in: db)) }
        for (year, nodes) in grouped(dataset.frameworks, by: \.fiscalYear) {
            summary.count(try await FrameworkStore.save(fiscalYear: year, nodes: nodes, in: db))
        }
        for plan in dataset.plans { summary.count(try await PlanStore.save(plan, in: db)) }
        for agreement in dataset.agreements { summary.count(try await AgreementStore.save(agreement, in: db)) }
        for report in dataset.reports { summary.count(try await ReportStore.save(report, in: db)) }
        for allocation in dataset.allocations { summary.count(try await MoneyStore.save(allocation, in: db)) }
        for (key, ledger) in grouped(dataset.disbursements, by: { UnitYear(unitCode: $0.unitCode, fiscalYear: $0.fiscalYear) }) {
            summary.count(try await MoneyStore.saveLedger(unitCode: key.unitCode, fiscalYear: key.fiscalYear, ledger, in: db))
        }
        for table in dataset.disbursementTables { summary.count(try await MoneyStore.save(table, in: db)) }
        for directive in dataset.directives { summary.count(try await DirectiveStore.save(directive, in: db)) }
        for report in dataset.directiveReports { summary.count(try await DirectiveStore.save(report, in: db)) }
        for innovation in dataset.innovations { summary.count(try await InnovationStore.save(innovation, in: db)) }
        return summary
    }

    private struct UnitYear: Hashable { var unitCode: String; var fiscalYear: FiscalYear }

    /// Groups in order of first appearance, keeping each group's elements in dataset order.
    private static func grouped<T, Key: Hashable>(_ items: [T], by key: (T) -> Key) -> [(Key, [T])] {
        var order: [Key] = []
        var groups: [Key: [T]] = [:]
        for item in items {
            let k = key(item)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(item)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// Every unit and directive the dataset refers to must be in the dataset or already stored.
    /// Checked up front so the person importing gets the codes, not a foreign-key error.
    private static func checkReferences(_ dataset: Dataset, in db: any SQLDatabase) async throws {
        let unitCodes = Set(dataset.units.map(\.code)).union(try await UnitStore.codes(in: db))
        let referenced: [String] = dataset.unitGroups.map(\.unitCode) + dataset.plans.map(\.unitCode)
            + dataset.agreements.map(\.unitCode) + dataset.reports.map(\.unitCode) + dataset.allocations.map(\.unitCode)
            + dataset.disbursements.map(\.unitCode) + dataset.disbursementTables.map(\.unitCode)
            + dataset.directives.flatMap(\.addressedUnits) + dataset.directiveReports.map(\.unitCode)
            + dataset.innovations.map(\.unitCode)
        let missingUnits = Set(referenced).subtracting(unitCodes)
        guard missingUnits.isEmpty else {
            throw StoreError("ไม่พบหน่วยงานรหัส \(missingUnits.sorted().joined(separator: ", ")) ที่ชุดข้อมูลอ้างถึง (unknown unit codes)")
        }
        let directiveIDs = Set(dataset.directives.map(\.id)).union(try await DirectiveStore.ids(in: db))
        let missingDirectives = Set(dataset.directiveReports.map(\.directiveID)).subtracting(directiveIDs)
        guard missingDirectives.isEmpty else {
            throw StoreError("ไม่พบข้อสั่งการ \(missingDirectives.sorted().joined(separator: ", ")) ที่รายงานอ้างถึง (unknown directive ids)")
        }
    }
}
