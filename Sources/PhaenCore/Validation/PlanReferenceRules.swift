import Foundation

/// Sections and framework codes a plan refers to must exist (R-REF-1, R-REF-3).
enum PlanReferenceRules {
    static func check(_ plan: ActionPlan, unit: Unit?, frameworks: [FrameworkNode]) -> [Finding] {
        var out: [Finding] = []
        let known = Set(frameworks.map(\.reference))
        let base = "แผน \(plan.unitCode)/\(plan.fiscalYear)"
        var reported = Set<String>()

        func checkSection(_ printed: String?, _ where_: String) {
            guard let unit, !unit.sections.isEmpty, let printed, !printed.isEmpty, printed != "-" else { return }
            guard unit.section(named: printed) == nil, reported.insert("S#\(printed)#\(where_)").inserted else { return }
            out.append(Finding(rule: "PLAN-SECTION-UNKNOWN", severity: .error,
                messageTH: "ส่วนราชการ \"\(printed)\" ไม่อยู่ในรายชื่อส่วนราชการของ\(unit.nameTH)",
                messageEN: "Section \"\(printed)\" is not one of the unit's sections",
                location: where_, stated: printed))
        }
        func checkRefs(_ refs: [FrameworkRef], _ where_: String) {
            guard !frameworks.isEmpty else { return }
            for ref in refs where !known.contains(ref) {
                guard reported.insert("R#\(ref)#\(where_)").inserted else { continue }
                let what = ref.level == .policyCode ? "รหัสนโยบาย" : ref.level == .policyOKR ? "OKR" : "รหัส"
                out.append(Finding(rule: "PLAN-REF-UNKNOWN", severity: .error,
                    messageTH: "\(what) \(ref.code) ไม่มีในกรอบยุทธศาสตร์ปี \(plan.fiscalYear)",
                    messageEN: "Unknown \(ref.level.rawValue) code \(ref.code) in the FY\(plan.fiscalYear) frameworks",
                    location: where_, stated: ref.description))
            }
        }
        func policyRefs(_ codes: [String]?) -> [FrameworkRef] {
            (codes ?? []).map { FrameworkRef(level: .policyCode, code: ThaiDigits.toArabic($0)) }
        }

        for project in plan.projects {
            let where_ = "\(base) › โครงการ \(project.name)"
            checkSection(project.section, where_)
            checkRefs((project.links ?? []) + policyRefs(project.policyCodes), where_)
        }
        for list in plan.lists {
            for entry in list.entries {
                let name = plan.project(id: entry.projectID)?.name ?? entry.projectID
                let where_ = "\(base) › \(list.title) › \(entry.number.map { "ลำดับ \($0) " } ?? "")\(name)\(Fmt.at(entry.line))"
                if plan.project(id: entry.projectID) == nil {
                    out.append(Finding(rule: "PLAN-PROJECT-UNKNOWN", severity: .error,
                        messageTH: "รายการอ้างถึงโครงการ \(entry.projectID) ที่ไม่มีในทะเบียนโครงการ",
                        messageEN: "The row refers to project \(entry.projectID), which is not in the plan", location: where_))
                }
                checkSection(entry.section, where_)
                checkRefs((entry.links ?? []) + policyRefs(entry.policyCodes), where_)
            }
        }
        for kpi in plan.kpis {
            checkRefs(kpi.links ?? [], "\(base) › ตัวชี้วัด \(kpi.code)")
        }
        return out
    }
}
