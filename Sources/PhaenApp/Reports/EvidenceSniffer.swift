import Foundation

/// Decides a file's type from its bytes, never from its name: a `.pdf` that is really text,
/// or a script renamed `.docx`, is refused. Only types an evaluator can open safely are known.
public enum EvidenceSniffer {
    public static let pdf = "application/pdf"
    public static let png = "image/png"
    public static let jpeg = "image/jpeg"
    public static let gif = "image/gif"
    public static let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    public static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    public static let pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

    /// The content type, or nil when the bytes are none of the accepted kinds.
    public static func contentType(of data: Data) -> String? {
        let bytes = [UInt8](data.prefix(8))
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix }
        if starts(Array("%PDF-".utf8)) { return pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png }
        if starts([0xFF, 0xD8, 0xFF]) { return jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return gif }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return officeType(data) }
        return nil
    }

    /// A zip is an Office Open XML document when its central directory lists
    /// `[Content_Types].xml`; the main part says which kind. Any other zip is refused.
    static func officeType(_ data: Data) -> String? {
        guard let names = ZipDirectory.entryNames(data), names.contains("[Content_Types].xml") else { return nil }
        if names.contains(where: { $0.hasPrefix("word/") }) { return docx }
        if names.contains(where: { $0.hasPrefix("xl/") }) { return xlsx }
        if names.contains(where: { $0.hasPrefix("ppt/") }) { return pptx }
        return nil
    }

    /// A file extension for the type, used when naming a download.
    public static func fileExtension(_ contentType: String) -> String {
        switch contentType {
        case pdf: return "pdf"
        case png: return "png"
        case jpeg: return "jpg"
        case gif: return "gif"
        case docx: return "docx"
        case xlsx: return "xlsx"
        case pptx: return "pptx"
        default: return "bin"
        }
    }
}

/// Reads the entry names of a zip from its central directory (found through the end-of-
/// central-directory record), bounds-checked at every step so a hostile file cannot crash it.
enum ZipDirectory {
    static func entryNames(_ data: Data) -> [String]? {
        let bytes = [UInt8](data)
        func u16(_ i: Int) -> Int? { i >= 0 && i + 2 <= bytes.count ? Int(bytes[i]) | Int(bytes[i + 1]) << 8 : nil }
        func u32(_ i: Int) -> Int? {
            guard let lo = u16(i), let hi = u16(i + 2) else { return nil }
            return lo | hi << 16
        }
        // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the end.
        let earliest = max(0, bytes.count - 22 - 65_535)
        var end: Int?
        var i = bytes.count - 22
        while i >= earliest {
            if u32(i) == 0x0605_4B50 { end = i; break }
            i -= 1
        }
        guard let end, let count = u16(end + 10), let offset = u32(end + 16) else { return nil }
        var names: [String] = []
        var p = offset
        for _ in 0..<count {
            guard u32(p) == 0x0201_4B50, let nameLength = u16(p + 28), let extraLength = u16(p + 30),
                  let commentLength = u16(p + 32), p + 46 + nameLength <= bytes.count else { return nil }
            names.append(String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self))
            p += 46 + nameLength + extraLength + commentLength
        }
        return names
    }
}
