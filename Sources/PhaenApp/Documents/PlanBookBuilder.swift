import Foundation
import PhaenCore
import PhaenDocs

/// Use case: the unit's annual action plan book (แผนปฏิบัติการประจำปี) as a neutral document,
/// section by section in the order of plans-spec §4.1 (district form, FY2567) or §4.2 (central
/// form, FY2564). Every total is computed from the rows; a figure the source printed
/// differently is marked restated with a note. Reads only through `PlanningData`, so the web
/// passes the person's scoped view and the shell the whole store.
public struct PlanBookBuilder: Sendable {
    public let data: any PlanningData
    public init(data: any PlanningData) { self.data = data }

    /// The two printed forms. A district office prints the FY2567 district form; the other
    /// units the central form of the Secretary office's FY2564 plan.
    enum Form { case district, central }

    public func build(unitCode: String, year: FiscalYear, digits: NumeralStyle? = nil) async throws -> Document {
        guard let unit = try await data.unit(code: unitCode) else { throw AppError.unitNotFound(unitCode) }
        guard let plan = try await data.plan(unitCode: unitCode, fiscalYear: year) else {
            throw AppError(.notFound, th: "หน่วยงาน \(unitCode) ไม่มีแผนปฏิบัติการปีงบประมาณ \(year.be)",
                           en: "unit \(unitCode) has no plan for fiscal year \(year.be)")
        }
        let agreement = try await data.agreement(unitCode: unitCode, fiscalYear: year)
        let group = try await data.unitGroup(unitCode: unitCode, fiscalYear: year)
        return Self.document(plan: plan, unit: unit, agreement: agreement, unitGroup: group, digits: digits)
    }

    /// The numerals the source used: the plan's own title tells (๒๕๖๗ or 2564).
    static func sourceDigits(_ plan: ActionPlan) -> NumeralStyle {
        ThaiDigits.containsThaiDigits(plan.title) ? .thai : .arabic
    }

    static func document(plan: ActionPlan, unit: PhaenCore.Unit, agreement: Agreement?, unitGroup: String?,
                         digits: NumeralStyle?) -> Document {
        let form: Form = unit.kind == .district ? .district : .central
        var body = DocumentBody()
        body.append(PlanBookFront.cover(plan: plan, unit: unit))
        body.append(PlanBookFront.foreword(plan: plan, unit: unit))
        body.contents("สารบัญ")
        body.pageBreak()
        body.append(PlanBookFront.essentials(plan: plan, unit: unit, agreement: agreement, form: form))
        body.append(PlanBookParts.parts(plan: plan, form: form))
        body.append(PlanBookMonitoring.part4(plan: plan, agreement: agreement, unitGroup: unitGroup, form: form))
        let title = DocText.clean(plan.title).contains(unit.nameTH) ? plan.title : "\(plan.title) \(unit.nameTH)"
        return Document(title: DocText.clean(title),
                        settings: DocumentSettings(digits: digits ?? sourceDigits(plan)),
                        blocks: body.blocks)
    }
}
