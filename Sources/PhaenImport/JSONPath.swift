import Foundation

/// Errors of imported files name the JSON path of the bad value (`$.components[0].kpis[1].weight`)
/// so a person can find it in their file.
public struct ImportError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }

    /// Translates a `DecodingError` into the path and a plain message.
    public init(_ error: Error) {
        guard let decoding = error as? DecodingError else {
            self.init(path: "$", message: "\(error)")
            return
        }
        switch decoding {
        case .typeMismatch(let type, let context):
            self.init(path: Self.path(context.codingPath), message: "expected \(Self.describe(type)) (\(context.debugDescription))")
        case .valueNotFound(let type, let context):
            self.init(path: Self.path(context.codingPath), message: "missing \(Self.describe(type))")
        case .keyNotFound(let key, let context):
            self.init(path: Self.path(context.codingPath + [key]), message: "required field is missing")
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?).map { " (\($0.localizedDescription))" } ?? ""
            self.init(path: Self.path(context.codingPath), message: context.debugDescription + underlying)
        @unknown default:
            self.init(path: "$", message: "\(decoding)")
        }
    }

    public static func path(_ keys: [CodingKey]) -> String {
        keys.reduce("$") { path, key in
            if let index = key.intValue { return path + "[\(index)]" }
            return path + "." + key.stringValue
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Decimal.Type, is Double.Type, is Int.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default: return "\(type)"
        }
    }
}
