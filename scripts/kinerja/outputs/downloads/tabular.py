"""CSV and JSON copies of the tables for people with a spreadsheet, and typed values for JSON.

CSV dialect of the download copies (decision). The canonical data/*.csv stay
as they are: UTF-8 without BOM, comma, LF, for programs and git. The copies
under berkas/ and api/v1/ are meant for people with a spreadsheet, so they
differ in two ways only:

* UTF-8 **with BOM**: without it Excel reads the file in the Windows code
  page and every non-ASCII character (–, «, é) turns into mojibake.
* Text cells that start with = + - @ tab or CR get a leading apostrophe, so no
  spreadsheet runs them as a formula (CSV injection). Numbers are never
  touched, so a negative number stays a number.

Comma, not semicolon: an Indonesian-locale Excel uses ';' as list separator
and would split a comma file only through Data > From Text/CSV, but a
semicolon file would break every other reader (Google Sheets IMPORTDATA,
LibreOffice defaults, pandas, R) and would still leave decimals ambiguous
(77.5 vs 77,5). RFC 4180 comma plus dot decimals is the one form every tool
reads the same way; people who just want to double-click get the XLSX, where
numbers are numbers, codes like 004 stay text and no locale is involved.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

CSV_NOTE = (
    "Salinan CSV di halaman ini tersimpan sebagai UTF-8 dengan BOM, dipisah koma, dengan titik sebagai "
    "pemisah desimal (77.5) dan tanggal berbentuk TTTT-BB-HH. BOM membuat Excel dan LibreOffice membaca "
    "huruf dengan benar. Koma dipilih, bukan titik koma, karena itulah bentuk baku CSV yang dibaca sama "
    "oleh semua program (Google Sheets, LibreOffice, Python, R); akibatnya Excel berpengaturan bahasa "
    "Indonesia, yang memakai titik koma sebagai pemisah daftar, menaruh seluruh baris di kolom A bila "
    "berkas dibuka dengan klik ganda. Bukalah lewat Data › Dari Teks/CSV (Data › From Text/CSV), di "
    "LibreOffice pilih set karakter UTF-8 dan pemisah koma pada dialog impor, atau pakai saja berkas "
    "XLSX: angkanya sudah bertipe angka, kode seperti 004 tetap teks, dan tidak perlu pengaturan apa pun. "
    "Demi keamanan, teks yang diawali =, +, -, @, tab atau CR diberi awalan tanda kutip tunggal (') di "
    "CSV, dan di XLSX selalu disimpan sebagai teks, agar tidak pernah dijalankan sebagai rumus; kolom "
    "angka tidak diubah. Salinan resmi di folder data/ dan di dalam ZIP tetap UTF-8 tanpa BOM dan tidak "
    "diubah sama sekali: gunakan salinan itu untuk pengolahan dengan program."
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def number(value: Decimal) -> int | float:
    """A decimal as JSON writes it: 40 for 40, 77.5 for 77.5."""
    return int(value) if value == value.to_integral_value() else float(value)


def typed(value: str, field_type: str) -> object:
    """A CSV text value as JSON wants it: ints, numbers, booleans, null for empty; dates stay ISO text."""
    if value == "":
        return None
    if field_type == "integer":
        return int(value)
    if field_type == "number":
        return number(Decimal(value))
    if field_type == "boolean":
        return value in ("true", "True", "TRUE", "1")
    return value


def typed_row(row: dict[str, str], fields: Sequence[tuple[str, str]]) -> dict:
    """A row with each cell typed as its column says (see `typed`)."""
    return {name: typed(row.get(name, ""), kind) for name, kind in fields}


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula, made inert with a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def download_csv(fields: Sequence[tuple[str, str]], rows: Iterable[dict[str, str]]) -> bytes:
    """CSV for spreadsheets: UTF-8 with BOM, comma, LF, text cells neutralised (see module docstring)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([name for name, _ in fields])
    for row in rows:
        writer.writerow([neutralise(row[n]) if kind == "string" else row[n] for n, kind in fields])
    return buffer.getvalue().encode("utf-8")
