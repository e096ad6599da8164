import Foundation

/// Where a directive comes from (domain.md §8).
public enum DirectiveSource: String, Codable, Sendable {
    case permanentSecretary  // ข้อสั่งการปลัดกรุงเทพมหานคร
    case inspector           // ข้อเสนอแนะของผู้ตรวจราชการ
}

/// The five impact factors a directive may be tagged with.
public enum ImpactFactor: Int, Codable, Sendable, CaseIterable {
    case personnel = 1, budget, methods, technology, law

    public var thaiName: String {
        switch self {
        case .personnel: return "ด้านบุคลากร/โครงสร้าง"
        case .budget: return "ด้านงบประมาณ"
        case .methods: return "ด้านวิธีการทำงาน"
        case .technology: return "ด้านเทคโนโลยี"
        case .law: return "ด้านกฎหมายและระเบียบ"
        }
    }
}

/// A directive or inspector recommendation addressed to units.
public struct Directive: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var source: DirectiveSource
    public var fiscalYear: FiscalYear
    public var inspectionRound: Int?
    public var text: String
    public var date: CivilDate?
    /// One of the (configurable) directive groups, by number 1…10.
    public var group: Int?
    public var factors: [ImpactFactor]
    public var addressedUnits: [String]
}

public enum DirectiveStatus: String, Codable, Sendable, CaseIterable {
    case notReported, inProgress, done, cannotBeDone
    public var thaiName: String {
        switch self {
        case .notReported: return "ยังไม่รายงาน"
        case .inProgress: return "อยู่ระหว่างดำเนินการ"
        case .done: return "ดำเนินการแล้ว"
        case .cannotBeDone: return "ไม่สามารถดำเนินการได้"
        }
    }
}

/// A unit's report on one directive.
public struct DirectiveReport: Codable, Hashable, Sendable {
    public var directiveID: String
    public var unitCode: String
    public var status: DirectiveStatus
    public var date: CivilDate
    public var details: String?
    /// Required when the directive cannot be done.
    public var reason: String?
}
