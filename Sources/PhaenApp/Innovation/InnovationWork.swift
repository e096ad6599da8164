import Foundation
import PhaenCore
import PhaenStore

/// What a reporter typed for one innovation form (or a new innovation), kept as text.
public struct InnovationFormInput: Codable, Hashable, Sendable {
    /// Which innovation (its title); for a new one, the title to give it.
    public var title = ""
    public var number = ""
    public var date = ""
    public var summary = ""
    /// Form 1: one idea per line.
    public var ideas = ""
    public var minutes = ""
    public var decision = ""
    public var revisions = ""
    public var revisionsDone = false
    public var users = ""
    public var satisfaction = ""
    /// A new innovation: its description and the agreement KPI it feeds.
    public var description = ""
    public var kpiCode = ""

    public init() {}

    public init(fields: [String: String]) {
        title = fields["title"] ?? ""; number = fields["number"] ?? ""; date = fields["date"] ?? ""
        summary = fields["summary"] ?? ""; ideas = fields["ideas"] ?? ""; minutes = fields["minutes"] ?? ""
        decision = fields["decision"] ?? ""; revisions = fields["revisions"] ?? ""
        revisionsDone = fields["revisionsDone"] != nil; users = fields["users"] ?? ""
        satisfaction = fields["satisfaction"] ?? ""; description = fields["description"] ?? ""; kpiCode = fields["kpiCode"] ?? ""
    }

    /// The form as it reads back into the page (editing an existing form).
    public init(title: String, form: Innovation.Form) {
        self.title = title; number = String(form.number); date = form.date?.description ?? ""; summary = form.summary
        ideas = (form.ideas ?? []).joined(separator: "\n"); minutes = form.minutes ?? ""
        decision = form.decision?.rawValue ?? ""; revisions = form.revisions ?? ""; revisionsDone = form.revisionsDone ?? false
        users = form.users.map(String.init) ?? ""; satisfaction = form.satisfactionPercent.map { "\($0)" } ?? ""
    }
}

public struct InnovationFormErrors: Error, Sendable, CustomStringConvertible {
    public var form: InnovationFormInput
    public var fields: [String: String]
    public var description: String { fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ") }
}

public struct InnovationItem: Sendable {
    public var innovation: Innovation
    /// The level the innovation KPI reads (`InnovationProgress.level`), with its explanation.
    public var level: Int?
    public var levelExplanation: String?
    public var nextStatus: Innovation.Status?
    /// Why the next status is not allowed yet (nil when it is).
    public var nextRefusal: String?
}

public struct InnovationView: Sendable {
    public var unit: PhaenCore.Unit
    public var fiscalYear: FiscalYear
    public var items: [InnovationItem]
    public var editable: Bool
}

/// Use case: a unit's innovation project through forms 1–5 and its status (issue 5).
/// Reporters of the unit record it; everyone who reads the unit reads it.
public struct InnovationWork: Sendable {
    public let store: PhaenStore
    public init(store: PhaenStore) { self.store = store }

    public func load(person: Person, unit code: String, year: FiscalYear) async throws -> InnovationView {
        guard AccessPolicy.canRead(person, unit: code), let unit = try await store.unit(code: code) else {
            throw AppError.unitNotFound(code)
        }
        let items = try await store.innovations(unitCode: code, fiscalYear: year).map { i -> InnovationItem in
            let level = InnovationProgress.level(i)
            let next = InnovationProgress.next(from: i.status)
            return InnovationItem(innovation: i, level: level?.level, levelExplanation: level?.explanation, nextStatus: next,
                                  nextRefusal: next.flatMap { InnovationProgress.refusal(from: i, to: $0) })
        }
        return InnovationView(unit: unit, fiscalYear: year, items: items, editable: AccessPolicy.canEditInnovation(person, unit: code))
    }

    private func requireEditor(_ person: Person, _ code: String, _ year: FiscalYear) async throws -> InnovationView {
        let view = try await load(person: person, unit: code, year: year)
        guard view.editable else {
            throw FollowUpRefusal("\(person.role.thaiName)ไม่มีสิทธิ์บันทึกนวัตกรรมของหน่วยงาน \(code) (บันทึกได้เฉพาะผู้รายงานของหน่วยงาน)")
        }
        return view
    }

    private func existing(_ view: InnovationView, title: String) throws -> Innovation {
        guard let item = view.items.first(where: { $0.innovation.title == title }) else {
            throw AppError(.notFound, th: "ไม่พบนวัตกรรม «\(title)» ปีงบประมาณ \(view.fiscalYear.be)", en: "no innovation \(title)")
        }
        return item.innovation
    }

    /// Starts an innovation (status in development) with its title, description and KPI.
    public func create(person: Person, unit code: String, year: FiscalYear, input: InnovationFormInput, now: Date) async throws {
        let view = try await requireEditor(person, code, year)
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [String: String] = [:]
        if title.isEmpty { errors["title"] = "กรอกชื่อนวัตกรรม" }
        else if view.items.contains(where: { $0.innovation.title == title }) { errors["title"] = "มีนวัตกรรมชื่อนี้ในปีนี้แล้ว" }
        guard errors.isEmpty else { throw InnovationFormErrors(form: input, fields: errors) }
        let description = input.description.trimmingCharacters(in: .whitespacesAndNewlines)
        let kpi = input.kpiCode.trimmingCharacters(in: .whitespaces)
        let innovation = Innovation(unitCode: code, fiscalYear: year, title: title, description: description.isEmpty ? nil : description,
                                    kpiCode: kpi.isEmpty ? nil : kpi)
        try await save(innovation, expected: nil, action: "create", person: person, now: now, input: input)
    }

    /// Records (or replaces) one of forms 1–5 of an innovation.
    public func saveForm(person: Person, unit code: String, year: FiscalYear, input: InnovationFormInput, now: Date) async throws {
        let view = try await requireEditor(person, code, year)
        let stored = try existing(view, title: input.title)
        var errors: [String: String] = [:]
        let number = Int(input.number) ?? 0
        var date: CivilDate?
        if !input.date.trimmingCharacters(in: .whitespaces).isEmpty {
            date = TypedDate.parse(input.date)
            if date == nil { errors["date"] = "วันที่ไม่ถูกต้อง (เช่น 15/01/2567 หรือ 2024-01-15)" }
        }
        func text(_ s: String) -> String? { let t = s.trimmingCharacters(in: .whitespacesAndNewlines); return t.isEmpty ? nil : t }
        var users: Int?
        if let t = text(input.users) {
            users = Int(ThaiDigits.toArabic(t).replacingOccurrences(of: ",", with: ""))
            if users == nil { errors["users"] = "«\(t)» ไม่ใช่จำนวนเต็ม" }
        }
        var satisfaction: Decimal?
        if let t = text(input.satisfaction) {
            satisfaction = ThaiNumberParser.decimal(t.replacingOccurrences(of: "%", with: ""))
            if satisfaction == nil { errors["satisfaction"] = "«\(t)» ไม่ใช่ตัวเลข" }
        }
        let decision = Innovation.ScreeningDecision(rawValue: input.decision)
        let ideas = input.ideas.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let form = Innovation.Form(
            number: number, date: date, summary: input.summary.trimmingCharacters(in: .whitespacesAndNewlines),
            ideas: number == 1 ? ideas : nil, minutes: number == 2 ? text(input.minutes) : nil,
            decision: number == 4 ? decision : nil, revisions: number == 4 ? text(input.revisions) : nil,
            revisionsDone: number == 4 && decision == .revise ? input.revisionsDone : nil,
            users: number == 5 ? users : nil, satisfactionPercent: number == 5 ? satisfaction : nil)
        for (field, message) in InnovationProgress.check(form) where errors[field] == nil { errors[field] = message }
        guard errors.isEmpty else { throw InnovationFormErrors(form: input, fields: errors) }
        var changed = stored
        changed.forms.removeAll { $0.number == number }
        changed.forms.append(form)
        changed.forms.sort { $0.number < $1.number }
        try await save(changed, expected: stored, action: "form\(number)", person: person, now: now, input: input)
    }

    /// Moves the innovation one status forward; refused in Thai when the rules say not yet.
    public func advance(person: Person, unit code: String, year: FiscalYear, title: String, to status: Innovation.Status,
                        now: Date) async throws {
        let view = try await requireEditor(person, code, year)
        let stored = try existing(view, title: title)
        if let refusal = InnovationProgress.refusal(from: stored, to: status) { throw FollowUpRefusal(refusal) }
        var changed = stored
        changed.status = status
        var input = InnovationFormInput()
        input.title = title
        try await save(changed, expected: stored, action: "status:\(status.rawValue)", person: person, now: now, input: input)
    }

    private func save(_ innovation: Innovation, expected: Innovation?, action: String, person: Person, now: Date,
                      input: InnovationFormInput) async throws {
        do {
            try await store.saveInnovation(innovation, expected: expected, action: action, actor: person.username, at: now)
        } catch let conflict as StoreConflict {
            let message: String
            if case .staleVersion = conflict {
                message = "มีผู้อื่นบันทึกนวัตกรรมนี้ไปก่อนแล้ว: โหลดหน้าใหม่แล้วบันทึกอีกครั้ง (ข้อความที่กรอกยังอยู่ในแบบฟอร์ม)"
            } else {
                message = conflict.description
            }
            throw InnovationFormErrors(form: input, fields: ["title": message])
        }
    }
}

/// The agreement's innovation KPI reads its level from the unit-year's innovation record:
/// the innovation that names the KPI (`kpiCode`), else the only innovation of the year.
public enum InnovationLevel {
    public static func result(kpiCode: String, innovations: [Innovation]) -> (result: KPIResult, explanation: String)? {
        let named = innovations.filter { $0.kpiCode == kpiCode }
        let candidates = named.isEmpty && innovations.count == 1 ? innovations : named
        let best = candidates.compactMap { i in InnovationProgress.level(i).map { (i, $0) } }.max { $0.1.level < $1.1.level }
        guard let (_, level) = best else { return nil }
        return (KPIResult(kpiCode: kpiCode, level: Decimal(level.level)),
                "ที่มา: ทะเบียนนวัตกรรม (Innovation Base) — " + level.explanation)
    }
}
