import Foundation
import PhaenCore
import PhaenDocs

/// Use case: the performance agreement (คำรับรองการปฏิบัติราชการ) as the table ค form: per
/// component the KPI table (baseline, target, weight, definition and method) and each KPI's
/// criteria table with the points the year's scheme gives, then the signatures of the unit
/// head and the evaluator. Printed landscape: the definitions sit beside the targets.
public struct AgreementDocumentBuilder: Sendable {
    public let data: any PlanningData
    public init(data: any PlanningData) { self.data = data }

    public func build(unitCode: String, year: FiscalYear, digits: NumeralStyle? = nil) async throws -> Document {
        guard let unit = try await data.unit(code: unitCode) else { throw AppError.unitNotFound(unitCode) }
        guard let agreement = try await data.agreement(unitCode: unitCode, fiscalYear: year) else {
            throw AppError(.notFound, th: "หน่วยงาน \(unitCode) ไม่มีคำรับรองการปฏิบัติราชการปีงบประมาณ \(year.be)",
                           en: "unit \(unitCode) has no agreement for fiscal year \(year.be)")
        }
        let group = try await data.unitGroup(unitCode: unitCode, fiscalYear: year)
        let title = "คำรับรองการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. \(year.be)"
        var body = DocumentBody()
        body.heading(title, level: 1, inContents: false)
        body.paragraph([Run(unit.nameTH, bold: true, sizePt: 20)], alignment: .center)
        body.paragraph("ตารางแสดงตัวชี้วัดและภารกิจจากการเจรจาตกลง การประเมินผลการปฏิบัติราชการประจำปี พ.ศ. \(year.be)",
                       alignment: .center)
        var facts = [("หลักเกณฑ์คะแนน", agreement.pointsScheme == .twentyToHundred
                      ? "ระดับ k ได้ร้อยละ 20 × k ของน้ำหนัก (20/40/60/80/100)"
                      : "ระดับ k ได้ร้อยละ 50 + 10 × k ของน้ำหนัก (60/70/80/90/100)")]
        if let group { facts.append(("กลุ่มหน่วยงาน", group)) }
        body.keyValues(facts)
        body.append(AgreementTables.components(agreement, unitGroup: group))
        if !agreement.appeals.isEmpty {
            body.heading("การอุทธรณ์", level: 2, inContents: false)
            body.table(Table(columns: [.init(width: 1), .init(width: 1.2), .init(width: 4), .init(width: 1)],
                             headerRows: [Row([.header("ตัวชี้วัด"), .header("ประเภท"), .header("เหตุผล"), .header("ผล")])],
                             bodyRows: agreement.appeals.map { a in
                                 Row(texts: [a.kpiCode, a.kind == .exempt ? "ขอยกเว้นผล" : "ขอลดค่าเป้าหมาย", DocText.clean(a.reason),
                                             a.decision == .approved ? "อนุมัติ" : a.decision == .rejected ? "ไม่อนุมัติ" : "รอพิจารณา"])
                             }))
        }
        body.signatures([Signature(caption: "ลงชื่อ", position: "หัวหน้าส่วนราชการ/หัวหน้าหน่วยงาน (ผู้รับการประเมิน)"),
                         Signature(caption: "ลงชื่อ", position: "ผู้ประเมิน")])
        return Document(title: "\(title) \(unit.nameTH)",
                        settings: DocumentSettings(orientation: .landscape, digits: digits ?? (year.be >= 2567 ? .thai : .arabic)),
                        blocks: body.blocks)
    }
}
