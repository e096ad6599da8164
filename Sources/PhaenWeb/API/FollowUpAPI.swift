import Foundation
import Hummingbird
import PhaenApp
import PhaenCore
import PhaenStore

/// The directive follow-up and innovation part of the JSON API: the same use cases, access
/// rules and Thai messages as the pages. Bad input answers 422 with a message per field; a
/// role that may not answers 403; an invisible directive or unit 404.
struct FollowUpAPI: Sendable {
    let followUp: DirectiveFollowUp
    let innovation: InnovationWork
    let now: @Sendable () -> Date

    init(store: PhaenStore, now: @escaping @Sendable () -> Date = { Date() }) {
        followUp = DirectiveFollowUp(store: store); innovation = InnovationWork(store: store); self.now = now
    }

    typealias Schema = OpenAPIDocument.Schema
    static let yearQuery = APIEndpoint.Parameter(name: "year", location: .query, description: "ปีงบประมาณ พ.ศ. (ไม่ระบุ = ทุกปี)", type: "integer")

    var endpoints: [APIEndpoint] {
        [
            APIEndpoint(route: .apiDirectives, summary: "ทะเบียนข้อสั่งการที่ผู้ใช้มีสิทธิ์ดู พร้อมสถานะของแต่ละหน่วยงาน",
                        query: [Self.yearQuery], response: "ข้อสั่งการ (Directive) และสถานะต่อหน่วยงาน") { request, context in
                let pairs = try await followUp.pairs(person: try context.requirePerson(), year: try ReportRequest.year(request))
                return try JSONResponse.make(DirectiveListJSON(pairs))
            },
            APIEndpoint(route: .apiDirectives, method: .post,
                        summary: "ลงทะเบียนข้อสั่งการ/ข้อเสนอแนะ (ผู้ประเมินส่วนกลางและผู้ดูแลระบบ)",
                        response: "ข้อสั่งการที่ลงทะเบียน (201); 422 พร้อม fields เมื่อข้อมูลไม่ถูกต้อง; 403 เมื่อไม่มีสิทธิ์",
                        requestBody: Self.directiveBody) { request, context in
                let body = try await Self.decode(DirectiveBody.self, request)
                do {
                    let directive = try await followUp.register(person: try context.requirePerson(), form: body.form, now: now())
                    return try JSONResponse.make(directive, status: .created)
                } catch let errors as DirectiveFormErrors {
                    return try Self.invalid(errors.fields)
                } catch let refusal as FollowUpRefusal {
                    return try Self.forbidden(refusal)
                }
            },
            APIEndpoint(route: .apiDirectiveDashboard, summary: "ภาพรวมสถานะข้อสั่งการ: ทั้งหมด ตามกลุ่ม ตามปัจจัย ตามหน่วยงาน (ตัวหาร = จำนวนคู่ข้อสั่งการ × หน่วยงาน)",
                        query: [Self.yearQuery], response: "จำนวนและร้อยละตามสถานะ") { request, context in
                let board = try await followUp.dashboard(person: try context.requirePerson(), year: try ReportRequest.year(request))
                return try JSONResponse.make(DirectiveDashboardJSON(board, groups: try await followUp.groups()))
            },
            APIEndpoint(route: .apiDirective, summary: "ข้อสั่งการหนึ่งเรื่องและสถานะของหน่วยงานที่ผู้ใช้มีสิทธิ์ดู",
                        response: "ข้อสั่งการ ชื่อกลุ่ม และหน่วยงานพร้อมประวัติการรายงาน") { _, context in
                let view = try await followUp.detail(person: try context.requirePerson(), id: try context.parameters.require("directive"))
                return try JSONResponse.make(DirectiveJSON(view))
            },
            APIEndpoint(route: .apiDirectiveUnit, summary: "สถานะและประวัติการรายงานผลของหน่วยงานหนึ่งต่อข้อสั่งการ",
                        response: "สถานะปัจจุบัน สถานะที่รายงานต่อได้ และประวัติ") { _, context in
                let (_, unit) = try await followUp.unit(person: try context.requirePerson(), id: try context.parameters.require("directive"),
                                                        unit: try context.parameters.require("code"))
                return try JSONResponse.make(DirectiveUnitJSON(unit))
            },
            APIEndpoint(route: .apiDirectiveUnit, method: .post,
                        summary: "รายงานผลการดำเนินการตามข้อสั่งการ (ผู้รายงานของหน่วยงาน); ไม่สามารถดำเนินการได้ต้องมี reason",
                        response: "สถานะและประวัติหลังบันทึก (201); 422 พร้อม fields; 403 เมื่อไม่มีสิทธิ์",
                        requestBody: Self.statusBody) { request, context in
                let person = try context.requirePerson()
                let id = try context.parameters.require("directive"), code = try context.parameters.require("code")
                let body = try await Self.decode(StatusBody.self, request)
                do {
                    try await followUp.report(person: person, id: id, unit: code, form: body.form,
                                              today: ReportRequest.civilDate(now()), now: now())
                } catch let errors as DirectiveStatusFormErrors {
                    return try Self.invalid(errors.fields)
                } catch let refusal as FollowUpRefusal {
                    return try Self.forbidden(refusal)
                }
                let (_, unit) = try await followUp.unit(person: person, id: id, unit: code)
                return try JSONResponse.make(DirectiveUnitJSON(unit), status: .created)
            },
            APIEndpoint(route: .apiInnovations, summary: "นวัตกรรมของหน่วยงานในปีงบประมาณ: แบบฟอร์ม 1–5 สถานะ และระดับที่ตัวชี้วัดนวัตกรรมอ่านได้",
                        response: "นวัตกรรม (Innovation) พร้อม level และคำอธิบาย") { _, context in
                let (code, year) = try PageRequest.unitYear(context)
                return try JSONResponse.make(InnovationsJSON(try await innovation.load(person: try context.requirePerson(), unit: code, year: year)))
            },
            APIEndpoint(route: .apiInnovations, method: .post,
                        summary: "บันทึกนวัตกรรม (ผู้รายงานของหน่วยงาน): action = create (เริ่มนวัตกรรมใหม่), form (แบบฟอร์มที่ 1–5) หรือ status (เลื่อนสถานะ)",
                        response: "นวัตกรรมของหน่วยงานหลังบันทึก; 422 พร้อม fields; 403 เมื่อไม่มีสิทธิ์หรือยังเลื่อนสถานะไม่ได้",
                        requestBody: Self.innovationBody) { request, context in
                let person = try context.requirePerson()
                let (code, year) = try PageRequest.unitYear(context)
                let body = try await Self.decode(InnovationBody.self, request)
                do {
                    switch body.action {
                    case "create": try await innovation.create(person: person, unit: code, year: year, input: body.input, now: now())
                    case "form": try await innovation.saveForm(person: person, unit: code, year: year, input: body.input, now: now())
                    case "status":
                        guard let status = body.status.flatMap(Innovation.Status.init(rawValue:)) else {
                            return try Self.invalid(["status": "ระบุสถานะ: development, trial หรือ inUse"])
                        }
                        try await innovation.advance(person: person, unit: code, year: year, title: body.input.title, to: status, now: now())
                    default:
                        return try Self.invalid(["action": "action ต้องเป็น create, form หรือ status"])
                    }
                } catch let errors as InnovationFormErrors {
                    return try Self.invalid(errors.fields)
                } catch let refusal as FollowUpRefusal {
                    return try Self.forbidden(refusal)
                }
                return try JSONResponse.make(InnovationsJSON(try await innovation.load(person: person, unit: code, year: year)))
            },
        ]
    }

    // MARK: Bodies and errors

    static func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        let buffer = try await request.body.collect(upTo: ReportAPI.bodyLimit)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch {
            throw WebError.badRequest("ข้อมูล JSON ไม่ถูกต้อง: \(ReportAPI.describe(error))", "bad JSON body: \(error)")
        }
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable { var code: String; var message: String; var fields: [String: String]? }
        var error: Detail
    }

    static func invalid(_ fields: [String: String]) throws -> Response {
        let message = fields.sorted { $0.key < $1.key }.map(\.value).joined(separator: "; ")
        return try JSONResponse.make(ErrorBody(error: .init(code: "invalid_input", message: message, fields: fields)),
                                     status: .unprocessableContent)
    }

    static func forbidden(_ refusal: FollowUpRefusal) throws -> Response {
        try JSONResponse.make(ErrorBody(error: .init(code: "forbidden", message: refusal.messageTH, fields: nil)), status: .forbidden)
    }

    static let directiveBody = APIRequestBody(
        description: "ข้อสั่งการใหม่ (หน่วยงานที่ไม่รู้จักจะถูกปฏิเสธ ไม่มีการบันทึกบางส่วน)",
        schema: Schema(type: "object", properties: [
            "id": Schema(type: "string", description: "เลขที่ข้อสั่งการ เช่น 2566-1-01"),
            "source": Schema(type: "string", enum: DirectiveSource.allCases.map(\.rawValue)),
            "fiscalYear": Schema(type: "integer", description: "ปีงบประมาณ พ.ศ."),
            "inspectionRound": Schema(type: "integer", description: "รอบการตรวจราชการ 1 หรือ 2", minimum: 1, maximum: 2),
            "date": Schema(type: "string", description: "ลงวันที่ YYYY-MM-DD หรือ 15/01/2567"),
            "group": Schema(type: "integer", description: "กลุ่มข้อสั่งการ 1–10", minimum: 1, maximum: 10),
            "factors": Schema(type: "array", description: "ปัจจัยผลกระทบ 1–5", items: Schema(type: "integer")),
            "addressedUnits": Schema(type: "array", description: "รหัสหน่วยงานที่ต้องดำเนินการ", items: Schema(type: "string")),
            "text": Schema(type: "string", description: "ข้อความข้อสั่งการ"),
        ], required: ["id", "source", "fiscalYear", "addressedUnits", "text"]))

    static let statusBody = APIRequestBody(
        description: "ผลการดำเนินการของหน่วยงาน",
        schema: Schema(type: "object", properties: [
            "status": Schema(type: "string", enum: ["inProgress", "done", "cannotBeDone"]),
            "date": Schema(type: "string", description: "วันที่รายงาน (ไม่ระบุ = วันนี้)"),
            "details": Schema(type: "string", description: "รายละเอียดผลการดำเนินการ"),
            "reason": Schema(type: "string", description: "เหตุผล (จำเป็นเมื่อ cannotBeDone)"),
            "evidence": Schema(type: "string", description: "หลักฐาน: เลขที่หนังสือ ลิงก์ หรือชื่อไฟล์"),
        ], required: ["status", "details"]))

    static let innovationBody = APIRequestBody(
        description: "การบันทึกนวัตกรรม: create, form หรือ status",
        schema: Schema(type: "object", properties: [
            "action": Schema(type: "string", enum: ["create", "form", "status"]),
            "title": Schema(type: "string", description: "ชื่อนวัตกรรม (ระบุนวัตกรรมที่จะบันทึก)"),
            "description": Schema(type: "string", description: "create: คำอธิบาย"),
            "kpiCode": Schema(type: "string", description: "create: รหัสตัวชี้วัดนวัตกรรมในคำรับรอง"),
            "status": Schema(type: "string", enum: Innovation.Status.allCases.map(\.rawValue)),
            "number": Schema(type: "integer", description: "form: แบบฟอร์มที่ 1–5", minimum: 1, maximum: 5),
            "date": Schema(type: "string"), "summary": Schema(type: "string"),
            "ideas": Schema(type: "array", description: "แบบฟอร์มที่ 1: แนวคิด", items: Schema(type: "string")),
            "minutes": Schema(type: "string", description: "แบบฟอร์มที่ 2: บันทึกการประชุมคัดเลือก"),
            "decision": Schema(type: "string", enum: Innovation.ScreeningDecision.allCases.map(\.rawValue)),
            "revisions": Schema(type: "string"), "revisionsDone": Schema(type: "boolean"),
            "users": Schema(type: "integer"), "satisfactionPercent": Schema(type: "number"),
        ], required: ["action", "title"]))
}

struct DirectiveBody: Decodable {
    var id: String
    var source: String
    var fiscalYear: Int
    var inspectionRound: Int?
    var date: String?
    var group: Int?
    var factors: [Int]?
    var addressedUnits: [String]
    var text: String

    var form: DirectiveForm {
        var f = DirectiveForm()
        f.id = id; f.source = source; f.year = String(fiscalYear); f.round = inspectionRound.map(String.init) ?? ""
        f.date = date ?? ""; f.group = group.map(String.init) ?? ""; f.factors = (factors ?? []).map(String.init)
        f.units = addressedUnits.joined(separator: " "); f.text = text
        return f
    }
}

struct StatusBody: Decodable {
    var status: String
    var date: String?
    var details: String?
    var reason: String?
    var evidence: String?

    var form: DirectiveStatusForm {
        var f = DirectiveStatusForm()
        f.status = status; f.date = date ?? ""; f.details = details ?? ""; f.reason = reason ?? ""; f.evidence = evidence ?? ""
        return f
    }
}

struct InnovationBody: Decodable {
    var action: String
    var title: String
    var description: String?
    var kpiCode: String?
    var status: String?
    var number: Int?
    var date: String?
    var summary: String?
    var ideas: [String]?
    var minutes: String?
    var decision: String?
    var revisions: String?
    var revisionsDone: Bool?
    var users: Int?
    var satisfactionPercent: Decimal?

    var input: InnovationFormInput {
        var i = InnovationFormInput()
        i.title = title; i.description = description ?? ""; i.kpiCode = kpiCode ?? ""; i.number = number.map(String.init) ?? ""
        i.date = date ?? ""; i.summary = summary ?? ""; i.ideas = (ideas ?? []).joined(separator: "\n"); i.minutes = minutes ?? ""
        i.decision = decision ?? ""; i.revisions = revisions ?? ""; i.revisionsDone = revisionsDone ?? false
        i.users = users.map(String.init) ?? ""; i.satisfaction = satisfactionPercent.map { "\($0)" } ?? ""
        return i
    }
}

// MARK: Answers

struct DirectiveListJSON: Encodable {
    struct Item: Encodable {
        struct Pair: Encodable { var unitCode: String; var status: String; var url: String }
        var directive: Directive
        var url: String
        var units: [Pair]
    }
    var directives: [Item]

    init(_ pairs: [DirectivePair]) {
        var order: [String] = []
        var items: [String: Item] = [:]
        for p in pairs {
            if items[p.directive.id] == nil {
                order.append(p.directive.id)
                items[p.directive.id] = Item(directive: p.directive, url: DirectiveURL.apiDetail(p.directive.id).path, units: [])
            }
            items[p.directive.id]?.units.append(.init(unitCode: p.unitCode, status: p.status.rawValue,
                                                      url: DirectiveURL.apiUnit(p.directive.id, p.unitCode).path))
        }
        directives = order.map { items[$0]! }
    }
}

struct DirectiveUnitJSON: Encodable {
    var unitCode: String
    var unitName: String
    var status: String
    var next: [String]
    var canReport: Bool
    var history: [DirectiveReport]

    init(_ u: DirectiveUnitView) {
        unitCode = u.unitCode; unitName = u.unitName; status = u.status.rawValue; next = u.next.map(\.rawValue)
        canReport = u.canReport; history = u.history
    }
}

struct DirectiveJSON: Encodable {
    var directive: Directive
    var groupName: String?
    var units: [DirectiveUnitJSON]

    init(_ view: DirectiveView) {
        directive = view.directive; groupName = view.groupName; units = view.units.map(DirectiveUnitJSON.init)
    }
}

struct DirectiveDashboardJSON: Encodable {
    struct Counts: Encodable {
        var notReported: Int; var inProgress: Int; var done: Int; var cannotBeDone: Int; var total: Int
        var percent: [String: Decimal]
        init(_ c: DirectiveStatusCounts) {
            notReported = c.notReported; inProgress = c.inProgress; done = c.done; cannotBeDone = c.cannotBeDone; total = c.total
            percent = Dictionary(uniqueKeysWithValues: DirectiveStatus.allCases.map { ($0.rawValue, c.percent($0)) })
        }
    }
    struct Row: Encodable { var key: String?; var name: String; var counts: Counts }
    var pairs: Int
    var overall: Counts
    var byGroup: [Row]
    var byFactor: [Row]
    var byUnit: [Row]
    var unitsNotReported: [String: Int]

    init(_ board: DirectiveDashboard, groups: [DirectiveGroup]) {
        pairs = board.pairs.count; overall = Counts(board.overall)
        byGroup = board.byGroup.map { Row(key: $0.key.map(String.init), name: $0.key.map { groups[$0 - 1].displayName } ?? "ยังไม่จัดกลุ่ม", counts: Counts($0.counts)) }
        byFactor = board.byFactor.map { Row(key: $0.key.map { String($0.rawValue) }, name: $0.key?.thaiName ?? "ไม่ระบุปัจจัย", counts: Counts($0.counts)) }
        byUnit = board.byUnit.map { Row(key: $0.key, name: $0.key, counts: Counts($0.counts)) }
        unitsNotReported = Dictionary(uniqueKeysWithValues: board.unitsNotReported.map { ($0.unitCode, $0.count) })
    }
}

struct InnovationsJSON: Encodable {
    struct Item: Encodable {
        var innovation: Innovation
        var level: Int?
        var levelExplanation: String?
        var nextStatus: String?
        var nextRefusal: String?
    }
    var unitCode: String
    var fiscalYear: Int
    var editable: Bool
    var innovations: [Item]

    init(_ view: InnovationView) {
        unitCode = view.unit.code; fiscalYear = view.fiscalYear.be; editable = view.editable
        innovations = view.items.map {
            Item(innovation: $0.innovation, level: $0.level, levelExplanation: $0.levelExplanation,
                 nextStatus: $0.nextStatus?.rawValue, nextRefusal: $0.nextRefusal)
        }
    }
}
