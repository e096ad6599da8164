import Foundation

/// Which digits a printed number uses: Arabic for screens and data files, Thai for
/// official documents.
public enum NumeralStyle: String, Codable, Sendable {
    case arabic, thai
}

/// Prints numbers the way Thai government documents do ("35,254,295", "32.30%").
/// Works on integer and Decimal digits only — never Double — so what is printed is
/// exactly what was stored; no NumberFormatter, so no locale or platform differences.
public enum ThaiNumberFormat {
    /// "35,254,295" (satang only when non-zero, or always with `alwaysShowSatang`),
    /// "4,361,269.47", "-1,000".
    public static func amount(_ m: Money, digits: NumeralStyle = .arabic, alwaysShowSatang: Bool = false) -> String {
        // magnitude avoids overflow on Int64.min.
        let magnitude = m.satang.magnitude
        var text = (m.satang < 0 ? "-" : "") + grouped(String(magnitude / 100))
        let satang = magnitude % 100
        if satang != 0 || alwaysShowSatang {
            text += "." + (satang < 10 ? "0" : "") + String(satang)
        }
        return styled(text, digits)
    }

    /// Rounds half away from zero (schoolbook: 32.2979 → "32.30" with two fixed decimals),
    /// then shows between `minFractionDigits` and `maxFractionDigits` decimals, dropping
    /// trailing zeros beyond the minimum (6.5 → "6.5", 16 → "16").
    public static func decimal(_ d: Decimal, maxFractionDigits: Int = 2, minFractionDigits: Int = 0,
                               digits: NumeralStyle = .arabic, grouping: Bool = true) -> String {
        if d.isNaN { return "NaN" }
        let minimum = max(0, minFractionDigits)
        let maximum = max(minimum, maxFractionDigits)
        var value = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, maximum, .plain)
        // Decimal's description is the plain POSIX form ("-1234.5"), never an exponent.
        var text = rounded.description
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count > minimum, fraction.hasSuffix("0") { fraction.removeLast() }
        if fraction.count < minimum { fraction += String(repeating: "0", count: minimum - fraction.count) }
        // A value that rounds to zero prints without a sign ("-0.001" → "0").
        if rounded.isZero { negative = false }
        var result = (negative ? "-" : "") + (grouping ? grouped(integerDigits) : integerDigits)
        if !fraction.isEmpty { result += "." + fraction }
        return styled(result, digits)
    }

    /// "32.30%" — fixed decimals, no space before the sign.
    public static func percent(_ d: Decimal, fractionDigits: Int = 2, digits: NumeralStyle = .arabic) -> String {
        decimal(d, maxFractionDigits: fractionDigits, minFractionDigits: fractionDigits, digits: digits) + "%"
    }

    /// Inserts thousands commas into a run of ASCII digits.
    static func grouped(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    static func styled(_ text: String, _ style: NumeralStyle) -> String {
        style == .thai ? ThaiDigits.toThai(text) : text
    }
}
