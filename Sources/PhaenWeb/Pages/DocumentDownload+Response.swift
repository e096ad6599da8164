import Foundation
import Hummingbird
import PhaenApp

/// The file response of a document download: its MIME type, and a Content-Disposition that
/// carries the Thai file name as RFC 5987 `filename*` with an ASCII `filename` for old clients.
enum DocumentResponse {
    static func file(_ file: DocumentExport.File) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = file.mimeType
        headers[.contentDisposition] = contentDisposition(thai: file.fileName, ascii: file.asciiFileName)
        headers[.cacheControl] = "private, no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }

    /// `attachment; filename="phaen-plan-1022-2567.docx"; filename*=UTF-8''%E0%B9%81…`
    static func contentDisposition(thai: String, ascii: String) -> String {
        let plain = ascii.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && !$0.isNewline }
        let encoded = thai.addingPercentEncoding(withAllowedCharacters: attrChars) ?? plain
        return "attachment; filename=\"\(plain)\"; filename*=UTF-8''\(encoded)"
    }

    /// RFC 5987 attr-char: what may stand unencoded in `filename*`.
    static let attrChars = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")
}
