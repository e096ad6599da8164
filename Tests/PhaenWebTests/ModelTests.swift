import Foundation
import PhaenCore
import Testing
@testable import PhaenWeb

/// The page models and charts are pure functions of Core values: tested without HTTP.
@Suite struct ModelTests {
    static let unitA = PhaenCore.Unit(code: "1001", kind: .district, nameTH: "สำนักงานเขตหนึ่ง", zoneGroup: "กลุ่มหนึ่ง")
    static let unitB = PhaenCore.Unit(code: "1002", kind: .district, nameTH: "สำนักงานเขตสอง")
    static let unitC = PhaenCore.Unit(code: "2001", kind: .bureau, nameTH: "สำนักสาม")

    /// Traffy-like KPI (weight 20, thresholds 0/60/65/70/75) and a judged KPI (weight 10).
    static func agreement(_ code: String) -> Agreement {
        Agreement(unitCode: code, fiscalYear: FiscalYear(2567), pointsScheme: .twentyToHundred, components: [
            Component(number: "1", name: "ประสิทธิภาพ", kpis: [
                AgreementKPI(code: "1.2", name: "Traffy", weight: 20,
                             criteria: .thresholds(ThresholdCriteria(table: .uniform([0, 60, 65, 70, 75])))),
            ]),
            Component(number: "2", name: "นวัตกรรม", kpis: [
                AgreementKPI(code: "2", name: "นวัตกรรม", weight: 10, criteria: .judged(JudgedCriteria())),
            ]),
        ])
    }

    static func line(_ unit: PhaenCore.Unit, traffy: Decimal?, level: Decimal?) -> DashboardPage.Line {
        let results = [traffy.map { KPIResult(kpiCode: "1.2", value: $0) }, level.map { KPIResult(kpiCode: "2", level: $0) }]
        return DashboardPage.line(unit: unit, card: Scorer.score(agreement(unit.code), results: results.compactMap { $0 }, unitGroup: nil))
    }

    @Test func theCityTableSortsColoursAndLinks() {
        let lines = [
            Self.line(Self.unitA, traffy: 72, level: 5),    // 16 + 10 = 26 of 30
            Self.line(Self.unitB, traffy: 58, level: nil),  // 4 of 30; component 2 unscored
            DashboardPage.Line(unit: Self.unitC, card: nil, componentScores: [:], total: nil, totalWeight: 0),
        ]
        let query = DashboardQuery(year: FiscalYear(2567), sort: "-total")
        let page = DashboardPage.build(query: query, years: [FiscalYear(2567)], zones: ["กลุ่มหนึ่ง"], lines: lines,
                                       agreements: [Self.agreement("1001"), Self.agreement("1002")])
        #expect(page.rows.map(\.code) == ["1001", "1002", "2001"])
        #expect(page.columns.map(\.label) == ["องค์ประกอบที่ 1", "องค์ประกอบที่ 2"])
        #expect(page.rows[0].cells.map(\.text) == ["16", "10"])
        #expect(page.rows[0].cells.map(\.band) == ["lv4", "lv5"])
        #expect(page.rows[0].total.text == "26")
        #expect(page.rows[1].cells.map(\.text) == ["4", "–"])
        #expect(page.rows[1].cells[0].band == "lv1")
        #expect(page.rows[2].total.text == "ไม่มีคำรับรอง")
        #expect(page.totalColumn.arrow == "▼")
        #expect(page.totalColumn.href == "/dashboard?year=2567&sort=total")
        #expect(page.chart?.contains("สำนักงานเขตหนึ่ง") == true)
        #expect(page.chart?.contains("26 / 30") == true)

        let ascending = DashboardPage.build(query: DashboardQuery(year: FiscalYear(2567), sort: "total"), years: [], zones: [],
                                            lines: lines, agreements: [])
        // Units without a figure stay at the bottom whichever the direction.
        #expect(ascending.rows.map(\.code) == ["1002", "1001", "2001"])
        let byComponent = DashboardPage.build(query: DashboardQuery(sort: "-c2"), years: [], zones: [], lines: lines, agreements: [])
        #expect(byComponent.rows.map(\.code) == ["1001", "1002", "2001"])
    }

    @Test func levelBandsFollowThePointsScheme() {
        #expect(LevelBand.cssClass(score: 16, weight: 20, scheme: .twentyToHundred) == "lv4")
        #expect(LevelBand.cssClass(score: 13.5, weight: 15, scheme: .sixtyToHundred) == "lv4")
        #expect(LevelBand.cssClass(score: 9, weight: 15, scheme: .sixtyToHundred) == "lv1")
        #expect(LevelBand.cssClass(level: Decimal(string: "3.8")) == "lv3")
        #expect(LevelBand.cssClass(level: nil) == "lv0")
    }

    @Test func theGanttDrawsRunsOfMonthsAndMarksFlaggedSteps() {
        #expect(GanttSVG.runs(of: [3, 4, 5, 8, 13, 0]) == [3...5, 8...8])
        let plan = StepPlan(id: "s", title: "แผน", steps: [
            PlanStep(number: "1", text: "เตรียมการ", weight: 40, cumulative: 40, months: [1, 2]),
            PlanStep(number: "2", text: "ดำเนินการ", weight: 60, cumulative: 90, months: [3, 4, 5]),
        ])
        let svg = GanttSVG.draw(plan, flagged: ["2"])
        for month in ThaiCalendarNames.fiscalMonthsShort { #expect(svg.contains(">\(month)</text>")) }
        #expect(svg.components(separatedBy: "class=\"bar\"").count - 1 == 2)
        #expect(svg.contains("class=\"step flagged\""))
        #expect(svg.contains("แผนสะสม"))
        #expect(svg.contains(">100</text>"))
    }

    @Test func thePlanModelPutsFindingsNextToTheirRows() {
        let unit = PhaenCore.Unit(code: "1022", kind: .district, nameTH: "เขตทดสอบ", sections: [Section(name: "ฝ่ายโยธา")])
        let plan = ActionPlan(
            unitCode: "1022", fiscalYear: FiscalYear(2567), title: "แผน",
            projects: [Project(id: "a", name: "ถนน", budget: BudgetCell(printed: "1,000"), section: "ฝ่ายเทคนิค"),
                       Project(id: "b", name: "คลอง", budget: BudgetCell(printed: "๒,๐๐๐"), section: "ฝ่ายโยธา")],
            lists: [ProjectList(id: "l", title: "สรุป", entries: [
                ListEntry(number: "1", projectID: "a", budget: BudgetCell(printed: "1,000"), section: "ฝ่ายเทคนิค", line: 10),
                ListEntry(number: "2", projectID: "b", budget: BudgetCell(printed: "๒,๐๐๐"), section: "ฝ่ายโยธา", line: 11),
            ], statedTotal: BudgetCell(printed: "๔,๐๐๐"), statedCount: 2)])
        let findings = Validator.validate(ValidationContext(fiscalYear: FiscalYear(2567), unit: unit, frameworks: [], plan: plan,
                                                            agreement: nil, reports: [], disbursementTables: [], disbursements: [],
                                                            unitGroup: nil))
        let page = PlanPage.build(plan: plan, unit: unit, findings: findings, hasAgreement: false)
        let list = try! #require(page.lists.first)
        #expect(list.statedTotal == "4,000")
        #expect(list.computedTotal == "3,000")
        #expect(list.totalDiffers)
        #expect(list.difference == "1,000")
        #expect(!list.countDiffers)
        let rows = list.groups.flatMap(\.rows)
        #expect(rows[0].sectionFlag)
        #expect(rows[0].findings.map(\.rule).contains("PLAN-SECTION-UNKNOWN"))
        #expect(!rows[1].sectionFlag)
        #expect(list.findings.map(\.rule) == ["PLAN-TOTAL"])
    }

    @Test func siteURLsEncodeTheirValuesAndMatchTheRoutes() {
        #expect(SiteURL.plan("1022", FiscalYear(2567)).path == "/units/1022/plans/2567")
        #expect(SiteURL.unit("a/b c").path == "/units/a%2Fb%20c")
        #expect(SiteURL.units(kind: .district).path == "/units?kind=district")
        #expect(SiteURL.dashboard(DashboardQuery(year: FiscalYear(2564), zone: "กรุงธนใต้", sort: "-total")).path
                == "/dashboard?year=2564&zone=%E0%B8%81%E0%B8%A3%E0%B8%B8%E0%B8%87%E0%B8%98%E0%B8%99%E0%B9%83%E0%B8%95%E0%B9%89&sort=-total")
        #expect(SiteURL.signIn(next: "/units?kind=district").path == "/signin?next=%2Funits%3Fkind%3Ddistrict")
        #expect(SiteURL.Route.scores.parameters == ["code", "year"])
        #expect(SiteURL.api(.findings("1022", FiscalYear(2567))).path == "/api/v1/units/1022/findings/2567")
    }
}
