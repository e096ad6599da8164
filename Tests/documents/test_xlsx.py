"""Reads Phaen's XLSX exports back with openpyxl, an independent reader.

The files come from two places, both into the directory PHAEN_DOC_OUT names:
- conftest.py runs `phaen export … --format xlsx` with the built binary (what a user gets
  from the shell) before this module is imported;
- the Swift suite writes them too when the variable is set, including city-2567.xlsx,
  scored from a reported result that the demo seed does not have:

    PHAEN_DOC_OUT=/tmp/phaen-docs swift test --skip-build --filter SpreadsheetExportTests
    PHAEN_DOC_OUT=/tmp/phaen-docs python3 -m pytest Tests/documents/test_xlsx.py

A file neither wrote is skipped with a message. openpyxl does not calculate, so what it reads
as a formula's value is the cached value Phaen wrote: the tests recompute every SUM and ratio
from the cells it names.
"""
import glob
import os
import re
import warnings
from decimal import Decimal

import pytest

openpyxl = pytest.importorskip("openpyxl")

OUT = os.environ.get("PHAEN_DOC_OUT", "")
FILES = sorted(glob.glob(os.path.join(OUT, "*.xlsx"))) if OUT else []
pytestmark = pytest.mark.skipif(
    not FILES,
    reason="no XLSX files: build phaen (conftest.py exports them) or set PHAEN_DOC_OUT and run "
           "`swift test --filter SpreadsheetExportTests` first",
)

STATED_PART2 = ("35,294,295", "๓๕,๒๙๔,๒๙๕")
NOTE_PREFIX = "เอกสารต้นฉบับพิมพ์"


def load(name, data_only):
    path = os.path.join(OUT, name)
    if not os.path.exists(path):
        pytest.skip(f"{name} was not written to {OUT}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = openpyxl.load_workbook(path, data_only=data_only)
    assert [str(w.message) for w in caught] == [], f"openpyxl warned on {name}"
    return book


def both(name):
    return load(name, data_only=False), load(name, data_only=True)


def cell_values(sheet, ref):
    """Values of a reference like C5 or C5:C9."""
    return [c.value for row in sheet[ref] for c in row] if ":" in ref else [sheet[ref].value]


def evaluate(formula, cached_sheet):
    body = formula.lstrip("=")
    if body == "0":
        return Decimal(0)
    m = re.fullmatch(r"SUM\((.*)\)", body)
    if m:
        total = Decimal(0)
        for part in m.group(1).split(","):
            for v in cell_values(cached_sheet, part):
                if isinstance(v, (int, float)):
                    total += Decimal(str(v))
        return total
    m = re.fullmatch(r"IF\(([A-Z]+\d+)=0,0,([A-Z]+\d+)/([A-Z]+\d+)\)", body)
    if m:
        d = cached_sheet[m.group(3)].value or 0
        return Decimal(0) if d == 0 else Decimal(str(cached_sheet[m.group(2)].value)) / Decimal(str(d))
    raise AssertionError(f"unexpected formula {formula}")


@pytest.mark.parametrize("path", FILES, ids=os.path.basename)
def test_every_formula_has_the_right_cached_value(path):
    name = os.path.basename(path)
    formulas, cached = both(name)
    checked = 0
    for ws in formulas.worksheets:
        cws = cached[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    value = cws[cell.coordinate].value
                    assert isinstance(value, (int, float)), f"{name} {ws.title}!{cell.coordinate} has no cached value"
                    expected = evaluate(cell.value, cws)
                    assert abs(Decimal(str(value)) - expected) < Decimal("1e-9"), (
                        f"{name} {ws.title}!{cell.coordinate}: {cell.value} = {expected}, cached {value}")
                    checked += 1
    assert checked > 0, f"{name} has no formulas"


@pytest.mark.parametrize("path", FILES, ids=os.path.basename)
def test_headers_are_frozen_and_the_font_is_th_sarabun(path):
    book = load(os.path.basename(path), data_only=False)
    for ws in book.worksheets:
        assert ws.freeze_panes is not None, f"{ws.title} has no frozen header"
        header_row = int(re.sub(r"[A-Z]+", "", ws.freeze_panes)) - 1
        header = ws.cell(row=header_row, column=1)
        assert header.font.name == "TH Sarabun New" and header.font.b, ws.title
        assert len(ws.title) <= 31


def test_plan_part2_total_is_computed_and_the_stated_figure_nowhere():
    formulas, cached = both("plan-1022-2567.xlsx")
    ws, cws = formulas["ส่วนที่ 2 สรุปงบประมาณ"], cached["ส่วนที่ 2 สรุปงบประมาณ"]
    assert ws.freeze_panes == "A5"
    totals = [c for row in ws.iter_rows() for c in row
              if isinstance(c.value, str) and c.value.startswith("=SUM(") and cws[c.coordinate].value == 35254295]
    assert len(totals) == 1 and totals[0].number_format == "#,##0"
    for book in (formulas, cached):
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for c in row:
                    assert c.value != 35294295, f"{sheet.title}!{c.coordinate}"
                    if isinstance(c.value, str):
                        assert not any(s in c.value for s in STATED_PART2), f"{sheet.title}!{c.coordinate}: {c.value}"
    notes = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith(NOTE_PREFIX)]
    assert notes == ["เอกสารต้นฉบับพิมพ์ยอดรวมสูงกว่านี้ 40,000 บาท"]
    amounts = [c.value for c in cws["C"][4:] if isinstance(c.value, (int, float))]
    assert len(amounts) > 21, "budgets are stored as numbers"


def test_plan_with_thai_digits_keeps_numbers_and_asks_for_thai_digits():
    formulas, cached = both("plan-1022-2567-thai.xlsx")
    ws, cws = formulas["ส่วนที่ ๒ สรุปงบประมาณ"], cached["ส่วนที่ ๒ สรุปงบประมาณ"]
    totals = [c for row in ws.iter_rows() for c in row
              if isinstance(c.value, str) and c.value.startswith("=SUM(") and cws[c.coordinate].value == 35254295]
    assert len(totals) == 1 and totals[0].number_format == "[$-D00041E]#,##0"
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "เอกสารต้นฉบับพิมพ์ยอดรวมสูงกว่านี้ ๔๐,๐๐๐ บาท" in texts
    assert not [t for t in texts if "๓๕,๒๙๔,๒๙๕" in t or "35,294,295" in t]


def test_agreement_weights_are_summed():
    formulas, cached = both("agreement-1022-2567.xlsx")
    ws = formulas.worksheets[0]
    headers = [c.value for c in ws[int(ws.freeze_panes[1:]) - 1]]
    assert headers[:3] == ["ตัวชี้วัดที่", "ตัวชี้วัด", "น้ำหนัก (ร้อยละ)"] and "ระดับ 5" in headers
    codes = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    assert {"1.1.1", "1.2", "1.3.2"} <= set(codes)
    last_sum = [c for c in ws["C"] if isinstance(c.value, str) and c.value.startswith("=SUM(")][-1]
    assert cached.worksheets[0][last_sum.coordinate].value == 70


def test_disbursement_total_percent_is_of_the_totals():
    formulas, cached = both("disbursement-4001-2567.xlsx")
    ws, cws = formulas.worksheets[0], cached.worksheets[0]
    total_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "รวม")
    assert cws.cell(row=total_row, column=2).value == 13503069
    assert cws.cell(row=total_row, column=3).value == pytest.approx(4361269.47)
    percent = ws.cell(row=total_row, column=4)
    assert percent.value == f"=IF(B{total_row}=0,0,C{total_row}/B{total_row})" and percent.number_format == "0.00%"
    assert round(cws.cell(row=total_row, column=4).value * 100, 2) == 32.30


def test_city_table_units_by_components_with_a_sum_across():
    formulas, cached = both("city-2567.xlsx")
    ws, cws = formulas["คะแนนรายหน่วยงาน"], cached["คะแนนรายหน่วยงาน"]
    assert ws.freeze_panes == "C4"
    header = [c.value for c in ws[3]]
    assert header[:3] == ["รหัส", "หน่วยงาน", "กลุ่ม"] and header[-1] == "คะแนนรวม"
    assert any(isinstance(h, str) and h.startswith("องค์ประกอบที่ 1") for h in header)
    row = next(r for r in range(4, ws.max_row + 1) if ws.cell(row=r, column=1).value == "1022")
    total = ws.cell(row=row, column=len(header))
    assert total.value == f"=SUM(D{row}:D{row})" and cws.cell(row=row, column=len(header)).value == 16
