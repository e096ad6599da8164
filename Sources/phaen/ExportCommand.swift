import ArgumentParser
import Foundation
import PhaenApp
import PhaenCore
import PhaenDocs

/// `phaen export plan|agreement|report|city|directives --unit CODE --year YYYY [--round R]
/// --format docx|pdf|xlsx --output FILE [--thai-digits|--arabic-digits]`. Arguments are read
/// as text and checked here so that a wrong one gets a Thai message and exit status 2 (the
/// parser's own errors would exit 64 in English).
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "สร้างเอกสารราชการเป็นไฟล์ Word (DOCX) PDF หรือ Excel (XLSX)",
        discussion: """
        plan: แผนปฏิบัติการประจำปี · agreement: คำรับรองการปฏิบัติราชการ · report: แบบรายงานผล \
        (รอบ h1 = รายงานความก้าวหน้าระยะครึ่งปี พร้อมตารางการเบิกจ่าย) · city: ผลคะแนนทุกหน่วยงาน · \
        directives: ตารางสถานะข้อสั่งการ (xlsx เท่านั้น ไม่ต้องใช้ --unit). \
        PDF needs Chromium (apt-get install chromium fonts-thai-tlwg, or PHAEN_CHROMIUM).
        """)

    @OptionGroup var database: DatabaseOption
    @Argument(help: "plan | agreement | report | city | directives") var kind: String
    @Option(help: "รหัสหน่วยงาน เช่น 1022 (ไม่ต้องใช้กับ city และ directives)") var unit: String?
    @Option(help: "ปีงบประมาณ พ.ศ. เช่น 2567") var year: String?
    @Option(help: "รอบรายงาน (report): q1…q4, h1, ye, m01…m12; ไม่ระบุ = รอบล่าสุด") var round: String?
    @Option(help: "docx | pdf | xlsx") var format: String?
    @Option(help: "ไฟล์ที่จะเขียน") var output: String?
    @Flag(help: "ใช้เลขไทย") var thaiDigits = false
    @Flag(help: "ใช้เลขอารบิก") var arabicDigits = false

    func run() async throws {
        let request: DocumentExport.Request
        let path: String
        do {
            (request, path) = try parsed()
        } catch let message as ArgumentProblem {
            FileHandle.standardError.write(Data("\(message.text)\n".utf8))
            throw ExitCode(2)
        }
        // Every refusal of the use case is about the request (no such unit, no plan that year):
        // bad arguments, status 2 like the parser's checks above.
        do {
            try await withStore(database) { store in
                let started = Date()
                let progress: @Sendable (Int, Int, String) -> Void = { done, total, name in
                    FileHandle.standardError.write(Data("กำลังคำนวณคะแนน \(done)/\(total) \(name)\n".utf8))
                }
                let file: DocumentExport.File
                do {
                    file = try await DocumentExport(data: store).export(request, progress: request.kind == .city ? progress : nil)
                } catch let error as DocumentExport.PDFUnavailable {
                    FileHandle.standardError.write(Data("\(error.messageTH)\n".utf8))
                    throw ExitCode(1)
                }
                do {
                    try file.data.write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    FileHandle.standardError.write(Data("เขียนไฟล์ \(path) ไม่ได้: ไม่มีโฟลเดอร์นี้หรือไม่มีสิทธิ์เขียน (\(error.localizedDescription))\n".utf8))
                    throw ExitCode(2)
                }
                let seconds = Date().timeIntervalSince(started)
                FileHandle.standardError.write(Data(String(format: "เขียน %@ แล้ว (%d ไบต์, %.2f วินาที)\n",
                                                           path, file.data.count, seconds).utf8))
            }
        } catch let error as AppError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
    }

    struct ArgumentProblem: Error { var text: String }

    func parsed() throws -> (DocumentExport.Request, String) {
        guard let kind = DocumentExport.Kind(rawValue: kind) else {
            throw ArgumentProblem(text: "ไม่รู้จักเอกสาร \"\(self.kind)\": ใช้ plan, agreement, report, city หรือ directives")
        }
        guard let yearText = year else { throw ArgumentProblem(text: "ต้องระบุปีงบประมาณ --year เช่น --year 2567") }
        guard let be = Int(ThaiDigits.toArabic(yearText)), (2400...2700).contains(be) else {
            throw ArgumentProblem(text: "ปีงบประมาณ \"\(yearText)\" ไม่ถูกต้อง: ใช้ปี พ.ศ. เช่น 2567")
        }
        guard let formatText = format else { throw ArgumentProblem(text: "ต้องระบุรูปแบบไฟล์ --format docx, pdf หรือ xlsx") }
        guard let format = DocumentFormat(rawValue: formatText.lowercased()) else {
            throw ArgumentProblem(text: "ไม่รู้จักรูปแบบไฟล์ \"\(formatText)\": ใช้ docx, pdf หรือ xlsx")
        }
        guard kind.formats.contains(format) else {
            throw ArgumentProblem(text: "เอกสาร\(kind.thaiName)ไม่มีรูปแบบ \(format.rawValue)"
                                      + (kind == .directives ? " (มีเฉพาะ xlsx)" : ""))
        }
        if kind.needsUnit, unit?.isEmpty ?? true {
            throw ArgumentProblem(text: "ต้องระบุรหัสหน่วยงาน --unit เช่น --unit 1022 (ดูรายชื่อด้วย phaen units)")
        }
        var parsedRound: ReportingRound?
        if let round {
            guard kind == .report else { throw ArgumentProblem(text: "--round ใช้กับเอกสาร report เท่านั้น") }
            guard let r = ReportingRound(code: round) else {
                throw ArgumentProblem(text: "รอบรายงาน \"\(round)\" ไม่ถูกต้อง: ใช้ q1…q4, h1, ye หรือ m01…m12")
            }
            parsedRound = r
        }
        if thaiDigits && arabicDigits { throw ArgumentProblem(text: "เลือกได้อย่างเดียว: --thai-digits หรือ --arabic-digits") }
        guard let output, !output.isEmpty else { throw ArgumentProblem(text: "ต้องระบุไฟล์ที่จะเขียน --output เช่น --output แผน.docx") }
        let request = DocumentExport.Request(kind: kind, unitCode: kind.needsUnit ? unit : nil, year: FiscalYear(be),
                                             round: parsedRound, format: format,
                                             digits: thaiDigits ? .thai : arabicDigits ? .arabic : nil)
        return (request, output)
    }
}
