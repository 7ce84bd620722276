"""Identifiers of documents, programs, sasaran, indicators and anomalies.

The rule (written out for people in docs/keputusan.md, "Kode tetap"): a type prefix, the
two-digit year, a hyphen, the document letter (K = Komisi, S = Sekretariat)
and a two-digit number given in printed order when the row first appears.
A number is never given twice and never changes, even when the text does.
"""

from __future__ import annotations

import re

#: Regular expression each identifier kind must match (also used in schemas).
PATTERNS: dict[str, str] = {
    "dokumen": r"^RKT[0-9]{2}-[KS]$",
    "program": r"^PG[0-9]{2}-[KS][0-9]{2,3}$",
    "sasaran": r"^SS[0-9]{2}-[KS][0-9]{2,3}$",
    "indikator": r"^IK[0-9]{2}-[KS][0-9]{2,3}$",
    "anomali": r"^AN[0-9]{2}-[0-9]{2,3}$",
}

_PREFIX = {"program": "PG", "sasaran": "SS", "indikator": "IK"}


def dokumen_id(tahun: int, letter: str) -> str:
    """The identifier of a signed table: RKT24-K for the Commission's 2024 table."""
    return f"RKT{tahun % 100:02d}-{letter}"


def row_id(kind: str, dokumen: str, number: int) -> str:
    """The identifier of a row of a document: IK24-S07 is the 7th Secretariat indicator of 2024."""
    year, letter = dokumen[3:5], dokumen[-1]
    return f"{_PREFIX[kind]}{year}-{letter}{number:02d}"


def number_of(identifier: str) -> int:
    """The running number at the end of an identifier (IK24-S07 → 7)."""
    match = re.search(r"([0-9]+)$", identifier)
    if match is None:
        raise ValueError(f"'{identifier}' tidak berakhir dengan nomor")
    return int(match.group(1))
