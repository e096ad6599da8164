import Foundation
import PhaenCore
import PhaenStore

/// What a reporter typed for one month of a step plan, kept as raw text so a mistyped number
/// comes back next to its field, never lost.
public struct StepProgressForm: Codable, Hashable, Sendable {
    public var stepPlanID: String
    public var month: String
    public var percent: String
    public var note: String

    public init(stepPlanID: String = "", month: String = "", percent: String = "", note: String = "") {
        self.stepPlanID = stepPlanID; self.month = month; self.percent = percent; self.note = note
    }

    /// Builds a form from named fields (a decoded form post): stepPlan, month, percent, note.
    public init(fields: [String: String]) {
        self.init(stepPlanID: fields["stepPlan"] ?? "", month: fields["month"] ?? "",
                  percent: fields["percent"] ?? "", note: fields["note"] ?? "")
    }
}

/// The form could not be saved: the form as typed and a Thai message per field
/// (`month`, `percent`, `note`).
public struct StepProgressFormErrors: Error, Sendable, CustomStringConvertible {
    public var form: StepProgressForm
    public var fields: [String: String]
    public var description: String { fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ") }
}

/// The person may read the progress but not report it (only reporters of the unit may).
public struct StepProgressRefusal: Error, Sendable, CustomStringConvertible {
    public var messageTH: String
    public var description: String { messageTH }
}

/// One fiscal month of a step plan: planned cumulative percent (`StepPlan.plannedProgress`),
/// the reported cumulative actual, the gap (actual − planned) and whether it is behind plan.
public struct MonthProgress: Hashable, Sendable {
    public var fiscalMonth: Int
    public var planned: Decimal
    public var actual: Decimal?
    public var note: String?
    public var gap: Decimal? { actual.map { $0 - planned } }
    public var isBehind: Bool { actual.map { $0 < planned } ?? false }
}

public struct StepPlanProgress: Hashable, Sendable {
    public var stepPlan: StepPlan
    /// Fiscal months 1 … 12, in order.
    public var months: [MonthProgress]

    /// The latest reported month at or before `fiscalMonth`, if any.
    public func latestActual(atOrBefore fiscalMonth: Int) -> MonthProgress? {
        months.last { $0.fiscalMonth <= fiscalMonth && $0.actual != nil }
    }
}

public struct StepProgressView: Sendable {
    public var unit: PhaenCore.Unit
    public var fiscalYear: FiscalYear
    public var plans: [StepPlanProgress]
    /// True when the person may report progress (a reporter of the unit).
    public var editable: Bool
}

/// One row of the "project progress against plan" dashboard: a step plan as of `fiscalMonth`.
public struct ProjectProgressRow: Hashable, Sendable {
    public var unitCode: String
    public var unitName: String
    public var stepPlanID: String
    public var title: String
    /// The fiscal month the row is evaluated at (0 before the year starts).
    public var fiscalMonth: Int
    public var plannedNow: Decimal
    /// The latest reported cumulative percent up to `fiscalMonth`; nil when nothing is reported.
    public var actual: Decimal?
    public var gap: Decimal { (actual ?? 0) - plannedNow }
    /// Behind when the actual (nothing reported counts as 0) is below the planned percent.
    public var isBehind: Bool { (actual ?? 0) < plannedNow }
}

/// Use case: project step progress per month reported against the step plan. Every entry
/// point takes the `Person`; a unit the person may not see is "not found", never "forbidden".
public struct StepProgress: Sendable {
    public let store: PhaenStore

    public init(store: PhaenStore) { self.store = store }

    public func load(person: Person, unit code: String, year: FiscalYear) async throws -> StepProgressView {
        guard AccessPolicy.canRead(person, unit: code), let unit = try await store.unit(code: code) else {
            throw AppError.unitNotFound(code)
        }
        guard let plan = try await store.plan(unitCode: code, fiscalYear: year) else {
            throw AppError(.notFound, th: "ไม่พบแผนปฏิบัติราชการปีงบประมาณ \(year.be) ของหน่วยงาน \(code)",
                           en: "no plan \(code)/\(year.be)")
        }
        let entries = try await store.stepProgress(unitCode: code, fiscalYear: year)
        return StepProgressView(unit: unit, fiscalYear: year, plans: Self.progress(plan.stepPlans, entries: entries),
                                editable: AccessPolicy.canEditReports(person, unit: code))
    }

    /// Pure: the step plans with their planned and actual percent for every fiscal month.
    public static func progress(_ stepPlans: [StepPlan], entries: [StepProgressEntry]) -> [StepPlanProgress] {
        stepPlans.map { plan in
            let mine = Dictionary(entries.filter { $0.stepPlanID == plan.id }.map { ($0.fiscalMonth, $0) }, uniquingKeysWith: { a, _ in a })
            return StepPlanProgress(stepPlan: plan, months: (1...12).map { m in
                MonthProgress(fiscalMonth: m, planned: plan.plannedProgress(atFiscalMonth: m), actual: mine[m]?.percent, note: mine[m]?.note)
            })
        }
    }

    /// Saves one month. Throws `StepProgressRefusal` when the person is not a reporter of the
    /// unit, `StepProgressFormErrors` (with the form as typed) for an unknown month, a percent
    /// that is not a number in 0–100, or one below an earlier month's; `AppError.notFound`
    /// for an invisible unit, a missing plan or an unknown step plan.
    public func save(person: Person, unit code: String, year: FiscalYear, form: StepProgressForm, now: Date) async throws {
        let view = try await load(person: person, unit: code, year: year)
        guard view.editable else {
            throw StepProgressRefusal(messageTH: "\(person.role.thaiName)ไม่มีสิทธิ์รายงานความก้าวหน้าของหน่วยงาน \(code) "
                                      + "(รายงานได้เฉพาะผู้รายงานของหน่วยงาน)")
        }
        guard let plan = view.plans.first(where: { $0.stepPlan.id == form.stepPlanID }) else {
            throw AppError(.notFound, th: "ไม่พบแผนขั้นตอน «\(form.stepPlanID)» ในแผนปีงบประมาณ \(year.be) ของหน่วยงาน \(code)",
                           en: "no step plan \(form.stepPlanID)")
        }
        var errors: [String: String] = [:]
        let month = ThaiNumberParser.integer(form.month.trimmingCharacters(in: .whitespaces))
        if month == nil || !(1...12).contains(month!) {
            errors["month"] = "เลือกเดือนของปีงบประมาณ (1 = ต.ค. … 12 = ก.ย.)"
        }
        let text = form.percent.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
        let percent = ThaiNumberParser.decimal(text)
        if text.isEmpty {
            errors["percent"] = "กรอกความก้าวหน้าสะสม (ร้อยละ 0–100)"
        } else if let percent {
            if percent < 0 || percent > 100 {
                errors["percent"] = "ความก้าวหน้าสะสมต้องอยู่ระหว่างร้อยละ 0 ถึง 100"
            } else if let month, let earlier = plan.latestActual(atOrBefore: month - 1), let previous = earlier.actual, percent < previous {
                errors["percent"] = "ความก้าวหน้าสะสมต้องไม่น้อยกว่าเดือน\(ThaiCalendarNames.fiscalMonthsShort[earlier.fiscalMonth - 1]) "
                    + "(ร้อยละ \(ThaiNumberFormat.decimal(previous)))"
            }
        } else {
            errors["percent"] = "«\(form.percent)» ไม่ใช่ตัวเลข (เช่น 45 หรือ ๔๕.๕)"
        }
        let note = form.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 2000 { errors["note"] = "หมายเหตุยาวเกิน 2,000 ตัวอักษร" }
        guard errors.isEmpty, let month, let percent else { throw StepProgressFormErrors(form: form, fields: errors) }
        try await store.saveStepProgress(StepProgressEntry(
            unitCode: code, fiscalYear: year, stepPlanID: plan.stepPlan.id, fiscalMonth: month, percent: percent,
            note: note.isEmpty ? nil : note, updatedBy: person.username, updatedAt: now))
    }

    /// The fiscal month `today` falls in for `year`: 0 before the year, 12 after it.
    public static func fiscalMonth(of today: CivilDate, in year: FiscalYear) -> Int {
        if today < year.start { return 0 }
        if today > year.end { return 12 }
        return FiscalYear.fiscalMonth(ofCalendarMonth: today.month)
    }

    /// "Project progress against plan" across the units the person sees, as of `today`
    /// (passed by the caller: no clock here).
    public func dashboard(person: Person, year: FiscalYear, today: CivilDate) async throws -> [ProjectProgressRow] {
        let month = Self.fiscalMonth(of: today, in: year)
        let visible = AccessPolicy.visibleUnits(person)
        var rows: [ProjectProgressRow] = []
        for unit in try await store.units() where visible?.contains(unit.code) ?? true {
            guard let plan = try await store.plan(unitCode: unit.code, fiscalYear: year), !plan.stepPlans.isEmpty else { continue }
            let entries = try await store.stepProgress(unitCode: unit.code, fiscalYear: year)
            for p in Self.progress(plan.stepPlans, entries: entries) {
                rows.append(ProjectProgressRow(unitCode: unit.code, unitName: unit.nameTH, stepPlanID: p.stepPlan.id,
                                               title: p.stepPlan.title, fiscalMonth: month,
                                               plannedNow: p.stepPlan.plannedProgress(atFiscalMonth: month),
                                               actual: p.latestActual(atOrBefore: month)?.actual))
            }
        }
        return rows
    }
}
