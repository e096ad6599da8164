import Foundation

/// A budget cell as a document prints it: an amount (`๑,๓๘๕,๐๐๐`, `12,203,500.-`) or a text
/// that is not a number (`-`, `ไม่ใช้งบประมาณ`, `** รอการยืนยันการโอนงบประมาณจาก สพส.`).
/// The printed text is kept so it can be shown as printed; only the amount enters sums.
public struct BudgetCell: Hashable, Sendable, Codable, CustomStringConvertible {
    public var printed: String
    public let amount: Money?

    public init(printed: String) {
        self.printed = printed
        self.amount = ThaiNumberParser.money(printed)
    }

    /// A compound cell ("98,000,000 (ปี 2564: 13,700,000 + เหลื่อมปี 1,000,000)") whose
    /// plan-year amount the transcriber read off the text.
    public init(printed: String, amount: Money?) {
        self.printed = printed
        self.amount = amount
    }

    public init(amount: Money) {
        self.printed = ThaiNumberFormat.amount(amount)
        self.amount = amount
    }

    public var isAmount: Bool { amount != nil }
    public var description: String { printed }

    enum CodingKeys: String, CodingKey { case printed, amount }

    /// JSON: the printed string, or `{"printed": "…", "amount": "14700000"}` for a compound
    /// cell whose amount is not the whole text.
    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(printed: text)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(printed: try c.decode(String.self, forKey: .printed),
                  amount: try c.decodeIfPresent(Money.self, forKey: .amount))
    }
    public func encode(to encoder: Encoder) throws {
        if amount == ThaiNumberParser.money(printed) {
            var c = encoder.singleValueContainer(); try c.encode(printed)
        } else {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(printed, forKey: .printed)
            try c.encodeIfPresent(amount, forKey: .amount)
        }
    }
}

/// A value per fiscal year as printed (baselines and targets): `{"year": 2566, "text": "๗๙,๖๗๘ ดวง"}`.
public struct YearValue: Codable, Hashable, Sendable {
    public var year: Int
    public var text: String
    public init(year: Int, text: String) { self.year = year; self.text = text }
    /// The number in the text, when the whole text is one (Thai or Arabic digits).
    public var number: Decimal? { ThaiNumberParser.decimal(text) }
}

/// A labelled piece of text (profile facts, STEP factors).
public struct LabeledText: Codable, Hashable, Sendable {
    public var label: String
    public var text: String
    public init(label: String, text: String) { self.label = label; self.text = text }
}
