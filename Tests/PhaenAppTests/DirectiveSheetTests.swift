import Foundation
import Testing
import PhaenCore
import PhaenDocs
import PhaenStore
@testable import PhaenApp

/// The directive status table (XLSX) on a real store with the demo register (FY2566: three
/// directives, nine pairs): one row per pair the person may see, the same pairs the dashboard
/// counts, and COUNTIF counts whose cached values add up to the pairs.
@Suite struct DirectiveSheetTests {
    typealias F = ReportsFixture
    static let year = FiscalYear(2566)

    static func rows(_ sheet: Sheet) -> [SheetRow] { sheet.rows.filter { $0.kind == .normal } }
    static func text(_ cell: SheetCell) -> String? { if case .text(let t) = cell.value { t } else { nil } }

    @Test("the pair sheet has the dashboard's pairs; the counts are COUNTIFs that add up to them")
    func pairsAndCounts() async throws {
        try await F.with { f in
            let board = try await DirectiveFollowUp(store: f.store).dashboard(person: f.evaluator, year: Self.year)
            let workbook = try await SpreadsheetExports(data: f.store).directives(fiscalYear: Self.year)
            #expect(workbook.sheets.map(\.name) == ["สถานะรายหน่วยงาน", "สรุปตามสถานะ"])
            let list = workbook.sheets[0], counts = workbook.sheets[1]
            #expect(list.frozenRows == 2 && counts.frozenRows == 3)
            let pairs = Self.rows(list)
            #expect(board.overall.total >= 9 && pairs.count == board.overall.total)
            #expect(Set(pairs.compactMap { Self.text($0.cells[6]) }) == Set(board.byUnit.map(\.key)))
            // 2566-1-02 / 1016 cannot be done: the status in Thai and the reason.
            let refused = try #require(pairs.first { Self.text($0.cells[0]) == "2566-1-02" && Self.text($0.cells[6]) == "1016" })
            #expect(Self.text(refused.cells[9]) == "ไม่สามารถดำเนินการได้")
            #expect(Self.text(refused.cells[10])?.contains("เหตุผล: ") == true)

            var sum: Decimal = 0
            for status in DirectiveStatus.allCases {
                let row = try #require(Self.rows(counts).first { Self.text($0.cells[0]) == status.thaiName })
                guard case .formula(let formula, let cached, _) = row.cells[1].value else { Issue.record("no COUNTIF"); return }
                #expect(formula.hasPrefix("COUNTIF('สถานะรายหน่วยงาน'!$J$3:$J$") && formula.hasSuffix(",\"\(status.thaiName)\")"))
                // The cached value is what COUNTIF finds in the pair sheet.
                #expect(cached == Decimal(pairs.filter { Self.text($0.cells[9]) == status.thaiName }.count))
                #expect(cached == Decimal(board.overall[status]))
                sum += cached
            }
            #expect(sum == Decimal(pairs.count))
            let total = try #require(counts.rows.last { $0.kind == .total })
            guard case .formula(_, let cachedTotal, _) = total.cells[1].value else { Issue.record("no total"); return }
            #expect(cachedTotal == Decimal(board.overall.total))
            // COUNTIF is checked above; the SUM and the percent ratios are checked here.
            #expect(FormulaCheck.mismatches(counts).filter { !$0.contains("COUNTIF") } == [])
            #expect(try XlsxWriter().write(workbook).count > 0)
        }
    }

    @Test("through a unit's scoped pairs the table holds that unit's rows only")
    func scoped() async throws {
        try await F.with { f in
            let mine = try await DirectiveFollowUp(store: f.store).pairs(person: f.reporter, year: Self.year)
            let sheet = DirectiveSheets.workbook(pairs: mine, groups: DirectiveGroup.all(names: [:]), unitNames: [:],
                                                 fiscalYear: Self.year, digits: .arabic).sheets[0]
            #expect(!mine.isEmpty && Self.rows(sheet).count == mine.count)
            #expect(Self.rows(sheet).allSatisfy { Self.text($0.cells[6]) == F.unit })
        }
    }
}
