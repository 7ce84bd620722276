"""Domain checks of targets: the stored kind, values, units, bound and category agree with the printed target.

The printed target is the official text; every other target column is derived
from it by kinerja.domain.targets and must say the same, so that a value
typed by hand cannot drift from what the document prints.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..domain.entities import from_row
from ..domain.targets import Kategori, Scales, TargetError, parse_target
from ..errors import Problem
from ..problems import NILAI_TIDAK_COCOK, SATUAN_TIDAK_COCOK, TARGET_TIDAK_COCOK, TARGET_TIDAK_TERBACA

#: What each kind of target stores, column by column (None: the column stays empty).
_STORED = (
    ("target_jenis", lambda t: t.jenis),
    ("target_nilai", lambda t: t.nilai),
    ("target_satuan", lambda t: t.satuan),
    ("target_batas", lambda t: t.batas),
    ("target_nilai_atas", lambda t: t.nilai_atas),
    ("target_sekunder_nilai", lambda t: t.nilai_sekunder),
    ("target_sekunder_satuan", lambda t: t.satuan_sekunder or ""),
    ("target_skala", lambda t: t.skala),
    ("target_kategori", lambda t: t.kategori),
)


def scales_of(rows: dict[str, list[dict[str, str]]]) -> Scales:
    """The category scales of the package, as the target parser needs them."""
    categories = []
    for row in rows.get("skala_kategori", []):
        try:
            categories.append(from_row(Kategori, row, urutan=int(row["urutan"])))
        except (TypeError, ValueError):
            continue  # reported by the schema layer
    return Scales(categories)


def _same(stored: str, expected: object) -> bool:
    if isinstance(expected, Decimal) or (expected is None and stored):
        try:
            return (Decimal(stored) if stored else None) == expected
        except InvalidOperation:
            return False
    return stored == (expected or "")


def check_targets(rel: str, indikator: list[dict[str, str]], scales: Scales) -> list[Problem]:
    problems = []
    for number, row in enumerate(indikator, start=2):
        try:
            target = parse_target(row["target_dicetak"], scales)
        except TargetError as error:
            problems.append(TARGET_TIDAK_TERBACA.at(rel, number, "target_dicetak", reason=error))
            continue
        for field, value in _STORED:
            expected = value(target)
            stored = row.get(field, "")
            if _same(stored, expected):
                continue
            shown = (
                "kosong"
                if expected in (None, "")
                else (format(expected, "f") if isinstance(expected, Decimal) else str(expected))
            )
            numeric = field in ("target_nilai", "target_nilai_atas", "target_sekunder_nilai")
            kind = (
                NILAI_TIDAK_COCOK
                if numeric
                else SATUAN_TIDAK_COCOK
                if "satuan" in field
                else TARGET_TIDAK_COCOK
            )
            if expected in (None, ""):
                fix = f"kosongkan '{field}'."
            elif numeric:
                fix = f"samakan '{field}' dengan angka pada target tercetak, dengan titik desimal."
            else:
                fix = f"isi '{field}' dengan '{shown}'."
            if target.jenis == "kategori" and field == "target_nilai":
                fix += " Target kategori tidak diberi angka."
            problems.append(
                kind.at(
                    rel, number, field, stored=stored, printed=row["target_dicetak"], shown=shown, fix=fix
                )
            )
    return problems
