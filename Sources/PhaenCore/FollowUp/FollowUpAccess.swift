import Foundation

/// Who does what in directive follow-up and innovation (issue 5).
///
/// - Directives are registered by the central office: evaluators (สยป., สำนักงาน ก.ก. and the
///   inspectors' division staff use the evaluator role) and administrators.
/// - The ten group names are configured by administrators.
/// - A unit's status on a directive is reported by a reporter of that unit; everyone who
///   reads the unit reads its reports (a unit role sees only directives addressed to its unit).
/// - A unit's innovation (forms 1–5, status) is recorded by a reporter of that unit.
extension AccessPolicy {
    public static func canRegisterDirectives(_ actor: Person) -> Bool {
        actor.role == .evaluator || actor.role == .admin
    }

    public static func canNameDirectiveGroups(_ actor: Person) -> Bool { actor.role == .admin }

    public static func canReportDirective(_ actor: Person, unit: String) -> Bool {
        actor.role == .reporter && actor.unitCode == unit
    }

    public static func canEditInnovation(_ actor: Person, unit: String) -> Bool {
        actor.role == .reporter && actor.unitCode == unit
    }
}
