import PhaenCore

/// `agreements`: the header; components, KPIs and appeals are rows of their own tables.
struct AgreementRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var pointsScheme: String
    var version: Int
    var body: String
    /// The whole agreement's JSON as an import last wrote it (migration 2), see `AgreementStore.save`.
    var importedBody: String?

    init(_ agreement: Agreement, version: Int, importedBody: String? = nil) throws {
        unitCode = agreement.unitCode; fiscalYear = agreement.fiscalYear.be
        pointsScheme = agreement.pointsScheme.rawValue; self.version = version; self.importedBody = importedBody
        var header = agreement
        header.components = []; header.appeals = []
        body = try JSONBody.encode(header)
    }

    func agreement(components: [Component], appeals: [Appeal]) throws -> Agreement {
        var agreement = try JSONBody.decode(Agreement.self, from: body)
        agreement.components = components; agreement.appeals = appeals
        return agreement
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
    var body: String

    init(_ agreement: Agreement, position: Int, component: Component) throws {
        unitCode = agreement.unitCode; fiscalYear = agreement.fiscalYear.be; self.position = position
        number = component.number; name = component.name; tag = component.tag; weight = DecimalText.text(component.weight)
        var header = component
        header.kpis = []
        body = try JSONBody.encode(header)
    }

    func component(kpis: [AgreementKPI]) throws -> Component {
        var component = try JSONBody.decode(Component.self, from: body)
        component.kpis = kpis
        return component
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
