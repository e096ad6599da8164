import Foundation

/// The OpenAPI 3.1 document, generated from the same route table the router is built from.
struct OpenAPIDocument: Encodable {
    struct Info: Encodable { var title: String; var version: String; var description: String }
    struct Schema: Encodable {
        var type: String?
        var description: String?
        var properties: [String: Schema]?
        var required: [String]?
        var ref: String?
        /// One schema in an array (a struct cannot hold itself directly).
        var itemsBox: [Schema]?
        var anyOf: [Schema]?
        var `enum`: [String]?
        var minimum: Int?
        var maximum: Int?
        enum CodingKeys: String, CodingKey {
            case type, description, properties, required, ref = "$ref", items = "items", anyOf, `enum`, minimum, maximum
        }

        init(type: String? = nil, description: String? = nil, properties: [String: Schema]? = nil, required: [String]? = nil,
             ref: String? = nil, items: Schema? = nil, anyOf: [Schema]? = nil, enum values: [String]? = nil,
             minimum: Int? = nil, maximum: Int? = nil) {
            self.type = type; self.description = description; self.properties = properties; self.required = required
            self.ref = ref; self.itemsBox = items.map { [$0] }; self.anyOf = anyOf; self.enum = values
            self.minimum = minimum; self.maximum = maximum
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(type, forKey: .type)
            try c.encodeIfPresent(description, forKey: .description)
            try c.encodeIfPresent(properties, forKey: .properties)
            try c.encodeIfPresent(required, forKey: .required)
            try c.encodeIfPresent(ref, forKey: .ref)
            try c.encodeIfPresent(itemsBox?.first, forKey: .items)
            try c.encodeIfPresent(anyOf, forKey: .anyOf)
            try c.encodeIfPresent(self.enum, forKey: .enum)
            try c.encodeIfPresent(minimum, forKey: .minimum)
            try c.encodeIfPresent(maximum, forKey: .maximum)
        }
    }
    struct MediaType: Encodable { var schema: Schema }
    struct RequestBodyObject: Encodable { var description: String; var required: Bool; var content: [String: MediaType] }
    struct ResponseObject: Encodable { var description: String; var content: [String: MediaType]? }
    struct ParameterObject: Encodable {
        var name: String
        var `in`: String
        var required: Bool
        var description: String
        var schema: Schema
    }
    struct Operation: Encodable {
        var operationId: String
        var summary: String
        var parameters: [ParameterObject]
        var requestBody: RequestBodyObject?
        var security: [[String: [String]]]?
        var responses: [String: ResponseObject]
    }
    struct SecurityScheme: Encodable {
        var type: String
        var scheme: String?
        var `in`: String?
        var name: String?
    }
    struct Components: Encodable { var schemas: [String: Schema]; var securitySchemes: [String: SecurityScheme] }

    var openapi = "3.1.0"
    var info: Info
    var paths: [String: [String: Operation]]
    var components: Components

    init(endpoints: [APIEndpoint]) {
        info = Info(title: "Phaen API", version: "1",
                    description: "ระบบแผนและการประเมินผลการปฏิบัติราชการ กรุงเทพมหานคร — ใช้สิทธิ์เดียวกับหน้าเว็บ")
        components = Components(
            schemas: ["Error": Schema(type: "object", properties: [
                "error": Schema(type: "object", properties: ["code": Schema(type: "string"), "message": Schema(type: "string")],
                                required: ["code", "message"]),
            ], required: ["error"])],
            securitySchemes: [
                "bearer": SecurityScheme(type: "http", scheme: "bearer"),
                "session": SecurityScheme(type: "apiKey", in: "cookie", name: SessionMiddleware.cookieName),
            ])
        var paths: [String: [String: Operation]] = [:]
        let errorBody = ["application/json": MediaType(schema: Schema(ref: "#/components/schemas/Error"))]
        for e in endpoints {
            var responses = ["200": ResponseObject(description: e.response,
                                                   content: ["application/json": MediaType(schema: Schema(type: "object"))])]
            if e.requiresSignIn { responses["401"] = ResponseObject(description: "ยังไม่ได้เข้าสู่ระบบ", content: errorBody) }
            if !e.route.parameters.isEmpty {
                responses["404"] = ResponseObject(description: "ไม่พบ หรือไม่มีสิทธิ์ดู", content: errorBody)
                responses["400"] = ResponseObject(description: "พารามิเตอร์ไม่ถูกต้อง", content: errorBody)
            }
            let operation = Operation(
                operationId: String(describing: e.route), summary: e.summary,
                parameters: e.parameters.map {
                    ParameterObject(name: $0.name, in: $0.location.rawValue, required: $0.required,
                                    description: $0.description, schema: Schema(type: $0.type))
                },
                requestBody: e.documentedBody.map {
                    RequestBodyObject(description: $0.description, required: true,
                                      content: ["application/json": MediaType(schema: $0.schema)])
                },
                security: e.requiresSignIn ? [["bearer": []], ["session": []]] : [],
                responses: responses)
            paths[e.route.pattern, default: [:]][e.method.rawValue.lowercased()] = operation
        }
        self.paths = paths
    }
}
