import Foundation
import Testing

/// `phaen serve --evidence-max-mb N` / `PHAEN_EVIDENCE_MAX_MB` and `--trust-proxy` as a person
/// types them: bad values are refused with a message naming the setting, before anything starts.
@Suite(.serialized) struct EvidenceLimitCommandTests {
    let cli = CommandLineTests()

    @Test func serveRefusesABadEvidenceLimitAndDocumentsTheFlags() throws {
        let dir = try cli.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let zero = try cli.phaen(["serve", "--evidence-max-mb", "0"], in: dir)
        #expect(zero.status != 0 && zero.err.contains("--evidence-max-mb ต้องเป็นจำนวนเต็ม"), "\(zero.err)")
        let text = try cli.phaen(["serve"], in: dir, env: ["PHAEN_EVIDENCE_MAX_MB": "ten"])
        #expect(text.status != 0 && text.err.contains("PHAEN_EVIDENCE_MAX_MB ต้องเป็นจำนวนเต็ม"), "\(text.err)")
        // Nothing was started or created.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("phaen.sqlite").path))

        let help = try cli.phaen(["serve", "--help"], in: dir)
        #expect(help.out.contains("--evidence-max-mb") && help.out.contains("--trust-proxy"))
    }
}
