import Foundation
import Hummingbird
import PhaenApp
import PhaenCore

/// Reads what the report routes share: the report's address from the path, the form post
/// and today's date in Bangkok.
enum ReportRequest {
    /// `{code}/{year}/{round}/{kpi}`; an unknown round is a Thai 400 (AppError.invalidInput).
    static func ref(_ context: PhaenRequestContext) throws -> ReportRef {
        let (code, year) = try PageRequest.unitYear(context)
        return try ReportRef(unitCode: code, fiscalYear: year, roundCode: try context.parameters.require("round"),
                             kpiCode: try context.parameters.require("kpi"))
    }

    static func transition(_ context: PhaenRequestContext) throws -> ReportTransition {
        let name = try context.parameters.require("transition")
        guard let transition = ReportTransition(rawValue: name) else {
            throw WebError.notFound("ไม่พบขั้นตอน «\(name)» (submission, certification, acceptance, return, lock)",
                                    "unknown transition \(name)")
        }
        return transition
    }

    /// Form posts are small; evidence has its own limit and reader.
    static let formLimit = 256 * 1024

    /// An `application/x-www-form-urlencoded` body as name → value (the last value wins).
    static func formFields(_ request: Request) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: formLimit)
        let text = String(buffer: buffer)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            fields[decode(kv[0])] = kv.count > 1 ? decode(kv[1]) : ""
        }
        return fields
    }

    /// An optional positive integer field (the form's version); text is a Thai 400.
    static func version(_ text: String?) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text), value > 0 else {
            throw WebError.badRequest("เลขฉบับของรายงานไม่ถูกต้อง «\(text)»", "bad version \(text)")
        }
        return value
    }

    static let bangkok = TimeZone(identifier: "Asia/Bangkok") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    /// The civil date in Bangkok at `date`: deadlines are Bangkok days.
    static func civilDate(_ date: Date) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = bangkok
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return CivilDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }

    /// `?year=2567`; nil when absent, a Thai 400 when not a year.
    static func year(_ request: Request) throws -> FiscalYear? {
        guard let text = request.uri.queryParameters.get("year"), !text.isEmpty else { return nil }
        guard let be = Int(text), (2400...2700).contains(be) else {
            throw WebError.badRequest("ปีงบประมาณ \"\(text)\" ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2567)", "bad year \(text)")
        }
        return FiscalYear(be)
    }
}

/// Numbers and dates as the report pages print them.
enum ReportFormat {
    static func number(_ d: Decimal?) -> String? { d.map { ThaiNumberFormat.decimal($0, maxFractionDigits: 2) } }
    static func date(_ d: Date) -> String {
        let day = ReportRequest.civilDate(d)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ReportRequest.bangkok
        let c = calendar.dateComponents([.hour, .minute], from: d)
        let time = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        return "\(ThaiDateFormat.short(day, digits: .arabic)) \(time) น."
    }
    static func day(_ d: CivilDate) -> String { ThaiDateFormat.short(d, digits: .arabic) }
    static func size(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? String(format: "%.1f MB", Double(bytes) / 1_048_576)
            : bytes >= 1024 ? "\(bytes / 1024) KB" : "\(bytes) ไบต์"
    }
}
