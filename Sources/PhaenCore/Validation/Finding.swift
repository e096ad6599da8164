import Foundation

/// A finding of validation or scoring: what rule, how serious, where, and the stated and
/// computed values, in Thai and English.
public struct Finding: Codable, Hashable, Sendable {
    public enum Severity: String, Codable, Sendable, Comparable {
        case error, warning, info
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        public var thaiName: String {
            switch self {
            case .error: return "ผิดพลาด"
            case .warning: return "ควรตรวจสอบ"
            case .info: return "ข้อสังเกต"
            }
        }
    }

    public var rule: String
    public var severity: Severity
    public var messageTH: String
    public var messageEN: String
    /// Where: "plan 1022/2567 › list part2 › row 12", "agreement › KPI 1.2".
    public var location: String
    public var stated: String?
    public var computed: String?

    public init(rule: String, severity: Severity, messageTH: String, messageEN: String, location: String,
                stated: String? = nil, computed: String? = nil) {
        self.rule = rule; self.severity = severity; self.messageTH = messageTH; self.messageEN = messageEN
        self.location = location; self.stated = stated; self.computed = computed
    }

    static func statedMismatch(kpi: String, _ m: StatedMismatch) -> Finding {
        let label: (th: String, en: String) = switch m.code {
        case "level": ("ระดับ", "level")
        case "points": ("คะแนน", "points")
        default: ("คะแนนถ่วงน้ำหนัก", "weighted score")
        }
        let computed = m.computed.map { LevelRules.fmt($0) } ?? "คำนวณไม่ได้"
        return Finding(rule: "SCORE-STATED", severity: .error,
                       messageTH: "ตัวชี้วัด \(kpi): \(label.th)ที่ระบุ \(LevelRules.fmt(m.stated)) ไม่ตรงกับที่คำนวณได้ \(computed)",
                       messageEN: "KPI \(kpi): stated \(label.en) \(LevelRules.fmt(m.stated)) differs from the computed \(m.computed.map { LevelRules.fmt($0) } ?? "none")",
                       location: "KPI \(kpi)", stated: LevelRules.fmt(m.stated), computed: m.computed.map { LevelRules.fmt($0) })
    }
}
