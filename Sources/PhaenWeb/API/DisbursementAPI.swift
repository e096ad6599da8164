import Foundation
import Hummingbird
import PhaenApp
import PhaenCore
import PhaenStore

/// The disbursement part of the JSON API: a unit-year's table as of a date, recording an
/// allocation, a transfer or a disbursement, importing a CSV/XLSX, and the city table. Same
/// use case, access rules and Thai messages as the pages.
struct DisbursementAPI: Sendable {
    let tracking: DisbursementTracking
    let now: @Sendable () -> Date

    init(store: PhaenStore, now: @escaping @Sendable () -> Date = { Date() }) {
        self.tracking = DisbursementTracking(store: store); self.now = now
    }

    static let asOfParameter = APIEndpoint.Parameter(name: "asOf", location: .query,
                                                     description: "ข้อมูล ณ วันที่ (2024-03-31); ไม่ระบุ = วันนี้ภายในปีงบประมาณ")
    static let yearParameter = APIEndpoint.Parameter(name: "year", location: .query, description: "ปีงบประมาณ พ.ศ.", type: "integer")
    static let fileNameParameter = APIEndpoint.Parameter(name: "fileName", location: .query,
                                                         description: "ชื่อไฟล์ (บอกชนิด .csv หรือ .xlsx) เมื่อส่งไฟล์ดิบเป็น body")

    var endpoints: [APIEndpoint] {
        [
            APIEndpoint(route: .apiDisbursement, summary: "ตารางการเบิกจ่ายของหน่วยงาน ณ วันที่: งบประมาณหลังปรับโอน เบิกจ่าย ร้อยละ รวม "
                            + "พร้อมรายการที่บันทึกและตัวชี้วัดการเบิกจ่าย",
                        query: [Self.asOfParameter],
                        response: "rows, totalAllocated, totalDisbursed, totalPercent, kpi, allocations, transfers, disbursements") { request, context in
                let (code, year) = try PageRequest.unitYear(context)
                let view = try await tracking.load(person: try context.requirePerson(), unit: code, year: year,
                                                   asOf: try asOf(request, year: year))
                return try JSONResponse.make(DisbursementJSON(view))
            },
            APIEndpoint(route: .apiDisbursementEntries, method: .post,
                        summary: "บันทึกการเบิกจ่าย (kind = disbursement, ค่าเริ่มต้น), งบประมาณที่ได้รับจัดสรร (allocation) หรือการปรับโอน (transfer)",
                        response: "201 เมื่อบันทึกแล้ว; 422 พร้อม fields เมื่อข้อมูลไม่ถูกต้อง (ภาษาไทย); 403 เมื่อบันทึกไม่ได้",
                        requestBody: Self.entryBody) { request, context in
                try await record(request, context)
            },
            APIEndpoint(route: .apiDisbursementImport, method: .post,
                        summary: "นำเข้าการเบิกจ่ายจาก CSV หรือ XLSX: JSON {fileName, content (base64)} หรือไฟล์ดิบพร้อม ?fileName=; "
                            + "มีแถวผิดแม้แถวเดียว = ไม่บันทึกเลย",
                        query: [Self.fileNameParameter],
                        response: "imported (จำนวนรายการ); 422 พร้อม rows [{row, column, message}]",
                        requestBody: Self.importBody) { request, context in
                try await importFile(request, context)
            },
            APIEndpoint(route: .apiDisbursementCity, summary: "ร้อยละการเบิกจ่ายของทุกหน่วยงานที่มองเห็น เทียบเกณฑ์ของกลุ่มหน่วยงาน และผู้ที่ต่ำกว่าเป้าหมาย",
                        query: [Self.yearParameter, Self.asOfParameter],
                        response: "fiscalYear, asOf, units [{unitCode, group, totalPercent, quarterPercents, thresholds, target, level, behind}]") { request, context in
                let person = try context.requirePerson()
                var year = try ReportRequest.year(request)
                if year == nil { year = try await tracking.defaultYear(today: ReportRequest.civilDate(now())) }
                guard let year else { throw WebError.badRequest("ไม่ระบุปีงบประมาณ", "no year") }
                let asOf = try asOf(request, year: year)
                return try JSONResponse.make(CityDisbursementJSON(year: year, asOf: asOf,
                                                                  rows: try await tracking.city(person: person, year: year, asOf: asOf)))
            },
        ]
    }

    func asOf(_ request: Request, year: FiscalYear) throws -> CivilDate {
        guard let text = request.uri.queryParameters.get("asOf"), !text.isEmpty else {
            return DisbursementTracking.clamp(ReportRequest.civilDate(now()), to: year)
        }
        switch BudgetInput.date(text) {
        case .success(let date): return date
        case .failure(let problem): throw WebError.badRequest(problem.message, "bad asOf \(text)")
        }
    }

    func record(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let person = try context.requirePerson()
        let (code, year) = try PageRequest.unitYear(context)
        let buffer = try await request.body.collect(upTo: ReportAPI.bodyLimit)
        let fields: [String: String]
        do {
            fields = try JSONDecoder().decode(TextFields.self, from: Data(buffer: buffer)).values
        } catch {
            throw WebError.badRequest("ข้อมูล JSON ไม่ถูกต้อง: \(ReportAPI.describe(error))", "bad JSON body: \(error)")
        }
        var fieldsWithNote = fields
        if fieldsWithNote["reason"] == nil, let note = fields["note"] { fieldsWithNote["reason"] = note }
        let form = BudgetForm(kind: fields["kind"].flatMap { $0.isEmpty ? nil : $0 } ?? "disbursement", fields: fieldsWithNote)
        do {
            try await tracking.record(person: person, unit: code, year: year, form: form, now: now())
            return try JSONResponse.make(["saved": form.kind], status: .created)
        } catch let errors as BudgetFormErrors {
            let detail = ReportErrorJSON.Body.Detail(code: "invalid_input", message: errors.fields.values.sorted().joined(separator: "; "),
                                                     fields: errors.fields, currentVersion: nil)
            return try JSONResponse.make(ReportErrorJSON.Body(error: detail), status: .unprocessableContent)
        } catch let refusal as DisbursementRefusal {
            return APIError.response(ErrorAnswer(.forbidden, code: "forbidden", th: refusal.messageTH, en: "may not record budget data"))
        }
    }

    func importFile(_ request: Request, _ context: PhaenRequestContext) async throws -> Response {
        let person = try context.requirePerson()
        let (code, year) = try PageRequest.unitYear(context)
        let buffer = try await request.body.collect(upTo: DisbursementController.uploadLimit * 2)
        let data: Data, fileName: String
        if request.headers[.contentType]?.hasPrefix("application/json") == true {
            let body: ImportBody
            do { body = try JSONDecoder().decode(ImportBody.self, from: Data(buffer: buffer)) } catch {
                throw WebError.badRequest("ข้อมูล JSON ไม่ถูกต้อง: \(ReportAPI.describe(error))", "bad JSON body: \(error)")
            }
            guard let decoded = Data(base64Encoded: body.content, options: .ignoreUnknownCharacters) else {
                throw WebError.badRequest("content ต้องเป็นไฟล์ที่เข้ารหัส base64", "content is not base64")
            }
            data = decoded; fileName = body.fileName
        } else {
            data = Data(buffer: buffer)
            fileName = request.uri.queryParameters.get("fileName") ?? "upload"
        }
        do {
            let count = try await tracking.importFile(person: person, unit: code, year: year, data: data, fileName: fileName, now: now())
            return try JSONResponse.make(["imported": count])
        } catch let errors as DisbursementImportErrors {
            return try JSONResponse.make(ImportErrorJSON(error: .init(code: "invalid_rows",
                                                                      message: errors.file ?? "ไฟล์มีรายการที่ไม่ถูกต้อง: ไม่ได้บันทึกรายการใดเลย",
                                                                      rows: errors.rows)),
                                         status: .unprocessableContent)
        } catch let refusal as DisbursementRefusal {
            return APIError.response(ErrorAnswer(.forbidden, code: "forbidden", th: refusal.messageTH, en: "may not record budget data"))
        }
    }

    private static func text(_ description: String) -> APIRequestBody.Schema {
        APIRequestBody.Schema(type: "string", description: description)
    }

    static let entryBody = APIRequestBody(
        description: "ช่องของแบบฟอร์ม เป็นข้อความตามที่พิมพ์ (ตัวเลขไทยหรืออารบิก มีจุลภาคได้)",
        schema: APIRequestBody.Schema(type: "object", properties: [
            "kind": APIRequestBody.Schema(type: "string", description: "disbursement (ค่าเริ่มต้น), allocation หรือ transfer",
                                          enum: ["disbursement", "allocation", "transfer"]),
            "type": text("ประเภทงบ: carryOver, operating, investment, subsidy, other, central หรือชื่อภาษาไทย"),
            "date": text("วันที่ 2024-03-31 หรือ 31/3/2567 (ภายในปีงบประมาณ)"),
            "amount": text("จำนวนเงินบาท ทศนิยมไม่เกิน 2 ตำแหน่ง ไม่ติดลบ"),
            "cumulative": text("\"1\" เมื่อเป็นยอดเบิกจ่ายสะสม ณ วันที่"),
            "project": text("รหัสโครงการในแผน (ไม่บังคับ)"),
            "from": text("ปรับโอน: โอนจากประเภทงบ (ว่าง = รับโอนจากภายนอก)"),
            "to": text("ปรับโอน: โอนไปประเภทงบ (ว่าง = โอนออกนอกหน่วยงาน)"),
            "reason": text("เหตุผลของการปรับโอน หรือหมายเหตุของการเบิกจ่าย"),
        ]))

    static let importBody = APIRequestBody(
        description: "ไฟล์ CSV/XLSX: คอลัมน์ รหัสหน่วยงาน, ประเภทงบ, วันที่, จำนวนเงิน (สะสม, โครงการ, หมายเหตุ ถ้ามี)",
        schema: APIRequestBody.Schema(type: "object", properties: [
            "fileName": text("ชื่อไฟล์ เช่น disbursement.xlsx"),
            "content": text("เนื้อไฟล์เข้ารหัส base64"),
        ], required: ["fileName", "content"]))
}

/// A JSON object of strings, numbers or booleans, read as text as typed.
struct TextFields: Decodable {
    var values: [String: String] = [:]
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        for key in c.allKeys {
            if let s = try? c.decode(String.self, forKey: key) { values[key.stringValue] = s }
            else if let b = try? c.decode(Bool.self, forKey: key) { values[key.stringValue] = b ? "1" : "" }
            else if let d = try? c.decode(Decimal.self, forKey: key) { values[key.stringValue] = "\(d)" }
            else if try c.decodeNil(forKey: key) { values[key.stringValue] = "" }
            else { throw DecodingError.typeMismatch(String.self, .init(codingPath: [key], debugDescription: "text expected")) }
        }
    }
}

struct ImportBody: Decodable {
    var fileName: String
    var content: String
}

struct ImportErrorJSON: Encodable {
    struct Detail: Encodable { var code: String; var message: String; var rows: [ImportRowError] }
    var error: Detail
}

/// The API's form of a unit-year's disbursement view. Money is text of baht ("4094769.47"),
/// percents JSON numbers (unrounded).
struct DisbursementJSON: Encodable {
    struct Row: Encodable { var type: String; var typeName: String; var allocated: Money; var disbursed: Money; var percent: Decimal }
    struct KPI: Encodable { var code: String; var level: Decimal?; var weightedScore: Decimal?; var rule: String; var explanation: String }
    var unitCode: String
    var fiscalYear: Int
    var asOf: CivilDate
    var rows: [Row]
    var totalAllocated: Money
    var totalDisbursed: Money
    var totalPercent: Decimal
    var kpi: KPI?
    var canRecord: Bool
    var allocations: [BudgetAllocation]
    var transfers: [BudgetTransfer]
    var disbursements: [Disbursement]

    init(_ view: DisbursementView) {
        unitCode = view.unit.code; fiscalYear = view.fiscalYear.be; asOf = view.asOf
        rows = view.table.rows.map { Row(type: $0.type.rawValue, typeName: $0.type.thaiName, allocated: $0.allocated,
                                         disbursed: $0.disbursed, percent: $0.percent) }
        totalAllocated = view.table.totalAllocated; totalDisbursed = view.table.totalDisbursed; totalPercent = view.table.totalPercent
        kpi = view.kpi.map { KPI(code: $0.code, level: $0.level, weightedScore: $0.weightedScore, rule: $0.rule, explanation: $0.explanation) }
        canRecord = view.canRecord
        allocations = view.records.allocations; transfers = view.records.transfers; disbursements = view.records.disbursements
    }
}

struct CityDisbursementJSON: Encodable {
    struct Unit: Encodable {
        var unitCode: String; var name: String; var group: String?
        var totalAllocated: Money; var totalDisbursed: Money; var totalPercent: Decimal
        var quarterPercents: [Decimal?]; var thresholds: [Decimal?]?; var target: Decimal?; var level: Decimal?; var behind: Bool
    }
    var fiscalYear: Int
    var asOf: CivilDate
    var units: [Unit]

    init(year: FiscalYear, asOf: CivilDate, rows: [CityDisbursementRow]) {
        fiscalYear = year.be; self.asOf = asOf
        units = rows.map { r in
            let s = r.standing
            return Unit(unitCode: r.unit.code, name: r.unit.nameTH, group: s.group, totalAllocated: s.table.totalAllocated,
                        totalDisbursed: s.table.totalDisbursed, totalPercent: s.table.totalPercent, quarterPercents: s.quarterPercents,
                        thresholds: s.thresholds, target: s.target, level: s.level, behind: s.isBehind)
        }
    }
}
