import Foundation

/// Prints a `Document` to PDF with headless Chromium: the HTML writer's page, with its print CSS,
/// goes to a private temporary directory and Chromium prints it there. Thai is shaped by
/// Chromium (HarfBuzz) with the fonts from fonts-thai-tlwg. When the document has a table of
/// contents, it prints twice: the first pass tells on which page each heading landed (see
/// `PDFNamedDestinations`), the second prints the contents with those numbers. The page column
/// has a fixed width, so both passes break pages alike.
public struct PDFPrinter: Sendable {
    public let chromium: String?
    public let timeout: Duration

    /// `chromium` is the program to run; nil finds it with `findChromium()` at print time.
    public init(chromium: String? = nil, timeout: Duration = .seconds(60)) {
        self.chromium = chromium
        self.timeout = timeout
    }

    static let programNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"]

    /// `PHAEN_CHROMIUM` when set, else the first Chromium on the PATH.
    public static func findChromium() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let files = FileManager.default
        if let configured = environment["PHAEN_CHROMIUM"], !configured.isEmpty {
            return files.isExecutableFile(atPath: configured) ? configured : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init) + ["/snap/bin"]
        for directory in directories {
            for name in programNames {
                let candidate = "\(directory)/\(name)"
                if files.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    public func print(_ document: Document) async throws -> Data {
        let (program, directory) = try prepare()
        defer { try? FileManager.default.removeItem(at: directory) }

        let writer = HTMLWriter()
        var pdf = try await printPage(writer.render(document, contentsPages: nil), program: program, directory: directory)
        let hasContents = document.blocks.contains { if case .tableOfContents = $0 { true } else { false } }
        let entries = document.contentsEntries.count
        if hasContents && entries > 0 {
            let destinations = PDFNamedDestinations.pages(in: pdf)
            let pages = (0..<entries).compactMap { destinations[HTMLWriter.anchor($0)] }
            if pages.count == entries {
                pdf = try await printPage(writer.render(document, contentsPages: pages), program: program, directory: directory)
            }
        }
        return pdf
    }

    /// One pass over a ready page, for tests of what Chromium writes.
    func printHTMLForTesting(_ html: String) async throws -> Data {
        let (program, directory) = try prepare()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await printPage(html, program: program, directory: directory)
    }

    /// The program to run and a fresh private directory for the page, the PDF and the profile.
    private func prepare() throws -> (program: String, directory: URL) {
        guard let program = chromium ?? Self.findChromium(), FileManager.default.isExecutableFile(atPath: program) else {
            throw PDFPrintError.chromiumMissing
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("phaen-pdf-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (program, directory)
    }

    private func printPage(_ html: String, program: String, directory: URL) async throws -> Data {
        let input = directory.appendingPathComponent("document.html")
        let output = directory.appendingPathComponent("document.pdf")
        let log = directory.appendingPathComponent("chromium.log")
        try Data(html.utf8).write(to: input)
        try? FileManager.default.removeItem(at: output)
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        // A profile of its own per print: concurrent prints never fight over a profile lock,
        // and nothing is written to the service account's home.
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
            "--disable-extensions", "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(output.path)", input.absoluteString,
        ]
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice

        let run = ChromiumRun(process)
        let status = try await run.wait(timeout: timeout)
        if run.timedOut { throw PDFPrintError.timedOut(seconds: Int(timeout.components.seconds)) }
        let pdf = (try? Data(contentsOf: output)) ?? Data()
        guard status == 0, pdf.starts(with: Array("%PDF".utf8)) else {
            let detail = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let lastLines = detail.split(separator: "\n").suffix(3).joined(separator: " / ")
            throw PDFPrintError.chromiumFailed(status: status, detail: String(lastLines.prefix(500)))
        }
        return pdf
    }
}

/// One Chromium process awaited with a deadline. `Process` is not Sendable; this box owns it
/// and the timed-out flag, both touched under a lock.
private final class ChromiumRun: @unchecked Sendable {
    private let process: Process
    private let lock = NSLock()
    private var didTimeOut = false

    init(_ process: Process) { self.process = process }

    var timedOut: Bool { lock.withLock { didTimeOut } }

    func wait(timeout: Duration) async throws -> Int32 {
        let watchdog = Task { [self] in
            try await Task.sleep(for: timeout)
            lock.withLock { didTimeOut = true }
            if process.isRunning { process.terminate() }
        }
        defer { watchdog.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: PDFPrintError.chromiumFailed(status: -1, detail: "\(error)"))
            }
        }
    }
}

public enum PDFPrintError: Error, LocalizedError, Sendable, Equatable {
    case chromiumMissing
    case chromiumFailed(status: Int32, detail: String)
    case timedOut(seconds: Int)

    public var errorDescription: String? {
        switch self {
        case .chromiumMissing:
            "ไม่พบโปรแกรม Chromium สำหรับสร้าง PDF: ติดตั้งแพ็กเกจ chromium และ fonts-thai-tlwg "
                + "(apt-get install chromium fonts-thai-tlwg) หรือกำหนดตำแหน่งโปรแกรมใน PHAEN_CHROMIUM "
                + "ระหว่างนี้ดาวน์โหลดเป็นไฟล์ Word (DOCX) ได้ตามปกติ (Chromium not found)"
        case .chromiumFailed(let status, let detail):
            "Chromium สร้าง PDF ไม่สำเร็จ (รหัส \(status)) \(detail) — ดาวน์โหลดเป็นไฟล์ Word (DOCX) แทนได้ (PDF printing failed)"
        case .timedOut(let seconds):
            "Chromium สร้าง PDF ไม่เสร็จภายใน \(seconds) วินาทีจึงยกเลิก — ดาวน์โหลดเป็นไฟล์ Word (DOCX) แทนได้ (PDF printing timed out)"
        }
    }
}
