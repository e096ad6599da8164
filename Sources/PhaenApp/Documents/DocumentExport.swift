import Foundation
import PhaenCore
import PhaenDocs

/// Use case: one official document as a file — the plan book, the agreement, the report forms
/// (the half-year progress report for round h1) or the city score table — as DOCX, PDF or
/// XLSX, with its file name and MIME type. The shell and the web share it.
///
/// Access: the caller passes the planning data *as the person may see it* — the web its
/// `ScopedData`, the shell the whole store (the shell's user owns the database). Access is
/// therefore applied at the query, exactly as for pages: a unit the person may not see does
/// not exist here (`AppError.notFound` → 404), and drafts the person may not read are absent
/// from the reports and the scores.
public struct DocumentExport: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case plan, agreement, report, city, directives

        public var thaiName: String {
            switch self {
            case .plan: "แผนปฏิบัติการประจำปี"
            case .agreement: "คำรับรองการปฏิบัติราชการ"
            case .report: "แบบรายงานผล"
            case .city: "ผลคะแนนทุกหน่วยงาน"
            case .directives: "ตารางสถานะข้อสั่งการ"
            }
        }

        /// The formats a kind comes in. Every kind prints as DOCX and PDF; the XLSX is the
        /// kind's tables (the report's is its disbursement table).
        public var formats: [DocumentFormat] { self == .directives ? [.xlsx] : [.docx, .pdf, .xlsx] }

        /// Kinds of the whole city (or of every unit the person sees): no unit code.
        public var needsUnit: Bool { self != .city && self != .directives }
    }

    public struct Request: Sendable {
        public var kind: Kind
        /// nil only for `.city` and `.directives`.
        public var unitCode: String?
        public var year: FiscalYear
        /// Reports only; nil means the latest round reported.
        public var round: ReportingRound?
        public var format: DocumentFormat
        /// nil: the digits the source document used (Thai for the FY2567 district plan).
        public var digits: NumeralStyle?
        /// The disbursement table's date (report XLSX); nil: the latest record.
        public var asOf: CivilDate?

        public init(kind: Kind, unitCode: String?, year: FiscalYear, round: ReportingRound? = nil,
                    format: DocumentFormat, digits: NumeralStyle? = nil) {
            self.kind = kind; self.unitCode = unitCode; self.year = year; self.round = round
            self.format = format; self.digits = digits
        }
    }

    public struct File: Sendable {
        public var data: Data
        /// A Thai name for the user ("แผนปฏิบัติการประจำปี-1022-2567.docx").
        public var fileName: String
        /// An ASCII name for clients that cannot take the Thai one ("phaen-plan-1022-2567.docx").
        public var asciiFileName: String
        public var mimeType: String
    }

    /// The formats, named here so front ends need not import the writers' module.
    public typealias Format = DocumentFormat

    /// The PDF could not be printed (Chromium missing, failed or too slow); the DOCX of the
    /// same document still works, and the message says so in Thai.
    public struct PDFUnavailable: Error, Sendable {
        public var messageTH: String
        public var missingChromium: Bool
    }

    public let data: any PlanningData
    public let pdfPrinter: PDFPrinter

    public init(data: any PlanningData, pdfPrinter: PDFPrinter = PDFPrinter()) {
        self.data = data; self.pdfPrinter = pdfPrinter
    }

    /// `chromium` names the program that prints PDFs; nil finds it when printing.
    public init(data: any PlanningData, chromium: String?) {
        self.init(data: data, pdfPrinter: PDFPrinter(chromium: chromium))
    }

    /// The document as a neutral `Document` (DOCX and PDF print it).
    public func document(_ request: Request, progress: (@Sendable (Int, Int, String) -> Void)? = nil) async throws -> Document {
        switch request.kind {
        case .directives:
            throw AppError(.invalidInput, th: "ตารางสถานะข้อสั่งการมีเฉพาะรูปแบบ Excel (xlsx) ไม่มี Word หรือ PDF",
                           en: "the directive status table comes as xlsx only")
        case .plan:
            return try await PlanBookBuilder(data: data).build(unitCode: try unit(request), year: request.year, digits: request.digits)
        case .agreement:
            return try await AgreementDocumentBuilder(data: data).build(unitCode: try unit(request), year: request.year, digits: request.digits)
        case .report:
            return try await ReportFormsBuilder(data: data).build(unitCode: try unit(request), year: request.year,
                                                                  round: request.round, digits: request.digits)
        case .city:
            return try await CityTableDocumentBuilder(data: data).build(year: request.year, digits: request.digits, progress: progress)
        }
    }

    public func export(_ request: Request, progress: (@Sendable (Int, Int, String) -> Void)? = nil) async throws -> File {
        let bytes: Data
        switch request.format {
        case .docx:
            bytes = try DocxWriter().write(try await document(request, progress: progress))
        case .pdf:
            let document = try await document(request, progress: progress)
            do {
                bytes = try await pdfPrinter.print(document)
            } catch let error as PDFPrintError {
                throw PDFUnavailable(messageTH: error.errorDescription ?? "สร้าง PDF ไม่สำเร็จ", missingChromium: error == .chromiumMissing)
            }
        case .xlsx:
            bytes = try XlsxWriter().write(try await workbook(request))
        }
        return File(data: bytes, fileName: Self.fileName(request, thai: true), asciiFileName: Self.fileName(request, thai: false),
                    mimeType: request.format.mimeType)
    }

    func workbook(_ request: Request) async throws -> Workbook {
        let sheets = SpreadsheetExports(data: data)
        let digits = request.digits ?? .arabic
        switch request.kind {
        case .plan: return try await sheets.plan(unitCode: try unit(request), fiscalYear: request.year, digits: digits)
        case .agreement: return try await sheets.agreement(unitCode: try unit(request), fiscalYear: request.year, digits: digits)
        case .report: return try await sheets.disbursement(unitCode: try unit(request), fiscalYear: request.year,
                                                           asOf: request.asOf, digits: digits)
        case .city: return try await sheets.city(fiscalYear: request.year, digits: digits)
        case .directives: return try await sheets.directives(fiscalYear: request.year, digits: digits)
        }
    }

    private func unit(_ request: Request) throws -> String {
        guard let code = request.unitCode, !code.isEmpty else {
            throw AppError(.invalidInput, th: "ต้องระบุรหัสหน่วยงาน (--unit) สำหรับเอกสาร\(request.kind.thaiName)",
                           en: "a unit code is required for \(request.kind.rawValue)")
        }
        return code
    }

    /// "แผนปฏิบัติการประจำปี-1022-2567.docx" / "phaen-plan-1022-2567.docx"; reports add the round.
    public static func fileName(_ request: Request, thai: Bool) -> String {
        var parts = [thai ? request.kind.thaiName.replacingOccurrences(of: " ", with: "") : "phaen-\(request.kind.rawValue)"]
        if request.kind.needsUnit, let unit = request.unitCode { parts.append(unit) }
        parts.append(String(request.year.be))
        if request.kind == .report, let round = request.round { parts.append(round.code) }
        return parts.joined(separator: "-") + "." + request.format.fileExtension
    }
}
