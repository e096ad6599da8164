import Foundation

/// Thai dates as printed on documents: "๒๓ พฤศจิกายน ๒๕๖๖", "๒๓ พฤศจิกายน พ.ศ. ๒๕๖๖",
/// "๒๓ พ.ย. ๖๖" (Buddhist-era years). Written by hand from `CivilDate` so that Core
/// needs no `Date`, time zone or ICU data; `foundationLong` exists only to cross-check.
public enum ThaiDateFormat {
    /// "๒๓ พฤศจิกายน ๒๕๖๖"
    public static func long(_ d: CivilDate, digits: NumeralStyle = .thai) -> String {
        guard let month = monthName(d, ThaiCalendarNames.monthsLong) else { return d.description }
        return ThaiNumberFormat.styled("\(d.day) \(month) \(d.beYear)", digits)
    }

    /// "๒๓ พฤศจิกายน พ.ศ. ๒๕๖๖"
    public static func longWithEra(_ d: CivilDate, digits: NumeralStyle = .thai) -> String {
        guard let month = monthName(d, ThaiCalendarNames.monthsLong) else { return d.description }
        return ThaiNumberFormat.styled("\(d.day) \(month) พ.ศ. \(d.beYear)", digits)
    }

    /// "๒๓ พ.ย. ๖๖" — two-digit BE year, zero-padded ("๐๕" for 2505).
    public static func short(_ d: CivilDate, digits: NumeralStyle = .thai) -> String {
        guard let month = monthName(d, ThaiCalendarNames.monthsShort) else { return d.description }
        let yy = ((d.beYear % 100) + 100) % 100
        return ThaiNumberFormat.styled("\(d.day) \(month) \(yy < 10 ? "0" : "")\(yy)", digits)
    }

    /// Reads the long form (with or without "พ.ศ."), the short form with a two- or
    /// four-digit BE year (two digits mean 25xx), Thai or Arabic digits, extra spaces and
    /// a leading "วันที่". Nil when the text is anything else or the day does not exist.
    public static func parse(_ text: String) -> CivilDate? {
        var s = Substring(ThaiDigits.toArabic(text).trimmingCharacters(in: .whitespacesAndNewlines))
        if s.hasPrefix("วันที่") { s = s.dropFirst("วันที่".count).drop(while: \.isWhitespace) }

        let dayDigits = s.prefix(while: isASCIIDigit)
        guard (1...2).contains(dayDigits.count), let day = Int(dayDigits) else { return nil }
        s = s.dropFirst(dayDigits.count)

        // Everything up to the year's digits is the month name and an optional era.
        guard let yearStart = s.firstIndex(where: isASCIIDigit) else { return nil }
        let yearText = s[yearStart...].trimmingCharacters(in: .whitespaces)
        guard yearText.count == 2 || yearText.count == 4, yearText.allSatisfy(isASCIIDigit),
              let yearDigits = Int(yearText) else { return nil }
        let beYear = yearText.count == 2 ? 2500 + yearDigits : yearDigits

        var middle = s[..<yearStart].filter { !$0.isWhitespace }
        for era in ["พ.ศ.", "พ.ศ", "พศ."] where middle.hasSuffix(era) {
            middle.removeLast(era.count)
            break
        }
        guard let month = month(named: middle) else { return nil }
        return CivilDate(beYear: beYear, month: month, day: day)
    }

    /// Long names exactly; short names with or without their dots ("มี.ค.", "มี.ค", "มีค").
    private static func month(named name: String) -> Int? {
        if let i = ThaiCalendarNames.monthsLong.firstIndex(of: name) { return i + 1 }
        let bare = name.filter { $0 != "." }
        guard !bare.isEmpty else { return nil }
        if let i = ThaiCalendarNames.monthsShort.firstIndex(where: { $0.filter { $0 != "." } == bare }) { return i + 1 }
        return nil
    }

    private static func monthName(_ d: CivilDate, _ names: [String]) -> String? {
        (1...12).contains(d.month) ? names[d.month - 1] : nil
    }

    private static func isASCIIDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// The same long form produced by Foundation's DateFormatter (ICU, Buddhist calendar),
    /// for tests to cross-check `long`. Uses the "@calendar=…" locale form: BCP-47 ids such
    /// as "th-TH-u-nu-thai" crash DateFormatter on Linux.
    public static func foundationLong(_ d: CivilDate, thaiDigits: Bool) -> String {
        let utc = TimeZone(identifier: "UTC")!
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = utc
        guard let date = gregorian.date(from: DateComponents(year: d.year, month: d.month, day: d.day)) else {
            return d.description
        }
        var buddhist = Calendar(identifier: .buddhist)
        buddhist.timeZone = utc
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: thaiDigits ? "th_TH@calendar=buddhist;numbers=thai" : "th_TH@calendar=buddhist")
        formatter.calendar = buddhist
        formatter.timeZone = utc
        formatter.dateFormat = "d MMMM y"
        return formatter.string(from: date)
    }
}
