import Foundation

/// A workflow transition of a report (domain.md §6), each a resource of its own:
/// `POST …/submission`, `…/certification`, `…/acceptance`, `…/return`, `…/lock`.
public enum ReportTransition: String, Codable, Sendable, CaseIterable {
    case submission, certification, acceptance, `return`, lock

    public var thaiName: String {
        switch self {
        case .submission: return "ส่งรายงาน"
        case .certification: return "รับรองรายงาน"
        case .acceptance: return "ตรวจรับรายงาน"
        case .return: return "ส่งคืนแก้ไข"
        case .lock: return "ปิดรอบรายงาน"
        }
    }
}

/// One recorded transition: who, when, from which state to which, and the reason of a return.
public struct ReportEvent: Codable, Hashable, Sendable {
    public var transition: ReportTransition
    public var from: ReportState
    public var to: ReportState
    public var actor: String
    public var role: Role
    public var at: Date
    public var reason: String?

    public init(transition: ReportTransition, from: ReportState, to: ReportState, actor: String, role: Role, at: Date, reason: String? = nil) {
        self.transition = transition; self.from = from; self.to = to; self.actor = actor; self.role = role
        self.at = at; self.reason = reason
    }
}

/// Why a transition was refused, in Thai for the person and English for the log.
public struct WorkflowError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case wrongState, notAllowed, reasonRequired }
    public var kind: Kind
    public var messageTH: String
    public var messageEN: String
    public var description: String { messageTH }
}

/// The state machine: draft → submitted (reporter) → certified (unit head) → accepted
/// (evaluator) → locked (evaluator or administrator); a submitted or certified report may be
/// returned to draft with a written reason (unit head before certifying, evaluator after).
/// Pure: the caller passes the actor and the time.
public enum ReportWorkflow {
    public static func target(of transition: ReportTransition) -> ReportState {
        switch transition {
        case .submission: return .submitted
        case .certification: return .certified
        case .acceptance: return .accepted
        case .return: return .draft
        case .lock: return .locked
        }
    }

    public static func allowedFrom(_ transition: ReportTransition) -> [ReportState] {
        switch transition {
        case .submission: return [.draft]
        case .certification: return [.submitted]
        case .acceptance: return [.certified]
        case .return: return [.submitted, .certified]
        case .lock: return [.accepted]
        }
    }

    public static func mayPerform(_ transition: ReportTransition, actor: Person, unit: String, state: ReportState) -> Bool {
        let own = actor.unitCode == unit
        switch transition {
        case .submission: return actor.role == .reporter && own
        case .certification: return actor.role == .head && own
        case .acceptance: return actor.role == .evaluator
        case .return:
            return actor.role == .evaluator || (actor.role == .head && own && state == .submitted)
        case .lock: return actor.role == .evaluator || actor.role == .admin
        }
    }

    /// The transitions this actor could take now (for the buttons on a page).
    public static func available(actor: Person, unit: String, state: ReportState) -> [ReportTransition] {
        ReportTransition.allCases.filter {
            allowedFrom($0).contains(state) && mayPerform($0, actor: actor, unit: unit, state: state)
        }
    }

    /// Applies a transition or says why not.
    public static func apply(_ transition: ReportTransition, to state: ReportState, actor: Person, unit: String,
                             at: Date, reason: String? = nil) throws(WorkflowError) -> ReportEvent {
        guard allowedFrom(transition).contains(state) else {
            let from = allowedFrom(transition).map(\.thaiName).joined(separator: " หรือ ")
            throw WorkflowError(kind: .wrongState,
                messageTH: "\(transition.thaiName)ไม่ได้: รายงานอยู่ในสถานะ\(state.thaiName) (ต้องอยู่ในสถานะ\(from))",
                messageEN: "cannot \(transition.rawValue) a report in state \(state.rawValue)")
        }
        guard mayPerform(transition, actor: actor, unit: unit, state: state) else {
            throw WorkflowError(kind: .notAllowed,
                messageTH: "\(actor.role.thaiName)ไม่มีสิทธิ์\(transition.thaiName)ของหน่วยงานนี้",
                messageEN: "a \(actor.role.rawValue) may not \(transition.rawValue) this report")
        }
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if transition == .return, (trimmed ?? "").isEmpty {
            throw WorkflowError(kind: .reasonRequired, messageTH: "การส่งคืนต้องระบุเหตุผลเป็นลายลักษณ์อักษร",
                                messageEN: "a return needs a written reason")
        }
        return ReportEvent(transition: transition, from: state, to: target(of: transition), actor: actor.username,
                           role: actor.role, at: at, reason: transition == .return ? trimmed : nil)
    }
}
