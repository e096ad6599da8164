"""Reads Phaen's DOCX exports back with python-docx, an independent reader: headings in the
order of plans-spec §4, tables as real tables whose cells carry Thai digits where the document
asks for them, the computed Part 2 total with the printed one nowhere (the restated note gives the difference), the
official font, and (where LibreOffice is installed) a conversion to PDF without error."""
import os
import re
import shutil
import subprocess

import pytest

from conftest import IN_CI, unavailable

try:
    import docx  # python-docx
except ImportError:  # pragma: no cover - depends on the machine
    if IN_CI:
        raise
    pytest.skip("python-docx is not installed (pip install python-docx)", allow_module_level=True)

THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def load(document, name):
    return docx.Document(str(document(name)))


def headings(doc):
    return [p.text.translate(THAI) for p in doc.paragraphs if p.style.name.lower().startswith("heading")]


def cells(doc):
    return [c.text for t in doc.tables for r in t.rows for c in r.cells]


def all_text(doc):
    """Every paragraph and cell, in Arabic digits."""
    return [p.text.translate(THAI) for p in doc.paragraphs] + [c.translate(THAI) for c in cells(doc)]


def test_plan_book_sections_in_the_order_of_the_district_form(document):
    found = headings(load(document, "plan-1022-2567.docx"))
    wanted = ["คำนำ", "สาระสำคัญของแผนปฏิบัติราชการประจำปี", "ข้อมูลทั่วไป/สถานการณ์ของพื้นที่", "วิสัยทัศน์", "พันธกิจ",
              "ตัววัดผล/ตัวชี้วัดความสำเร็จสำคัญ", "ส่วนที่ 1 ", "ส่วนที่ 2 ", "ส่วนที่ 3 ", "ส่วนที่ 4 ",
              "ตาราง ก", "ตาราง ข", "ตาราง ค", "ตาราง ง", "ตาราง จ", "ตาราง ฉ"]
    at = 0
    for w in wanted:
        nxt = next((i for i in range(at, len(found)) if found[i].startswith(w)), None)
        assert nxt is not None, f"heading {w!r} missing or out of order in {found}"
        at = nxt + 1


def test_contents_is_a_word_field_and_step_plans_are_landscape(document):
    doc = load(document, "plan-1022-2567.docx")
    body = doc.element.body
    instructions = " ".join(t.text or "" for t in body.iter(W + "instrText"))
    assert "TOC" in instructions
    orientations = [s.orientation for s in doc.sections]
    assert docx.enum.section.WD_ORIENT.LANDSCAPE in orientations
    assert orientations[0] == docx.enum.section.WD_ORIENT.PORTRAIT


def test_part2_total_is_computed_and_the_printed_total_nowhere(document):
    doc = load(document, "plan-1022-2567.docx")
    table_cells = cells(doc)
    # Thai digits in the cells, as the FY2567 district plan prints them.
    assert "๓๕,๒๕๔,๒๙๕" in table_cells
    text = all_text(doc)
    assert any("35,254,295" in t for t in text)
    assert not [t for t in text if "35,294,295" in t or "๓๕,๒๙๔,๒๙๕" in t]
    notes = [t for t in text if "ยอดรวมที่ต้นฉบับพิมพ์สูงกว่านี้" in t]
    assert len(notes) == 1 and notes[0].startswith("หมายเหตุ"), notes
    assert "40,000" in notes[0] or "๔๐,๐๐๐" in notes[0]
    assert any("สามสิบห้าล้านสองแสนห้าหมื่นสี่พันสองร้อยเก้าสิบห้าบาทถ้วน" in t for t in text)


def test_digits_follow_the_source_or_the_users_choice(document):
    thai = cells(load(document, "plan-1022-2567.docx"))
    arabic = cells(load(document, "plan-1022-2567-arabic.docx"))
    assert "35,254,295" in arabic and "35,254,295" not in thai
    assert not any(re.search("[๐-๙]", c) for c in arabic), "Thai digits left with --arabic-digits"
    central = cells(load(document, "plan-3001-2564.docx"))
    assert "14,700,000" in central
    assert not any(re.search("[๐-๙]", c) for c in central), "the FY2564 plan prints Arabic digits"


def test_the_official_font_is_named(document):
    doc = load(document, "plan-1022-2567.docx")
    normal = doc.styles["Normal"]
    assert normal.font.name == "TH Sarabun New"
    fonts = normal.element.rPr.find(W + "rFonts")
    assert fonts.get(W + "cs") == "TH Sarabun New"  # the complex-script (Thai) slot
    assert normal.font.size.pt == 16


def test_agreement_criteria_tables_carry_the_schemes_points(document):
    doc = load(document, "agreement-1022-2567.docx")
    criteria = [t for t in doc.tables if t.rows[0].cells[0].text == "ระดับ"]
    assert len(criteria) == 6
    points = [[r.cells[-1].text.translate(THAI) for r in t.rows[1:]] for t in criteria]
    assert ["4", "8", "12", "16", "20"] in points  # Traffy, weight 20, FY2567 scheme
    assert ["2", "4", "6", "8", "10"] in points
    text = all_text(doc)
    assert "รวมน้ำหนักคะแนน 70" in text


def test_half_year_report_disbursement_percent_is_of_the_totals(document):
    doc = load(document, "report-4001-2567-h1.docx")
    text = [c.translate(THAI) for c in cells(doc)]
    for figure in ["33.55", "25.60", "0.00", "32.30", "13,503,069", "4,361,269.47"]:
        assert figure in text, figure
    assert "19.72" not in text  # the mean of the row percents
    paragraphs = [p.text for p in doc.paragraphs]
    assert any("ลงชื่อผู้รับรอง" in p for p in paragraphs) or any("ลงชื่อผู้รับรอง" in c for c in cells(doc))


def test_kpi_report_form_fields_one_to_nine(document):
    doc = load(document, "report-1016-2564-ye.docx")
    text = all_text(doc)
    for label in ["1. ชื่อตัวชี้วัด", "2. ระดับความสำเร็จ", "3. คำนิยาม", "4. วิธีการคำนวณ", "5. เป้าหมาย",
                  "6. รายงานผลการดำเนินงาน", "(6.1) ไตรมาสที่ 1", "(6.2) ไตรมาสที่ 2", "(6.3) ไตรมาสที่ 3",
                  "(6.4) ไตรมาสที่ 4", "(6.5) สรุปผลการดำเนินงาน", "7. ปัจจัยสนับสนุน", "8. อุปสรรค", "9. หลักฐานอ้างอิง"]:
        assert any(t.startswith(label) for t in text), label


def test_city_table_lists_the_scored_units(document):
    doc = load(document, "city-2567.docx")
    table = doc.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header[0] == "รหัส" and header[-1] == "รวม"
    assert any(r.cells[0].text == "1022" for r in table.rows[1:])


@pytest.mark.parametrize("name", ["plan-1022-2567.docx", "agreement-1022-2567.docx", "report-4001-2567-h1.docx"])
def test_libreoffice_converts_it_to_pdf(document, name, tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    # Writer is a package of its own (libreoffice-writer-nogui); Calc alone cannot open a DOCX.
    writer = any(os.path.exists(os.path.join(d, "libswlo.so")) for d in ("/usr/lib/libreoffice/program", "/opt/libreoffice/program"))
    if not office or not writer:
        pytest.skip("LibreOffice Writer is not installed (a further check where it is: libreoffice-writer-nogui)")
    result = subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(document(name))],
                            capture_output=True, text=True, timeout=300)
    converted = tmp_path / name.replace(".docx", ".pdf")
    assert result.returncode == 0 and converted.exists(), result.stdout + result.stderr
    assert converted.stat().st_size > 1000
