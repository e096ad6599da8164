import Foundation

/// Where a directive comes from (domain.md §8).
public enum DirectiveSource: String, Codable, Sendable, CaseIterable {
    case permanentSecretary  // ข้อสั่งการปลัดกรุงเทพมหานคร
    case inspector           // ข้อเสนอแนะของผู้ตรวจราชการ

    public var thaiName: String {
        switch self {
        case .permanentSecretary: return "ข้อสั่งการของปลัดกรุงเทพมหานคร"
        case .inspector: return "ข้อเสนอแนะของผู้ตรวจราชการกรุงเทพมหานคร"
        }
    }
}

/// The five impact factors a directive may be tagged with (reports-spec §2.3, IG:62; the
/// Thai labels are verbatim).
public enum ImpactFactor: Int, Codable, Sendable, CaseIterable {
    case personnel = 1, budget, methods, technology, law

    public var thaiName: String {
        switch self {
        case .personnel: return "ด้านบุคลากร อัตรากำลัง และโครงสร้างของหน่วยงาน"
        case .budget: return "ด้านงบประมาณของหน่วยงาน"
        case .methods: return "ด้านวิธีปฏิบัติงาน การบริหารจัดการภายในหน่วยงานให้เกิดประสิทธิภาพและประสิทธิผล"
        case .technology: return "ด้านเทคโนโลยี ทั้ง software และ hardware ของหน่วยงาน"
        case .law: return "ด้านกฎหมาย ระเบียบ คำสั่ง ข้อสั่งการต่างๆ ในการดำเนินงานของหน่วยงาน"
        }
    }

    /// The short name the dashboard prints ("๒.๓ วิธีปฏิบัติงาน").
    public var shortName: String {
        switch self {
        case .personnel: return "บุคลากร/โครงสร้าง"
        case .budget: return "งบประมาณ"
        case .methods: return "วิธีปฏิบัติงาน"
        case .technology: return "เทคโนโลยี"
        case .law: return "กฎหมาย/ระเบียบ"
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

    public init(id: String, source: DirectiveSource, fiscalYear: FiscalYear, inspectionRound: Int? = nil, text: String,
                date: CivilDate? = nil, group: Int? = nil, factors: [ImpactFactor] = [], addressedUnits: [String]) {
        self.id = id; self.source = source; self.fiscalYear = fiscalYear; self.inspectionRound = inspectionRound
        self.text = text; self.date = date; self.group = group; self.factors = factors; self.addressedUnits = addressedUnits
    }
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

/// A unit's report on one directive. Every report is kept (history); the latest is the
/// (directive, unit) pair's status.
public struct DirectiveReport: Codable, Hashable, Sendable {
    public var directiveID: String
    public var unitCode: String
    public var status: DirectiveStatus
    public var date: CivilDate
    public var details: String?
    /// Required when the directive cannot be done.
    public var reason: String?
    /// What shows the work: a letter number, a link, a file name (text reference).
    public var evidence: String?
    /// Who reported it in Phaen (username) and when; nil for a report imported from a file.
    public var reportedBy: String?
    public var reportedAt: Date?

    public init(directiveID: String, unitCode: String, status: DirectiveStatus, date: CivilDate, details: String? = nil,
                reason: String? = nil, evidence: String? = nil, reportedBy: String? = nil, reportedAt: Date? = nil) {
        self.directiveID = directiveID; self.unitCode = unitCode; self.status = status; self.date = date
        self.details = details; self.reason = reason; self.evidence = evidence; self.reportedBy = reportedBy
        self.reportedAt = reportedAt
    }
}
