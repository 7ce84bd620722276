"""Which KPU office signed a printed table: read from its 'Nama/Unit Organisasi' line, or stated.

An office matches when all words of its name (data/kantor.csv) appear in the
printed unit in the same order, so "Sekretariat KPU Provinsi insi Kalimantan
Timur" (as the 2024 document prints it) is KPU Provinsi Kalimantan Timur; of
several matches the longest name wins ("KPU Kabupaten Paser" over a province
named in the same line). A unit that matches no office, or two equally, is a
problem naming the line, with the command to state the office.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..datapackage import DataPackage, of
from ..errors import Problem
from ..problems import KANTOR_TIDAK_DIKENAL, UNIT_TIDAK_DIKENAL
from .reading import Source
from .source_text import PrintedTable
from .transcribe import Office


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _in_order(needle: list[str], haystack: list[str]) -> bool:
    remaining = iter(haystack)
    return all(word in remaining for word in needle)


def offices(package: DataPackage | Path) -> list[dict[str, str]]:
    """The offices of the package (kantor.csv), or of the package in folder `package`."""
    return of(package).rows("kantor")


def resolve(
    source: Source, tables: list[PrintedTable], known: list[dict[str, str]], stated: str = ""
) -> tuple[list[Office], list[Problem]]:
    """The office of each table (kantor id, office part of its codes), and the problems found."""
    by_id = {row["id"]: row for row in known}
    found: list[Office] = []
    problems: list[Problem] = []
    for table in tables:
        name, row = source.place(table.unit_line or None)
        if stated:
            office = by_id.get(stated)
            if office is None:
                problems.append(KANTOR_TIDAK_DIKENAL.at(name, row, "Nama/Unit Organisasi", kantor=stated))
                continue
        else:
            unit = [w for w in _words(table.unit) if w != "sekretariat"]
            matches = [o for o in known if _in_order(_words(o["nama"]), unit)]
            longest = max((len(_words(o["nama"])) for o in matches), default=0)
            best = [o for o in matches if len(_words(o["nama"])) == longest]
            if len(best) != 1:
                what = (
                    f"unit '{table.unit}' tidak cocok dengan kantor mana pun di data/kantor.csv."
                    if not best
                    else f"unit '{table.unit}' cocok dengan lebih dari satu kantor "
                    f"({', '.join(o['nama'] for o in best)})."
                )
                problems.append(UNIT_TIDAK_DIKENAL.at(name, row, "Nama/Unit Organisasi", found=what))
                continue
            office = best[0]
        found.append((office["id"], "" if office.get("utama") == "ya" else office["id"]))
    return found, problems
