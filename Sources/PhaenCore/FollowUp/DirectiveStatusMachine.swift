import Foundation

/// A status report the rules refuse, with a Thai message for people and an English one for logs.
public struct DirectiveRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The form field the message belongs to (`status`, `details`, `reason`), nil for the whole report.
    public var field: String?
    public var messageTH: String
    public var messageEN: String
    public init(field: String?, th: String, en: String) { self.field = field; self.messageTH = th; self.messageEN = en }
    public var description: String { "\(messageTH) (\(messageEN))" }
}

/// The status of one (directive, unit) pair (reports-spec §2.3): every pair starts
/// `notReported`; the unit reports `inProgress`, `done` or `cannotBeDone`. `inProgress` may be
/// reported again (each report is a new row of history) until the unit reports `done` or
/// `cannotBeDone`, which close the pair: a closed pair is corrected by the central office
/// registering a new directive, not by the unit rewriting its answer.
public enum DirectiveStatusMachine {
    /// The statuses a unit may report next.
    public static func next(from current: DirectiveStatus) -> [DirectiveStatus] {
        switch current {
        case .notReported, .inProgress: return [.inProgress, .done, .cannotBeDone]
        case .done, .cannotBeDone: return []
        }
    }

    /// Checks one report against the pair's current status. Details are required for every
    /// report (what was done); a reason is required when the directive cannot be done.
    /// Throws every refusal found, the status first.
    public static func check(current: DirectiveStatus, report: DirectiveReport) throws(DirectiveRefusals) {
        var refusals: [DirectiveRefusal] = []
        if report.status == .notReported {
            refusals.append(DirectiveRefusal(field: "status", th: "เลือกสถานะผลการดำเนินการ (ดำเนินการแล้ว / อยู่ระหว่างดำเนินการ / ไม่สามารถดำเนินการได้)",
                                             en: "choose a reported status"))
        } else if !next(from: current).contains(report.status) {
            refusals.append(DirectiveRefusal(field: "status",
                th: "หน่วยงานรายงานว่า «\(current.thaiName)» แล้ว จึงเปลี่ยนสถานะไม่ได้ หากข้อมูลผิดพลาดโปรดแจ้งกองงานผู้ตรวจราชการ",
                en: "the pair is closed (\(current.rawValue))"))
        }
        if isBlank(report.details) {
            refusals.append(DirectiveRefusal(field: "details", th: "กรอกรายละเอียดผลการดำเนินการ", en: "details required"))
        }
        if report.status == .cannotBeDone && isBlank(report.reason) {
            refusals.append(DirectiveRefusal(field: "reason",
                th: "กรณีไม่สามารถดำเนินการได้ ต้องระบุเหตุผล (เช่น ข้อขัดข้องทางกฎหมาย)", en: "a reason is required for cannot be done"))
        }
        if !refusals.isEmpty { throw DirectiveRefusals(refusals) }
    }

    /// The pair's status after its reports (oldest first): the latest report's, else `notReported`.
    public static func status(after reports: [DirectiveReport]) -> DirectiveStatus {
        reports.last?.status ?? .notReported
    }

    static func isBlank(_ text: String?) -> Bool {
        (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}

/// Every refusal of one report, so a form shows them all at once.
public struct DirectiveRefusals: Error, Hashable, Sendable, CustomStringConvertible {
    public var all: [DirectiveRefusal]
    public init(_ all: [DirectiveRefusal]) { self.all = all }
    /// Field → Thai message (the first per field).
    public var byField: [String: String] {
        var out: [String: String] = [:]
        for r in all where out[r.field ?? ""] == nil { out[r.field ?? ""] = r.messageTH }
        return out
    }
    public var messageTH: String { all.map(\.messageTH).joined(separator: "; ") }
    public var description: String { all.map(\.description).joined(separator: "; ") }
}
