import Foundation
import PhaenCore
import PhaenStore

/// Why a plan or agreement edit was refused for a reason other than what was typed.
/// `notAllowed` is a 403 (the person may read the unit but not change this), `notDraft` a 409.
public struct EditRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case notAllowed, notDraft }
    public var kind: Kind
    public var messageTH: String
    public var messageEN: String
    public var description: String { messageTH }
}

/// What was typed could not be saved: a Thai message per field (keyed by the form's field
/// name), and the findings of the rules that refused it. Nothing was saved.
public struct EditFormErrors: Error, Sendable, CustomStringConvertible {
    public var fields: [String: String]
    public var findings: [Finding]
    public var description: String { fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ") }
    public init(fields: [String: String], findings: [Finding] = []) { self.fields = fields; self.findings = findings }
}

/// Parsing helpers shared by the editing use cases.
enum EditParse {
    static func trimmed(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    static func hasDigit(_ s: String) -> Bool {
        s.unicodeScalars.contains { ("0"..."9").contains($0) || (0x0E50...0x0E59).contains($0.value) }
    }

    /// A budget cell as typed: empty → none; a text without digits ("-", "ไม่ใช้งบประมาณ") is
    /// kept as printed; anything with digits must be a whole amount (`๑๒,๓๔๕.๖๗`, `12,203,500.-`).
    static func budget(_ text: String?) -> Parsed<BudgetCell?> {
        let t = trimmed(text)
        if t.isEmpty { return .ok(nil) }
        let cell = BudgetCell(printed: t)
        if cell.amount == nil, hasDigit(t) {
            return .bad("«\(t)» ไม่ใช่จำนวนเงินที่ถูกต้อง (เช่น 1,250,000 หรือ ๑,๒๕๐,๐๐๐)")
        }
        return .ok(cell)
    }

    static func decimal(_ text: String?) -> Parsed<Decimal?> {
        let t = trimmed(text)
        if t.isEmpty { return .ok(nil) }
        guard let d = ThaiNumberParser.decimal(t) else { return .bad("«\(t)» ไม่ใช่ตัวเลขที่ถูกต้อง") }
        return .ok(d)
    }

    static func auditEntries(_ store: PhaenStore, kind: String, unit: String, year: FiscalYear) async throws -> [AuditEntry] {
        try await store.audit(objectKind: kind, objectKey: "\(unit)/\(year.be)")
    }
}

/// A parsed field, or the Thai message saying why it could not be read.
enum Parsed<Value> {
    case ok(Value)
    case bad(String)
}
