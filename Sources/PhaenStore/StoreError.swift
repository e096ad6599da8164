/// The two database engines Phaen runs on: SQLite for one machine, PostgreSQL for a server.
public enum StoreEngine: String, Sendable, CaseIterable {
    case sqlite, postgres
}

/// An error of the store that a person can act on (a bad database address, a dataset that
/// cannot be stored). Driver errors pass through unchanged so the logs keep their detail.
public struct StoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Thai first, because the message reaches the person who typed the address or chose the file.
    public var description: String

    public init(_ description: String) { self.description = description }
}
