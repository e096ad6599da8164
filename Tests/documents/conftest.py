"""Builds the official documents once per pytest run, with the built `phaen` binary, so the
readers in this directory check what a user gets from the shell:

    phaen seed --db sqlite:TMP/phaen.sqlite
    phaen export plan|agreement|report|city … --output TMP/<name>

into PHAEN_DOC_OUT (a temporary directory unless it is already set), which is exported to the
environment before the test modules are imported (test_xlsx.py reads it at import time).
Builds nothing: run `swift build` first (scripts/test does). PHAEN_BINARY overrides the
executable (default .build/debug/phaen). Without the binary — or without a reader (python-docx,
openpyxl, pdftotext) or Chromium for the PDFs — the affected tests skip with a message,
except under CI=true, where they fail.
"""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("PHAEN_BINARY", REPO / ".build" / "debug" / "phaen"))
IN_CI = os.environ.get("CI") == "true"

# name → arguments of `phaen export`
DOCUMENTS = {
    "plan-1022-2567.docx": ["plan", "--unit", "1022", "--year", "2567", "--format", "docx"],
    "plan-1022-2567-arabic.docx": ["plan", "--unit", "1022", "--year", "2567", "--format", "docx", "--arabic-digits"],
    "plan-3001-2564.docx": ["plan", "--unit", "3001", "--year", "2564", "--format", "docx"],
    "agreement-1022-2567.docx": ["agreement", "--unit", "1022", "--year", "2567", "--format", "docx"],
    "report-4001-2567-h1.docx": ["report", "--unit", "4001", "--year", "2567", "--round", "h1", "--format", "docx"],
    "report-1016-2564-ye.docx": ["report", "--unit", "1016", "--year", "2564", "--round", "ye", "--format", "docx"],
    "city-2567.docx": ["city", "--year", "2567", "--format", "docx"],
    # The spreadsheets test_xlsx.py reads.
    "plan-1022-2567.xlsx": ["plan", "--unit", "1022", "--year", "2567", "--format", "xlsx"],
    "plan-1022-2567-thai.xlsx": ["plan", "--unit", "1022", "--year", "2567", "--format", "xlsx", "--thai-digits"],
    "agreement-1022-2567.xlsx": ["agreement", "--unit", "1022", "--year", "2567", "--format", "xlsx"],
    "disbursement-4001-2567.xlsx": ["report", "--unit", "4001", "--year", "2567", "--format", "xlsx"],
    # Named apart from test_xlsx.py's city-2567.xlsx, whose figures come from the Swift suite's
    # fixture (a reported Traffy result); the demo seed has no 1022 report, so only the generic
    # checks (formulas and their cached values, frozen headers, font) apply to this one.
    "city-2567-demo.xlsx": ["city", "--year", "2567", "--format", "xlsx"],
}
PDFS = {
    "plan-1022-2567.pdf": ["plan", "--unit", "1022", "--year", "2567", "--format", "pdf"],
    "report-4001-2567-h1.pdf": ["report", "--unit", "4001", "--year", "2567", "--round", "h1", "--format", "pdf"],
}

# A directory this run made (not one the user named), removed at the end.
MADE = None
# What went wrong while building, by file name (the tests report it instead of a bare skip).
FAILURES = {}
OUT = None


def unavailable(message):
    """Skip with the message, or fail under CI where every reader must run."""
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def _export(db, name, args):
    result = subprocess.run([str(BINARY), "export", *args, "--output", str(OUT / name), "--db", db],
                            capture_output=True, text=True, timeout=300, cwd=OUT)
    if result.returncode != 0:
        FAILURES[name] = f"phaen export {' '.join(args)} exited {result.returncode}: {result.stderr.strip()}"


def pytest_configure(config):
    global OUT
    preset = os.environ.get("PHAEN_DOC_OUT")
    global MADE
    OUT = Path(preset) if preset else Path(tempfile.mkdtemp(prefix="phaen-docs-"))
    MADE = None if preset else OUT
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ["PHAEN_DOC_OUT"] = str(OUT)
    if not BINARY.exists():
        FAILURES["*"] = f"{BINARY} is missing: run `swift build` first"
        return
    db = f"sqlite:{OUT / 'phaen.sqlite'}"
    seeded = subprocess.run([str(BINARY), "seed", "--db", db], capture_output=True, text=True, timeout=300)
    if seeded.returncode != 0:
        FAILURES["*"] = f"phaen seed failed: {seeded.stderr.strip()}"
        return
    for name, args in DOCUMENTS.items():
        _export(db, name, args)
    if shutil.which("chromium") or os.environ.get("PHAEN_CHROMIUM"):
        for name, args in PDFS.items():
            _export(db, name, args)
    else:
        for name in PDFS:
            FAILURES[name] = "Chromium is not installed (apt-get install chromium fonts-thai-tlwg): no PDF"


def pytest_unconfigure(config):
    if MADE is not None:
        shutil.rmtree(MADE, ignore_errors=True)


@pytest.fixture(scope="session")
def document():
    """The path of a built document, or the reason it could not be built."""
    def path(name):
        for key in ("*", name):
            if key in FAILURES:
                unavailable(FAILURES[key])
        p = OUT / name
        if not p.exists():
            unavailable(f"{name} was not written")
        return p
    return path
