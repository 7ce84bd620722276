"""The realisation sheet of a document: an XLSX a maintainer fills in and `make import` reads back.

Layout in kinerja.domain.sheet_layout. The cells that describe an indicator are
locked (sheet protection without a password: it prevents accidents, not
intent; the import checks them again); only the input cells are unlocked.
Data validation helps where Excel and LibreOffice support it: a decimal of at
least 0 for number and bound targets, a dropdown of the scale's categories
for category targets, a date between 1 January of the document's year and
today for the dates, each with an Indonesian prompt and error message.
Realisation already published (data/realisasi.csv) is filled in, so a sheet
imported unchanged changes nothing.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.protection import SheetProtection
from openpyxl.worksheet.worksheet import Worksheet

from .. import paths
from ..domain import sheet_layout as layout
from ..model import Dokumen, Indikator, Package
from .downloads.tabular import FORMULA_START, number
from .downloads.xlsx import new_workbook, workbook_bytes
from .fmt import tanggal
from .job import Job

LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
INPUT_FILL = PatternFill("solid", fgColor="FFFBE6")
WIDTHS = {"kode": 14, "teks": 60, "target": 16, "jenis": 10, "satuan": 26}
INPUT_WIDTHS = {"nilai": 12, "sumber": 34, "tanggal": 14, "catatan": 24}
DATE_FORMAT = "yyyy-mm-dd"
TOP = Alignment(vertical="top")
TOP_WRAPPED = Alignment(vertical="top", wrap_text=True)
UNLOCKED = Protection(locked=False)
WRAPPED = ("teks", "satuan", "sumber", "catatan")
#: An inline dropdown list may hold at most 255 characters and no comma (Excel's limit).
INLINE_LIST_LIMIT = 255


def help_lines(dokumen: Dokumen, command: str) -> list[str]:
    """The short filling instructions of the title block, in Indonesian."""
    return [
        "Isi hanya sel berlatar kuning muda: realisasi, dokumen sumber, tanggal dokumen dan catatan per "
        "periode. Sel abu-abu terkunci (kode, indikator, target, satuan) dan diperiksa saat impor.",
        "Realisasi: angka dalam satuan target tanpa satuan, misalnya 80,5 (satuan persen: 80,5 atau 80,5%; "
        "lembar kerja berbahasa Inggris: 80.5); untuk target kategori pilih kategorinya dari daftar.",
        "Hanya dari dokumen resmi yang sudah terbit (laporan triwulan, LKjIP): tulis judulnya dan "
        f"tanggalnya, misalnya 28/02/{dokumen.tahun + 1} atau {dokumen.tahun + 1}-02-28 (tidak sebelum 1 "
        f"Januari {dokumen.tahun}, tidak setelah hari ini). Jangan isi perkiraan.",
        "Realisasi yang sudah terbit sudah terisi; sel kosong berarti tidak ada isian. Mengubah angka yang "
        "sudah terbit dicatat sebagai perubahan di laporan impor.",
        f"Simpan sebagai .xlsx, lalu dari folder proyek jalankan: {command}",
    ]


def _text(sheet: Worksheet, row: int, column: int, value: str) -> None:
    cell = sheet.cell(row=row, column=column, value=value)
    if value.startswith(FORMULA_START):
        cell.data_type = "s"  # official text is never a formula, whatever it looks like
        cell.quotePrefix = True


def _title_block(sheet: Worksheet, dokumen: Dokumen, command: str) -> None:
    sheet.cell(row=1, column=1, value=f"Lembar realisasi {dokumen.nama}").font = Font(bold=True, size=14)
    values = {
        "dokumen": dokumen.nama,
        "kode": dokumen.id,
        "tahun": dokumen.tahun,
        "kantor": dokumen.kantor.nama if dokumen.kantor else dokumen.kantor_id,
        "ditandatangani": f"{dokumen.tempat}, {tanggal(dokumen.tanggal)}",
        "format": layout.FORMAT,
    }
    for key, (row, label) in layout.INFO_ROWS.items():
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        cell = sheet.cell(row=row, column=2, value=values[key])
        cell.alignment = Alignment(horizontal="left")
    sheet.cell(row=layout.HELP_ROW, column=1, value="Cara mengisi").font = Font(bold=True)
    for offset, line in enumerate(help_lines(dokumen, command)):
        sheet.cell(row=layout.HELP_ROW + offset, column=2, value=f"{offset + 1}. {line}")


def _headers(sheet: Worksheet) -> None:
    for periode in layout.PERIODS:
        first = layout.column(layout.INPUTS[0][0], periode)
        last = layout.column(layout.INPUTS[-1][0], periode)
        cell = sheet.cell(row=layout.GROUP_ROW, column=first.index, value=layout.PERIOD_TITLES[periode])
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
        sheet.merge_cells(
            start_row=layout.GROUP_ROW,
            start_column=first.index,
            end_row=layout.GROUP_ROW,
            end_column=last.index,
        )
    for column in layout.COLUMNS:
        cell = sheet.cell(row=layout.HEADER_ROW, column=column.index, value=column.heading)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        width = WIDTHS[column.key] if column.locked else INPUT_WIDTHS[column.key]
        sheet.column_dimensions[column.letter].width = width


def list_formula(choices: list[str], scale_range: str) -> str:
    """The dropdown source: the categories inline ("WTP,WDP,TW,TMP") when Excel allows, else the range."""
    inline = ",".join(choices)
    if any("," in c or '"' in c for c in choices) or len(inline) > INLINE_LIST_LIMIT:
        return scale_range
    return f'"{inline}"'


def _validations(sheet: Worksheet, dokumen: Dokumen, ranges: dict[str, str], package: Package) -> None:
    numbers = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="stop",
        promptTitle="Realisasi (angka)",
        prompt="Angka 0 atau lebih dalam satuan target, tanpa satuan (persen boleh dengan %); koma atau "
        "titik desimal sesuai bahasa lembar kerja.",
        errorTitle="Bukan angka yang sah",
        error="Isi angka 0 atau lebih dalam satuan target, tanpa satuan. Pemisah desimal mengikuti bahasa "
        "lembar kerja: 80,5 (Indonesia) atau 80.5 (Inggris, en-US).",
    )
    dates = DataValidation(
        type="date",
        operator="between",
        formula1=f"DATE({dokumen.tahun},1,1)",
        formula2="TODAY()",
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="stop",
        promptTitle="Tanggal dokumen sumber",
        prompt="Tanggal dokumen resmi tempat realisasi ini terbit, misalnya 2025-02-28.",
        errorTitle="Tanggal tidak sah",
        error=f"Isi tanggal dokumen sumber: tidak sebelum 1 Januari {dokumen.tahun} dan tidak setelah hari "
        "ini, misalnya 2025-02-28.",
    )
    lists: dict[str, DataValidation] = {}
    scales = package.skala_kategori
    rows: dict[str, list[int]] = {"": []}
    last = layout.FIRST_ROW + len(dokumen.indikator) - 1
    for row, item in enumerate(dokumen.indikator, start=layout.FIRST_ROW):
        choices = layout.categories(item, scales)
        rows.setdefault(item.target_skala if choices else "", []).append(row)
        if choices and item.target_skala not in lists:
            name = scales.of(item.target_skala)[0].nama_skala
            lists[item.target_skala] = DataValidation(
                type="list",
                formula1=list_formula(choices, ranges[item.target_skala]),
                allow_blank=True,
                showDropDown=False,  # False shows the arrow (the attribute's name is inverted)
                showInputMessage=True,
                showErrorMessage=True,
                errorStyle="stop",
                promptTitle="Realisasi (kategori)",
                prompt=f"Pilih kategori pada skala {name}: {', '.join(choices)}."[:255],
                errorTitle="Kategori tidak dikenal",
                error=f"Pilih salah satu kategori skala {name} dari daftar: {', '.join(choices)}."[:225],
            )
    for periode in layout.PERIODS:
        value = layout.column("nilai", periode).letter
        for skala, found in rows.items():
            for first, end in _runs(found):
                (lists[skala] if skala else numbers).add(f"{value}{first}:{value}{end}")
        when = layout.column("tanggal", periode).letter
        if dokumen.indikator:
            dates.add(f"{when}{layout.FIRST_ROW}:{when}{last}")
    for validation in (numbers, dates, *lists.values()):
        if validation.sqref:
            sheet.add_data_validation(validation)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive rows as (first, last) runs: [17, 18, 19, 22] → [(17, 19), (22, 22)]."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _row(sheet: Worksheet, row: int, item: Indikator, package: Package) -> None:
    locked = layout.locked_values(item, package.skala_kategori)
    for column in layout.COLUMNS:
        if column.locked:
            _text(sheet, row, column.index, locked[column.key])
            cell = sheet.cell(row=row, column=column.index)
            cell.fill = LOCKED_FILL
        else:
            cell = sheet.cell(row=row, column=column.index)
            cell.protection = UNLOCKED
            cell.fill = INPUT_FILL
            if column.key == "tanggal":
                cell.number_format = DATE_FORMAT
        cell.alignment = TOP_WRAPPED if column.key in WRAPPED else TOP
    for entry in item.realisasi:
        if entry.periode not in layout.PERIODS:
            continue
        value: object = number(entry.nilai) if entry.nilai is not None else entry.kategori
        sheet.cell(row=row, column=layout.column("nilai", entry.periode).index, value=value)
        _text(sheet, row, layout.column("sumber", entry.periode).index, entry.sumber_dokumen)
        sheet.cell(row=row, column=layout.column("tanggal", entry.periode).index, value=entry.tanggal_sumber)
        _text(sheet, row, layout.column("catatan", entry.periode).index, entry.catatan)


def _scales_sheet(sheet: Worksheet, dokumen: Dokumen, package: Package) -> dict[str, str]:
    """The categories of the scales the document uses, one block per scale; their ranges by scale."""
    headings = ("Skala", "Nama skala", "Urutan", "Kategori", "Kepanjangan", "Sumber")
    for index, heading in enumerate(headings, start=1):
        sheet.cell(row=1, column=index, value=heading).font = Font(bold=True)
    for letter, width in zip("ABCDEF", (18, 40, 8, 20, 36, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    ranges: dict[str, str] = {}
    row = 2
    for skala in dict.fromkeys(i.target_skala for i in dokumen.indikator if i.target_jenis == "kategori"):
        first = row
        for item in package.skala_kategori.of(skala):
            values = (item.skala, item.nama_skala, item.urutan, item.kategori, item.kepanjangan, item.sumber)
            for index, value in enumerate(values, start=1):
                if isinstance(value, str):
                    _text(sheet, row, index, value)
                else:
                    sheet.cell(row=row, column=index, value=value)
            row += 1
        ranges[skala] = f"'{layout.SCALES_SHEET}'!$D${first}:$D${row - 1}"
    if not ranges:
        sheet.cell(row=2, column=1, value="Dokumen ini tidak punya target kategori.")
    sheet.protection = SheetProtection(sheet=True, formatColumns=False, formatRows=False)
    return ranges


def sheet_bytes(package: Package, dokumen_id: str, epoch: int, command: str) -> bytes:
    """The realisation sheet of one document as reproducible XLSX bytes.

    `command` is the import command the instructions show (with the sheet's path).
    """
    dokumen = package.dokumen[dokumen_id]
    workbook = new_workbook(package, f"Lembar realisasi {dokumen.nama}", epoch)
    sheet = workbook.create_sheet(layout.SHEET)
    ranges = _scales_sheet(workbook.create_sheet(layout.SCALES_SHEET), dokumen, package)
    _title_block(sheet, dokumen, command)
    _headers(sheet)
    for row, item in enumerate(dokumen.indikator, start=layout.FIRST_ROW):
        _row(sheet, row, item, package)
    _validations(sheet, dokumen, ranges, package)
    sheet.freeze_panes = f"C{layout.FIRST_ROW}"
    sheet.protection = SheetProtection(sheet=True, formatColumns=False, formatRows=False)
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.active = 0
    return workbook_bytes(workbook, epoch)


def write(job: Job) -> None:
    """The realisation sheets of the site's own documents, to fill in and upload (maintainers' page)."""
    for doc in job.package.site_documents:
        name = layout.file_name(doc.id)
        command = f"unggah ke masukan/ lewat GitHub, atau: make import SRC=masukan/{name}"
        data = sheet_bytes(job.package, doc.id, job.changed_for(doc.kantor), command)
        job.out.put(paths.sheet_download(name), data, f"Lembar realisasi {doc.nama} (XLSX)", "XLSX")
