import Foundation
import PhaenCore
import PhaenDocs

/// The budget-disbursement table (ประเภทงบรายจ่าย | งบประมาณหลังปรับโอน | ผลการเบิกจ่าย | ร้อยละ). The
/// percents and totals are computed: row = disbursed ÷ allocated; total = Σ disbursed ÷
/// Σ allocated (never the mean of row percents). A stated figure that differs is restated.
enum DisbursementTableDocument {
    static func blocks(_ table: StatedDisbursementTable) -> DocumentBody {
        var body = DocumentBody()
        let asOf = ThaiDateFormat.longWithEra(table.asOf, digits: .arabic)
        let header1 = Row([.header("ประเภทงบรายจ่าย", rowSpan: 2), .header("งบประมาณหลังปรับโอน (จำนวนเงิน)", rowSpan: 2),
                           .header("ข้อมูล ณ วันที่ \(asOf)", columnSpan: 2)])
        let header2 = Row([.header("ผลการเบิกจ่าย (จำนวนเงิน)"), .header("ร้อยละการเบิกจ่าย")])
        var rows: [Row] = []
        var notes: [String] = []
        let byType = Dictionary(table.rows.map { ($0.type, $0) }, uniquingKeysWith: { a, _ in a })
        func line(_ label: String, _ type: BudgetType) -> Row {
            guard let r = byType[type] else {
                return Row([Cell(label), .figure("-"), .figure("-"), .figure("-")])
            }
            let percent = DisbursementMath.percent(r.disbursed, of: r.allocated)
            let differs = r.statedPercent.map { !same($0, percent) } ?? false
            if differs, let stated = r.statedPercent {
                notes.append("\(type.thaiName): ร้อยละ \(pct(percent)) คำนวณจาก \(DocText.money(r.disbursed)) ÷ \(DocText.money(r.allocated)) ต้นฉบับพิมพ์ว่า \(pct(stated))")
            }
            return Row([Cell(label), .figure(DocText.money(r.allocated)), .figure(DocText.money(r.disbursed)),
                        .figure(pct(percent), restated: differs)])
        }
        rows.append(line("งบประมาณกันเงินไว้เบิกเหลื่อมปี แบบไม่มีหนี้ผูกพัน (ไม่รวมงบบุคลากร)", .carryOver))
        rows.append(Row([Cell("งบประมาณประจำปี", columnSpan: 4, bold: true)], kind: .group))
        for type in [BudgetType.operating, .investment, .subsidy, .other] { rows.append(line("- \(type.thaiName)", type)) }
        rows.append(line("งบกลาง (ไม่รวมงบบุคลากร)", .central))
        let allocated = table.rows.map(\.allocated).sum()
        let disbursed = table.rows.map(\.disbursed).sum()
        let percent = DisbursementMath.percent(disbursed, of: allocated)
        let allocDiffers = table.statedTotalAllocated.map { $0 != allocated } ?? false
        let disbDiffers = table.statedTotalDisbursed.map { $0 != disbursed } ?? false
        let pctDiffers = table.statedTotalPercent.map { !same($0, percent) } ?? false
        if allocDiffers, let s = table.statedTotalAllocated { notes.append("รวมงบประมาณ \(DocText.money(allocated)) ต้นฉบับพิมพ์ว่า \(DocText.money(s))") }
        if disbDiffers, let s = table.statedTotalDisbursed { notes.append("รวมผลการเบิกจ่าย \(DocText.money(disbursed)) ต้นฉบับพิมพ์ว่า \(DocText.money(s))") }
        if pctDiffers, let s = table.statedTotalPercent { notes.append("ร้อยละรวม \(pct(percent)) (ผลรวมเบิกจ่าย ÷ ผลรวมงบประมาณ) ต้นฉบับพิมพ์ว่า \(pct(s))") }
        rows.append(Row([Cell("รวมทั้งสิ้น", bold: true), .figure(DocText.money(allocated), bold: true, restated: allocDiffers),
                         .figure(DocText.money(disbursed), bold: true, restated: disbDiffers),
                         .figure(pct(percent), bold: true, restated: pctDiffers)], kind: .total))
        body.table(Table(columns: [.init(width: 3.5), .init(width: 1.6), .init(width: 1.6), .init(width: 1.2)],
                         headerRows: [header1, header2], bodyRows: rows))
        body.paragraph("ร้อยละรวม = ผลรวมการเบิกจ่าย ÷ ผลรวมงบประมาณ × 100 (\(DocText.money(disbursed)) ÷ \(DocText.money(allocated)))")
        for note in notes { body.restatedNote(note) }
        return body
    }

    static func pct(_ d: Decimal) -> String { ThaiNumberFormat.decimal(d, maxFractionDigits: 2, minFractionDigits: 2) }

    /// Stated percents are printed to two decimals: equal when they round alike.
    static func same(_ stated: Decimal, _ computed: Decimal) -> Bool { pct(stated) == pct(computed) }
}
