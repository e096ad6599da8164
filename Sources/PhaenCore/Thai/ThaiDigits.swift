import Foundation

/// Thai digits (๐–๙, U+0E50…U+0E59) and Arabic digits (0–9).
/// Official documents print Thai digits; the machine forms use Arabic ones. Converting
/// scalar by scalar leaves every other character (and Thai combining marks) untouched.
public enum ThaiDigits {
    static let thaiZero: UInt32 = 0x0E50
    static let arabicZero: UInt32 = 0x30

    /// ๐–๙ → 0–9.
    public static func toArabic(_ s: String) -> String {
        map(s) { (thaiZero...(thaiZero + 9)).contains($0) ? $0 - thaiZero + arabicZero : nil }
    }

    /// 0–9 → ๐–๙.
    public static func toThai(_ s: String) -> String {
        map(s) { (arabicZero...(arabicZero + 9)).contains($0) ? $0 - arabicZero + thaiZero : nil }
    }

    public static func containsThaiDigits(_ s: String) -> Bool {
        s.unicodeScalars.contains { (thaiZero...(thaiZero + 9)).contains($0.value) }
    }

    /// Rewrites the scalars for which `transform` gives a replacement value.
    private static func map(_ s: String, _ transform: (UInt32) -> UInt32?) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if let value = transform(scalar.value), let replaced = Unicode.Scalar(value) {
                scalars.append(replaced)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
