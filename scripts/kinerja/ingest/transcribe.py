"""Turn printed RKT tables into the rows of the canonical package.

This is the one place where the layout of the paper is interpreted: an empty
program or sasaran cell is read as a merged cell ("same as the row above"),
a program cell is split into its activities and budget codes, and a printed
target is parsed. The printed text itself is carried over unchanged.
Identifiers of rows that already exist in the package are kept; new rows get
the next unused number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain import ids
from ..domain.printed import iso_date, normalise, program_key, split_program
from ..domain.targets import Scales, TargetError, parse_target
from .source_text import PrintedTable


@dataclass(frozen=True)
class Unreadable:
    """A printed cell the transcription could not read: its line in the text form, column and text."""

    line: int
    column: str
    printed: str
    what: str


@dataclass
class Rows:
    """The canonical rows of every resource, as lists of CSV-ready dicts, and the cells not read."""

    dokumen: list[dict[str, str]] = field(default_factory=list)
    program: list[dict[str, str]] = field(default_factory=list)
    program_kode: list[dict[str, str]] = field(default_factory=list)
    sasaran: list[dict[str, str]] = field(default_factory=list)
    indikator: list[dict[str, str]] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)


@dataclass
class Existing:
    """Identifiers already given, so that re-importing keeps them."""

    dokumen: dict[tuple[str, ...], str] = field(default_factory=dict)
    program: dict[tuple[str, ...], str] = field(default_factory=dict)
    sasaran: dict[tuple[str, ...], str] = field(default_factory=dict)
    indikator: dict[tuple[str, ...], str] = field(default_factory=dict)


class _Numbers:
    """Hands out identifiers: the existing one for a known key, else the next number of its document."""

    def __init__(self, kind: str, known: dict[tuple[str, ...], str]) -> None:
        self.kind = kind
        self.known = known
        self.used: dict[ids.Dokumen, int] = {}
        for identifier in known.values():
            parsed = ids.parse(identifier)
            if parsed is not None and parsed.number is not None:
                self.used[parsed.dokumen] = max(self.used.get(parsed.dokumen, 0), parsed.number)

    def get(self, key: tuple[str, ...], dokumen: str) -> str:
        if key in self.known:
            return self.known[key]
        parsed = ids.parse(dokumen)
        assert parsed is not None, dokumen  # made by ids.dokumen_id or read from a validated package
        self.used[parsed.dokumen] = self.used.get(parsed.dokumen, 0) + 1
        identifier = parsed.dokumen.row(self.kind, self.used[parsed.dokumen])
        self.known[key] = identifier
        return identifier


#: The office of a printed table: (kantor id, office part of its codes; '' for the home office).
Office = tuple[str, str]


def transcribe(
    tables: list[PrintedTable],
    sumber: str,
    existing: Existing | None = None,
    scales: Scales | None = None,
    offices: list[Office] | None = None,
) -> Rows:
    """Canonical rows for the printed tables of one source file.

    `offices` gives each table's office (default: the home office, id 64), `scales` the
    category scales that category targets are read with.
    """
    existing = existing or Existing()
    offices = offices or [("64", "")] * len(tables)
    rows = Rows()
    numbers = {kind: _Numbers(kind, getattr(existing, kind)) for kind in ("program", "sasaran", "indikator")}
    for table, (kantor_id, office_code) in zip(tables, offices, strict=True):
        letter = "S" if "sekretariat" in table.unit.casefold() else "K"
        dokumen = existing.dokumen.get(
            (kantor_id, str(table.tahun), letter), ids.dokumen_id(table.tahun, letter, office_code)
        )
        rows.dokumen.append(
            {
                "id": dokumen,
                "kantor_id": kantor_id,
                "tahun": str(table.tahun),
                "jenis": "sekretariat" if letter == "S" else "komisi",
                "judul_dicetak": table.title,
                "unit_dicetak": table.unit,
                "kolom_dicetak": " | ".join(table.columns),
                "tempat": table.tempat,
                "tanggal": _signed_date(table, rows),
                "tanggal_dicetak": table.tanggal,
                "jabatan_penanda_tangan": table.jabatan,
                "nama_penanda_tangan": table.penanda_tangan,
                "sumber": sumber,
            }
        )
        has_program = len(table.columns) == 4
        program_id = ""
        sasaran_id = ""
        sasaran_seen: dict[str, str] = {}
        seen_programs: set[str] = set()
        for position, printed in enumerate(table.rows, start=1):
            cells = printed.cells
            program_cell = cells[0] if has_program else ""
            sasaran_cell, indikator_cell, target_cell = cells[-3:]
            if program_cell:
                nama, parts = split_program(program_cell)
                program_id = numbers["program"].get((dokumen, *program_key(program_cell)), dokumen)
                if program_id not in seen_programs:
                    seen_programs.add(program_id)
                    rows.program.append(
                        {
                            "id": program_id,
                            "dokumen_id": dokumen,
                            "urutan": str(len(seen_programs)),
                            "teks_dicetak": program_cell,
                            "nama": nama,
                        }
                    )
                    for order, part in enumerate(parts, start=1):
                        rows.program_kode.append({"program_id": program_id, "urutan": str(order), **part})
            if sasaran_cell:
                urutan = sum(1 for s in rows.sasaran if s["dokumen_id"] == dokumen) + 1
                occurrence = sum(
                    1
                    for s in rows.sasaran
                    if s["dokumen_id"] == dokumen and normalise(s["teks"]) == normalise(sasaran_cell)
                )
                key = (dokumen, normalise(sasaran_cell), str(occurrence + 1))
                sasaran_id = numbers["sasaran"].get(key, dokumen)
                rows.sasaran.append(
                    {
                        "id": sasaran_id,
                        "dokumen_id": dokumen,
                        "urutan": str(urutan),
                        "teks": sasaran_cell,
                        "sama_dengan": sasaran_seen.get(normalise(sasaran_cell), ""),
                    }
                )
                sasaran_seen.setdefault(normalise(sasaran_cell), sasaran_id)
            try:
                target = parse_target(target_cell, scales)
            except TargetError as error:
                rows.unreadable.append(Unreadable(printed.source_lines[0], "Target", target_cell, str(error)))
                continue
            rows.indikator.append(
                {
                    "id": numbers["indikator"].get((normalise(indikator_cell), sasaran_id), dokumen),
                    "dokumen_id": dokumen,
                    "urutan": str(position),
                    "halaman_tabel": str(printed.halaman_tabel),
                    "baris_sumber": ";".join(str(n) for n in printed.source_lines),
                    "sasaran_id": sasaran_id,
                    "program_id": program_id,
                    "program_dicetak": program_cell,
                    "teks": indikator_cell,
                    "target_dicetak": target_cell,
                    "target_jenis": target.jenis,
                    "target_nilai": _decimal(target.nilai),
                    "target_satuan": target.satuan,
                    "target_batas": target.batas,
                    "target_nilai_atas": _decimal(target.nilai_atas),
                    "target_sekunder_nilai": _decimal(target.nilai_sekunder),
                    "target_sekunder_satuan": target.satuan_sekunder or "",
                    "target_skala": target.skala,
                    "target_kategori": target.kategori,
                }
            )
    return rows


def _signed_date(table: PrintedTable, rows: Rows) -> str:
    """The ISO date of the signature, or '' with the cell recorded as unreadable."""
    try:
        return iso_date(table.tanggal)
    except (KeyError, ValueError):
        what = "tanggal tanda tangan tidak terbaca; tulis seperti '1 Maret 2024' (bulan berbahasa Indonesia)"
        if not table.tanggal:
            what = "tempat dan tanggal tanda tangan ('Samarinda, 1 Maret 2024') tidak ditemukan setelah tabel"
        rows.unreadable.append(Unreadable(table.signed_line, "Tanggal", table.tanggal, what))
        return ""


def _decimal(value: object) -> str:
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
