"""Identifiers of offices' documents and of their programs, sasaran, indicators and anomalies.

The rule (for people: docs/keputusan.md, "Kode tetap"). A code is a type
prefix, the two-digit year, a hyphen, then the document part, then the row's
number given in printed order when the row first appears:

    RKT24-K        IK24-K03          the home office's Komisi table of 2024 and its 3rd indicator
    RKT24-6472-S   IK24-6472-S07     another office (Kemendagri region code 64.72) in the code
    RKT24-K2       IK24-K2-03        a second Komisi document of the same office and year
    AN24-03        AN24-6472-01      anomalies, numbered per office and year

The home office of the site (data/kantor.csv, `utama`) leaves its code out,
so every code issued before offices existed (RKT24-K, IK24-S07, AN24-03)
stays valid and unchanged. A number is never given twice and never changes,
even when the text does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: An office in a code: RI (KPU RI), a 2-digit province or a 4-digit kabupaten/kota (Kemendagri).
KANTOR = r"(?:RI|[0-9]{2}|[0-9]{4})"
_SEQ = r"(?:[2-9]|[1-9][0-9])"
_ROW = rf"[0-9]{{2}}-(?:{KANTOR}-)?[KS](?:{_SEQ}-)?[0-9]{{2,3}}"

#: Regular expression each identifier kind must match (also used in schemas).
PATTERNS: dict[str, str] = {
    "dokumen": rf"^RKT[0-9]{{2}}-(?:{KANTOR}-)?[KS]{_SEQ}?$",
    "program": rf"^PG{_ROW}$",
    "sasaran": rf"^SS{_ROW}$",
    "indikator": rf"^IK{_ROW}$",
    "anomali": rf"^AN[0-9]{{2}}-(?:{KANTOR}-)?[0-9]{{2,3}}$",
}
#: Pattern of an office's code (kantor.csv `id`).
KANTOR_PATTERN = rf"^{KANTOR}$"

_PREFIX = {"dokumen": "RKT", "program": "PG", "sasaran": "SS", "indikator": "IK", "anomali": "AN"}
_OFFICE = rf"(?P<yy>[0-9]{{2}})-(?:(?P<kantor>{KANTOR})-)?"
_PARSE = {
    "dokumen": re.compile(rf"^RKT{_OFFICE}(?P<jenis>[KS])(?P<seq>{_SEQ})?$"),
    "row": re.compile(
        rf"^(?P<prefix>PG|SS|IK){_OFFICE}(?P<jenis>[KS])(?:(?P<seq>{_SEQ})-)?(?P<number>[0-9]{{2,3}})$"
    ),
    "anomali": re.compile(rf"^AN{_OFFICE}(?P<number>[0-9]{{2,3}})$"),
}
_KIND = {"PG": "program", "SS": "sasaran", "IK": "indikator"}


@dataclass(frozen=True)
class Dokumen:
    """The part of a code that names a document: year, office (empty: the home office), letter, sequence."""

    yy: str
    kantor: str
    jenis: str
    seq: int = 1

    @property
    def code(self) -> str:
        """The document's own code: RKT24-K, RKT24-6472-S, RKT24-K2."""
        return f"RKT{self.yy}-{self._middle()}"

    def _middle(self) -> str:
        office = f"{self.kantor}-" if self.kantor else ""
        return f"{office}{self.jenis}{self.seq if self.seq > 1 else ''}"

    def row(self, kind: str, number: int) -> str:
        """The code of a row of this document: IK24-K03, IK24-6472-S07, IK24-K2-03."""
        separator = "-" if self.seq > 1 else ""
        return f"{_PREFIX[kind]}{self.yy}-{self._middle()}{separator}{number:02d}"

    def anomali(self, number: int) -> str:
        """The code of an anomaly of this office and year: AN24-03, AN24-6472-01."""
        office = f"{self.kantor}-" if self.kantor else ""
        return f"AN{self.yy}-{office}{number:02d}"


@dataclass(frozen=True)
class Parsed:
    """A code taken apart: its kind, its document part and its number (None for a document)."""

    kind: str
    dokumen: Dokumen
    number: int | None


def dokumen(tahun: int, jenis: str, kantor: str = "", seq: int = 1) -> Dokumen:
    """The document part for a year, letter (K or S), office code ('' = home office) and sequence."""
    return Dokumen(f"{tahun % 100:02d}", kantor, jenis, seq)


def dokumen_id(tahun: int, letter: str, kantor: str = "", seq: int = 1) -> str:
    """The identifier of a signed table: RKT24-K for the home office's Commission table of 2024."""
    return dokumen(tahun, letter, kantor, seq).code


def parse(identifier: str) -> Parsed | None:
    """A code taken apart, or None when it does not follow the rule."""
    for group, pattern in _PARSE.items():
        match = pattern.match(identifier)
        if match is None:
            continue
        kind = _KIND[match["prefix"]] if group == "row" else group
        parts = match.groupdict()
        doc = Dokumen(
            parts["yy"], parts["kantor"] or "", parts.get("jenis") or "", int(parts.get("seq") or 1)
        )
        number = int(parts["number"]) if parts.get("number") else None
        return Parsed(kind, doc, number)
    return None


def row_id(kind: str, dokumen_code: str, number: int) -> str:
    """The identifier of the `number`th row of a kind in a document: IK24-S07 for RKT24-S."""
    parsed = parse(dokumen_code)
    if parsed is None or parsed.kind != "dokumen":
        raise ValueError(f"'{dokumen_code}' bukan kode dokumen")
    return parsed.dokumen.row(kind, number)


def number_of(identifier: str) -> int:
    """The running number at the end of an identifier (IK24-S07 → 7)."""
    match = re.search(r"([0-9]+)$", identifier)
    if match is None:
        raise ValueError(f"'{identifier}' tidak berakhir dengan nomor")
    return int(match.group(1))


def year_of(identifier: str) -> int | None:
    """The year written in a code (IK24-… → 2024), or None."""
    parsed = parse(identifier)
    return 2000 + int(parsed.dokumen.yy) if parsed else None
