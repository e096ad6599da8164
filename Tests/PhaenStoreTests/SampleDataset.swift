import Foundation
import PhaenCore

/// A small dataset built by hand to exercise every kind of record and every tricky value:
/// Thai text with tone marks and Thai digits, money to the satang, decimals longer than a
/// Double can hold, criteria of every kind, duplicate framework codes, a plan with lists and
/// step plans.
enum SampleDataset {
    static let district = "1016"   // สำนักงานเขตภาษีเจริญ
    static let division = "4001"   // กองงานผู้ตรวจราชการ
    static let year = FiscalYear(2567)
    /// 4,094,769.47 baht.
    static let money = Money(satang: 409_476_947)
    /// More digits than a Double keeps (≈ 16): only exact storage returns it unchanged.
    static let third = Decimal(string: "3.3333333333333333333")!

    static func make() throws -> Dataset {
        var dataset = Dataset()
        dataset.units = units
        dataset.unitGroups = [UnitGroupAssignment(unitCode: district, fiscalYear: year, group: "B")]
        dataset.frameworks = frameworks
        dataset.plans = [plan]
        dataset.agreements = [agreement]
        dataset.reports = reports
        dataset.allocations = [
            BudgetAllocation(unitCode: division, fiscalYear: year, type: .operating, allocated: money,
                             afterTransfers: Money(satang: 409_476_900)),
            BudgetAllocation(unitCode: division, fiscalYear: year, type: .carryOver, allocated: Money(baht: 12_203_500)),
        ]
        // Two payments of one type on one day: both belong in the ledger.
        let paid = CivilDate(year: 2024, month: 3, day: 29)
        dataset.disbursements = [
            Disbursement(unitCode: division, fiscalYear: year, type: .operating, date: paid, amount: Money(satang: 1_050)),
            Disbursement(unitCode: division, fiscalYear: year, type: .operating, date: paid, amount: Money(satang: 1_050)),
            Disbursement(unitCode: division, fiscalYear: year, type: .operating, date: CivilDate(year: 2024, month: 3, day: 31),
                         amount: money, cumulative: true),
        ]
        dataset.disbursementTables = [try decode(StatedDisbursementTable.self, """
            {"unitCode": "4001", "fiscalYear": 2567, "asOf": "2024-03-31", "source": "D4:L120",
             "rows": [{"type": "operating", "allocated": "4094769.47", "disbursed": "1373795.12", "statedPercent": 33.55}],
             "statedTotalAllocated": "4094769.47", "statedTotalDisbursed": "1373795.12", "statedTotalPercent": 33.549999999999999999}
            """)]
        dataset.directives = [try decode(Directive.self, """
            {"id": "2567-01", "source": "inspector", "fiscalYear": 2567, "inspectionRound": 1,
             "text": "ให้เร่งรัดการเบิกจ่ายงบประมาณ ๒๕๖๗ ให้เป็นไปตามเป้าหมาย", "date": "2024-01-15", "group": 3,
             "factors": [2, 3], "addressedUnits": ["1016", "4001"]}
            """)]
        dataset.directiveReports = [try decode(DirectiveReport.self, """
            {"directiveID": "2567-01", "unitCode": "4001", "status": "inProgress", "date": "2024-02-01",
             "details": "อยู่ระหว่างดำเนินการ ร้อยละ ๓๓.๕๕"}
            """)]
        dataset.innovations = [try decode(Innovation.self, """
            {"unitCode": "1016", "fiscalYear": 2567, "title": "การให้บริการด้วย Line Official Account",
             "status": "trial", "kpiCode": "2.1", "steps": ["รวบรวมแนวคิด", "คัดเลือก"],
             "forms": [{"number": 1, "date": "2023-11-20", "summary": "แบบฟอร์มที่ ๑ การรวบรวมแนวคิด"}]}
            """)]
        return dataset
    }

    static let units: [PhaenCore.Unit] = [
        // Listed child first: the store must not need parents before children.
        PhaenCore.Unit(code: division, kind: .division, nameTH: "กองงานผู้ตรวจราชการ", nameEN: "Inspector Division",
                       abbreviation: "กผต.", parentCode: "3000"),
        PhaenCore.Unit(code: district, kind: .district, nameTH: "สำนักงานเขตภาษีเจริญ", nameEN: "Phasi Charoen District Office",
                       abbreviation: "สนข.ภาษีเจริญ", zoneGroup: "กรุงธนใต้", sections: [
                           Section(name: "ฝ่ายปกครอง", aliases: ["ฝ่ายปกครองฯ", "ปค."]),
                           Section(name: "ฝ่ายพัฒนาชุมชนและสวัสดิการสังคม", aliases: ["ฝ่ายพัฒนา ชุมชนฯ"]),
                           Section(name: "กลุ่มงานสารบรรณ", parent: "ฝ่ายปกครอง"),
                       ]),
        PhaenCore.Unit(code: "3000", kind: .office, nameTH: "สำนักงานปลัดกรุงเทพมหานคร"),
    ]

    static let frameworks: [FrameworkNode] = [
        FrameworkNode(fiscalYear: year, level: .policyDimension, code: "1", name: "เดินทางดี"),
        FrameworkNode(fiscalYear: year, level: .policyOKR, code: "1.2.01", name: "ถนนปลอดภัย", parent: "policy.dimension:1",
                      target: "๔๗๙ จุด", lead: "สจส.", support: ["สนข."]),
        // The printed framework repeats this code with another name; both must be kept.
        FrameworkNode(fiscalYear: year, level: .policyOKR, code: "1.2.01", name: "ทางเท้าดี", parent: "policy.dimension:1",
                      note: "รหัสซ้ำตามเอกสาร"),
    ]

    static var plan: ActionPlan {
        let budget = BudgetCell(printed: "๔,๐๙๔,๗๖๙.๔๗")
        return ActionPlan(
            unitCode: district, fiscalYear: year, title: "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
            foreword: "สำนักงานเขตภาษีเจริญ ได้จัดทำแผน…",
            profile: [LabeledText(label: "พื้นที่", text: "๑๗.๘๔ ตารางกิโลเมตร")],
            environment: EnvironmentAnalysis(
                step: [LabeledText(label: "S", text: "สังคมผู้สูงอายุ")],
                swot: [SwotFactor(kind: .strength, code: "S1", text: "บุคลากรมีประสบการณ์")],
                tows: [TowsStrategy(quadrant: "เชิงรุก (S×O)", factors: ["S1", "O2"], text: "พัฒนาบริการออนไลน์", projectID: "P1")]),
            vision: ["เขตน่าอยู่"], mission: ["ให้บริการประชาชน"], goals: ["ประชาชนพึงพอใจ"],
            kpis: [PlanKPI(code: "1.1", name: "ร้อยละความพึงพอใจ", table: "ก", kind: .outcome, unit: "ร้อยละ",
                           baselines: [YearValue(year: 2566, text: "๘๐")], targets: [YearValue(year: 2567, text: "๘๕")],
                           links: [FrameworkRef(level: .policyOKR, code: "1.2.01")], projectIDs: ["P1"])],
            projects: [
                Project(id: "P1", name: "โครงการปรับปรุงทางเท้า", aliases: ["ปรับปรุงทางเท้า"], budget: budget,
                        section: "ฝ่ายโยธา", strategyCode: "115037", policyCodes: ["P001"],
                        links: [FrameworkRef(level: .policyCode, code: "P001")], inBMAPlan: true,
                        totalValue: money, carryOver: Money(satang: -1_250)),
                Project(id: "P1.1", name: "ทางเท้าซอยเพชรเกษม ๖๓", budget: BudgetCell(amount: Money(satang: 150_000_00)), parentID: "P1"),
                Project(id: "R1", name: "งานทะเบียนราษฎร", budget: BudgetCell(printed: "ไม่ใช้งบประมาณ"), kind: .routine),
            ],
            lists: [ProjectList(id: "part2", title: "สรุปโครงการ ส่วนที่ ๒", entries: [
                ListEntry(number: "๑", projectID: "P1", budget: budget, section: "ฝ่ายโยธา", group: "งานโยธา", line: 493),
                ListEntry(number: "๑.๑", projectID: "P1.1", budget: BudgetCell(printed: "๑,๕๐๐,๐๐๐"), countsInTotal: false),
                ListEntry(projectID: "R1", budget: BudgetCell(printed: "-")),
            ], statedTotal: BudgetCell(printed: "๔,๐๙๔,๗๖๙.๔๗"), statedCount: 3, source: "D1:L487–L531")],
            stepPlans: [StepPlan(id: "SP1", title: "ขั้นตอนโครงการปรับปรุงทางเท้า", projectID: "P1", statedTotalWeight: 100, steps: [
                PlanStep(number: "๑", text: "สำรวจพื้นที่", weight: third, cumulative: third, months: [1, 2]),
                PlanStep(number: "๒", text: "จัดซื้อจัดจ้าง", weight: Decimal(string: "66.6666666666666666667")!,
                         cumulative: 100, months: [3, 4, 5]),
                PlanStep(number: "๓", text: "ตรวจรับ"),
            ])],
            notes: ["จำนวนฝ่าย ๙ ฝ่าย"])
    }

    static var agreement: Agreement {
        let uniform = Criteria.thresholds(ThresholdCriteria(direction: .higher, interpolate: true,
                                                            table: .uniform([70, 75, 80, 85, 90]), unit: "ร้อยละ"))
        // Lower is better; level 1 of group A is open-ended (printed "≥ 7"), hence null.
        let perGroup = Criteria.thresholds(ThresholdCriteria(direction: .lower, table: .perGroup([
            "A": [nil, 6, 5, 4, 3], "B": [Decimal(string: "7.5")!, 6, 5, 4, third],
        ])))
        let steps = Criteria.steps(StepCriteria(steps: ["แต่งตั้งคณะทำงาน", "จัดทำแผน", "ดำเนินการ", "ติดตามผล", "รายงานผล"]))
        let judged = Criteria.judged(JudgedCriteria(levels: ["ระดับ ๑ มีแผน", "ระดับ ๒", "ระดับ ๓", "ระดับ ๔", "ระดับ ๕"]))
        let composite = Criteria.composite(CompositeCriteria(parts: [
            CriteriaPart(name: "ร้อยละการเบิกจ่าย", criteria: uniform),
            CriteriaPart(criteria: judged),
        ]))
        func kpi(_ code: String, _ weight: Decimal, _ criteria: Criteria) -> AgreementKPI {
            AgreementKPI(code: code, name: "ตัวชี้วัดที่ \(code)", weight: weight, criteria: criteria, kind: .output,
                         levelRows: [LevelRow(level: 1, label: "ร้อยละ ๗๐", points: 60, min: 70, max: Decimal(string: "74.99")!)],
                         links: [FrameworkRef(level: .policyOKR, code: "1.2.01")])
        }
        return Agreement(unitCode: district, fiscalYear: year, pointsScheme: .twentyToHundred, components: [
            Component(number: "๑", name: "ประสิทธิผล", tag: "Performance Base", weight: 70, kpis: [
                kpi("1.1", third, uniform), kpi("1.2", third, perGroup), kpi("1.3", third, steps),
            ]),
            Component(number: "๒", name: "นวัตกรรม", tag: "Innovation Base", kpis: [
                kpi("2.1", 10, judged), kpi("2.2", 20, composite),
            ]),
        ], appeals: [
            Appeal(kpiCode: "1.1", kind: .lowerTarget, reason: "งบประมาณถูกปรับลด", decision: .approved,
                   newCriteria: .thresholds(ThresholdCriteria(table: .uniform([60, 65, 70, 75, 80]))), version: 2),
        ])
    }

    static let reports: [ProgressReport] = [
        ProgressReport(unitCode: district, fiscalYear: year, round: .halfYear, kpiCode: "1.1", kpiName: "ตัวชี้วัดที่ 1.1",
                       asOf: CivilDate(year: 2024, month: 3, day: 31), value: Decimal(string: "33.55")!,
                       valueText: "๔,๐๙๔,๗๖๙.๔๗ … ๓๓.๕๕%",
                       supportingProjects: [SupportingProject(name: "โครงการปรับปรุงทางเท้า", projectID: "P1",
                                                              budget: BudgetCell(printed: "๔,๐๙๔,๗๖๙.๔๗"))],
                       factors: ["ผู้บริหารให้ความสำคัญ"], obstacles: ["ฝนตก"],
                       evidence: [Evidence(text: "หนังสือ", number: "ที่ กท ๐๔๐๙/๘๘", date: CivilDate(year: 2024, month: 4, day: 2))],
                       state: .submitted, stated: StatedFigures(level: 3, points: 60, weightedScore: third)),
        ProgressReport(unitCode: district, fiscalYear: year, round: .halfYear, kpiCode: "2.1", claimedLevel: Decimal(string: "3.5")!,
                       narrative: "อยู่ระหว่างดำเนินการ ระดับ ๓", state: .draft),
        ProgressReport(unitCode: district, fiscalYear: year, round: .month(3), kpiCode: "1.10", value: third, state: .certified),
    ]

    private static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// Top-level records: 3 units, 1 unit group, 1 framework year, 1 plan, 1 agreement,
    /// 3 reports, 2 allocations, 1 disbursement ledger, 1 table, 1 directive, 1 directive
    /// report, 1 innovation.
    static let recordCount = 17
}
