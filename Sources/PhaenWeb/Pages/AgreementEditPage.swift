import Foundation
import Hummingbird
import PhaenApp
import PhaenCore
import PhaenStore

/// `/units/{code}/agreements/{year}/edit`: the component weights in one form, and one form
/// per KPI (weight; for threshold criteria the five thresholds per row, direction and
/// interpolation). Steps and judged criteria keep their texts. Findings sit next to the KPI.
struct AgreementEditPage {
    struct ComponentField { var number: String; var name: String; var field: EditField; var kpiSum: String }
    struct ThresholdRow { var group: String; var inputs: [EditField] }
    struct KPIView {
        var code: String; var anchor: String; var name: String; var component: String
        var weight: EditField
        var isThresholds: Bool; var criteriaKind: String
        var higher: Bool; var lower: Bool; var interpolate: Bool
        var rows: [ThresholdRow]
        var criteriaError: String?
        var texts: [String]
        var findings: [FindingView]
    }

    var title: String
    var unitName: String
    var year: String
    var agreementURL: String
    var actionURL: String
    var csrf: String?
    var notice: String?
    var alert: String?
    var components: [ComponentField]
    var componentFindings: [FindingView]
    var kpis: [KPIView]
    var otherFindings: [FindingView]
    var history: [EditAuditView]

    static func number(_ d: Decimal) -> String { ThaiNumberFormat.decimal(d, maxFractionDigits: 4, grouping: false) }

    static func build(_ view: AgreementEditing.View, overlay: EditOverlay, refused: [Finding] = [], csrf: String?) -> AgreementEditPage {
        let a = view.agreement
        var used = Set<Int>()
        let all = view.findings + refused
        func take(_ test: (Finding) -> Bool) -> [FindingView] {
            all.enumerated().filter { !used.contains($0.offset) && test($0.element) }.map { used.insert($0.offset); return FindingView($0.element) }
        }
        let components = a.components.map { c in
            let name = AgreementEditing.componentField(c.number)
            return ComponentField(number: c.number, name: c.name,
                                  field: EditField(name: name, value: overlay.value("components", "", name, c.weight.map(number) ?? ""),
                                                   error: overlay.error("components", "", name)),
                                  kpiSum: number(c.kpis.map(\.weight).reduce(0, +)))
        }
        let componentFindings = take { f in a.components.contains { f.location.hasSuffix("องค์ประกอบที่ \($0.number)") } || f.rule == "AGR-WEIGHTS-100" }
        var kpis: [KPIView] = []
        for c in a.components {
            for k in c.kpis {
                let form = AgreementEditing.KPIForm(k)
                let typed = overlay.form == "kpi" && overlay.id == k.code
                let direction = typed ? (overlay.fields["direction"] ?? form.direction) : form.direction
                var rows: [ThresholdRow] = []
                var texts: [String] = []
                switch k.criteria {
                case .thresholds:
                    rows = form.thresholds.keys.sorted().map { group in
                        ThresholdRow(group: group.isEmpty ? "ทุกหน่วยงาน" : "กลุ่ม \(group)", inputs: (1...5).map { level in
                            let name = AgreementEditing.field(group: group, level: level)
                            let stored = level <= (form.thresholds[group]?.count ?? 0) ? form.thresholds[group]![level - 1] : ""
                            return EditField(name: name, value: overlay.value("kpi", k.code, name, stored), error: overlay.error("kpi", k.code, name))
                        })
                    }
                case .steps(let s): texts = s.steps
                case .judged(let j): texts = j.levels
                case .composite(let comp): texts = comp.parts.map { $0.name ?? $0.criteria.kind }
                }
                let place = AgreementEditing.location(a, kpi: k.code)
                kpis.append(KPIView(
                    code: k.code, anchor: "kpi-\(k.code)", name: k.name, component: c.number,
                    weight: EditField(name: "weight", value: overlay.value("kpi", k.code, "weight", form.weight),
                                      error: overlay.error("kpi", k.code, "weight")),
                    isThresholds: !rows.isEmpty, criteriaKind: Self.kindTH(k.criteria),
                    higher: direction == "higher", lower: direction == "lower",
                    interpolate: typed ? overlay.fields["interpolate"] != nil : form.interpolate,
                    rows: rows, criteriaError: overlay.error("kpi", k.code, "criteria") ?? overlay.error("kpi", k.code, "direction"),
                    texts: texts, findings: take { $0.location == place }))
            }
        }
        return AgreementEditPage(
            title: "แก้ไขเกณฑ์และน้ำหนักของคำรับรอง", unitName: view.unit.nameTH, year: String(a.fiscalYear.be),
            agreementURL: SiteURL.agreement(a.unitCode, a.fiscalYear).path,
            actionURL: SiteURL.agreementEdit(a.unitCode, a.fiscalYear).path, csrf: csrf,
            notice: overlay.notice, alert: overlay.alert, components: components, componentFindings: componentFindings,
            kpis: kpis, otherFindings: take { _ in true }, history: EditAuditView.list(view.audit))
    }

    static func kindTH(_ c: Criteria) -> String {
        switch c {
        case .thresholds: "ค่าเกณฑ์ 5 ระดับ"
        case .steps: "ขั้นตอนการดำเนินงาน (แก้ไขได้เฉพาะน้ำหนัก)"
        case .judged: "เงื่อนไขแต่ละระดับ (แก้ไขได้เฉพาะน้ำหนัก)"
        case .composite: "เกณฑ์หลายส่วน (แก้ไขได้เฉพาะน้ำหนัก)"
        }
    }
}

/// GET and POST `/units/{code}/agreements/{year}/edit`.
struct AgreementEditController: Sendable {
    let editing: AgreementEditing
    let renderer: Renderer
    let now: @Sendable () -> Date

    init(store: PhaenStore, renderer: Renderer, now: @escaping @Sendable () -> Date = { Date() }) {
        self.editing = AgreementEditing(store: store); self.renderer = renderer; self.now = now
    }

    func addRoutes(to router: Router<PhaenRequestContext>) {
        router.get(RouterPath(SiteURL.Route.agreementEdit.pattern)) { request, context in
            let (code, year) = try PageRequest.unitYear(context)
            let person = try context.requirePerson()
            let view = try await editing.load(person: person, unit: code, year: year)
            guard view.editable else {
                return try EditPages.forbidden("\(person.role.thaiName)ไม่มีสิทธิ์แก้ไขเกณฑ์และน้ำหนักของคำรับรอง (แก้ไขได้เฉพาะผู้ประเมินและผู้ดูแลระบบ)",
                                               renderer: renderer, context: context)
            }
            let notice = request.uri.queryParameters.get("done") == "saved" ? "บันทึกแล้ว — ผลการตรวจสอบด้านล่างคำนวณจากคำรับรองที่บันทึก" : nil
            return try page(view, overlay: EditOverlay(notice: notice), context: context)
        }
        router.post(RouterPath(SiteURL.Route.agreementEdit.pattern)) { request, context in try await post(request, context) }
    }

    func page(_ view: AgreementEditing.View, overlay: EditOverlay, refused: [Finding] = [], context: PhaenRequestContext,
              status: HTTPResponse.Status = .ok) throws -> Response {
        let model = AgreementEditPage.build(view, overlay: overlay, refused: refused, csrf: context.csrfToken)
        return try renderer.page("agreement-edit", chrome: Chrome(title: "\(model.unitName) แก้ไขคำรับรอง \(model.year)", context: context),
                                 model: model, status: status)
    }

    func post(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let (code, year) = try PageRequest.unitYear(context)
        let person = try context.requirePerson()
        let fields = try await ReportRequest.formFields(request)
        let kind = fields["form"] ?? "", id = fields["id"] ?? ""
        do {
            switch kind {
            case "kpi":
                var thresholds: [String: [String]] = [:]
                for (name, value) in fields where name.hasPrefix("t.") {
                    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
                    guard parts.count == 3, let level = Int(parts[2]), (1...5).contains(level) else { continue }
                    var row = thresholds[String(parts[1])] ?? Array(repeating: "", count: 5)
                    row[level - 1] = value
                    thresholds[String(parts[1])] = row
                }
                let form = AgreementEditing.KPIForm(weight: fields["weight"] ?? "", direction: fields["direction"] ?? "higher",
                                                    interpolate: fields["interpolate"] != nil, thresholds: thresholds)
                _ = try await editing.saveKPI(person: person, unit: code, year: year, kpi: id, form: form, now: now())
            case "components":
                let weights = fields.filter { $0.key.hasPrefix("cw.") }.reduce(into: [String: String]()) { $0[String($1.key.dropFirst(3))] = $1.value }
                _ = try await editing.saveComponents(person: person, unit: code, year: year, weights: weights, now: now())
            default:
                throw WebError.badRequest("ไม่รู้จักแบบฟอร์ม «\(kind)»", "unknown agreement form \(kind)")
            }
            let anchor = kind == "kpi" ? "kpi-\(id)" : "components"
            return Redirect.seeOther(SiteURL.agreementEdit(code, year).path + "?done=saved#\(anchor)")
        } catch let errors as EditFormErrors {
            let view = try await editing.load(person: person, unit: code, year: year)
            let overlay = EditOverlay(form: kind, id: id, fields: fields, errors: errors.fields,
                                      alert: "บันทึกไม่ได้: กรุณาแก้ไขช่องที่มีข้อความสีแดง (ยังไม่ได้บันทึกข้อมูลใด)")
            return try page(view, overlay: overlay, refused: errors.findings, context: context, status: .unprocessableContent)
        } catch let refusal as EditRefusal {
            return try EditPages.forbidden(refusal.messageTH, renderer: renderer, context: context,
                                           status: refusal.kind == .notAllowed ? .forbidden : .conflict)
        }
    }
}

/// `PUT /api/v1/units/{code}/agreements/{year}/kpis/{kpi}`: `{"weight": 20, "criteria": {…}}`
/// with the criteria in the exchange format's shape; the same rules as the page.
struct AgreementEditAPI: Sendable {
    let editing: AgreementEditing

    struct Body: Decodable {
        var weight: Decimal
        var criteria: Criteria
        enum Keys: String, CodingKey { case weight, criteria }
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            if let text = try? c.decode(String.self, forKey: .weight) {
                guard let d = ThaiNumberParser.decimal(text) else {
                    throw DecodingError.dataCorruptedError(forKey: .weight, in: c, debugDescription: "weight «\(text)» is not a number")
                }
                weight = d
            } else {
                weight = try c.decode(Decimal.self, forKey: .weight)
            }
            criteria = try c.decode(Criteria.self, forKey: .criteria)
        }
    }

    struct Answer: Encodable {
        var kpi: String
        var weight: Decimal
        var criteria: Criteria
        var findings: [Finding]
    }

    struct Refused: Encodable {
        struct Detail: Encodable { var code: String; var message: String; var fields: [String: String]; var findings: [Finding] }
        var error: Detail
    }

    var endpoints: [APIEndpoint] {
        [APIEndpoint(route: .apiAgreementKPI, method: .put,
                     summary: "ตั้งน้ำหนักและเกณฑ์ของตัวชี้วัดในคำรับรอง (ผู้ประเมินและผู้ดูแลระบบ): "
                        + "{\"weight\": 20, \"criteria\": {\"kind\": \"thresholds\", \"direction\": \"higher\", \"thresholds\": [60,65,70,75,80]}}",
                     response: "น้ำหนัก เกณฑ์ และผลการตรวจสอบคำรับรอง; 422 พร้อม findings เมื่อเกณฑ์ไม่เรียงตามระดับ; 403 เมื่อไม่มีสิทธิ์") { request, context in
            try await put(request, context)
        }]
    }

    func put(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let (code, year) = try PageRequest.unitYear(context)
        let kpi = try context.parameters.require("kpi")
        let person = try context.requirePerson()
        let buffer = try await request.body.collect(upTo: 256 * 1024)
        let body: Body
        do { body = try JSONDecoder().decode(Body.self, from: Data(buffer: buffer)) } catch {
            throw WebError.badRequest("ข้อมูล JSON ไม่ถูกต้อง: ต้องมี weight (ตัวเลข) และ criteria ตามรูปแบบแลกเปลี่ยนข้อมูล", "bad JSON body: \(error)")
        }
        do {
            let view = try await editing.setKPI(person: person, unit: code, year: year, kpi: kpi, weight: body.weight,
                                                criteria: body.criteria, now: Date())
            guard let saved = view.agreement.kpi(code: kpi) else { throw AppError(.notFound, th: "ไม่พบตัวชี้วัด \(kpi)", en: "no KPI \(kpi)") }
            return try JSONResponse.make(Answer(kpi: kpi, weight: saved.weight, criteria: saved.criteria, findings: view.findings))
        } catch let errors as EditFormErrors {
            let message = errors.fields.values.sorted().joined(separator: " ")
            return try JSONResponse.make(Refused(error: .init(code: "invalid_input", message: message, fields: errors.fields,
                                                              findings: errors.findings)), status: .unprocessableContent)
        } catch let refusal as EditRefusal {
            return APIError.response(ErrorAnswer(refusal.kind == .notAllowed ? .forbidden : .conflict,
                                                 code: refusal.kind == .notAllowed ? "forbidden" : "conflict",
                                                 th: refusal.messageTH, en: refusal.messageEN))
        }
    }
}
