import Foundation

/// Reads the named destinations of a PDF printed by Chromium and the page each one points to.
/// Chromium has no CSS `target-counter()`, so the printer cannot print the contents' page numbers
/// in one go; instead it prints once, reads here on which page each linked heading landed, and
/// prints again with the numbers. Chromium (Skia) writes a classic cross-reference table and
/// leaves the catalog, the page tree and the `/Dests` dictionary uncompressed, which is all this
/// needs. Anything unexpected gives an empty answer: the contents are then printed without
/// page numbers rather than with wrong ones.
enum PDFNamedDestinations {
    /// Destination name → page number (1-based).
    static func pages(in data: Data) -> [String: Int] {
        let bytes = [UInt8](data)
        guard let reader = PDFObjectReader(bytes: bytes),
              let catalog = reader.object(reader.rootObject),
              let pagesRoot = firstReference(after: "/Pages", in: catalog) else { return [:] }

        var pageOrder: [Int: Int] = [:]
        var visited = Set<Int>()
        func walk(_ node: Int) {
            guard visited.insert(node).inserted, let text = reader.object(node) else { return }
            if text.contains("/Type /Pages") || text.contains("/Type/Pages") {
                for kid in kids(in: text) { walk(kid) }
            } else {
                pageOrder[node] = pageOrder.count + 1
            }
        }
        walk(pagesRoot)

        let destsText: String
        if let destsRef = firstReference(after: "/Dests", in: catalog), let text = reader.object(destsRef) {
            destsText = text
        } else if let range = catalog.range(of: "/Dests") {
            destsText = String(catalog[range.upperBound...])
        } else {
            return [:]
        }
        var result: [String: Int] = [:]
        let entry = /\/([^\s\/\[\]<>()]+)\s*\[\s*(\d+)\s+\d+\s+R/
        for match in destsText.matches(of: entry) {
            guard let object = Int(match.2), let page = pageOrder[object] else { continue }
            result[decodeName(String(match.1))] = page
        }
        return result
    }

    private static func firstReference(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key) else { return nil }
        let rest = text[range.upperBound...]
        guard let match = rest.prefixMatch(of: /\s*(\d+)\s+\d+\s+R/) else { return nil }
        return Int(match.1)
    }

    private static func kids(in text: String) -> [Int] {
        guard let range = text.range(of: "/Kids"),
              let open = text[range.upperBound...].firstIndex(of: "["),
              let close = text[open...].firstIndex(of: "]") else { return [] }
        return text[open...close].matches(of: /(\d+)\s+\d+\s+R/).compactMap { Int($0.1) }
    }

    /// PDF names escape bytes as #xx.
    private static func decodeName(_ name: String) -> String {
        guard name.contains("#") else { return name }
        var bytes: [UInt8] = []
        var chars = Array(name.utf8)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == UInt8(ascii: "#"), chars.count >= 2,
               let value = UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                chars = chars.dropFirst(2)
            } else {
                bytes.append(c)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Object lookup through the cross-reference table named by `startxref`.
private struct PDFObjectReader {
    let bytes: [UInt8]
    let offsets: [Int: Int]
    let rootObject: Int

    init?(bytes: [UInt8]) {
        self.bytes = bytes
        let tail = Self.text(bytes, from: max(0, bytes.count - 1024), to: bytes.count)
        guard let sx = tail.range(of: "startxref", options: .backwards),
              let xrefOffset = Int(tail[sx.upperBound...].split(whereSeparator: \.isWhitespace).first ?? ""),
              xrefOffset < bytes.count else { return nil }
        let section = Self.text(bytes, from: xrefOffset, to: bytes.count)
        guard section.hasPrefix("xref"), let trailerRange = section.range(of: "trailer") else { return nil }
        let tokens = section[section.index(section.startIndex, offsetBy: 4)..<trailerRange.lowerBound]
            .split(whereSeparator: \.isWhitespace)
        var offsets: [Int: Int] = [:]
        var i = 0
        while i + 1 < tokens.count {
            guard let first = Int(tokens[i]), let count = Int(tokens[i + 1]) else { return nil }
            i += 2
            for n in 0..<count {
                guard i + 2 < tokens.count else { break }
                if tokens[i + 2] == "n", let offset = Int(tokens[i]) { offsets[first + n] = offset }
                i += 3
            }
        }
        let trailer = section[trailerRange.upperBound...]
        guard let root = trailer.firstMatch(of: /\/Root\s+(\d+)\s+\d+\s+R/), let rootObject = Int(root.1) else { return nil }
        self.offsets = offsets
        self.rootObject = rootObject
    }

    /// The text of an object up to its `endobj` (only used for dictionaries, never streams).
    func object(_ number: Int) -> String? {
        guard let start = offsets[number], start < bytes.count else { return nil }
        let end = Self.find(Array("endobj".utf8), in: bytes, from: start) ?? min(bytes.count, start + 65_536)
        return Self.text(bytes, from: start, to: end)
    }

    private static func text(_ bytes: [UInt8], from: Int, to: Int) -> String {
        String(bytes[from..<to].map { Character(Unicode.Scalar($0)) })
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && Array(bytes[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }
}
