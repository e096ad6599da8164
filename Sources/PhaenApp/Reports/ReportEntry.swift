import Foundation
import PhaenCore
import PhaenStore

/// Use case: one KPI's report for one round — read it, save the draft, preview the score,
/// move it through the workflow, attach evidence. Every entry point takes the `Person` and
/// checks access first; a report the person may not see is "not found", never "forbidden",
/// so a URL does not reveal what another unit has.
public struct ReportEntry: Sendable {
    public let store: PhaenStore
    /// Where evidence bytes live, one file per SHA-256; shared by every server process.
    public let evidenceDirectory: URL
    public let evidenceLimit: Int

    public static let defaultEvidenceLimit = 10 * 1024 * 1024

    public init(store: PhaenStore, evidenceDirectory: URL, evidenceLimit: Int = ReportEntry.defaultEvidenceLimit) {
        self.store = store; self.evidenceDirectory = evidenceDirectory; self.evidenceLimit = evidenceLimit
    }

    // MARK: Reading

    public func load(person: Person, unit: String, year: FiscalYear, round: String, kpi: String) async throws -> ReportView {
        try await load(person: person, ref: ReportRef(unitCode: unit, fiscalYear: year, roundCode: round, kpiCode: kpi))
    }

    public func load(person: Person, ref: ReportRef) async throws -> ReportView {
        let context = try await ReportContext.resolve(person: person, ref: ref, store: store)
        let report = context.report
        let preview = context.kpi.flatMap { kpi in
            context.agreement.map {
                ReportPreview.compute(kpi: kpi, agreement: $0, unitGroup: context.unitGroup,
                                      value: report.value, claimedLevel: report.claimedLevel)
            }
        }
        let evidence = try await store.evidenceFiles(unitCode: ref.unitCode, fiscalYear: ref.fiscalYear,
                                                     round: ref.round, kpiCode: ref.kpiCode)
        let audit = try await store.audit(objectKind: "report", objectKey: ref.auditKey)
            + store.audit(objectKind: "evidence", objectKey: ref.auditKey)
        // Nothing to move until a draft is saved.
        let available = context.stored == nil ? []
            : ReportWorkflow.available(actor: person, unit: ref.unitCode, state: report.state)
        return ReportView(key: ref, unit: context.unit, kpi: context.kpi, pointsScheme: context.agreement?.pointsScheme,
                          unitGroup: context.unitGroup,
                          report: report, version: context.stored?.version, events: context.stored?.events ?? [],
                          evidence: evidence, audit: audit.sorted { ($0.at, $0.id ?? 0) < ($1.at, $1.id ?? 0) },
                          preview: preview, available: available,
                          editable: AccessPolicy.canEditReports(person, unit: ref.unitCode) && report.state == .draft)
    }

    // MARK: Preview

    /// The computed level, points and weighted score of a form as typed, nothing saved.
    public func preview(person: Person, ref: ReportRef, form: ReportForm) async throws -> ReportPreview {
        let context = try await ReportContext.resolve(person: person, ref: ref, store: store)
        guard let kpi = context.kpi, let agreement = context.agreement else {
            throw AppError(.notFound, th: "ตัวชี้วัด \(ref.kpiCode) ไม่อยู่ในคำรับรองฯ จึงคำนวณคะแนนไม่ได้",
                           en: "KPI \(ref.kpiCode) is not in the agreement")
        }
        return ReportPreview.compute(kpi: kpi, agreement: agreement, unitGroup: context.unitGroup, form: form)
    }

    /// The preview for a KPI of a known agreement (pure; for callers that hold both).
    public static func preview(kpi: AgreementKPI, agreement: Agreement, unitGroup: String?, form: ReportForm) -> ReportPreview {
        ReportPreview.compute(kpi: kpi, agreement: agreement, unitGroup: unitGroup, form: form)
    }

    // MARK: Saving

    /// Saves the draft and returns its new version. `expectedVersion` is the version the form
    /// was loaded with (nil for a report not saved before).
    ///
    /// Throws `ReportFormErrors` (with the form as typed) for unreadable numbers, a missing
    /// explanation, or a stale version; `ReportRefusal` when the person may not edit or the
    /// report is no longer a draft; `AppError.notFound` when the person may not see it.
    public func save(person: Person, ref: ReportRef, form: ReportForm, expectedVersion: Int?, now: Date) async throws -> Int {
        let context = try await ReportContext.resolve(person: person, ref: ref, store: store)
        guard AccessPolicy.canEditReports(person, unit: ref.unitCode) else {
            throw ReportRefusal.notEditable(person, unit: ref.unitCode)
        }
        // The version check comes before the state check: if someone submitted meanwhile, the
        // person should learn that the report changed, with their text kept.
        if let stored = context.stored, stored.version != expectedVersion {
            throw ReportFormErrors(form: form, message: ReportRefusal.staleMessage(stored.version), currentVersion: stored.version)
        }
        if context.stored == nil, let expectedVersion {
            // Loaded as saved, yet gone: deleted meanwhile (not possible today, but be exact).
            throw ReportFormErrors(form: form, message: ReportRefusal.staleMessage(0), currentVersion: expectedVersion)
        }
        guard context.report.state == .draft else { throw ReportRefusal.frozen(context.report.state) }

        let parsed = ParsedReportForm(form)
        var errors = parsed.errors
        if ref.round == .yearEnd, errors.isEmpty, let kpi = context.kpi, let agreement = context.agreement,
           ParsedReportForm.optionalText(form.explanation) == nil {
            let preview = ReportPreview.compute(kpi: kpi, agreement: agreement, unitGroup: context.unitGroup,
                                                value: parsed.value, claimedLevel: parsed.claimedLevel)
            if preview.isBelowTarget {
                errors[ReportForm.Field.explanation.rawValue] =
                    "ผลได้ระดับ \(preview.level.map { "\($0)" } ?? "-") ต่ำกว่าเป้าหมาย (ระดับ ๕): "
                    + "ต้องกรอกคำชี้แจงกรณีการดำเนินการไม่เป็นไปตามเป้าหมายในรอบปลายปีงบประมาณ"
            }
        }
        guard errors.isEmpty else { throw ReportFormErrors(form: form, fields: errors) }

        let report = parsed.apply(form, to: context.report)
        do {
            return try await store.saveReport(report, expectedVersion: expectedVersion, actor: person.username, now: now)
        } catch StoreConflict.staleVersion(let current) {
            // Lost a race between the check above and the write.
            throw ReportFormErrors(form: form, message: ReportRefusal.staleMessage(current), currentVersion: current)
        }
    }

    // MARK: Workflow

    /// Applies a transition (`ReportWorkflow.apply`: `WorkflowError` with a Thai message when
    /// the state or role does not allow it) and records it; returns the new version.
    public func transition(person: Person, ref: ReportRef, transition: ReportTransition, reason: String?,
                           expectedVersion: Int, now: Date) async throws -> Int {
        let context = try await ReportContext.resolve(person: person, ref: ref, store: store)
        guard let stored = context.stored else {
            throw ReportRefusal(kind: .notSaved, messageTH: "ยังไม่มีรายงานนี้: บันทึกร่างก่อนแล้วจึง\(transition.thaiName)",
                                messageEN: "no saved report to \(transition.rawValue)")
        }
        guard stored.version == expectedVersion else { throw ReportRefusal.stale(stored.version) }
        let event = try ReportWorkflow.apply(transition, to: stored.report.state, actor: person, unit: ref.unitCode,
                                             at: now, reason: reason)
        if transition == .submission { try checkComplete(stored.report, context: context) }
        do {
            return try await store.recordTransition(unitCode: ref.unitCode, fiscalYear: ref.fiscalYear, round: ref.round,
                                                    kpiCode: ref.kpiCode, event: event, expectedVersion: expectedVersion)
        } catch StoreConflict.staleVersion(let current) {
            throw ReportRefusal.stale(current)
        }
    }

    /// A year-end report below target cannot be submitted without its explanation (a draft
    /// saved before the rule, or imported, could lack it).
    private func checkComplete(_ report: ProgressReport, context: ReportContext) throws {
        guard report.round == .yearEnd, report.explanation == nil, let kpi = context.kpi, let agreement = context.agreement else { return }
        let preview = ReportPreview.compute(kpi: kpi, agreement: agreement, unitGroup: context.unitGroup,
                                            value: report.value, claimedLevel: report.claimedLevel)
        if preview.isBelowTarget {
            throw AppError(.invalidInput,
                           th: "ส่งรายงานไม่ได้: ผลต่ำกว่าเป้าหมาย ต้องกรอกคำชี้แจงกรณีการดำเนินการไม่เป็นไปตามเป้าหมายก่อนส่ง",
                           en: "year-end report below target needs an explanation before submission")
        }
    }
}

/// What every entry point resolves first: the unit, the agreement KPI, the stored report —
/// after the access check, so nothing is read for a person who may not see it.
struct ReportContext {
    var ref: ReportRef
    var unit: PhaenCore.Unit
    var agreement: Agreement?
    var kpi: AgreementKPI?
    var unitGroup: String?
    var stored: StoredReport?

    /// The stored report or a fresh draft for the round.
    var report: ProgressReport {
        stored?.report ?? ProgressReport(unitCode: ref.unitCode, fiscalYear: ref.fiscalYear, round: ref.round,
                                         kpiCode: ref.kpiCode, kpiName: kpi?.name,
                                         asOf: ref.round.asOf(in: ref.fiscalYear), state: .draft)
    }

    static func resolve(person: Person, ref: ReportRef, store: PhaenStore) async throws -> ReportContext {
        // One unit and one agreement, not the cached lists: a save or transition raised the
        // data version just before (often this person's previous one), and reloading every
        // unit and agreement after each write was most of what a save cost.
        guard AccessPolicy.canRead(person, unit: ref.unitCode),
              let unit = try await store.unitAlone(code: ref.unitCode) else { throw ref.notFound }
        let agreement = try await store.agreementAlone(unitCode: ref.unitCode, fiscalYear: ref.fiscalYear)
        let kpi = agreement?.kpi(code: ref.kpiCode)
        let stored = try await store.storedReport(unitCode: ref.unitCode, fiscalYear: ref.fiscalYear,
                                                  round: ref.round, kpiCode: ref.kpiCode)
        // A draft (including a report not yet started) is only for those who may read drafts.
        guard (stored?.report.state ?? .draft) != .draft || AccessPolicy.canReadDraft(person, unit: ref.unitCode) else {
            throw ref.notFound
        }
        guard kpi != nil || stored != nil else {
            throw AppError(.notFound,
                           th: "ไม่พบตัวชี้วัด \(ref.kpiCode) ในคำรับรองการปฏิบัติราชการปีงบประมาณ \(ref.fiscalYear.be) ของหน่วยงาน \(ref.unitCode)",
                           en: "KPI \(ref.kpiCode) is not in the \(ref.fiscalYear.be) agreement of \(ref.unitCode)")
        }
        let group = try await store.unitGroup(unitCode: ref.unitCode, fiscalYear: ref.fiscalYear)
        return ReportContext(ref: ref, unit: unit, agreement: agreement, kpi: kpi, unitGroup: group, stored: stored)
    }
}
