import Foundation
import Testing
@testable import PhaenCore

private func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

// MARK: ThaiDigits

@Test func thaiDigitsConvertBothWays() {
    #expect(ThaiDigits.toArabic("๐๑๒๓๔๕๖๗๘๙") == "0123456789")
    #expect(ThaiDigits.toThai("0123456789") == "๐๑๒๓๔๕๖๗๘๙")
    #expect(ThaiDigits.toArabic("ปี ๒๕๖๖ ข้อ 3") == "ปี 2566 ข้อ 3")
    #expect(ThaiDigits.toThai("ร้อยละ 75.5%") == "ร้อยละ ๗๕.๕%")
    #expect(ThaiDigits.toThai(ThaiDigits.toArabic("๒๓ พฤศจิกายน ๒๕๖๖")) == "๒๓ พฤศจิกายน ๒๕๖๖")
}

@Test func containsThaiDigits() {
    #expect(ThaiDigits.containsThaiDigits("ข้อ ๓"))
    #expect(!ThaiDigits.containsThaiDigits("ข้อ 3"))
    #expect(!ThaiDigits.containsThaiDigits(""))
}

// MARK: ThaiNumberParser

@Test(arguments: [
    ("๑๒,๓๔๕.๖๗", "12345.67"),
    ("๓๕,๒๙๔,๒๙๕.๐๐ บาท", "35294295"),
    ("4,361,269.47", "4361269.47"),
    ("ร้อยละ ๗๕", "75"),
    ("33.55%", "33.55"),
    ("๐.๓๒๕", "0.325"),
    ("12,203,500.-", "12203500"),
    ("14,700,000 .-", "14700000"),
    ("14,700,000 บาทถ้วน", "14700000"),
    ("12,203,500.- บาท", "12203500"),
    ("  1234567  ", "1234567"),
    ("-1,000", "-1000"),
    ("-๕๐.๕", "-50.5"),
    ("๑,234", "1234"),
    ("0", "0"),
    ("ร้อยละ๑๐๐", "100"),
    ("123,456,789,012.34", "123456789012.34"),
])
func parsesDecimal(text: String, expected: String) {
    #expect(ThaiNumberParser.decimal(text) == dec(expected))
}

@Test(arguments: [
    "12..5", "1,2,3", "12,34", "", "-", "---", "abc", "ไม่ใช้งบประมาณ", "1.2.3",
    "1,234,56", "1234,567", ",123", "123,", ".5", "5.", "12.50.-", "- 5", "5 0",
    "บาท", "%", "ร้อยละ", "ร้อยละ 5%", "1,234.5,6", "๑๒a", "0,123",
])
func rejectsInvalidDecimal(text: String) {
    #expect(ThaiNumberParser.decimal(text) == nil)
}

@Test func parsesMoneyExactly() {
    #expect(ThaiNumberParser.money("4,361,269.47") == Money(satang: 436_126_947))
    #expect(ThaiNumberParser.money("๓๕,๒๙๔,๒๙๕.๐๐ บาท") == Money(baht: 35_294_295))
    #expect(ThaiNumberParser.money("12,203,500.-") == Money(baht: 12_203_500))
    #expect(ThaiNumberParser.money("0.1") == Money(satang: 10))
    #expect(ThaiNumberParser.money("-1,000") == Money(baht: -1000))
    #expect(ThaiNumberParser.money("๐.๓๒๕") == nil)
    #expect(ThaiNumberParser.money("abc") == nil)
}

@Test func parsesInteger() {
    #expect(ThaiNumberParser.integer("๓๘") == 38)
    #expect(ThaiNumberParser.integer("2566") == 2566)
    #expect(ThaiNumberParser.integer("๒5") == 25)
    #expect(ThaiNumberParser.integer(" ๗ ") == 7)
    #expect(ThaiNumberParser.integer("") == nil)
    #expect(ThaiNumberParser.integer("1,000") == nil)
    #expect(ThaiNumberParser.integer("3.5") == nil)
    #expect(ThaiNumberParser.integer("สาม") == nil)
    #expect(ThaiNumberParser.integer("99999999999999999999999") == nil)
}

// MARK: ThaiNumberFormat

@Test func formatsAmounts() {
    #expect(ThaiNumberFormat.amount(Money(baht: 35_254_295)) == "35,254,295")
    #expect(ThaiNumberFormat.amount(Money(baht: 35_254_295), alwaysShowSatang: true) == "35,254,295.00")
    #expect(ThaiNumberFormat.amount(Money(satang: 436_126_947)) == "4,361,269.47")
    #expect(ThaiNumberFormat.amount(Money(baht: -1000)) == "-1,000")
    #expect(ThaiNumberFormat.amount(Money(satang: 5)) == "0.05")
    #expect(ThaiNumberFormat.amount(Money(satang: -50)) == "-0.50")
    #expect(ThaiNumberFormat.amount(.zero) == "0")
    #expect(ThaiNumberFormat.amount(Money(baht: 100)) == "100")
    #expect(ThaiNumberFormat.amount(Money(baht: 999_999)) == "999,999")
    #expect(ThaiNumberFormat.amount(Money(satang: 436_126_947), digits: .thai) == "๔,๓๖๑,๒๖๙.๔๗")
    #expect(ThaiNumberFormat.amount(Money(satang: Int64.min)) == "-92,233,720,368,547,758.08")
}

@Test func formatsDecimals() {
    #expect(ThaiNumberFormat.decimal(dec("32.2979"), maxFractionDigits: 2, minFractionDigits: 2) == "32.30")
    #expect(ThaiNumberFormat.decimal(dec("6.5")) == "6.5")
    #expect(ThaiNumberFormat.decimal(dec("13.5")) == "13.5")
    #expect(ThaiNumberFormat.decimal(dec("16")) == "16")
    #expect(ThaiNumberFormat.decimal(dec("2.345")) == "2.35")
    #expect(ThaiNumberFormat.decimal(dec("2.344")) == "2.34")
    #expect(ThaiNumberFormat.decimal(dec("-2.345")) == "-2.35")
    #expect(ThaiNumberFormat.decimal(dec("2.5"), maxFractionDigits: 0) == "3")
    #expect(ThaiNumberFormat.decimal(dec("-0.001")) == "0")
    #expect(ThaiNumberFormat.decimal(dec("1234567.891")) == "1,234,567.89")
    #expect(ThaiNumberFormat.decimal(dec("1234567.891"), grouping: false) == "1234567.89")
    #expect(ThaiNumberFormat.decimal(dec("1234.5"), digits: .thai) == "๑,๒๓๔.๕")
    #expect(ThaiNumberFormat.decimal(dec("0.325"), maxFractionDigits: 3) == "0.325")
    #expect(ThaiNumberFormat.decimal(dec("7"), maxFractionDigits: 2, minFractionDigits: 1) == "7.0")
}

@Test func formatsPercent() {
    #expect(ThaiNumberFormat.percent(dec("32.2979")) == "32.30%")
    #expect(ThaiNumberFormat.percent(dec("75")) == "75.00%")
    #expect(ThaiNumberFormat.percent(dec("33.55"), fractionDigits: 1) == "33.6%")
    #expect(ThaiNumberFormat.percent(dec("75"), fractionDigits: 0, digits: .thai) == "๗๕%")
}

// MARK: Round trips

@Test(arguments: [Int64(0), 1, 99, 100, 12_345, 436_126_947, 3_529_429_500, -100_000, 123_456_789_012_345])
func amountRoundTrips(satang: Int64) {
    let money = Money(satang: satang)
    for style in [NumeralStyle.arabic, .thai] {
        for always in [false, true] {
            let text = ThaiNumberFormat.amount(money, digits: style, alwaysShowSatang: always)
            #expect(ThaiNumberParser.money(text) == money)
            #expect(ThaiNumberParser.money(text + " บาท") == money)
        }
    }
}

@Test(arguments: ["0.325", "12345.67", "-50.5", "1000000", "75"])
func decimalRoundTrips(text: String) {
    let value = dec(text)
    let printed = ThaiNumberFormat.decimal(value, maxFractionDigits: 3, digits: .thai)
    #expect(ThaiNumberParser.decimal(printed) == value)
    let percent = ThaiNumberFormat.percent(value, fractionDigits: 3)
    #expect(ThaiNumberParser.decimal(percent) == value)
}
