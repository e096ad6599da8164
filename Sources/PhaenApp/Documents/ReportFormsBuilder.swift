import Foundation
import PhaenCore
import PhaenDocs

/// Use case: a unit-year's report documents for a round. The half-year round gives the
/// progress report (`ProgressReportDocument`); every other round gives the per-KPI report
/// forms of `kpi-report-2564-bangkok-yai-innovation.txt` (fields 1–9 with the quarterly
/// narratives up to the round) followed by the component summary with the scores Phaen
/// computes (`ScoreSummaryTable`). Reads through `PlanningData`: the web passes the person's
/// scoped view, so drafts another role may not read never reach the document.
public struct ReportFormsBuilder: Sendable {
    public let data: any PlanningData
    public init(data: any PlanningData) { self.data = data }

    public func build(unitCode: String, year: FiscalYear, round: ReportingRound?, digits: NumeralStyle? = nil) async throws -> Document {
        guard let unit = try await data.unit(code: unitCode) else { throw AppError.unitNotFound(unitCode) }
        let all = try await data.reports(unitCode: unitCode, fiscalYear: year)
        let agreement = try await data.agreement(unitCode: unitCode, fiscalYear: year)
        // Nothing reported yet (or nothing this person may read): the forms of the agreement's
        // KPIs, blank, for the year-end round unless another is asked.
        let round = round ?? all.map(\.round).max() ?? .yearEnd
        let reports = all.filter { $0.round <= round }
        guard !reports.isEmpty || agreement != nil else {
            throw AppError(.notFound, th: "หน่วยงาน \(unitCode) ไม่มีคำรับรองและยังไม่มีรายงานผลรอบ\(round.thaiName) ปีงบประมาณ \(year.be)",
                           en: "unit \(unitCode) has no agreement and no reports up to round \(round.code) of \(year.be)")
        }
        let group = try await data.unitGroup(unitCode: unitCode, fiscalYear: year)
        let frameworks = try await data.frameworks(fiscalYear: year)
        // The source forms print Thai digits from FY2567 on and Arabic before.
        let style = digits ?? (year.be >= 2567 ? .thai : .arabic)
        if round == .halfYear {
            let tables = try await data.disbursementTables(unitCode: unitCode, fiscalYear: year)
            let parent = try await unit.parentCode.asyncMap { try await data.unit(code: $0) } ?? nil
            return ProgressReportDocument.build(unit: unit, parent: parent, year: year, reports: reports.filter { $0.round == .halfYear },
                                                agreement: agreement, unitGroup: group, disbursement: tables.last, digits: style)
        }
        var body = DocumentBody()
        let kpis = KPIForm.kpis(agreement: agreement, reports: reports)
        for (i, kpi) in kpis.enumerated() {
            if i > 0 { body.pageBreak() }
            body.append(KPIForm.form(kpi, reports: reports.filter { $0.kpiCode == kpi.code }, round: round,
                                     unit: unit, year: year, frameworks: frameworks))
        }
        body.pageBreak()
        body.append(ScoreSummaryTable.build(unit: unit, year: year, round: round, agreement: agreement, reports: reports, unitGroup: group))
        return Document(title: "แบบรายงานผลการดำเนินงานตามตัวชี้วัด \(unit.nameTH) ปีงบประมาณ พ.ศ. \(year.be) \(round.thaiName)",
                        settings: DocumentSettings(digits: style), blocks: body.blocks)
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await f(value)
    }
}
