"""What one input cell of the realisation sheet says, or why it cannot be used (a `Fault`).

Pure functions of a cell's value: the sheet reader (ingest/sheet.py) turns a
Fault into a Problem with the file, sheet, row and column. openpyxl gives a
cell's value as None, text, int, float, bool, a date or a datetime; text is
trimmed here, and an empty text is EMPTY, like an empty cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ..domain.entities import Indikator
from ..domain.targets import UNIT_WORDS, Scales

_NUMBER_TEXT = re.compile(r"^[-+]?[0-9]+(?:[.,][0-9]+)*$")
_WITH_UNIT = re.compile(r"^([-+]?[0-9]+(?:[.,][0-9]+)*)\s*(%|[A-Za-z]+)\.?$")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
DATE_FIX = "ketik tanggal dokumen sumber sebagai tanggal, misalnya 2025-02-28 (format sel Tanggal)."


@dataclass(frozen=True)
class Fault:
    """Why a cell cannot be used: a problem code, what is wrong and how to fix it (Indonesian)."""

    code: str
    what: str
    fix: str


class _Empty:
    """An empty cell (or one holding only spaces)."""

    def __repr__(self) -> str:
        return "EMPTY"


EMPTY: Any = _Empty()


def cell_value(value: Any) -> Any:
    """A cell's value as the checks see it: EMPTY, or the value with the spaces of text normalised."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return EMPTY
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def decimal_text(value: int | float) -> str:
    """A number as data/realisasi.csv stores it: dot decimal, no trailing zeros (80.1, 81, 0.25)."""
    number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    if number == 0:
        return "0"
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def shown(value: Any) -> str:
    """A cell's value as a message quotes it."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return decimal_text(value)
    return str(value)


def _comma(value: int | float) -> str:
    """A number as an Indonesian reads it in a message: 0,8."""
    return decimal_text(value).replace(".", ",")


def number(value: Any, number_format: str, item: Indikator) -> tuple[str, str, str] | Fault:
    """(nilai, satuan, kategori) of a realisation of a number or bound target, or why not."""
    unit = item.target_satuan
    example = f"ketik angkanya saja dalam satuan {unit}, misalnya 80,5"
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return Fault("bukan_angka", f"'{shown(value)}' bukan angka realisasi.", f"{example}.")
    if isinstance(value, (int, float)):
        if "%" in number_format:
            return Fault(
                "format_persen",
                f"sel berformat persen: Excel menyimpan '{_comma(value * 100)}%' sebagai {_comma(value)}, "
                "sehingga angkanya tidak pasti.",
                f"ubah format sel ke Umum (General) lalu {example} tanpa tanda %.",
            )
        if value < 0:
            return Fault(
                "angka_negatif",
                f"realisasi {shown(value)} negatif.",
                "realisasi tidak pernah negatif: periksa dokumen sumber lalu ketik angkanya (0 atau lebih).",
            )
        return decimal_text(value), unit, ""
    if match := _WITH_UNIT.match(value):
        written = UNIT_WORDS.get(match[2].lower())
        if written == unit:
            return Fault(
                "satuan_dalam_sel",
                f"'{value}' ditulis sebagai teks bersama satuannya; realisasi harus angka saja.",
                f"hapus isinya lalu ketik {match[1]} saja (satuan {unit} sudah tercatat di kolom E).",
            )
        if written is not None:
            return Fault(
                "satuan_beda",
                f"'{value}' bersatuan {written}, berbeda dari satuan target '{unit}' (target tercetak "
                f"'{item.target_dicetak}'); capaian tidak dapat dihitung.",
                f"isi realisasi dalam satuan {unit} seperti dilaporkan dokumen sumber, angkanya saja; "
                "jangan menghitung ulang sendiri dari satuan lain: tanyakan pengelola data.",
            )
    if _NUMBER_TEXT.match(value):
        return Fault(
            "bukan_angka",
            f"'{value}' tersimpan sebagai teks, bukan angka.",
            "hapus isinya lalu ketik ulang angkanya tanpa tanda kutip, dengan format sel Umum (General).",
        )
    return Fault("bukan_angka", f"'{value}' bukan angka.", f"{example}; keterangan ditulis di kolom catatan.")


def category(value: Any, item: Indikator, scales: Scales) -> tuple[str, str, str] | Fault:
    """(nilai, satuan, kategori) of a category realisation: a category of the target's scale, or why not.

    The category may be typed by its name or its full name, in any case ("wtp", "Wajar Tanpa
    Pengecualian"); it is stored by its name.
    """
    scale = scales.of(item.target_skala)
    if isinstance(value, str):
        wanted = value.casefold()
        for choice in scale:
            names = {choice.kategori, choice.kepanjangan, f"{choice.kepanjangan} ({choice.kategori})"}
            if wanted in {" ".join(n.split()).casefold() for n in names if n}:
                return "", "", choice.kategori
    name = scale[0].nama_skala if scale else item.target_skala
    return Fault(
        "kategori_di_luar_skala",
        f"'{shown(value)}' bukan kategori skala {name} (target tercetak '{item.target_dicetak}').",
        f"pilih salah satu dari daftar di sel: {', '.join(c.kategori for c in scale)}.",
    )


def text(value: Any) -> str | Fault:
    """A title or a note: text (a number or a date here is a slip)."""
    if value is EMPTY:
        return ""
    if not isinstance(value, str):
        return Fault(
            "bukan_teks",
            f"sel berisi angka atau tanggal ('{shown(value)}'), bukan teks.",
            "tulis teksnya (judul dokumen resmi atau catatan); tanggal ditulis di kolom tanggal.",
        )
    return value


def when(value: Any, tahun: int, today: date) -> date | Fault:
    """The source document's date: a date cell or TTTT-BB-HH text, not after today, not before the year."""
    found: date | None = None
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, str) and _ISO_DATE.match(value):
        try:
            found = date.fromisoformat(value)
        except ValueError:
            found = None
    if found is None:
        return Fault("tanggal_tidak_sah", f"'{shown(value)}' bukan tanggal.", DATE_FIX)
    if found > today:
        return Fault(
            "tanggal_masa_depan",
            f"tanggal {found.isoformat()} belum tiba (hari ini {today.isoformat()}); realisasi hanya dari "
            "dokumen yang sudah terbit.",
            "periksa tanggal pada dokumen sumber dan ketik tanggal terbitnya.",
        )
    if found < date(tahun, 1, 1):
        return Fault(
            "tanggal_sebelum_tahun",
            f"tanggal {found.isoformat()} lebih awal dari tahun rencana {tahun}; realisasi {tahun} tidak "
            f"terbit sebelum {tahun}-01-01.",
            "periksa tanggal pada dokumen sumber (mungkin tahunnya salah ketik).",
        )
    return found
