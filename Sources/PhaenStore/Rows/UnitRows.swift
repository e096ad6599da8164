import PhaenCore

// Every row keeps its value's JSON in `body` and reads decode that, not the columns: a field
// added to the model later then round-trips without a migration. The other columns copy the
// fields that queries filter, join or sort on.

/// `units`: the unit without its sections, which are rows of `sections`.
struct UnitRow: Codable {
    var code: String
    var kind: String
    var nameTh: String
    var nameEn: String?
    var abbreviation: String?
    var parentCode: String?
    var zoneGroup: String?
    var body: String

    init(_ unit: PhaenCore.Unit) throws {
        code = unit.code; kind = unit.kind.rawValue; nameTh = unit.nameTH; nameEn = unit.nameEN
        abbreviation = unit.abbreviation; parentCode = unit.parentCode; zoneGroup = unit.zoneGroup
        var header = unit
        header.sections = []
        body = try JSONBody.encode(header)
    }

    func unit(sections: [Section]) throws -> PhaenCore.Unit {
        var unit = try JSONBody.decode(PhaenCore.Unit.self, from: body)
        unit.sections = sections
        return unit
    }
}

/// `sections`: one section of a unit, in printed order.
struct SectionRow: Codable {
    var unitCode: String
    var position: Int
    var name: String
    var parent: String?
    var body: String

    init(unitCode: String, position: Int, section: Section) throws {
        self.unitCode = unitCode; self.position = position; name = section.name; parent = section.parent
        body = try JSONBody.encode(section)
    }

    func section() throws -> Section { try JSONBody.decode(Section.self, from: body) }
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
