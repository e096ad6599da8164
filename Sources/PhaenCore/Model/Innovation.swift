import Foundation

/// An innovation project (Innovation Base, domain.md §8, reports-spec §1.16): forms 1–5 and its
/// status. One record per unit, fiscal year and title.
public struct Innovation: Codable, Hashable, Sendable {
    /// The status checkbox of the report form (IG:59): in development → in trial → in use.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case development, trial, inUse
        public var thaiName: String {
            switch self {
            case .development: return "อยู่ระหว่างการพัฒนานวัตกรรม"
            case .trial: return "พัฒนานวัตกรรมเสร็จแล้ว อยู่ระหว่างการทดลองใช้ เพื่อปรับปรุงนวัตกรรม"
            case .inUse: return "พัฒนานวัตกรรม และนำนวัตกรรมไปใช้ประโยชน์แล้ว"
            }
        }
        public var shortName: String {
            switch self {
            case .development: return "อยู่ระหว่างการพัฒนา"
            case .trial: return "อยู่ระหว่างการทดลองใช้"
            case .inUse: return "นำไปใช้ประโยชน์แล้ว"
            }
        }
    }

    /// The innovation committee's screening decision (form 4).
    public enum ScreeningDecision: String, Codable, Sendable, CaseIterable {
        case approved, revise, rejected
        public var thaiName: String {
            switch self {
            case .approved: return "เห็นชอบ"
            case .revise: return "เห็นชอบโดยให้แก้ไขปรับปรุง"
            case .rejected: return "ไม่เห็นชอบ"
            }
        }
    }

    /// One of forms 1–5: ideas submitted by sections (1), the working group's selection with
    /// its minutes (2), the project proposal (3), the committee's screening decision with the
    /// revisions it requires (4), the use and satisfaction report (5). The fields a form does
    /// not use stay nil.
    public struct Form: Codable, Hashable, Sendable {
        public var number: Int
        public var date: CivilDate?
        public var summary: String
        /// Form 1: the ideas, one per section ("ฝ่ายปกครอง: …").
        public var ideas: [String]?
        /// Form 2: the minutes of the selection meeting (or where they are filed).
        public var minutes: String?
        /// Form 4: the committee's decision, the revisions it required and whether they were made.
        public var decision: ScreeningDecision?
        public var revisions: String?
        public var revisionsDone: Bool?
        /// Form 5: users served and satisfaction (percent).
        public var users: Int?
        public var satisfactionPercent: Decimal?

        public init(number: Int, date: CivilDate? = nil, summary: String, ideas: [String]? = nil, minutes: String? = nil,
                    decision: ScreeningDecision? = nil, revisions: String? = nil, revisionsDone: Bool? = nil,
                    users: Int? = nil, satisfactionPercent: Decimal? = nil) {
            self.number = number; self.date = date; self.summary = summary; self.ideas = ideas; self.minutes = minutes
            self.decision = decision; self.revisions = revisions; self.revisionsDone = revisionsDone
            self.users = users; self.satisfactionPercent = satisfactionPercent
        }

        public static func title(_ number: Int) -> String {
            switch number {
            case 1: return "แบบฟอร์มที่ 1 แนวคิดนวัตกรรมจากส่วนราชการ"
            case 2: return "แบบฟอร์มที่ 2 บันทึกการคัดเลือกของคณะทำงาน"
            case 3: return "แบบฟอร์มที่ 3 โครงการพัฒนานวัตกรรม"
            case 4: return "แบบฟอร์มที่ 4 ผลการกลั่นกรองของคณะกรรมการพัฒนานวัตกรรม"
            case 5: return "แบบฟอร์มที่ 5 รายงานการนำไปใช้ประโยชน์และความพึงพอใจ"
            default: return "แบบฟอร์มที่ \(number)"
            }
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

    public init(unitCode: String, fiscalYear: FiscalYear, title: String, description: String? = nil,
                status: Status = .development, kpiCode: String? = nil, forms: [Form] = [], steps: [String]? = nil) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.title = title; self.description = description
        self.status = status; self.kpiCode = kpiCode; self.forms = forms; self.steps = steps
    }

    public func form(_ number: Int) -> Form? { forms.last { $0.number == number } }
}
