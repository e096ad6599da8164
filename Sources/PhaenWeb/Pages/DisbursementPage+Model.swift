import Foundation
import PhaenApp
import PhaenCore

/// The model of `disbursement.mustache`: a unit-year's table as of a date (the six budget
/// types, allocation after transfers, disbursed, percent, totals), the KPI fed by it, the
/// records, and — for those who may record — the three forms and the file import, each
/// keeping what was typed and showing the Thai message beside the field it concerns.
struct DisbursementPage {
    struct Overlay {
        var form: BudgetForm? = nil
        var fieldErrors: [String: String] = [:]
        var importErrors: DisbursementImportErrors? = nil
        var alert: String? = nil
        var notice: String? = nil
    }
    struct Row { var type: String; var allocated: String; var disbursed: String; var percent: String }
    struct Option { var value: String; var label: String; var selected: Bool }
    struct KPI { var code: String; var name: String; var level: String; var points: String; var explanation: String; var scoresURL: String }
    struct TransferLine { var date: String; var from: String; var to: String; var amount: String; var reason: String; var id: String? }
    struct EntryLine {
        var date: String; var type: String; var amount: String; var cumulative: Bool; var project: String; var note: String
        /// Recorded in Phaen (removable); nil for a dataset's ledger row.
        var id: String?
    }
    struct AllocationLine { var type: String; var amount: String }
    struct RowError { var row: Int; var column: String; var message: String }
    /// One form's values and errors (only the form that was posted carries them).
    struct FormState {
        var typeOptions: [Option]; var fromOptions: [Option]; var toOptions: [Option]; var projectOptions: [Option]
        var date: String; var amount: String; var cumulative: Bool; var reason: String
        var typeError: String?; var fromError: String?; var toError: String?; var dateError: String?
        var amountError: String?; var reasonError: String?; var projectError: String?
        var hasErrors: Bool
    }

    var title: String
    var unitName: String
    var unitURL: String
    var year: Int
    var asOf: String
    var asOfISO: String
    var pageURL: String
    var cityURL: String
    var moneyURL: String
    var alert: String?
    var notice: String?
    var rows: [Row]
    var totalAllocated: String
    var totalDisbursed: String
    var totalPercent: String
    var kpi: KPI?
    var allocations: [AllocationLine]
    var transfers: [TransferLine]
    var entries: [EntryLine]
    var hasTransfers: Bool
    var hasEntries: Bool
    var canRecord: Bool
    var csrf: String?
    var importURL: String
    var allocation: FormState
    var transfer: FormState
    var disbursement: FormState
    var importFileError: String?
    var importRowErrors: [RowError]
    var hasImportErrors: Bool
    var hasImportRowErrors: Bool

    static func amount(_ m: Money) -> String { ThaiNumberFormat.amount(m, alwaysShowSatang: true) }

    static func build(_ view: DisbursementView, overlay: Overlay, csrf: String?) -> DisbursementPage {
        let projectNames = Dictionary(view.projects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = BudgetType.allCases.map { type -> Row in
            guard let row = view.table.row(type) else { return Row(type: type.thaiName, allocated: "-", disbursed: "-", percent: "-") }
            return Row(type: type.thaiName, allocated: amount(row.allocated), disbursed: amount(row.disbursed),
                       percent: DisbursementText.percent(row.percent))
        }
        func state(_ kind: String) -> FormState {
            let mine = overlay.form?.kind == kind ? overlay.form : nil
            let errors = mine == nil ? [:] : overlay.fieldErrors
            func options(_ selected: String, blank: String?) -> [Option] {
                let chosen = BudgetType(text: selected)?.rawValue ?? selected
                return (blank.map { [Option(value: "", label: $0, selected: chosen.isEmpty)] } ?? [])
                    + BudgetType.allCases.map { Option(value: $0.rawValue, label: $0.thaiName, selected: $0.rawValue == chosen) }
            }
            let project = mine?.project ?? ""
            return FormState(
                typeOptions: options(mine?.type ?? "", blank: nil),
                fromOptions: options(mine?.from ?? "", blank: "(รับโอนจากภายนอกหน่วยงาน)"),
                toOptions: options(mine?.to ?? "", blank: "(โอนออกไปนอกหน่วยงาน)"),
                projectOptions: [Option(value: "", label: "(ไม่ระบุโครงการ)", selected: project.isEmpty)]
                    + view.projects.filter { $0.budget?.amount != nil }.map {
                        Option(value: $0.id, label: "\($0.id) \($0.name)", selected: $0.id == project)
                    },
                date: mine?.date ?? "", amount: mine?.amount ?? "", cumulative: mine?.isCumulative ?? false,
                reason: mine?.reason ?? "",
                typeError: errors["type"], fromError: errors["from"], toError: errors["to"], dateError: errors["date"],
                amountError: errors["amount"], reasonError: errors["reason"], projectError: errors["project"],
                hasErrors: !errors.isEmpty)
        }
        let records = view.records
        let code = view.unit.code, year = view.fiscalYear
        return DisbursementPage(
            title: "การเบิกจ่ายงบประมาณ \(view.unit.nameTH) ปีงบประมาณ \(year.be)",
            unitName: view.unit.nameTH, unitURL: SiteURL.unit(code).path, year: year.be,
            asOf: DisbursementText.date(view.asOf), asOfISO: view.asOf.description,
            pageURL: DisbursementURL.unitYear(code, year).path,
            cityURL: DisbursementURL.city(year: year, asOf: view.asOf).path,
            moneyURL: DisbursementURL.moneyResults(code, year, asOf: view.asOf).path,
            alert: overlay.alert, notice: overlay.notice,
            rows: rows, totalAllocated: amount(view.table.totalAllocated), totalDisbursed: amount(view.table.totalDisbursed),
            totalPercent: DisbursementText.percent(view.table.totalPercent),
            kpi: view.kpi.map { k in
                KPI(code: k.code, name: k.name, level: k.level.map { ThaiNumberFormat.decimal($0) } ?? "ยังไม่มีผล",
                    points: k.weightedScore.map { ThaiNumberFormat.decimal($0) } ?? "–", explanation: k.explanation,
                    scoresURL: SiteURL.scores(code, year).path)
            },
            allocations: records.allocations.map { AllocationLine(type: $0.type.thaiName, amount: amount($0.effective)) },
            transfers: records.transfers.map {
                TransferLine(date: DisbursementText.date($0.date), from: $0.from?.thaiName ?? "ภายนอกหน่วยงาน",
                             to: $0.to?.thaiName ?? "ภายนอกหน่วยงาน", amount: amount($0.amount), reason: $0.reason,
                             id: view.canRecord ? $0.id : nil)
            },
            entries: records.disbursements.map { d in
                EntryLine(date: DisbursementText.date(d.date), type: d.type.thaiName, amount: amount(d.amount), cumulative: d.cumulative,
                          project: d.projectID.map { "\($0) \(projectNames[$0] ?? "")" } ?? "", note: d.note ?? "",
                          id: view.canRecord ? d.id : nil)
            },
            hasTransfers: !records.transfers.isEmpty, hasEntries: !records.disbursements.isEmpty,
            canRecord: view.canRecord, csrf: csrf, importURL: DisbursementURL.importFile(code, year).path,
            allocation: state("allocation"), transfer: state("transfer"), disbursement: state("disbursement"),
            importFileError: overlay.importErrors?.file,
            importRowErrors: overlay.importErrors?.rows.map { RowError(row: $0.row, column: $0.column, message: $0.message) } ?? [],
            hasImportErrors: overlay.importErrors != nil, hasImportRowErrors: !(overlay.importErrors?.rows.isEmpty ?? true))
    }
}

/// The model of `disbursement-city.mustache`.
struct DisbursementCityPage {
    struct Row {
        var unit: String; var unitURL: String; var group: String; var allocated: String; var disbursed: String; var percent: String
        var quarters: [String]; var thresholds: String; var target: String; var level: String; var behind: Bool
    }
    var title: String
    var year: Int
    var asOf: String
    var asOfISO: String
    var formURL: String
    var rows: [Row]
    var behindCount: Int
    var isEmpty: Bool

    static func build(_ rows: [CityDisbursementRow], year: FiscalYear, asOf: CivilDate) -> DisbursementCityPage {
        DisbursementCityPage(
            title: "การเบิกจ่ายงบประมาณทุกหน่วยงาน ปีงบประมาณ \(year.be)", year: year.be,
            asOf: DisbursementText.date(asOf), asOfISO: asOf.description, formURL: DisbursementURL.city().path,
            rows: rows.map { r in
                let s = r.standing
                return Row(unit: "\(r.unit.code) \(r.unit.nameTH)", unitURL: DisbursementURL.unitYear(r.unit.code, year, asOf: asOf).path,
                           group: s.group ?? "–", allocated: DisbursementPage.amount(s.table.totalAllocated),
                           disbursed: DisbursementPage.amount(s.table.totalDisbursed), percent: DisbursementText.percent(s.table.totalPercent),
                           quarters: s.quarterPercents.map { $0.map(DisbursementText.percent) ?? "–" },
                           thresholds: s.thresholds.map { $0.map { $0.map { ThaiNumberFormat.decimal($0) } ?? "–" }.joined(separator: " / ") }
                               ?? "ไม่มีเกณฑ์ในคำรับรอง",
                           target: s.target.map(DisbursementText.percent) ?? "–",
                           level: s.level.map { ThaiNumberFormat.decimal($0) } ?? "–", behind: s.isBehind)
            },
            behindCount: rows.filter(\.standing.isBehind).count, isEmpty: rows.isEmpty)
    }
}

/// The model of `disbursement-money.mustache`.
struct DisbursementMoneyPage {
    struct ProjectRow {
        var id: String; var name: String; var budget: String; var disbursed: String; var spent: String
        var progress: String; var kpis: String; var flag: String?
    }
    struct KPIRow { var code: String; var name: String; var level: String; var budget: String; var disbursed: String; var spent: String; var flag: String? }
    var title: String
    var asOf: String
    var asOfISO: String
    var pageURL: String
    var disbursementURL: String
    var projects: [ProjectRow]
    var kpis: [KPIRow]
    var hasProjects: Bool
    var hasKPIs: Bool
    var highSpending = ThaiNumberFormat.decimal(MoneyAgainstResults.highSpending)
    var lowSpending = ThaiNumberFormat.decimal(MoneyAgainstResults.lowSpending)
    var lowLevel = ThaiNumberFormat.decimal(MoneyAgainstResults.lowLevel)
    var highLevel = ThaiNumberFormat.decimal(MoneyAgainstResults.highLevel)
    var lowProgress = ThaiNumberFormat.decimal(MoneyAgainstResults.lowProgress)
    var highProgress = ThaiNumberFormat.decimal(MoneyAgainstResults.highProgress)

    static func build(_ view: MoneyResultsView) -> DisbursementMoneyPage {
        func pct(_ d: Decimal?) -> String { d.map(DisbursementText.percent) ?? "–" }
        let code = view.unit.code, year = view.fiscalYear
        return DisbursementMoneyPage(
            title: "เงินเทียบกับผลงาน \(view.unit.nameTH) ปีงบประมาณ \(year.be)",
            asOf: DisbursementText.date(view.asOf), asOfISO: view.asOf.description,
            pageURL: DisbursementURL.moneyResults(code, year).path,
            disbursementURL: DisbursementURL.unitYear(code, year, asOf: view.asOf).path,
            projects: view.projects.map { p in
                ProjectRow(id: p.projectID, name: p.name, budget: p.budget.map(DisbursementPage.amount) ?? "ไม่ระบุเป็นตัวเลข",
                           disbursed: DisbursementPage.amount(p.disbursed), spent: pct(p.spentPercent), progress: pct(p.progress),
                           kpis: p.kpiLevels.map { "\($0.code) (ระดับ \($0.level.map { ThaiNumberFormat.decimal($0) } ?? "–"))" }
                               .joined(separator: ", "),
                           flag: p.flag?.thai)
            },
            kpis: view.kpis.map { k in
                KPIRow(code: k.code, name: k.name, level: k.level.map { ThaiNumberFormat.decimal($0) } ?? "–",
                       budget: DisbursementPage.amount(k.budget), disbursed: DisbursementPage.amount(k.disbursed),
                       spent: pct(k.spentPercent), flag: k.flag?.thai)
            },
            hasProjects: !view.projects.isEmpty, hasKPIs: !view.kpis.isEmpty)
    }
}
