import Foundation
import PhaenCore

/// A printed project list of the plan: its rows under their group headings (work lines for
/// the routine catalogue), the numbers and budgets as printed, and the computed total and
/// count beside the stated ones.
struct ListView {
    struct Row {
        var number: String?
        var name: String
        var budget: String?
        var budgetFlag: Bool
        var section: String?
        var sectionFlag: Bool
        var codes: String?
        /// A row whose budget is not part of the total (a parent row, a shared budget).
        var excluded: Bool
        var findings: [FindingView]
    }
    struct Group { var heading: String?; var rows: [Row] }

    var id: String
    var anchor: String
    var title: String
    var source: String?
    var isRoutine: Bool
    var groups: [Group]
    var count: Int
    var statedCount: String?
    var countDiffers: Bool
    var statedTotalPrinted: String?
    var statedTotal: String?
    var computedTotal: String
    var totalDiffers: Bool
    var difference: String?
    var findings: [FindingView]

    static func build(_ list: ProjectList, plan: ActionPlan, base: String, budgetFlagged: Set<String>,
                      pool: inout FindingPool) -> ListView {
        let prefix = "\(base) › \(list.title) ›"
        var listFindings = pool.take { $0.location.contains("[\(list.id)]") || $0.location.hasPrefix(prefix) }
        var groups: [Group] = []
        for entry in list.entries {
            let project = plan.project(id: entry.projectID)
            let rowFindings = takeRowFindings(entry, from: &listFindings)
            let section = entry.section ?? project?.section
            let codes = [project?.strategyCode].compactMap { $0 } + (entry.policyCodes ?? project?.policyCodes ?? [])
            let row = Row(
                number: entry.number, name: project?.name ?? entry.projectID,
                // As this list prints it: the project register's figure may differ, and only
                // the list's own cells make its total.
                budget: entry.budget?.printed,
                budgetFlag: project.map { budgetFlagged.contains($0.name) } ?? false,
                section: section,
                sectionFlag: rowFindings.contains { $0.rule == "PLAN-SECTION-UNKNOWN" && $0.stated == section },
                codes: codes.isEmpty ? nil : codes.joined(separator: " "),
                excluded: !entry.countsInTotal,
                findings: rowFindings.map(FindingView.init))
            if let last = groups.last, last.heading == entry.group {
                groups[groups.count - 1].rows.append(row)
            } else {
                groups.append(Group(heading: entry.group, rows: [row]))
            }
        }
        let stated = list.statedTotal?.amount
        let computed = list.computedTotal
        let routine = list.entries.filter { plan.project(id: $0.projectID)?.kind == .routine }.count
        return ListView(
            id: list.id, anchor: "list-\(list.id)", title: list.title, source: list.source,
            isRoutine: routine * 2 > list.entries.count, groups: groups,
            count: list.entries.count, statedCount: list.statedCount.map(String.init),
            countDiffers: list.statedCount.map { $0 != list.entries.count } ?? false,
            statedTotalPrinted: list.statedTotal?.printed,
            statedTotal: stated.map { ThaiNumberFormat.amount($0) },
            computedTotal: ThaiNumberFormat.amount(computed),
            totalDiffers: stated.map { $0 != computed } ?? false,
            difference: stated.flatMap { $0 == computed ? nil : ThaiNumberFormat.amount($0 - computed) },
            findings: listFindings.map(FindingView.init))
    }

    /// A row's findings name its source line ("(บรรทัด 393)") or, without one, its number.
    static func takeRowFindings(_ entry: ListEntry, from findings: inout [Finding]) -> [Finding] {
        let matches: (Finding) -> Bool
        if let line = entry.line {
            matches = { $0.location.hasSuffix("(บรรทัด \(line))") }
        } else if let number = entry.number {
            matches = { $0.location.contains("› ลำดับ \(number) ") || $0.location.hasSuffix("› ลำดับ \(number)") }
        } else {
            return []
        }
        let taken = findings.filter(matches)
        findings.removeAll(where: matches)
        return taken
    }
}

/// A step plan: the Gantt drawing and the findings about it.
struct StepPlanView {
    struct Step { var position: Int; var number: String; var text: String }
    var title: String
    var project: String?
    var isFragment: Bool
    var svg: String
    /// The steps' full texts (the drawing shortens them).
    var steps: [Step]
    var findings: [FindingView]

    static func build(_ stepPlan: StepPlan, plan: ActionPlan, pool: inout FindingPool) -> StepPlanView {
        let prefix = "ขั้นตอนการปฏิบัติงาน › \(stepPlan.title)"
        let findings = pool.take { $0.location == prefix || $0.location.hasPrefix(prefix + " ›") }
        let flagged = Set(stepPlan.steps.map(\.number).filter { number in
            findings.contains { $0.location.hasSuffix("› ขั้นตอนที่ \(number)") }
        })
        return StepPlanView(
            title: stepPlan.title, project: stepPlan.projectID.flatMap { plan.project(id: $0)?.name },
            isFragment: stepPlan.fragment == true, svg: GanttSVG.draw(stepPlan, flagged: flagged),
            steps: stepPlan.steps.enumerated().map { Step(position: $0.offset + 1, number: $0.element.number, text: $0.element.text) },
            findings: findings.map(FindingView.init))
    }
}
