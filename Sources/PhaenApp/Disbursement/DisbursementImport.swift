import Foundation
import PhaenCore
import PhaenImport

/// One refused row of an import: the row number as the spreadsheet shows it, the column, and
/// a Thai message.
public struct ImportRowError: Codable, Hashable, Sendable {
    public var row: Int
    public var column: String
    public var message: String
    public init(row: Int, column: String, message: String) { self.row = row; self.column = column; self.message = message }
}

/// An import refused as a whole: nothing was written. `file` says why the file itself could
/// not be read; `rows` lists every bad row.
public struct DisbursementImportErrors: Error, Sendable, CustomStringConvertible {
    public var file: String?
    public var rows: [ImportRowError]
    public init(file: String?, rows: [ImportRowError]) { self.file = file; self.rows = rows }
    public var description: String {
        ([file].compactMap { $0 } + rows.map { "แถว \($0.row) \($0.column): \($0.message)" }).joined(separator: "; ")
    }
}

/// Reads a disbursement file — CSV or XLSX, columns unit code, budget type, date, amount and
/// optionally cumulative (สะสม), project id and note — into disbursements of one unit-year,
/// or every row-level problem. A first row naming the columns is recognised (Thai or
/// English) and may put them in any order; without it the order above is assumed.
public enum DisbursementFile {
    public static let maxRows = 5_000

    enum Column: String, CaseIterable {
        case unit, type, date, amount, cumulative, project, note

        var thai: String {
            switch self {
            case .unit: return "รหัสหน่วยงาน"
            case .type: return "ประเภทงบ"
            case .date: return "วันที่"
            case .amount: return "จำนวนเงิน"
            case .cumulative: return "สะสม"
            case .project: return "โครงการ"
            case .note: return "หมายเหตุ"
            }
        }

        var headers: [String] {
            switch self {
            case .unit: return ["รหัสหน่วยงาน", "หน่วยงาน", "รหัส", "unit", "unitcode", "unit_code"]
            case .type: return ["ประเภทงบ", "ประเภทงบรายจ่าย", "ประเภท", "งบ", "type", "budgettype", "budget_type"]
            case .date: return ["วันที่", "วันที่เบิกจ่าย", "ณวันที่", "date"]
            case .amount: return ["จำนวนเงิน", "จำนวนเงิน(บาท)", "ผลการเบิกจ่าย", "เบิกจ่าย", "amount"]
            case .cumulative: return ["สะสม", "ยอดสะสม", "cumulative"]
            case .project: return ["โครงการ", "รหัสโครงการ", "project", "projectid"]
            case .note: return ["หมายเหตุ", "note"]
            }
        }
    }

    static func normalise(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: " ", with: "")
    }

    static func letter(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(65 + r)!) + s; n = (n - 1) / 26 }
        return s
    }

    /// Parses the rows. `projectIDs` are the plan's projects (a named project must be one);
    /// `unitCode`/`fiscalYear` are the page's: every row must be that unit and dated in that year.
    public static func parse(data: Data, fileName: String, unitCode: String, fiscalYear: FiscalYear,
                             projectIDs: Set<String>) throws(DisbursementImportErrors) -> [(row: Int, disbursement: Disbursement)] {
        let rows: [[String]]
        do {
            rows = try TabularFile.rows(data: data, fileName: fileName)
        } catch let error as TabularFileError {
            throw DisbursementImportErrors(file: error.message, rows: [])
        } catch {
            throw DisbursementImportErrors(file: "อ่านไฟล์ไม่ได้ (\(error))", rows: [])
        }
        var columns: [Column: Int] = [:]
        var first = rows.firstIndex { !$0.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } } ?? rows.count
        if first < rows.count {
            var found: [Column: Int] = [:]
            for (i, cell) in rows[first].enumerated() {
                let name = normalise(cell)
                if let column = Column.allCases.first(where: { $0.headers.contains(name) }), found[column] == nil { found[column] = i }
            }
            if found.count >= 2 {
                columns = found
                first += 1
            }
        }
        if columns.isEmpty {
            for (i, column) in Column.allCases.enumerated() { columns[column] = i }
        }
        let headerErrors = [Column.unit, .type, .date, .amount].filter { columns[$0] == nil }
        guard headerErrors.isEmpty else {
            throw DisbursementImportErrors(file: "ไม่พบคอลัมน์ " + headerErrors.map(\.thai).joined(separator: ", ")
                + " ในแถวหัวตาราง (ต้องมี รหัสหน่วยงาน, ประเภทงบ, วันที่, จำนวนเงิน)", rows: [])
        }
        var errors: [ImportRowError] = []
        var out: [(row: Int, disbursement: Disbursement)] = []
        let dataRows = first < rows.count ? Array(rows[first...].enumerated()) : []
        let nonEmpty = dataRows.filter { !$0.element.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard !nonEmpty.isEmpty else { throw DisbursementImportErrors(file: "ไม่มีรายการเบิกจ่ายในไฟล์", rows: []) }
        guard nonEmpty.count <= maxRows else {
            throw DisbursementImportErrors(file: "ไฟล์มี \(nonEmpty.count) รายการ เกินกว่าที่นำเข้าได้ครั้งละ \(maxRows) รายการ", rows: [])
        }
        for (offset, cells) in nonEmpty {
            let rowNumber = first + offset + 1
            func cell(_ c: Column) -> String {
                guard let i = columns[c], i < cells.count else { return "" }
                return cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            func fail(_ c: Column, _ message: String) {
                errors.append(ImportRowError(row: rowNumber, column: "\(c.thai) (คอลัมน์ \(letter(columns[c] ?? 0)))", message: message))
            }
            let unit = ThaiDigits.toArabic(cell(.unit))
            if unit.isEmpty { fail(.unit, "ไม่มีรหัสหน่วยงาน") }
            else if unit != unitCode { fail(.unit, "รหัสหน่วยงาน \(unit) ไม่ใช่หน่วยงานที่กำลังนำเข้า (\(unitCode))") }
            var type: BudgetType?, date: CivilDate?, amount: Money?
            switch BudgetInput.type(cell(.type)) { case .success(let t): type = t; case .failure(let p): fail(.type, p.message) }
            switch BudgetInput.date(cell(.date)) {
            case .success(let d):
                if let problem = DisbursementCheck.dateProblems(d, fiscalYear).first { fail(.date, problem.message) } else { date = d }
            case .failure(let p): fail(.date, p.message)
            }
            switch BudgetInput.amount(cell(.amount)) {
            case .success(let m): if m.isNegative { fail(.amount, "จำนวนเงินต้องไม่ติดลบ") } else { amount = m }
            case .failure(let p): fail(.amount, p.message)
            }
            let project = cell(.project)
            if !project.isEmpty, !projectIDs.contains(project) { fail(.project, "ไม่พบโครงการรหัส \(project) ในแผนปฏิบัติราชการปีนี้") }
            guard let type, let date, let amount, unit == unitCode, project.isEmpty || projectIDs.contains(project) else { continue }
            let cumulative = BudgetForm(kind: "disbursement", cumulative: cell(.cumulative)).isCumulative
            let note = cell(.note)
            out.append((rowNumber, Disbursement(unitCode: unitCode, fiscalYear: fiscalYear, type: type, date: date, amount: amount,
                                                cumulative: cumulative, projectID: project.isEmpty ? nil : project,
                                                note: note.isEmpty ? nil : note)))
        }
        if !errors.isEmpty { throw DisbursementImportErrors(file: nil, rows: errors) }
        return out
    }

    /// The first row (in file order) after which the records stop adding up — more disbursed
    /// than allocated — reported on its amount. The whole file is checked once; only when it
    /// fails is the first failing prefix searched for (by halves: a few more checks, not one
    /// per row).
    public static func consistencyErrors(_ parsed: [(row: Int, disbursement: Disbursement)], records: BudgetRecords) -> [ImportRowError] {
        func failing(_ count: Int) -> DisbursementProblem? {
            var r = records
            r.disbursements += parsed.prefix(count).map(\.disbursement)
            return DisbursementCheck.consistency(r).first
        }
        guard failing(parsed.count) != nil else { return [] }
        if let stored = failing(0) {
            // What is already stored does not add up (recorded before a check existed): say so
            // rather than blame the first row.
            return [ImportRowError(row: parsed.first?.row ?? 1, column: Column.amount.thai,
                                   message: "ข้อมูลที่บันทึกไว้แล้วไม่สอดคล้องกัน: " + stored.message)]
        }
        var low = 0, high = parsed.count  // failing(high) holds; look for the smallest such count
        while high - low > 1 {
            let mid = (low + high) / 2
            if failing(mid) != nil { high = mid } else { low = mid }
        }
        let problem = failing(high)!
        return [ImportRowError(row: parsed[high - 1].row, column: Column.amount.thai, message: problem.message)]
    }
}
