import Foundation

/// What a person may do in Phaen (issue 3). Every user has one role; unit roles belong to
/// one unit, central roles to none.
public enum Role: String, Codable, Sendable, CaseIterable {
    case admin       // ผู้ดูแลระบบ
    case evaluator   // ผู้ประเมิน (central office: all units)
    case executive   // ผู้บริหาร (reads all)
    case head        // หัวหน้าหน่วยงาน (certifies own unit)
    case reporter    // ผู้รายงาน (edits own unit)

    public var thaiName: String {
        switch self {
        case .admin: return "ผู้ดูแลระบบ"
        case .evaluator: return "ผู้ประเมิน"
        case .executive: return "ผู้บริหาร"
        case .head: return "หัวหน้าหน่วยงาน"
        case .reporter: return "ผู้รายงาน"
        }
    }

    /// Unit roles must name their unit; central roles must not.
    public var belongsToUnit: Bool { self == .head || self == .reporter }
}

/// The person acting: who, in which role, for which unit. (Not `Actor`, which Swift reserves.)
public struct Person: Codable, Hashable, Sendable {
    public var userID: Int64
    public var username: String
    public var displayName: String
    public var role: Role
    public var unitCode: String?
    /// Demo accounts are marked on every page.
    public var isDemo: Bool

    public init(userID: Int64, username: String, displayName: String? = nil, role: Role, unitCode: String?, isDemo: Bool = false) {
        self.userID = userID; self.username = username; self.displayName = displayName ?? username
        self.role = role; self.unitCode = unitCode; self.isDemo = isDemo
    }
}

/// Who may see and change what. Access is decided here once and applied at the query
/// (stores take `visibleUnits`), so a forgotten check cannot leak another unit's data.
public enum AccessPolicy {
    /// nil means every unit.
    public static func visibleUnits(_ actor: Person) -> Set<String>? {
        switch actor.role {
        case .admin, .evaluator, .executive: return nil
        case .head, .reporter: return Set([actor.unitCode].compactMap { $0 })
        }
    }

    public static func canRead(_ actor: Person, unit: String) -> Bool {
        visibleUnits(actor).map { $0.contains(unit) } ?? true
    }

    /// Drafts are seen by their own unit, evaluators and administrators only.
    public static func canReadDraft(_ actor: Person, unit: String) -> Bool {
        switch actor.role {
        case .admin, .evaluator: return true
        case .executive: return false
        case .head, .reporter: return actor.unitCode == unit
        }
    }

    /// Reporters of the unit edit its plan and reports; evaluators set criteria and weights.
    public static func canEditReports(_ actor: Person, unit: String) -> Bool {
        actor.role == .reporter && actor.unitCode == unit
    }

    public static func canEditPlan(_ actor: Person, unit: String) -> Bool {
        (actor.role == .reporter && actor.unitCode == unit) || actor.role == .admin
    }

    public static func canEditAgreement(_ actor: Person, unit: String) -> Bool {
        actor.role == .evaluator || actor.role == .admin
    }
}
