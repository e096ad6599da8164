import Foundation

/// Reads numbers as they are written in Thai government documents: Thai or Arabic digits,
/// thousands commas, "ร้อยละ" / "%", "บาท" / "บาทถ้วน" and the whole-baht mark ".-".
/// Anything it does not fully understand is rejected (nil) rather than guessed, so a
/// mistyped figure surfaces as a validation error instead of a wrong amount.
public enum ThaiNumberParser {
    private static let posix = Locale(identifier: "en_US_POSIX")

    public static func decimal(_ text: String) -> Decimal? {
        var s = trimmed(ThaiDigits.toArabic(text))
        var isPercent = false
        if s.hasPrefix("ร้อยละ") {
            s = trimmed(String(s.dropFirst("ร้อยละ".count)))
            isPercent = true
        }
        // At most one trailing unit word.
        for unit in ["บาทถ้วน", "บาท", "%"] where s.hasSuffix(unit) {
            // "ร้อยละ … บาท" or "ร้อยละ … %" says the unit twice; refuse it.
            if isPercent { return nil }
            s = trimmed(String(s.dropLast(unit.count)))
            break
        }
        // ".-" closes a whole-baht amount ("12,203,500.-"); it cannot follow decimals.
        var wholeOnly = false
        if s.hasSuffix(".-") {
            s = trimmed(String(s.dropLast(2)))
            wholeOnly = true
        }
        guard let plain = plainDigits(s), !(wholeOnly && plain.contains(".")) else { return nil }
        return Decimal(string: plain, locale: posix)
    }

    /// Exact money: nil when the number has more than two decimals.
    public static func money(_ text: String) -> Money? {
        guard let value = decimal(text) else { return nil }
        return Money(exactBaht: value)
    }

    /// A plain non-negative integer in Thai or Arabic digits ("๓๘" → 38); no signs,
    /// commas or units.
    public static func integer(_ text: String) -> Int? {
        let s = trimmed(ThaiDigits.toArabic(text))
        guard !s.isEmpty, s.unicodeScalars.allSatisfy(isASCIIDigit) else { return nil }
        return Int(s)
    }

    /// Checks `-?digits(.digits)?` where the integer digits are either ungrouped or grouped
    /// by commas in threes ("1,234,567"), and returns it without commas. Nil otherwise.
    private static func plainDigits(_ s: String) -> String? {
        var body = Substring(s)
        var sign = ""
        if let first = body.first, first == "-" || first == "\u{2212}" {  // hyphen or minus sign
            sign = "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let integerPart = parts[0]
        var result = sign
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, !head.isEmpty,
              head.unicodeScalars.allSatisfy(isASCIIDigit) else { return nil }
        if groups.count > 1 {
            // Grouped: a 1–3 digit head without a leading zero, then groups of exactly three.
            guard head.count <= 3, head.first != "0" else { return nil }
            for group in groups.dropFirst() {
                guard group.count == 3, group.unicodeScalars.allSatisfy(isASCIIDigit) else { return nil }
            }
        }
        result += groups.joined()
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.unicodeScalars.allSatisfy(isASCIIDigit) else { return nil }
            result += "." + fraction
        }
        return result
    }

    private static func isASCIIDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 0x30 && u.value <= 0x39 }

    private static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
}
