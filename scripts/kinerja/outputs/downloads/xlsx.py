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
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ... import model
from ...clock import epoch_utc
from ...domain import satu_data
from ..fmt import constraints_text
from .archive import fixed_zip
from .tabular import FORMULA_START, typed

KAMUS_FIELDS = [(n, "string") for n in ("resource", "name", "title", "type", "constraints", "description")]
SATU_DATA_FIELDS = [(n, "string") for n in ("unsur", "kunci", "nilai", "status", "dasar_hukum", "pengertian")]


def _cell(sheet: Worksheet, row: int, column: int, value: object, kind: str) -> None:
    cell = sheet.cell(row=row, column=column, value=value)
    if kind == "string" and isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"  # never a formula, whatever the text looks like
        cell.quotePrefix = True  # and stays text when someone edits the cell


def _xlsx_value(value: str, kind: str) -> object:
    if kind == "date" and value:
        return date.fromisoformat(value)
    return typed(value, kind)


def sheet(
    workbook: Workbook, title: str, fields: Sequence[tuple[str, str]], rows: Iterable[dict]
) -> Worksheet:
    """A sheet with a bold frozen header, typed cells, a filter and readable column widths."""
    added = workbook.create_sheet(title)
    widths = [len(name) for name, _ in fields]
    for column, (name, _) in enumerate(fields, start=1):
        added.cell(row=1, column=column, value=name).font = Font(bold=True)
    count = 1
    for count, row in enumerate(rows, start=2):
        for column, (name, kind) in enumerate(fields, start=1):
            _cell(added, count, column, _xlsx_value(row.get(name, ""), kind), kind)
            widths[column - 1] = max(widths[column - 1], len(row.get(name, "")))
    for column, width in enumerate(widths, start=1):
        added.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
    added.freeze_panes = "A2"
    added.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{count}"
    return added


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


def new_workbook(package: model.Package, title: str, epoch: int) -> Workbook:
    """An empty workbook with the package's title, publisher, language and the build's date."""
    workbook = Workbook()
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
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
    ExcelWriter(workbook, archive).save()  # closes the archive
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    return fixed_zip(entries, epoch)


def package_workbook(package: model.Package, epoch: int) -> bytes:
    """One XLSX with a sheet per resource, a kamus_data sheet describing every field, and the
    Satu Data Indonesia elements of the dataset (satu_data: value or "belum ditetapkan", legal basis)."""
    workbook = new_workbook(package, package.title, epoch)
    for table in package.tables.values():
        sheet(workbook, table.name, table.types, table.rows)
    sheet(workbook, "kamus_data", KAMUS_FIELDS, kamus_rows(package))
    sheet(workbook, "satu_data", SATU_DATA_FIELDS, satu_data.rows(package.satu_data))
    return workbook_bytes(workbook, epoch)
