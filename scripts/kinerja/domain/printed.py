"""How printed text is read and compared: dates, program cells with budget codes, matching.

These rules are shared by the importer (to turn a cell into rows) and by the
validator (to check that the rows still agree with the printed cell).
"""

from __future__ import annotations

import re
from datetime import date

_CODE = re.compile(r"\((?P<kode>(?P<kegiatan>[0-9]{4})(?:\.(?P<kro>[A-Z]{3}))?(?:\.(?P<ro>[0-9]{3}))?)\)")
MONTHS = {
    "januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}  # fmt: skip


def normalise(text: str) -> str:
    """Text compared without regard to case or spacing (for matching, never for display)."""
    return " ".join(text.split()).casefold()


def iso_date(printed: str) -> str:
    """'1 Maret 2024' → '2024-03-01'."""
    day, month, year = printed.split()
    return f"{int(year):04d}-{MONTHS[month.lower()]:02d}-{int(day):02d}"


def long_date(day: date) -> str:
    """A date as documents print it: 2 Mei 2024."""
    return f"{day.day} {next(name for name, n in MONTHS.items() if n == day.month).capitalize()} {day.year}"


_TYPED = (
    re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})"),
    re.compile(r"(?P<day>[0-9]{1,2})[/.-](?P<month>[0-9]{1,2})[/.-](?P<year>[0-9]{4})"),
    re.compile(r"(?P<day>[0-9]{1,2})\s+(?P<name>[A-Za-z]+)\s+(?P<year>[0-9]{4})"),
)


def typed_date(text: str) -> date | None:
    """A date a person typed: 2024-05-02, 2/5/2024 or 02-05-2024 (day first), 2 Mei 2024; else None.

    Day-first like every Indonesian form and letter; a month name must be Indonesian, so that
    '2 May 2024' is refused rather than guessed.
    """
    for pattern in _TYPED:
        match = pattern.fullmatch(text.strip())
        if match is None:
            continue
        parts = match.groupdict()
        month = MONTHS.get(parts["name"].lower()) if "name" in parts else int(parts["month"])
        try:
            return date(int(parts["year"]), month or 0, int(parts["day"]))
        except ValueError:
            return None
    return None


def split_program(cell: str) -> tuple[str, list[dict[str, str]]]:
    """Split a program cell into its name without codes and its activities with code parts."""
    parts: list[dict[str, str]] = []
    start = 0
    for match in _CODE.finditer(cell):
        name = cell[start : match.start()].strip()
        name = re.sub(r"^dan\s+", "", name)
        parts.append(
            {
                "kode": match["kode"],
                "kode_kegiatan": match["kegiatan"],
                "kode_kro": match["kro"] or "",
                "kode_ro": match["ro"] or "",
                "nama_kegiatan": name,
            }
        )
        start = match.end()
    nama = " dan ".join(p["nama_kegiatan"] for p in parts) if parts else cell.strip()
    return nama, parts


def program_key(cell: str) -> tuple[str, ...]:
    """Programs are the same when name and codes agree; a dangling 'dan' is ignored."""
    nama, parts = split_program(cell)
    return (normalise(nama), *(p["kode"] for p in parts))
