import PhaenCore

/// `reports`: the report in full as `body`; state, value and claimed level as columns for
/// queries (which reports are still drafts, which results are below target).
struct ReportRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var round: String
    var kpiCode: String
    var state: String
    var value: String?
    var claimedLevel: String?
    var version: Int
    var body: String
    /// Epoch seconds of the last save in Phaen (migration 2); nil for a report only imported.
    var updatedAt: Int64?
    /// The body an import last wrote (migration 2), see `ReportStore.save`.
    var importedBody: String?

    init(_ report: ProgressReport, version: Int, updatedAt: Int64? = nil, importedBody: String? = nil) throws {
        unitCode = report.unitCode; fiscalYear = report.fiscalYear.be; round = report.round.code
        kpiCode = report.kpiCode; state = report.state.rawValue; value = DecimalText.text(report.value)
        claimedLevel = DecimalText.text(report.claimedLevel); self.version = version; body = try JSONBody.encode(report)
        self.updatedAt = updatedAt; self.importedBody = importedBody
    }

    func report() throws -> ProgressReport { try JSONBody.decode(ProgressReport.self, from: body) }
}

/// `budget_allocations`: amounts in satang, for sums in SQL.
struct AllocationRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var type: String
    var allocated: Int64
    var afterTransfers: Int64?
    var body: String

    init(_ allocation: BudgetAllocation) throws {
        unitCode = allocation.unitCode; fiscalYear = allocation.fiscalYear.be; type = allocation.type.rawValue
        allocated = allocation.allocated.satang; afterTransfers = allocation.afterTransfers?.satang
        body = try JSONBody.encode(allocation)
    }

    func allocation() throws -> BudgetAllocation { try JSONBody.decode(BudgetAllocation.self, from: body) }
}

/// `disbursements`: one row of a unit-year's ledger, in document order.
struct DisbursementRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var position: Int
    var type: String
    var date: String
    var amount: Int64
    var cumulative: Bool
    var body: String

    init(position: Int, disbursement: Disbursement) throws {
        unitCode = disbursement.unitCode; fiscalYear = disbursement.fiscalYear.be; self.position = position
        type = disbursement.type.rawValue; date = disbursement.date.description
        amount = disbursement.amount.satang; cumulative = disbursement.cumulative
        body = try JSONBody.encode(disbursement)
    }

    func disbursement() throws -> Disbursement { try JSONBody.decode(Disbursement.self, from: body) }
}

struct DisbursementTableRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var asOf: String
    var body: String

    init(_ table: StatedDisbursementTable) throws {
        unitCode = table.unitCode; fiscalYear = table.fiscalYear.be; asOf = table.asOf.description
        body = try JSONBody.encode(table)
    }

    func table() throws -> StatedDisbursementTable { try JSONBody.decode(StatedDisbursementTable.self, from: body) }
}

/// `directives`: the directive in full as `body`; the units it is addressed to are also rows
/// of `directive_units`, so "directives for this unit" is an indexed query.
struct DirectiveRow: Codable {
    var id: String
    var fiscalYear: Int
    var source: String
    var inspectionRound: Int?
    var date: String?
    var grp: Int?
    var body: String

    init(_ directive: Directive) throws {
        id = directive.id; fiscalYear = directive.fiscalYear.be; source = directive.source.rawValue
        inspectionRound = directive.inspectionRound; date = directive.date?.description; grp = directive.group
        body = try JSONBody.encode(directive)
    }

    func directive() throws -> Directive { try JSONBody.decode(Directive.self, from: body) }
}

struct DirectiveUnitRow: Codable {
    var directiveId: String
    var position: Int
    var unitCode: String
}

/// `directive_status_reports` (migration 6): one row per report; `id` orders the history.
struct DirectiveReportRow: Codable {
    var directiveId: String
    var unitCode: String
    var date: String
    var status: String
    var reportedBy: String?
    var reportedAt: Int64?
    var body: String

    init(_ report: DirectiveReport) throws {
        directiveId = report.directiveID; unitCode = report.unitCode; date = report.date.description
        status = report.status.rawValue; reportedBy = report.reportedBy; reportedAt = report.reportedAt.map(StoreTime.seconds)
        body = try JSONBody.encode(report)
    }

    func report() throws -> DirectiveReport { try JSONBody.decode(DirectiveReport.self, from: body) }
}

struct InnovationRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var title: String
    var kpiCode: String?
    var status: String
    var body: String

    init(_ innovation: Innovation) throws {
        unitCode = innovation.unitCode; fiscalYear = innovation.fiscalYear.be; title = innovation.title
        kpiCode = innovation.kpiCode; status = innovation.status.rawValue; body = try JSONBody.encode(innovation)
    }

    func innovation() throws -> Innovation { try JSONBody.decode(Innovation.self, from: body) }
}
