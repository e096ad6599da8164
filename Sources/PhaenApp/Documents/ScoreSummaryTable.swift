import Foundation
import PhaenCore
import PhaenDocs

/// The component summary with scores (ตัวชี้วัด | ค่าเป้าหมาย | น้ำหนัก | ระดับที่ได้ | ผลการดำเนินงาน |
/// คะแนนที่ได้), per component with its subtotal and the grand total, all from `Scorer` over the
/// latest report of each KPI up to the round. A level or score the report stated differently is
/// marked restated with a note. Ends with the reporter's and the certifier's signatures.
enum ScoreSummaryTable {
    static func build(unit: PhaenCore.Unit, year: FiscalYear, round: ReportingRound, agreement: Agreement?,
                      reports: [ProgressReport], unitGroup: String?) -> DocumentBody {
        var body = DocumentBody()
        body.heading("สรุปผลการดำเนินงานตามคำรับรองการปฏิบัติราชการ ปีงบประมาณ พ.ศ. \(year.be) (\(round.thaiName))", level: 2)
        body.paragraph("หน่วยงาน : \(unit.nameTH)")
        guard let agreement else {
            body.paragraph("ยังไม่มีคำรับรองการปฏิบัติราชการปี \(year.be) ของหน่วยงานในระบบ จึงยังคำนวณคะแนนไม่ได้")
            body.signatures(signatures)
            return body
        }
        let card = Scorer.score(agreement, results: ScoreUnitYear.latestResults(reports), unitGroup: unitGroup)
        let latest = Dictionary(reports.map { ($0.kpiCode, $0) }, uniquingKeysWith: { a, b in a.round >= b.round ? a : b })
        let header = Row([.header("ตัวชี้วัด"), .header("ค่าเป้าหมาย"), .header("น้ำหนัก"), .header("ระดับที่ได้"),
                          .header("ผลการดำเนินงาน"), .header("คะแนนที่ได้")])
        var rows: [Row] = []
        var notes: [String] = []
        for component in card.components {
            rows.append(Row([Cell("องค์ประกอบที่ \(component.number) \(DocText.clean(component.name))", columnSpan: 6,
                                  bold: true, shading: "F2F2F2")], kind: .group))
            for score in component.kpis {
                let kpi = agreement.kpi(code: score.code)
                let report = latest[score.code]
                let levelDiffers = score.findings.contains { $0.code == "level" }
                let scoreDiffers = score.findings.contains { $0.code == "weightedScore" || $0.code == "points" }
                for f in score.findings {
                    notes.append("ตัวชี้วัด \(DocText.clean(score.code)): \(label(f.code)) \(DocText.decimal(f.computed)) "
                                 + "คำนวณจากผลและเกณฑ์ รายงานระบุว่า \(DocText.decimal(f.stated))")
                }
                let result = report.map { r in r.valueText ?? r.value.map { DocText.decimal($0) } ?? "-" } ?? "ยังไม่รายงาน"
                rows.append(Row([Cell("\(DocText.clean(score.code)) \(DocText.clean(score.name))"),
                                 Cell(DocText.clean(kpi?.target ?? "-")),
                                 .figure(DocText.decimal(score.weight)),
                                 Cell(paragraphs: [Paragraph([Run(DocText.decimal(score.level), restated: levelDiffers)], alignment: .center)],
                                      alignment: .center),
                                 Cell(DocText.clean(result)),
                                 .figure(round.carriesScores ? DocText.decimal(score.weightedScore, fraction: 4) : "-", restated: scoreDiffers)]))
            }
            rows.append(Row([Cell("รวมองค์ประกอบที่ \(component.number)", columnSpan: 2, alignment: .center, bold: true),
                             .figure(DocText.decimal(component.weight), bold: true), Cell("", columnSpan: 2),
                             .figure(round.carriesScores ? DocText.decimal(component.score, fraction: 4) : "-", bold: true)], kind: .total))
        }
        rows.append(Row([Cell("รวมทั้งสิ้น", columnSpan: 2, alignment: .center, bold: true),
                         .figure(DocText.decimal(card.components.map(\.weight).reduce(0, +)), bold: true), Cell("", columnSpan: 2),
                         .figure(round.carriesScores ? DocText.decimal(card.total, fraction: 4) : "-", bold: true)], kind: .total))
        body.table(Table(columns: [.init(width: 3.5), .init(width: 1.6), .init(width: 0.8), .init(width: 0.8), .init(width: 1.6), .init(width: 1)],
                         headerRows: [header], bodyRows: rows))
        if !round.carriesScores {
            body.paragraph("รอบ\(round.thaiName)รายงานระดับความสำเร็จเท่านั้น คะแนนคิดเมื่อรายงานปลายปีงบประมาณ")
        }
        for note in notes { body.restatedNote(note) }
        body.paragraph("*หมายเหตุ : สามารถใช้ลายเซ็นอิเล็กทรอนิกส์ในการรับรองแบบรายงานได้")
        body.signatures(signatures)
        return body
    }

    static let signatures = [Signature(caption: "ลงชื่อผู้รายงาน", position: "ตำแหน่ง"),
                             Signature(caption: "ลงชื่อผู้รับรอง", position: "(หัวหน้าส่วนราชการ/หัวหน้าหน่วยงาน)")]

    static func label(_ code: String) -> String {
        switch code {
        case "level": return "ระดับ"
        case "points": return "ร้อยละของน้ำหนัก"
        case "weightedScore": return "คะแนนถ่วงน้ำหนัก"
        default: return code
        }
    }
}
