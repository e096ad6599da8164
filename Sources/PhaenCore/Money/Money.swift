import Foundation

/// An exact amount of Thai baht, held as integer satang (1 baht = 100 satang).
/// Money never passes through floating point: it is parsed from text, added as integers
/// and printed from integers.
public struct Money: Hashable, Comparable, Sendable {
    public var satang: Int64

    public init(satang: Int64) { self.satang = satang }
    public init(baht: Int64) { self.satang = baht * 100 }

    public static let zero = Money(satang: 0)

    /// Exact conversion from a decimal number of baht; nil when it has more than 2 decimals
    /// or does not fit.
    public init?(exactBaht decimal: Decimal) {
        var scaled = decimal * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard rounded == scaled else { return nil }
        let number = NSDecimalNumber(decimal: rounded)
        guard number.compare(NSDecimalNumber(value: Int64.max)) != .orderedDescending,
              number.compare(NSDecimalNumber(value: Int64.min)) != .orderedAscending else { return nil }
        self.satang = number.int64Value
    }

    public var baht: Int64 { satang / 100 }
    public var satangPart: Int64 { abs(satang % 100) }
    public var decimal: Decimal { Decimal(satang) / 100 }
    public var isNegative: Bool { satang < 0 }

    public static func + (a: Money, b: Money) -> Money { Money(satang: a.satang + b.satang) }
    public static func - (a: Money, b: Money) -> Money { Money(satang: a.satang - b.satang) }
    public static func += (a: inout Money, b: Money) { a.satang += b.satang }
    public static func < (a: Money, b: Money) -> Bool { a.satang < b.satang }

    /// Plain machine form: `35254295.00`, `-12.50`.
    public var plainString: String {
        let sign = satang < 0 ? "-" : ""
        let cents = satangPart
        return "\(sign)\(abs(baht)).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Parses the plain machine form written by `plainString` (also accepts no decimals).
    public init?(plain text: String) {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
              text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              let money = Money(exactBaht: value) else { return nil }
        self = money
    }
}

extension Sequence where Element == Money {
    public func sum() -> Money { reduce(.zero, +) }
}

/// Money travels in JSON as a string of baht with up to two decimals ("4094769.47"),
/// so no JSON reader turns it into a binary float.
extension Money: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let money = Money(plain: text) else {
            throw DecodingError.dataCorruptedError(in: container,
                debugDescription: "not an amount of baht with at most two decimals: \(text)")
        }
        self = money
    }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(plainString)
    }
}
