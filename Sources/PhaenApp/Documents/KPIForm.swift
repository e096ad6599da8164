import Foundation
import PhaenCore
import PhaenDocs

/// The per-KPI report form (ผลสัมฤทธิ์การปฏิบัติงานตามแผนปฏิบัติการประจำปี แยกรายตัวชี้วัด):
/// fields 1–9 as the Bangkok Yai form prints them, with the quarterly narratives 6.1–6.4 and the
/// year-end summary 6.5, and the signature of the person responsible.
enum KPIForm {
    /// What the form needs to know about a KPI, from the agreement when it has it, else from
    /// the reports (a KPI reported without being agreed).
    struct KPI {
        var code: String
        var name: String
        var agreed: AgreementKPI?
    }

    static func kpis(agreement: Agreement?, reports: [ProgressReport]) -> [KPI] {
        // Every agreed KPI has its form (blank until reported), then any KPI reported without
        // being agreed.
        var out = agreement?.allKPIs.map { KPI(code: $0.code, name: $0.name, agreed: $0) } ?? []
        for report in reports.sorted(by: { $0.kpiCode < $1.kpiCode }) where !out.contains(where: { $0.code == report.kpiCode }) {
            out.append(KPI(code: report.kpiCode, name: report.kpiName ?? report.kpiCode, agreed: nil))
        }
        return out
    }

    static func form(_ kpi: KPI, reports: [ProgressReport], round: ReportingRound, unit: PhaenCore.Unit, year: FiscalYear,
                     frameworks: [FrameworkNode]) -> DocumentBody {
        var body = DocumentBody()
        let latest = reports.max { $0.round < $1.round }
        body.heading("ผลสัมฤทธิ์การปฏิบัติงานตามแผนปฏิบัติการประจำปี แยกรายตัวชี้วัด: \(kpi.name)", level: 2)
        body.paragraph("\(unit.nameTH) ปีงบประมาณ พ.ศ. \(year.be) (\(round.thaiName))", alignment: .center)
        field("1. ชื่อตัวชี้วัด", kpi.name, into: &body)
        let kind = kpi.agreed?.kind
        body.paragraph([Run("2. ระดับความสำเร็จ : ", bold: true),
                        Run("\(kind == .output ? "☑" : "☐") ผลผลิต (Output)   \(kind == .outcome ? "☑" : "☐") ผลลัพธ์ (Outcome)")])
        let links = (kpi.agreed?.links ?? []).map { ref in
            frameworks.first { $0.level == ref.level && $0.code == ref.code }.map { "\($0.code) \($0.name)" } ?? ref.description
        }
        if !links.isEmpty { field("สนับสนุนแผน (ยุทธศาสตร์ / ประเด็น / เป้าประสงค์)", links.joined(separator: "\n"), into: &body) }
        field("3. คำนิยาม", kpi.agreed?.definition ?? "-", into: &body)
        field("4. วิธีการคำนวณ", kpi.agreed?.method ?? "-", into: &body)
        field("5. เป้าหมาย", kpi.agreed?.target ?? "-", into: &body)
        let result = latest.map { r in r.valueText ?? r.value.map { DocText.decimal($0) } ?? r.claimedLevel.map { "ระดับ \(DocText.decimal($0))" } ?? "-" } ?? "-"
        field("ผลงานที่ทำได้", result, into: &body)
        body.paragraph("6. รายงานผลการดำเนินงาน (รายไตรมาส) :", bold: true)
        for q in 1...4 where ReportingRound.quarter(q) <= round {
            let text = reports.first { $0.round == .quarter(q) }?.narrative ?? "ไม่มีรายงานในรอบนี้"
            field("(6.\(q)) ไตรมาสที่ \(q)", text, into: &body)
        }
        if round == .yearEnd {
            field("(6.5) สรุปผลการดำเนินงาน (ปลายปีงบประมาณ)",
                  reports.first { $0.round == .yearEnd }?.narrative ?? "ไม่มีรายงานปลายปี", into: &body)
        } else if let latest, case .month = latest.round {
            field("ผลการดำเนินงาน \(latest.round.thaiName)", latest.narrative ?? "-", into: &body)
        }
        field("7. ปัจจัยสนับสนุนการดำเนินงาน", list(latest?.factors ?? []), into: &body)
        field("8. อุปสรรคต่อการดำเนินงาน", list(latest?.obstacles ?? []), into: &body)
        if let explanation = latest?.explanation { field("คำชี้แจงกรณีการดำเนินการไม่เป็นไปตามเป้าหมาย", explanation, into: &body) }
        field("9. หลักฐานอ้างอิง", evidence(latest?.evidence ?? []), into: &body)
        body.signatures([Signature(position: "ผู้รับผิดชอบโครงการ")])
        return body
    }

    static func field(_ label: String, _ text: String, into body: inout DocumentBody) {
        let lines = DocText.clean(text).split(separator: "\n").map(String.init)
        body.paragraph([Run("\(label) : ", bold: true), Run(lines.first ?? "-")], spaceBeforePt: 4)
        for line in lines.dropFirst() { body.paragraph(line, indent: true) }
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "ไม่มี" : items.joined(separator: "\n") }

    static func evidence(_ items: [Evidence]) -> String {
        guard !items.isEmpty else { return "-" }
        return items.enumerated().map { i, e in
            var text = "\(i + 1). \(e.text)"
            if let n = e.number { text += " ที่ \(n)" }
            if let d = e.date { text += " ลงวันที่ \(ThaiDateFormat.long(d, digits: .arabic))" }
            return text
        }.joined(separator: "\n")
    }
}
