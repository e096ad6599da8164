import Foundation
import PhaenCore
import PhaenDocs

/// A printed project list as a document table: its rows under their group headings, each
/// budget as the list prints it, and — for lists that print a total — the total and count
/// Phaen computes. Where the source printed a different figure, the computed one is marked
/// restated and a note below the table says what was printed (I-01, I-02).
enum ProjectListTable {
    static func blocks(_ list: ProjectList, plan: ActionPlan) -> DocumentBody {
        var body = DocumentBody()
        let projects = Dictionary(plan.projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let routine = list.entries.filter { projects[$0.projectID]?.kind == .routine }.count * 2 > list.entries.count
        let header = Row([.header("ลำดับที่"), .header(routine ? "งาน / โครงการ" : "โครงการ/กิจกรรม"), .header("งบประมาณ (บาท)"),
                          .header("ส่วนราชการ"), .header(routine ? "รหัสนโยบาย" : "รหัสยุทธศาสตร์ / นโยบาย")])
        var rows: [Row] = []
        var group: String?? = .none
        for entry in list.entries {
            if group != .some(entry.group), let heading = entry.group {
                rows.append(Row([Cell(DocText.clean(heading), columnSpan: 5, bold: true, shading: "F2F2F2")], kind: .group))
            }
            group = .some(entry.group)
            let project = projects[entry.projectID]
            let codes = [project?.strategyCode].compactMap { $0 } + (entry.policyCodes ?? project?.policyCodes ?? [])
            var name = DocText.clean(project?.name ?? entry.projectID)
            if !entry.countsInTotal { name += "\n(ไม่นับซ้ำในยอดรวม)" }
            rows.append(Row([Cell(DocText.clean(entry.number ?? ""), alignment: .center), Cell(name),
                             .figure(DocText.budget(entry.budget)),
                             Cell(DocText.clean(entry.section ?? project?.section ?? "-")),
                             Cell(DocText.clean(codes.joined(separator: " ")))]))
        }
        let printsTotals = list.statedTotal != nil || list.statedCount != nil
        var notes: [String] = []
        if printsTotals {
            let computed = list.computedTotal
            let stated = list.statedTotal?.amount
            let totalDiffers = stated.map { $0 != computed } ?? false
            rows.append(Row([Cell("รวมงบประมาณทั้งสิ้น", columnSpan: 2, alignment: .center, bold: true),
                             .figure(DocText.money(computed), bold: true, restated: totalDiffers),
                             Cell("", columnSpan: 2)], kind: .total))
            let count = list.entries.count
            let countDiffers = list.statedCount.map { $0 != count } ?? false
            rows.append(Row([Cell("รวมจำนวน", columnSpan: 2, alignment: .center, bold: true),
                             Cell(paragraphs: [Paragraph([Run("\(count) โครงการ/กิจกรรม", bold: true, restated: countDiffers)], alignment: .right)],
                                  alignment: .right),
                             Cell("", columnSpan: 2)], kind: .total))
            // The note names the difference, never the printed total: a wrong figure is not
            // reproduced anywhere in the document (issue 4).
            if totalDiffers, let stated {
                let difference = stated - computed
                let direction = difference > .zero ? "สูงกว่า" : "ต่ำกว่า"
                notes.append("ยอดรวมงบประมาณ \(DocText.money(computed)) บาท คำนวณจากงบประมาณรายการที่เป็นตัวเลขทุกรายการ "
                             + "ยอดรวมที่ต้นฉบับพิมพ์\(direction)นี้ \(DocText.money(difference > .zero ? difference : .zero - difference)) บาท")
            }
            if countDiffers, let statedCount = list.statedCount {
                notes.append("จำนวนรายการนับได้ \(count) รายการ ต้นฉบับพิมพ์ว่า \(statedCount) รายการ")
            }
            body.table(Table(columns: columns, headerRows: [header], bodyRows: rows))
            body.paragraph([Run("จำนวนเงินทั้งสิ้น ", bold: true), Run(DocText.amountWithWords(computed), restated: totalDiffers)])
        } else {
            body.table(Table(columns: columns, headerRows: [header], bodyRows: rows))
        }
        for note in notes { body.restatedNote(note) }
        return body
    }

    /// The amount column fits a total of tens of millions in Thai digits at 16 pt on one line
    /// (a narrower one broke "๓๕,๒๕๔,๒๙๕" across lines in the PDF).
    static let columns: [Table.Column] = [.init(width: 0.7), .init(width: 3.6), .init(width: 2.4), .init(width: 1.7), .init(width: 1.4)]
}
