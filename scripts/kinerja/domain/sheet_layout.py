"""The layout of the realisation sheet, shared by its writer (outputs/sheet_writer.py) and reader
(ingest/sheet_reader.py).

One workbook per document (`realisasi-RKT24-S.xlsx`) with the worksheet
'Realisasi': a title block naming the document, then two header rows (the
period over its four columns, then the column names), then one row per
indicator in printed order. The first five columns are locked (code, text,
printed target, kind of target, unit or the scale's categories); each period
TW1–TW4 and tahunan has four input columns: the realisation, the official
document it was published in, that document's date and a note. A second,
locked worksheet 'Skala' lists the categories of the scales the document's
category targets use. No column is hidden.

The writer and the reader read every position and label from here, so a
sheet written by one version is read by the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from .entities import Indikator
from .targets import Scales

SHEET = "Realisasi"
SCALES_SHEET = "Skala"
#: Written in the title block and checked on import: a workbook without it is not a realisation sheet.
FORMAT = "lembar realisasi versi 1"
PERIODS = ("TW1", "TW2", "TW3", "TW4", "tahunan")
PERIOD_TITLES = {
    "TW1": "Triwulan I (TW1)",
    "TW2": "Triwulan II (TW2)",
    "TW3": "Triwulan III (TW3)",
    "TW4": "Triwulan IV (TW4)",
    "tahunan": "Tahunan",
}

#: The title block: (row, label) in column A, the value in column B.
INFO_ROWS = {
    "dokumen": (2, "Dokumen"),
    "kode": (3, "Kode dokumen"),
    "tahun": (4, "Tahun anggaran"),
    "kantor": (5, "Kantor"),
    "ditandatangani": (6, "Ditandatangani"),
    "format": (7, "Format lembar"),
}
#: Where the short filling instructions start (label in column A, one line per row in column B).
HELP_ROW = 9
GROUP_ROW = 15
HEADER_ROW = 16
FIRST_ROW = 17

LOCKED = (
    ("kode", "Kode indikator"),
    ("teks", "Indikator"),
    ("target", "Target tercetak"),
    ("jenis", "Jenis target"),
    ("satuan", "Satuan atau kategori"),
)
INPUTS = (
    ("nilai", "Realisasi"),
    ("sumber", "Dokumen sumber"),
    ("tanggal", "Tanggal dokumen"),
    ("catatan", "Catatan"),
)


@dataclass(frozen=True)
class Column:
    """One column of the sheet: locked (no period) or an input of one period."""

    index: int
    key: str
    heading: str
    periode: str = ""

    @property
    def letter(self) -> str:
        """The column letter as Excel shows it (A, B, …, Z, AA, …)."""
        number, letters = self.index, ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("A") + rest) + letters
        return letters

    @property
    def locked(self) -> bool:
        """Whether the cell is locked (the columns that describe the indicator)."""
        return not self.periode

    @property
    def label(self) -> str:
        """Letter and heading, as a problem names the column: "R (Realisasi TW4)"."""
        return f"{self.letter} ({self.heading})"


def _columns() -> tuple[Column, ...]:
    found = [Column(i, key, heading) for i, (key, heading) in enumerate(LOCKED, start=1)]
    for periode in PERIODS:
        for key, heading in INPUTS:
            found.append(Column(len(found) + 1, key, f"{heading} {periode}", periode))
    return tuple(found)


COLUMNS = _columns()


def column(key: str, periode: str = "") -> Column:
    """The column of a locked key, or of an input key in one period."""
    return next(c for c in COLUMNS if c.key == key and c.periode == periode)


def file_name(dokumen_id: str) -> str:
    """The file of a document's sheet: realisasi-RKT24-S.xlsx."""
    return f"realisasi-{dokumen_id}.xlsx"


def categories(item: Indikator, scales: Scales) -> list[str]:
    """The categories a realisation of a category target may take, best first; [] for a number."""
    if item.target_jenis != "kategori":
        return []
    return [c.kategori for c in scales.of(item.target_skala)]


def locked_values(item: Indikator, scales: Scales) -> dict[str, str]:
    """What the locked cells of an indicator's row hold, by key (written, and checked on import)."""
    choices = categories(item, scales)
    return {
        "kode": item.id,
        "teks": item.teks,
        "target": item.target_dicetak,
        "jenis": item.target_jenis,
        "satuan": "kategori: " + " / ".join(choices) if choices else item.target_satuan,
    }
