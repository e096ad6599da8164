import Foundation
import PhaenCore
import SQLKit

/// An evidence file to record; the App has written its bytes (named by `sha256`) already.
public struct NewEvidence: Sendable, Equatable {
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var round: ReportingRound
    public var kpiCode: String
    public var originalName: String
    public var contentType: String
    public var size: Int
    public var sha256: String
    public var uploadedBy: String

    public init(unitCode: String, fiscalYear: FiscalYear, round: ReportingRound, kpiCode: String, originalName: String,
                contentType: String, size: Int, sha256: String, uploadedBy: String) {
        self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.round = round; self.kpiCode = kpiCode
        self.originalName = originalName; self.contentType = contentType; self.size = size; self.sha256 = sha256
        self.uploadedBy = uploadedBy
    }
}

/// A recorded evidence file of one report (unit, year, round, KPI).
public struct EvidenceFile: Sendable, Equatable, Codable {
    public var id: Int64
    public var unitCode: String
    public var fiscalYear: FiscalYear
    public var round: ReportingRound
    public var kpiCode: String
    public var originalName: String
    public var contentType: String
    public var size: Int
    public var sha256: String
    public var uploadedBy: String
    /// Whole seconds.
    public var uploadedAt: Date

    public init(id: Int64, unitCode: String, fiscalYear: FiscalYear, round: ReportingRound, kpiCode: String,
                originalName: String, contentType: String, size: Int, sha256: String, uploadedBy: String, uploadedAt: Date) {
        self.id = id; self.unitCode = unitCode; self.fiscalYear = fiscalYear; self.round = round; self.kpiCode = kpiCode
        self.originalName = originalName; self.contentType = contentType; self.size = size; self.sha256 = sha256
        self.uploadedBy = uploadedBy; self.uploadedAt = uploadedAt
    }
}

extension PhaenStore {
    /// Records the file (the unit must exist: `StoreConflict.notFound`) and an audit entry
    /// ("evidence", "UNIT/YEAR/ROUND/KPI", "upload", after: the record's JSON) in one transaction.
    public func addEvidence(_ file: NewEvidence, now: Date) async throws -> EvidenceFile {
        let key = ReportKey(unitCode: file.unitCode, fiscalYear: file.fiscalYear, round: file.round, kpiCode: file.kpiCode)
        var row = EvidenceRow(id: 0, unitCode: file.unitCode, fiscalYear: file.fiscalYear.be, round: file.round.code,
                              kpiCode: file.kpiCode, originalName: file.originalName, contentType: file.contentType,
                              size: Int64(file.size), sha256: file.sha256, uploadedBy: file.uploadedBy,
                              uploadedAt: StoreTime.seconds(now))
        return try await pool.write { db in
            try await db.requireUnit(file.unitCode)
            guard let id = try await db.insert(into: "evidence_files").model(NewEvidenceRow(row), with: RowCoding.encoder)
                .returning("id").first(decodingColumn: "id", as: Int64.self)
            else { throw StoreError("บันทึกหลักฐานไม่ได้ (evidence insert returned no id)") }
            row.id = id
            let recorded = try row.file()
            try await AuditLog.append(AuditEntry(at: now, actor: file.uploadedBy, objectKind: "evidence", objectKey: key.description,
                                                 action: "upload", after: try JSONBody.encode(recorded)), in: db)
            return recorded
        }
    }

    public func evidence(id: Int64) async throws -> EvidenceFile? {
        try await pool.withSession { session in
            try await session.sql.select().column("*").from("evidence_files").where("id", .equal, id)
                .rows(EvidenceRow.self).first?.file()
        }
    }

    /// A report's files in the order they were uploaded.
    public func evidenceFiles(unitCode: String, fiscalYear: FiscalYear, round: ReportingRound, kpiCode: String) async throws -> [EvidenceFile] {
        let key = ReportKey(unitCode: unitCode, fiscalYear: fiscalYear, round: round, kpiCode: kpiCode)
        return try await pool.withSession { session in
            try await session.sql.select().column("*").from("evidence_files").whereKey(key)
                .orderBy("uploaded_at").orderBy("id")
                .rows(EvidenceRow.self).map { try $0.file() }
        }
    }
}

private struct EvidenceRow: Codable {
    var id: Int64
    var unitCode: String
    var fiscalYear: Int
    var round: String
    var kpiCode: String
    var originalName: String
    var contentType: String
    var size: Int64
    var sha256: String
    var uploadedBy: String
    var uploadedAt: Int64

    func file() throws -> EvidenceFile {
        guard let round = ReportingRound(code: round) else {
            throw StoreError("หลักฐานหมายเลข \(id) มีรอบรายงาน \"\(self.round)\" ที่ไม่รู้จัก (unknown round)")
        }
        return EvidenceFile(id: id, unitCode: unitCode, fiscalYear: FiscalYear(fiscalYear), round: round, kpiCode: kpiCode,
                            originalName: originalName, contentType: contentType, size: Int(size), sha256: sha256,
                            uploadedBy: uploadedBy, uploadedAt: StoreTime.date(uploadedAt))
    }
}

/// `evidence_files` as inserted (the database assigns `id`).
private struct NewEvidenceRow: Codable {
    var unitCode: String
    var fiscalYear: Int
    var round: String
    var kpiCode: String
    var originalName: String
    var contentType: String
    var size: Int64
    var sha256: String
    var uploadedBy: String
    var uploadedAt: Int64

    init(_ row: EvidenceRow) {
        unitCode = row.unitCode; fiscalYear = row.fiscalYear; round = row.round; kpiCode = row.kpiCode
        originalName = row.originalName; contentType = row.contentType; size = row.size; sha256 = row.sha256
        uploadedBy = row.uploadedBy; uploadedAt = row.uploadedAt
    }
}
