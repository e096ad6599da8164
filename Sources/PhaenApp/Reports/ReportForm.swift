import Foundation
import PhaenCore

/// What a person typed into the report form, kept as raw text. Parsing happens on the server
/// so that a mistyped number comes back next to the field with the text as typed, never lost.
public struct ReportForm: Codable, Hashable, Sendable {
    public var value: String
    public var claimedLevel: String
    public var narrative: String
    /// One project per line.
    public var supportingProjects: String
    /// One factor per line.
    public var factors: String
    /// One obstacle per line.
    public var obstacles: String
    /// Required at year-end when the computed level is below 5.
    public var explanation: String
    public var remarks: String

    /// The form fields by name, as the page and the API call them.
    public enum Field: String, CaseIterable, Sendable {
        case value, claimedLevel, narrative, supportingProjects, factors, obstacles, explanation, remarks
    }

    public init(value: String = "", claimedLevel: String = "", narrative: String = "", supportingProjects: String = "",
                factors: String = "", obstacles: String = "", explanation: String = "", remarks: String = "") {
        self.value = value; self.claimedLevel = claimedLevel; self.narrative = narrative
        self.supportingProjects = supportingProjects; self.factors = factors; self.obstacles = obstacles
        self.explanation = explanation; self.remarks = remarks
    }

    /// A PUT replaces the report's text, so an absent key means an empty field.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String { try c.decodeIfPresent(String.self, forKey: key) ?? "" }
        self.init(value: try text(.value), claimedLevel: try text(.claimedLevel), narrative: try text(.narrative),
                  supportingProjects: try text(.supportingProjects), factors: try text(.factors),
                  obstacles: try text(.obstacles), explanation: try text(.explanation), remarks: try text(.remarks))
    }

    /// Builds a form from named fields (a decoded form post); unknown names are ignored.
    public init(fields: [String: String]) {
        self.init(value: fields["value"] ?? "", claimedLevel: fields["claimedLevel"] ?? "",
                  narrative: fields["narrative"] ?? "", supportingProjects: fields["supportingProjects"] ?? "",
                  factors: fields["factors"] ?? "", obstacles: fields["obstacles"] ?? "",
                  explanation: fields["explanation"] ?? "", remarks: fields["remarks"] ?? "")
    }

    /// The form showing a stored report: the value as the reporter typed it when kept.
    public init(report: ProgressReport) {
        self.init(value: report.valueText ?? report.value.map { "\($0)" } ?? "",
                  claimedLevel: report.claimedLevel.map { "\($0)" } ?? "",
                  narrative: report.narrative ?? "",
                  supportingProjects: report.supportingProjects.map(\.name).joined(separator: "\n"),
                  factors: report.factors.joined(separator: "\n"),
                  obstacles: report.obstacles.joined(separator: "\n"),
                  explanation: report.explanation ?? "", remarks: report.remarks ?? "")
    }

    public subscript(field: Field) -> String {
        switch field {
        case .value: return value
        case .claimedLevel: return claimedLevel
        case .narrative: return narrative
        case .supportingProjects: return supportingProjects
        case .factors: return factors
        case .obstacles: return obstacles
        case .explanation: return explanation
        case .remarks: return remarks
        }
    }
}

/// The form could not be saved. Carries the form exactly as typed, a Thai message per field
/// and, for a stale form, the version someone else saved meanwhile.
public struct ReportFormErrors: Error, Sendable, CustomStringConvertible {
    public var form: ReportForm
    /// Field name (`ReportForm.Field.rawValue`) → Thai message.
    public var fields: [String: String]
    /// A message about the whole form (a stale version), in Thai.
    public var message: String?
    /// Set when someone else saved the report after the person loaded it.
    public var currentVersion: Int?

    public init(form: ReportForm, fields: [String: String] = [:], message: String? = nil, currentVersion: Int? = nil) {
        self.form = form; self.fields = fields; self.message = message; self.currentVersion = currentVersion
    }

    public var isStale: Bool { currentVersion != nil }
    /// One Thai line for places that show a single message (API error body, logs).
    public var summary: String {
        ([message].compactMap { $0 } + ReportForm.Field.allCases.compactMap { f in fields[f.rawValue].map { "\(f.thaiLabel): \($0)" } })
            .joined(separator: "; ")
    }
    public var description: String { summary }
}

extension ReportForm.Field {
    public var thaiLabel: String {
        switch self {
        case .value: return "ผลการดำเนินงาน"
        case .claimedLevel: return "ระดับที่ได้"
        case .narrative: return "รายละเอียดผลการดำเนินงาน"
        case .supportingProjects: return "โครงการที่สนับสนุน"
        case .factors: return "ปัจจัยสนับสนุน"
        case .obstacles: return "ปัญหาอุปสรรค"
        case .explanation: return "คำชี้แจงกรณีไม่เป็นไปตามเป้าหมาย"
        case .remarks: return "หมายเหตุ"
        }
    }
}

/// The numbers of a form, read with the Thai number parser (Thai or Arabic digits, commas).
struct ParsedReportForm {
    var value: Decimal?
    var claimedLevel: Decimal?
    var errors: [String: String]

    /// Fields longer than this are refused: a report field is prose, not a file.
    static let maxFieldLength = 20_000

    init(_ form: ReportForm) {
        errors = [:]
        value = nil; claimedLevel = nil
        let valueText = form.value.trimmingCharacters(in: .whitespacesAndNewlines)
        if !valueText.isEmpty {
            if let number = ThaiNumberParser.decimal(valueText) { value = number } else {
                errors[ReportForm.Field.value.rawValue] =
                    "«\(valueText)» ไม่ใช่ตัวเลขที่ถูกต้อง (ตัวอย่าง: ๑๒,๓๔๕.๖๗ หรือ 12345.67 หรือ ร้อยละ ๗๒)"
            }
        }
        let levelText = form.claimedLevel.trimmingCharacters(in: .whitespacesAndNewlines)
        if !levelText.isEmpty {
            if let level = ThaiNumberParser.decimal(levelText), level >= 1, level <= 5 { claimedLevel = level } else {
                errors[ReportForm.Field.claimedLevel.rawValue] = "ระดับที่ได้ต้องเป็นตัวเลข ๑ ถึง ๕ (กรอก «\(levelText)»)"
            }
        }
        for field in ReportForm.Field.allCases where form[field].count > Self.maxFieldLength {
            errors[field.rawValue] = "ข้อความยาวเกิน \(Self.maxFieldLength) ตัวอักษร"
        }
    }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func optionalText(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The report the form describes, on top of the stored one (keeps what the form does not
    /// show: as-of date, cited evidence, stated figures, the budgets of projects kept by name).
    func apply(_ form: ReportForm, to base: ProgressReport) -> ProgressReport {
        var report = base
        report.value = value
        report.valueText = value == nil ? nil : Self.optionalText(form.value)
        report.claimedLevel = claimedLevel
        report.narrative = Self.optionalText(form.narrative)
        let previous = Dictionary(base.supportingProjects.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        report.supportingProjects = Self.lines(form.supportingProjects).map { previous[$0] ?? SupportingProject(name: $0) }
        report.factors = Self.lines(form.factors)
        report.obstacles = Self.lines(form.obstacles)
        report.explanation = Self.optionalText(form.explanation)
        report.remarks = Self.optionalText(form.remarks)
        return report
    }
}
