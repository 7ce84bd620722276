"""Every word of the package that comes from the signed document is found in its text, and back.

This reads data/sumber/rkt-2024-kpu-kaltim.txt on its own, without
kinerja.source_text or kinerja.transcribe, so that a mistake there cannot hide
a mistake in the data. The text export keeps table cells separated by tabs; a
header row repeats on every page; a row continued on the next page has an
empty last (target) cell, and its pieces are the tail of the cells above,
joined with one space.

`fidelity_problems(root)` lists every disagreement; it is run on the real
package (none), and on copies where one word of one cell is changed (always one).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import FIXTURE, copy_package

SOURCE_REL = "data/sumber/rkt-2024-kpu-kaltim.txt"
HEADER_FIRST_CELLS = ("Sasaran Strategis", "Program/Kegiatan")
MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
          "oktober", "november", "desember")  # fmt: skip
CODE = re.compile(r"\(([0-9]{4}(?:\.[A-Z]{3})?(?:\.[0-9]{3})?)\)")


@dataclass
class SourceRow:
    """One table row as printed: its cells (joined over page breaks) and the pieces they came from."""

    lines: list[int]
    cells: list[str]
    pieces: list[list[str]]


@dataclass
class SourceTable:
    """One signed table of the document."""

    unit: str
    year: str
    title: str
    columns: list[str] = field(default_factory=list)
    rows: list[SourceRow] = field(default_factory=list)
    place_and_date: str = ""
    signature: list[str] = field(default_factory=list)


def read_source(text: str) -> list[SourceTable]:
    """The document's tables, read line by line from the tab-separated export."""
    tables: list[SourceTable] = []
    current: SourceTable | None = None
    previous_nonempty = ""
    in_signature = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = re.sub(r"</?i>", "", raw)
        stripped = line.strip()
        if stripped.startswith("Nama/Unit Organisasi"):
            current = SourceTable(unit=stripped.split(":", 1)[1].strip(), year="", title=previous_nonempty)
            tables.append(current)
            in_signature = False
        elif current is not None and stripped.startswith("Tahun Anggaran"):
            current.year = stripped.split(":", 1)[1].strip()
        elif current is not None and not in_signature and "\t" in line:
            cells = [cell.strip() for cell in line.split("\t")]
            if cells[0] in HEADER_FIRST_CELLS:
                current.columns = current.columns or cells
            elif all(re.fullmatch(r"\(\d+\)", c) for c in cells if c) or set(line) <= set("-\t "):
                pass
            elif cells[-1] == "":
                last = current.rows[-1]
                last.lines.append(number)
                for index, cell in enumerate(cells):
                    if cell:
                        last.cells[index] = f"{last.cells[index]} {cell}".strip()
                        last.pieces[index].append(cell)
            else:
                current.rows.append(SourceRow([number], cells, [[c] if c else [] for c in cells]))
        elif (
            current is not None
            and not in_signature
            and re.fullmatch(r"[A-Z][a-z]+, \d{1,2} [A-Z][a-z]+ \d{4}", stripped)
        ):
            current.place_and_date = stripped
            in_signature = True
        elif current is not None and in_signature and stripped:
            current.signature.append(stripped)
            if len(current.signature) >= 2 and current.signature[-2].endswith(","):
                current, in_signature = None, False
        if stripped:
            previous_nonempty = stripped
    return tables


def read_csv(root: Path, name: str) -> list[dict[str, str]]:
    """Rows of data/<name>.csv, read with the csv module only."""
    with (root / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _role(table: SourceTable, index: int) -> str:
    """What a column of a table holds: program, sasaran, indikator or target."""
    return ("program", "sasaran", "indikator", "target")[index + 4 - len(table.columns)]


def _package_values(package: dict[str, list[dict[str, str]]]) -> dict[str, list[str]]:
    indikator = package["indikator"]
    return {
        "program": [r["program_dicetak"] for r in indikator]
        + [r["teks_dicetak"] for r in package["program"]],
        "sasaran": [r["teks"] for r in package["sasaran"]],
        "indikator": [r["teks"] for r in indikator],
        "target": [r["target_dicetak"] for r in indikator],
    }


def _made_of(text: str, pieces: set[str]) -> bool:
    """Whether `text` is one or more source pieces joined by single spaces."""
    starts = {0}
    for start in range(len(text)):
        if start not in starts:
            continue
        for piece in pieces:
            if text.startswith(piece, start):
                stop = start + len(piece)
                if stop == len(text):
                    return True
                if text[stop] == " ":
                    starts.add(stop + 1)
    return False


def fidelity_problems(root: Path) -> list[str]:
    """Every disagreement between the package at `root` and its source text, as readable lines."""
    problems: list[str] = []
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    source_bytes = (root / SOURCE_REL).read_bytes()
    if hashlib.sha256(source_bytes).hexdigest() != descriptor["sources"][0]["sha256"]:
        problems.append("SHA-256 of the source differs from datapackage.json sources[0].sha256")
    source = source_bytes.decode("utf-8")
    tables = read_source(source)
    # Only the rows of the documents transcribed from this source (other years have their own).
    dokumen = [d for d in read_csv(root, "dokumen") if d["sumber"] == SOURCE_REL]
    ids = {d["id"] for d in dokumen}
    package = {"dokumen": dokumen}
    for name in ("program", "sasaran", "indikator", "anomali"):
        package[name] = [r for r in read_csv(root, name) if r["dokumen_id"] in ids]
    programs = {r["id"] for r in package["program"]}
    package["program_kode"] = [r for r in read_csv(root, "program_kode") if r["program_id"] in programs]
    if len(tables) != 2 or len(dokumen) != 2:
        return problems + [f"{len(tables)} tables in the source, {len(dokumen)} documents in the package"]

    # Each document: title, unit, year, columns, place, date and signer as printed.
    for table, doc in zip(tables, dokumen, strict=True):
        place, date = table.place_and_date.split(", ", 1)
        day, month, year = date.split()
        jabatan = next(i for i, line in enumerate(table.signature) if line.endswith(","))
        expected = {
            "judul_dicetak": table.title,
            "unit_dicetak": table.unit,
            "tahun": table.year,
            "kolom_dicetak": " | ".join(table.columns),
            "tempat": place,
            "tanggal_dicetak": date,
            "tanggal": f"{year}-{MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}",
            "jabatan_penanda_tangan": " ".join(table.signature[: jabatan + 1]),
            "nama_penanda_tangan": table.signature[jabatan + 1],
            "sumber": SOURCE_REL,
        }
        for column, value in expected.items():
            if doc[column] != value:
                problems.append(f"dokumen {doc['id']} {column}: {doc[column]!r} != source {value!r}")
        for column in ("judul_dicetak", "unit_dicetak", "tempat", "nama_penanda_tangan"):
            if doc[column] not in source:
                problems.append(f"dokumen {doc['id']} {column}: {doc[column]!r} does not occur in the source")

    # Row by row, in printed order: indicator, target, program and sasaran cells, and source lines.
    for table, doc in zip(tables, dokumen, strict=True):
        rows = sorted(
            (r for r in package["indikator"] if r["dokumen_id"] == doc["id"]), key=lambda r: int(r["urutan"])
        )
        sasaran = {r["id"]: r for r in package["sasaran"]}
        if len(rows) != len(table.rows):
            problems.append(f"{doc['id']}: {len(rows)} indicators, the source prints {len(table.rows)}")
        for printed, row in zip(table.rows, rows, strict=False):
            cells = dict(
                zip([_role(table, i) for i in range(len(printed.cells))], printed.cells, strict=True)
            )
            checks = {
                "teks": cells["indikator"],
                "target_dicetak": cells["target"],
                "program_dicetak": cells.get("program", ""),
                "baris_sumber": ";".join(map(str, printed.lines)),
            }
            for column, value in checks.items():
                if row[column] != value:
                    problems.append(f"indikator {row['id']} {column}: {row[column]!r} != source {value!r}")
            if cells["sasaran"] and sasaran.get(row["sasaran_id"], {}).get("teks") != cells["sasaran"]:
                problems.append(
                    f"indikator {row['id']}: sasaran {row['sasaran_id']} is not {cells['sasaran']!r}"
                )
        printed_sasaran = [r.cells[-3] for r in table.rows if r.cells[-3]]
        stored = [
            r["teks"]
            for r in sorted(package["sasaran"], key=lambda r: int(r["urutan"]))
            if r["dokumen_id"] == doc["id"]
        ]
        if stored != printed_sasaran:
            problems.append(f"{doc['id']}: sasaran texts differ from the printed sasaran cells")

    # Every piece of every cell occurs word for word in the package, with the right neighbours.
    values = _package_values(package)
    pieces: dict[str, set[str]] = {role: set() for role in values}
    for table in tables:
        for printed in table.rows:
            for index, parts in enumerate(printed.pieces):
                role = _role(table, index)
                pieces[role].update(parts)
                for position, part in enumerate(parts):
                    if len(parts) == 1:
                        found = part in values[role]
                    elif position == 0:
                        found = any(v.startswith(part + " ") for v in values[role])
                    elif position == len(parts) - 1:
                        found = any(v.endswith(" " + part) for v in values[role])
                    else:
                        found = any(f" {part} " in v for v in values[role])
                    if not found:
                        problems.append(
                            f"source line {printed.lines[0]}: {role} piece {part!r} not in the package"
                        )

    # Every package text is made only of pieces found in the source.
    for role, texts in values.items():
        for text in texts:
            if text and not _made_of(text, pieces[role]):
                problems.append(f"{role} text {text!r} is not made of source pieces")

    # Programs: numbered in order of first appearance, with the cell as printed there.
    for doc in dokumen:
        first: dict[str, str] = {}
        rows = sorted(
            (r for r in package["indikator"] if r["dokumen_id"] == doc["id"]), key=lambda r: int(r["urutan"])
        )
        for row in rows:
            if row["program_dicetak"]:
                first.setdefault(row["program_id"], row["program_dicetak"])
        programs = sorted(
            (p for p in package["program"] if p["dokumen_id"] == doc["id"]), key=lambda p: int(p["urutan"])
        )
        if [p["id"] for p in programs] != list(first):
            problems.append(f"{doc['id']}: programs are not in order of first appearance")
        for program in programs:
            if first.get(program["id"]) != program["teks_dicetak"]:
                problems.append(
                    f"program {program['id']} teks_dicetak is not the cell printed where it first appears"
                )

    # Programs: name and budget codes are the printed cell without / within its parentheses.
    kode = {}
    for row in package["program_kode"]:
        kode.setdefault(row["program_id"], []).append(row)
    for program in package["program"]:
        printed = program["teks_dicetak"]
        nama = re.sub(r" dan$", "", " ".join(CODE.sub(" ", printed).split()))
        if program["nama"] != nama:
            problems.append(f"program {program['id']} nama: {program['nama']!r} != {nama!r}")
        segments = [re.sub(r"^dan ", "", s.strip()) for s in CODE.split(printed)[0:-1:2]]
        expected = [(c, s) for c, s in zip(CODE.findall(printed), segments, strict=True)]
        stored = [
            (r["kode"], r["nama_kegiatan"])
            for r in sorted(kode.get(program["id"], []), key=lambda r: int(r["urutan"]))
        ]
        if stored != expected:
            problems.append(f"program {program['id']}: budget codes {stored} != printed {expected}")
        for row in kode.get(program["id"], []):
            parts = row["kode"].split(".") + ["", ""]
            if [row["kode_kegiatan"], row["kode_kro"], row["kode_ro"]] != parts[:3]:
                problems.append(
                    f"program_kode {row['program_id']}/{row['urutan']}: parts do not split {row['kode']}"
                )

    # Anomalies quote the document: every quoted text occurs in a printed cell or line.
    joined = [c for table in tables for r in table.rows for c in r.cells] + source.split("\n")
    for row in package["anomali"]:
        if row["teks_dicetak"] and not any(row["teks_dicetak"] in c for c in joined):
            problems.append(f"anomali {row['id']} teks_dicetak {row['teks_dicetak']!r} not in the source")
    return problems


@pytest.fixture(scope="module")
def tables() -> list[SourceTable]:
    """The tables of the real source text, read independently."""
    return read_source((FIXTURE / SOURCE_REL).read_text(encoding="utf-8"))


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
        if not fidelity_problems(root):
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
