import Foundation
import PhaenCore
import SQLKit

/// Plans and agreements edited in Phaen, each save audited ("plan"/"agreement", "UNIT/YEAR",
/// action "save", the whole value's JSON before and after) in the same transaction. A save that
/// changes nothing writes nothing, audit included. The unit must exist (`StoreConflict.notFound`).
extension PhaenStore {
    public func savePlan(_ plan: ActionPlan, actor: String, now: Date) async throws {
        try await pool.write { db in
            try await db.requireUnit(plan.unitCode)
            try await self.lockForImport(db)
            let stored = try await PlanStore.load(unitCode: plan.unitCode, fiscalYear: plan.fiscalYear, in: db)
            if stored?.plan == plan { return }
            try await PlanStore.replace(plan, version: (stored?.version ?? 0) + 1, importedBody: stored?.importedBody, in: db)
            try await AuditLog.append(AuditEntry(
                at: now, actor: actor, objectKind: "plan", objectKey: "\(plan.unitCode)/\(plan.fiscalYear.be)", action: "save",
                before: try stored.map { try JSONBody.encode($0.plan) }, after: try JSONBody.encode(plan)), in: db)
        }
    }

    public func saveAgreement(_ agreement: Agreement, actor: String, now: Date) async throws {
        try await pool.write { db in
            try await db.requireUnit(agreement.unitCode)
            try await self.lockForImport(db)
            let stored = try await AgreementStore.load(unitCode: agreement.unitCode, fiscalYear: agreement.fiscalYear, in: db)
            if stored?.agreement == agreement { return }
            try await AgreementStore.replace(agreement, version: (stored?.version ?? 0) + 1,
                                             importedBody: stored?.importedBody, in: db)
            try await AuditLog.append(AuditEntry(
                at: now, actor: actor, objectKind: "agreement", objectKey: "\(agreement.unitCode)/\(agreement.fiscalYear.be)",
                action: "save", before: try stored.map { try JSONBody.encode($0.agreement) }, after: try JSONBody.encode(agreement)),
                in: db)
        }
    }
}
