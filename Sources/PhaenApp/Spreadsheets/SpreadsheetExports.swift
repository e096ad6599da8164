import Foundation
import PhaenCore
import PhaenDocs

/// Use case: the Excel tables of issue 4 — a plan's project and budget lists, an agreement's
/// KPI table, the city score table and a unit's disbursement table — as neutral `Workbook`s
/// for `XlsxWriter`. Every figure is computed from the data (totals are SUM formulas whose
/// cached value the builder computed); a figure the source printed differently is shown
/// restated with a note saying what was printed. Reads through `PlanningData`, so the web
/// passes the person's scoped data and the command line the store.
public struct SpreadsheetExports: Sendable {
    public let data: any PlanningData
    public init(data: any PlanningData) { self.data = data }

    /// One sheet per printed list of the plan (Part 1, Part 2, the routine catalogue, tables
    /// ก ข ง …), with subtotals per group and a grand total.
    public func plan(unitCode: String, fiscalYear: FiscalYear, digits: NumeralStyle = .arabic) async throws -> Workbook {
        let unit = try await requireUnit(unitCode)
        guard let plan = try await data.plan(unitCode: unitCode, fiscalYear: fiscalYear) else {
            throw AppError(.notFound, th: "หน่วยงาน \(unitCode) ไม่มีแผนปฏิบัติการปีงบประมาณ \(fiscalYear)",
                           en: "unit \(unitCode) has no action plan for fiscal year \(fiscalYear)")
        }
        guard !plan.lists.isEmpty else {
            throw AppError(.notFound, th: "แผนปฏิบัติการของหน่วยงาน \(unitCode) ปีงบประมาณ \(fiscalYear) ไม่มีบัญชีโครงการ",
                           en: "the plan of unit \(unitCode) for fiscal year \(fiscalYear) has no project lists")
        }
        return PlanListSheets.workbook(plan: plan, unit: unit, digits: digits)
    }

    /// The agreement's KPI table (table ค): KPI, weight, baseline, target, criteria 1–5.
    public func agreement(unitCode: String, fiscalYear: FiscalYear, digits: NumeralStyle = .arabic) async throws -> Workbook {
        let unit = try await requireUnit(unitCode)
        guard let agreement = try await data.agreement(unitCode: unitCode, fiscalYear: fiscalYear) else {
            throw AppError(.notFound, th: "หน่วยงาน \(unitCode) ไม่มีคำรับรองการปฏิบัติราชการปีงบประมาณ \(fiscalYear)",
                           en: "unit \(unitCode) has no agreement for fiscal year \(fiscalYear)")
        }
        return AgreementSheets.workbook(agreement: agreement, unit: unit, digits: digits)
    }

    /// Every unit (that the data shows) with an agreement for the year, scored from its
    /// latest reports: units as rows, one column per component, the total as a SUM across.
    public func city(fiscalYear: FiscalYear, digits: NumeralStyle = .arabic) async throws -> Workbook {
        let agreements = try await data.agreements().filter { $0.fiscalYear == fiscalYear }
        var rows: [CityTableRow] = []
        // The same use case as the score page, so the file and the page agree figure for figure.
        let score = ScoreUnitYear(data: data)
        for agreement in agreements {
            guard let unit = try await data.unit(code: agreement.unitCode) else { continue }
            rows.append(CityTableRow(unit: unit, card: try await score(unitCode: unit.code, fiscalYear: fiscalYear)))
        }
        guard !rows.isEmpty else {
            throw AppError(.notFound, th: "ไม่มีคำรับรองการปฏิบัติราชการของหน่วยงานใดในปีงบประมาณ \(fiscalYear)",
                           en: "no agreement for fiscal year \(fiscalYear)")
        }
        return CityScoreSheets.workbook(rows: rows.sorted { $0.unit.code < $1.unit.code }, fiscalYear: fiscalYear, digits: digits)
    }

    /// The unit's disbursement table: allocation after transfers, disbursed and percent per
    /// budget type; the total percent is Σ disbursed / Σ allocated. When the unit-year has
    /// allocations recorded, the table is the one the disbursement page computes from the
    /// records (`BudgetRecords.table(asOf:)`), as of `asOf` or else the latest dated record;
    /// otherwise the dataset's stated tables (one sheet per as-of date).
    public func disbursement(unitCode: String, fiscalYear: FiscalYear, asOf: CivilDate? = nil,
                             digits: NumeralStyle = .arabic) async throws -> Workbook {
        let unit = try await requireUnit(unitCode)
        let records = try await data.budgetRecordsIfAny(unitCode: unitCode, fiscalYear: fiscalYear)
        if !records.allocations.isEmpty {
            let date = DisbursementTracking.clamp(asOf ?? Self.latestRecordDate(records), to: fiscalYear)
            return Self.disbursement(table: records.table(asOf: date), asOf: date, unit: unit, fiscalYear: fiscalYear, digits: digits)
        }
        let tables = try await data.disbursementTables(unitCode: unitCode, fiscalYear: fiscalYear)
        guard !tables.isEmpty else {
            throw AppError(.notFound, th: "หน่วยงาน \(unitCode) ไม่มีตารางการเบิกจ่ายงบประมาณปีงบประมาณ \(fiscalYear)",
                           en: "unit \(unitCode) has no disbursement table for fiscal year \(fiscalYear)")
        }
        return DisbursementSheets.workbook(tables: tables, unit: unit, fiscalYear: fiscalYear, digits: digits)
    }

    /// The disbursement table computed from a unit's budget records (allocations, transfers,
    /// payments) as of a date — for callers that already hold `DisbursementMath.table(…)`.
    public static func disbursement(table: DisbursementMath.Table, asOf: CivilDate, unit: PhaenCore.Unit,
                                    fiscalYear: FiscalYear, digits: NumeralStyle = .arabic) -> Workbook {
        DisbursementSheets.workbook(inputs: [.init(table, asOf: asOf)], unit: unit, fiscalYear: fiscalYear, digits: digits)
    }

    /// The date of the latest payment or transfer in the year; the start of the year when
    /// only allocations (which carry no date) are recorded.
    static func latestRecordDate(_ records: BudgetRecords) -> CivilDate {
        let dates = records.disbursements.map(\.date) + records.transfers.map(\.date)
        return dates.filter { records.fiscalYear.contains($0) }.max() ?? records.fiscalYear.start
    }

    private func requireUnit(_ code: String) async throws -> PhaenCore.Unit {
        guard let unit = try await data.unit(code: code) else { throw AppError.unitNotFound(code) }
        return unit
    }
}

/// Small helpers the sheet builders share.
enum SheetText {
    /// An amount as a number cell: whole baht shown without satang, as the documents print.
    static func amountCell(_ money: Money, wholeBaht: Bool, restated: Bool = false) -> SheetCell {
        SheetCell(.number(money.decimal, wholeBaht ? .integer : .twoDecimals), restated: restated)
    }

    /// A note of the builder's own (digits follow the sheet).
    static func note(_ text: String) -> SheetCell { SheetCell(text: text, localized: true) }

    /// "เอกสารต้นฉบับพิมพ์ยอดรวมสูงกว่านี้ 40,000 บาท": marks a total Phaen computed differently
    /// from the source. It names the difference, not the printed figure, so a wrong total is
    /// never reproduced anywhere in an export (issue 4).
    static func printedTotalNote(differenceFromComputed difference: Money) -> SheetCell {
        let direction = difference > .zero ? "สูงกว่า" : "ต่ำกว่า"
        let size = difference > .zero ? difference : .zero - difference
        return note("เอกสารต้นฉบับพิมพ์ยอดรวม\(direction)นี้ " + ThaiNumberFormat.amount(size) + " บาท")
    }

    /// Names unique within the workbook: a repeated name gets " (2)", " (3)" within 31 units.
    static func uniqueNames(_ sheets: [Sheet]) -> [Sheet] {
        var used = Set<String>()
        return sheets.map { sheet in
            var sheet = sheet, n = 1
            let base = sheet.name
            while used.contains(sheet.name.lowercased()) {
                n += 1
                let suffix = " (\(n))"
                sheet.rename(Sheet.safeName(String(base.prefix(Sheet.maxNameLength - suffix.count))) + suffix)
            }
            used.insert(sheet.name.lowercased())
            return sheet
        }
    }
}
