"""Importing an RKT document: the 2024 text and a Word file reproduce the committed package."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from _site import copy_project
from conftest import FIXTURE
from kinerja import csvio
from kinerja.errors import ProblemsFound
from kinerja.ingest import importer, reading
from kinerja.ingest.docx import docx_to_text
from kinerja.update import import_document
from kinerja.validate import validate

SOURCE = FIXTURE / "data" / "sumber" / "rkt-2024-kpu-kaltim.txt"
RESOURCES = ("dokumen", "program", "program_kode", "sasaran", "indikator")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p")


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_transcribing_the_2024_text_again_reproduces_the_package_exactly(project):
    before = tree(project / "data")
    descriptor = (project / "datapackage.json").read_bytes()
    source = reading.read_source(SOURCE)
    tables = reading.tables_of(source)
    lines = importer.write_import(project, source, importer.plan(project, source, tables, [("64", "")] * 2))
    assert "62 indikator" in lines[0]
    assert tree(project / "data") == before
    assert (project / "datapackage.json").read_bytes() == descriptor


def test_a_document_already_imported_changes_nothing(project):
    before = tree(project)
    report = import_document(project, project / "data" / "sumber" / SOURCE.name)
    assert "sudah diimpor" in report and "data/sumber/rkt-2024-kpu-kaltim.txt" in report
    assert tree(project) == before


def write_cell(cell, value: str) -> None:
    """A table cell as Word writes it: 'Database' in italics, a page break inside long cells."""
    paragraph = cell.paragraphs[0]
    words = value.split(" ")
    for number, word in enumerate(words):
        run = paragraph.add_run(word + (" " if number < len(words) - 1 else ""))
        run.italic = word == "Database"
        if number == 5 and len(words) > 12:  # the row continues on the next page
            paragraph.add_run().add_break(WD_BREAK.PAGE)


def write_docx(path: Path, text_source: Path) -> None:
    """A Word version of the document: real tables, repeated headers, vertically merged cells,
    italic runs and page breaks inside rows."""
    from kinerja.ingest.source_text import read_file

    document = docx.Document()
    for table in read_file(text_source):
        document.add_paragraph(table.title)
        document.add_paragraph(f"Nama/Unit Organisasi : {table.unit}")
        document.add_paragraph(f"Tahun Anggaran : {table.tahun}")
        grid = document.add_table(rows=0, cols=len(table.columns))
        page = 0
        merge_from: dict[int, object] = {}
        for row in table.rows:
            if row.halaman_tabel != page:
                page = row.halaman_tabel
                for values in (table.columns, [f"({n})" for n in range(1, len(table.columns) + 1)]):
                    cells = grid.add_row().cells
                    for cell, value in zip(cells, values, strict=True):
                        cell.text = value
                merge_from = {}
            cells = grid.add_row().cells
            for index, value in enumerate(row.cells):
                if value or index == len(row.cells) - 1 or index not in merge_from:
                    write_cell(cells[index], value)
                    merge_from[index] = cells[index]
                else:
                    merge_from[index] = merge_from[index].merge(cells[index])
        document.add_paragraph(f"{table.tempat}, {table.tanggal}")
        document.add_paragraph(table.jabatan)
        document.add_paragraph(table.penanda_tangan)
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.save(str(path))


def test_a_word_document_gives_the_same_rows(project, tmp_path):
    path = tmp_path / "rkt-2024-kpu-kaltim.docx"
    write_docx(path, SOURCE)
    assert "\t" in docx_to_text(path)
    for name in RESOURCES:  # start from an empty package so nothing is matched by accident
        rows = csvio.read(project / "data" / f"{name}.csv")
        csvio.write(project / "data" / f"{name}.csv", list(rows[0]), [])
    source = reading.read_source(path)
    rows = importer.plan(project, source, reading.tables_of(source), [("64", "")] * 2)
    for name in RESOURCES:
        committed = csvio.read(FIXTURE / "data" / f"{name}.csv")
        imported = getattr(rows, name)
        ignore = {"baris_sumber", "sumber"}
        assert [{k: v for k, v in r.items() if k not in ignore} for r in imported] == [
            {k: v for k, v in r.items() if k not in ignore} for r in committed
        ], name


def test_a_new_year_keeps_2024_and_gets_its_own_identifiers(project, tmp_path):
    text = SOURCE.read_text(encoding="utf-8").replace("Tahun Anggaran : 2024", "Tahun Anggaran : 2025")
    text = text.replace(
        "Persentase penegakan disiplin pegawai\t90%", "Persentase penegakan disiplin pegawai\t95%"
    )
    source = tmp_path / "rkt-2025-kpu-kaltim.txt"
    source.write_text(text, encoding="utf-8")
    before = {n: csvio.read(project / "data" / f"{n}.csv") for n in RESOURCES}
    import_document(project, source)
    after = {n: csvio.read(project / "data" / f"{n}.csv") for n in RESOURCES}
    for name in RESOURCES:
        assert after[name][: len(before[name])] == before[name], "baris 2024 tidak boleh berubah"
    new_docs = [r["id"] for r in after["dokumen"][len(before["dokumen"]) :]]
    assert new_docs == ["RKT25-K", "RKT25-S"]
    new_ids = [r["id"] for r in after["indikator"][len(before["indikator"]) :]]
    assert new_ids[0] == "IK25-K01" and new_ids[-1] == "IK25-S56"
    s09 = next(r for r in after["indikator"] if r["id"] == "IK25-S09")
    assert s09["target_dicetak"] == "95%"
    assert (project / "data" / "sumber" / source.name).is_file()
    assert validate(project) == []


def test_reading_accepts_text_and_refuses_garbage(tmp_path):
    assert len(reading.tables_of(reading.read_source(SOURCE))) == 2
    bad = tmp_path / "x.txt"
    bad.write_text("bukan dokumen RKT\n", encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        reading.tables_of(reading.read_source(bad))
    (problem,) = caught.value.problems
    assert problem.file == "x.txt" and "tidak ada tabel RKT" in problem.what
    shutil.rmtree(tmp_path)
