"""Every word of the package that comes from the signed document is found in its text, and back.

The rule is validation's (kinerja.validate.source, run by `make validate` on the live package): it
reads each document's text on its own, without kinerja.ingest, so that a mistake of the importer
cannot hide a mistake in the data. Here it runs on the frozen package (no problem), on copies where
one word of one cell is changed (always a problem), and on a package with a second year.

`fidelity_problems(root)` is what validation says about a copy, every layer run even when an earlier
one found something: the recorded SHA-256 of the sources, the checks of meaning and the source rule.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from _site import copy_project
from conftest import FIXTURE, copy_package
from kinerja import csvio
from kinerja.datapackage import DataPackage
from kinerja.domain import layout
from kinerja.update import import_document
from kinerja.validate import domain_checks, source_checks, validate
from kinerja.validate.descriptor import check_sources
from kinerja.validate.source import SourceTable, read_tables

SOURCE_REL = "data/sumber/rkt-2024-kpu-kaltim.txt"
NEXT_YEAR = FIXTURE.parent / "impor" / "rkt-2025-contoh.txt"


def read_csv(root: Path, name: str) -> list[dict[str, str]]:
    """Rows of data/<name>.csv, read with the csv module only."""
    with (root / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def fidelity_problems(root: Path) -> list[str]:
    """What validation says about the package at `root` and its sources, as readable lines."""
    package = DataPackage(root)
    text = (package.read("datapackage.json") or b"").decode("utf-8")
    descriptor = json.loads(text)
    problems = check_sources(package, descriptor, text) + domain_checks(package, descriptor)
    problems += source_checks(package, descriptor)
    return [str(p) for p in problems]


def caught(root: Path) -> bool:
    """Whether validation finds any problem in the package at `root`: `bool(fidelity_problems(root))`.

    The same layers, stopped at the first that finds one (the source rule before the checks of
    meaning, as it catches a changed word whatever the column), for the tests that change many cells.
    """
    package = DataPackage(root)
    text = (package.read("datapackage.json") or b"").decode("utf-8")
    descriptor = json.loads(text)
    layers: list[Callable[[], list]] = [
        lambda: check_sources(package, descriptor, text),
        lambda: source_checks(package, descriptor),
        lambda: domain_checks(package, descriptor),
    ]
    return any(layer() for layer in layers)


@pytest.fixture(scope="module")
def tables() -> list[SourceTable]:
    """The tables of the frozen source text, read by validation's own reader."""
    return read_tables((FIXTURE / SOURCE_REL).read_text(encoding="utf-8"))


def test_the_package_agrees_with_the_source() -> None:
    assert fidelity_problems(FIXTURE) == []


def test_counts(tables: list[SourceTable]) -> None:
    assert [len(t.rows) for t in tables] == [6, 56]
    assert sum(len(t.rows) for t in tables) == 62
    assert sum(1 for r in tables[0].rows if r.cells[0]) == 5
    indikator = read_csv(FIXTURE, "indikator")
    assert len(indikator) == 62
    assert sum(r["dokumen_id"] == "RKT24-K" for r in indikator) == 6
    assert sum(r["dokumen_id"] == "RKT24-S" for r in indikator) == 56
    assert sum(r["dokumen_id"] == "RKT24-K" for r in read_csv(FIXTURE, "sasaran")) == 5


def test_rows_continued_over_a_page_are_joined(tables: list[SourceTable]) -> None:
    continued = {r.lines[0]: r for t in tables for r in t.rows if len(r.lines) > 1}
    assert sorted(continued) == [90, 115, 127, 136]
    assert continued[115].cells[2] == "Penurunan jumlah sengketa hukum yang diajukan ke Mahkamah Konstitusi"
    assert continued[90].cells[0] == "Operasional Perkantoran dan Dukungan Sarana Prasarana (3360)"


def test_every_target_as_printed(tables: list[SourceTable]) -> None:
    printed = [r.cells[-1] for t in tables for r in t.rows]
    stored = [r["target_dicetak"] for r in read_csv(FIXTURE, "indikator")]
    assert stored == printed
    assert "87.5%" in printed and "36,36% (4 satker)" in printed and "2 Lap" in printed


def test_signers_occur_in_the_source() -> None:
    source = (FIXTURE / SOURCE_REL).read_text(encoding="utf-8")
    lines = [line.strip() for line in source.split("\n")]
    for doc in read_csv(FIXTURE, "dokumen"):
        assert doc["nama_penanda_tangan"] in lines
        assert f"{doc['tempat']}, {doc['tanggal_dicetak']}" in lines
        words = " ".join(source.split())
        assert doc["jabatan_penanda_tangan"] in words
        assert f"Nama/Unit Organisasi : {doc['unit_dicetak']}" in lines


def test_source_sha256_is_recorded() -> None:
    descriptor = json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256((FIXTURE / SOURCE_REL).read_bytes()).hexdigest()
    assert descriptor["sources"][0]["path"] == SOURCE_REL
    assert descriptor["sources"][0]["sha256"] == digest


# --- the check must be able to fail: change one word of one cell, anywhere -------------------------

#: Columns whose text comes from the document (uraian/dampak of anomali are commentary, not checked).
SOURCE_COLUMNS = {
    "indikator": ("teks", "target_dicetak", "program_dicetak", "baris_sumber"),
    "sasaran": ("teks",),
    "program": ("teks_dicetak", "nama"),
    "program_kode": ("kode", "kode_kegiatan", "kode_kro", "kode_ro", "nama_kegiatan"),
    "dokumen": (
        "judul_dicetak", "unit_dicetak", "kolom_dicetak", "tempat", "tanggal", "tanggal_dicetak",
        "jabatan_penanda_tangan", "nama_penanda_tangan", "tahun",
    ),
    "anomali": ("teks_dicetak",),
}  # fmt: skip


def change_one_word(value: str) -> str:
    """The value with its middle word (or number) changed, the rest untouched."""
    words = list(re.finditer(r"\w+", value))
    word = words[len(words) // 2]
    changed = word[0][::-1] if word[0][::-1] != word[0] else word[0] + "x"
    return value[: word.start()] + changed + value[word.end() :]


def one_word_changes() -> Iterator[tuple[str, int, str]]:
    """Every (file, row index, column) of a non-empty source-derived cell."""
    for name, columns in SOURCE_COLUMNS.items():
        for index, row in enumerate(read_csv(FIXTURE, name)):
            for column in columns:
                if re.search(r"\w", row[column]):
                    yield name, index, column


def test_change_one_word_changes_a_word() -> None:
    assert change_one_word("Persentase penegakan disiplin pegawai") == "Persentase penegakan nilpisid pegawai"
    assert change_one_word("100%") == "001%"
    assert change_one_word("Aliuk") == "kuilA"


@pytest.mark.parametrize("name", list(SOURCE_COLUMNS))
def test_a_changed_word_in_any_cell_is_caught(name: str, tmp_path: Path) -> None:
    root = copy_package(tmp_path / "paket")
    path = root / "data" / f"{name}.csv"
    original = path.read_bytes()
    rows = read_csv(root, name)
    fieldnames = list(rows[0])
    changes = [(i, column) for file, i, column in one_word_changes() if file == name]
    assert changes

    def write(mutated: list[dict[str, str]]) -> None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fieldnames, lineterminator="\n")
            writer.writeheader()
            writer.writerows(mutated)

    write(rows)
    assert fidelity_problems(root) == [], "rewriting the file unchanged must not matter"
    missed = []
    for index, column in changes:
        mutated = [dict(row) for row in rows]
        mutated[index][column] = change_one_word(rows[index][column])
        write(mutated)
        if not caught(root):
            missed.append(f"{name} row {index + 2} {column}: {mutated[index][column]!r}")
        path.write_bytes(original)
    assert not missed, "changed words not caught:\n" + "\n".join(missed)
    assert fidelity_problems(root) == []


def test_a_changed_word_in_the_source_is_caught(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "paket")
    source = root / SOURCE_REL
    source.write_text(
        source.read_text(encoding="utf-8").replace("Fahmi Idris", "Fahmi Idrus"), encoding="utf-8"
    )
    problems = fidelity_problems(root)
    assert any("SHA-256" in p for p in problems)
    assert any("Fahmi Idris" in p for p in problems)


@pytest.mark.parametrize(
    ("name", "identifier", "column", "value"),
    [
        ("indikator", "IK24-S38", "teks",
         "Penurunan jumlah sengketa hukum yang diajukan ke Mahkamah  Konstitusi"),
        ("indikator", "IK24-S13", "teks",
         "Persentase pegawai yang tercatat secara akurat dalam <i>Database</i> kepegawaian berbasis "
         "teknologi informasi"),
        ("indikator", "IK24-S22", "target_dicetak", "87,5%"),
        ("indikator", "IK24-S33", "teks",
         "Persentase satker yang mendistribusikan logistik Pemilu/Pemilihan secara tepat sasaran, "
         "tepat jumlah, tepat jenis, tepat mutu, dan tepat waktu"),
        ("sasaran", "SS24-S20", "teks",
         "Terwujudnya dukungan sarana dan prasarana guna meningkatkan kelancaran tugas KPU"),
        ("dokumen", "RKT24-S", "unit_dicetak", "Sekretariat KPU Provinsi Kalimantan Timur"),
        ("program", "PG24-S05", "teks_dicetak", "Pengelolaan Keuangan dan Barang Milik Negara (3355)"),
    ],
)  # fmt: skip
def test_tidying_the_official_text_is_caught(
    name: str, identifier: str, column: str, value: str, tmp_path: Path
) -> None:
    """Correcting a typo, a decimal point or a double space of the document is a change too."""
    root = copy_package(tmp_path / "paket")
    rows = read_csv(root, name)
    (row,) = (r for r in rows if r["id"] == identifier)
    assert row[column] != value
    row[column] = value
    with (root / "data" / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert fidelity_problems(root)


# --- a tafsiran note for every reading of the layout ----------------------------------------------


def layout_readings(root: Path) -> list[layout.Reading]:
    """Every layout reading of the package at `root` (merged cells, rows joined over a page break)."""
    dokumen = {d["id"]: d for d in read_csv(root, "dokumen")}
    found = []
    for row in read_csv(root, "indikator"):
        doc = dokumen[row["dokumen_id"]]
        lines = (root / doc["sumber"]).read_text(encoding="utf-8").split("\n")
        found += layout.readings(row, len(doc["kolom_dicetak"].split(" | ")), lines)
    return found


def test_every_layout_reading_of_the_fixture_has_its_note() -> None:
    readings = layout_readings(FIXTURE)
    assert len(readings) == 48
    assert {r.column for r in readings} == {"program_id", "sasaran_id", "teks"}
    assert validate(FIXTURE) == []


def test_a_removed_tafsiran_note_is_named(mutated_copy) -> None:
    root = mutated_copy("data/anomali.csv", [{"delete_row": {"row": "AN24-19"}}])
    (problem,) = validate(root)
    assert (problem.code, problem.file, problem.field) == (
        "tafsiran_tanpa_catatan",
        "data/indikator.csv",
        "program_id",
    )
    assert problem.row == 1 + next(
        i for i, r in enumerate(read_csv(root, "indikator"), 1) if r["id"] == "IK24-S03"
    )
    assert "IK24-S03" in problem.what and "data/anomali.csv" in problem.what and "tafsiran" in problem.fix


@pytest.fixture(scope="module")
def next_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen project with a 2025 plan imported (tests/fixtures/impor/rkt-2025-contoh.txt)."""
    project = copy_project(tmp_path_factory.mktemp("tahun-baru") / "p")
    import_document(project, NEXT_YEAR)
    return project


def test_the_importer_notes_each_of_its_readings(next_year: Path) -> None:
    notes = [n for n in read_csv(next_year, "anomali") if n["dokumen_id"].startswith("RKT25-")]
    readings = [r for r in layout_readings(next_year) if r.dokumen_id.startswith("RKT25-")]
    assert len(notes) == len(readings) == 48
    assert [n["id"] for n in notes] == [f"AN25-{n:02d}" for n in range(1, 49)]
    assert {(n["rujukan_id"], n["kolom"]) for n in notes} == {(r.indikator_id, r.column) for r in readings}
    assert all(n["kategori"] == "tafsiran" and "tafsiran" in n["dampak"] for n in notes)
    assert validate(next_year) == []


def test_a_next_year_without_notes_gets_the_list_of_missing_notes(next_year: Path, tmp_path: Path) -> None:
    root = copy_package(tmp_path / "p", source=next_year)
    rows = csvio.read(root / "data" / "anomali.csv")
    csvio.write(
        root / "data" / "anomali.csv", list(rows[0]), [r for r in rows if not r["id"].startswith("AN25-")]
    )
    problems = validate(root)
    assert len(problems) == 48
    assert {p.code for p in problems} == {"tafsiran_tanpa_catatan"}
    assert all(p.file == "data/indikator.csv" and p.row and "IK25-" in p.what for p in problems)


def test_a_next_year_is_checked_against_its_own_text(next_year: Path, tmp_path: Path) -> None:
    root = copy_package(tmp_path / "p", source=next_year)
    rows = csvio.read(root / "data" / "indikator.csv")
    row = next(r for r in rows if r["id"] == "IK25-S09")
    row["teks"] = change_one_word(row["teks"])
    csvio.write(root / "data" / "indikator.csv", list(rows[0]), rows)
    problems = fidelity_problems(root)
    assert problems and all("rkt-2025-contoh.txt" in p for p in problems), problems
    row["teks"], row["baris_sumber"] = next(r for r in csvio.read(next_year / "data" / "indikator.csv")
                                            if r["id"] == "IK25-S09")["teks"], "9999"  # fmt: skip
    csvio.write(root / "data" / "indikator.csv", list(rows[0]), rows)
    assert any("baris_sumber_salah" in p for p in fidelity_problems(root))


# --- each problem of the source rule, as validation reports it ------------------------------------


def cell(row: str, column: str, value: str) -> dict:
    """A step setting one cell of the copy (row = the id in its first column)."""
    return {"set_cell": {"row": row, "column": column, "value": value}}


def _rewrite_source(root: Path, change: Callable[[list[str]], list[str]]) -> None:
    """Change the lines of the copy's source text, and record its new SHA-256 (a new signed text)."""
    path = root / SOURCE_REL
    path.write_text("\n".join(change(path.read_text(encoding="utf-8").split("\n"))), encoding="utf-8")
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    (source,) = (s for s in descriptor["sources"] if s["path"] == SOURCE_REL)
    source["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    (root / "datapackage.json").write_text(text, encoding="utf-8")


def test_a_changed_word_is_named_once_with_file_row_and_column(mutated_copy) -> None:
    value = "Persentase pegawai yang diseleksi"
    root = mutated_copy("data/indikator.csv", [cell("IK24-S10", "teks", value)])
    (problem,) = validate(root)
    assert (problem.code, problem.file, problem.field) == ("beda_dengan_sumber", "data/indikator.csv", "teks")
    assert f"{SOURCE_REL}, baris 71" in problem.fix and "Persentase pegawai yang terseleksi" in problem.what


def test_programs_out_of_printed_order_are_named(mutated_copy) -> None:
    root = mutated_copy(
        "data/program.csv", [cell("PG24-S01", "urutan", "2"), cell("PG24-S02", "urutan", "1")]
    )
    (problem,) = validate(root)
    assert (problem.code, problem.file) == ("urutan_tidak_sesuai_sumber", "data/program.csv")


def test_a_printed_row_missing_from_the_package_is_counted_and_named(package_copy: Path) -> None:
    row = "\t\tPersentase uji yang tidak ada di data\t100%"
    # On the empty line before the signature, so that no other line number moves.
    _rewrite_source(package_copy, lambda lines: lines[:145] + [row] + lines[146:])
    problems = validate(package_copy)
    assert {p.code for p in problems} == {"jumlah_tidak_sesuai_sumber", "tidak_ada_di_sumber"}
    (count,) = (p for p in problems if p.code == "jumlah_tidak_sesuai_sumber")
    assert "RKT24-S" in count.what and "56" in count.what and "57" in count.what


def test_a_revision_that_rewords_a_row_stays_valid(tmp_path: Path) -> None:
    """The reworded row gets a new code and a new note; notes naming the old code still find it (archive)."""
    project = copy_project(tmp_path / "p")
    text = (project / SOURCE_REL).read_text(encoding="utf-8")
    old = "Persentase pegawai yang terseleksi\t100%"
    assert old in text
    revised = tmp_path / "rkt-2024-kpu-kaltim-revisi-1.txt"
    revised.write_text(
        text.replace(old, "Persentase pegawai yang terseleksi dengan baik\t100%"), encoding="utf-8"
    )
    report = import_document(project, revised, alasan="Perbaikan rumusan indikator", tanggal="2024-05-02")
    assert "catatan tafsiran tata letak" in report
    assert validate(project) == []
    notes = read_csv(project, "anomali")
    assert any("IK24-S10" in n["uraian"] for n in notes), "a note still names the archived code"
