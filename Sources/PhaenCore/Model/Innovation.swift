import Foundation

/// An innovation project (Innovation Base, domain.md §8): forms 1–5 and its status.
public struct Innovation: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case development, trial, inUse
        public var thaiName: String {
            switch self {
            case .development: return "อยู่ระหว่างการพัฒนา"
            case .trial: return "อยู่ระหว่างการทดลองใช้"
            case .inUse: return "นำไปใช้งานแล้ว"
            }
        }
    }
    /// One of forms 1–5: ideas (1), selection (2), proposal (3), screening (4), use and satisfaction (5).
    public struct Form: Codable, Hashable, Sendable {
        public var number: Int
        public var date: CivilDate?
        public var summary: String
        public init(number: Int, date: CivilDate? = nil, summary: String) {
            self.number = number; self.date = date; self.summary = summary
        }
    }
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var title: String
    public var description: String?
    public var status: Status
    /// The agreement KPI whose level this innovation feeds.
    public var kpiCode: String?
    public var forms: [Form]
    public var steps: [String]?
}
