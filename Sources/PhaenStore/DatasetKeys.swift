import PhaenCore

/// The natural keys of a dataset's records. Two different records with one key would make an
/// import depend on their order and never settle (each run would replace one with the other),
/// so such a dataset is refused, naming the keys. The same record given twice (two files
/// that both carry it) is harmless and accepted.
enum DatasetKeys {
    static func checkUnique(_ dataset: Dataset) throws {
        var problems: [String] = []
        /// `strict`: even identical repeats are refused (a plan's parts share one table key).
        func check<T: Equatable>(_ items: [T], _ what: String, strict: Bool = false, _ key: (T) -> String) {
            var first: [String: T] = [:]
            var conflicting: Set<String> = []
            for item in items {
                let k = key(item)
                if let earlier = first[k] {
                    if strict || earlier != item { conflicting.insert(k) }
                } else {
                    first[k] = item
                }
            }
            if !conflicting.isEmpty { problems.append("\(what) \(conflicting.sorted().joined(separator: ", "))") }
        }
        check(dataset.units, "หน่วยงาน", \.code)
        check(dataset.unitGroups, "กลุ่มหน่วยงาน") { "\($0.unitCode)/\($0.fiscalYear)" }
        check(dataset.plans, "แผนปฏิบัติการ") { "\($0.unitCode)/\($0.fiscalYear)" }
        check(dataset.agreements, "คำรับรองการปฏิบัติราชการ") { "\($0.unitCode)/\($0.fiscalYear)" }
        check(dataset.reports, "รายงานผล") { "\($0.unitCode)/\($0.fiscalYear)/\($0.round.code)/\($0.kpiCode)" }
        check(dataset.allocations, "งบประมาณที่ได้รับจัดสรร") { "\($0.unitCode)/\($0.fiscalYear)/\($0.type.rawValue)" }
        check(dataset.disbursementTables, "ตารางการเบิกจ่าย") { "\($0.unitCode)/\($0.fiscalYear)/\($0.asOf)" }
        check(dataset.directives, "ข้อสั่งการ", \.id)
        check(dataset.directiveReports, "รายงานข้อสั่งการ") { "\($0.directiveID)/\($0.unitCode)/\($0.date)" }
        check(dataset.innovations, "นวัตกรรม") { "\($0.unitCode)/\($0.fiscalYear)/\($0.title)" }
        for plan in dataset.plans {
            let where_ = "ในแผน \(plan.unitCode)/\(plan.fiscalYear)"
            check(plan.projects, "รหัสโครงการ\(where_)", strict: true, \.id)
            check(plan.lists, "รหัสรายการโครงการ\(where_)", strict: true, \.id)
            check(plan.stepPlans, "รหัสแผนขั้นตอน\(where_)", strict: true, \.id)
        }
        guard problems.isEmpty else {
            throw StoreError("ชุดข้อมูลมีรายการซ้ำ (duplicate keys): " + problems.joined(separator: "; "))
        }
    }
}
