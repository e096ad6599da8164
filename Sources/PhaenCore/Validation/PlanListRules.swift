import Foundation

/// Totals, counts and numbering of the printed project lists, and the same project printed
/// with different budgets (plans-spec §2.2, R-BUD-1, R-BUD-2, R-REF-5).
enum PlanListRules {
    static func check(_ plan: ActionPlan) -> [Finding] {
        var out: [Finding] = []
        for list in plan.lists {
            let where_ = "แผน \(plan.unitCode)/\(plan.fiscalYear) › \(list.title) [\(list.id)]"
            if let stated = list.statedTotal {
                if let amount = stated.amount {
                    let computed = list.computedTotal
                    if amount != computed {
                        out.append(Finding(rule: "PLAN-TOTAL", severity: .error,
                            messageTH: "ยอดรวมที่ระบุ \(Fmt.money(amount)) บาท ไม่เท่ากับผลรวมของรายการ \(Fmt.money(computed)) บาท (ต่างกัน \(Fmt.money(amount - computed)) บาท)",
                            messageEN: "Stated total \(Fmt.money(amount)) differs from the sum of the items \(Fmt.money(computed)) (difference \(Fmt.money(amount - computed)))",
                            location: where_, stated: amount.plainString, computed: computed.plainString))
                    }
                }
            }
            if let statedCount = list.statedCount, statedCount != list.entries.count {
                out.append(Finding(rule: "PLAN-COUNT", severity: .error,
                    messageTH: "ระบุจำนวน \(statedCount) รายการ แต่มีรายการจริง \(list.entries.count) รายการ",
                    messageEN: "States \(statedCount) items but lists \(list.entries.count)",
                    location: where_, stated: String(statedCount), computed: String(list.entries.count)))
            }
            out += duplicateNumbers(list, where_: where_)
            out += repeatedProjects(list, plan: plan, where_: where_)
        }
        out += budgetConflicts(plan)
        return out
    }

    /// Item numbers must be unique within a list (numbering restarts per group heading).
    static func duplicateNumbers(_ list: ProjectList, where_: String) -> [Finding] {
        var seen: [String: ListEntry] = [:]
        var out: [Finding] = []
        for entry in list.entries {
            guard let printed = entry.number else { continue }
            let number = ThaiDigits.toArabic(printed).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            guard !number.isEmpty else { continue }
            let key = "\(entry.group ?? "")#\(number)"
            if let first = seen[key] {
                out.append(Finding(rule: "PLAN-DUP-NUMBER", severity: .error,
                    messageTH: "ลำดับที่ \(printed) ซ้ำกัน\(Fmt.at(first.line)) และ\(Fmt.at(entry.line))",
                    messageEN: "Item number \(number) is used twice",
                    location: where_ + " › ลำดับ \(printed)\(Fmt.at(entry.line))", stated: printed, computed: nil))
            } else {
                seen[key] = entry
            }
        }
        return out
    }

    /// The same project listed twice in one list (counted twice in its total).
    static func repeatedProjects(_ list: ProjectList, plan: ActionPlan, where_: String) -> [Finding] {
        var seen = Set<String>()
        var out: [Finding] = []
        for entry in list.entries where !seen.insert("\(entry.group ?? "")#\(entry.projectID)").inserted {
            let name = plan.project(id: entry.projectID)?.name ?? entry.projectID
            out.append(Finding(rule: "PLAN-DUP-PROJECT", severity: .warning,
                messageTH: "โครงการ \"\(name)\" อยู่ในรายการนี้มากกว่าหนึ่งครั้ง",
                messageEN: "The project \"\(name)\" appears more than once in this list",
                location: where_ + (entry.number.map { " › ลำดับ \($0)" } ?? ""), stated: entry.number))
        }
        return out
    }

    /// One project printed with different amounts in different places.
    static func budgetConflicts(_ plan: ActionPlan) -> [Finding] {
        struct Sighting { var place: String; var cell: BudgetCell }
        var sightings: [String: [Sighting]] = [:]
        for project in plan.projects {
            if let budget = project.budget { sightings[project.id, default: []].append(Sighting(place: "ทะเบียนโครงการ", cell: budget)) }
        }
        for list in plan.lists {
            for entry in list.entries where entry.countsInTotal {
                if let budget = entry.budget {
                    sightings[entry.projectID, default: []].append(Sighting(place: "\(list.title)\(Fmt.at(entry.line))", cell: budget))
                }
            }
        }
        var out: [Finding] = []
        for project in plan.projects {
            guard let seen = sightings[project.id] else { continue }
            let amounts = Set(seen.compactMap(\.cell.amount))
            let where_ = "แผน \(plan.unitCode)/\(plan.fiscalYear) › โครงการ \(project.name)"
            if amounts.count > 1 {
                let detail = seen.filter { $0.cell.amount != nil }.map { "\($0.place): \(Fmt.money($0.cell.amount!))" }
                out.append(Finding(rule: "PLAN-BUDGET-CONFLICT", severity: .error,
                    messageTH: "โครงการเดียวกันมีงบประมาณต่างกัน — " + detail.joined(separator: "; "),
                    messageEN: "The same project carries different budgets — " + detail.joined(separator: "; "),
                    location: where_, stated: amounts.sorted().map(\.plainString).joined(separator: " / "), computed: nil))
            } else if amounts.count == 1, amounts.first! != .zero,
                      let missing = seen.first(where: { $0.cell.amount == nil && isBlank($0.cell) }) {
                out.append(Finding(rule: "PLAN-BUDGET-MISSING", severity: .warning,
                    messageTH: "โครงการมีงบประมาณ \(Fmt.money(amounts.first!)) บาท แต่ใน\(missing.place)ระบุ \"\(missing.cell.printed)\"",
                    messageEN: "The project has a budget of \(Fmt.money(amounts.first!)) but \(missing.place) prints \"\(missing.cell.printed)\"",
                    location: where_, stated: missing.cell.printed, computed: amounts.first!.plainString))
            }
        }
        return out
    }

    /// A dash where an amount should be; other texts ("ไม่ใช้งบประมาณ") are deliberate.
    static func isBlank(_ cell: BudgetCell) -> Bool {
        let t = cell.printed.trimmingCharacters(in: .whitespaces)
        return t.isEmpty || t.allSatisfy { $0 == "-" || $0 == "–" }
    }
}
