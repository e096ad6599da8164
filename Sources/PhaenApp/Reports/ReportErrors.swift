import PhaenCore

/// A report write refused for a reason other than what was typed. Each carries a Thai message
/// for the person and an English one for the log; the web layer picks the status from `kind`.
public struct ReportRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The person may read the report but not change it (a head editing the text).
        case notAllowed
        /// The report is not a draft (submitted, certified …): text and files are frozen.
        case wrongState
        /// Someone else changed the report after the person loaded it.
        case staleVersion(current: Int)
        /// Nothing saved yet: a transition or a file needs a saved draft first.
        case notSaved
    }
    public var kind: Kind
    public var messageTH: String
    public var messageEN: String
    public var description: String { messageTH }

    static func stale(_ current: Int) -> ReportRefusal {
        ReportRefusal(kind: .staleVersion(current: current), messageTH: staleMessage(current),
                      messageEN: "stale report version (now \(current))")
    }

    /// The message of the optimistic version check, also used by `ReportFormErrors`.
    static func staleMessage(_ current: Int) -> String {
        "มีผู้อื่นแก้ไขรายงานนี้ระหว่างที่คุณกรอก (ขณะนี้เป็นฉบับที่ \(current)) ข้อความที่คุณกรอกยังอยู่ในแบบฟอร์ม: "
            + "ตรวจดูฉบับล่าสุดแล้วบันทึกอีกครั้ง"
    }

    static func notEditable(_ person: Person, unit: String) -> ReportRefusal {
        ReportRefusal(kind: .notAllowed,
                      messageTH: "\(person.role.thaiName)ไม่มีสิทธิ์แก้ไขรายงานของหน่วยงาน \(unit) (แก้ไขได้เฉพาะผู้รายงานของหน่วยงาน)",
                      messageEN: "a \(person.role.rawValue) may not edit reports of unit \(unit)")
    }

    static func frozen(_ state: ReportState) -> ReportRefusal {
        ReportRefusal(kind: .wrongState,
                      messageTH: "แก้ไขไม่ได้: รายงานอยู่ในสถานะ\(state.thaiName) (แก้ไขได้เฉพาะร่างหรือรายงานที่ถูกส่งคืน)",
                      messageEN: "report is \(state.rawValue), only drafts can be edited")
    }
}

/// Why an evidence upload was refused; `tooLarge` and `unsupportedType` map to 413 and 415.
public struct EvidenceRejection: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case tooLarge, unsupportedType, empty }
    public var kind: Kind
    public var messageTH: String
    public var description: String { messageTH }

    public static func tooLarge(limit: Int) -> EvidenceRejection {
        EvidenceRejection(kind: .tooLarge, messageTH: "ไฟล์ใหญ่เกินกำหนด (ไม่เกิน \(limit / (1024 * 1024)) MB ต่อไฟล์)")
    }
    static let unsupported = EvidenceRejection(kind: .unsupportedType,
        messageTH: "ไม่รับไฟล์ชนิดนี้: รับเฉพาะ PDF, รูปภาพ PNG/JPEG/GIF และเอกสาร Office (DOCX, XLSX, PPTX) "
            + "โดยตรวจจากเนื้อไฟล์ ไม่ใช่จากนามสกุล")
    static let empty = EvidenceRejection(kind: .empty, messageTH: "ไฟล์ว่างเปล่า กรุณาเลือกไฟล์หลักฐาน")
}
