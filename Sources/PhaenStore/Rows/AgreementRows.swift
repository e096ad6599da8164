import PhaenCore

/// `agreements`: the header; components, KPIs and appeals are rows of their own tables.
struct AgreementRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var pointsScheme: String
    var version: Int

    func agreement(components: [Component], appeals: [Appeal]) throws -> Agreement {
        guard let scheme = PointsScheme(rawValue: pointsScheme) else {
            throw StoreError("เกณฑ์คะแนนในฐานข้อมูลไม่รู้จัก: \(pointsScheme) (agreement \(unitCode)/\(fiscalYear))")
        }
        return Agreement(unitCode: unitCode, fiscalYear: FiscalYear(fiscalYear), pointsScheme: scheme,
                         components: components, appeals: appeals)
    }
}

struct ComponentRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var position: Int
    var number: String
    var name: String
    var tag: String?
    var weight: String?

    init(_ agreement: Agreement, position: Int, component: Component) {
        unitCode = agreement.unitCode; fiscalYear = agreement.fiscalYear.be; self.position = position
        number = component.number; name = component.name; tag = component.tag; weight = DecimalText.text(component.weight)
    }

    func component(kpis: [AgreementKPI]) throws -> Component {
        Component(number: number, name: name, tag: tag,
                  weight: try DecimalText.decimal(weight, column: "components.weight"), kpis: kpis)
    }
}

/// `agreement_kpis`: the KPI in full as `body`; code, weight and criteria also as columns so
/// they can be queried without decoding.
struct AgreementKPIRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var componentPosition: Int
    var position: Int
    var code: String
    var name: String
    var weight: String
    var criteria: String
    var body: String

    init(_ agreement: Agreement, componentPosition: Int, position: Int, kpi: AgreementKPI) throws {
        unitCode = agreement.unitCode; fiscalYear = agreement.fiscalYear.be
        self.componentPosition = componentPosition; self.position = position
        code = kpi.code; name = kpi.name; weight = kpi.weight.description
        criteria = try JSONBody.encode(kpi.criteria); body = try JSONBody.encode(kpi)
    }

    func kpi() throws -> AgreementKPI { try JSONBody.decode(AgreementKPI.self, from: body) }
}

struct AppealRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var position: Int
    var kpiCode: String
    var kind: String
    var decision: String
    var body: String

    init(_ agreement: Agreement, position: Int, appeal: Appeal) throws {
        unitCode = agreement.unitCode; fiscalYear = agreement.fiscalYear.be; self.position = position
        kpiCode = appeal.kpiCode; kind = appeal.kind.rawValue; decision = appeal.decision.rawValue
        body = try JSONBody.encode(appeal)
    }

    func appeal() throws -> Appeal { try JSONBody.decode(Appeal.self, from: body) }
}
