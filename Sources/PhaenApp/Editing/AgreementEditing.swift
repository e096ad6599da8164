import Foundation
import PhaenCore
import PhaenStore

/// Use case: evaluators and administrators set an agreement's KPI weights and criteria
/// (thresholds T1–T5, direction, interpolation; per unit group where the KPI has groups)
/// and its component weights. Numbers are read with `ThaiNumberParser`; the edited
/// agreement is checked with the validation rules before it is saved: a criteria error the
/// edit introduces (thresholds out of order, overlapping or gapped ranges) refuses the save;
/// weight findings (level-5 row, weights that do not sum) are saved and shown next to the
/// figure, because weights are set one KPI at a time and cannot all agree mid-way.
public struct AgreementEditing: Sendable {
    public let store: PhaenStore
    public init(store: PhaenStore) { self.store = store }

    /// Rules whose new findings refuse a save.
    static let blocking: Set<String> = ["AGR-THRESHOLD-ORDER", "AGR-THRESHOLD-OVERLAP", "AGR-THRESHOLD-GAP"]

    /// A KPI's weight and threshold criteria as typed. `thresholds` maps a unit group
    /// ("" for a table without groups) to the five inputs of levels 1–5.
    public struct KPIForm: Sendable, Equatable {
        public var weight: String
        public var direction: String
        public var interpolate: Bool
        public var thresholds: [String: [String]]
        public init(weight: String = "", direction: String = "higher", interpolate: Bool = false, thresholds: [String: [String]] = [:]) {
            self.weight = weight; self.direction = direction; self.interpolate = interpolate; self.thresholds = thresholds
        }
        public init(_ kpi: AgreementKPI) {
            var form = KPIForm(weight: ThaiNumberFormat.decimal(kpi.weight, maxFractionDigits: 4, grouping: false))
            if case .thresholds(let t) = kpi.criteria {
                form.direction = t.direction.rawValue
                form.interpolate = t.interpolate
                func texts(_ row: [Decimal?]) -> [String] {
                    row.map { $0.map { ThaiNumberFormat.decimal($0, maxFractionDigits: 4, grouping: false) } ?? "" }
                }
                switch t.table {
                case .uniform(let row): form.thresholds = ["": texts(row)]
                case .perGroup(let rows): form.thresholds = rows.mapValues(texts)
                }
            }
            self = form
        }
    }

    public struct View: Sendable {
        public var unit: PhaenCore.Unit
        public var agreement: Agreement
        public var findings: [Finding]
        public var audit: [AuditEntry]
        public var editable: Bool
    }

    public func load(person: Person, unit code: String, year: FiscalYear) async throws -> View {
        let (unit, agreement) = try await resolve(person: person, unit: code, year: year)
        return View(unit: unit, agreement: agreement, findings: Self.findings(agreement),
                    audit: try await EditParse.auditEntries(store, kind: "agreement", unit: code, year: year),
                    editable: AccessPolicy.canEditAgreement(person, unit: code))
    }

    /// The agreement rules' findings alone (the edit page's concern).
    static func findings(_ agreement: Agreement) -> [Finding] {
        Validator.validate(ValidationContext(fiscalYear: agreement.fiscalYear, agreement: agreement))
            .filter { $0.rule.hasPrefix("AGR-") }.sorted { $0.severity < $1.severity }
    }

    /// Where the rules place a KPI's findings.
    public static func location(_ agreement: Agreement, kpi: String) -> String {
        "คำรับรอง \(agreement.unitCode)/\(agreement.fiscalYear) › ตัวชี้วัด \(kpi)"
    }

    /// Sets one KPI's weight and (for threshold criteria) its thresholds from a form.
    public func saveKPI(person: Person, unit code: String, year: FiscalYear, kpi kpiCode: String,
                        form: KPIForm, now: Date) async throws -> View {
        let (_, agreement) = try await resolveForEdit(person: person, unit: code, year: year)
        guard let kpi = agreement.kpi(code: kpiCode) else {
            throw AppError(.notFound, th: "ไม่พบตัวชี้วัด \(kpiCode) ในคำรับรองนี้", en: "no KPI \(kpiCode)")
        }
        var errors: [String: String] = [:]
        var weight = kpi.weight
        switch EditParse.decimal(form.weight) {
        case .ok(let d?) where d >= 0 && d <= 100: weight = d
        case .ok(nil): errors["weight"] = "กรุณากรอกน้ำหนักตัวชี้วัด"
        case .ok: errors["weight"] = "น้ำหนักต้องอยู่ระหว่าง 0 ถึง 100"
        case .bad(let m): errors["weight"] = m
        }
        var criteria = kpi.criteria
        if case .thresholds(var t) = kpi.criteria {
            guard let direction = Direction(rawValue: form.direction) else {
                throw EditFormErrors(fields: ["direction": "กรุณาเลือกทิศทางของเกณฑ์ (ยิ่งมากยิ่งดี หรือ ยิ่งน้อยยิ่งดี)"])
            }
            t.direction = direction
            t.interpolate = form.interpolate
            var rows: [String: [Decimal?]] = [:]
            let groups: [String] = switch t.table {
            case .uniform: [""]
            case .perGroup(let byGroup): byGroup.keys.sorted()
            }
            for group in groups {
                let texts = form.thresholds[group] ?? []
                var row: [Decimal?] = []
                for level in 1...5 {
                    let field = Self.field(group: group, level: level)
                    let text = level <= texts.count ? texts[level - 1] : ""
                    switch EditParse.decimal(text) {
                    case .ok(let d?): row.append(d)
                    case .ok(nil):
                        // Only a lower-is-better table's level 1 may be open ("≥ 7 → level 1").
                        if level == 1 && direction == .lower { row.append(nil) } else {
                            errors[field] = "กรุณากรอกค่าเกณฑ์ระดับ \(level)"; row.append(nil)
                        }
                    case .bad(let m): errors[field] = m; row.append(nil)
                    }
                }
                rows[group] = row
            }
            t.table = groups == [""] ? .uniform(rows[""] ?? []) : .perGroup(rows)
            criteria = .thresholds(t)
        }
        if !errors.isEmpty { throw EditFormErrors(fields: errors) }
        return try await setKPI(person: person, unit: code, year: year, kpi: kpiCode, weight: weight, criteria: criteria, now: now)
    }

    /// Sets one KPI's weight and criteria (the API's PUT and the form's save). Refuses, with
    /// the findings and nothing saved, when the edit introduces a blocking criteria finding.
    public func setKPI(person: Person, unit code: String, year: FiscalYear, kpi kpiCode: String,
                       weight: Decimal, criteria: Criteria, now: Date) async throws -> View {
        let (unit, agreement) = try await resolveForEdit(person: person, unit: code, year: year)
        guard agreement.kpi(code: kpiCode) != nil else {
            throw AppError(.notFound, th: "ไม่พบตัวชี้วัด \(kpiCode) ในคำรับรองนี้", en: "no KPI \(kpiCode)")
        }
        guard weight >= 0, weight <= 100 else { throw EditFormErrors(fields: ["weight": "น้ำหนักต้องอยู่ระหว่าง 0 ถึง 100"]) }
        var edited = agreement
        for c in edited.components.indices {
            for k in edited.components[c].kpis.indices where edited.components[c].kpis[k].code == kpiCode {
                edited.components[c].kpis[k].weight = weight
                edited.components[c].kpis[k].criteria = criteria
            }
        }
        let place = Self.location(agreement, kpi: kpiCode)
        let before = Set(Self.findings(agreement))
        let refused = Self.findings(edited).filter { Self.blocking.contains($0.rule) && $0.location == place && !before.contains($0) }
        if !refused.isEmpty {
            throw EditFormErrors(fields: ["criteria": refused.map(\.messageTH).joined(separator: " ")], findings: refused)
        }
        try await store.saveAgreement(edited, actor: person.username, now: now)
        return try await load(person: person, unit: unit.code, year: year)
    }

    /// Sets the stated component weights: `weights` maps a component number to the text
    /// typed (empty: no stated weight, the Σ of its KPIs counts).
    public func saveComponents(person: Person, unit code: String, year: FiscalYear, weights: [String: String],
                               now: Date) async throws -> View {
        let (unit, agreement) = try await resolveForEdit(person: person, unit: code, year: year)
        var edited = agreement
        var errors: [String: String] = [:]
        for c in edited.components.indices {
            let number = edited.components[c].number
            guard let text = weights[number] else { continue }
            switch EditParse.decimal(text) {
            case .ok(let d) where d == nil || (d! >= 0 && d! <= 100): edited.components[c].weight = d
            case .ok: errors[Self.componentField(number)] = "น้ำหนักต้องอยู่ระหว่าง 0 ถึง 100"
            case .bad(let m): errors[Self.componentField(number)] = m
            }
        }
        if !errors.isEmpty { throw EditFormErrors(fields: errors) }
        try await store.saveAgreement(edited, actor: person.username, now: now)
        return try await load(person: person, unit: unit.code, year: year)
    }

    /// Form field names: `t.{group}.{level}` ("t..3" for a table without groups), `cw.{number}`.
    public static func field(group: String, level: Int) -> String { "t.\(group).\(level)" }
    public static func componentField(_ number: String) -> String { "cw.\(number)" }

    private func resolve(person: Person, unit code: String, year: FiscalYear) async throws -> (PhaenCore.Unit, Agreement) {
        guard AccessPolicy.canRead(person, unit: code), let unit = try await store.unit(code: code) else {
            throw AppError.unitNotFound(code)
        }
        guard let agreement = try await store.agreement(unitCode: code, fiscalYear: year) else {
            throw AppError(.notFound, th: "ไม่พบคำรับรองการปฏิบัติราชการของ\(unit.nameTH) ปีงบประมาณ \(year.be)",
                           en: "no agreement for \(code)/\(year)")
        }
        return (unit, agreement)
    }

    private func resolveForEdit(person: Person, unit code: String, year: FiscalYear) async throws -> (PhaenCore.Unit, Agreement) {
        let resolved = try await resolve(person: person, unit: code, year: year)
        guard AccessPolicy.canEditAgreement(person, unit: code) else {
            throw EditRefusal(kind: .notAllowed,
                              messageTH: "\(person.role.thaiName)ไม่มีสิทธิ์แก้ไขเกณฑ์และน้ำหนักของคำรับรอง (แก้ไขได้เฉพาะผู้ประเมินและผู้ดูแลระบบ)",
                              messageEN: "a \(person.role.rawValue) may not edit agreements")
        }
        return resolved
    }
}

/// A short "before → after" of a plan or agreement audit entry, for the pages' history.
public enum EditAuditSummary {
    public static func lines(_ entry: AuditEntry) -> [String] {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
            text.flatMap { try? decoder.decode(T.self, from: Data($0.utf8)) }
        }
        func money(_ c: BudgetCell?) -> String { c?.printed ?? "–" }
        func num(_ d: Decimal?) -> String { d.map { ThaiNumberFormat.decimal($0, maxFractionDigits: 4, grouping: false) } ?? "–" }
        var out: [String] = []
        switch entry.objectKind {
        case "plan":
            guard let after = decode(ActionPlan.self, entry.after) else { return [] }
            guard let before = decode(ActionPlan.self, entry.before) else { return ["สร้างแผน"] }
            for p in after.projects {
                guard let old = before.project(id: p.id) else { out.append("เพิ่มโครงการ «\(p.name)» งบประมาณ \(money(p.budget))"); continue }
                if old.name != p.name { out.append("ชื่อโครงการ «\(old.name)» → «\(p.name)»") }
                if old.budget != p.budget { out.append("งบประมาณ «\(p.name)»: \(money(old.budget)) → \(money(p.budget))") }
                if old.section != p.section { out.append("ส่วนราชการ «\(p.name)»: \(old.section ?? "–") → \(p.section ?? "–")") }
                if old.strategyCode != p.strategyCode { out.append("รหัสยุทธศาสตร์ «\(p.name)»: \(old.strategyCode ?? "–") → \(p.strategyCode ?? "–")") }
                if old.policyCodes ?? [] != p.policyCodes ?? [] {
                    out.append("รหัสนโยบาย «\(p.name)»: \((old.policyCodes ?? []).joined(separator: ", ")) → \((p.policyCodes ?? []).joined(separator: ", "))")
                }
            }
            for l in after.lists {
                guard let old = before.lists.first(where: { $0.id == l.id }) else { continue }
                if old.statedTotal != l.statedTotal { out.append("ยอดรวมที่ระบุ «\(l.title)»: \(money(old.statedTotal)) → \(money(l.statedTotal))") }
                if old.statedCount != l.statedCount { out.append("จำนวนที่ระบุ «\(l.title)»: \(old.statedCount.map(String.init) ?? "–") → \(l.statedCount.map(String.init) ?? "–")") }
            }
        case "agreement":
            guard let after = decode(Agreement.self, entry.after) else { return [] }
            guard let before = decode(Agreement.self, entry.before) else { return ["สร้างคำรับรอง"] }
            for c in after.components {
                if let old = before.components.first(where: { $0.number == c.number }), old.weight != c.weight {
                    out.append("น้ำหนักองค์ประกอบที่ \(c.number): \(num(old.weight)) → \(num(c.weight))")
                }
            }
            for k in after.allKPIs {
                guard let old = before.kpi(code: k.code) else { continue }
                if old.weight != k.weight { out.append("น้ำหนักตัวชี้วัด \(k.code): \(num(old.weight)) → \(num(k.weight))") }
                if old.criteria != k.criteria { out.append("เกณฑ์ตัวชี้วัด \(k.code): \(summary(old.criteria)) → \(summary(k.criteria))") }
            }
        default: break
        }
        return out.isEmpty ? ["บันทึก (ไม่มีการเปลี่ยนแปลงที่สรุปได้)"] : out
    }

    static func summary(_ c: Criteria) -> String {
        func row(_ r: [Decimal?]) -> String { r.map { $0.map { ThaiNumberFormat.decimal($0, maxFractionDigits: 4, grouping: false) } ?? "–" }.joined(separator: "/") }
        guard case .thresholds(let t) = c else { return c.kind }
        let dir = t.direction == .higher ? "ยิ่งมากยิ่งดี" : "ยิ่งน้อยยิ่งดี"
        switch t.table {
        case .uniform(let r): return "\(row(r)) (\(dir))"
        case .perGroup(let rows): return rows.sorted { $0.key < $1.key }.map { "\($0.key): \(row($0.value))" }.joined(separator: "; ") + " (\(dir))"
        }
    }
}
