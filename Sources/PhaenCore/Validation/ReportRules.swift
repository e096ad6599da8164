import Foundation

/// Progress reports: known KPI, dates inside the fiscal year and not after the cut-off,
/// the explanation required below target, stated levels and scores (domain.md §6).
enum ReportRules {
    static func check(_ c: ValidationContext) -> [Finding] {
        var out: [Finding] = []
        let fy = c.fiscalYear
        for report in c.reports {
            let where_ = "รายงาน \(report.unitCode)/\(report.fiscalYear) › \(report.round.thaiName) › ตัวชี้วัด \(report.kpiCode)"
            let cutoff = report.asOf ?? report.round.asOf(in: report.fiscalYear)
            if let asOf = report.asOf, !fy.contains(asOf) {
                out.append(dateFinding("REPORT-DATE-FY", .error, asOf, "ข้อมูล ณ วันที่", fy, where_))
            }
            for evidence in report.evidence {
                guard let date = evidence.date else { continue }
                let label = evidence.number ?? evidence.text
                if date > cutoff {
                    out.append(Finding(rule: "REPORT-EVIDENCE-AFTER-CUTOFF", severity: .warning,
                        messageTH: "หลักฐาน \"\(label)\" ลงวันที่ \(ThaiDateFormat.long(date)) หลังวันตัดรอบรายงาน \(ThaiDateFormat.long(cutoff))",
                        messageEN: "Evidence \"\(label)\" is dated \(date), after the report's cut-off \(cutoff)",
                        location: where_, stated: date.description, computed: cutoff.description))
                } else if date < fy.start {
                    out.append(dateFinding("REPORT-EVIDENCE-DATE-FY", .info, date, "หลักฐาน \"\(label)\" ลงวันที่", fy, where_))
                }
            }
            if let agreement = c.agreement {
                guard let kpi = agreement.kpi(code: report.kpiCode) else {
                    out.append(Finding(rule: "REPORT-KPI-UNKNOWN", severity: .warning,
                        messageTH: "ตัวชี้วัด \(report.kpiCode) ไม่อยู่ในคำรับรองการปฏิบัติราชการ",
                        messageEN: "KPI \(report.kpiCode) is not in the agreement", location: where_, stated: report.kpiCode))
                    continue
                }
                let score = Scorer.scoreKPI(kpi, result: report.result, appeal: nil, unitGroup: c.unitGroup,
                                            scheme: agreement.pointsScheme)
                for mismatch in score.findings { out.append(.statedMismatch(kpi: kpi.code, mismatch)) }
                if report.round.carriesScores, let level = score.level, level < 5,
                   (report.explanation ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    out.append(Finding(rule: "REPORT-EXPLANATION", severity: .warning,
                        messageTH: "ผลต่ำกว่าเป้าหมาย (ระดับ \(Fmt.number(level))) ต้องมีคำชี้แจงกรณีการดำเนินการไม่เป็นไปตามเป้าหมาย",
                        messageEN: "Below target (level \(Fmt.number(level))): an explanation is required", location: where_))
                }
            }
        }
        return out
    }

    static func dateFinding(_ rule: String, _ severity: Finding.Severity, _ date: CivilDate, _ what: String,
                            _ fy: FiscalYear, _ where_: String) -> Finding {
        Finding(rule: rule, severity: severity,
                messageTH: "\(what) \(ThaiDateFormat.long(date)) อยู่นอกปีงบประมาณ \(fy) (\(ThaiDateFormat.long(fy.start)) – \(ThaiDateFormat.long(fy.end)))",
                messageEN: "\(date) is outside fiscal year \(fy) (\(fy.start) – \(fy.end))",
                location: where_, stated: date.description)
    }
}

/// Disbursement tables: row percent = disbursed / allocated, total percent = Σ disbursed /
/// Σ allocated (never the mean of row percents); disbursements inside the fiscal year and
/// not above the allocation (domain.md §7).
enum DisbursementRules {
    static func check(_ c: ValidationContext) -> [Finding] {
        var out: [Finding] = []
        for table in c.disbursementTables {
            let where_ = "ตารางการเบิกจ่าย \(table.unitCode)/\(table.fiscalYear) ณ \(ThaiDateFormat.long(table.asOf))"
            for row in table.rows {
                if row.disbursed > row.allocated {
                    out.append(Finding(rule: "DISB-OVER", severity: .error,
                        messageTH: "\(row.type.thaiName): เบิกจ่าย \(Fmt.money(row.disbursed)) มากกว่างบที่ได้รับ \(Fmt.money(row.allocated))",
                        messageEN: "\(row.type.rawValue): disbursed more than allocated", location: where_))
                }
                if let stated = row.statedPercent {
                    let computed = DisbursementMath.percent(row.disbursed, of: row.allocated)
                    if Scorer.rounded(computed, 2) != Scorer.rounded(stated, 2) {
                        out.append(Finding(rule: "DISB-ROW-PERCENT", severity: .error,
                            messageTH: "\(row.type.thaiName): ร้อยละที่ระบุ \(Fmt.number(stated)) ไม่ตรงกับที่คำนวณได้ \(ThaiNumberFormat.decimal(computed, maxFractionDigits: 2, minFractionDigits: 2))",
                            messageEN: "\(row.type.rawValue): stated percent \(Fmt.number(stated)) differs from \(Fmt.number(Scorer.rounded(computed, 2)))",
                            location: where_, stated: Fmt.number(stated), computed: Fmt.number(Scorer.rounded(computed, 2))))
                    }
                }
            }
            let allocated = table.rows.map(\.allocated).sum()
            let disbursed = table.rows.map(\.disbursed).sum()
            if let s = table.statedTotalAllocated, s != allocated {
                out.append(totalFinding("DISB-TOTAL-ALLOCATED", "งบประมาณรวม", s, allocated, where_))
            }
            if let s = table.statedTotalDisbursed, s != disbursed {
                out.append(totalFinding("DISB-TOTAL-DISBURSED", "ยอดเบิกจ่ายรวม", s, disbursed, where_))
            }
            if let stated = table.statedTotalPercent {
                let computed = Scorer.rounded(DisbursementMath.percent(disbursed, of: allocated), 2)
                if Scorer.rounded(stated, 2) != computed {
                    out.append(Finding(rule: "DISB-TOTAL-PERCENT", severity: .error,
                        messageTH: "ร้อยละรวมที่ระบุ \(Fmt.number(stated)) ไม่ตรงกับ Σเบิกจ่าย ÷ Σงบประมาณ = \(Fmt.number(computed))",
                        messageEN: "Stated total percent \(Fmt.number(stated)) differs from Σ disbursed / Σ allocated = \(Fmt.number(computed))",
                        location: where_, stated: Fmt.number(stated), computed: Fmt.number(computed)))
                }
            }
        }
        for d in c.disbursements where !d.fiscalYear.contains(d.date) {
            out.append(ReportRules.dateFinding("DISB-DATE-FY", .error, d.date, "การเบิกจ่าย\(d.type.thaiName)ลงวันที่",
                                               d.fiscalYear, "การเบิกจ่าย \(d.unitCode)/\(d.fiscalYear)"))
        }
        return out
    }

    static func totalFinding(_ rule: String, _ what: String, _ stated: Money, _ computed: Money, _ where_: String) -> Finding {
        Finding(rule: rule, severity: .error,
                messageTH: "\(what)ที่ระบุ \(Fmt.money(stated)) ไม่เท่ากับผลรวมของรายการ \(Fmt.money(computed))",
                messageEN: "Stated \(rule) \(Fmt.money(stated)) differs from the sum \(Fmt.money(computed))",
                location: where_, stated: stated.plainString, computed: computed.plainString)
    }
}
