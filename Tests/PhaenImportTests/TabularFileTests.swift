import Foundation
import Testing
@testable import PhaenImport

@Suite("Tabular file reader (CSV and XLSX)")
struct TabularFileTests {
    @Test("CSV: quoted fields hold commas, doubled quotes and line breaks (RFC 4180)")
    func csvQuotes() throws {
        let text = "unit,type,note\r\n4001,งบดำเนินงาน,\"a, \"\"quoted\"\"\nnote\"\r\n\r\n1022,,x"
        let rows = try TabularFile.rows(data: Data(text.utf8), fileName: "d.csv")
        #expect(rows == [["unit", "type", "note"],
                         ["4001", "งบดำเนินงาน", "a, \"quoted\"\nnote"],
                         [],
                         ["1022", "", "x"]])
    }

    @Test("CSV: a byte-order mark is dropped, a tab-separated file is recognised")
    func csvBOMAndTabs() throws {
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data("รหัส\tจำนวน\n4001\t1,500.00\n".utf8)
        let rows = try TabularFile.rows(data: bom, fileName: "d.txt")
        #expect(rows == [["รหัส", "จำนวน"], ["4001", "1,500.00"]])
    }

    @Test("CSV saved by Thai Excel (Windows-874) reads as Thai")
    func csvWindows874() throws {
        // "งบลงทุน" in TIS-620: ง=0xA7 บ=0xBA ล=0xC5 ง=0xA7 ท=0xB7 ุ=0xD8 น=0xB9
        let data = Data("1022,".utf8) + Data([0xA7, 0xBA, 0xC5, 0xA7, 0xB7, 0xD8, 0xB9])
        #expect(try TabularFile.rows(data: data, fileName: "d.csv") == [["1022", "งบลงทุน"]])
    }

    @Test("CSV: an unclosed quote names the row where it opened")
    func csvUnterminatedQuote() {
        let text = "a,b\n1,\"open\n2,3\n"
        #expect(throws: TabularFileError.unterminatedQuote(row: 2)) {
            try TabularFile.rows(data: Data(text.utf8), fileName: "d.csv")
        }
    }

    @Test("XLSX: first sheet through the workbook relationships, shared and inline strings, rich text, numbers as stored, dates converted")
    func xlsx() throws {
        let rows = try TabularFile.rows(data: Self.workbook, fileName: "เบิกจ่าย.xlsx")
        #expect(rows == [
            ["รหัสหน่วยงาน", "ประเภทงบ", "วันที่", "จำนวนเงิน (บาท)"],
            ["4001", "งบดำเนินงาน", "2024-03-31", "4361269.47"],
            [],
            ["1022", "", "2023-10-01 12:00:00", "1.1000000000000001", "", "1022"],
        ])
    }

    @Test("XLSX recognised by its content when the name has no extension; .xls and junk refused in Thai")
    func formats() throws {
        #expect(try TabularFile.rows(data: Self.workbook, fileName: "upload").count == 4)
        #expect(throws: TabularFileError.legacyExcel) {
            try TabularFile.rows(data: Data([0xD0, 0xCF]), fileName: "old.xls")
        }
        #expect(throws: TabularFileError.notAWorkbook) {
            try TabularFile.rows(data: Data("not a zip".utf8), fileName: "x.xlsx")
        }
        #expect(TabularFileError.legacyExcel.message.contains(".xlsx"))
    }

    @Test("Excel date serials: the 1900 system (with its phantom leap day) and the 1904 system")
    func serials() {
        #expect(XlsxReader.isoDate(serial: 1, date1904: false) == "1900-01-01")
        #expect(XlsxReader.isoDate(serial: 59, date1904: false) == "1900-02-28")
        #expect(XlsxReader.isoDate(serial: 61, date1904: false) == "1900-03-01")
        #expect(XlsxReader.isoDate(serial: 45382, date1904: false) == "2024-03-31")
        #expect(XlsxReader.isoDate(serial: 43920, date1904: true) == "2024-03-31")
        #expect(StylesPart.isDateFormat("[$-th-TH,107]d\\ mmm\\ yy;@"))
        #expect(!StylesPart.isDateFormat("#,##0.00\" บาท\""))
        #expect(!StylesPart.isDateFormat("0.00E+00"))
    }

    /// A workbook written by hand (the XML below, zipped): its first sheet in workbook order is
    /// "เบิกจ่าย" = xl/worksheets/data.xml (relationship rId7), the second sheet1.xml. Cells: shared
    /// strings with a rich-text run and a phonetic guide, numFmt 14 (built-in date), a custom Thai
    /// date format, a currency format with "บาท" in quotes, an inline string, a formula string.
    static let workbook = Data(base64Encoded: """
        UEsDBBQAAAAIAOuYfV2McYQAHwEAALcDAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbMVTS08CMRC+8yuaXgkteDDGsMvBx1FNxB8w
        bmfZhr7SGRD+vWVBYwyKBxJPk/Z7po/pbOOdWGMmG0MlJ2osBYYmGhsWlXyZ34+upCCGYMDFgJXcIslZPZjOtwlJFHGgSnbM6Vpr
        ajr0QComDAVpY/bAZZkXOkGzhAXqi/H4UjcxMAYe8c5D1tNbbGHlWNxtyva+SEZHUtzsibusSkJKzjbABdfrYL6ljA4Jqih7DnU2
        0bAQpD6asEN+DjjoHsvJZGtQPEHmB/CFpTdOv8W8fI1xqX43OdIytq1t0MRm5YtEUcoIhjpE9k71U3mwYXg6vyeTNsBw5hqf7n9v
        0Y/JP/WgDjKaZ87lzdLZr+SL96kevHV49gK96Uey7r9dPXgHUEsDBAoAAAAAAOuYfV0AAAAAAAAAAAAAAAAGAAAAX3JlbHMvUEsD
        BBQAAAAIAOuYfV3/ZDbbsgAAACkBAAALAAAAX3JlbHMvLnJlbHONz78OgjAQBvCdp2hul4KDMYbCYkxYDT5ALcefUHpNWxXe3o5i
        HBwv993vyxXVMmv2ROdHMgLyNAOGRlE7ml7ArbnsjsB8kKaVmgwKWNFDVSbFFbUM8cYPo/UsIsYLGEKwJ869GnCWPiWLJm46crMM
        cXQ9t1JNske+z7IDd58GlBuT1a0AV7c5sGa1+I9NXTcqPJN6zGjCj4qvRJSl6zEIWDR/kZvuRFMaUeBlwTcPlskbUEsDBAoAAAAA
        AOuYfV0AAAAAAAAAAAAAAAADAAAAeGwvUEsDBAoAAAAAAOuYfV0AAAAAAAAAAAAAAAAOAAAAeGwvd29ya3NoZWV0cy9QSwMEFAAA
        AAgA65h9Xd8XPqS5AAAA+QAAABgAAAB4bC93b3Jrc2hlZXRzL3NoZWV0MS54bWxNjkFOAzEMRfc9heU9zbQLhFCSCgn1AsABohm3
        EzFxRrZF4fa4s0AsbPn/Lz/9ePpuC3yRaO2c8LAfEIjHPlW+Jvx4Pz88IagVnsrSmRL+kOIp7+Kty6fORAYOYE04m63PIeg4Uyu6
        7yuxJ5curZhLuQZdhcq0PbUlHIfhMbRSGXPcvNdiJUfpNxAv4u54P14OCJaw8lKZ3kzcr5qjZe4GNhNcqqjBRojBcgz3OIw+jvL9
        jx3+SufdL1BLAwQUAAAACADrmH1dgTlS6ykBAABwAgAAFgAAAHhsL3dvcmtzaGVldHMvZGF0YS54bWxtksFygyAQhu95CodDbxVE
        YtMWySTN5AXaPgCjGJ0qOMCY9u27wYxVp5zY/dj9/wX4/rtro0FZ1xidoyQmKFK6MGWjLzn6/Dg/7lDkvNSlbI1WOfpRDu3Fhl+N
        /XK1Uj6CBtrlqPa+f8HYFbXqpItNrzSQythOegjtBbveKlmGoq7FlJAMd7LRSPCQO0kvBbfmGlkwAtnitjkkKPI5chAPgnA8CI6L
        OzvOWbJkb3NGl+w0Z+nEMGhPBuhkgIZjjJCVwpHOurCVOjA3TgFsm+7WDkaejjzNEpo9x+zpfytsssKCYqPbRqt3byHfOMG9SAgF
        AQ91t/jPBQsq9wG2cOPxduWDjXcXJ2SxVqOeR2EXJCtxYA+y618R4rgK5UF+YR3PnhRPf0VsfgFQSwMEFAAAAAgA65h9XUfPKxs1
        AQAA4AEAABQAAAB4bC9zaGFyZWRTdHJpbmdzLnhtbG1Ru04DMRDs8xXWVlAQJ0ggFN05BRJ1CvgA52JyJ+V8h9eJQkcXPgApCjQI
        ikjQ8JScv/GnsHYIiEdje70zs+Nx0p2WIzZRBotKp9ButoApnVWDQg9TODk+2jkAhlbqgRxVWqVwrhC6opEgWkZUjSnk1tYdzjHL
        VSmxWdVKU+e0MqW0VJohx9ooOcBcKVuO+G6rtc9LWWhgWTXWNoU9YGNdnI3V4aYWCRYiscK7e+8evXv27iEeFn516d3SuzvvZt69
        0E3CrUh4wG84N5H25FcX3t16N4/Q67+4ZRReRMQ7Cf9EmDWIxr1G0PJrlolN06Olz0MdTjGPDtYyo5jowajMRIGIJmj8G7HZFtmI
        pufb30q9nGE/hZA8bW0IY6ef7V7+y/IsKlwFT0F4sRb+JwtOPyQaH1BLAwQUAAAACADrmH1dYZXYdRcBAADgAQAADQAAAHhsL3N0
        eWxlcy54bWyNkd9KwzAYxe/3FOGreLU26RiuuLYThKI33jhBcF7ENl0L+VObVNYnEXwMr/o4fRRTO6ZDBa+S7+Sck19IuNoJjl5Y
        rUslI/A9AojJVGWl3EZwt07cAJA2VGaUK8kiaJmGVTwJtWk5uy0YM8g2SB1BYUx1jrFOCyao9lTFpD3JVS2osWO9xbqqGc30EBIc
        zwg5w4KWEuJQNiIRRqNUNdJEMDtIaFyuM8sWLACNdZcqsygPJ64p3PXV1CeLx2yDhBAb1LbLC8C/xoPjuDN1HOIRcvrcKLNEfffW
        d+999zrOQwfeY8Vhyji/zw98c8u3y7+Vk8F+pPhzQLSqeHvTiCdWJ58XW/mncXjWP53B3068R7S7r6+JJx9QSwMEFAAAAAgA65h9
        XfsiUi/1AAAAcAEAAA8AAAB4bC93b3JrYm9vay54bWyNjz1OAzEQhfucwpo+8W4KQKv1pkGR0lHAAczubNbK2l55zF8HXa4AJT0N
        QsK5jY+C84ciKqqZ0cz33pty9qh7do+OlDUC8kkGDE1tG2WWAm6u5+MLYOSlaWRvDQp4QoJZNSofrFvdWrtiiTckoPN+KDinukMt
        aWIHNGnTWqelT6NbchocyoY6RK97Ps2yM66lMrBXKNx/NGzbqhovbX2n0fi9iMNe+pSeOjUQVL/Jrhyvyp0dHSozUqcX4uY5hrcY
        vmJ4iWEdN+sYPmN4T49urxaNgCkwV6jUuEVzDvwPHz5i+N5hrydMfsLkW4YfzfkxUjX6AVBLAwQKAAAAAADrmH1dAAAAAAAAAAAA
        AAAACQAAAHhsL19yZWxzL1BLAwQUAAAACADrmH1dKdYL9+QAAADBAgAAGgAAAHhsL19yZWxzL3dvcmtib29rLnhtbC5yZWxzvZLP
        asMwDIfvfQqj++KkHdsYdXoZhV637gGErcShiR0s7U/efmZjJYVSdig7Ccno+31grTefQ6/eKXEXg4GqKEFRsNF1oTXwut/ePIBi
        weCwj4EMTMSwqRfrZ+pR8g77bmSVIYENeJHxUWu2ngbkIo4U8ksT04CS29TqEe0BW9LLsrzTac6A+oSpds5A2rkK1H4a6S/s2DSd
        pado3wYKciZCf8R0YE8kGYqpJTFwHLH+LlWRqaDPy9z/n4xDwUsqq2uqsEx9/tejx09/Kf72qvEeE7kXSfno5hbz8a+MPjm8evEF
        UEsBAh4DFAAAAAgA65h9XYxxhAAfAQAAtwMAABMAAAAAAAAAAQAAAKSBAAAAAFtDb250ZW50X1R5cGVzXS54bWxQSwECHgMKAAAA
        AADrmH1dAAAAAAAAAAAAAAAABgAAAAAAAAAAABAA7UFQAQAAX3JlbHMvUEsBAh4DFAAAAAgA65h9Xf9kNtuyAAAAKQEAAAsAAAAA
        AAAAAQAAAKSBdAEAAF9yZWxzLy5yZWxzUEsBAh4DCgAAAAAA65h9XQAAAAAAAAAAAAAAAAMAAAAAAAAAAAAQAO1BTwIAAHhsL1BL
        AQIeAwoAAAAAAOuYfV0AAAAAAAAAAAAAAAAOAAAAAAAAAAAAEADtQXACAAB4bC93b3Jrc2hlZXRzL1BLAQIeAxQAAAAIAOuYfV3f
        Fz6kuQAAAPkAAAAYAAAAAAAAAAEAAACkgZwCAAB4bC93b3Jrc2hlZXRzL3NoZWV0MS54bWxQSwECHgMUAAAACADrmH1dgTlS6ykB
        AABwAgAAFgAAAAAAAAABAAAApIGLAwAAeGwvd29ya3NoZWV0cy9kYXRhLnhtbFBLAQIeAxQAAAAIAOuYfV1HzysbNQEAAOABAAAU
        AAAAAAAAAAEAAACkgegEAAB4bC9zaGFyZWRTdHJpbmdzLnhtbFBLAQIeAxQAAAAIAOuYfV1hldh1FwEAAOABAAANAAAAAAAAAAEA
        AACkgU8GAAB4bC9zdHlsZXMueG1sUEsBAh4DFAAAAAgA65h9XfsiUi/1AAAAcAEAAA8AAAAAAAAAAQAAAKSBkQcAAHhsL3dvcmti
        b29rLnhtbFBLAQIeAwoAAAAAAOuYfV0AAAAAAAAAAAAAAAAJAAAAAAAAAAAAEADtQbMIAAB4bC9fcmVscy9QSwECHgMUAAAACADr
        mH1dKdYL9+QAAADBAgAAGgAAAAAAAAABAAAApIHaCAAAeGwvX3JlbHMvd29ya2Jvb2sueG1sLnJlbHNQSwUGAAAAAAwADADeAgAA
        9gkAAAAA
        """, options: .ignoreUnknownCharacters)!
}
