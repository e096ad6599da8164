import Foundation

/// Kinds of BMA units (หน่วยงาน).
public enum UnitKind: String, Codable, Sendable, CaseIterable {
    case district   // สำนักงานเขต
    case bureau     // สำนัก
    case office     // สำนักงาน (e.g. สำนักงานเลขานุการปลัดกรุงเทพมหานคร, สำนักงาน ก.ก.)
    case division   // กอง (e.g. กองงานผู้ตรวจราชการ)

    public var thaiName: String {
        switch self {
        case .district: return "สำนักงานเขต"
        case .bureau: return "สำนัก"
        case .office: return "สำนักงาน"
        case .division: return "กอง"
        }
    }
}

/// A section of a unit (ฝ่าย / ส่วน / กลุ่มงาน / ศูนย์), with the short aliases documents use.
public struct Section: Codable, Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    /// Sub-sections (a กลุ่มงาน under a ส่วน).
    public var parent: String?

    public init(name: String, aliases: [String] = [], parent: String? = nil) {
        self.name = name; self.aliases = aliases; self.parent = parent
    }

    enum CodingKeys: String, CodingKey { case name, aliases, parent }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
    }
}

/// A BMA unit. Districts carry their official code (10xx); other units a stable code of
/// Phaen's own (see the demo dataset).
public struct Unit: Codable, Hashable, Sendable, Identifiable {
    public var code: String
    public var kind: UnitKind
    public var nameTH: String
    public var nameEN: String?
    public var abbreviation: String?
    /// The unit it belongs to (สังกัด), by code.
    public var parentCode: String?
    /// Districts only: the zone group (กลุ่มเขต), e.g. กรุงธนใต้.
    public var zoneGroup: String?
    public var sections: [Section]

    public var id: String { code }

    public init(code: String, kind: UnitKind, nameTH: String, nameEN: String? = nil, abbreviation: String? = nil,
                parentCode: String? = nil, zoneGroup: String? = nil, sections: [Section] = []) {
        self.code = code; self.kind = kind; self.nameTH = nameTH; self.nameEN = nameEN
        self.abbreviation = abbreviation; self.parentCode = parentCode; self.zoneGroup = zoneGroup
        self.sections = sections
    }

    enum CodingKeys: String, CodingKey { case code, kind, nameTH, nameEN, abbreviation, parentCode, zoneGroup, sections }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        kind = try c.decode(UnitKind.self, forKey: .kind)
        nameTH = try c.decode(String.self, forKey: .nameTH)
        nameEN = try c.decodeIfPresent(String.self, forKey: .nameEN)
        abbreviation = try c.decodeIfPresent(String.self, forKey: .abbreviation)
        parentCode = try c.decodeIfPresent(String.self, forKey: .parentCode)
        zoneGroup = try c.decodeIfPresent(String.self, forKey: .zoneGroup)
        sections = try c.decodeIfPresent([Section].self, forKey: .sections) ?? []
    }

    /// Resolves a section name as printed (official name or alias, ignoring spaces) to the
    /// official section; nil when the unit has no such section.
    public func section(named printed: String) -> Section? {
        let key = Self.normalise(printed)
        return sections.first { s in
            Self.normalise(s.name) == key || s.aliases.contains { Self.normalise($0) == key }
        }
    }

    /// Section names are printed with stray spaces ("ฝ่ายพัฒนา ชุมชนฯ"); compare without them.
    static func normalise(_ s: String) -> String { s.filter { !$0.isWhitespace } }
}

/// The unit group (กลุ่มหน่วยงาน A–D) a unit belongs to in one fiscal year; some KPIs have
/// thresholds per group.
public struct UnitGroupAssignment: Codable, Hashable, Sendable {
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var group: String

    public init(unitCode: String, fiscalYear: FiscalYear, group: String) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.group = group
    }
}
