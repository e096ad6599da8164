import Foundation

/// RFC 4180 CSV: fields separated by commas (or tabs, when the first line has more tabs than
/// commas — what Excel's "Unicode text" and copy-paste produce), quoted fields may hold the
/// separator, line breaks and doubled quotes; lines end in CRLF, LF or CR.
///
/// Text is UTF-8 with or without a byte-order mark; a file that is not valid UTF-8 is read as
/// Windows-874 (TIS-620 plus a few punctuation marks), the encoding Excel on Thai Windows uses
/// for "CSV (Comma delimited)", so a finance officer's export opens without a conversion step.
enum CSVReader {
    static func rows(data: Data) throws -> [[String]] {
        let text = decode(data)
        let scalars = Array(text.unicodeScalars)
        let separator = detectSeparator(scalars)
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var quotedRowStart = 1
        var i = 0
        var lineHasContent = false

        func endField() {
            row.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endRow() {
            endField()
            // A line with nothing on it is an empty row, not a row with one empty cell.
            rows.append(lineHasContent || row.count > 1 ? row : [])
            row = []
            lineHasContent = false
        }

        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
                lineHasContent = true
                quotedRowStart = rows.count + 1
            } else if c == separator {
                endField()
                lineHasContent = true
            } else if c == "\r" || c == "\n" {
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                endRow()
            } else {
                field.append(c)
                lineHasContent = true
            }
            i += 1
        }
        if inQuotes { throw TabularFileError.unterminatedQuote(row: quotedRowStart) }
        if lineHasContent || !row.isEmpty || !field.isEmpty { endRow() }
        return rows
    }

    /// Comma unless the first line (outside quotes) has more tabs than commas.
    static func detectSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var commas = 0, tabs = 0, inQuotes = false
        for c in scalars {
            if c == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if c == "\n" || c == "\r" { break }
            if c == "," { commas += 1 }
            if c == "\t" { tabs += 1 }
        }
        return tabs > commas ? "\t" : ","
    }

    static func decode(_ data: Data) -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        return decodeWindows874(bytes)
    }

    /// Windows-874: ASCII below 0x80; Thai letters 0xA1–0xFB at U+0E01–U+0E5B (TIS-620); the
    /// Windows punctuation at 0x80–0x97; anything unassigned becomes U+FFFD.
    static func decodeWindows874(_ bytes: Data) -> String {
        let punctuation: [UInt8: UInt32] = [
            0x80: 0x20AC, 0x85: 0x2026, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D,
            0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0xA0: 0x00A0,
        ]
        var view = String.UnicodeScalarView()
        for b in bytes {
            let value: UInt32
            if b < 0x80 {
                value = UInt32(b)
            } else if let p = punctuation[b] {
                value = p
            } else if (0xA1...0xDA).contains(b) || (0xDF...0xFB).contains(b) {
                value = UInt32(b) - 0xA0 + 0x0E00
            } else {
                value = 0xFFFD
            }
            view.append(Unicode.Scalar(value)!)
        }
        return String(view)
    }
}
