import Crypto
import Foundation
import PhaenCore
import PhaenStore

/// Evidence files of a report: bytes on disk under their SHA-256 (content-addressed, so the
/// same file uploaded twice is stored once and no name from the request ever reaches the file
/// system), metadata in the database so every server process sees it.
extension ReportEntry {
    /// Attaches a file to a draft report of the person's own unit.
    public func addEvidence(person: Person, ref: ReportRef, filename: String, data: Data, now: Date) async throws -> EvidenceFile {
        let context = try await ReportContext.resolve(person: person, ref: ref, store: store)
        guard AccessPolicy.canEditReports(person, unit: ref.unitCode) else {
            throw ReportRefusal.notEditable(person, unit: ref.unitCode)
        }
        guard context.report.state == .draft else { throw ReportRefusal.frozen(context.report.state) }
        guard data.count <= evidenceLimit else { throw EvidenceRejection.tooLarge(limit: evidenceLimit) }
        guard !data.isEmpty else { throw EvidenceRejection.empty }
        guard let contentType = EvidenceSniffer.contentType(of: data) else { throw EvidenceRejection.unsupported }

        let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        try FileManager.default.createDirectory(at: evidenceDirectory, withIntermediateDirectories: true)
        let target = evidenceDirectory.appendingPathComponent(hash)
        if !FileManager.default.fileExists(atPath: target.path) {
            // Atomic: a reader never sees half a file, and two processes writing the same
            // hash write the same bytes.
            try data.write(to: target, options: .atomic)
        }
        return try await store.addEvidence(
            NewEvidence(unitCode: ref.unitCode, fiscalYear: ref.fiscalYear, round: ref.round, kpiCode: ref.kpiCode,
                        originalName: Self.displayName(filename, contentType: contentType), contentType: contentType,
                        size: data.count, sha256: hash, uploadedBy: person.username),
            now: now)
    }

    /// The file's record and where its bytes are, for a person who may read its report.
    public func evidenceFile(person: Person, id: Int64) async throws -> (file: EvidenceFile, url: URL) {
        let notFound = AppError(.notFound, th: "ไม่พบไฟล์หลักฐานหมายเลข \(id)", en: "no evidence \(id)")
        guard let file = try await store.evidence(id: id) else { throw notFound }
        let ref = ReportRef(unitCode: file.unitCode, fiscalYear: file.fiscalYear, round: file.round, kpiCode: file.kpiCode)
        do { _ = try await ReportContext.resolve(person: person, ref: ref, store: store) } catch { throw notFound }
        // The stored hash names the file; check its form so a damaged row cannot name a path.
        guard file.sha256.count == 64, file.sha256.allSatisfy(\.isHexDigit) else { throw notFound }
        let url = evidenceDirectory.appendingPathComponent(file.sha256)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw AppError(.notFound, th: "ไฟล์หลักฐานหมายเลข \(id) ไม่อยู่ในที่เก็บไฟล์ (แจ้งผู้ดูแลระบบ)",
                           en: "evidence \(id) bytes missing at \(url.path)")
        }
        return (file, url)
    }

    /// The name shown and offered on download: the last path component of what the browser
    /// sent, without control characters, at most 200 characters; a generic name if nothing is left.
    static func displayName(_ filename: String, contentType: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        let name = String(clean.prefix(200))
        return name.isEmpty || name == "." || name == ".." ? "หลักฐาน.\(EvidenceSniffer.fileExtension(contentType))" : name
    }
}
