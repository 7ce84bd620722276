"""Reading a filled realisation sheet back, checking every cell and collecting every problem.

The sheet is the one `make template` writes (layout in kinerja.domain.sheet_layout).
Every cell is checked before anything is written, and all problems are
collected, one per bad cell, each naming the file and sheet, the row as Excel
shows it and the column (letter and heading), what is wrong and how to fix it:
a file that is not an XLSX, a workbook that is not a realisation sheet, an
unknown indicator code or one of another document, a changed locked cell, a
formula, and whatever ingest/cells.py finds in an input cell. An empty input
cell means "nothing to say": the published realisation (if any) is kept.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..domain import sheet_layout as layout
from ..domain.entities import Dokumen, Indikator, Realisasi
from ..domain.targets import Scales
from ..errors import Problem, ProblemsFound
from ..problems import (
    BUKAN_LEMBAR_REALISASI,
    BUKAN_XLSX,
    DOKUMEN_LEMBAR_TIDAK_DIKENAL,
    KODE_DOKUMEN_LAIN,
    KODE_GANDA_LEMBAR,
    KODE_KOSONG,
    KODE_TIDAK_DIKENAL,
    REALISASI_TERBIT_DIKOSONGKAN,
    RUMUS,
    SEL_TERKUNCI_DIUBAH,
    SUMBER_KOSONG,
    SUMBER_TANPA_REALISASI,
    SUSUNAN_LEMBAR,
    TANGGAL_KOSONG,
    TANPA_LEMBAR_REALISASI,
    XLS_LAMA,
    XLSX_BERISI_PDF,
    XLSX_RUSAK,
    Kind,
)
from . import cells
from .cells import EMPTY, Fault, cell_value, shown
from .reading import NOT_CHANGED, read_bytes

RESAVE = "buka di Excel atau LibreOffice, pilih Simpan Sebagai → Buku Kerja Excel (.xlsx), lalu impor lagi."
EXAMPLE = "masukan/lembar/realisasi-RKT24-S.xlsx"


@dataclass(frozen=True)
class Entry:
    """One realisation read from the sheet: a row of data/realisasi.csv, and the sheet row it came from."""

    indikator_id: str
    periode: str
    nilai: str
    satuan: str
    kategori: str
    sumber_dokumen: str
    tanggal_sumber: str
    catatan: str
    row: int

    def csv_row(self) -> dict[str, str]:
        """The row as data/realisasi.csv stores it."""
        return {
            "indikator_id": self.indikator_id,
            "periode": self.periode,
            "nilai": self.nilai,
            "satuan": self.satuan,
            "kategori": self.kategori,
            "sumber_dokumen": self.sumber_dokumen,
            "tanggal_sumber": self.tanggal_sumber,
            "catatan": self.catatan,
        }


@dataclass
class Sheet:
    """What a filled sheet says: its document, the realisations filled in, and published ones left empty."""

    name: str
    dokumen_id: str
    entries: list[Entry] = field(default_factory=list)
    blank: list[tuple[str, str]] = field(default_factory=list)
    """(indicator, period) of published realisations whose cells are empty in the sheet (kept as is)."""


def _fail(path: Path, kind: Kind, /, **values: object) -> ProblemsFound:
    return ProblemsFound([kind.at(path.name, **values)], NOT_CHANGED)


def open_sheet(path: Path) -> Any:
    """The 'Realisasi' worksheet of the sheet at path, or ProblemsFound saying why there is none.

    Checks only the file (readable, an XLSX, a realisation sheet), so it needs no package.
    """
    data = read_bytes(path, EXAMPLE)
    if not data.startswith(b"PK\x03\x04"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            kind = XLS_LAMA
        elif data.startswith(b"%PDF"):
            kind = XLSX_BERISI_PDF
        else:
            kind = BUKAN_XLSX
        raise _fail(path, kind, fix=RESAVE)
    from .guard import check_archive

    hostile = check_archive(path, data, "buku kerja Excel", RESAVE)
    if hostile:  # refused before openpyxl parses anything
        raise ProblemsFound(hostile, NOT_CHANGED)
    try:
        from openpyxl import load_workbook

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # extensions openpyxl does not keep are irrelevant here
            workbook = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a damaged workbook
        raise _fail(path, XLSX_RUSAK, error=type(error).__name__, fix=RESAVE) from error
    if layout.SHEET not in workbook.sheetnames:
        found = ", ".join(f"'{name}'" for name in workbook.sheetnames)
        raise _fail(path, TANPA_LEMBAR_REALISASI, sheet=layout.SHEET, found=found)
    sheet = workbook[layout.SHEET]
    row = layout.INFO_ROWS["format"][0]
    if sheet.cell(row=row, column=2).value != layout.FORMAT:
        raise _fail(path, BUKAN_LEMBAR_REALISASI, row=row, format=layout.FORMAT)
    return sheet


class _Reader:
    """Checks the rows of one sheet, collecting every problem."""

    def __init__(
        self, where: str, dokumen: Dokumen, indikator: dict[str, Indikator], scales: Scales, today: date
    ) -> None:
        self.where = where
        self.dokumen = dokumen
        self.indikator = indikator
        self.scales = scales
        self.today = today
        self.problems: list[Problem] = []

    def fault(self, row: int, column: layout.Column, fault: Fault) -> None:
        """Record a problem of one cell."""
        self.problems.append(Problem(fault.code, self.where, fault.what, fault.fix, row, column.label))

    def indicator(self, number: int, code: Any, seen: dict[str, int]) -> Indikator | Fault:
        """The indicator a row's code names, or why the row cannot be used."""
        if code is EMPTY:
            return Fault.of(KODE_KOSONG)
        code = shown(code)
        item = self.indikator.get(code)
        if item is None:
            return Fault.of(KODE_TIDAK_DIKENAL, code=code, dokumen=self.dokumen.id)
        if item.dokumen_id != self.dokumen.id:
            return Fault.of(
                KODE_DOKUMEN_LAIN,
                code=code,
                dokumen=item.dokumen_id,
                sheet_dokumen=self.dokumen.id,
                file=layout.file_name(item.dokumen_id),
            )
        if code in seen:
            return Fault.of(KODE_GANDA_LEMBAR, code=code, row=seen[code])
        seen[code] = number
        return item

    def row(
        self, number: int, row_cells: dict[layout.Column, Any], seen: dict[str, int], sheet: Sheet
    ) -> None:
        """Check one row of the table; add its realisations to `sheet`."""
        if all(cell_value(cell.value) is EMPTY for cell in row_cells.values()):
            return
        code_column = layout.column("kode")
        item = self.indicator(number, cell_value(row_cells[code_column].value), seen)
        if isinstance(item, Fault):
            self.fault(number, code_column, item)
            return
        expected = layout.locked_values(item, self.scales)
        for column, cell in row_cells.items():
            found = "" if cell.value is None else shown(cell.value)
            if column.locked and found != expected[column.key]:
                self.fault(
                    number,
                    column,
                    Fault.of(
                        SEL_TERKUNCI_DIUBAH,
                        heading=column.heading,
                        id=item.id,
                        found=found,
                        expected=expected[column.key],
                    ),
                )
        published = {r.periode: r for r in item.realisasi}
        for periode in layout.PERIODS:
            self.period(number, item, periode, row_cells, published.get(periode), sheet)

    def period(
        self,
        number: int,
        item: Indikator,
        periode: str,
        row_cells: dict[layout.Column, Any],
        published: Realisasi | None,
        sheet: Sheet,
    ) -> None:
        """Check the four input cells of one period of one indicator; add the realisation if all is well."""
        columns = {key: layout.column(key, periode) for key, _ in layout.INPUTS}
        formulas = [c for c in columns.values() if row_cells[c].data_type == "f"]
        for column in formulas:
            self.fault(number, column, Fault.of(RUMUS, formula=row_cells[column].value))
        if formulas:
            return
        values = {key: cell_value(row_cells[c].value) for key, c in columns.items()}
        if values["nilai"] is EMPTY:
            filled = [columns[k].heading for k in ("sumber", "tanggal", "catatan") if values[k] is not EMPTY]
            if filled and published is not None:
                fault = Fault.of(
                    REALISASI_TERBIT_DIKOSONGKAN, id=item.id, periode=periode, filled=", ".join(filled)
                )
                self.fault(number, columns["nilai"], fault)
            elif filled:
                fault = Fault.of(
                    SUMBER_TANPA_REALISASI, filled=", ".join(filled), id=item.id, periode=periode
                )
                self.fault(number, columns["nilai"], fault)
            elif published is not None:
                sheet.blank.append((item.id, periode))
            return
        entry = self.entry(number, item, periode, columns, values, row_cells)
        if entry is not None:
            sheet.entries.append(entry)

    def entry(
        self,
        number: int,
        item: Indikator,
        periode: str,
        columns: dict[str, layout.Column],
        values: dict[str, Any],
        row_cells: dict[layout.Column, Any],
    ) -> Entry | None:
        """The realisation of one filled period, or None with a problem recorded for each bad cell."""
        if item.target_jenis == "kategori":
            reading = cells.category(values["nilai"], item, self.scales)
        else:
            reading = cells.number(values["nilai"], row_cells[columns["nilai"]].number_format or "", item)
        sumber = cells.text(values["sumber"])
        if sumber == "":
            unit = self.dokumen.nama.removeprefix(f"RKT {self.dokumen.tahun} ")
            sumber = Fault.of(SUMBER_KOSONG, id=item.id, periode=periode, unit=unit, tahun=self.dokumen.tahun)
        tanggal: date | Fault
        if values["tanggal"] is EMPTY:
            tanggal = Fault.of(TANGGAL_KOSONG, id=item.id, periode=periode)
        else:
            tanggal = cells.when(values["tanggal"], self.dokumen.tahun, self.today)
        catatan = cells.text(values["catatan"])
        results = {"nilai": reading, "sumber": sumber, "tanggal": tanggal, "catatan": catatan}
        faults = [(columns[key], r) for key, r in results.items() if isinstance(r, Fault)]
        for column, fault in faults:
            self.fault(number, column, fault)
        if faults or isinstance(reading, Fault) or not isinstance(tanggal, date):
            return None
        nilai, satuan, kategori = reading
        return Entry(
            item.id, periode, nilai, satuan, kategori, str(sumber), tanggal.isoformat(), str(catatan), number
        )


def _frame(path: Path, sheet: Any, dokumen: dict[str, Dokumen]) -> tuple[str, list[Problem]]:
    """The document code of the title block and the problems of the frame (title block, header row)."""
    where = f"{path.name}, lembar {layout.SHEET}"
    frame = {key: sheet.cell(row=row, column=2).value for key, (row, _) in layout.INFO_ROWS.items()}
    problems = []
    code = "" if frame["kode"] is None else shown(frame["kode"])
    if code not in dokumen:
        row = layout.INFO_ROWS["kode"][0]
        known = ", ".join(sorted(dokumen))
        problems.append(
            DOKUMEN_LEMBAR_TIDAK_DIKENAL.at(where, row, "B (Kode dokumen)", code=code, row=row, known=known)
        )
    for column in layout.COLUMNS:
        found = sheet.cell(row=layout.HEADER_ROW, column=column.index).value
        if found != column.heading:
            problems.append(
                SUSUNAN_LEMBAR.at(
                    where,
                    layout.HEADER_ROW,
                    column.label,
                    letter=column.letter,
                    found="" if found is None else found,
                    heading=column.heading,
                )
            )
    return code, problems


def read_sheet(
    path: Path,
    dokumen: dict[str, Dokumen],
    indikator: dict[str, Indikator],
    scales: Scales,
    today: date,
    sheet: Any = None,
) -> Sheet:
    """The realisations filled into the sheet at `path`, or ProblemsFound with every problem in it.

    `today` is the date after which no source document can be dated (the caller reads the clock);
    `sheet` is the worksheet when `open_sheet` already opened it.
    """
    sheet = sheet if sheet is not None else open_sheet(path)
    code, problems = _frame(path, sheet, dokumen)
    if problems:
        raise ProblemsFound(problems, NOT_CHANGED)
    result = Sheet(path.name, code)
    reader = _Reader(f"{path.name}, lembar {layout.SHEET}", dokumen[code], indikator, scales, today)
    seen: dict[str, int] = {}
    for number in range(layout.FIRST_ROW, sheet.max_row + 1):
        row_cells = {c: sheet.cell(row=number, column=c.index) for c in layout.COLUMNS}
        reader.row(number, row_cells, seen, result)
    if reader.problems:
        raise ProblemsFound(reader.problems, NOT_CHANGED)
    return result


#: What a realisation of the sheet does to data/realisasi.csv.
ADDED, CHANGED, UNCHANGED = "ditambah", "diubah", "tetap"
COMPARED = ("nilai", "satuan", "kategori", "sumber_dokumen", "tanggal_sumber", "catatan")


@dataclass(frozen=True)
class Change:
    """One realisation of the sheet against the published one: added, changed or unchanged."""

    kind: str
    entry: Entry
    before: dict[str, str] | None
    """The published row it replaces or matches; None when added."""

    @property
    def fields(self) -> list[str]:
        """The columns whose value differs from the published row."""
        if self.before is None:
            return []
        new = self.entry.csv_row()
        return [name for name in COMPARED if not _same(name, self.before.get(name, ""), new[name])]


def _same(name: str, old: str, new: str) -> bool:
    if name == "nilai" and old and new:
        try:
            return Decimal(old) == Decimal(new)
        except ArithmeticError:
            return False
    return old == new


def merge_realisasi(
    current: list[dict[str, str]], entries: list[Entry]
) -> tuple[list[dict[str, str]], list[Change]]:
    """data/realisasi.csv with the sheet's realisations applied, and what each of them does.

    Published rows keep their place; a changed one is replaced where it stands, new ones are
    appended in the sheet's order (printed order, TW1 … tahunan). A value equal to the
    published one (80.10 and 80.1) leaves the row exactly as it was.
    """
    rows = [dict(r) for r in current]
    where = {(r["indikator_id"], r["periode"]): i for i, r in enumerate(rows)}
    changes = []
    for entry in entries:
        key = (entry.indikator_id, entry.periode)
        if key not in where:
            where[key] = len(rows)
            rows.append(entry.csv_row())
            changes.append(Change(ADDED, entry, None))
            continue
        change = Change(CHANGED, entry, rows[where[key]])
        if change.fields:
            rows[where[key]] = entry.csv_row()
            changes.append(change)
        else:
            changes.append(Change(UNCHANGED, entry, change.before))
    return rows, changes
