import Foundation

/// A small multipart/form-data reader (RFC 7578) for the evidence upload form: text fields
/// (the CSRF token) and one file. Only what browsers send is understood; anything malformed
/// is nil, which the handler turns into a Thai "bad request". The body is already bounded by
/// the caller (`collect(upTo:)`), so the parser works on bytes in memory.
struct MultipartForm {
    struct File {
        var field: String
        var filename: String
        var data: Data
    }

    var fields: [String: String] = [:]
    var files: [File] = []

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var value = String(part.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) -> MultipartForm? {
        let delimiter = Array("--\(boundary)".utf8)
        let crlf: [UInt8] = [13, 10]
        var form = MultipartForm()
        guard var position = find(delimiter, in: body, from: 0) else { return nil }
        position += delimiter.count
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body.count >= position + 2, body[position] == 45, body[position + 1] == 45 { return form }
            guard body.count >= position + 2, body[position] == 13, body[position + 1] == 10 else { return nil }
            position += 2
            guard let headerEnd = find(crlf + crlf, in: body, from: position) else { return nil }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = find(crlf + delimiter, in: body, from: contentStart) else { return nil }
            let content = Array(body[contentStart..<next])
            guard let disposition = Self.disposition(headers), let name = disposition["name"] else { return nil }
            if let filename = disposition["filename"] {
                form.files.append(File(field: name, filename: filename, data: Data(content)))
            } else {
                form.fields[name] = String(decoding: content, as: UTF8.self)
            }
            position = next + 2 + delimiter.count
        }
    }

    /// The parameters of the part's Content-Disposition header (`name`, `filename`).
    static func disposition(_ headers: String) -> [String: String]? {
        for line in headers.components(separatedBy: "\r\n") {
            let pieces = line.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2, pieces[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            var out: [String: String] = [:]
            // Browsers quote the values and percent-encode or escape quotes inside them;
            // split on `;` outside quotes.
            var current = "", inQuotes = false, items: [String] = []
            for c in pieces[1] {
                if c == "\"" { inQuotes.toggle() }
                if c == ";" && !inQuotes { items.append(current); current = "" } else { current.append(c) }
            }
            items.append(current)
            for item in items.dropFirst() {
                let kv = item.split(separator: "=", maxSplits: 1)
                guard kv.count == 2 else { continue }
                var value = kv[1].trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                out[kv[0].trimmingCharacters(in: .whitespaces).lowercased()] = value.replacingOccurrences(of: "%22", with: "\"")
            }
            return out
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
