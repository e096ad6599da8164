import Testing
@testable import PhaenCore

@Test func formatsThaiDates() {
    let d = CivilDate(year: 2023, month: 11, day: 23)
    #expect(ThaiDateFormat.long(d) == "๒๓ พฤศจิกายน ๒๕๖๖")
    #expect(ThaiDateFormat.long(d, digits: .arabic) == "23 พฤศจิกายน 2566")
    #expect(ThaiDateFormat.longWithEra(d) == "๒๓ พฤศจิกายน พ.ศ. ๒๕๖๖")
    #expect(ThaiDateFormat.short(d) == "๒๓ พ.ย. ๖๖")
    #expect(ThaiDateFormat.short(d, digits: .arabic) == "23 พ.ย. 66")
    #expect(ThaiDateFormat.short(CivilDate(year: 1962, month: 1, day: 5), digits: .arabic) == "5 ม.ค. 05")
    #expect(ThaiDateFormat.long(CivilDate(year: 2024, month: 10, day: 1)) == "๑ ตุลาคม ๒๕๖๗")
}

@Test(arguments: [
    ("๒๓ พฤศจิกายน ๒๕๖๖", "2023-11-23"),
    ("23 พฤศจิกายน 2566", "2023-11-23"),
    ("๒๓ พฤศจิกายน พ.ศ. ๒๕๖๖", "2023-11-23"),
    ("วันที่ ๒๓ พฤศจิกายน พ.ศ. ๒๕๖๖", "2023-11-23"),
    ("  ๒๓   พฤศจิกายน    ๒๕๖๖ ", "2023-11-23"),
    ("๒๐ มี.ค. ๖๗", "2024-03-20"),
    ("20 มี.ค. 2567", "2024-03-20"),
    ("๒๓ พ.ย. ๖๖", "2023-11-23"),
    ("๑ ต.ค. ๒๕๖๖", "2023-10-01"),
    ("๒๙ กุมภาพันธ์ ๒๕๖๗", "2024-02-29"),
    ("31 ธันวาคม 2566", "2023-12-31"),
    ("๒๓ พ.ย. พ.ศ. ๒๕๖๖", "2023-11-23"),
    ("วันที่๕ เม.ย. ๖๗", "2024-04-05"),
])
func parsesThaiDates(text: String, iso: String) {
    #expect(ThaiDateFormat.parse(text) == CivilDate(iso: iso))
}

@Test(arguments: [
    "", "๒๓", "พฤศจิกายน ๒๕๖๖", "๓๑ กุมภาพันธ์ ๒๕๖๗", "๒๙ กุมภาพันธ์ ๒๕๖๖", "๓๑ เมษายน ๒๕๖๗",
    "๐ มกราคม ๒๕๖๗", "๒๓ พฤศจิกา ๒๕๖๖", "๒๓ November ๒๕๖๖", "๒๓ พ.ย. ๖", "๒๓ พ.ย. ๒๕๖",
    "๑๒๓ มกราคม ๒๕๖๗", "๒๓ พฤศจิกายน ๒๕๖๖ เวลา", "2023-11-23",
])
func rejectsInvalidThaiDates(text: String) {
    #expect(ThaiDateFormat.parse(text) == nil)
}

private let sampleDates = [
    CivilDate(year: 2023, month: 11, day: 23),
    CivilDate(year: 2024, month: 2, day: 29),
    CivilDate(year: 2024, month: 10, day: 1),
    CivilDate(year: 2023, month: 10, day: 1),
    CivilDate(year: 2024, month: 1, day: 1),
    CivilDate(year: 2024, month: 3, day: 31),
    CivilDate(year: 2024, month: 9, day: 30),
    CivilDate(year: 2025, month: 12, day: 31),
    CivilDate(year: 2000, month: 7, day: 15),
]

@Test(arguments: sampleDates)
func longMatchesFoundation(date: CivilDate) {
    #expect(ThaiDateFormat.long(date, digits: .arabic) == ThaiDateFormat.foundationLong(date, thaiDigits: false))
    #expect(ThaiDateFormat.long(date, digits: .thai) == ThaiDateFormat.foundationLong(date, thaiDigits: true))
}

@Test(arguments: sampleDates)
func datesRoundTrip(date: CivilDate) {
    for style in [NumeralStyle.thai, .arabic] {
        #expect(ThaiDateFormat.parse(ThaiDateFormat.long(date, digits: style)) == date)
        #expect(ThaiDateFormat.parse(ThaiDateFormat.longWithEra(date, digits: style)) == date)
        #expect(ThaiDateFormat.parse(ThaiDateFormat.short(date, digits: style)) == date)
    }
}
