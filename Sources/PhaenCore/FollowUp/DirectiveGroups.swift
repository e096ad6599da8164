import Foundation

/// The ten directive groups (ประเภทคำสั่งการฯ, reports-spec §2.3). The source document lost
/// their names, so none are built in: an administrator names them, and an unnamed group
/// prints as "กลุ่มที่ N".
public struct DirectiveGroup: Codable, Hashable, Sendable {
    public static let count = 10
    public static let numbers = 1...count

    public var number: Int
    public var name: String?

    public init(number: Int, name: String? = nil) { self.number = number; self.name = name }

    public var displayName: String {
        if let name, !name.trimmingCharacters(in: .whitespaces).isEmpty { return "กลุ่มที่ \(number) \(name)" }
        return "กลุ่มที่ \(number)"
    }

    /// All ten groups, named where `names` has a name.
    public static func all(names: [Int: String]) -> [DirectiveGroup] {
        numbers.map { DirectiveGroup(number: $0, name: names[$0]) }
    }
}

/// What a new directive must satisfy before it is stored. Pure: the caller passes the unit
/// codes that exist and the ids already taken.
public enum DirectiveRules {
    /// Field → Thai message; empty when the directive may be registered.
    public static func check(_ d: Directive, knownUnits: Set<String>, takenIDs: Set<String>) -> [String: String] {
        var errors: [String: String] = [:]
        let id = d.id.trimmingCharacters(in: .whitespaces)
        if id.isEmpty {
            errors["id"] = "กรอกเลขที่ข้อสั่งการ (เช่น 2566-1-01)"
        } else if !id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) {
            errors["id"] = "เลขที่ข้อสั่งการใช้ได้เฉพาะตัวอักษร ตัวเลข และ - _ ."
        } else if takenIDs.contains(id) {
            errors["id"] = "มีข้อสั่งการเลขที่ \(id) อยู่แล้ว"
        }
        if !(2400...2700).contains(d.fiscalYear.be) { errors["year"] = "ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2566" }
        if let round = d.inspectionRound, !(1...2).contains(round) { errors["round"] = "รอบการตรวจราชการมีรอบที่ 1 และรอบที่ 2" }
        if d.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors["text"] = "กรอกข้อความข้อสั่งการ" }
        if let group = d.group, !DirectiveGroup.numbers.contains(group) { errors["group"] = "เลือกกลุ่มที่ 1–10" }
        if d.addressedUnits.isEmpty {
            errors["units"] = "ระบุหน่วยงานที่ต้องดำเนินการอย่างน้อย 1 หน่วยงาน"
        } else {
            let unknown = d.addressedUnits.filter { !knownUnits.contains($0) }
            if !unknown.isEmpty { errors["units"] = "ไม่พบหน่วยงานรหัส \(unknown.joined(separator: ", "))" }
            else if Set(d.addressedUnits).count != d.addressedUnits.count { errors["units"] = "ระบุหน่วยงานซ้ำ" }
        }
        return errors
    }
}
