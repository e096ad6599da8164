import Foundation
import PhaenCore
import PhaenImport
import PhaenStore

/// A directive register refused as a whole: nothing was written. `file` says why the file
/// could not be read; `rows` lists every problem with its row (as Excel numbers it) and column.
public struct DirectiveImportErrors: Error, Sendable, CustomStringConvertible {
    public var file: String?
    public var rows: [ImportRowError]
    public init(file: String?, rows: [ImportRowError]) { self.file = file; self.rows = rows }
    public var description: String {
        ([file].compactMap { $0 } + rows.map { "แถว \($0.row) \($0.column): \($0.message)" }).joined(separator: "; ")
    }
}

/// Reads a directive register (the Google Sheet it replaces, saved as CSV or XLSX). The first
/// row names the columns, Thai or English, in any order:
///
/// | column | Thai | English | value |
/// |---|---|---|---|
/// | id | เลขที่ | id | required, new |
/// | source | ที่มา | source | ปลัด… / ผู้ตรวจ… (or permanentSecretary / inspector) |
/// | year | ปีงบประมาณ | fiscalYear | BE year |
/// | round | รอบ | round | 1 or 2 (optional) |
/// | date | วันที่ | date | 15/01/2567 or 2024-01-15 (optional) |
/// | group | กลุ่ม | group | 1–10 (optional) |
/// | factors | ปัจจัย | factors | 1–5 or ๒.๑–๒.๕, separated by commas (optional) |
/// | units | หน่วยงาน | units | unit codes separated by commas or spaces |
/// | text | ข้อความ | text | required |
public enum DirectiveFile {
    public static let maxRows = 5_000

    enum Column: String, CaseIterable { case id, source, year, round, date, group, factors, units, text }

    static let headers: [Column: [String]] = [
        .id: ["เลขที่", "id", "เลขที่ข้อสั่งการ"], .source: ["ที่มา", "source"], .year: ["ปีงบประมาณ", "ปี", "fiscalyear", "year"],
        .round: ["รอบ", "round", "รอบการตรวจ", "รอบการตรวจราชการ"], .date: ["วันที่", "date", "ลงวันที่"],
        .group: ["กลุ่ม", "group", "กลุ่มข้อสั่งการ"], .factors: ["ปัจจัย", "factors", "ปัจจัยผลกระทบ"],
        .units: ["หน่วยงาน", "units", "หน่วยรับตรวจ"], .text: ["ข้อความ", "text", "ข้อสั่งการ", "ข้อความข้อสั่งการ"],
    ]

    static let thaiName: [Column: String] = [
        .id: "เลขที่", .source: "ที่มา", .year: "ปีงบประมาณ", .round: "รอบ", .date: "วันที่", .group: "กลุ่ม",
        .factors: "ปัจจัย", .units: "หน่วยงาน", .text: "ข้อความ",
    ]

    /// The directives of the file, or every problem (`DirectiveImportErrors`). `knownUnits` and
    /// `takenIDs` come from the store; ids repeated inside the file are refused too.
    public static func read(data: Data, fileName: String, knownUnits: Set<String>, takenIDs: Set<String>) throws -> [Directive] {
        let rows: [[String]]
        do {
            rows = try TabularFile.rows(data: data, fileName: fileName)
        } catch let error as TabularFileError {
            throw DirectiveImportErrors(file: error.message, rows: [])
        }
        guard let header = rows.first else { throw DirectiveImportErrors(file: "ไฟล์ว่าง ไม่มีแถวหัวตาราง", rows: []) }
        var index: [Column: Int] = [:]
        for (i, cell) in header.enumerated() {
            let name = cell.trimmingCharacters(in: .whitespaces).lowercased()
            if let column = Column.allCases.first(where: { headers[$0]!.contains(name) }), index[column] == nil { index[column] = i }
        }
        let missing = [Column.id, .source, .year, .units, .text].filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw DirectiveImportErrors(file: "แถวแรกต้องเป็นหัวตาราง ขาดคอลัมน์ " + missing.map { thaiName[$0]! }.joined(separator: ", "), rows: [])
        }
        guard rows.count - 1 <= maxRows else {
            throw DirectiveImportErrors(file: "ไฟล์มีเกิน \(maxRows) แถว กรุณาแบ่งนำเข้า", rows: [])
        }
        var directives: [Directive] = []
        var errors: [ImportRowError] = []
        var taken = takenIDs
        for (offset, row) in rows.enumerated().dropFirst() {
            func cell(_ c: Column) -> String {
                guard let i = index[c], i < row.count else { return "" }
                return row[i].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let rowNumber = offset + 1
            var form = DirectiveForm()
            form.id = cell(.id); form.year = cell(.year); form.round = cell(.round); form.date = cell(.date)
            form.group = ThaiDigits.toArabic(cell(.group)); form.units = cell(.units); form.text = cell(.text)
            var rowErrors: [String: String] = [:]
            switch source(cell(.source)) {
            case .some(let s): form.source = s.rawValue
            case nil: form.source = ""
            }
            let factors = factorNumbers(cell(.factors))
            if let factors { form.factors = factors.map(String.init) } else { rowErrors["factors"] = "ปัจจัยผลกระทบต้องเป็นเลข 1–5 (หรือ ๒.๑–๒.๕)" }
            let (directive, typed) = DirectiveFollowUp.parse(form)
            rowErrors.merge(typed) { a, _ in a }
            rowErrors.merge(DirectiveRules.check(directive, knownUnits: knownUnits, takenIDs: taken)) { a, _ in a }
            if rowErrors["id"] == nil, taken.contains(directive.id) { rowErrors["id"] = "เลขที่ \(directive.id) ซ้ำ" }
            if rowErrors.isEmpty {
                directives.append(directive)
            } else {
                for column in Column.allCases {
                    if let message = rowErrors[column.rawValue] { errors.append(ImportRowError(row: rowNumber, column: thaiName[column]!, message: message)) }
                }
            }
            if !directive.id.isEmpty { taken.insert(directive.id) }
        }
        guard errors.isEmpty else { throw DirectiveImportErrors(file: nil, rows: errors) }
        guard !directives.isEmpty else { throw DirectiveImportErrors(file: "ไม่มีข้อสั่งการในไฟล์", rows: []) }
        return directives
    }

    static func source(_ text: String) -> DirectiveSource? {
        let t = text.lowercased()
        if t.contains("ปลัด") || t == "permanentsecretary" { return .permanentSecretary }
        if t.contains("ผู้ตรวจ") || t == "inspector" { return .inspector }
        return nil
    }

    /// "2, 3" or "๒.๑ ๒.๕" → [2, 3] / [1, 5]; nil when a part is not a factor.
    static func factorNumbers(_ text: String) -> [Int]? {
        let parts = ThaiDigits.toArabic(text).split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        var out: [Int] = []
        for p in parts {
            let n = p.hasPrefix("2.") ? Int(p.dropFirst(2)) : Int(p)
            guard let n, (1...5).contains(n) else { return nil }
            if !out.contains(n) { out.append(n) }
        }
        return out
    }
}

extension DirectiveFollowUp {
    /// Imports a register file: evaluators and administrators only; every row checked first,
    /// then all directives written in one transaction — or nothing at all.
    @discardableResult
    public func importRegister(person: Person, data: Data, fileName: String, now: Date) async throws -> [Directive] {
        guard AccessPolicy.canRegisterDirectives(person) else {
            throw FollowUpRefusal("\(person.role.thaiName)ไม่มีสิทธิ์นำเข้าทะเบียนข้อสั่งการ (เฉพาะผู้ประเมินส่วนกลางและผู้ดูแลระบบ)")
        }
        let known = Set(try await store.units().map(\.code))
        let taken = Set(try await store.directives(addressedTo: nil).map(\.id))
        let directives = try DirectiveFile.read(data: data, fileName: fileName, knownUnits: known, takenIDs: taken)
        do {
            try await store.registerDirectives(directives, actor: person.username, at: now)
        } catch let conflict as StoreConflict {
            // Registered by someone else between the check and the write.
            throw DirectiveImportErrors(file: conflict.description, rows: [])
        }
        return directives
    }
}
