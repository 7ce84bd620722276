"""What one input cell of the realisation sheet says, or why it cannot be used (a `Fault`).

Pure functions of a cell's value: the sheet reader (ingest/sheet_reader.py) turns a
Fault into a Problem with the file, sheet, row and column. openpyxl gives a
cell's value as None, text, int, float, bool, a date or a datetime; text is
trimmed here (also no-break spaces), and an empty text is EMPTY, like an empty cell.

The sheet is filled on office PCs in Indonesian (id-ID: 77,5 and 15/04/2024)
and English (en-US: 77.5 and 04/15/2024) settings. What the spreadsheet could
not read in its own setting it keeps as text, so text is read here by the rules
of both: a number with a decimal comma or point (`35,5`, `1.234,5`, `1,234.5`),
a day-first date (`15/04/2024`, `15 Mei 2024`, `2024-04-15`). What could mean
two things (`1.234`: a thousand or one point two) is refused with both readings,
never guessed. A percent-formatted number in a persen indicator is read as the
cell shows it (0.995 shown as 99,5% is 99,5).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ..domain.entities import Indikator
from ..domain.targets import UNIT_WORDS, Scales
from ..problems import (
    ANGKA_MERAGUKAN,
    ANGKA_NEGATIF,
    ANGKA_TIDAK_BERATURAN,
    BUKAN_ANGKA,
    BUKAN_ANGKA_REALISASI,
    BUKAN_TEKS,
    BULAN_TIDAK_ADA,
    FORMAT_PERSEN,
    HARI_TIDAK_ADA,
    KATEGORI_DI_LUAR_SKALA,
    SATUAN_BEDA,
    SATUAN_DALAM_SEL,
    TAHUN_DUA_ANGKA,
    TANGGAL_MASA_DEPAN,
    TANGGAL_SEBELUM_TAHUN,
    TANGGAL_TIDAK_SAH,
    Kind,
)

#: A number as text, maybe signed, maybe followed by a unit or % ("35,5", "1.234,5", "80 %", "5 keg.").
_TYPED = re.compile(r"^(?P<sign>[-+]?)\s*(?P<digits>[0-9]+(?:[.,][0-9]+)*)\s*(?:(?P<unit>%|[A-Za-z]+)\.?)?$")
#: Digits grouped by thousands: "1.234.567" (the separator is given).
_GROUPED = "^[1-9][0-9]{0,2}(?:%s[0-9]{3})+$"
_NUMERIC_DATE = re.compile(r"^(?P<a>[0-9]{1,4})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)(?P<c>[0-9]{1,4})$")
_NAMED_DATE = re.compile(r"^(?P<day>[0-9]{1,2})\.?[\s/-]*(?P<month>[A-Za-z]+)\.?[\s/-]*(?P<year>[0-9]{2,4})$")
_NAMED_DATE_MONTH_FIRST = re.compile(
    r"^(?P<month>[A-Za-z]+)\.?\s+(?P<day>[0-9]{1,2}),?\s+(?P<year>[0-9]{2,4})$"
)
#: Month names and abbreviations, Indonesian and English, as people write them.
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "januari jan january",
            "februari feb pebruari peb february",
            "maret mar march",
            "april apr",
            "mei may",
            "juni jun june",
            "juli jul july",
            "agustus agu agt ags aug august",
            "september sep sept",
            "oktober okt october oct",
            "november nov nopember nop",
            "desember des december dec",
        ),
        start=1,
    )
    for name in names.split()
}
MONTH_NAMES = (
    "", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
    "November", "Desember",
)  # fmt: skip
#: Where a number is text because of the spreadsheet's language setting: what the setting means, where it is.
LOCALE_HINT = (
    "Arti koma dan titik mengikuti bahasa/lokal lembar kerja: Indonesia (id-ID) 77,5, Inggris (en-US) 77.5; "
    "pengaturannya di LibreOffice: Tools → Options → Language Settings → Languages → Locale setting, di "
    "Excel: File → Options → Advanced → Use system separators."
)


@dataclass(frozen=True)
class Fault:
    """Why a cell cannot be used: a problem code, what is wrong and how to fix it (Indonesian)."""

    code: str
    what: str
    fix: str

    @classmethod
    def of(cls, kind: Kind, **values: object) -> Fault:
        """The fault of a kind in the problem catalogue, its gaps filled with `values`."""
        return cls(kind.code, *kind.text(**values))


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


def decimal_text(value: int | float | Decimal) -> str:
    """A number as data/realisasi.csv stores it: dot decimal, no trailing zeros (80.1, 81, 0.25)."""
    number = (
        value if isinstance(value, Decimal) else Decimal(value if isinstance(value, int) else repr(value))
    )
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


def comma(value: int | float | Decimal) -> str:
    """A number as an Indonesian reads it in a message: 0,8."""
    return decimal_text(value).replace(".", ",")


_ONES = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def words(number: int) -> str:
    """An integer below a million in Indonesian words (1234: seribu dua ratus tiga puluh empat)."""
    if number < 10:
        return _ONES[number]
    if number < 20:
        return {10: "sepuluh", 11: "sebelas"}.get(number, f"{_ONES[number - 10]} belas")
    for size, word, one in ((1000, "ribu", "seribu"), (100, "ratus", "seratus"), (10, "puluh", "")):
        if number >= size:
            head, rest = divmod(number, size)
            text = one if head == 1 and one else f"{words(head)} {word}"
            return f"{text} {words(rest)}" if rest else text
    raise AssertionError(number)  # pragma: no cover - every number below a million is handled above


def _ambiguous(typed: str, before: str, mark: str, after: str) -> Fault:
    thousands, point = int(before + after), f"{before},{after}"
    spoken = f"{words(int(before))} koma {' '.join(_ONES[int(d)] for d in after)}"
    return Fault.of(
        ANGKA_MERAGUKAN,
        typed=typed,
        spoken_thousands=words(thousands),
        thousands=thousands,
        mark=mark,
        spoken=spoken,
        point=point,
        before=before,
        after=after,
        hint=LOCALE_HINT,
    )


def amount_text(typed: str, digits: str) -> Decimal | Fault:
    """The number that `digits` (digits with . and , only) means in either setting, or why it is unsure.

    The separator that comes last is the decimal one when both occur (1.234,5 and 1,234.5); one that
    occurs twice groups thousands (1.234.567); one that occurs once before exactly three digits (1.234)
    could be either, and is refused.
    """
    marks = [c for c in digits if c in ".,"]
    unclear = Fault.of(ANGKA_TIDAK_BERATURAN, typed=typed, hint=LOCALE_HINT)
    if not marks:
        return Decimal(digits)
    point = marks[-1]
    whole, _, fraction = digits.rpartition(point)
    if len(set(marks)) == 2:
        group = "," if point == "." else "."
        if marks.count(point) > 1 or not re.match(_GROUPED % re.escape(group), whole):
            return unclear
        return Decimal(f"{whole.replace(group, '')}.{fraction}")
    if len(marks) > 1:
        return (
            Decimal(digits.replace(point, "")) if re.match(_GROUPED % re.escape(point), digits) else unclear
        )
    if len(fraction) == 3 and re.fullmatch("[1-9][0-9]{0,2}", whole):
        return _ambiguous(typed, whole, point, fraction)
    return Decimal(f"{whole}.{fraction}")


def percent_format(number_format: str) -> bool:
    """Whether a cell's number format shows its value times a hundred with % (not a quoted or escaped %,
    nor one inside [...] such as a locale code)."""
    return "%" in re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format)


def number(value: Any, number_format: str, item: Indikator) -> tuple[str, str, str] | Fault:
    """(nilai, satuan, kategori) of a realisation of a number or bound target, or why not."""
    unit = item.target_satuan
    example = f"ketik angkanya saja dalam satuan {unit}, misalnya 80,5"
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return Fault.of(BUKAN_ANGKA_REALISASI, value=shown(value), example=example)
    found: Decimal | Fault
    if isinstance(value, str):
        found = _typed(value, item, example)
    elif percent_format(number_format) and unit == "persen":
        found = Decimal(repr(value) if isinstance(value, float) else value).scaleb(2)
    elif percent_format(number_format):
        return Fault.of(
            FORMAT_PERSEN,
            percent=comma(Decimal(repr(value)).scaleb(2)),
            unit=unit,
            printed=item.target_dicetak,
            example=example,
        )
    else:
        found = Decimal(value if isinstance(value, int) else repr(value))
    if isinstance(found, Fault):
        return found
    if found < 0:
        return Fault.of(ANGKA_NEGATIF, value=comma(found))
    return decimal_text(found), unit, ""


def _unquoted(typed: str) -> str:
    """Text without the apostrophe that forces text (LibreOffice in en-US keeps it in '88,5)."""
    return typed.removeprefix("'").strip()


def _typed(value: str, item: Indikator, example: str) -> Decimal | Fault:
    """The number a text cell means (see `amount_text`), with % allowed in a persen indicator only."""
    unit = item.target_satuan
    match = _TYPED.match(_unquoted(value))
    if match is None:
        return Fault.of(BUKAN_ANGKA, value=value, example=example)
    found = amount_text(value, match["digits"])
    if isinstance(found, Decimal) and match["sign"] == "-":
        found = -found
    written = UNIT_WORDS.get(match["unit"].lower()) if match["unit"] else None
    if match["unit"] is None or (match["unit"] == "%" and unit == "persen"):
        return found
    if written is None:
        return Fault.of(BUKAN_ANGKA, value=value, example=example)
    if written != unit:
        return Fault.of(SATUAN_BEDA, value=value, written=written, unit=unit, printed=item.target_dicetak)
    if isinstance(found, Fault):
        return found
    return Fault.of(SATUAN_DALAM_SEL, value=value, number=comma(found), unit=unit)


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
    return Fault.of(
        KATEGORI_DI_LUAR_SKALA,
        value=shown(value),
        scale=name,
        printed=item.target_dicetak,
        choices=", ".join(c.kategori for c in scale),
    )


def text(value: Any) -> str | Fault:
    """A title or a note: text (a number or a date here is a slip)."""
    if value is EMPTY:
        return ""
    if not isinstance(value, str):
        return Fault.of(BUKAN_TEKS, value=shown(value))
    return value


def date_text(typed: str) -> date | Fault | None:
    """The date a text cell means, day first (15/04/2024, 15-04-2024, 15 Mei 2024, 2024-04-15).

    None when it does not look like a date at all; a Fault when it does but names no real day or
    its year is not written in four digits.
    """
    plain = _unquoted(typed)
    if match := _NUMERIC_DATE.match(plain):
        a, b, c = match["a"], match["b"], match["c"]
        if len(a) == 4 and len(c) <= 2:
            parts = (a, b, c)  # 2024-04-15, 2024/04/15: year first, then month and day
        elif len(c) == 4 and len(a) <= 2:
            parts = (c, b, a)  # 15/04/2024: day first
        else:
            return _two_digit_year(typed) if len(a) <= 2 and len(c) <= 2 else None
        year, month, day = (int(p) for p in parts)
        return _day(typed, year, month, day, "tahun-bulan-hari" if len(a) == 4 else "hari/bulan/tahun")
    match = _NAMED_DATE.match(plain) or _NAMED_DATE_MONTH_FIRST.match(plain)
    if match is None:
        return None
    named_month = MONTHS.get(match["month"].lower())
    if named_month is None:
        return None
    if len(match["year"]) != 4:
        return _two_digit_year(typed)
    return _day(typed, int(match["year"]), named_month, int(match["day"]), "hari, nama bulan, tahun")


def _two_digit_year(typed: str) -> Fault:
    return Fault.of(TAHUN_DUA_ANGKA, typed=typed)


def _day(typed: str, year: int, month: int, day: int, order: str) -> date | Fault:
    if not 1 <= month <= 12:
        return Fault.of(BULAN_TIDAK_ADA, typed=typed, month=month, order=order, year=year)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return Fault.of(
            HARI_TIDAK_ADA, typed=typed, month_name=MONTH_NAMES[month], year=year, last=last, month=month
        )
    return date(year, month, day)


def when(value: Any, tahun: int, today: date) -> date | Fault:
    """The source document's date, not after today nor before the plan's year.

    A date cell, or a date typed as text (`date_text`).
    """
    found: date | Fault | None = None
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, str):
        found = date_text(value)
    if isinstance(found, Fault):
        return found
    if found is None:
        return Fault.of(TANGGAL_TIDAK_SAH, value=shown(value))
    if found > today:
        return Fault.of(TANGGAL_MASA_DEPAN, date=found.isoformat(), today=today.isoformat())
    if found < date(tahun, 1, 1):
        return Fault.of(TANGGAL_SEBELUM_TAHUN, date=found.isoformat(), tahun=tahun)
    return found
