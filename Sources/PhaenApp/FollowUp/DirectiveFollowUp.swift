import Foundation
import PhaenCore
import PhaenStore

/// One addressed unit of a directive as a person sees it: its status, every report (oldest
/// first) and whether the person may report now.
public struct DirectiveUnitView: Sendable {
    public var unitCode: String
    public var unitName: String
    public var status: DirectiveStatus
    public var history: [DirectiveReport]
    public var canReport: Bool
    public var next: [DirectiveStatus]
}

public struct DirectiveView: Sendable {
    public var directive: Directive
    public var groupName: String?
    /// Only the addressed units the person may see.
    public var units: [DirectiveUnitView]
}

/// Use case: the directive follow-up register (issue 5, reports-spec §2). Every entry point
/// takes the `Person`; access is applied at the query (a unit role reads only directives
/// addressed to its unit, and only its own unit's status), and an invisible directive is
/// "not found" exactly like a missing one.
public struct DirectiveFollowUp: Sendable {
    public let store: PhaenStore
    public init(store: PhaenStore) { self.store = store }

    static func notFound(_ id: String) -> AppError {
        AppError(.notFound, th: "ไม่พบข้อสั่งการเลขที่ \(id)", en: "no directive \(id) visible")
    }

    public func groups() async throws -> [DirectiveGroup] {
        DirectiveGroup.all(names: try await store.directiveGroupNames())
    }

    public func years() async throws -> [FiscalYear] { try await store.directiveYears() }

    /// The directives the person sees (of `year` when given) and their visible pairs.
    public func pairs(person: Person, year: FiscalYear?) async throws -> [DirectivePair] {
        let visible = AccessPolicy.visibleUnits(person)
        let directives = try await store.directives(addressedTo: visible, fiscalYear: year).map { d -> Directive in
            var d = d
            if let visible { d.addressedUnits = d.addressedUnits.filter(visible.contains) }
            return d
        }
        let reports = try await store.directiveReports(directiveIDs: directives.map(\.id), units: visible)
        return DirectiveDashboard.pairs(directives: directives, reports: reports)
    }

    public func dashboard(person: Person, year: FiscalYear?) async throws -> DirectiveDashboard {
        DirectiveDashboard(pairs: try await pairs(person: person, year: year))
    }

    public func detail(person: Person, id: String) async throws -> DirectiveView {
        let visible = AccessPolicy.visibleUnits(person)
        guard var directive = try await store.directive(id: id) else { throw Self.notFound(id) }
        if let visible {
            directive.addressedUnits = directive.addressedUnits.filter(visible.contains)
            guard !directive.addressedUnits.isEmpty else { throw Self.notFound(id) }
        }
        let reports = try await store.directiveReports(directiveIDs: [id], units: visible)
        let names = Dictionary(try await store.units().map { ($0.code, $0.nameTH) }, uniquingKeysWith: { a, _ in a })
        let groupNames = try await store.directiveGroupNames()
        let units = directive.addressedUnits.map { code -> DirectiveUnitView in
            let history = reports.filter { $0.unitCode == code }
            let status = DirectiveStatusMachine.status(after: history)
            let next = DirectiveStatusMachine.next(from: status)
            return DirectiveUnitView(unitCode: code, unitName: names[code] ?? code, status: status, history: history,
                                     canReport: AccessPolicy.canReportDirective(person, unit: code) && !next.isEmpty, next: next)
        }
        return DirectiveView(directive: directive,
                             groupName: directive.group.map { DirectiveGroup(number: $0, name: groupNames[$0]).displayName },
                             units: units)
    }

    /// One addressed unit of a directive (404 when the directive is not addressed to it or
    /// the person may not see it).
    public func unit(person: Person, id: String, unit code: String) async throws -> (DirectiveView, DirectiveUnitView) {
        let view = try await detail(person: person, id: id)
        guard let unit = view.units.first(where: { $0.unitCode == code }) else {
            throw AppError(.notFound, th: "ข้อสั่งการเลขที่ \(id) ไม่ได้ส่งถึงหน่วยงาน \(code)", en: "\(id) not addressed to \(code)")
        }
        return (view, unit)
    }

    /// Registers a directive. `FollowUpRefusal` for a role that may not; `DirectiveFormErrors`
    /// (the form as typed, a Thai message per field) for bad input, an unknown unit included.
    @discardableResult
    public func register(person: Person, form: DirectiveForm, now: Date) async throws -> Directive {
        guard AccessPolicy.canRegisterDirectives(person) else {
            throw FollowUpRefusal("\(person.role.thaiName)ไม่มีสิทธิ์ลงทะเบียนข้อสั่งการ (เฉพาะผู้ประเมินส่วนกลางและผู้ดูแลระบบ)")
        }
        let (directive, typed) = Self.parse(form)
        var errors = typed
        let known = Set(try await store.units().map(\.code))
        let taken: Set<String> = try await store.directive(id: directive.id) == nil ? [] : [directive.id]
        for (field, message) in DirectiveRules.check(directive, knownUnits: known, takenIDs: taken) where errors[field] == nil {
            errors[field] = message
        }
        guard errors.isEmpty else { throw DirectiveFormErrors(form: form, fields: errors) }
        do {
            try await store.registerDirective(directive, actor: person.username, at: now)
        } catch let conflict as StoreConflict {
            throw DirectiveFormErrors(form: form, fields: ["id": conflict.description])
        }
        return directive
    }

    /// The directive a form describes, and the errors of fields that are not even readable.
    static func parse(_ form: DirectiveForm) -> (Directive, [String: String]) {
        var errors: [String: String] = [:]
        let source = DirectiveSource(rawValue: form.source)
        if source == nil { errors["source"] = "เลือกที่มา: ข้อสั่งการของปลัดกรุงเทพมหานคร หรือข้อเสนอแนะของผู้ตรวจราชการ" }
        let year = Int(ThaiDigits.toArabic(form.year.trimmingCharacters(in: .whitespaces)))
        if year == nil { errors["year"] = "กรอกปีงบประมาณ พ.ศ. เช่น 2566" }
        var round: Int?
        if !form.round.trimmingCharacters(in: .whitespaces).isEmpty {
            round = Int(ThaiDigits.toArabic(form.round.trimmingCharacters(in: .whitespaces)))
            if round == nil { errors["round"] = "รอบการตรวจราชการมีรอบที่ 1 และรอบที่ 2" }
        }
        var date: CivilDate?
        if !form.date.trimmingCharacters(in: .whitespaces).isEmpty {
            date = TypedDate.parse(form.date)
            if date == nil { errors["date"] = "วันที่ไม่ถูกต้อง (เช่น 15/01/2567 หรือ 2024-01-15)" }
        }
        var group: Int?
        if !form.group.isEmpty {
            group = Int(form.group)
            if group == nil { errors["group"] = "เลือกกลุ่มที่ 1–10" }
        }
        let directive = Directive(
            id: form.id.trimmingCharacters(in: .whitespaces), source: source ?? .inspector, fiscalYear: FiscalYear(year ?? 0),
            inspectionRound: round, text: form.text.trimmingCharacters(in: .whitespacesAndNewlines), date: date, group: group,
            factors: form.factors.compactMap { Int($0).flatMap(ImpactFactor.init(rawValue:)) }, addressedUnits: form.unitCodes)
        return (directive, errors)
    }

    /// Appends a unit's status report. `FollowUpRefusal` unless the person is a reporter of the
    /// unit; `DirectiveStatusFormErrors` for a bad date or what the state machine refuses
    /// (a reason is required for "cannot be done"; a closed pair takes no more reports).
    public func report(person: Person, id: String, unit code: String, form: DirectiveStatusForm,
                       today: CivilDate, now: Date) async throws {
        let (_, unit) = try await unit(person: person, id: id, unit: code)
        guard AccessPolicy.canReportDirective(person, unit: code) else {
            throw FollowUpRefusal("\(person.role.thaiName)ไม่มีสิทธิ์รายงานผลข้อสั่งการของหน่วยงาน \(code) (รายงานได้เฉพาะผู้รายงานของหน่วยงาน)")
        }
        var errors: [String: String] = [:]
        let status = DirectiveStatus(rawValue: form.status) ?? .notReported
        var date = today
        if !form.date.trimmingCharacters(in: .whitespaces).isEmpty {
            if let typed = TypedDate.parse(form.date) {
                if typed > today { errors["date"] = "วันที่รายงานต้องไม่เลยวันนี้" } else { date = typed }
            } else {
                errors["date"] = "วันที่ไม่ถูกต้อง (เช่น 15/01/2567 หรือ 2024-01-15)"
            }
        }
        func text(_ s: String) -> String? {
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines); return t.isEmpty ? nil : t
        }
        let report = DirectiveReport(directiveID: id, unitCode: code, status: status, date: date, details: text(form.details),
                                     reason: status == .cannotBeDone ? text(form.reason) : nil, evidence: text(form.evidence))
        do {
            try DirectiveStatusMachine.check(current: unit.status, report: report)
        } catch {
            for (field, message) in error.byField where errors[field] == nil { errors[field.isEmpty ? "status" : field] = message }
        }
        guard errors.isEmpty else { throw DirectiveStatusFormErrors(form: form, fields: errors) }
        do {
            try await store.recordDirectiveReport(report, actor: person.username, at: now)
        } catch let refusals as DirectiveRefusals {
            // Someone of the unit reported meanwhile and closed the pair.
            throw DirectiveStatusFormErrors(form: form, fields: refusals.byField)
        }
    }

    /// Names the ten groups (administrators only); a blank name un-names a group.
    public func saveGroupNames(person: Person, names: [Int: String], now: Date) async throws {
        guard AccessPolicy.canNameDirectiveGroups(person) else {
            throw FollowUpRefusal("\(person.role.thaiName)ไม่มีสิทธิ์ตั้งชื่อกลุ่มข้อสั่งการ (เฉพาะผู้ดูแลระบบ)")
        }
        let cleaned = names.filter { DirectiveGroup.numbers.contains($0.key) }
            .mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        try await store.saveDirectiveGroupNames(cleaned, actor: person.username, at: now)
    }
}
