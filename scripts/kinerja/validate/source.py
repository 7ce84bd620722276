"""The package against the text of its signed documents, read here on its own.

Every document row names its source in `sumber` (data/sumber/…; a Word or PDF
file has its text form beside it, `<file>.txt`, to which `baris_sumber` points).
This module reads that text without kinerja.ingest, so that a mistake of the
importer cannot hide a mistake in the data: the text export keeps table cells
separated by tabs, a header row repeats on every page, and a row continued on
the next page has an empty last (target) cell, its pieces being the tail of the
cells above, joined with one space.

Two rules, both for any number of documents, years, offices and revisions:
- fidelity: every printed cell, title, unit, place, date and signer is in the
  package word for word, in printed order, and every package text is made only
  of printed pieces (`beda_dengan_sumber`, `tidak_ada_di_sumber`);
- layout readings: a program or sasaran read from an empty (merged) cell, or a
  row joined over a page break, has a note of category `tafsiran` in
  data/anomali.csv (`tafsiran_tanpa_catatan`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..datapackage import DataPackage
from ..domain import layout
from ..errors import Problem
from ..problems import (
    BARIS_SUMBER_SALAH,
    BEDA_DENGAN_SUMBER,
    JUMLAH_INDIKATOR_TIDAK_SESUAI_SUMBER,
    JUMLAH_SASARAN_TIDAK_SESUAI_SUMBER,
    TAFSIRAN_TANPA_CATATAN,
    TIDAK_ADA_DI_SUMBER,
    URUTAN_TIDAK_SESUAI_SUMBER,
)

_HEADER_FIRST_CELLS = ("Sasaran Strategis", "Program/Kegiatan")
_MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
           "oktober", "november", "desember")  # fmt: skip
_SIGNED = re.compile(r"[A-Z][A-Za-z ]+, \d{1,2} [A-Z][a-z]+ \d{4}")


@dataclass
class SourceRow:
    """One table row as printed: its cells (joined over page breaks) and the pieces they came from."""

    lines: list[int]
    cells: list[str]
    pieces: list[list[str]]


@dataclass
class SourceTable:
    """One signed table of a document."""

    unit: str
    year: str
    title: str
    columns: list[str] = field(default_factory=list)
    rows: list[SourceRow] = field(default_factory=list)
    place_and_date: str = ""
    signature: list[str] = field(default_factory=list)

    def role(self, index: int) -> str:
        """What a column holds: program, sasaran, indikator or target (tables end with the last three)."""
        return ("program", "sasaran", "indikator", "target")[index + 4 - len(self.columns)]


def read_tables(text: str) -> list[SourceTable]:
    """The signed tables of a text form, read line by line."""
    tables: list[SourceTable] = []
    current: SourceTable | None = None
    previous_nonempty = ""
    in_signature = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = re.sub(r"</?(?:i|b|em|strong|u)>", "", raw)
        stripped = line.strip()
        if re.match(r"Nama/Unit Organisasi\s*:", stripped):
            current = SourceTable(stripped.split(":", 1)[1].strip(), "", previous_nonempty)
            tables.append(current)
            in_signature = False
        elif current is not None and re.match(r"Tahun Anggaran\s*:", stripped):
            current.year = stripped.split(":", 1)[1].strip()
        elif current is not None and not in_signature and "\t" in line:
            cells = [cell.strip() for cell in line.split("\t")]
            if cells[0] in _HEADER_FIRST_CELLS:
                current.columns = current.columns or cells
            elif all(re.fullmatch(r"\(\d+\)", c) for c in cells if c) or set(line) <= set("-\t "):
                pass
            elif cells[-1] == "" and current.rows:
                last = current.rows[-1]
                last.lines.append(number)
                for index, cell in enumerate(cells[: len(last.cells)]):
                    if cell:
                        last.cells[index] = f"{last.cells[index]} {cell}".strip()
                        last.pieces[index].append(cell)
            else:
                current.rows.append(SourceRow([number], cells, [[c] if c else [] for c in cells]))
        elif current is not None and not in_signature and _SIGNED.fullmatch(stripped):
            current.place_and_date = stripped
            in_signature = True
        elif current is not None and in_signature and stripped:
            current.signature.append(stripped)
            if len(current.signature) >= 2 and current.signature[-2].endswith(","):
                current, in_signature = None, False
        if stripped:
            previous_nonempty = stripped
    return tables


def source_checks(package: DataPackage, descriptor: dict) -> list[Problem]:
    """Layer 4: the package against the text of its documents (run once layers 1–3 found nothing)."""
    paths = {r["name"]: r["path"] for r in descriptor["resources"]}
    if not {"dokumen", "program", "sasaran", "indikator", "anomali"} <= set(paths):
        return []
    return check(package, paths, {name: package.rows_at(path) or [] for name, path in paths.items()})


def check(
    package: DataPackage, paths: dict[str, str], rows: dict[str, list[dict[str, str]]]
) -> list[Problem]:
    """Fidelity to the source text and a tafsiran note for every layout reading, per source text."""
    by_text: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for number, doc in enumerate(rows["dokumen"], start=2):
        rel = layout.text_form(package.root, doc.get("sumber", ""))
        if rel is not None:
            by_text[rel].append((number, doc))
    problems: list[Problem] = []
    for rel, documents in by_text.items():
        text = package.text(rel)
        fidelity = _Fidelity(rel, text, paths, rows, documents)
        problems += fidelity.check()
        problems += _layout_notes(rel, text.split("\n"), paths, rows, documents)
    return problems


def _numbered(rows: list[dict[str, str]], ids: set[str], key: str = "dokumen_id") -> list[tuple[int, dict]]:
    """(spreadsheet row, row) of the rows whose `key` is in `ids`."""
    return [(n, r) for n, r in enumerate(rows, start=2) if r.get(key) in ids]


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


class _Fidelity:
    """The documents of one source text against its printed tables."""

    def __init__(
        self,
        rel: str,
        text: str,
        paths: dict[str, str],
        rows: dict[str, list[dict[str, str]]],
        documents: list[tuple[int, dict[str, str]]],
    ) -> None:
        self.rel, self.text, self.paths = rel, text, paths
        self.tables = read_tables(text)
        self.documents = documents
        ids = {d["id"] for _, d in documents}
        self.rows = {
            name: _numbered(rows[name], ids) for name in ("program", "sasaran", "indikator", "anomali")
        }
        #: The numbered rows of each kind by document, in printed order (`urutan`).
        self.by_document: dict[str, dict[str, list[tuple[int, dict[str, str]]]]] = {}
        for name in ("program", "sasaran", "indikator"):
            grouped = self.by_document[name] = defaultdict(list)
            for pair in sorted(self.rows[name], key=_urutan):
                grouped[pair[1]["dokumen_id"]].append(pair)
        self.sasaran = {r["id"]: r for _, r in self.rows["sasaran"]}
        self.problems: list[Problem] = []
        #: Cells and source lines already told, so that one changed word gives one message.
        self.told: set[tuple[str, int | None, str | None]] = set()
        self.told_lines: set[int] = set()

    def differs(self, name: str, number: int | None, column: str | None, what: str, line: int | None) -> None:
        if (name, number, column) in self.told:
            return
        self.told.add((name, number, column))
        if line:
            self.told_lines.add(line)
        where = f"{self.rel}, baris {line}" if line else self.rel
        self.problems.append(BEDA_DENGAN_SUMBER.at(self.paths[name], number, column, what=what, where=where))

    def check(self) -> list[Problem]:
        matched = []
        for number, doc in self.documents:
            table = next(
                (t for t in self.tables if (t.unit, t.year) == (doc["unit_dicetak"], doc["tahun"])), None
            )
            if table is None:
                self.differs(
                    "dokumen", number, "unit_dicetak",
                    f"dokumen {doc['id']} (unit '{doc['unit_dicetak']}', tahun {doc['tahun']}) tidak "
                    f"ditemukan di {self.rel}: tidak ada tabel dengan 'Nama/Unit Organisasi' dan "
                    "'Tahun Anggaran' itu.",
                    None,
                )  # fmt: skip
                continue
            matched.append(table)
            self._document(number, doc, table)
            self._rows(doc, table)
            self._programs(doc)
        self._pieces(matched)
        joined = [c for t in self.tables for r in t.rows for c in r.cells] + self.text.split("\n")
        for number, row in self.rows["anomali"]:
            if row["teks_dicetak"] and not any(row["teks_dicetak"] in c for c in joined):
                self.differs(
                    "anomali", number, "teks_dicetak",
                    f"kutipan '{row['teks_dicetak']}' tidak tercetak di {self.rel}.", None,
                )  # fmt: skip
        return self.problems

    def _document(self, number: int, doc: dict[str, str], table: SourceTable) -> None:
        """Title, columns, place, date and signer as printed."""
        place, _, date = table.place_and_date.partition(", ")
        day, month, year = (date.split() + ["", "", ""])[:3]
        iso = (
            f"{year}-{_MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}"
            if month.lower() in _MONTHS
            else ""
        )
        jabatan = next((i for i, line in enumerate(table.signature) if line.endswith(",")), None)
        expected = {
            "judul_dicetak": table.title,
            "kolom_dicetak": " | ".join(table.columns),
            "tempat": place,
            "tanggal_dicetak": date,
            "tanggal": iso,
        }
        if jabatan is not None and jabatan + 1 < len(table.signature):
            expected["jabatan_penanda_tangan"] = " ".join(table.signature[: jabatan + 1])
            expected["nama_penanda_tangan"] = table.signature[jabatan + 1]
        for column, value in expected.items():
            if doc.get(column) != value:
                self.differs(
                    "dokumen", number, column,
                    f"'{doc.get(column)}' tidak sama dengan yang tercetak di {self.rel}: '{value}'.", None,
                )  # fmt: skip

    def _rows(self, doc: dict[str, str], table: SourceTable) -> None:
        """Indicator, target, program and sasaran cells and source lines, row by row in printed order."""
        rows = self.by_document["indikator"].get(doc["id"], [])
        if len(rows) != len(table.rows):
            self.problems.append(
                JUMLAH_INDIKATOR_TIDAK_SESUAI_SUMBER.at(
                    self.paths["indikator"],
                    dokumen=doc["id"],
                    stored=len(rows),
                    source=self.rel,
                    printed=len(table.rows),
                )
            )
        for printed, (number, row) in zip(table.rows, rows, strict=False):
            cells = {table.role(i): c for i, c in enumerate(printed.cells[: len(table.columns)])}
            checks = {
                "teks": cells.get("indikator", ""),
                "target_dicetak": cells.get("target", ""),
                "program_dicetak": cells.get("program", ""),
                "baris_sumber": ";".join(map(str, printed.lines)),
            }
            for column, value in checks.items():
                if row[column] != value:
                    self.differs(
                        "indikator", number, column,
                        f"'{row[column]}' tidak sama dengan yang tercetak: '{value}'.", printed.lines[0],
                    )  # fmt: skip
            stored_sasaran = self.sasaran.get(row["sasaran_id"], {}).get("teks")
            if cells.get("sasaran") and stored_sasaran != cells["sasaran"]:
                self.differs(
                    "indikator", number, "sasaran_id",
                    f"sasaran {row['sasaran_id']} bukan sasaran yang tercetak di barisnya: "
                    f"'{cells['sasaran']}'.", printed.lines[0],
                )  # fmt: skip
        sasaran_cell = len(table.columns) - 3
        printed_sasaran = [(r.cells[sasaran_cell], r.lines[0]) for r in table.rows if r.cells[sasaran_cell]]
        stored = self.by_document["sasaran"].get(doc["id"], [])
        for (number, row), (text, line) in zip(stored, printed_sasaran, strict=False):
            if row["teks"] != text:
                self.differs(
                    "sasaran", number, "teks",
                    f"sasaran ke-{row['urutan']} dokumen {doc['id']} tidak sama dengan sel sasaran yang "
                    f"tercetak: '{text}'.", line,
                )  # fmt: skip
        if len(stored) != len(printed_sasaran):
            self.problems.append(
                JUMLAH_SASARAN_TIDAK_SESUAI_SUMBER.at(
                    self.paths["sasaran"],
                    dokumen=doc["id"],
                    stored=len(stored),
                    source=self.rel,
                    printed=len(printed_sasaran),
                )
            )

    def _programs(self, doc: dict[str, str]) -> None:
        """Programs are numbered in order of first appearance, with the cell as printed there."""
        first: dict[str, str] = {}
        for _, row in self.by_document["indikator"].get(doc["id"], []):
            if row["program_dicetak"]:
                first.setdefault(row["program_id"], row["program_dicetak"])
        programs = self.by_document["program"].get(doc["id"], [])
        if [p["id"] for _, p in programs] != list(first):
            self.problems.append(
                URUTAN_TIDAK_SESUAI_SUMBER.at(
                    self.paths["program"],
                    dokumen=doc["id"],
                    stored=", ".join(p["id"] for _, p in programs),
                    printed=", ".join(first),
                )
            )
        for number, program in programs:
            if program["id"] in first and first[program["id"]] != program["teks_dicetak"]:
                self.differs(
                    "program", number, "teks_dicetak",
                    f"'{program['teks_dicetak']}' bukan sel yang tercetak di baris pertama program ini: "
                    f"'{first[program['id']]}'.", None,
                )  # fmt: skip

    def _pieces(self, tables: list[SourceTable]) -> None:
        """Every printed piece is in the package with the right neighbours; every text is made of pieces."""
        located = {
            "program": [("indikator", n, "program_dicetak", r) for n, r in self.rows["indikator"]]
            + [("program", n, "teks_dicetak", r) for n, r in self.rows["program"]],
            "sasaran": [("sasaran", n, "teks", r) for n, r in self.rows["sasaran"]],
            "indikator": [("indikator", n, "teks", r) for n, r in self.rows["indikator"]],
            "target": [("indikator", n, "target_dicetak", r) for n, r in self.rows["indikator"]],
        }
        values = {role: [r[column] for _, _, column, r in found] for role, found in located.items()}
        pieces: dict[str, set[str]] = {role: set() for role in values}
        for table in tables:
            for printed in table.rows:
                for index, parts in enumerate(printed.pieces[: len(table.columns)]):
                    role = table.role(index)
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
                        if not found and printed.lines[0] not in self.told_lines:
                            self.problems.append(
                                TIDAK_ADA_DI_SUMBER.at(self.rel, printed.lines[0], part=part, role=role)
                            )
        for role, places in located.items():
            for name, number, column, row in places:
                if row[column] and not _made_of(row[column], pieces[role]):
                    self.differs(
                        name, number, column,
                        f"'{row[column]}' tidak tersusun dari teks yang tercetak di {self.rel}.", None,
                    )  # fmt: skip


def _urutan(pair: tuple[int, dict[str, str]]) -> int:
    value = pair[1].get("urutan", "")
    return int(value) if value.isdigit() else 0


def _layout_notes(
    rel: str,
    lines: list[str],
    paths: dict[str, str],
    rows: dict[str, list[dict[str, str]]],
    documents: list[tuple[int, dict[str, str]]],
) -> list[Problem]:
    """Every link read from the layout (an empty merged cell, a row continued on the next page) has a note."""
    columns = {d["id"]: len(d["kolom_dicetak"].split(" | ")) for _, d in documents}
    notes = {
        (r["rujukan_id"], r["kolom"])
        for r in rows["anomali"]
        if r["kategori"] == "tafsiran" and r["tabel"] == "indikator"
    }
    problems = []
    for number, row in _numbered(rows["indikator"], set(columns)):
        if layout.line_out_of_range(row["baris_sumber"], lines):
            problems.append(
                BARIS_SUMBER_SALAH.at(
                    paths["indikator"],
                    number,
                    "baris_sumber",
                    lines=row["baris_sumber"],
                    source=rel,
                    count=len(lines),
                )
            )
            continue
        for reading in layout.readings(row, columns[row["dokumen_id"]], lines):
            if (reading.indikator_id, reading.column) in notes:
                continue
            problems.append(
                TAFSIRAN_TANPA_CATATAN.at(
                    paths["indikator"],
                    number,
                    reading.column,
                    reading=reading.uraian(),
                    source=rel,
                    line=reading.line,
                    id=row["id"],
                    column=reading.column,
                    anomali=paths["anomali"],
                    dokumen=row["dokumen_id"],
                )
            )
    return problems
