import Foundation
import PhaenCore
import PhaenDocs

/// The half-year progress report (แบบรายงานความก้าวหน้าผลการปฏิบัติราชการ … ระยะครึ่งปีงบประมาณ), as
/// `progress-report-2567-inspector-division.txt`: per component and sub-component a table of KPI,
/// target, level reached, what was done, supporting projects, evidence and obstacles; then the
/// budget-disbursement table whose percents Phaen computes (row = disbursed ÷ allocated, total
/// = Σ disbursed ÷ Σ allocated, never the mean of the row percents); signatures.
enum ProgressReportDocument {
    static func build(unit: PhaenCore.Unit, parent: PhaenCore.Unit?, year: FiscalYear, reports: [ProgressReport],
                      agreement: Agreement?, unitGroup: String?, disbursement: StatedDisbursementTable?,
                      digits: NumeralStyle) -> Document {
        var body = DocumentBody()
        let title = "แบบรายงานความก้าวหน้าผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการประจำปีงบประมาณ พ.ศ. \(year.be) (ระยะครึ่งปีงบประมาณ)"
        body.heading(title, level: 1, inContents: false)
        body.paragraph([Run("หน่วยงาน : ", bold: true), Run([unit.nameTH, parent?.nameTH].compactMap { $0 }.joined(separator: " "))])
        let card = agreement.map { Scorer.score($0, results: ScoreUnitYear.latestResults(reports), unitGroup: unitGroup) }
        for group in groups(reports: reports, agreement: agreement) {
            body.heading(group.title, level: 2, inContents: false)
            if let sub = group.subtitle { body.paragraph(sub, bold: true) }
            body.table(kpiTable(group.entries, agreement: agreement, card: card))
        }
        if let disbursement {
            body.heading("ความสำเร็จของการเบิกจ่ายงบประมาณในภาพรวม", level: 2, inContents: false)
            body.append(DisbursementTableDocument.blocks(disbursement))
        }
        body.paragraph("*หมายเหตุ : สามารถใช้ลายเซ็นอิเล็กทรอนิกส์ในการรับรองแบบรายงานความก้าวหน้าได้")
        body.signatures(ScoreSummaryTable.signatures)
        return Document(title: "\(title) \(unit.nameTH)",
                        settings: DocumentSettings(orientation: .landscape, digits: digits), blocks: body.blocks)
    }

    struct Group { var title: String; var subtitle: String?; var entries: [Entry] }
    /// A KPI of the report: the agreement's (with its report, if any) or one reported without being agreed.
    struct Entry { var code: String; var name: String; var report: ProgressReport? }

    /// The agreement's KPIs in its order, then KPIs reported without being agreed, grouped by
    /// component and sub-component (without an agreement, by the code's prefix: "1.3.2" →
    /// component 1, sub-component 1.3).
    static func groups(reports: [ProgressReport], agreement: Agreement?) -> [Group] {
        var entries = agreement?.allKPIs.map { k in Entry(code: k.code, name: k.name, report: reports.first { $0.kpiCode == k.code }) } ?? []
        for report in reports.sorted(by: { $0.kpiCode.localizedStandardCompare($1.kpiCode) == .orderedAscending })
        where !entries.contains(where: { $0.code == report.kpiCode }) {
            entries.append(Entry(code: report.kpiCode, name: report.kpiName ?? report.kpiCode, report: report))
        }
        var out: [Group] = []
        for entry in entries {
            let component = agreement?.components.first { $0.kpis.contains { $0.code == entry.code } }
            let number = component?.number ?? String(entry.code.prefix { $0 != "." })
            let title = component.map { "องค์ประกอบที่ \($0.number) \(DocText.clean($0.name))" + ($0.tag.map { " (\($0))" } ?? "") }
                ?? "องค์ประกอบที่ \(number)"
            let parts = entry.code.split(separator: ".")
            let subtitle = agreement?.kpi(code: entry.code)?.subcomponent ?? (parts.count >= 3 ? parts.prefix(2).joined(separator: ".") : nil)
            if let last = out.last, last.title == title, last.subtitle == subtitle {
                out[out.count - 1].entries.append(entry)
            } else {
                out.append(Group(title: title, subtitle: subtitle, entries: [entry]))
            }
        }
        return out
    }

    static func kpiTable(_ entries: [Entry], agreement: Agreement?, card: ScoreCard?) -> Table {
        let header = Row([.header("ตัวชี้วัด"), .header("ค่าเป้าหมาย"), .header("ระดับความสำเร็จตามตัวชี้วัด"),
                          .header("รายละเอียดผลการดำเนินงานตามตัวชี้วัด"), .header("โครงการ/กิจกรรมสนับสนุน"),
                          .header("หลักฐานอ้างอิง"), .header("ปัญหา/อุปสรรค")])
        let rows = entries.map { entry -> Row in
            let kpi = agreement?.kpi(code: entry.code)
            let r = entry.report
            // The level Phaen computes from the agreement's criteria; without an agreement the
            // level the unit reports, labelled as such.
            let computed = r == nil ? nil : card?.allKPIs.first { $0.code == entry.code }?.level
            let level = computed.map { "ระดับ \(DocText.decimal($0))" }
                ?? r?.claimedLevel.map { "ระดับ \(DocText.decimal($0)) (ตามที่รายงาน)" }
                ?? r?.valueText.map(DocText.clean) ?? (r == nil ? "ยังไม่รายงาน" : "-")
            return Row([Cell("\(DocText.clean(entry.code)) \(DocText.clean(entry.name))"),
                        Cell(DocText.clean(kpi?.target ?? "-"), alignment: .center),
                        Cell(level, alignment: .center),
                        Cell(DocText.clean(r?.narrative ?? "-")),
                        Cell(DocText.joinedLines(r?.supportingProjects.map(\.name) ?? []).ifEmpty("-")),
                        Cell(KPIForm.evidence(r?.evidence ?? [])),
                        Cell(DocText.joinedLines(r?.obstacles ?? []).ifEmpty("-"))])
        }
        return Table(columns: [.init(width: 2.1), .init(width: 1.1), .init(width: 1.3), .init(width: 3.6), .init(width: 1.8),
                               .init(width: 2), .init(width: 1.1)], headerRows: [header], bodyRows: rows)
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
