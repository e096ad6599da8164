import Hummingbird

/// The JSON body of a POST or PUT row of the API's route table, as the OpenAPI document
/// describes it: a Thai description and the JSON schema of its fields.
struct APIRequestBody: Sendable {
    var description: String
    var schema: OpenAPIDocument.Schema

    typealias Schema = OpenAPIDocument.Schema

    /// The bodies of the rows declared without one, by route and method. A row that states its
    /// own `requestBody` wins; a POST or PUT row found in neither fails the OpenAPI test.
    static func known(_ route: SiteURL.Route, _ method: HTTPRequest.Method) -> APIRequestBody? {
        switch (route, method) {
        case (.apiReport, .put): reportDraft
        case (.apiReportTransition, .post): reportTransition
        case (.apiAgreementKPI, .put): agreementKPI
        default: nil
        }
    }

    /// Numbers may be sent as JSON numbers or as text as typed (Thai digits, thousands commas).
    private static func number(_ description: String) -> Schema {
        Schema(description: description, anyOf: [Schema(type: "number"), Schema(type: "string")])
    }

    /// Long text; lists may also come as an array of lines.
    private static func text(_ description: String, lines: Bool = false) -> Schema {
        lines ? Schema(description: description, anyOf: [Schema(type: "string"), Schema(type: "array", items: Schema(type: "string"))])
            : Schema(type: "string", description: description)
    }

    static let reportDraft = APIRequestBody(
        description: "ช่องของแบบฟอร์มรายงาน (ไม่ส่ง = ว่าง) และ version ที่อ่านมา; ไม่มี version = สร้างรายงานใหม่",
        schema: Schema(type: "object", properties: [
            "version": Schema(type: "integer", description: "ฉบับที่อ่านมา (optimistic version); ต่างจากที่เก็บไว้ = 409", minimum: 1),
            "value": number("ผลการดำเนินงาน (ตัวเลข เช่น 72.5 หรือ \"๗๒.๕\")"),
            "claimedLevel": number("ระดับที่ประเมินตนเอง 1–5 (ตัวชี้วัดแบบพิจารณา)"),
            "narrative": text("ผลการดำเนินงาน (คำบรรยาย)"),
            "supportingProjects": text("โครงการที่สนับสนุน หนึ่งบรรทัดต่อโครงการ", lines: true),
            "factors": text("ปัจจัยสนับสนุน", lines: true),
            "obstacles": text("ปัญหาอุปสรรค", lines: true),
            "explanation": text("คำชี้แจงกรณีไม่เป็นไปตามเป้าหมาย (จำเป็นในรอบปลายปีเมื่อต่ำกว่าเป้า)"),
            "remarks": text("หมายเหตุ"),
        ]))

    static let reportTransition = APIRequestBody(
        description: "ฉบับของรายงานที่อ่านมา และเหตุผล (จำเป็นเมื่อส่งคืน: transition = return)",
        schema: Schema(type: "object", properties: [
            "version": Schema(type: "integer", description: "ฉบับที่อ่านมา; ต่างจากที่เก็บไว้ = 409", minimum: 1),
            "reason": Schema(type: "string", description: "เหตุผลที่ส่งคืน แสดงให้ผู้รายงานเห็น"),
        ], required: ["version"]))

    static let agreementKPI: APIRequestBody = {
        let row = Schema(type: "array", description: "ค่าระดับ 1–5 (5 ค่า; ระดับ 1 เป็น null ได้เมื่อ direction = lower)",
                         items: Schema(anyOf: [Schema(type: "number"), Schema(type: "null")]))
        let criteria = Schema(type: "object", description: "เกณฑ์การให้คะแนนตามรูปแบบแลกเปลี่ยนข้อมูล (README: criteria.kind)", properties: [
            "kind": Schema(type: "string", enum: ["thresholds", "steps", "judged", "composite"]),
            "direction": Schema(type: "string", description: "thresholds: higher = มากดี, lower = น้อยดี", enum: ["higher", "lower"]),
            "interpolate": Schema(type: "boolean", description: "thresholds: คิดคะแนนเชิงเส้นระหว่างระดับ"),
            "thresholds": Schema(description: "thresholds: แถวเดียว หรือแถวต่อกลุ่มหน่วยงาน (A–D)",
                                 anyOf: [row, Schema(type: "object", description: "กลุ่มหน่วยงาน → แถว 5 ค่า")]),
            "parts": Schema(type: "array", description: "composite: เกณฑ์ย่อย ระดับต่ำสุดเป็นผล", items: Schema(type: "object")),
        ], required: ["kind"])
        return APIRequestBody(
            description: "น้ำหนักและเกณฑ์ของตัวชี้วัด (ผู้ประเมินและผู้ดูแลระบบ)",
            schema: Schema(type: "object", properties: [
                "weight": number("น้ำหนักของตัวชี้วัด (ร้อยละ)"),
                "criteria": criteria,
            ], required: ["weight", "criteria"]))
    }()
}
