"""Links the data reads from a table's layout rather than from a printed cell.

A Word table printed over pages leaves two kinds of reading to the person (or
the importer) who transcribes it: an empty program or sasaran cell is read as
merged with the cell above, and a row whose last (target) cell is empty on the
next page is joined to the row before it. Each such reading is an
interpretation and is recorded as a note of category `tafsiran` in
data/anomali.csv (the importer writes them, validation checks they are there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_MARKUP = re.compile(r"</?(?:i|b|em|strong|u)>")


@dataclass(frozen=True)
class Reading:
    """One layout reading of an indicator row: the column it decides and the source line it starts on."""

    indikator_id: str
    dokumen_id: str
    column: str  # program_id, sasaran_id or teks
    line: int
    lines: str  # baris_sumber as stored: "90;94"
    linked: str  # the program or sasaran code read from the merged cell; "" for a joined row

    def uraian(self) -> str:
        """What was read, in Indonesian, for the note's 'uraian'."""
        if self.column == "teks":
            return (
                f"Baris tabel terpotong oleh pergantian halaman (baris {self.lines.replace(';', ' dan ')}); "
                "bagian-bagiannya digabung dengan satu spasi menjadi satu indikator."
            )
        cell = "program" if self.column == "program_id" else "sasaran"
        return (
            f"Sel {cell} baris {self.line} kosong. Dibaca sebagai sel gabungan dengan baris di atasnya, "
            f"sehingga indikator ini masuk ke {cell} {self.linked}."
        )

    def dampak(self) -> str:
        """Why it matters, for the note's 'dampak' (it names the word tafsiran, as every such note does)."""
        if self.column == "teks":
            return (
                f"Penggabungan ini tafsiran tata letak; nomor barisnya tersimpan di kolom baris_sumber "
                f"({self.lines})."
            )
        return f"Pengelompokan ini tafsiran tata letak tabel dan dapat diubah di kolom {self.column}."


def text_form(root: Path, sumber: str) -> str | None:
    """The path (as in the package) of the text `baris_sumber` counts lines in; None if there is none.

    A text export is its own text form; a Word or PDF file has its text form beside it (`<file>.txt`).
    """
    for candidate in (sumber, f"{sumber}.txt"):
        if candidate.endswith(".txt") and (root / candidate).is_file():
            return candidate
    return None


def line_out_of_range(baris_sumber: str, lines: list[str]) -> bool:
    """Whether the first line of `baris_sumber` is not a line of the text."""
    first = baris_sumber.split(";")[0]
    return not first.isdigit() or not 1 <= int(first) <= len(lines)


def readings(row: dict[str, str], columns: int, lines: list[str]) -> list[Reading]:
    """The layout readings of one indicator row of a table with `columns` printed columns.

    `lines` is the text form of its document (the file `baris_sumber` counts lines in); a row whose
    first line is not in it has no reading here (validation reports the line itself).
    """
    if line_out_of_range(row["baris_sumber"], lines):
        return []
    first = int(row["baris_sumber"].split(";")[0])
    cells = [c.strip() for c in _MARKUP.sub("", lines[first - 1]).split("\t")]
    cells += [""] * (columns - len(cells))
    found = []

    def reading(column: str, linked: str) -> Reading:
        return Reading(row["id"], row["dokumen_id"], column, first, row["baris_sumber"], linked)

    if columns >= 4 and not cells[columns - 4] and row.get("program_id"):
        found.append(reading("program_id", row["program_id"]))
    if not cells[columns - 3] and row.get("sasaran_id"):
        found.append(reading("sasaran_id", row["sasaran_id"]))
    if ";" in row["baris_sumber"]:
        found.append(reading("teks", ""))
    return found
