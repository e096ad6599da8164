import Foundation

/// Reads the rows of an uploaded table — CSV (or tab-separated) text or an XLSX workbook — as
/// text cells, for the importers (disbursements, directives) that check every row themselves.
///
/// Row `i` of the result is line/row `i + 1` of the file, so an importer can report the row
/// number a person sees in Excel. Empty rows in between are kept as `[]`; cells are never
/// trimmed or converted, except XLSX date cells, which become ISO dates (`2024-03-31`).
public enum TabularFile {
    /// The rows of `data`; the format is taken from the file's extension, or from its first bytes
    /// when the extension says nothing (an XLSX is a ZIP archive).
    public static func rows(data: Data, fileName: String) throws -> [[String]] {
        switch format(data: data, fileName: fileName) {
        case .csv: return try CSVReader.rows(data: data)
        case .xlsx: return try XlsxReader.rows(data: data)
        case .legacyExcel: throw TabularFileError.legacyExcel
        }
    }

    enum Format { case csv, xlsx, legacyExcel }

    static func format(data: Data, fileName: String) -> Format {
        let ext = (fileName as NSString).pathExtension.lowercased()
        switch ext {
        case "xlsx", "xlsm": return .xlsx
        case "xls": return .legacyExcel
        case "csv", "tsv", "txt": return .csv
        default: return data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .xlsx : .csv
        }
    }
}

/// Why a file could not be read as a table; `message` is Thai and shown to the person uploading.
public enum TabularFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case legacyExcel
    case notAWorkbook
    case missingPart(String)
    case malformedXML(part: String, detail: String)
    case unterminatedQuote(row: Int)

    public var message: String {
        switch self {
        case .legacyExcel:
            return "ไฟล์ Excel รุ่นเก่า (.xls) อ่านไม่ได้ กรุณาบันทึกเป็น .xlsx หรือ .csv แล้วนำเข้าใหม่"
        case .notAWorkbook:
            return "ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้ กรุณาตรวจสอบไฟล์ หรือบันทึกเป็น .csv"
        case .missingPart(let part):
            return "ไฟล์ Excel ไม่สมบูรณ์: ไม่พบส่วน \(part)"
        case .malformedXML(let part, let detail):
            return "ไฟล์ Excel เสียหาย: อ่านส่วน \(part) ไม่ได้ (\(detail))"
        case .unterminatedQuote(let row):
            return "ไฟล์ CSV แถวที่ \(row): เครื่องหมายคำพูด (\") เปิดไว้แต่ไม่ได้ปิด"
        }
    }

    public var description: String { message }
}
