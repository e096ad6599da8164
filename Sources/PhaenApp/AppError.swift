/// Errors of the use cases, with a Thai message for people and an English one for logs.
public struct AppError: Error, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable { case notFound, invalidInput }
    public var kind: Kind
    public var messageTH: String
    public var messageEN: String

    public init(_ kind: Kind, th: String, en: String) { self.kind = kind; self.messageTH = th; self.messageEN = en }
    public var description: String { "\(messageTH) (\(messageEN))" }

    static func unitNotFound(_ code: String) -> AppError {
        AppError(.notFound, th: "ไม่พบหน่วยงานรหัส \(code) (ดูรายชื่อด้วยคำสั่ง phaen units)", en: "no unit with code \(code)")
    }
}
