"""Indonesian formatting for people, and safe text for generated Markdown.

Machine files keep dot decimals and ISO dates; only pages use these forms
(77,5 %; 1.234,5; 1 Maret 2024).
"""

from __future__ import annotations

import html
import re
from datetime import date
from decimal import Decimal

from ..clock import epoch_date

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

SATUAN_LABEL = {
    "persen": "%",
    "kegiatan": "kegiatan",
    "kali": "kali",
    "satker": "satker",
    "laporan": "laporan",
    "perkara": "perkara",
    "dokumen": "dokumen",
    "orang": "orang",
    "nilai": "nilai",
}

# Characters that Markdown, its extensions or Jinja could read as syntax.
_MARKDOWN_ENTITIES = {
    "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;",
    "{": "&#123;", "}": "&#125;", "|": "&#124;", "#": "&#35;", "!": "&#33;", "~": "&#126;",
    "^": "&#94;", "$": "&#36;", "%": "&#37;", ":": "&#58;",
}  # fmt: skip
_LEADING = re.compile(r"^([-+=>]|\d+(?=[.)]))")
#: What teks() writes for each character that is not itself: the Markdown entities, then HTML's escapes.
_INERT = str.maketrans({**{c: html.escape(c, quote=True) for c in "&<>\"'"}, **_MARKDOWN_ENTITIES})


def angka(value: Decimal | int | float) -> str:
    """A number as Indonesians write it: 77,5 · 1.234 · 36,36."""
    number = Decimal(str(value))
    text = format(number.normalize(), "f") if number == number.to_integral() else format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def nilai_satuan(value: Decimal, satuan: str) -> str:
    """Value and unit for a page: '77,5 %', '5 kegiatan', '2 laporan'."""
    label = SATUAN_LABEL.get(satuan, satuan)
    return f"{angka(value)} {label}"


def tanggal(day: date) -> str:
    """A date as '1 Maret 2024'."""
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


def tanggal_epoch(epoch: int) -> str:
    """A build timestamp as an Indonesian date (UTC)."""
    return tanggal(epoch_date(epoch))


def teks(value: str) -> str:
    """Data text made inert for Markdown: HTML escaped, Markdown and Jinja syntax neutralised.

    Official text can contain anything a spreadsheet accepts; on the page it must
    read exactly as typed and never become markup, a link or a template.
    """
    match = _LEADING.match(value)
    lead = len(match.group(0)) if match else 0
    escaped = "".join(f"&#{ord(ch)};" for ch in value[:lead]) + value[lead:].translate(_INERT)
    return " ".join(escaped.split())


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar safe for front matter."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def constraints_text(constraints: dict) -> str:
    """Schema constraints in words, for the data dictionary (page and XLSX sheet)."""
    parts = []
    if constraints.get("required"):
        parts.append("wajib")
    if constraints.get("unique"):
        parts.append("unik")
    if "pattern" in constraints:
        parts.append(f"pola: {constraints['pattern']}")
    if "enum" in constraints:
        parts.append("pilihan: " + ", ".join(str(v) for v in constraints["enum"]))
    for key, label in (("minimum", "minimum"), ("maximum", "maksimum")):
        if key in constraints:
            parts.append(f"{label}: {constraints[key]}")
    return "; ".join(parts)
