import Foundation

/// An amount of baht in Thai words, as written beside figures on official documents
/// ("สิบสี่ล้านเจ็ดแสนบาทถ้วน"), so the two can be checked against each other.
public enum BahtText {
    private static let digitWords = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
    /// Place names within a group of six digits, from units up to hundred-thousands.
    private static let placeWords = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"]

    public static func words(_ m: Money) -> String {
        let magnitude = m.satang.magnitude   // magnitude: no overflow on Int64.min
        let baht = magnitude / 100
        let satang = magnitude % 100
        var text = m.satang < 0 ? "ลบ" : ""
        if baht == 0 && satang == 0 { return "ศูนย์บาทถ้วน" }
        if baht > 0 { text += number(baht) + "บาท" }
        text += satang == 0 ? "ถ้วน" : number(satang) + "สตางค์"
        return text
    }

    /// Reads a positive integer. Thai counts in groups of six digits joined by "ล้าน";
    /// above a million the leading part is read recursively, so 10^12 is "หนึ่งล้านล้าน".
    static func number(_ n: UInt64) -> String {
        guard n >= 1_000_000 else { return group(n, followsHigherDigits: false) }
        let low = n % 1_000_000
        return number(n / 1_000_000) + "ล้าน" + (low > 0 ? group(low, followsHigherDigits: true) : "")
    }

    /// Reads 1…999,999. A units 1 is "เอ็ด" whenever any higher digit is read before it
    /// (11, 21, 101, and 1,000,001 → "หนึ่งล้านเอ็ด"); alone it is "หนึ่ง".
    private static func group(_ n: UInt64, followsHigherDigits: Bool) -> String {
        var text = ""
        var place = 5
        var divisor: UInt64 = 100_000
        while place >= 0 {
            let digit = Int((n / divisor) % 10)
            if digit != 0 {
                switch place {
                case 1:
                    // Tens: "สิบ", "ยี่สิบ", then the ordinary digit word.
                    text += digit == 1 ? "สิบ" : digit == 2 ? "ยี่สิบ" : digitWords[digit] + "สิบ"
                case 0:
                    let hasHigher = followsHigherDigits || n >= 10
                    text += digit == 1 && hasHigher ? "เอ็ด" : digitWords[digit]
                default:
                    text += digitWords[digit] + placeWords[place]
                }
            }
            place -= 1
            divisor /= 10
        }
        return text
    }
}
