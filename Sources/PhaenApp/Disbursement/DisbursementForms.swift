import Foundation
import PhaenCore

/// What a finance officer typed into one of the three budget forms, kept as raw text so that
/// a refused form comes back with everything as typed and a Thai message beside each field.
public struct BudgetForm: Codable, Hashable, Sendable {
    /// `allocation`, `transfer`, `disbursement`, or `remove` (a recorded transfer or disbursement).
    public var kind: String
    public var type: String
    public var from: String
    public var to: String
    public var date: String
    public var amount: String
    /// "1" (or "on") when the amount is the cumulative total as of the date.
    public var cumulative: String
    public var project: String
    public var reason: String
    /// `remove`: the id of the recorded transfer or disbursement to remove.
    public var id: String

    public init(kind: String, type: String = "", from: String = "", to: String = "", date: String = "", amount: String = "",
                cumulative: String = "", project: String = "", reason: String = "", id: String = "") {
        self.kind = kind; self.type = type; self.from = from; self.to = to; self.date = date; self.amount = amount
        self.cumulative = cumulative; self.project = project; self.reason = reason; self.id = id
    }

    /// From named fields (a form post or a JSON body's strings).
    public init(kind: String, fields: [String: String]) {
        self.init(kind: kind, type: fields["type"] ?? "", from: fields["from"] ?? "", to: fields["to"] ?? "",
                  date: fields["date"] ?? "", amount: fields["amount"] ?? "", cumulative: fields["cumulative"] ?? "",
                  project: fields["project"] ?? "", reason: fields["reason"] ?? "", id: fields["id"] ?? "")
    }

    public var isCumulative: Bool { ["1", "on", "true", "yes", "ใช่", "สะสม"].contains(cumulative.trimmingCharacters(in: .whitespaces).lowercased()) }
}

/// A budget form refused: the form as typed and a Thai message per field name (`type`,
/// `date`, `amount`, `from`, `to`, `reason`, `project`).
public struct BudgetFormErrors: Error, Sendable, CustomStringConvertible {
    public var form: BudgetForm
    public var fields: [String: String]
    public var description: String { fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ") }
}

/// Reading the text people type: amounts, dates and budget types, with the Thai message for
/// each thing that cannot be read.
public enum BudgetInput {
    /// An amount in baht: Thai or Arabic digits, thousands commas, up to two decimals, "บาท",
    /// ".-"; a minus sign is read (and then refused by the check with its own message).
    public static func amount(_ text: String) -> Result<Money, DisbursementProblem> {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { return .failure(DisbursementProblem(.amount, "กรุณากรอกจำนวนเงิน")) }
        if let money = ThaiNumberParser.money(t) { return .success(money) }
        if ThaiNumberParser.decimal(t) != nil {
            return .failure(DisbursementProblem(.amount, "จำนวนเงิน \"\(t)\" มีทศนิยมเกิน 2 ตำแหน่ง (ละเอียดได้ถึงสตางค์)"))
        }
        return .failure(DisbursementProblem(.amount, "จำนวนเงิน \"\(t)\" ไม่ใช่ตัวเลข (ตัวอย่าง 4,094,769.47)"))
    }

    /// A date: ISO (`2024-03-31`, as a date field sends it; a year above 2400 is read as BE),
    /// `31/3/2567` (day/month/year, BE when above 2400), or Thai (`31 มี.ค. 2567`, `31 มีนาคม 2567`).
    public static func date(_ text: String) -> Result<CivilDate, DisbursementProblem> {
        let t = ThaiDigits.toArabic(text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { return .failure(DisbursementProblem(.date, "กรุณากรอกวันที่")) }
        func civil(_ y: Int, _ m: Int, _ d: Int) -> CivilDate? {
            CivilDate(validYear: y > 2400 ? y - 543 : y, month: m, day: d)
        }
        let iso = t.split(separator: "-").map { Int($0) }
        if iso.count == 3, let y = iso[0], let m = iso[1], let d = iso[2], let date = civil(y, m, d) { return .success(date) }
        let slashed = t.split(separator: "/").map { Int($0) }
        if slashed.count == 3, let d = slashed[0], let m = slashed[1], let y = slashed[2], y >= 1000, let date = civil(y, m, d) {
            return .success(date)
        }
        if let date = ThaiDateFormat.parse(t) { return .success(date) }
        return .failure(DisbursementProblem(.date, "วันที่ \"\(text)\" อ่านไม่ได้ (ใช้ 31/3/2567 หรือ 2024-03-31)"))
    }

    public static func type(_ text: String, field: DisbursementProblem.Field = .type) -> Result<BudgetType, DisbursementProblem> {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { return .failure(DisbursementProblem(field, "กรุณาเลือกประเภทงบรายจ่าย")) }
        if let type = BudgetType(text: t) { return .success(type) }
        if t.contains("บุคลากร") {
            return .failure(DisbursementProblem(field, "งบบุคลากรไม่นับรวมในการเบิกจ่าย (ไม่ต้องบันทึก)"))
        }
        return .failure(DisbursementProblem(field, "ไม่รู้จักประเภทงบ \"\(t)\" (ใช้ได้: "
            + BudgetType.allCases.map(\.thaiName).joined(separator: ", ") + ")"))
    }
}
