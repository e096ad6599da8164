import Foundation
import PhaenCore

/// What a person typed to register a directive, kept as text so every mistake comes back
/// next to its field with nothing lost.
public struct DirectiveForm: Codable, Hashable, Sendable {
    public var id = ""
    public var source = DirectiveSource.inspector.rawValue
    public var year = ""
    public var round = ""
    public var date = ""
    public var group = ""
    /// Impact factor numbers 1–5 that were ticked.
    public var factors: [String] = []
    /// Unit codes separated by spaces, commas or new lines.
    public var units = ""
    public var text = ""

    public init() {}

    /// From a decoded form post (`factor1` … `factor5` are checkboxes).
    public init(fields: [String: String]) {
        id = fields["id"] ?? ""; source = fields["source"] ?? ""; year = fields["year"] ?? ""
        round = fields["round"] ?? ""; date = fields["date"] ?? ""; group = fields["group"] ?? ""
        factors = ImpactFactor.allCases.map { String($0.rawValue) }.filter { fields["factor\($0)"] != nil }
        units = fields["units"] ?? ""; text = fields["text"] ?? ""
    }

    public var unitCodes: [String] {
        units.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map { ThaiDigits.toArabic(String($0)) }
    }
}

public struct DirectiveFormErrors: Error, Sendable, CustomStringConvertible {
    public var form: DirectiveForm
    public var fields: [String: String]
    public var description: String { fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ") }
}

/// A unit's status report as typed.
public struct DirectiveStatusForm: Codable, Hashable, Sendable {
    public var status = ""
    public var date = ""
    public var details = ""
    public var reason = ""
    public var evidence = ""

    public init() {}

    public init(fields: [String: String]) {
        status = fields["status"] ?? ""; date = fields["date"] ?? ""; details = fields["details"] ?? ""
        reason = fields["reason"] ?? ""; evidence = fields["evidence"] ?? ""
    }
}

public struct DirectiveStatusFormErrors: Error, Sendable, CustomStringConvertible {
    public var form: DirectiveStatusForm
    public var fields: [String: String]
    public var description: String { fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ") }
}

/// The person may read but not do this (403 with the Thai message).
public struct FollowUpRefusal: Error, Sendable, CustomStringConvertible {
    public var messageTH: String
    public init(_ messageTH: String) { self.messageTH = messageTH }
    public var description: String { messageTH }
}

/// Dates typed as ISO (2024-01-15), or Thai (15/1/2567, ๑๕/๑/๒๕๖๗): a year above 2400 is BE.
enum TypedDate {
    static func parse(_ text: String) -> CivilDate? {
        let t = ThaiDigits.toArabic(text.trimmingCharacters(in: .whitespaces))
        if let iso = CivilDate(iso: t) { return iso }
        let parts = t.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return parts[2] > 2400 ? CivilDate(beYear: parts[2], month: parts[1], day: parts[0])
            : CivilDate(validYear: parts[2], month: parts[1], day: parts[0])
    }
}
