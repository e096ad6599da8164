import PhaenCore

/// `units`: a unit's own fields; its sections are rows of `sections`.
struct UnitRow: Codable {
    var code: String
    var kind: String
    var nameTh: String
    var nameEn: String?
    var abbreviation: String?
    var parentCode: String?
    var zoneGroup: String?

    init(_ unit: Unit) {
        code = unit.code; kind = unit.kind.rawValue; nameTh = unit.nameTH; nameEn = unit.nameEN
        abbreviation = unit.abbreviation; parentCode = unit.parentCode; zoneGroup = unit.zoneGroup
    }

    func unit(sections: [Section]) throws -> Unit {
        guard let kind = UnitKind(rawValue: kind) else {
            throw StoreError("ชนิดหน่วยงานในฐานข้อมูลไม่รู้จัก: \(kind) (unit \(code))")
        }
        return Unit(code: code, kind: kind, nameTH: nameTh, nameEN: nameEn, abbreviation: abbreviation,
                    parentCode: parentCode, zoneGroup: zoneGroup, sections: sections)
    }
}

/// `sections`: one section of a unit, in printed order; aliases as a JSON array.
struct SectionRow: Codable {
    var unitCode: String
    var position: Int
    var name: String
    var parent: String?
    var aliases: String

    init(unitCode: String, position: Int, section: Section) throws {
        self.unitCode = unitCode; self.position = position; name = section.name; parent = section.parent
        aliases = try JSONBody.encode(section.aliases)
    }

    func section() throws -> Section {
        Section(name: name, aliases: try JSONBody.decode([String].self, from: aliases), parent: parent)
    }
}

/// `unit_groups`: the group (A–D) of a unit in one fiscal year.
struct UnitGroupRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var grp: String
}

/// `framework_nodes`: a node of one year's frameworks at its printed position.
struct FrameworkNodeRow: Codable {
    var fiscalYear: Int
    var position: Int
    var level: String
    var code: String
    var name: String
    var parent: String?
    var body: String

    init(position: Int, node: FrameworkNode) throws {
        fiscalYear = node.fiscalYear.be; self.position = position; level = node.level.rawValue
        code = node.code; name = node.name; parent = node.parent; body = try JSONBody.encode(node)
    }

    func node() throws -> FrameworkNode { try JSONBody.decode(FrameworkNode.self, from: body) }
}
