import Foundation
import PhaenCore

/// `/units`: the units a person may see, grouped by kind, optionally filtered to one kind.
struct UnitsPage {
    struct KindFilter { var label: String; var href: String; var count: Int; var current: Bool }
    struct Row { var code: String; var name: String; var abbreviation: String?; var zone: String?; var href: String }
    struct Group { var title: String; var count: Int; var rows: [Row] }

    var title = "หน่วยงาน"
    var filters: [KindFilter]
    var groups: [Group]
    var total: Int
    var isEmpty: Bool

    /// `units` are already scoped to the person (ScopedData.units()).
    static func build(units: [PhaenCore.Unit], kind: UnitKind?) -> UnitsPage {
        let counts = Dictionary(grouping: units, by: \.kind).mapValues(\.count)
        var filters = [KindFilter(label: "ทั้งหมด", href: SiteURL.units().path, count: units.count, current: kind == nil)]
        for k in UnitKind.allCases where counts[k] != nil {
            filters.append(KindFilter(label: k.thaiName, href: SiteURL.units(kind: k).path, count: counts[k] ?? 0, current: kind == k))
        }
        let shown = units.filter { kind == nil || $0.kind == kind }
        let groups = UnitKind.allCases.compactMap { k -> Group? in
            let rows = shown.filter { $0.kind == k }.map { u in
                Row(code: u.code, name: u.nameTH, abbreviation: u.abbreviation, zone: u.zoneGroup, href: SiteURL.unit(u.code).path)
            }
            return rows.isEmpty ? nil : Group(title: k.thaiName, count: rows.count, rows: rows)
        }
        return UnitsPage(filters: filters, groups: groups, total: shown.count, isEmpty: shown.isEmpty)
    }
}
