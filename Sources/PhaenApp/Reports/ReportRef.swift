import PhaenCore

/// Which report: unit, fiscal year, round and KPI. Built from the raw path segments a person
/// typed or clicked, so an unknown round is a Thai message rather than a crash or a 500.
public struct ReportRef: Hashable, Sendable, CustomStringConvertible {
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var round: ReportingRound
    public var kpiCode: String

    public init(unitCode: String, fiscalYear: FiscalYear, round: ReportingRound, kpiCode: String) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.round = round; self.kpiCode = kpiCode
    }

    /// Parses the round code (m01…m12, q1…q4, h1, ye); anything else is invalid input.
    public init(unitCode: String, fiscalYear: FiscalYear, roundCode: String, kpiCode: String) throws(AppError) {
        self.init(unitCode: unitCode, fiscalYear: fiscalYear, round: try Self.round(roundCode), kpiCode: kpiCode)
    }

    public static func round(_ code: String) throws(AppError) -> ReportingRound {
        guard let round = ReportingRound(code: code) else {
            throw AppError(.invalidInput,
                           th: "ไม่รู้จักรอบการรายงาน «\(code)» (ใช้ m01–m12 รายเดือน, q1–q4 รายไตรมาส, h1 ครึ่งปี หรือ ye ปลายปี)",
                           en: "unknown reporting round \(code)")
        }
        return round
    }

    /// The key of the audit log (`UNIT/YEAR/ROUND/KPI`), as the store writes it.
    public var auditKey: String { "\(unitCode)/\(fiscalYear.be)/\(round.code)/\(kpiCode)" }
    public var description: String { auditKey }

    /// The same "not found" for a report that does not exist and for one the person may not
    /// see, so that a URL never reveals whether another unit has a report.
    var notFound: AppError {
        AppError(.notFound, th: "ไม่พบรายงานตัวชี้วัด \(kpiCode) รอบ\(round.thaiName) ปีงบประมาณ \(fiscalYear.be) ของหน่วยงาน \(unitCode)",
                 en: "no report \(auditKey)")
    }
}
