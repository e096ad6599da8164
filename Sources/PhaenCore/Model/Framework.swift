import Foundation

/// The strategy frameworks a plan links to. They change from year to year, so every node
/// belongs to one fiscal year.
public enum Framework: String, Codable, Sendable, CaseIterable {
    /// แผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี: ด้าน → มิติ → เป้าหมาย → เป้าประสงค์ → มาตรการ.
    case plan20
    /// แผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี: ยุทธศาสตร์ → ยุทธศาสตร์ย่อย → Objective → KR → กลยุทธ์ → KPI.
    case bma
    /// นโยบายผู้ว่าราชการ "9 ดี": ด้าน → ประเด็น (Objective) → OKR → รหัสนโยบาย (P-code).
    case policy

    public var thaiName: String {
        switch self {
        case .plan20: return "แผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี"
        case .bma: return "แผนปฏิบัติราชการกรุงเทพมหานคร"
        case .policy: return "นโยบายผู้ว่าราชการกรุงเทพมหานคร"
        }
    }
}

/// The levels of the three frameworks. The raw value is `framework.level`, and a reference
/// to a node is written `level:code`, e.g. `policy.okr:1.1.01` or `policy.code:P001`.
public enum FrameworkLevel: String, Codable, Sendable, CaseIterable {
    case plan20Side = "plan20.side"            // ด้าน
    case plan20Dimension = "plan20.dimension"  // มิติ
    case plan20Goal = "plan20.goal"            // เป้าหมาย
    case plan20Objective = "plan20.objective"  // เป้าประสงค์
    case plan20Measure = "plan20.measure"      // มาตรการ
    case bmaStrategy = "bma.strategy"          // ยุทธศาสตร์
    case bmaSubstrategy = "bma.substrategy"    // ยุทธศาสตร์ย่อย
    case bmaObjective = "bma.objective"        // วัตถุประสงค์หลัก (Objective)
    case bmaKeyResult = "bma.kr"               // ตัววัดผลหลัก (KR)
    case bmaTactic = "bma.tactic"              // กลยุทธ์
    case bmaKPI = "bma.kpi"                    // ตัวชี้วัด
    case policyDimension = "policy.dimension"  // ด้าน (เดินทางดี …)
    case policyIssue = "policy.issue"          // ประเด็นการพัฒนา / Objective x.y
    case policyOKR = "policy.okr"              // OKR x.y.zz
    case policyCode = "policy.code"            // รหัสนโยบาย P###

    public var framework: Framework {
        Framework(rawValue: String(rawValue.split(separator: ".")[0]))!
    }
}

/// One node of a framework in one fiscal year. Codes are stored with Arabic digits.
public struct FrameworkNode: Codable, Hashable, Sendable {
    public var fiscalYear: FiscalYear
    public var level: FrameworkLevel
    public var code: String
    public var name: String
    /// The parent node as a reference `level:code` (same fiscal year).
    public var parent: String?
    /// BMA-wide target as printed (๔๗๙ จุด), lead and supporting agencies (abbreviations).
    public var target: String?
    public var lead: String?
    public var support: [String]?
    public var note: String?

    public init(fiscalYear: FiscalYear, level: FrameworkLevel, code: String, name: String, parent: String? = nil,
                target: String? = nil, lead: String? = nil, support: [String]? = nil, note: String? = nil) {
        self.fiscalYear = fiscalYear; self.level = level; self.code = code; self.name = name
        self.parent = parent; self.target = target; self.lead = lead; self.support = support; self.note = note
    }

    public var reference: FrameworkRef { FrameworkRef(level: level, code: code) }
}

/// A link to a framework node: `level:code`.
public struct FrameworkRef: Hashable, Sendable, Codable, CustomStringConvertible {
    public var level: FrameworkLevel
    public var code: String

    public init(level: FrameworkLevel, code: String) { self.level = level; self.code = code }

    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":"),
              let level = FrameworkLevel(rawValue: String(text[..<colon])) else { return nil }
        self.level = level
        self.code = ThaiDigits.toArabic(String(text[text.index(after: colon)...]))
    }

    public var description: String { "\(level.rawValue):\(code)" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let ref = FrameworkRef(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a framework reference level:code: \(text)")
        }
        self = ref
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer(); try c.encode(description)
    }
}
