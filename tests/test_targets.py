"""The target parser: every printed target of the package, the odd forms, and refusals."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja import csvio
from kinerja.domain.targets import SATUAN, UNIT_WORDS, TargetError, parse_target

ROOT = Path(__file__).resolve().parents[1]
INDIKATOR = csvio.read(ROOT / "data" / "indikator.csv")

#: Words that show a message is Indonesian; English words that show it is not.
_INDONESIAN = re.compile(r"\b(tidak|tulis|gunakan|satuan|kosong|misalnya|periksa)\b")
_ENGLISH = re.compile(r"\b(the|not|invalid|could|cannot|unknown|error)\b", re.IGNORECASE)


def _decimal(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def test_there_are_62_printed_targets() -> None:
    assert len(INDIKATOR) == 62
    assert all(row["target_dicetak"] for row in INDIKATOR)


@pytest.mark.parametrize("row", INDIKATOR, ids=[row["id"] for row in INDIKATOR])
def test_every_printed_target_parses_to_the_stored_values(row: dict[str, str]) -> None:
    target = parse_target(row["target_dicetak"])
    assert target.printed == row["target_dicetak"]
    assert target.nilai == Decimal(row["target_nilai"])
    assert target.satuan == row["target_satuan"]
    assert target.nilai_sekunder == _decimal(row["target_sekunder_nilai"])
    assert (target.satuan_sekunder or "") == row["target_sekunder_satuan"]


@pytest.mark.parametrize(
    ("printed", "nilai", "satuan", "nilai_sekunder", "satuan_sekunder", "decimal_point"),
    [
        ("40%", "40", "persen", None, None, False),
        ("77,5%", "77.5", "persen", None, None, False),
        ("97,5%", "97.5", "persen", None, None, False),
        ("87.5%", "87.5", "persen", None, None, True),
        ("36,36% (4 satker)", "36.36", "persen", "4", "satker", False),
        ("5 keg", "5", "kegiatan", None, None, False),
        ("2 Lap", "2", "laporan", None, None, False),
        ("1 Lap", "1", "laporan", None, None, False),
        ("12 kali", "12", "kali", None, None, False),
        ("10 Satker", "10", "satker", None, None, False),
        ("11 satker", "11", "satker", None, None, False),
        ("3 perkara", "3", "perkara", None, None, False),
        ("100 %", "100", "persen", None, None, False),
    ],
)
def test_edge_cases(
    printed: str,
    nilai: str,
    satuan: str,
    nilai_sekunder: str | None,
    satuan_sekunder: str | None,
    decimal_point: bool,
) -> None:
    target = parse_target(printed)
    assert target.nilai == Decimal(nilai)
    assert target.satuan == satuan
    assert target.nilai_sekunder == (Decimal(nilai_sekunder) if nilai_sekunder else None)
    assert target.satuan_sekunder == satuan_sekunder
    assert target.decimal_point is decimal_point


def test_decimal_comma_and_decimal_point_give_the_same_value() -> None:
    assert parse_target("87.5%").nilai == parse_target("87,5%").nilai == Decimal("87.5")
    assert parse_target("87.5%").decimal_point and not parse_target("87,5%").decimal_point


@pytest.mark.parametrize(
    ("printed", "says"),
    [
        ("seratus persen", "tidak dapat dibaca"),
        ("100", "tidak punya satuan"),
        ("%", "tidak dapat dibaca"),
        ("5 apel", "satuan 'apel'"),
        ("", "target kosong"),
        ("   ", "target kosong"),
        ("1.000 orang", "meragukan"),
        ("36,36% (4 satker", "tidak dapat dibaca"),
        ("-5%", "tidak dapat dibaca"),
        ("40% 50%", "tidak dapat dibaca"),
        ("٤٠%", "tidak dapat dibaca"),
    ],
)
def test_refusals_say_why_in_indonesian(printed: str, says: str) -> None:
    with pytest.raises(TargetError) as caught:
        parse_target(printed)
    message = str(caught.value)
    assert says in message
    assert _INDONESIAN.search(message), message
    assert not _ENGLISH.search(message), message
    if printed.strip():
        assert f"'{printed}'" in message, "the message quotes the target as printed"


def test_unknown_unit_lists_the_known_ones() -> None:
    with pytest.raises(TargetError, match="gunakan salah satu: .*keg.*satker"):
        parse_target("5 apel")


def test_target_error_is_a_value_error() -> None:
    assert issubclass(TargetError, ValueError)


def test_unit_words_map_to_the_canonical_units() -> None:
    assert set(UNIT_WORDS.values()) <= set(SATUAN)
    assert all(word == word.lower() for word in UNIT_WORDS)


def test_schema_lists_exactly_the_canonical_units() -> None:
    """The units the schema allows are the units the parser can produce, in the same order."""
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    (indikator,) = (r for r in descriptor["resources"] if r["name"] == "indikator")
    fields = {f["name"]: f for f in indikator["schema"]["fields"]}
    for name in ("target_satuan", "target_sekunder_satuan"):
        assert tuple(fields[name]["constraints"]["enum"]) == SATUAN
