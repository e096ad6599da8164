import Foundation
import PhaenCore
import PhaenStore

/// Use case: a unit's reporters edit its action plan — each project's name, budget, section,
/// strategy and policy codes, the stated total and count of each printed list, and a new
/// project added to a list. Every save goes through `PhaenStore.savePlan` (audited) and
/// returns the plan's validation findings afterwards, so the page can show them next to the
/// row they concern. Bad input saves nothing and comes back as `EditFormErrors`.
///
/// Draft rule: the model has no plan state yet, so a plan counts as a draft — editable —
/// unless any report of that unit-year has been accepted or locked: once evaluators have
/// accepted results measured against the plan, the plan is frozen.
public struct PlanEditing: Sendable {
    public let store: PhaenStore
    public init(store: PhaenStore) { self.store = store }

    /// A project as typed (every field as text).
    public struct ProjectForm: Sendable, Equatable {
        public var name: String
        public var budget: String
        public var section: String
        public var strategyCode: String
        public var policyCodes: String
        public init(name: String = "", budget: String = "", section: String = "", strategyCode: String = "", policyCodes: String = "") {
            self.name = name; self.budget = budget; self.section = section
            self.strategyCode = strategyCode; self.policyCodes = policyCodes
        }
        public init(_ p: Project) {
            self.init(name: p.name, budget: p.budget?.printed ?? "", section: p.section ?? "",
                      strategyCode: p.strategyCode ?? "", policyCodes: (p.policyCodes ?? []).joined(separator: ", "))
        }
    }

    /// A list's stated figures as typed.
    public struct ListForm: Sendable, Equatable {
        public var statedTotal: String
        public var statedCount: String
        public init(statedTotal: String = "", statedCount: String = "") { self.statedTotal = statedTotal; self.statedCount = statedCount }
        public init(_ l: ProjectList) { self.init(statedTotal: l.statedTotal?.printed ?? "", statedCount: l.statedCount.map(String.init) ?? "") }
    }

    public struct View: Sendable {
        public var unit: PhaenCore.Unit
        public var plan: ActionPlan
        public var findings: [Finding]
        public var audit: [AuditEntry]
        /// The person may edit this unit's plan and the plan is still a draft.
        public var editable: Bool
        public var isDraft: Bool
    }

    // MARK: Reading

    /// The plan with its findings; `AppError.notFound` when the person may not read the unit
    /// or there is no plan.
    public func load(person: Person, unit code: String, year: FiscalYear) async throws -> View {
        let (unit, plan) = try await resolve(person: person, unit: code, year: year)
        let isDraft = try await Self.isDraft(store: store, unit: code, year: year)
        return View(unit: unit, plan: plan, findings: try await findings(code, year),
                    audit: try await EditParse.auditEntries(store, kind: "plan", unit: code, year: year),
                    editable: AccessPolicy.canEditPlan(person, unit: code) && isDraft, isDraft: isDraft)
    }

    /// Draft unless a report of the unit-year is accepted or locked (see the type's comment).
    public static func isDraft(store: PhaenStore, unit: String, year: FiscalYear) async throws -> Bool {
        !(try await store.reports(unitCode: unit, fiscalYear: year)).contains { $0.state == .accepted || $0.state == .locked }
    }

    /// May this person edit (for links): reads access and draft state.
    public func mayEdit(person: Person, unit: String, year: FiscalYear) async throws -> Bool {
        guard AccessPolicy.canRead(person, unit: unit), AccessPolicy.canEditPlan(person, unit: unit) else { return false }
        return try await Self.isDraft(store: store, unit: unit, year: year)
    }

    // MARK: Saving

    /// Saves one project. Its budget also replaces the budget of every list row that printed
    /// the project's previous amount, so the lists' computed totals follow the edit; rows that
    /// printed a different amount keep it (the conflict stays visible).
    public func saveProject(person: Person, unit code: String, year: FiscalYear, projectID: String,
                            form: ProjectForm, now: Date) async throws -> View {
        let (unit, plan) = try await resolveForEdit(person: person, unit: code, year: year)
        guard let index = plan.projects.firstIndex(where: { $0.id == projectID }) else {
            throw AppError(.notFound, th: "ไม่พบโครงการ \(projectID) ในแผนนี้", en: "no project \(projectID)")
        }
        var edited = plan
        let old = plan.projects[index]
        let project = try Self.apply(form, to: old, unit: unit)
        edited.projects[index] = project
        for l in edited.lists.indices {
            for e in edited.lists[l].entries.indices where edited.lists[l].entries[e].projectID == projectID {
                let cell = edited.lists[l].entries[e].budget
                if cell == old.budget || (cell?.amount != nil && cell?.amount == old.budget?.amount) {
                    edited.lists[l].entries[e].budget = project.budget
                }
            }
        }
        return try await save(edited, person: person, unit: unit, now: now)
    }

    /// Saves a list's stated total and stated count.
    public func saveList(person: Person, unit code: String, year: FiscalYear, listID: String,
                         form: ListForm, now: Date) async throws -> View {
        let (unit, plan) = try await resolveForEdit(person: person, unit: code, year: year)
        guard let index = plan.lists.firstIndex(where: { $0.id == listID }) else {
            throw AppError(.notFound, th: "ไม่พบรายการ \(listID) ในแผนนี้", en: "no list \(listID)")
        }
        var errors: [String: String] = [:]
        var edited = plan
        switch EditParse.budget(form.statedTotal) {
        case .ok(let cell): edited.lists[index].statedTotal = cell
        case .bad(let message): errors["statedTotal"] = message
        }
        let countText = ThaiDigits.toArabic(EditParse.trimmed(form.statedCount))
        if countText.isEmpty {
            edited.lists[index].statedCount = nil
        } else if let count = Int(countText), count >= 0 {
            edited.lists[index].statedCount = count
        } else {
            errors["statedCount"] = "«\(form.statedCount)» ไม่ใช่จำนวนรายการที่ถูกต้อง (จำนวนเต็ม เช่น 38)"
        }
        if !errors.isEmpty { throw EditFormErrors(fields: errors) }
        return try await save(edited, person: person, unit: unit, now: now)
    }

    /// Adds a new project at the end of a list (numbered after the list's last row).
    public func addProject(person: Person, unit code: String, year: FiscalYear, listID: String,
                           form: ProjectForm, now: Date) async throws -> View {
        let (unit, plan) = try await resolveForEdit(person: person, unit: code, year: year)
        guard let index = plan.lists.firstIndex(where: { $0.id == listID }) else {
            throw AppError(.notFound, th: "ไม่พบรายการ \(listID) ในแผนนี้", en: "no list \(listID)")
        }
        var n = plan.projects.count + 1
        var id = "new-\(code)-\(year.be)-\(n)"
        while plan.project(id: id) != nil { n += 1; id = "new-\(code)-\(year.be)-\(n)" }
        let project = try Self.apply(form, to: Project(id: id, name: ""), unit: unit)
        var edited = plan
        edited.projects.append(project)
        let numbers = plan.lists[index].entries.compactMap { $0.number.flatMap { Int(ThaiDigits.toArabic($0).trimmingCharacters(in: CharacterSet(charactersIn: ". "))) } }
        edited.lists[index].entries.append(ListEntry(number: String((numbers.max() ?? plan.lists[index].entries.count) + 1),
                                                     projectID: id, budget: project.budget, section: project.section,
                                                     policyCodes: project.policyCodes))
        return try await save(edited, person: person, unit: unit, now: now)
    }

    // MARK: Parts

    /// The form applied to a project, or the field errors (nothing saved).
    static func apply(_ form: ProjectForm, to project: Project, unit: PhaenCore.Unit) throws -> Project {
        var p = project
        var errors: [String: String] = [:]
        let name = EditParse.trimmed(form.name)
        if name.isEmpty { errors["name"] = "กรุณากรอกชื่อโครงการ" } else { p.name = name }
        switch EditParse.budget(form.budget) {
        case .ok(let cell): p.budget = cell
        case .bad(let message): errors["budget"] = message
        }
        let section = EditParse.trimmed(form.section)
        if section.isEmpty {
            p.section = nil
        } else if let found = unit.section(named: section) {
            // Keep the printed spelling when it names the same section.
            p.section = project.section.flatMap { unit.section(named: $0) == found ? $0 : nil } ?? found.name
        } else {
            errors["section"] = "«\(section)» ไม่ใช่ส่วนราชการของ\(unit.nameTH) กรุณาเลือกจากรายการ"
        }
        let code = ThaiDigits.toArabic(EditParse.trimmed(form.strategyCode))
        if code.isEmpty {
            p.strategyCode = nil
        } else if code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            p.strategyCode = code
        } else {
            errors["strategyCode"] = "รหัสยุทธศาสตร์ต้องเป็นตัวเลข 6 หลัก (เช่น 115037)"
        }
        let codes = form.policyCodes.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init).filter { !$0.isEmpty }
        if let bad = codes.first(where: { $0.count > 20 }) {
            errors["policyCodes"] = "รหัสนโยบาย «\(bad)» ยาวเกินไป"
        } else {
            p.policyCodes = codes.isEmpty ? (project.policyCodes == nil ? nil : []) : codes
        }
        if !errors.isEmpty { throw EditFormErrors(fields: errors) }
        return p
    }

    private func save(_ plan: ActionPlan, person: Person, unit: PhaenCore.Unit, now: Date) async throws -> View {
        try await store.savePlan(plan, actor: person.username, now: now)
        return try await load(person: person, unit: unit.code, year: plan.fiscalYear)
    }

    private func findings(_ code: String, _ year: FiscalYear) async throws -> [Finding] {
        try await ValidateUnitYear(data: store)(unitCode: code, fiscalYear: year)
    }

    private func resolve(person: Person, unit code: String, year: FiscalYear) async throws -> (PhaenCore.Unit, ActionPlan) {
        guard AccessPolicy.canRead(person, unit: code), let unit = try await store.unit(code: code) else {
            throw AppError.unitNotFound(code)
        }
        guard let plan = try await store.plan(unitCode: code, fiscalYear: year) else {
            throw AppError(.notFound, th: "ไม่พบแผนปฏิบัติราชการของ\(unit.nameTH) ปีงบประมาณ \(year.be)", en: "no plan for \(code)/\(year)")
        }
        return (unit, plan)
    }

    private func resolveForEdit(person: Person, unit code: String, year: FiscalYear) async throws -> (PhaenCore.Unit, ActionPlan) {
        let resolved = try await resolve(person: person, unit: code, year: year)
        guard AccessPolicy.canEditPlan(person, unit: code) else {
            throw EditRefusal(kind: .notAllowed,
                              messageTH: "\(person.role.thaiName)ไม่มีสิทธิ์แก้ไขแผนของหน่วยงาน \(code) (แก้ไขได้เฉพาะผู้รายงานของหน่วยงาน)",
                              messageEN: "a \(person.role.rawValue) may not edit the plan of \(code)")
        }
        guard try await Self.isDraft(store: store, unit: code, year: year) else {
            throw EditRefusal(kind: .notDraft,
                              messageTH: "แก้ไขแผนไม่ได้: มีรายงานผลของปีนี้ที่ผ่านการตรวจหรือปิดแล้ว แผนจึงไม่ใช่ร่างอีกต่อไป",
                              messageEN: "the plan is no longer a draft (a report was accepted or locked)")
        }
        return resolved
    }
}
