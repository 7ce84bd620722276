"""XLSX workbooks: typed cells, a frozen bold header, a filter, a data dictionary sheet.

Numbers are numbers and dates are dates, codes like 004 stay text, and text
that looks like a formula is stored as text, so the workbook opens safely by
double-click in any locale. The bytes are reproducible (fixed timestamps).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from ... import model
from ...clock import epoch_utc
from ...domain import satu_data
from ..fmt import constraints_text
from .archive import fixed_zip
from .tabular import FORMULA_START, typed

KAMUS_FIELDS = [(n, "string") for n in ("resource", "name", "title", "type", "constraints", "description")]
SATU_DATA_FIELDS = [(n, "string") for n in ("unsur", "kunci", "nilai", "status", "dasar_hukum", "pengertian")]


def _value(sheet: WriteOnlyWorksheet, text: str, kind: str) -> object:
    """The cell value of one CSV text: typed, and text that looks like a formula kept as text."""
    value = date.fromisoformat(text) if kind == "date" and text else typed(text, kind)
    if kind == "string" and isinstance(value, str) and value.startswith(FORMULA_START):
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"  # never a formula, whatever the text looks like
        cell.quotePrefix = True  # and stays text when someone edits the cell
        return cell
    return value


def sheet(
    workbook: Workbook,
    title: str,
    fields: Sequence[tuple[str, str]],
    rows: Iterable[dict],
    links: Sequence[str] = (),
) -> None:
    """A sheet with a bold frozen header, typed cells, a filter and readable column widths.

    The workbook is a write-only one (new_workbook): rows are written as they come, so the widths,
    the frozen header and the filter are settled first. `links`, when given, are the addresses the
    last cell of each row links to, row by row.
    """
    rows = list(rows)
    added = workbook.create_sheet(title)
    for column, (name, _) in enumerate(fields, start=1):
        width = max([len(name)] + [len(row.get(name, "")) for row in rows])
        added.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
    added.freeze_panes = "A2"
    added.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{len(rows) + 1}"
    header = [WriteOnlyCell(added, name) for name, _ in fields]
    for cell in header:
        cell.font = Font(bold=True)
    added.append(header)
    for number, row in enumerate(rows):
        cells = [_value(added, row.get(name, ""), kind) for name, kind in fields]
        if links:
            link = WriteOnlyCell(added, cells[-1])
            link.hyperlink = links[number]
            cells[-1] = link
        added.append(cells)


def kamus_rows(package: model.Package) -> list[dict[str, str]]:
    """Every column of every table, described: the rows of the kamus_data sheet."""
    return [
        {
            "resource": table.name,
            "name": column.name,
            "title": column.title,
            "type": column.type,
            "constraints": constraints_text(column.constraints),
            "description": column.description,
        }
        for table in package.tables.values()
        for column in table.fields
    ]


def new_workbook(package: model.Package, title: str, epoch: int, write_only: bool = False) -> Workbook:
    """An empty workbook with the package's title, publisher, language and the build's date.

    `write_only` for the workbooks `sheet` fills: their rows are written as they are added instead of
    being kept as cell objects (at many offices, about a third of the time of the two package workbooks).
    """
    workbook = Workbook(write_only=write_only)
    if not write_only:
        workbook.remove(workbook.active)
    props = workbook.properties
    props.title = title
    props.creator = package.publisher
    props.lastModifiedBy = package.publisher
    props.language = "id"
    props.identifier = package.name
    props.created = props.modified = epoch_utc(epoch)
    return workbook


def workbook_bytes(workbook: Workbook, epoch: int) -> bytes:
    """The workbook as reproducible XLSX bytes.

    openpyxl's save() stamps the clock into docProps and the ZIP entries, so
    the writer is driven directly and the archive rewritten with fixed_zip().
    """
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED)  # fixed_zip compresses it once
    ExcelWriter(workbook, archive).save()  # closes the archive
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    return fixed_zip(entries, epoch)


def package_workbook(package: model.Package, epoch: int) -> bytes:
    """One XLSX with a sheet per resource, a kamus_data sheet describing every field, and the
    Satu Data Indonesia elements of the dataset (satu_data: value or "belum ditetapkan", legal basis)."""
    workbook = new_workbook(package, package.title, epoch, write_only=True)
    for table in package.tables.values():
        sheet(workbook, table.name, table.types, table.rows)
    sheet(workbook, "kamus_data", KAMUS_FIELDS, kamus_rows(package))
    sheet(workbook, "satu_data", SATU_DATA_FIELDS, satu_data.rows(package.satu_data))
    return workbook_bytes(workbook, epoch)
