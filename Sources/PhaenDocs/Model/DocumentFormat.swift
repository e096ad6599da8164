import Foundation

/// The file formats Phaen produces for official documents. The raw value is what users type
/// (`--format docx`) and what download links carry.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case docx, pdf, xlsx

    public var fileExtension: String { rawValue }

    public var mimeType: String {
        switch self {
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .pdf: "application/pdf"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}
