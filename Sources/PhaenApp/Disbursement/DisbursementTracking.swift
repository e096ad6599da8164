import Foundation
import PhaenCore
import PhaenStore

/// Who may record budget data: the unit's reporters and its head (the finance officer usually
/// holds a reporter account; the head may correct), evaluators and administrators for every
/// unit. Executives read. Everyone else does not see the unit at all (404).
public enum DisbursementAccess {
    public static func canRecord(_ person: Person, unit: String) -> Bool {
        switch person.role {
        case .admin, .evaluator: return true
        case .executive: return false
        case .head, .reporter: return person.unitCode == unit
        }
    }
}

/// The person may read the unit's budget records but not record them.
public struct DisbursementRefusal: Error, Sendable, CustomStringConvertible {
    public var messageTH = "บัญชีนี้ดูข้อมูลการเบิกจ่ายได้ แต่บันทึกไม่ได้ (บันทึกได้เฉพาะผู้รายงานและหัวหน้าหน่วยงาน ผู้ประเมิน และผู้ดูแลระบบ)"
    public var description: String { messageTH }
}

/// A unit-year's disbursement page: the table as of a date, the records behind it, the KPI
/// fed by it.
public struct DisbursementView: Sendable {
    public var unit: PhaenCore.Unit
    public var fiscalYear: FiscalYear
    public var asOf: CivilDate
    public var records: BudgetRecords
    public var table: DisbursementMath.Table
    /// The disbursement KPI of the agreement, scored, when the agreement has one.
    public var kpi: KPIScore?
    public var canRecord: Bool
    /// The plan's projects a disbursement may name.
    public var projects: [Project]
}

public struct CityDisbursementRow: Sendable {
    public var unit: PhaenCore.Unit
    public var standing: DisbursementStanding
}

public struct MoneyResultsView: Sendable {
    public var unit: PhaenCore.Unit
    public var fiscalYear: FiscalYear
    public var asOf: CivilDate
    public var projects: [MoneyAgainstResults.ProjectRow]
    public var kpis: [MoneyAgainstResults.KPIRow]
}

/// Use case: budget allocations, transfers and disbursements of a unit-year; the city table;
/// money against results. Every entry point takes the `Person`: a unit the person may not see
/// is "not found", like a missing one.
public struct DisbursementTracking: Sendable {
    public let store: PhaenStore
    public init(store: PhaenStore) { self.store = store }

    func visibleUnit(_ person: Person, _ code: String) async throws -> PhaenCore.Unit {
        guard AccessPolicy.canRead(person, unit: code), let unit = try await store.unit(code: code) else {
            throw AppError.unitNotFound(code)
        }
        return unit
    }

    /// A date inside the fiscal year: `asOf` when given, else `today` clamped to the year.
    public static func clamp(_ date: CivilDate, to year: FiscalYear) -> CivilDate {
        min(max(date, year.start), year.end)
    }

    public func load(person: Person, unit code: String, year: FiscalYear, asOf: CivilDate) async throws -> DisbursementView {
        let unit = try await visibleUnit(person, code)
        let records = try await store.budgetRecords(unitCode: code, fiscalYear: year)
        var kpi: KPIScore?
        if let agreement = try await store.agreement(unitCode: code, fiscalYear: year),
           let kpiCode = DisbursementKPI.kpiCodes(agreement).first {
            let group = try await store.unitGroup(unitCode: code, fiscalYear: year)
            let figure = DisbursementKPI.figure(records, asOf: asOf)
            let card = DisbursementKPI.annotate(
                Scorer.score(agreement, results: DisbursementKPI.results([], agreement: agreement, figure: figure), unitGroup: group),
                agreement: agreement, figure: figure)
            kpi = card.allKPIs.first { $0.code == kpiCode }
        }
        let projects = try await store.plan(unitCode: code, fiscalYear: year)?.projects ?? []
        return DisbursementView(unit: unit, fiscalYear: year, asOf: asOf, records: records, table: records.table(asOf: asOf),
                                kpi: kpi, canRecord: DisbursementAccess.canRecord(person, unit: code), projects: projects)
    }

    /// Records one form (allocation, transfer or disbursement). Throws `BudgetFormErrors` with
    /// the form as typed, `DisbursementRefusal` for a reader, `AppError.notFound` for an
    /// invisible unit.
    public func record(person: Person, unit code: String, year: FiscalYear, form: BudgetForm, now: Date) async throws {
        _ = try await visibleUnit(person, code)
        guard DisbursementAccess.canRecord(person, unit: code) else { throw DisbursementRefusal() }
        var problems: [DisbursementProblem] = []
        func read<T>(_ result: Result<T, DisbursementProblem>) -> T? {
            switch result { case .success(let v): return v; case .failure(let p): problems.append(p); return nil }
        }
        /// Problems of the parts that could be read, shown with the parse errors at once.
        func early(date: CivilDate?, amount: Money?) {
            if let date { problems += DisbursementCheck.dateProblems(date, year) }
            if let amount, amount.isNegative { problems.append(DisbursementProblem(.amount, "จำนวนเงินต้องไม่ติดลบ")) }
        }
        func refuse(_ more: [DisbursementProblem]) -> BudgetFormErrors {
            var fields: [String: String] = [:]
            for p in more where fields[p.field.rawValue] == nil { fields[p.field.rawValue] = p.message }
            return BudgetFormErrors(form: form, fields: fields)
        }
        do {
            switch form.kind {
            case "allocation":
                let type = read(BudgetInput.type(form.type)), amount = read(BudgetInput.amount(form.amount))
                early(date: nil, amount: amount)
                guard problems.isEmpty, let type, let amount else { throw refuse(problems) }
                try await store.saveAllocation(BudgetAllocation(unitCode: code, fiscalYear: year, type: type, allocated: amount),
                                               actor: person.username, at: now)
            case "transfer":
                let from = form.from.isEmpty ? nil : read(BudgetInput.type(form.from, field: .from))
                let to = form.to.isEmpty ? nil : read(BudgetInput.type(form.to, field: .to))
                let date = read(BudgetInput.date(form.date)), amount = read(BudgetInput.amount(form.amount))
                early(date: date, amount: amount)
                guard problems.isEmpty, let date, let amount else { throw refuse(problems) }
                try await store.addTransfer(BudgetTransfer(unitCode: code, fiscalYear: year, date: date, from: from, to: to,
                                                           amount: amount, reason: form.reason.trimmingCharacters(in: .whitespacesAndNewlines)),
                                            actor: person.username, at: now)
            case "disbursement":
                let type = read(BudgetInput.type(form.type))
                let date = read(BudgetInput.date(form.date)), amount = read(BudgetInput.amount(form.amount))
                early(date: date, amount: amount)
                let project = form.project.trimmingCharacters(in: .whitespaces)
                if !project.isEmpty, try await store.plan(unitCode: code, fiscalYear: year)?.projects.contains(where: { $0.id == project }) != true {
                    problems.append(DisbursementProblem(.project, "ไม่พบโครงการรหัส \(project) ในแผนปฏิบัติราชการปีนี้"))
                }
                guard problems.isEmpty, let type, let date, let amount else { throw refuse(problems) }
                let note = form.reason.trimmingCharacters(in: .whitespacesAndNewlines)
                try await store.addDisbursements([Disbursement(unitCode: code, fiscalYear: year, type: type, date: date, amount: amount,
                                                               cumulative: form.isCumulative, projectID: project.isEmpty ? nil : project,
                                                               note: note.isEmpty ? nil : note)],
                                                 actor: person.username, at: now)
            case "remove":
                do {
                    try await store.removeBudgetRecord(id: form.id, unitCode: code, fiscalYear: year, actor: person.username, at: now)
                } catch StoreConflict.notFound(let message) {
                    throw AppError(.notFound, th: message, en: "no budget record \(form.id)")
                }
            default:
                throw AppError(.invalidInput, th: "ไม่รู้จักแบบฟอร์ม \(form.kind)", en: "unknown budget form \(form.kind)")
            }
        } catch let refused as DisbursementRefused {
            throw refuse(refused.problems)
        }
    }

    /// Imports a CSV or XLSX of disbursements for the unit-year: all rows or none. Returns the
    /// number of rows written; throws `DisbursementImportErrors` listing every bad row.
    public func importFile(person: Person, unit code: String, year: FiscalYear, data: Data, fileName: String,
                           now: Date) async throws -> Int {
        _ = try await visibleUnit(person, code)
        guard DisbursementAccess.canRecord(person, unit: code) else { throw DisbursementRefusal() }
        let projects = Set(try await store.plan(unitCode: code, fiscalYear: year)?.projects.map(\.id) ?? [])
        let parsed = try DisbursementFile.parse(data: data, fileName: fileName, unitCode: code, fiscalYear: year, projectIDs: projects)
        let records = try await store.budgetRecords(unitCode: code, fiscalYear: year)
        let overspent = DisbursementFile.consistencyErrors(parsed, records: records)
        if !overspent.isEmpty { throw DisbursementImportErrors(file: nil, rows: overspent) }
        do {
            try await store.addDisbursements(parsed.map(\.disbursement), actor: person.username, at: now, action: "import")
        } catch let refused as DisbursementRefused {
            // Someone saved meanwhile and the file no longer fits: still nothing was written.
            throw DisbursementImportErrors(file: refused.description, rows: [])
        }
        return parsed.count
    }

    /// Every visible unit with budget records or a disbursement KPI in the year, as of a date:
    /// behind first, then by percent.
    public func city(person: Person, year: FiscalYear, asOf: CivilDate) async throws -> [CityDisbursementRow] {
        let visible = AccessPolicy.visibleUnits(person)
        let units = try await store.units().filter { visible?.contains($0.code) ?? true }
        let records = try await store.budgetRecords(fiscalYear: year)
        let agreements = Dictionary(try await store.agreements().filter { $0.fiscalYear == year }.map { ($0.unitCode, $0) },
                                    uniquingKeysWith: { a, _ in a })
        var rows: [CityDisbursementRow] = []
        for unit in units {
            let agreement = agreements[unit.code]
            let hasKPI = agreement.map { !DisbursementKPI.kpiCodes($0).isEmpty } ?? false
            guard records[unit.code] != nil || hasKPI else { continue }
            let group = try await store.unitGroup(unitCode: unit.code, fiscalYear: year)
            let standing = DisbursementStanding.build(
                records: records[unit.code] ?? BudgetRecords(unitCode: unit.code, fiscalYear: year),
                asOf: asOf, group: group, agreement: agreement)
            rows.append(CityDisbursementRow(unit: unit, standing: standing))
        }
        return rows.sorted {
            ($0.standing.isBehind ? 0 : 1, $0.standing.table.totalPercent, $0.unit.code)
                < ($1.standing.isBehind ? 0 : 1, $1.standing.table.totalPercent, $1.unit.code)
        }
    }

    /// Spending next to results for the unit-year's projects and KPIs.
    public func moneyAgainstResults(person: Person, unit code: String, year: FiscalYear, asOf: CivilDate) async throws -> MoneyResultsView {
        let unit = try await visibleUnit(person, code)
        let records = try await store.budgetRecords(unitCode: code, fiscalYear: year)
        let plan = try await store.plan(unitCode: code, fiscalYear: year)
        let agreement = try await store.agreement(unitCode: code, fiscalYear: year)
        var levels: [String: Decimal?] = [:]
        if agreement != nil {
            // The levels the score page shows this person (drafts only where they may read them).
            let card = try await DerivedResults(store: store)
                .scoreCard(unitCode: code, fiscalYear: year, drafts: AccessPolicy.canReadDraft(person, unit: code))
            for kpi in card.allKPIs { levels[kpi.code] = kpi.level }
        }
        var progress: [String: Decimal] = [:]
        if let plan {
            let latest = Dictionary(try await store.stepProgress(unitCode: code, fiscalYear: year)
                .filter { $0.fiscalMonth <= Self.fiscalMonth(of: asOf, in: year) }
                .map { ($0.stepPlanID, $0) }, uniquingKeysWith: { a, b in a.fiscalMonth >= b.fiscalMonth ? a : b })
            for stepPlan in plan.stepPlans {
                guard let project = stepPlan.projectID, let entry = latest[stepPlan.id] else { continue }
                progress[project] = min(progress[project] ?? entry.percent, entry.percent)
            }
        }
        return MoneyResultsView(
            unit: unit, fiscalYear: year, asOf: asOf,
            projects: MoneyAgainstResults.projects(plan: plan, agreement: agreement, levels: levels, progress: progress,
                                                   records: records, asOf: asOf),
            kpis: MoneyAgainstResults.kpis(plan: plan, agreement: agreement, levels: levels, records: records, asOf: asOf))
    }

    static func fiscalMonth(of date: CivilDate, in year: FiscalYear) -> Int {
        if date < year.start { return 0 }
        if date > year.end { return 12 }
        return FiscalYear.fiscalMonth(ofCalendarMonth: date.month)
    }
}

extension DisbursementTracking {
    /// The year a city table opens on: the latest year with budget records up to the current
    /// one, else the current one.
    public func defaultYear(today: CivilDate) async throws -> FiscalYear {
        let current = FiscalYear(containing: today)
        return try await store.budgetYears().filter { $0 <= current }.last ?? current
    }
}
