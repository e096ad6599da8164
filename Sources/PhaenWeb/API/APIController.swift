import Hummingbird
import PhaenApp
import PhaenCore
import PhaenStore

/// The JSON API under /api/v1: the same use cases and the same access rules as the pages
/// (every read goes through `ScopedData`), Core values encoded as the dataset format.
struct APIController: Sendable {
    let store: PhaenStore

    var endpoints: [APIEndpoint] {
        [
            APIEndpoint(route: .apiUnits, summary: "หน่วยงานที่ผู้ใช้มีสิทธิ์ดู",
                        query: [.init(name: "kind", location: .query, description: "district, bureau, office หรือ division")],
                        response: "รายการหน่วยงาน (Unit)") { request, context in
                let kind = try PageRequest.kind(request)
                let units = try await scoped(context).units().filter { kind == nil || $0.kind == kind }
                return try JSONResponse.make(units)
            },
            APIEndpoint(route: .apiUnit, summary: "ข้อมูลหน่วยงานและปีงบประมาณที่มีข้อมูล",
                        response: "หน่วยงาน ปีงบประมาณ และลิงก์") { _, context in
                let code = try context.parameters.require("code")
                return try JSONResponse.make(try await UnitJSON.build(code: code, data: scoped(context)))
            },
            APIEndpoint(route: .apiPlan, summary: "แผนปฏิบัติราชการประจำปีของหน่วยงาน",
                        response: "แผน (ActionPlan) พร้อมยอดรวมที่คำนวณได้ของแต่ละรายการ") { _, context in
                let (code, year) = try PageRequest.unitYear(context)
                let data = try scoped(context)
                _ = try await data.requireUnit(code)
                guard let plan = try await data.plan(unitCode: code, fiscalYear: year) else {
                    throw WebError.notFound("ไม่พบแผนปฏิบัติราชการปีงบประมาณ \(year.be)", "no plan for \(code)/\(year)")
                }
                return try JSONResponse.make(PlanJSON(plan))
            },
            APIEndpoint(route: .apiAgreement, summary: "คำรับรองการปฏิบัติราชการของหน่วยงาน",
                        response: "คำรับรอง (Agreement) องค์ประกอบ ตัวชี้วัด และเกณฑ์") { _, context in
                let (code, year) = try PageRequest.unitYear(context)
                let data = try scoped(context)
                _ = try await data.requireUnit(code)
                guard let agreement = try await data.agreement(unitCode: code, fiscalYear: year) else {
                    throw WebError.notFound("ไม่พบคำรับรองการปฏิบัติราชการปีงบประมาณ \(year.be)", "no agreement for \(code)/\(year)")
                }
                return try JSONResponse.make(agreement)
            },
            APIEndpoint(route: .apiScores, summary: "ผลคะแนนคำรับรอง พร้อมที่มาของทุกตัวเลข",
                        response: "ผลคะแนน (รูปแบบเดียวกับ phaen score --json)") { _, context in
                let (code, year) = try PageRequest.unitYear(context)
                let card = try await ScoreUnitYear(data: scoped(context))(unitCode: code, fiscalYear: year)
                return try JSONResponse.make(ScoreCardJSON(card))
            },
            APIEndpoint(route: .apiFindings, summary: "ผลการตรวจสอบแผน คำรับรอง และรายงาน",
                        response: "รายการข้อค้นพบ (Finding)") { _, context in
                let (code, year) = try PageRequest.unitYear(context)
                let data = try scoped(context)
                _ = try await data.requireUnit(code)
                return try JSONResponse.make(try await ValidateUnitYear(data: data)(unitCode: code, fiscalYear: year))
            },
        ]
    }

    func scoped(_ context: PhaenRequestContext) throws -> ScopedData {
        ScopedData(store: store, person: try context.requirePerson())
    }
}

/// A plan as stored, with the totals Phaen computes beside the stated ones.
struct PlanJSON: Encodable {
    struct ListTotal: Encodable {
        var id: String
        var statedTotal: Money?
        var computedTotal: Money
        var statedCount: Int?
        var count: Int
    }
    var plan: ActionPlan
    var listTotals: [ListTotal]

    init(_ plan: ActionPlan) {
        self.plan = plan
        self.listTotals = plan.lists.map {
            ListTotal(id: $0.id, statedTotal: $0.statedTotal?.amount, computedTotal: $0.computedTotal,
                      statedCount: $0.statedCount, count: $0.entries.count)
        }
    }
}

/// A unit with its fiscal years and the links to each year's resources.
struct UnitJSON: Encodable {
    struct Year: Encodable {
        var fiscalYear: Int
        var unitGroup: String?
        var plan: String?
        var agreement: String?
        var scores: String?
        var findings: String
        var reportsByState: [String: Int]
    }
    var unit: Unit
    var fiscalYears: [Year]

    static func build(code: String, data: ScopedData) async throws -> UnitJSON {
        let unit = try await data.requireUnit(code)
        var years: [Year] = []
        for year in try await data.fiscalYears(unitCode: code) {
            let hasPlan = try await data.plan(unitCode: code, fiscalYear: year) != nil
            let hasAgreement = try await data.agreement(unitCode: code, fiscalYear: year) != nil
            let reports = try await data.reports(unitCode: code, fiscalYear: year)
            years.append(Year(
                fiscalYear: year.be, unitGroup: try await data.unitGroup(unitCode: code, fiscalYear: year),
                plan: hasPlan ? SiteURL.api(.plan(code, year)).path : nil,
                agreement: hasAgreement ? SiteURL.api(.agreement(code, year)).path : nil,
                scores: hasAgreement ? SiteURL.api(.scores(code, year)).path : nil,
                findings: SiteURL.api(.findings(code, year)).path,
                reportsByState: Dictionary(grouping: reports, by: \.state.rawValue).mapValues(\.count)))
        }
        return UnitJSON(unit: unit, fiscalYears: years)
    }
}
