import ArgumentParser
import Foundation
import PhaenApp
import PhaenCore
import PhaenImport

struct Score: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "คำนวณคะแนนคำรับรอง จากฐานข้อมูล (--unit --year) หรือจากไฟล์ (--input)",
        discussion: "--input reads the agreement exchange format (README) and needs no database.")
    @OptionGroup var database: DatabaseOption
    @Option(help: "รหัสหน่วยงาน เช่น 1022") var unit: String?
    @Option(help: "ปีงบประมาณ พ.ศ. เช่น 2567") var year: Int?
    @Option(help: "ไฟล์ JSON รูปแบบแลกเปลี่ยน") var input: String?
    @Flag(help: "machine-readable JSON") var json = false

    func validate() throws {
        if input == nil && (unit == nil || year == nil) {
            throw ValidationError("ระบุ --input FILE หรือ --unit CODE --year YYYY")
        }
        if input != nil && (unit != nil || year != nil) {
            throw ValidationError("ใช้ --input หรือ --unit/--year อย่างใดอย่างหนึ่ง")
        }
    }

    func run() async throws {
        if let input {
            try scoreFile(input)
            return
        }
        try await runReportingAppErrors {
            try await withStore(database) { store in
                let card = try await ScoreUnitYear(data: store)(unitCode: unit!, fiscalYear: FiscalYear(year!))
                let name = try await store.unit(code: unit!)?.nameTH
                print(json ? try ScoreCardJSON(card).encoded() : TextOutput.scoreCard(card, unitName: name))
            }
        }
    }

    func scoreFile(_ path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            FileHandle.standardError.write(Data("อ่านไฟล์ \(path) ไม่ได้: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        let document: ExchangeDocument
        do {
            document = try ExchangeDocument.decode(data)
        } catch {
            FileHandle.standardError.write(Data("ข้อมูลไม่ถูกต้อง (invalid input) \(path) \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        let card = Scorer.score(document.agreement, results: document.results, unitGroup: document.unitGroup)
        print(json ? try ScoreCardJSON(card).encoded() : TextOutput.scoreCard(card, unitName: nil))
    }
}
