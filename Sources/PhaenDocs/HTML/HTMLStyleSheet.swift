import Foundation

/// The print CSS: A4 with the document's margins, landscape sections as a named page, the page
/// number at the top centre from page 2 on (Chromium prints CSS page-margin boxes), header rows
/// repeated (`thead`), rows kept whole, and the Thai font list. Chromium does not apply
/// fontconfig's "TH Sarabun → Laksaman" alias, so Laksaman (metric-compatible, from
/// fonts-thai-tlwg) is named explicitly after the document's font.
enum HTMLStyleSheet {
    static let fallbackFonts = ["TH Sarabun New", "Laksaman", "TH SarabunPSK"]

    static func fontFamily(_ settings: DocumentSettings) -> String {
        var names: [String] = []
        for name in [settings.fontFamily] + fallbackFonts where !names.contains(name) && !name.isEmpty {
            names.append(name)
        }
        return (names.map(HTMLText.cssString) + ["sans-serif"]).joined(separator: ", ")
    }

    static func css(for settings: DocumentSettings) -> String {
        let m = settings.marginsMM
        let body = settings.bodySizePt
        let fonts = fontFamily(settings)
        let size = settings.orientation == .landscape ? "A4 landscape" : "A4 portrait"
        let counter = settings.digits == .thai ? "counter(page, thai)" : "counter(page)"
        var s = "@page { size: \(size); margin: \(mm(m.top)) \(mm(m.right)) \(mm(m.bottom)) \(mm(m.left));"
        if settings.pageNumbers {
            s += " @top-center { content: \(counter); font-family: \(fonts); font-size: \(HTMLText.points(body))pt; }"
        }
        s += " }\n"
        if settings.pageNumbers { s += "@page :first { @top-center { content: none; } }\n" }
        s += """
        @page portrait { size: A4 portrait; }
        @page landscape { size: A4 landscape; }
        section.portrait { page: portrait; }
        section.landscape { page: landscape; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
        html, body { margin: 0; padding: 0; }
        body { font-family: \(fonts); font-size: \(HTMLText.points(body))pt; line-height: 1.25; color: #000; }
        p { margin: 0; orphans: 2; widows: 2; }
        p.indent { text-indent: 2.5cm; }
        .page-break { break-before: page; }
        h1, h2, h3 { font-weight: bold; margin: 0; break-after: avoid; break-inside: avoid; }
        h1 { font-size: \(HTMLText.points(body + 4))pt; text-align: center; margin: 12pt 0 6pt; }
        h2 { font-size: \(HTMLText.points(body + 2))pt; margin: 9pt 0 6pt; }
        h3 { font-size: \(HTMLText.points(body))pt; margin: 9pt 0 6pt; }
        mark.restated { background: #ffff00; color: inherit; }
        .tab { display: inline-block; width: 1.27cm; }
        .caption { font-weight: bold; margin: 6pt 0 3pt; break-after: avoid; }
        table.grid { width: calc(100% - 2pt); border-collapse: separate; border-spacing: 0; table-layout: fixed; margin: 0 0 12pt; }
        table.grid th, table.grid td { border-right: 0.75pt solid #000; border-bottom: 0.75pt solid #000;
          padding: 1pt 4pt; vertical-align: top; font-weight: normal; overflow-wrap: break-word; }
        table.grid .first { border-left: 0.75pt solid #000; }
        table.grid thead tr:first-child th, table.grid.headless tbody tr:first-child td { border-top: 0.75pt solid #000; }
        table.grid thead { display: table-header-group; }
        table.grid thead th { font-weight: bold; vertical-align: middle; background: #e7e6e6; }
        table.grid tr { break-inside: avoid; }
        table.grid tr.total td { font-weight: bold; background: #f2f2f2; }
        table.grid tr.group td { font-weight: bold; }
        table.grid td.merged { vertical-align: middle; }
        .bold { font-weight: bold; }
        .toc-title { font-size: \(HTMLText.points(body + 4))pt; font-weight: bold; text-align: center; margin: 0 0 12pt; }
        .toc ol { list-style: none; margin: 0; padding: 0; }
        .toc li a { display: flex; align-items: baseline; color: inherit; text-decoration: none; }
        .toc li.l1 { font-weight: bold; }
        .toc li.l2 { padding-left: 0.8cm; }
        .toc li.l3 { padding-left: 1.6cm; }
        .toc .leader { flex: 1 1 auto; border-bottom: 1pt dotted #000; margin: 0 4pt; min-width: 1cm; }
        .toc .page { flex: none; width: 3em; text-align: right; }
        table.signatures { width: 100%; border-collapse: collapse; table-layout: fixed; break-inside: avoid; margin-top: 12pt; }
        table.signatures td { text-align: center; vertical-align: top; padding: 0 4pt; }
        table.signatures p:first-child { margin-top: 24pt; }

        """
        return s
    }

    private static func mm(_ value: Double) -> String { "\(HTMLText.points(value))mm" }
}
