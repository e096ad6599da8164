import Foundation
import PhaenApp
import PhaenCore
import PhaenStore

/// `/units/{code}/reports/{year}/{round}/{kpi}`: the form (or the report as sent), the
/// computed score, the buttons of the transitions this person may take, the evidence, the
/// workflow history and the audit trail. Built from `ReportView`, which is already scoped.
struct ReportPage {
    struct Field {
        var name: String
        var label: String
        var value: String
        var error: String?
        var multiline: Bool
        var hint: String?
        var rows: Int
    }
    struct Shown { var label: String; var value: String }
    struct Preview {
        var level: String; var points: String; var weighted: String; var weight: String
        var rule: String; var explanation: String; var band: String
    }
    struct Button { var name: String; var label: String; var action: String; var isReturn: Bool }
    struct Event { var at: String; var actor: String; var role: String; var action: String; var to: String; var reason: String? }
    struct EvidenceRow { var name: String; var href: String; var type: String; var size: String; var by: String; var at: String }
    struct AuditRow { var at: String; var actor: String; var action: String; var changes: [String] }
    struct Returned { var reason: String; var actor: String; var at: String }
    struct Level { var level: Int; var text: String }
    struct Latest { var items: [Shown] }

    var title: String
    var unitName: String
    var unitURL: String
    var yearURL: String
    var agreementURL: String
    var kpiCode: String
    var kpiName: String
    var roundName: String
    var year: String
    var stateName: String
    var stateClass: String
    var deadline: String
    var late: Bool
    var returned: Returned?
    var notice: String?
    var alert: String?

    var weight: String?
    var criteria: String?
    var levels: [Level]
    var thresholds: String?
    var preview: Preview?

    var editable: Bool
    var formAction: String
    var previewURL: String
    var scriptURL: String
    var csrf: String?
    var version: String
    var fields: [Field]
    var shown: [Shown]
    /// After a stale save: the version someone else saved, beside the person's own text.
    var latest: Latest?

    var buttons: [Button]
    var reason: String
    var reasonError: String?

    var evidence: [EvidenceRow]
    var uploadURL: String
    var uploadLimit: String
    var events: [Event]
    var audit: [AuditRow]

    /// What to show besides the stored report: the form as typed with its errors after a
    /// refused save, the preview of typed values, a message.
    struct Overlay {
        var form: ReportForm?
        var fieldErrors: [String: String] = [:]
        var preview: ReportPreview?
        var notice: String?
        var alert: String?
        /// The version the form was loaded with (kept on a stale save so the person sees the new one only after reloading).
        var version: Int??
        var reason: String = ""
        var reasonError: String?
        /// Show the stored report beside the typed form (someone else saved meanwhile).
        var showLatest = false
    }

    static func build(_ view: ReportView, overlay: Overlay = .init(), csrf: String?, evidenceLimit: Int, today: CivilDate) -> ReportPage {
        let ref = view.key
        let form = overlay.form ?? view.form
        let preview = overlay.preview ?? view.preview
        let kpiDetail = view.kpi.map { KPIDetail.build($0, scheme: view.pointsScheme ?? .twentyToHundred, unitGroup: view.unitGroup, findings: []) }
        let version = overlay.version ?? view.version
        return ReportPage(
            title: "รายงานตัวชี้วัด \(ref.kpiCode) \(ref.round.thaiName)",
            unitName: view.unit.nameTH, unitURL: SiteURL.unit(ref.unitCode).path,
            yearURL: ReportURL.year(ref.unitCode, ref.fiscalYear).path,
            agreementURL: SiteURL.agreement(ref.unitCode, ref.fiscalYear).path,
            kpiCode: ref.kpiCode, kpiName: view.kpi?.name ?? view.report.kpiName ?? ref.kpiCode,
            roundName: ref.round.thaiName, year: String(ref.fiscalYear.be),
            stateName: stateName(view.state, returned: view.returnReason != nil), stateClass: "state-\(view.state.rawValue)",
            deadline: ReportFormat.day(view.deadline),
            late: ReportDeadline.isLate(ref.round, in: ref.fiscalYear, state: view.state, today: today),
            returned: view.returnReason.map { Returned(reason: $0.reason ?? "", actor: $0.actor, at: ReportFormat.date($0.at)) },
            notice: overlay.notice, alert: overlay.alert,
            weight: view.kpi.map { ReportFormat.number($0.weight) ?? "" },
            criteria: kpiDetail?.criteriaSummary,
            levels: levels(view.kpi?.criteria),
            thresholds: kpiDetail?.thresholdRows.first { $0.applies }?.values.joined(separator: " / "),
            preview: preview.map(previewView),
            editable: view.editable,
            formAction: ReportURL.report(ref).path, previewURL: ReportURL.preview(ref).path, scriptURL: ReportURL.script.path,
            csrf: csrf, version: version.map(String.init) ?? "",
            fields: fields(form, errors: overlay.fieldErrors, yearEnd: ref.round == .yearEnd),
            shown: shown(form),
            latest: overlay.showLatest ? Latest(items: shown(view.form)) : nil,
            buttons: view.available.map { t in
                Button(name: t.rawValue, label: t.thaiName, action: ReportURL.transition(ref, t).path, isReturn: t == .return)
            },
            reason: overlay.reason, reasonError: overlay.reasonError,
            evidence: view.evidence.map { f in
                EvidenceRow(name: f.originalName, href: ReportURL.evidence(f.id).path, type: typeName(f.contentType),
                            size: ReportFormat.size(f.size), by: f.uploadedBy, at: ReportFormat.date(f.uploadedAt))
            },
            uploadURL: ReportURL.evidenceUpload(ref).path, uploadLimit: ReportFormat.size(evidenceLimit),
            events: view.events.reversed().map { e in
                Event(at: ReportFormat.date(e.at), actor: e.actor, role: e.role.thaiName, action: e.transition.thaiName,
                      to: e.to.thaiName, reason: e.reason)
            },
            audit: view.audit.reversed().map { a in
                AuditRow(at: ReportFormat.date(a.at), actor: a.actor, action: actionName(a), changes: changes(a))
            })
    }

    static func stateName(_ state: ReportState, returned: Bool) -> String {
        returned ? "ถูกส่งคืนแก้ไข" : state.thaiName
    }

    static func previewView(_ p: ReportPreview) -> Preview {
        Preview(level: ReportFormat.number(p.level) ?? "–", points: p.points.map { "\(ReportFormat.number($0) ?? "")%" } ?? "–",
                weighted: ReportFormat.number(p.weightedScore) ?? "–", weight: ReportFormat.number(p.weight) ?? "",
                rule: LevelBand.ruleTH(p.rule), explanation: p.explanation, band: LevelBand.cssClass(level: p.level))
    }

    static func levels(_ criteria: Criteria?) -> [Level] {
        switch criteria {
        case .steps(let s)?: return s.steps.enumerated().map { Level(level: $0.offset + 1, text: "ขั้นตอนที่ \($0.offset + 1): \($0.element)") }
        case .judged(let j)?: return j.levels.enumerated().map { Level(level: $0.offset + 1, text: $0.element) }
        default: return []
        }
    }

    static func fields(_ form: ReportForm, errors: [String: String], yearEnd: Bool) -> [Field] {
        ReportForm.Field.allCases.map { f in
            let hint: String?
            switch f {
            case .value: hint = "ตัวเลขไทยหรืออารบิกก็ได้ เช่น ๑๒,๓๔๕.๖๗ หรือ ร้อยละ 72"
            case .claimedLevel: hint = "สำหรับตัวชี้วัดแบบขั้นตอน/เงื่อนไข: ๑ ถึง ๕"
            case .supportingProjects, .factors, .obstacles: hint = "บรรทัดละหนึ่งรายการ"
            case .explanation: hint = yearEnd ? "ต้องกรอกเมื่อผลต่ำกว่าเป้าหมาย (ระดับ ๕)" : nil
            default: hint = nil
            }
            let multiline = f != .value && f != .claimedLevel
            return Field(name: f.rawValue, label: f.thaiLabel, value: form[f], error: errors[f.rawValue],
                         multiline: multiline, hint: hint, rows: f == .narrative ? 6 : 3)
        }
    }

    static func shown(_ form: ReportForm) -> [Shown] {
        ReportForm.Field.allCases.compactMap { f in
            let value = form[f].trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : Shown(label: f.thaiLabel, value: value)
        }
    }

    static func typeName(_ contentType: String) -> String {
        switch contentType {
        case EvidenceSniffer.pdf: "PDF"
        case EvidenceSniffer.png: "รูปภาพ PNG"
        case EvidenceSniffer.jpeg: "รูปภาพ JPEG"
        case EvidenceSniffer.gif: "รูปภาพ GIF"
        case EvidenceSniffer.docx: "Word"
        case EvidenceSniffer.xlsx: "Excel"
        case EvidenceSniffer.pptx: "PowerPoint"
        default: contentType
        }
    }

    static func actionName(_ entry: AuditEntry) -> String {
        if entry.objectKind == "evidence" { return "แนบหลักฐาน" }
        if entry.action == "save" { return entry.before == nil ? "สร้างรายงาน" : "บันทึกร่าง" }
        if entry.action == "import" { return "นำเข้าข้อมูล" }
        return ReportTransition(rawValue: entry.action)?.thaiName ?? entry.action
    }

    /// "label: before → after" for each field of the report that changed.
    static func changes(_ entry: AuditEntry) -> [String] {
        if entry.objectKind == "evidence" {
            let file = entry.after.flatMap { try? JSONDecoder().decode(EvidenceNameOnly.self, from: Data($0.utf8)) }
            return file.map { [$0.originalName] } ?? []
        }
        func object(_ text: String?) -> [String: Any] {
            guard let text, let data = text.data(using: .utf8),
                  let value = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
            return value
        }
        let before = object(entry.before), after = object(entry.after)
        let labels: [(String, String)] = [("state", "สถานะ")] + ReportForm.Field.allCases.map { ($0.rawValue, $0.thaiLabel) }
        return labels.compactMap { key, label in
            let a = display(before[key]), b = display(after[key])
            guard a != b else { return nil }
            if key == "state" {
                // A new report starts as a draft: not a change worth a line.
                if a.isEmpty { return nil }
                return "\(label): \(ReportState(rawValue: a)?.thaiName ?? a) → \(ReportState(rawValue: b)?.thaiName ?? b)"
            }
            return "\(label): \(short(a.isEmpty ? "–" : a)) → \(short(b.isEmpty ? "–" : b))"
        }
    }

    private struct EvidenceNameOnly: Decodable { var originalName: String }

    static func display(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        case let list as [Any]:
            return list.map { item in
                if let dict = item as? [String: Any], let name = dict["name"] { return display(name) }
                return display(item)
            }.joined(separator: ", ")
        default: return "\(value!)"
        }
    }

    static func short(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count > 80 ? String(line.prefix(79)) + "…" : line
    }
}
