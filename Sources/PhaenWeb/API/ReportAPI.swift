import Foundation
import Hummingbird
import PhaenApp
import PhaenCore
import PhaenStore

/// The reporting part of the JSON API: a unit's report grid, one report (read, replace with
/// an optimistic `version`), and the workflow transitions. Same use cases, same access rules
/// and same Thai messages as the pages.
struct ReportAPI: Sendable {
    let entry: ReportEntry
    let now: @Sendable () -> Date

    init(entry: ReportEntry, now: @escaping @Sendable () -> Date = { Date() }) {
        self.entry = entry; self.now = now
    }

    var endpoints: [APIEndpoint] {
        [
            APIEndpoint(route: .apiReports, summary: "ตารางรายงานผลของหน่วยงานทั้งปี: ตัวชี้วัด × รอบ พร้อมสถานะ",
                        response: "ตัวชี้วัด รอบ และสถานะของแต่ละรายงาน") { _, context in
                let (code, year) = try PageRequest.unitYear(context)
                let view = try await entry.year(person: try context.requirePerson(), unit: code, year: year,
                                                today: ReportRequest.civilDate(now()))
                return try JSONResponse.make(ReportYearJSON(view))
            },
            APIEndpoint(route: .apiReport, summary: "รายงานผลตัวชี้วัดหนึ่งรอบ: ข้อมูล ฉบับ (version) ประวัติ หลักฐาน และคะแนนที่คำนวณได้",
                        response: "รายงาน (ProgressReport) พร้อม version, events, evidence, preview, available") { _, context in
                let view = try await entry.load(person: try context.requirePerson(), ref: try ReportRequest.ref(context))
                return try JSONResponse.make(ReportJSON(view))
            },
            APIEndpoint(route: .apiReport, method: .put,
                        summary: "บันทึกร่างรายงาน: JSON ของช่องในแบบฟอร์ม (value, claimedLevel, narrative, supportingProjects, "
                            + "factors, obstacles, explanation, remarks) และ version ที่อ่านมา (ไม่มี = สร้างใหม่)",
                        response: "version ใหม่; 422 พร้อม fields เมื่อข้อมูลไม่ถูกต้อง; 409 เมื่อมีผู้อื่นแก้ไขก่อน") { request, context in
                try await put(request, context)
            },
            APIEndpoint(route: .apiReportTransition, method: .post,
                        summary: "เปลี่ยนสถานะรายงาน: transition = submission, certification, acceptance, return, lock; "
                            + "body {\"version\": n, \"reason\": \"…\"} (return ต้องมี reason)",
                        response: "version และสถานะใหม่; 409 เมื่อสถานะหรือบทบาทไม่อนุญาต") { request, context in
                try await transition(request, context)
            },
        ]
    }

    static let bodyLimit = 256 * 1024

    func put(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let person = try context.requirePerson()
        let ref = try ReportRequest.ref(context)
        let body = try await decode(ReportPutBody.self, request)
        do {
            let version = try await entry.save(person: person, ref: ref, form: body.form, expectedVersion: body.version, now: now())
            return try JSONResponse.make(VersionJSON(version: version, state: ReportState.draft.rawValue))
        } catch let errors as ReportFormErrors {
            return try ReportErrorJSON.response(errors)
        } catch let refusal as ReportRefusal {
            return ReportErrorJSON.response(refusal)
        }
    }

    func transition(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let person = try context.requirePerson()
        let ref = try ReportRequest.ref(context)
        let transition = try ReportRequest.transition(context)
        let body = try await decode(TransitionBody.self, request)
        do {
            let version = try await entry.transition(person: person, ref: ref, transition: transition, reason: body.reason,
                                                     expectedVersion: body.version, now: now())
            return try JSONResponse.make(VersionJSON(version: version, state: ReportWorkflow.target(of: transition).rawValue))
        } catch let refusal as ReportRefusal {
            return ReportErrorJSON.response(refusal)
        }
    }

    func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        let buffer = try await request.body.collect(upTo: Self.bodyLimit)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch {
            throw WebError.badRequest("ข้อมูล JSON ไม่ถูกต้อง: \(Self.describe(error))", "bad JSON body: \(error)")
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "ไม่มีช่อง \(key.stringValue)"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "ชนิดข้อมูลของ \(c.codingPath.map(\.stringValue).joined(separator: ".")) ไม่ถูกต้อง"
        default: "อ่านไม่ได้"
        }
    }
}

/// PUT body: the form's fields (numbers may be JSON numbers or text as typed) and `version`.
struct ReportPutBody: Decodable {
    var version: Int?
    var form: ReportForm

    enum Keys: String, CodingKey {
        case version, value, claimedLevel, narrative, supportingProjects, factors, obstacles, explanation, remarks
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version)
        func text(_ key: Keys) throws -> String {
            if let s = try? c.decodeIfPresent(String.self, forKey: key) { return s }
            if let d = try? c.decodeIfPresent(Decimal.self, forKey: key) { return "\(d)" }
            // Lists may come as arrays of lines.
            if let lines = try? c.decodeIfPresent([String].self, forKey: key) { return lines.joined(separator: "\n") }
            if try c.decodeNil(forKey: key) { return "" }
            throw DecodingError.typeMismatch(String.self, .init(codingPath: [key], debugDescription: "text expected"))
        }
        func field(_ key: Keys) throws -> String { c.contains(key) ? try text(key) : "" }
        form = ReportForm(value: try field(.value), claimedLevel: try field(.claimedLevel), narrative: try field(.narrative),
                          supportingProjects: try field(.supportingProjects), factors: try field(.factors),
                          obstacles: try field(.obstacles), explanation: try field(.explanation), remarks: try field(.remarks))
    }
}

struct TransitionBody: Decodable {
    var version: Int
    var reason: String?
}

struct VersionJSON: Encodable {
    var version: Int
    var state: String
}

/// Report errors in the API's error shape, with the per-field messages and the current
/// version where they apply.
enum ReportErrorJSON {
    struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var fields: [String: String]?
            var currentVersion: Int?
        }
        var error: Detail
    }

    static func response(_ errors: ReportFormErrors) throws -> Response {
        let detail = Body.Detail(code: errors.isStale ? "stale_version" : "invalid_input",
                                 message: errors.message ?? errors.summary,
                                 fields: errors.fields.isEmpty ? nil : errors.fields, currentVersion: errors.currentVersion)
        return try JSONResponse.make(Body(error: detail), status: errors.isStale ? .conflict : .unprocessableContent)
    }

    static func response(_ refusal: ReportRefusal) -> Response {
        var current: Int?
        let code: String
        switch refusal.kind {
        case .notAllowed: code = "forbidden"
        case .wrongState, .notSaved: code = "workflow"
        case .staleVersion(let version): code = "stale_version"; current = version
        }
        let body = Body(error: .init(code: code, message: refusal.messageTH, fields: nil, currentVersion: current))
        return (try? JSONResponse.make(body, status: ReportController.status(refusal))) ?? Response(status: ReportController.status(refusal))
    }
}

/// One report as the API returns it.
struct ReportJSON: Encodable {
    struct EvidenceJSON: Encodable { var file: EvidenceFile; var url: String }
    var unitCode: String
    var fiscalYear: Int
    var round: String
    var kpiCode: String
    var state: String
    var version: Int?
    var deadline: String
    var report: ProgressReport
    var kpi: AgreementKPI?
    var preview: ReportPreview?
    var events: [ReportEvent]
    var returnReason: String?
    var evidence: [EvidenceJSON]
    var available: [String: String]
    var editable: Bool

    init(_ view: ReportView) {
        let r = view.key
        unitCode = r.unitCode; fiscalYear = r.fiscalYear.be; round = r.round.code; kpiCode = r.kpiCode
        state = view.state.rawValue; version = view.version; deadline = view.deadline.description
        report = view.report; kpi = view.kpi; preview = view.preview; events = view.events
        returnReason = view.returnReason?.reason
        evidence = view.evidence.map { EvidenceJSON(file: $0, url: ReportURL.evidence($0.id).path) }
        available = Dictionary(uniqueKeysWithValues: view.available.map { ($0.rawValue, ReportURL.apiTransition(r, $0).path) })
        editable = view.editable
    }
}

struct ReportYearJSON: Encodable {
    struct Cell: Encodable { var round: String; var state: String?; var returned: Bool; var late: Bool; var version: Int?; var url: String? }
    struct Row: Encodable { var kpiCode: String; var kpiName: String; var weight: Decimal?; var cells: [Cell] }
    var unitCode: String
    var fiscalYear: Int
    var rounds: [String]
    var rows: [Row]

    init(_ view: ReportYearView) {
        unitCode = view.unit.code; fiscalYear = view.fiscalYear.be; rounds = view.rounds.map(\.code)
        rows = view.rows.map { row in
            Row(kpiCode: row.kpiCode, kpiName: row.kpiName, weight: row.weight, cells: row.cells.map { c in
                let ref = ReportRef(unitCode: view.unit.code, fiscalYear: view.fiscalYear, round: c.round, kpiCode: row.kpiCode)
                return Cell(round: c.round.code, state: c.state?.rawValue, returned: c.returned, late: c.late, version: c.version,
                            url: c.linkable ? ReportURL.apiReport(ref).path : nil)
            })
        }
    }
}
