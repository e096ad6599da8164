import Foundation

/// The rules of an innovation project: which status may follow which, what each form must
/// hold, and the level the agreement's innovation KPI reads from the record.
///
/// **Level rule** (the documents do not state the parts' points, reports-spec §1.16; this
/// is Phaen's documented rule, following the phases of the BY quarterly entries). Levels are
/// consecutive — a level needs every lower one:
/// 1. form 1 recorded (ideas from the sections);
/// 2. form 2 recorded (the working group's selection with its minutes);
/// 3. forms 3 and 4 recorded, the committee approved the project (and any revisions it
///    required are marked done);
/// 4. status in trial or in use (developed, being tried);
/// 5. status in use and form 5 recorded (use and satisfaction report).
/// Nothing recorded gives no level (the KPI stays unscored).
public enum InnovationProgress {
    public static func next(from status: Innovation.Status) -> Innovation.Status? {
        switch status {
        case .development: return .trial
        case .trial: return .inUse
        case .inUse: return nil
        }
    }

    /// The level the innovation KPI reads, with the Thai explanation of how it was reached.
    public static func level(_ innovation: Innovation) -> (level: Int, explanation: String)? {
        var level = 0
        var reasons: [String] = []
        if innovation.form(1) != nil { level = 1; reasons.append("มีแบบฟอร์มที่ 1") }
        if level == 1, innovation.form(2) != nil { level = 2; reasons.append("มีแบบฟอร์มที่ 2") }
        if level == 2, innovation.form(3) != nil, let f4 = innovation.form(4), screeningPassed(f4) {
            level = 3; reasons.append("แบบฟอร์มที่ 3–4 คณะกรรมการเห็นชอบ")
        }
        if level == 3, innovation.status != .development { level = 4; reasons.append("สถานะ\(innovation.status.shortName)") }
        if level == 4, innovation.status == .inUse, innovation.form(5) != nil { level = 5; reasons.append("มีแบบฟอร์มที่ 5") }
        guard level > 0 else { return nil }
        return (level, "ระดับ \(level) จากนวัตกรรม «\(innovation.title)»: " + reasons.joined(separator: ", "))
    }

    static func screeningPassed(_ form: Innovation.Form) -> Bool {
        switch form.decision {
        case .approved: return true
        case .revise: return form.revisionsDone == true
        case .rejected, nil: return false
        }
    }

    /// A status change the rules refuse, or nil when allowed: one step forward at a time;
    /// trial needs the committee's approval (forms 3–4); in use needs the trial first.
    public static func refusal(from innovation: Innovation, to status: Innovation.Status) -> String? {
        guard next(from: innovation.status) == status else {
            return "เปลี่ยนสถานะจาก «\(innovation.status.shortName)» เป็น «\(status.shortName)» ไม่ได้ "
                + "(ลำดับคือ อยู่ระหว่างการพัฒนา → อยู่ระหว่างการทดลองใช้ → นำไปใช้ประโยชน์แล้ว)"
        }
        if status == .trial {
            guard innovation.form(3) != nil, let f4 = innovation.form(4), screeningPassed(f4) else {
                return "ก่อนทดลองใช้ ต้องมีแบบฟอร์มที่ 3 และผลการกลั่นกรองของคณะกรรมการ (แบบฟอร์มที่ 4) ที่เห็นชอบ"
                    + " และแก้ไขตามที่คณะกรรมการกำหนดแล้ว"
            }
        }
        return nil
    }

    /// Field → Thai message for one form; empty when it may be saved.
    public static func check(_ form: Innovation.Form) -> [String: String] {
        var errors: [String: String] = [:]
        guard (1...5).contains(form.number) else { return ["number": "แบบฟอร์มมีหมายเลข 1–5"] }
        if form.summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors["summary"] = "กรอกสรุปสาระของแบบฟอร์ม" }
        switch form.number {
        case 1:
            if (form.ideas ?? []).isEmpty { errors["ideas"] = "กรอกแนวคิดนวัตกรรมอย่างน้อย 1 แนวคิด (บรรทัดละ 1 แนวคิด)" }
        case 2:
            if (form.minutes ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors["minutes"] = "กรอกบันทึกการประชุมคัดเลือก (หรือเลขที่/ที่เก็บรายงานการประชุม)"
            }
        case 4:
            if form.decision == nil { errors["decision"] = "เลือกผลการพิจารณาของคณะกรรมการ" }
            if form.decision == .revise, (form.revisions ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors["revisions"] = "ระบุสิ่งที่คณะกรรมการให้แก้ไขปรับปรุง"
            }
        case 5:
            if let users = form.users, users < 0 { errors["users"] = "จำนวนผู้ใช้ต้องไม่ติดลบ" }
            if let p = form.satisfactionPercent, p < 0 || p > 100 { errors["satisfaction"] = "ความพึงพอใจเป็นร้อยละ 0–100" }
        default: break
        }
        return errors
    }
}
