import Foundation
import Testing
import PhaenCore
import PhaenDocs
import PhaenImport
@testable import PhaenApp

/// The official documents built from the demo dataset: sections in the order of plans-spec §4,
/// computed totals (a printed total that differs is never reproduced: the restated note gives the difference), the source's numerals.
@Suite struct DocumentBuilderTests {
    static let data = InMemoryData(try! DemoDataset.load())

    static func plan(_ unit: String, _ year: Int, digits: NumeralStyle? = nil) async throws -> Document {
        try await PlanBookBuilder(data: data).build(unitCode: unit, year: FiscalYear(year), digits: digits)
    }

    /// Every text of the document, blocks and table cells, in order, with Arabic digits.
    static func texts(_ doc: Document) -> [String] {
        doc.blocks.flatMap { block -> [String] in
            switch block {
            case .heading(let h): return [h.text]
            case .paragraph(let p): return [p.plainText]
            case .table(let t): return (t.headerRows + t.bodyRows).flatMap { $0.cells.map(\.plainText) }
            case .tableOfContents(let title): return [title]
            case .signatures(let s): return s.map(\.position)
            case .pageBreak, .orientation: return []
            }
        }.map(ThaiDigits.toArabic)
    }

    static func restatedRuns(_ doc: Document) -> [String] {
        doc.blocks.flatMap { block -> [Run] in
            switch block {
            case .paragraph(let p): return p.runs
            case .table(let t): return t.bodyRows.flatMap { $0.cells.flatMap { $0.paragraphs.flatMap(\.runs) } }
            default: return []
            }
        }.filter(\.restated).map(\.text)
    }

    @Test("the district plan book prints every section of plans-spec §4.1 in order")
    func districtSectionsInOrder() async throws {
        let doc = try await Self.plan("1022", 2567)
        let headings = doc.blocks.compactMap { if case .heading(let h) = $0 { return h.text } else { return nil } }
        let expected = ["คำนำ", "สาระสำคัญของแผนปฏิบัติราชการประจำปี", "ข้อมูลทั่วไป/สถานการณ์ของพื้นที่", "วิสัยทัศน์", "พันธกิจ",
                        "ตัววัดผล/ตัวชี้วัดความสำเร็จสำคัญ", "ส่วนที่ 1 การดำเนินงานตามแผนปฏิบัติราชการกรุงเทพมหานคร",
                        "ส่วนที่ 2 การดำเนินงานตามยุทธศาสตร์ของหน่วยงาน", "ส่วนที่ 3 บัญชีรายการ", "ส่วนที่ 4 การแปลงแผนสู่การปฏิบัติ",
                        "ตาราง ก", "ตาราง ข", "ตาราง ค", "ตาราง ง", "ตาราง จ", "ตาราง ฉ"]
        var position = 0
        for wanted in expected {
            let found = headings[position...].firstIndex { $0.hasPrefix(wanted) }
            #expect(found != nil, "missing or out of order: \(wanted)")
            position = (found ?? position) + 1
        }
        // The cover comes first, then the foreword, then the generated contents.
        let contents = doc.blocks.firstIndex { if case .tableOfContents = $0 { return true } else { return false } }
        let foreword = doc.blocks.firstIndex { if case .heading(let h) = $0 { return h.text == "คำนำ" } else { return false } }
        #expect(contents != nil && foreword != nil && foreword! < contents!)
        // Part 4 (tables ก–ฉ, the step plans' month grid) is printed landscape, the rest portrait.
        let turns = doc.blocks.enumerated().compactMap { i, b in if case .orientation(let o) = b { return (i, o) } else { return nil } }
        #expect(turns.map(\.1) == [.landscape])
        let part4 = doc.blocks.firstIndex { if case .heading(let h) = $0 { return h.text.hasPrefix("ส่วนที่ 4") } else { return false } }
        #expect(doc.settings.orientation == .portrait && turns.first.map { $0.0 < part4! } == true)
    }

    @Test("Part 2's total is the computed 35,254,295; the printed 35,294,295 appears nowhere, the note gives the difference")
    func partTwoTotal() async throws {
        let doc = try await Self.plan("1022", 2567)
        let texts = Self.texts(doc)
        #expect(texts.contains("35,254,295"))
        #expect(!texts.contains { $0.contains("35,294,295") })
        let note = texts.filter { $0.contains("ยอดรวมที่ต้นฉบับพิมพ์สูงกว่านี้ 40,000 บาท") }
        #expect(note.count == 1)
        #expect(note.first?.hasPrefix("หมายเหตุ") == true)
        #expect(Self.restatedRuns(doc).map(ThaiDigits.toArabic).contains("35,254,295"))
        // The count is restated too: 39 rows where the list prints 38.
        #expect(texts.contains { $0.contains("39 โครงการ/กิจกรรม") })
        #expect(texts.contains { $0.contains("ต้นฉบับพิมพ์ว่า 38 รายการ") })
        // Totals carry the amount in words.
        #expect(texts.contains { $0.contains("สามสิบห้าล้านสองแสนห้าหมื่นสี่พันสองร้อยเก้าสิบห้าบาทถ้วน") })
        // Part 1 and Part 3 agree with their printed totals: no note for them.
        #expect(texts.contains("2,694,800") && texts.contains("59,752,455"))
        #expect(!texts.contains { $0.contains("ต้นฉบับพิมพ์ว่า \"2,694,800\"") })
    }

    @Test("the plan book uses the source's numerals unless asked: Thai for FY2567, Arabic for FY2564")
    func digitsFollowTheSource() async throws {
        #expect(try await Self.plan("1022", 2567).settings.digits == .thai)
        #expect(try await Self.plan("3001", 2564).settings.digits == .arabic)
        #expect(try await Self.plan("1022", 2567, digits: .arabic).settings.digits == .arabic)
        // The model keeps Arabic digits whatever the source printed; the writer converts.
        let doc = try await Self.plan("1022", 2567)
        let raw = doc.blocks.compactMap { if case .heading(let h) = $0 { return h.text } else { return nil } }
        #expect(!raw.contains { ThaiDigits.containsThaiDigits($0) })
        #expect(doc.display("35,254,295") == "๓๕,๒๕๔,๒๙๕")
    }

    @Test("the central plan book follows §4.2 and restates the toilet step plan's 110 against its printed 100")
    func centralPlan() async throws {
        let doc = try await Self.plan("3001", 2564)
        let texts = Self.texts(doc)
        #expect(texts.contains("มาตรการและโครงการ/กิจกรรม"))
        #expect(texts.contains { $0.hasPrefix("บัญชีรายการ/โครงการประจำพื้นฐาน") })
        #expect(texts.contains { $0.contains("รวมน้ำหนัก 110 คำนวณจากทุกขั้นตอน ต้นฉบับพิมพ์ว่า 100") })
        #expect(texts.contains { $0.contains("14,700,000 บาท (สิบสี่ล้านเจ็ดแสนบาทถ้วน)") })
    }

    @Test("the surviving fragment of table จ is counted on from its first printed cumulative: step 11 is 71, not 73")
    func stepPlanFragment() async throws {
        let texts = Self.texts(try await Self.plan("1022", 2567))
        #expect(texts.contains { $0.contains("ขั้นตอนที่ 11: ความก้าวหน้าสะสม 71 คำนวณจากผลรวมน้ำหนัก ต้นฉบับพิมพ์ว่า 73") })
    }

    @Test("the agreement's criteria tables give the points of the year's scheme")
    func agreementCriteria() async throws {
        let doc = try await AgreementDocumentBuilder(data: Self.data).build(unitCode: "1022", year: FiscalYear(2567))
        let tables = doc.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
        let criteria = tables.filter { $0.headerRows.first?.cells.first?.plainText == "ระดับ" }
        #expect(criteria.count == 6)
        // Traffy ๑.๒, weight 20 on the 20–100 scheme: 4/8/12/16/20.
        let weights20 = criteria.filter { $0.bodyRows.last?.cells.last?.plainText == "20" }
        #expect(weights20.first?.bodyRows.map { $0.cells.last!.plainText } == ["4", "8", "12", "16", "20"])
        #expect(Self.texts(doc).contains("รวมน้ำหนักคะแนน 70"))
    }

    @Test("the half-year report computes the disbursement percents: total 32.30 = Σ disbursed ÷ Σ allocated")
    func halfYearReport() async throws {
        let doc = try await ReportFormsBuilder(data: Self.data).build(unitCode: "4001", year: FiscalYear(2567), round: .halfYear)
        #expect(doc.settings.orientation == .landscape)
        let texts = Self.texts(doc)
        #expect(texts.contains("33.55") && texts.contains("25.60") && texts.contains("32.30"))
        #expect(texts.contains("13,503,069") && texts.contains("4,361,269.47"))
        // The mean of the row percents (19.72) is nowhere.
        #expect(!texts.contains { $0.contains("19.72") })
        #expect(texts.contains("ระดับ 3 (ตามที่รายงาน)"))
        #expect(texts.contains("(หัวหน้าส่วนราชการ/หัวหน้าหน่วยงาน)"))
    }

    @Test("the per-KPI report form prints fields 1–9 with the quarterly narratives and the year-end summary")
    func kpiReportForm() async throws {
        let doc = try await ReportFormsBuilder(data: Self.data).build(unitCode: "1016", year: FiscalYear(2564), round: .yearEnd)
        #expect(doc.settings.digits == .arabic)
        let texts = Self.texts(doc)
        for label in ["1. ชื่อตัวชี้วัด", "2. ระดับความสำเร็จ", "3. คำนิยาม", "4. วิธีการคำนวณ", "5. เป้าหมาย",
                      "6. รายงานผลการดำเนินงาน", "(6.1) ไตรมาสที่ 1", "(6.4) ไตรมาสที่ 4", "(6.5) สรุปผลการดำเนินงาน",
                      "7. ปัจจัยสนับสนุนการดำเนินงาน", "8. อุปสรรคต่อการดำเนินงาน", "9. หลักฐานอ้างอิง"] {
            #expect(texts.contains { $0.hasPrefix(label) }, "missing \(label)")
        }
        #expect(texts.contains { $0.contains("2,778 ราย") })
        #expect(texts.contains("ผู้รับผิดชอบโครงการ"))
    }

    @Test("a unit the data does not show is not found, and an export names its file")
    func notFoundAndFileNames() async throws {
        await #expect(throws: AppError.self) { _ = try await Self.plan("9999", 2567) }
        let request = DocumentExport.Request(kind: .report, unitCode: "4001", year: FiscalYear(2567), round: .halfYear, format: .docx)
        #expect(DocumentExport.fileName(request, thai: false) == "phaen-report-4001-2567-h1.docx")
        #expect(DocumentExport.fileName(request, thai: true) == "แบบรายงานผล-4001-2567-h1.docx")
    }
}
