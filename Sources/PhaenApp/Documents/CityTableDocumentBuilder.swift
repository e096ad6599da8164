import Foundation
import PhaenCore
import PhaenDocs

/// Use case: the city score table as a printable document — every unit the data shows with an
/// agreement for the year, one column per component and the total, scored by `Scorer` from the
/// latest reports. `progress` is told each unit as it is scored (the shell prints it).
public struct CityTableDocumentBuilder: Sendable {
    public let data: any PlanningData
    public init(data: any PlanningData) { self.data = data }

    public func build(year: FiscalYear, digits: NumeralStyle? = nil,
                      progress: (@Sendable (Int, Int, String) -> Void)? = nil) async throws -> Document {
        let agreements = try await data.agreements().filter { $0.fiscalYear == year }.sorted { $0.unitCode < $1.unitCode }
        var scored: [(PhaenCore.Unit, ScoreCard)] = []
        for (i, agreement) in agreements.enumerated() {
            guard let unit = try await data.unit(code: agreement.unitCode) else { continue }
            progress?(i + 1, agreements.count, unit.nameTH)
            let reports = try await data.reports(unitCode: unit.code, fiscalYear: year)
            let group = try await data.unitGroup(unitCode: unit.code, fiscalYear: year)
            scored.append((unit, Scorer.score(agreement, results: ScoreUnitYear.latestResults(reports), unitGroup: group)))
        }
        var numbers: [String] = []
        for (_, card) in scored { for c in card.components where !numbers.contains(c.number) { numbers.append(c.number) } }
        let header = Row([.header("รหัส"), .header("หน่วยงาน")] + numbers.map { Cell.header("องค์ประกอบที่ \($0)") } + [.header("รวม")])
        let rows = scored.map { unit, card in
            Row([Cell(unit.code), Cell(unit.nameTH)]
                + numbers.map { n in .figure(card.components.first { $0.number == n }.map { DocText.decimal($0.score, fraction: 4) } ?? "-") }
                + [.figure(DocText.decimal(card.total, fraction: 4), bold: true)])
        }
        var body = DocumentBody()
        let title = "ผลคะแนนการประเมินผลการปฏิบัติราชการ ปีงบประมาณ พ.ศ. \(year.be)"
        body.heading(title, level: 1, inContents: false)
        body.paragraph("คะแนนคำนวณจากรายงานล่าสุดของแต่ละตัวชี้วัดตามเกณฑ์ในคำรับรอง (\(scored.count) หน่วยงาน)", alignment: .center)
        // A person who sees no unit with an agreement gets the table empty, as the dashboard shows it.
        if scored.isEmpty { body.paragraph("ไม่มีคำรับรองการปฏิบัติราชการปีงบประมาณ \(year.be) ของหน่วยงานที่ท่านดูได้") }
        body.table(Table(columns: [.init(width: 0.8), .init(width: 3.5)] + numbers.map { _ in .init(width: 1.1) } + [.init(width: 1.1)],
                         headerRows: [header], bodyRows: rows))
        return Document(title: title, settings: DocumentSettings(orientation: numbers.count > 4 ? .landscape : .portrait,
                                                                 digits: digits ?? .arabic), blocks: body.blocks)
    }
}
