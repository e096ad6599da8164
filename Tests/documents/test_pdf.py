"""Reads Phaen's PDFs back with poppler (pdftotext, pdffonts, pdfinfo), independent of the
writer: Thai text that extracts as Thai (shaped, no replacement boxes), the computed Part 2
total with the printed one nowhere (the note gives the difference), a Thai font embedded, landscape pages
for Part 4 of the plan book and the half-year report."""
import re
import shutil
import subprocess

import pytest

from conftest import unavailable

THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def poppler(tool):
    if not shutil.which(tool):
        unavailable(f"{tool} is not installed (apt-get install poppler-utils)")
    return tool


def text(path, first=None, last=None):
    args = [poppler("pdftotext"), "-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(args + [str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages(path):
    info = subprocess.run([poppler("pdfinfo"), "-f", "1", "-l", "1000", str(path)], capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def test_plan_book_thai_text_and_computed_total(document):
    path = document("plan-1022-2567.pdf")
    content = text(path)
    assert "แผนปฏิบัติการประจำปี" in content
    assert "สำนักงานเขตภาษีเจริญ" in content
    assert "\ufffd" not in content
    flat = re.sub(r"\s+", "", content).translate(THAI)
    assert "35,254,295" in flat
    assert "35,294,295" not in flat
    assert "ยอดรวมที่ต้นฉบับพิมพ์สูงกว่านี้40,000บาท" in flat


def test_a_thai_font_is_embedded(document):
    fonts = subprocess.run([poppler("pdffonts"), str(document("plan-1022-2567.pdf"))],
                           capture_output=True, text=True, check=True).stdout
    assert re.search(r"Laksaman|Sarabun|Garuda|Loma|Norasi|Kinnari", fonts), fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip()), "a font is not embedded"


def test_part4_prints_landscape_and_the_front_portrait(document):
    sizes = pages(document("plan-1022-2567.pdf"))
    assert len(sizes) > 20
    assert sizes[0][0] < sizes[0][1]  # A4 portrait
    assert any(w > h for w, h in sizes)  # Part 4: tables ก–ฉ and the step plans


def test_half_year_report_is_landscape_with_the_disbursement_table(document):
    path = document("report-4001-2567-h1.pdf")
    sizes = pages(path)
    assert all(w > h for w, h in sizes)
    flat = re.sub(r"\s+", "", text(path)).translate(THAI)
    for figure in ["33.55", "25.60", "32.30", "13,503,069", "4,361,269.47"]:
        assert figure in flat, figure
