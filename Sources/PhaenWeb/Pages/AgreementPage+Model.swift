import Foundation
import PhaenApp
import PhaenCore

/// `/units/{code}/agreements/{year}`: the components and their weights, the KPI table, and
/// each KPI's criteria (the printed level rows and the threshold rows per unit group), with
/// the agreement's validation findings beside what they concern.
struct AgreementPage {
    struct ComponentView {
        var number: String; var name: String; var tag: String?; var weight: String
        var kpis: [KPIRow]; var findings: [FindingView]
    }
    struct KPIRow {
        var code: String; var name: String; var weight: String; var target: String?
        var criteria: String; var anchor: String; var flagged: Bool
    }

    var title: String
    var unitName: String
    var unitURL: String
    var unitsURL = SiteURL.units().path
    var year: String
    var scheme: String
    var unitGroup: String?
    var planURL: String?
    var scoresURL: String
    var totalWeight: String
    var components: [ComponentView]
    var details: [KPIDetail]
    var findings: [FindingView]
    /// Set by the page handler: the edit form's link (only for those allowed) and the history.
    var editURL: String? = nil
    var history: [EditAuditView] = []

    static func build(code: String, year: FiscalYear, data: ScopedData) async throws -> AgreementPage {
        let unit = try await data.requireUnit(code)
        guard let agreement = try await data.agreement(unitCode: code, fiscalYear: year) else {
            throw WebError.notFound("ไม่พบคำรับรองการปฏิบัติราชการของ\(unit.nameTH) ปีงบประมาณ \(year.be)",
                                    "no agreement for \(code)/\(year)")
        }
        let findings = try await ValidateUnitYear(data: data)(unitCode: code, fiscalYear: year)
        return build(agreement: agreement, unit: unit, findings: findings,
                     unitGroup: try await data.unitGroup(unitCode: code, fiscalYear: year),
                     hasPlan: try await data.plan(unitCode: code, fiscalYear: year) != nil)
    }

    static func build(agreement: Agreement, unit: PhaenCore.Unit, findings: [Finding], unitGroup: String?, hasPlan: Bool) -> AgreementPage {
        let base = "คำรับรอง \(agreement.unitCode)/\(agreement.fiscalYear)"
        var pool = FindingPool(findings.filter { $0.location == base || $0.location.hasPrefix(base + " ›") })
        let details = agreement.allKPIs.map { kpi in
            KPIDetail.build(kpi, scheme: agreement.pointsScheme, unitGroup: unitGroup,
                            findings: pool.take { $0.location == "\(base) › ตัวชี้วัด \(kpi.code)" })
        }
        let flagged = Set(details.filter { !$0.findings.isEmpty }.map(\.code))
        let components = agreement.components.map { c in
            ComponentView(
                number: c.number, name: c.name, tag: c.tag, weight: number(c.effectiveWeight),
                kpis: c.kpis.map { k in
                    KPIRow(code: k.code, name: k.name, weight: number(k.weight), target: k.target,
                           criteria: KPIDetail.summary(k.criteria), anchor: KPIDetail.anchor(k.code),
                           flagged: flagged.contains(k.code))
                },
                findings: pool.take { $0.location == "\(base) › องค์ประกอบที่ \(c.number)" }.map(FindingView.init))
        }
        let year = agreement.fiscalYear
        return AgreementPage(
            title: "คำรับรองการปฏิบัติราชการ ปีงบประมาณ พ.ศ. \(year.be)", unitName: unit.nameTH,
            unitURL: SiteURL.unit(unit.code).path, year: String(year.be), scheme: schemeTH(agreement.pointsScheme),
            unitGroup: unitGroup, planURL: hasPlan ? SiteURL.plan(unit.code, year).path : nil,
            scoresURL: SiteURL.scores(unit.code, year).path,
            totalWeight: number(agreement.components.map(\.effectiveWeight).reduce(0, +)),
            components: components, details: details, findings: pool.rest.map(FindingView.init))
    }

    static func schemeTH(_ scheme: PointsScheme) -> String {
        switch scheme {
        case .sixtyToHundred: "ระดับ 1–5 ได้ 60–100 คะแนน (ร้อยละของน้ำหนัก)"
        case .twentyToHundred: "ระดับ 1–5 ได้ร้อยละ 20–100 ของน้ำหนัก"
        }
    }

    static func number(_ d: Decimal) -> String { ThaiNumberFormat.decimal(d, maxFractionDigits: 4) }
}
