import Foundation
import PhaenCore

/// The agreement exchange format (README "The agreement exchange format"): an agreement with
/// its results inline, scored without a database by `phaen score --input FILE`.
public struct ExchangeDocument: Sendable {
    public var agreement: Agreement
    public var results: [KPIResult]
    public var unitGroup: String?

    /// Decodes and checks a document; errors name the JSON path.
    public static func decode(_ data: Data) throws(ImportError) -> ExchangeDocument {
        let file: ExchangeFile
        do {
            file = try JSONDecoder().decode(ExchangeFile.self, from: data)
        } catch {
            throw ImportError(error)
        }
        return try file.document()
    }
}

struct ExchangeFile: Decodable {
    var fiscalYear: Int
    var unitCode: String?
    var unitGroup: String?
    var pointsScheme: PointsScheme
    var components: [ExchangeComponent]

    func document() throws(ImportError) -> ExchangeDocument {
        var results: [KPIResult] = []
        for (ci, component) in components.enumerated() {
            for (ki, kpi) in component.kpis.enumerated() {
                let path = "$.components[\(ci)].kpis[\(ki)].criteria"
                try Self.checkGroups(kpi.criteria, group: unitGroup, path: path)
                results.append(KPIResult(kpiCode: kpi.code, value: kpi.result, level: kpi.level,
                                         partValues: kpi.partResults, stated: kpi.stated))
            }
        }
        let agreement = Agreement(
            unitCode: unitCode ?? "-", fiscalYear: FiscalYear(fiscalYear), pointsScheme: pointsScheme,
            components: components.map { c in
                Component(number: c.number, name: c.name ?? "", weight: c.weight, kpis: c.kpis.map { k in
                    AgreementKPI(code: k.code, name: k.name ?? k.code, weight: k.weight, criteria: k.criteria)
                })
            })
        return ExchangeDocument(agreement: agreement, results: results, unitGroup: unitGroup)
    }

    /// A per-group table must have a row for the unit's group.
    static func checkGroups(_ criteria: Criteria, group: String?, path: String) throws(ImportError) {
        switch criteria {
        case .thresholds(let t):
            if case .perGroup(let rows) = t.table, group.flatMap({ rows[$0] }) == nil {
                let groups = rows.keys.sorted().joined(separator: ", ")
                throw ImportError(path: path + ".thresholds", message: group == nil
                    ? "thresholds are per unit group (\(groups)) but the document gives no unitGroup"
                    : "no threshold row for unit group \(group!) (the table has \(groups))")
            }
        case .composite(let c):
            for (i, part) in c.parts.enumerated() {
                try checkGroups(part.criteria, group: group, path: path + ".parts[\(i)]")
            }
        case .steps, .judged:
            break
        }
    }
}

struct ExchangeComponent: Decodable {
    var number: String
    var name: String?
    var weight: Decimal?
    var kpis: [ExchangeKPI]
}

struct ExchangeKPI: Decodable {
    var code: String
    var name: String?
    var weight: Decimal
    var criteria: Criteria
    var result: Decimal?
    var level: Decimal?
    var stated: StatedFigures?
    /// Composite parts carry their own "result" (or "level" for a judged part).
    var partResults: [Decimal?]?

    enum CodingKeys: String, CodingKey { case code, name, weight, criteria, result, level, stated }
    enum CriteriaKeys: String, CodingKey { case parts }
    struct PartResult: Decodable { var result: Decimal?; var level: Decimal? }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        weight = try c.decode(Decimal.self, forKey: .weight)
        criteria = try c.decode(Criteria.self, forKey: .criteria)
        result = try c.decodeIfPresent(Decimal.self, forKey: .result)
        level = try c.decodeIfPresent(Decimal.self, forKey: .level)
        stated = try c.decodeIfPresent(StatedFigures.self, forKey: .stated)
        if case .composite = criteria {
            let parts = try c.nestedContainer(keyedBy: CriteriaKeys.self, forKey: .criteria)
                .decode([PartResult].self, forKey: .parts)
            partResults = parts.map { $0.result ?? $0.level }
        }
    }
}
