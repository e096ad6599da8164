import Foundation
import PhaenCore

/// The cell formats a workbook uses, collected while its sheets are written and numbered in
/// the order first seen; `xml` is the styles part. Index 0 is the plain default every
/// reader expects.
struct XlsxStyles {
    static let fontName = "TH Sarabun New"
    static let bodySize = 14
    static let titleSize = 16

    enum Fill: Int, CaseIterable {
        // Ids 0 and 1 are the two fills the format reserves (none, gray125).
        case none = 0, header = 2, subtotal = 3, total = 4, restated = 5
        var rgb: String? {
            switch self {
            case .none: return nil
            case .header: return "FFD9E2F3"
            case .subtotal: return "FFF2F2F2"
            case .total: return "FFE2EFDA"
            case .restated: return "FFFFF2CC"
            }
        }
    }

    enum Border: Int, CaseIterable { case none = 0, thin = 1, totalBelow = 2 }

    struct Key: Hashable {
        var bold: Bool
        var size: Int
        var fill: Fill
        var border: Border
        var horizontal: Alignment?
        var wrap: Bool
        var numberFormat: String?
    }

    private(set) var keys: [Key] = []
    private var index: [Key: Int] = [:]
    private var fonts: [FontKey] = [FontKey(bold: false, size: bodySize)]
    private var numberFormats: [String] = []

    private struct FontKey: Hashable { var bold: Bool; var size: Int }

    init() {
        _ = id(for: Key(bold: false, size: Self.bodySize, fill: .none, border: .none, horizontal: nil, wrap: false, numberFormat: nil))
    }

    mutating func id(for key: Key) -> Int {
        if let existing = index[key] { return existing }
        keys.append(key)
        index[key] = keys.count - 1
        let font = FontKey(bold: key.bold, size: key.size)
        if !fonts.contains(font) { fonts.append(font) }
        if let code = key.numberFormat, !numberFormats.contains(code) { numberFormats.append(code) }
        return keys.count - 1
    }

    /// The format code of a number format. Thai digits come from the LCID prefix
    /// `[$-D00041E]`: numeral shape 0D = Thai digits, calendar 00 = the locale's default,
    /// locale 041E = th-TH; Excel honours it and LibreOffice reads it as `[NatNum1]`, so both
    /// show ๓๕,๒๕๔,๒๙๕ while the cell keeps the number 35254295. Not the classic date code
    /// `[$-D07041E]` (calendar 07 = Buddhist): LibreOffice 7.4 rejects a calendar in a number
    /// format and shows the bare value 35254295.5 (checked with soffice --convert-to pdf).
    static func code(_ format: SheetNumberFormat, digits: NumeralStyle) -> String {
        let base: String
        switch format {
        case .integer: base = "#,##0"
        case .twoDecimals: base = "#,##0.00"
        case .percent: base = "0.00%"
        case .general: base = "General"
        }
        return digits == .thai ? "[$-D00041E]" + base : base
    }

    var xml: String {
        var x = OfficePackage.declaration
        x += "<styleSheet xmlns=\"\(XlsxXML.mainNS)\">"
        if !numberFormats.isEmpty {
            x += "<numFmts count=\"\(numberFormats.count)\">"
            for (i, code) in numberFormats.enumerated() {
                x += "<numFmt numFmtId=\"\(164 + i)\" formatCode=\"\(MarkupText.escape(code))\"/>"
            }
            x += "</numFmts>"
        }
        x += "<fonts count=\"\(fonts.count)\">"
        for font in fonts {
            x += "<font>\(font.bold ? "<b/>" : "")<sz val=\"\(font.size)\"/><name val=\"\(Self.fontName)\"/>"
            x += "<family val=\"2\"/><charset val=\"222\"/></font>"
        }
        x += "</fonts>"
        x += "<fills count=\"6\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        for fill in Fill.allCases where fill != .none {
            x += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(fill.rgb!)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        x += "</fills>"
        let thin = "<color auto=\"1\"/>"
        x += "<borders count=\"3\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        x += "<border><left style=\"thin\">\(thin)</left><right style=\"thin\">\(thin)</right><top style=\"thin\">\(thin)</top><bottom style=\"thin\">\(thin)</bottom><diagonal/></border>"
        x += "<border><left style=\"thin\">\(thin)</left><right style=\"thin\">\(thin)</right><top style=\"thin\">\(thin)</top><bottom style=\"double\">\(thin)</bottom><diagonal/></border>"
        x += "</borders>"
        x += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        x += "<cellXfs count=\"\(keys.count)\">"
        for key in keys {
            let fontID = fonts.firstIndex(of: FontKey(bold: key.bold, size: key.size))!
            let formatID = key.numberFormat.map { 164 + numberFormats.firstIndex(of: $0)! } ?? 0
            x += "<xf numFmtId=\"\(formatID)\" fontId=\"\(fontID)\" fillId=\"\(key.fill.rawValue)\" borderId=\"\(key.border.rawValue)\" xfId=\"0\""
            if formatID != 0 { x += " applyNumberFormat=\"1\"" }
            if fontID != 0 { x += " applyFont=\"1\"" }
            if key.fill != .none { x += " applyFill=\"1\"" }
            if key.border != .none { x += " applyBorder=\"1\"" }
            x += " applyAlignment=\"1\"><alignment"
            if let h = key.horizontal { x += " horizontal=\"\(h == .justified ? "justify" : h.rawValue)\"" }
            x += " vertical=\"top\"\(key.wrap ? " wrapText=\"1\"" : "")/></xf>"
        }
        x += "</cellXfs>"
        x += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        x += "</styleSheet>"
        return x
    }
}

/// The SpreadsheetML namespace of the hand-written parts.
enum XlsxXML {
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
}
