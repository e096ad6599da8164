import Foundation
import PhaenCore

/// `/units/{code}`: the unit's profile (kind, parent, zone group, sections) and its fiscal
/// years with links to the plan, the agreement, the score card and the reports' states.
struct UnitPage {
    struct SectionRow { var name: String; var aliases: String?; var parent: String? }
    struct YearRow {
        var year: String
        var unitGroup: String?
        var planTitle: String?
        var planURL: String?
        var agreementSummary: String?
        var agreementURL: String?
        var scoresURL: String?
        var reportsSummary: String?
        var reportsURL: String?
    }

    var title: String
    var unitsURL = SiteURL.units().path
    var code: String
    var kind: String
    var nameEN: String?
    var abbreviation: String?
    var parentName: String?
    var parentURL: String?
    var zoneGroup: String?
    var sections: [SectionRow]
    var hasSections: Bool
    var years: [YearRow]
    var hasYears: Bool

    static func build(code: String, data: ScopedData) async throws -> UnitPage {
        let unit = try await data.requireUnit(code)
        // The parent may be outside what the person sees; then it is named without a link.
        let parent = try await unit.parentCode.asyncMap { try await data.store.unit(code: $0) } ?? nil
        var years: [YearRow] = []
        for year in try await data.fiscalYears(unitCode: code).reversed() {
            let plan = try await data.plan(unitCode: code, fiscalYear: year)
            let agreement = try await data.agreement(unitCode: code, fiscalYear: year)
            let reports = try await data.reports(unitCode: code, fiscalYear: year)
            years.append(YearRow(
                year: String(year.be),
                unitGroup: try await data.unitGroup(unitCode: code, fiscalYear: year),
                planTitle: plan?.title, planURL: plan.map { _ in SiteURL.plan(code, year).path },
                agreementSummary: agreement.map { "\($0.components.count) องค์ประกอบ \($0.allKPIs.count) ตัวชี้วัด" },
                agreementURL: agreement.map { _ in SiteURL.agreement(code, year).path },
                scoresURL: agreement.map { _ in SiteURL.scores(code, year).path },
                reportsSummary: reportSummary(reports),
                reportsURL: agreement != nil || !reports.isEmpty ? SiteURL.reporting(.year(code, year)).path : nil))
        }
        let sections = unit.sections.map { s in
            SectionRow(name: s.name, aliases: s.aliases.isEmpty ? nil : s.aliases.joined(separator: ", "), parent: s.parent)
        }
        return UnitPage(
            title: unit.nameTH, code: unit.code, kind: unit.kind.thaiName, nameEN: unit.nameEN,
            abbreviation: unit.abbreviation, parentName: parent?.nameTH,
            parentURL: parent.flatMap { data.sees($0.code) ? SiteURL.unit($0.code).path : nil },
            zoneGroup: unit.zoneGroup, sections: sections, hasSections: !sections.isEmpty,
            years: years, hasYears: !years.isEmpty)
    }

    /// "ส่งแล้ว 9" — the count of the visible reports per state, in workflow order.
    static func reportSummary(_ reports: [ProgressReport]) -> String? {
        guard !reports.isEmpty else { return nil }
        let counts = Dictionary(grouping: reports, by: \.state).mapValues(\.count)
        return ReportState.allCases.compactMap { s in counts[s].map { "\(s.thaiName) \($0)" } }.joined(separator: ", ")
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
