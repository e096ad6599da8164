import Foundation
import Hummingbird

/// JSON answers of the API: sorted keys (stable for diffs and tests), UTF-8 Thai unescaped.
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLength] = String(data.count)
        headers[.cacheControl] = "private, no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// `{"error": {"code": "not_found", "message": "ไม่พบหน่วยงานรหัส 1022"}}`.
enum APIError {
    struct Body: Encodable {
        struct Detail: Encodable { var code: String; var message: String }
        var error: Detail
    }

    static func response(_ answer: ErrorAnswer) -> Response {
        let body = Body(error: .init(code: answer.code, message: answer.messageTH))
        // Encoding two strings cannot fail; a fallback keeps the signature non-throwing.
        return (try? JSONResponse.make(body, status: answer.status)) ?? Response(status: answer.status)
    }
}
