"""Legitimate but dangerous-looking text (HTML, Jinja, formulas, links, long text) stays inert.

All legitimate cases of the broken-input corpus are written into one copy of the
project (each indicator text into its own indicator), the real pipeline builds
it, and the pages and downloads are read back.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import openpyxl
import pytest

from _site import Builder, copy_project
from conftest import FIXTURE, apply_step, case_names, legitimate_cells
from kinerja import csvio
from kinerja.validate.claims import doc_lines

_NOTED = {r["rujukan_id"] for r in csvio.read(FIXTURE / "data" / "anomali.csv")}
#: Printed lines a glossary entry cites (its acronym must stay printed there), and the rows printed on them.
_CITED_LINES = {n for g in csvio.read(FIXTURE / "data" / "glosarium.csv") for n in doc_lines(g["rujukan"])}
_NOTED |= {
    r["id"]
    for name in ("indikator", "sasaran")
    for r in csvio.read(FIXTURE / "data" / f"{name}.csv")
    if {int(n) for n in r.get("baris_sumber", "").split(";") if n.isdigit()} & _CITED_LINES
}
SPARE = {
    "data/indikator.csv": [i for i in (f"IK24-S{n:02d}" for n in range(10, 56)) if i not in _NOTED],
    "data/sasaran.csv": [i for i in (f"SS24-S{n:02d}" for n in range(3, 46)) if i not in _NOTED],
}


@pytest.fixture(scope="module")
def placed(tmp_path_factory: pytest.TempPathFactory, builder: Builder) -> tuple[Path, list[dict[str, str]]]:
    project = copy_project(tmp_path_factory.mktemp("aman") / "p")
    spare = {name: iter(rows) for name, rows in SPARE.items()}
    cells = []
    for name in case_names(legitimate=True):
        for cell in legitimate_cells(name):
            if cell["file"] in spare and cell["column"] == "teks":
                cell = {**cell, "row": next(spare[cell["file"]])}
            args = {k: cell[k] for k in ("row", "column", "value")}
            # A printed text (indicator, sasaran) is also printed so in the copy's signed text,
            # so that validation's fidelity rule holds for the legitimate value.
            args["printed"] = cell["column"] == "teks" and cell["file"] in SPARE
            apply_step(project, cell["file"], "set_cell", args)
            cells.append({**cell, "case": name})
    result = builder.build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site", cells


def page_for(site: Path, cell: dict[str, str]) -> Path:
    kind = Path(cell["file"]).stem
    if kind == "anomali":
        return site / "tentang-data" / "index.html"
    return site / "kinerja" / kind / str(cell["row"]).lower() / "index.html"


def visible(source: str) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", source, flags=re.S)
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(html.unescape(text).split())


def test_there_are_legitimate_cases():
    assert len(case_names(legitimate=True)) >= 8


def test_pages_show_the_text_exactly_and_run_nothing(placed):
    site, cells = placed
    for cell in cells:
        source = page_for(site, cell).read_text(encoding="utf-8")
        assert " ".join(cell["value"].split()) in visible(source), cell["case"]
    every = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "<script>alert(1)</script>" not in every
    assert "<img src=x" not in every and "<s>data</s>" not in every
    assert 'href="javascript:' not in every.lower()
    jinja = next(c for c in cells if "{{ 7*7 }}" in c["value"])
    assert "{{ 7*7 }}" in visible(page_for(site, jinja).read_text(encoding="utf-8"))


def test_downloads_neutralise_formulas(placed):
    site, cells = placed
    formulas = [c for c in cells if c["file"] == "data/indikator.csv" and c["value"][:1] in "=+-@"]
    assert formulas
    text = (site / "berkas" / "indikator-lengkap.csv").read_text(encoding="utf-8-sig")
    rows = {r["indikator_id"]: r for r in csv.DictReader(io.StringIO(text))}
    book = openpyxl.load_workbook(site / "berkas" / "indikator-lengkap.xlsx")
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    column = header.index("indikator_teks") if "indikator_teks" in header else header.index("teks")
    by_id = {r[0].value: r[column] for r in sheet.iter_rows(min_row=2)}
    for cell in formulas:
        shown = next(v for k, v in rows[cell["row"]].items() if k in ("indikator_teks", "teks"))
        assert shown == "'" + cell["value"], cell["case"]
        assert by_id[cell["row"]].data_type == "s" and by_id[cell["row"]].value == cell["value"]
    canonical = {r["id"]: r["teks"] for r in csvio.read(site / "data" / "indikator.csv")}
    assert all(canonical[c["row"]] == c["value"] for c in formulas), "data kanonik tidak diubah"
