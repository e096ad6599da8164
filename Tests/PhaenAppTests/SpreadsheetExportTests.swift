import Foundation
import Testing
import PhaenCore
import PhaenDocs
import PhaenImport
@testable import PhaenApp

/// The Excel tables built from the demo dataset: figures computed (Phasi Charoen Part 2 is
/// 35,254,295, the printed 35,294,295 nowhere; the note gives the difference), every SUM's cached value equal to
/// the sum of the cells it names, the city table with one column per component. When
/// `PHAEN_DOC_OUT` names a directory the files are also written there for
/// Tests/documents/test_xlsx.py (openpyxl) to read back independently.
@Suite struct SpreadsheetExportTests {
    static let data = InMemoryData(try! DemoDataset.load())
    static var exports: SpreadsheetExports { SpreadsheetExports(data: data) }

    static func sheet(_ workbook: Workbook, _ name: String) throws -> Sheet {
        try #require(workbook.sheets.first { $0.name == name }, "no sheet \(name) in \(workbook.sheets.map(\.name))")
    }

    static func texts(_ sheet: Sheet) -> [String] {
        sheet.rows.flatMap(\.cells).compactMap { if case .text(let t) = $0.value { return t } else { return nil } }
    }

    @Test("plan 1022/2567: one sheet per printed list; Part 2 totals 35,254,295, the printed figure nowhere")
    func plan() async throws {
        let workbook = try await Self.exports.plan(unitCode: "1022", fiscalYear: FiscalYear(2567))
        #expect(workbook.sheets.map(\.name) == ["ส่วนที่ 1 รายละเอียด", "ส่วนที่ 1 สรุปงบประมาณ", "ส่วนที่ 2 รายละเอียด",
                                                "ส่วนที่ 2 สรุปงบประมาณ", "ส่วนที่ 3 สรุปงบประมาณ", "ตาราง ก", "ตาราง ข", "ตาราง ง"])
        let part2 = try Self.sheet(workbook, "ส่วนที่ 2 สรุปงบประมาณ")
        let total = try #require(part2.rows.last { $0.kind == .total })
        guard case .formula(let formula, let cached, _) = total.cells[2].value else { Issue.record("no total formula"); return }
        #expect(cached == 35_254_295)
        // The 21 numeric rows; the rows printing "-" in between are not named.
        #expect(formula == "SUM(C11:C16,C26:C40)")
        #expect(total.cells[2].restated)
        #expect(!Self.texts(part2).contains { $0.contains("35,294,295") })
        #expect(Self.texts(part2).contains("เอกสารต้นฉบับพิมพ์ยอดรวมสูงกว่านี้ 40,000 บาท"))
        #expect(!part2.rows.flatMap(\.cells).contains { cell in
            if case .number(let d, _) = cell.value { return d == 35_294_295 }
            if case .formula(_, let d, _) = cell.value { return d == 35_294_295 }
            return false
        })
        #expect(Self.texts(part2).contains("จำนวน 39 รายการ (เอกสารต้นฉบับระบุ 38 รายการ)"))
        #expect(Self.texts(part2).contains("ลำดับที่พิมพ์ซ้ำในเอกสารต้นฉบับ: 12"))
        #expect(part2.frozenRows == 4)
        // Part 3 is grouped by section and work line: a subtotal per group, the total over them.
        let part3 = try Self.sheet(workbook, "ส่วนที่ 3 สรุปงบประมาณ")
        #expect(part3.rows.filter { $0.kind == .subtotal }.count == part3.rows.filter { $0.kind == .group }.count)
        for sheet in workbook.sheets { #expect(FormulaCheck.mismatches(sheet) == [], "\(sheet.name)") }
        _ = try XlsxWriter().write(workbook)
    }

    @Test("Thai digits: the sheet asks the writer for Thai number formats; the number stays a number")
    func thaiDigits() async throws {
        let workbook = try await Self.exports.plan(unitCode: "1022", fiscalYear: FiscalYear(2567), digits: .thai)
        let part2 = try Self.sheet(workbook, "ส่วนที่ ๒ สรุปงบประมาณ")
        #expect(part2.digits == .thai)
        let total = try #require(part2.rows.last { $0.kind == .total })
        guard case .formula(_, let cached, _) = total.cells[2].value else { Issue.record("no total formula"); return }
        #expect(cached == 35_254_295)
    }

    @Test("agreement 1022/2567: KPI rows with weights summed by SUM, criteria levels 1–5")
    func agreement() async throws {
        let workbook = try await Self.exports.agreement(unitCode: "1022", fiscalYear: FiscalYear(2567))
        let sheet = try #require(workbook.sheets.first)
        let kpis = sheet.rows.filter { $0.kind == .normal }
        #expect(kpis.count == 6)
        #expect(sheet.columns.map(\.header) == ["ตัวชี้วัดที่", "ตัวชี้วัด", "น้ำหนัก (ร้อยละ)", "ค่าฐาน", "ค่าเป้าหมาย",
                                                "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5", "หมายเหตุ"])
        let traffy = try #require(kpis.first { $0.cells[0].value == .text("1.2") })
        #expect(traffy.cells[2].value == .number(20, .twoDecimals))
        #expect((5...9).allSatisfy { if case .text(let t) = traffy.cells[$0].value { !t.isEmpty } else { false } })
        let total = try #require(sheet.rows.last { $0.kind == .total })
        guard case .formula(let formula, let cached, _) = total.cells[2].value else { Issue.record("no total formula"); return }
        #expect(cached == 70 && formula.hasPrefix("SUM("))
        // The demo agreement carries component 1 only: its weights cannot reach 100, and the file says so.
        #expect(Self.texts(sheet).contains("น้ำหนักรวมต้องเท่ากับ 100"))
        #expect(FormulaCheck.mismatches(sheet) == [])
    }

    @Test("disbursement 4001/2567: row percents and the total percent of the totals (32.30 %)")
    func disbursement() async throws {
        let workbook = try await Self.exports.disbursement(unitCode: "4001", fiscalYear: FiscalYear(2567))
        let sheet = try #require(workbook.sheets.first)
        #expect(sheet.name == "เบิกจ่าย ณ 31 มี.ค. 67")
        let total = try #require(sheet.rows.last { $0.kind == .total })
        guard case .formula(_, let allocated, _) = total.cells[1].value, case .formula(_, let disbursed, _) = total.cells[2].value,
              case .formula(let ratio, let percent, let format) = total.cells[3].value else { Issue.record("no totals"); return }
        #expect(allocated == 13_503_069 && disbursed == Decimal(string: "4361269.47"))
        #expect(Scorer.rounded(percent * 100, 2) == Decimal(string: "32.3") && format == .percent)
        #expect(ratio == "IF(B7=0,0,C7/B7)")
        // The mean of the row percents (33.55, 25.60, 0) would be 19.72 %: not what the file says.
        #expect(Scorer.rounded(percent * 100, 2) != Decimal(string: "19.72"))
        #expect(!total.cells[3].restated)
        #expect(FormulaCheck.mismatches(sheet) == [])
    }

    @Test("disbursement from the budget records: the same table computed from allocations and payments")
    func disbursementFromRecords() async throws {
        let dataset = try DemoDataset.load(), fy = FiscalYear(2567), asOf = CivilDate(year: 2024, month: 3, day: 31)
        let table = DisbursementMath.table(allocations: dataset.allocations.filter { $0.unitCode == "4001" && $0.fiscalYear == fy },
                                           disbursements: dataset.disbursements.filter { $0.unitCode == "4001" && $0.fiscalYear == fy },
                                           asOf: asOf)
        let unit = try #require(dataset.units.first { $0.code == "4001" })
        let sheet = try #require(SpreadsheetExports.disbursement(table: table, asOf: asOf, unit: unit, fiscalYear: fy).sheets.first)
        let total = try #require(sheet.rows.last { $0.kind == .total })
        guard case .formula(_, let allocated, _) = total.cells[1].value, case .formula(_, let percent, _) = total.cells[3].value
        else { Issue.record("no totals"); return }
        #expect(allocated == table.totalAllocated.decimal && percent == table.totalPercent / 100)
        #expect(sheet.rows.filter { $0.kind == .normal }.count == table.rows.count)
        #expect(FormulaCheck.mismatches(sheet) == [])
    }

    @Test("the unit's disbursement workbook follows what is recorded: a new payment moves the total and its percent")
    func disbursementRecorded() async throws {
        try await ReportsFixture.with { f in
            let fy = ReportsFixture.year, unit = ReportsFixture.unit
            try await DisbursementTracking(store: f.store).record(
                person: f.reporter, unit: unit, year: fy,
                form: BudgetForm(kind: "disbursement", type: "งบดำเนินงาน", date: "30/4/2567", amount: "1,000,000"), now: ReportsFixture.now)
            let exports = SpreadsheetExports(data: f.store)
            func totals(_ workbook: Workbook) throws -> (Sheet, Decimal, Decimal) {
                let sheet = try #require(workbook.sheets.first)
                #expect(workbook.sheets.count == 1 && FormulaCheck.mismatches(sheet) == [])
                let total = try #require(sheet.rows.last { $0.kind == .total })
                guard case .formula(_, let disbursed, _) = total.cells[2].value, case .formula(_, let percent, .percent) = total.cells[3].value
                else { Issue.record("no totals"); return (sheet, 0, 0) }
                return (sheet, disbursed, percent)
            }
            // As of the latest record (30 Apr): 6,091,400 + 1,000,000 of 13,803,500.
            let (latest, disbursed, percent) = try totals(try await exports.disbursement(unitCode: unit, fiscalYear: fy))
            #expect(latest.name == "เบิกจ่าย ณ 30 เม.ย. 67")
            #expect(disbursed == 7_091_400)
            #expect(percent == Decimal(7_091_400) / Decimal(13_803_500) && Scorer.rounded(percent * 100, 2) == Decimal(string: "51.37"))
            // As of a date given: the payment of April is not yet in.
            let (march, before, _) = try totals(try await exports.disbursement(unitCode: unit, fiscalYear: fy,
                                                                               asOf: CivilDate(year: 2024, month: 3, day: 31)))
            #expect(march.name == "เบิกจ่าย ณ 31 มี.ค. 67" && before == 6_091_400)
        }
    }

    @Test("sheet names stay unique within a workbook and within Excel's 31 units")
    func uniqueSheetNames() {
        let long = String(repeating: "ก", count: 31)
        let names = SheetText.uniqueNames([Sheet(name: "ตาราง ก", columns: []), Sheet(name: "ตาราง ก", columns: []),
                                           Sheet(name: long, columns: []), Sheet(name: long, columns: [])]).map(\.name)
        #expect(names[0] == "ตาราง ก" && names[1] == "ตาราง ก (2)")
        #expect(names[2] == long && names[3] == String(repeating: "ก", count: 27) + " (2)")
        #expect(names.allSatisfy { $0.utf16.count <= Sheet.maxNameLength })
    }

    @Test("a unit without the record asked for is a clear Thai error")
    func missing() async throws {
        await #expect(throws: AppError.self) { try await Self.exports.plan(unitCode: "9999", fiscalYear: FiscalYear(2567)) }
        do {
            // FY2560: neither recorded allocations nor a stated table.
            _ = try await Self.exports.disbursement(unitCode: "1022", fiscalYear: FiscalYear(2560))
            Issue.record("expected an error")
        } catch let error as AppError {
            #expect(error.kind == .notFound && error.messageTH.contains("ไม่มีตารางการเบิกจ่าย"))
        }
    }

    @Test("city table 2567 from the store: units × components, the total a SUM across, scored from the latest report")
    func city() async throws {
        try await ReportsFixture.with { f in
            _ = try await f.entry.save(person: f.reporter, ref: f.ref(), form: ReportForm(value: "72"), expectedVersion: nil,
                                       now: ReportsFixture.now)
            let workbook = try await SpreadsheetExports(data: f.store).city(fiscalYear: ReportsFixture.year)
            let summary = try Self.sheet(workbook, "คะแนนรายหน่วยงาน")
            #expect(summary.frozenRows == 3 && summary.frozenColumns == 2)
            #expect(summary.columns.compactMap(\.header).last == "คะแนนรวม")
            let unit = try #require(summary.rows.first { $0.cells.first?.value == .text("1022") })
            guard case .formula(let formula, let cached, _) = unit.cells.last?.value else { Issue.record("no total"); return }
            #expect(formula == "SUM(D4:D4)" && cached == 16)
            #expect(FormulaCheck.mismatches(summary) == [])
            let detail = try Self.sheet(workbook, "รายตัวชี้วัด")
            #expect(detail.rows.filter { $0.kind == .normal }.count == 6)
            await Self.writeForReader(workbook, "city-2567.xlsx")
        }
    }

    @Test("city table of 100 units: one row each, every total a SUM of its own row")
    func cityOfHundred() async throws {
        let data = try Self.hundredUnits()
        let start = Date()
        let workbook = try await SpreadsheetExports(data: data).city(fiscalYear: FiscalYear(2567))
        let built = Date()
        let summary = try Self.sheet(workbook, "คะแนนรายหน่วยงาน")
        #expect(summary.rows.filter { $0.kind == .normal }.count == 100)
        #expect(FormulaCheck.mismatches(summary) == [])
        let writeStart = Date()
        let bytes = try XlsxWriter().write(workbook)
        let written = Date()
        if ProcessInfo.processInfo.environment["PHAEN_BENCH"] != nil {
            print("city table, 100 units × \(summary.columns.count - 4) components, \(workbook.sheets[1].rows.count - 1) KPI rows: "
                  + String(format: "scored and built in %.3f s, ", built.timeIntervalSince(start))
                  + String(format: "XLSX of %d bytes written in %.3f s", bytes.count, written.timeIntervalSince(writeStart)))
        }
        #expect(bytes.count > 0)
    }

    @Test("the files for the independent reader (written only when PHAEN_DOC_OUT is set)")
    func filesForReader() async throws {
        let fy = FiscalYear(2567)
        await Self.writeForReader(try await Self.exports.plan(unitCode: "1022", fiscalYear: fy), "plan-1022-2567.xlsx")
        await Self.writeForReader(try await Self.exports.plan(unitCode: "1022", fiscalYear: fy, digits: .thai), "plan-1022-2567-thai.xlsx")
        await Self.writeForReader(try await Self.exports.agreement(unitCode: "1022", fiscalYear: fy), "agreement-1022-2567.xlsx")
        await Self.writeForReader(try await Self.exports.disbursement(unitCode: "4001", fiscalYear: fy), "disbursement-4001-2567.xlsx")
    }

    static func writeForReader(_ workbook: Workbook, _ name: String) async {
        guard let directory = ProcessInfo.processInfo.environment["PHAEN_DOC_OUT"], !directory.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try XlsxWriter().write(workbook).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        } catch {
            Issue.record("could not write \(name) to \(directory): \(error)")
        }
    }

    /// The demo dataset with 99 more units signing the Phasi Charoen agreement (its component
    /// repeated as components 1–4, as a full FY2567 agreement has four), each with a Traffy
    /// result of its own, so the city table has the size of the BMA.
    static func hundredUnits() throws -> InMemoryData {
        var dataset = try DemoDataset.load()
        var template = try #require(dataset.agreements.first { $0.unitCode == "1022" && $0.fiscalYear == FiscalYear(2567) })
        template.components = (1...4).map { n in
            var c = template.components[0]; c.number = String(n); c.name += " \(n)"; return c
        }
        let unit = try #require(dataset.units.first { $0.code == "1022" })
        let report = try #require(dataset.reports.first { $0.fiscalYear == FiscalYear(2567) })
        for i in 1...99 {
            var u = unit, a = template, r = report
            u.code = "9\(String(format: "%03d", i))"; u.nameTH = "หน่วยงานทดสอบ \(i)"
            a.unitCode = u.code
            r.unitCode = u.code; r.kpiCode = "1.2"; r.value = Decimal(55 + i % 25)
            dataset.units.append(u); dataset.agreements.append(a); dataset.reports.append(r)
        }
        return InMemoryData(dataset)
    }
}

/// Evaluates the formulas a builder writes (SUM over cells and ranges, the IF ratio) from
/// the sheet's own cells and returns each formula whose cached value differs.
enum FormulaCheck {
    static func mismatches(_ sheet: Sheet) -> [String] {
        var values: [String: Decimal] = [:]
        for (r, row) in sheet.rows.enumerated() {
            for (c, cell) in row.cells.enumerated() {
                let ref = CellRef(row: r + 1, column: c + 1).description
                switch cell.value {
                case .number(let d, _), .percent(let d), .formula(_, let d, _): values[ref] = d
                case .money(let m): values[ref] = m.decimal
                case .integer(let i): values[ref] = Decimal(i)
                case .text, .empty: break
                }
            }
        }
        var problems: [String] = []
        for (r, row) in sheet.rows.enumerated() {
            for (c, cell) in row.cells.enumerated() {
                guard case .formula(let f, let cached, _) = cell.value else { continue }
                let at = CellRef(row: r + 1, column: c + 1)
                guard let value = evaluate(f, values) else { problems.append("\(at): cannot evaluate \(f)"); continue }
                // A ratio may differ in the 38th digit by the order of division; sums are exact.
                let tolerance: Decimal = f.hasPrefix("IF(") ? Decimal(string: "1e-25")! : 0
                if abs(value - cached) > tolerance { problems.append("\(at): \(f) = \(value), cached \(cached)") }
            }
        }
        return problems
    }

    static func evaluate(_ formula: String, _ values: [String: Decimal]) -> Decimal? {
        if formula == "0" { return 0 }
        if formula.hasPrefix("SUM("), formula.hasSuffix(")") {
            var total: Decimal = 0
            for part in formula.dropFirst(4).dropLast().split(separator: ",") {
                let ends = part.split(separator: ":").map(String.init)
                guard let a = parse(ends[0]), let b = parse(ends.last!) else { return nil }
                for row in a.row...b.row {
                    for column in a.column...b.column { total += values[CellRef(row: row, column: column).description] ?? 0 }
                }
            }
            return total
        }
        // IF(B7=0,0,C7/B7)
        if formula.hasPrefix("IF("), let slash = formula.firstIndex(of: "/") {
            let numerator = String(formula[formula.index(after: formula.lastIndex(of: ",")!)..<slash])
            let denominator = String(formula[formula.index(after: slash)...].dropLast())
            let d = values[denominator] ?? 0, n = values[numerator] ?? 0
            return d == 0 ? 0 : n / d
        }
        return nil
    }

    static func parse(_ ref: String) -> CellRef? {
        let letters = ref.prefix { $0.isLetter }, digits = ref.dropFirst(letters.count)
        guard let row = Int(digits), !letters.isEmpty else { return nil }
        let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        return CellRef(row: row, column: column)
    }
}
