"""Read the text export of a signed RKT document into its tables, as printed.

The export keeps the table cells separated by tabs. Its quirks are the ones
of a Word table printed over several pages: the header row repeats on each
page, a row may continue on the next page with its other cells empty, and an
empty leading cell stands for a merged cell. This module only undoes the page
layout (joining continued rows, dropping markup); it never interprets the
content, so every cell stays word for word as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_MARKUP = re.compile(r"</?(?:i|b|em|strong|u)>")
_SIGNED = re.compile(r"^(?P<tempat>[A-Z][A-Za-z ]+), (?P<tanggal>\d{1,2} [A-Z][a-z]+ \d{4})$")
_UNIT = re.compile(r"^Nama/Unit Organisasi\s*:\s*(?P<unit>.+)$")
_YEAR = re.compile(r"^Tahun Anggaran\s*:\s*(?P<tahun>\d{4})$")
_SEPARATOR = re.compile(r"^[-\t ]+$")
_HEADER_FIRST = ("Sasaran Strategis", "Program/Kegiatan")


#: The columns every RKT table ends with, in this order; the Secretariat's table starts with a program column.
COLUMNS = ("Sasaran Strategis", "Indikator Kinerja", "Target")
PROGRAM_COLUMN = "Program/Kegiatan"


class SourceTextError(ValueError):
    """The text does not have the shape of an RKT export: where (line, 1-based), what and how to fix it."""

    def __init__(self, line: int | None, what: str, fix: str) -> None:
        super().__init__(f"baris {line}: {what}" if line else what)
        self.line = line
        self.what = what
        self.fix = fix


@dataclass
class PrintedRow:
    """One table row, with cells as printed and the table page it starts on."""

    cells: list[str]
    halaman_tabel: int
    source_lines: list[int] = field(default_factory=list)


@dataclass
class PrintedTable:
    """One signed table of the document, as printed."""

    unit: str
    tahun: int
    columns: list[str]
    rows: list[PrintedRow] = field(default_factory=list)
    tempat: str = ""
    tanggal: str = ""
    jabatan: str = ""
    penanda_tangan: str = ""
    title: str = ""
    signed_line: int = 0
    """The line of 'Samarinda, 1 Maret 2024' in the text form."""
    unit_line: int = 0
    """The line of 'Nama/Unit Organisasi : …' in the text form."""


def plain(text: str) -> str:
    """Drop inline markup such as <i>Database</i>, keeping the words."""
    return _MARKUP.sub("", text)


def _join(before: str, after: str) -> str:
    if not before:
        return after
    if not after:
        return before
    return f"{before} {after}"


#: How a problem in a table is fixed, by where the table came from ('' = the text export, with tabs).
_OUTSIDE_FIX = {
    "": (
        "di ekspor teks setiap baris tabel memisahkan selnya dengan tab; periksa apakah baris ini bagian "
        "sel di atasnya yang terputus, atau tempat dan tanggal tanda tangan ('Samarinda, 1 Maret 2024') "
        "yang salah tulis."
    ),
    "Word": (
        "di Word, bila teks ini bagian sel tabel di atasnya, pindahkan ke dalam sel itu; bila ini tempat "
        "dan tanggal tanda tangan, tulis persis seperti 'Samarinda, 1 Maret 2024'."
    ),
    "PDF": (
        "bila teks ini bagian sel tabel di atasnya, perbaiki tabelnya di berkas Word asal lalu ekspor ulang "
        "PDF-nya (atau impor berkas Word-nya); bila ini tempat dan tanggal tanda tangan, tulis persis "
        "seperti 'Samarinda, 1 Maret 2024'."
    ),
}
_WIDTH_FIX = {
    "": (
        "pastikan baris ini punya satu sel per kolom, dipisah tab; sel kosong tetap ditulis sebagai sel "
        "kosong."
    ),
    "Word": (
        "di Word, pastikan baris tabel ini punya satu sel per kolom seperti baris judulnya (jangan gabung "
        "atau pecah sel ke samping); sel yang kosong biarkan kosong."
    ),
    "PDF": (
        "di berkas Word asal, pastikan baris tabel ini punya satu sel per kolom seperti baris judulnya "
        "(jangan gabung atau pecah sel ke samping), lalu ekspor ulang PDF-nya; atau impor berkas Word-nya."
    ),
}


#: The advice for a kind of document without words of its own in _OUTSIDE_FIX and _WIDTH_FIX.
_ANY_OUTSIDE_FIX = (
    "bila teks ini bagian sel tabel di atasnya, pindahkan ke dalam sel itu di berkas asal; bila ini tempat "
    "dan tanggal tanda tangan, tulis persis seperti 'Samarinda, 1 Maret 2024'."
)
_ANY_WIDTH_FIX = (
    "di berkas asal, pastikan baris tabel ini punya satu sel per kolom seperti baris judulnya (jangan gabung "
    "atau pecah sel ke samping); sel yang kosong biarkan kosong."
)


def is_table_header(cells: list[str]) -> bool:
    """Whether a row is the header of an RKT table (its first cell names the first column)."""
    return bool(cells) and plain(cells[0]).strip() in _HEADER_FIRST


def is_signing_line(text: str) -> bool:
    """Whether a line is the place and date of a signature, e.g. 'Samarinda, 1 Maret 2024'."""
    return _SIGNED.match(plain(text).strip()) is not None


def read_tables(text: str, medium: str = "") -> list[PrintedTable]:
    """Split the export into its signed tables, joining rows continued over pages.

    `medium` ('Word' or 'PDF') words the problems for a document whose tables are real tables,
    whose cells a person never separated with tabs.
    """
    tables: list[PrintedTable] = []
    lines = text.splitlines()
    current: PrintedTable | None = None
    unit: str | None = None
    unit_line = 0
    title = ""
    pending_header = False
    page = 0
    state = "outside"  # outside → table → signature
    signature: list[str] = []
    for number, raw in enumerate(lines, start=1):
        line = plain(raw).strip("\n")
        stripped = line.strip()
        if m := _UNIT.match(stripped):
            unit = m["unit"].strip()
            unit_line = number
            continue
        if (m := _YEAR.match(stripped)) and unit is not None:
            current = PrintedTable(
                unit=unit, tahun=int(m["tahun"]), columns=[], title=title, unit_line=unit_line
            )
            tables.append(current)
            page = 0
            state = "table"
            continue
        if stripped == "RENCANA KINERJA TAHUNAN":
            title = stripped
            continue
        if current is None:
            continue
        if state == "table":
            cells = [c.strip() for c in line.split("\t")]
            if "\t" in line and cells[0] in _HEADER_FIRST:
                page += 1
                if not current.columns:
                    _check_columns(cells, number)
                    current.columns = cells
                pending_header = True
                continue
            if pending_header and all(re.fullmatch(r"\(\d+\)", c) for c in cells if c):
                pending_header = False
                continue
            if not stripped or _SEPARATOR.match(line):
                continue
            if "\t" not in line:
                if m := _SIGNED.match(stripped):
                    current.tempat, current.tanggal = m["tempat"], m["tanggal"]
                    current.signed_line = number
                    state = "signature"
                    signature = []
                    continue
                if medium == "PDF" and not current.columns:
                    raise SourceTextError(
                        number,
                        f"tabel RKT di PDF ini tidak dapat dikenali: '{stripped}' tercetak tanpa garis sel "
                        "yang memisahkan kolomnya.",
                        "impor berkas Word (.docx)-nya; atau di Word beri garis pada semua sel tabel (Tata "
                        "Letak/Desain Tabel → Batas → Semua Batas), lalu ekspor ulang PDF-nya.",
                    )
                where = "sel tabel" if not medium else f"tabel RKT (di antara baris tabel {medium})"
                fix = _OUTSIDE_FIX.get(medium, _ANY_OUTSIDE_FIX)
                raise SourceTextError(number, f"teks di luar {where}: '{stripped}'.", fix)
            width = len(current.columns)
            if len(cells) != width:
                row = f"baris tabel {medium} ini punya {len(cells)} sel" if medium else f"{len(cells)} sel"
                raise SourceTextError(
                    number,
                    f"{row}, padahal tabel punya {width} kolom ({' | '.join(current.columns)}).",
                    _WIDTH_FIX.get(medium, _ANY_WIDTH_FIX),
                )
            if not cells[-1] and current.rows:
                previous = current.rows[-1]
                previous.cells = [_join(a, b) for a, b in zip(previous.cells, cells, strict=True)]
                previous.source_lines.append(number)
                continue
            current.rows.append(PrintedRow(cells=cells, halaman_tabel=page, source_lines=[number]))
        elif state == "signature":
            if stripped:
                signature.append(stripped)
            if _looks_like_name(signature):
                current.jabatan = " ".join(signature[:-1])
                current.penanda_tangan = signature[-1]
                current = None
                unit = None
                state = "outside"
    if current is not None and state == "signature" and signature:
        current.jabatan = " ".join(signature[:-1])
        current.penanda_tangan = signature[-1]
    if not tables:
        raise SourceTextError(
            None,
            "tidak ada tabel RKT (baris 'Nama/Unit Organisasi : …' lalu 'Tahun Anggaran : 2024' "
            "dan judul kolom 'Sasaran Strategis', 'Indikator Kinerja', 'Target').",
            "impor dokumen RKT yang ditandatangani (ekspor teks, .docx atau PDF dengan lapisan teks), "
            "bukan dokumen lain.",
        )
    for table in tables:
        if not table.columns:
            raise SourceTextError(
                None,
                f"tabel '{table.unit}' tahun {table.tahun} tidak punya baris judul kolom "
                "('Sasaran Strategis', 'Indikator Kinerja', 'Target').",
                "periksa bahwa tabelnya ikut terekspor lengkap dengan baris judulnya.",
            )
    return tables


def _check_columns(cells: list[str], number: int) -> None:
    """A table header must end with Sasaran Strategis, Indikator Kinerja, Target (program column optional)."""
    expected = [PROGRAM_COLUMN, *COLUMNS] if cells[0] == PROGRAM_COLUMN else list(COLUMNS)
    if cells != expected:
        missing = [name for name in COLUMNS if name not in cells]
        what = f"judul kolom tabel '{' | '.join(cells)}' tidak sesuai susunan RKT"
        what += f" (kolom {', '.join(missing)} tidak ada)." if missing else "."
        raise SourceTextError(
            number,
            what,
            "tabel RKT berkolom " + " | ".join(expected) + "; ekspor ulang tabel lengkap dengan semua "
            "kolomnya, tanpa mengubah judulnya.",
        )


def _looks_like_name(signature: list[str]) -> bool:
    """The signer's name follows the title, whose last line ends with a comma."""
    return len(signature) >= 2 and signature[-2].endswith(",")


def read_file(path: Path) -> list[PrintedTable]:
    """Read an RKT text export from a file (UTF-8)."""
    return read_tables(path.read_text(encoding="utf-8"))
