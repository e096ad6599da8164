import Foundation

/// A reporting round within a fiscal year (รอบการรายงาน).
/// Monthly and quarterly rounds are cumulative views from 1 October; the half-year round
/// (ระยะครึ่งปีงบประมาณ) is as of 31 March and carries levels only; the year-end round
/// (ปลายปีงบประมาณ) carries scores.
public enum ReportingRound: Hashable, Sendable, Comparable {
    case month(Int)     // fiscal month 1 (ต.ค.) … 12 (ก.ย.)
    case quarter(Int)   // 1…4
    case halfYear
    case yearEnd

    /// Codes used in URLs, files and the database: m01…m12, q1…q4, h1, ye.
    public var code: String {
        switch self {
        case .month(let m): return m < 10 ? "m0\(m)" : "m\(m)"
        case .quarter(let q): return "q\(q)"
        case .halfYear: return "h1"
        case .yearEnd: return "ye"
        }
    }

    public init?(code: String) {
        switch code {
        case "h1", "half": self = .halfYear
        case "ye", "year": self = .yearEnd
        default:
            if code.hasPrefix("m"), let m = Int(code.dropFirst()), (1...12).contains(m) { self = .month(m) }
            else if code.hasPrefix("q"), let q = Int(code.dropFirst()), (1...4).contains(q) { self = .quarter(q) }
            else { return nil }
        }
    }

    /// The last fiscal month the round covers (its cut-off).
    public var lastFiscalMonth: Int {
        switch self {
        case .month(let m): return m
        case .quarter(let q): return q * 3
        case .halfYear: return 6
        case .yearEnd: return 12
        }
    }

    /// The date the round's figures are as of.
    public func asOf(in year: FiscalYear) -> CivilDate { year.endOfFiscalMonth(lastFiscalMonth) }

    /// Whether the round's report carries scores (only the year-end one does).
    public var carriesScores: Bool { self == .yearEnd }

    public var thaiName: String {
        switch self {
        case .month(let m): return "ประจำเดือน" + ThaiCalendarNames.fiscalMonthsLong[m - 1]
        case .quarter(let q): return "ไตรมาสที่ \(q)"
        case .halfYear: return "ระยะครึ่งปีงบประมาณ"
        case .yearEnd: return "ปลายปีงบประมาณ"
        }
    }

    private var sortKey: (Int, Int) {
        switch self {
        case .month(let m): return (m, 0)
        case .quarter(let q): return (q * 3, 1)
        case .halfYear: return (6, 2)
        case .yearEnd: return (12, 3)
        }
    }
    public static func < (a: ReportingRound, b: ReportingRound) -> Bool { a.sortKey < b.sortKey }

    public static var all: [ReportingRound] {
        (1...12).map { .month($0) } + (1...4).map { .quarter($0) } + [.halfYear, .yearEnd]
    }
}

extension ReportingRound: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let code = try c.decode(String.self)
        guard let round = ReportingRound(code: code) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown round \(code) (m01…m12, q1…q4, h1, ye)")
        }
        self = round
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer(); try c.encode(code)
    }
}

public enum ThaiCalendarNames {
    /// Calendar months January … December.
    public static let monthsLong = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                                    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
    public static let monthsShort = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                                     "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
    /// Fiscal months October … September.
    public static var fiscalMonthsShort: [String] { Array(monthsShort[9...] + monthsShort[..<9]) }
    public static var fiscalMonthsLong: [String] { Array(monthsLong[9...] + monthsLong[..<9]) }
}
