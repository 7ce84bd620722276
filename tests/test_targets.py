"""The target parser: every printed target of the package, the odd forms, and refusals."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from conftest import FIXTURE
from kinerja import csvio
from kinerja.domain.targets import SATUAN, UNIT_WORDS, Kategori, Scales, TargetError, parse_target

INDIKATOR = csvio.read(FIXTURE / "data" / "indikator.csv")

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
    descriptor = json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))
    (indikator,) = (r for r in descriptor["resources"] if r["name"] == "indikator")
    fields = {f["name"]: f for f in indikator["schema"]["fields"]}
    for name in ("target_satuan", "target_sekunder_satuan"):
        assert tuple(fields[name]["constraints"]["enum"]) == SATUAN


SCALES = Scales(
    Kategori(s, s, n, k, e, "sumber uji")
    for s, items in {
        "opini_bpk": [("WTP", "Wajar Tanpa Pengecualian"), ("WDP", "Wajar Dengan Pengecualian")],
        "predikat_sakip": [("AA", ""), ("A", ""), ("BB", "")],
        "kualifikasi_kip": [("Informatif", ""), ("Menuju Informatif", "")],
    }.items()
    for n, (k, e) in enumerate(items, start=1)
)


@pytest.mark.parametrize(
    ("printed", "batas", "nilai", "atas", "satuan"),
    [
        ("≥ 90%", "paling_sedikit", "90", None, "persen"),
        (">= 90 %", "paling_sedikit", "90", None, "persen"),
        ("minimal 90%", "paling_sedikit", "90", None, "persen"),
        ("Minimal 87,5%", "paling_sedikit", "87.5", None, "persen"),
        ("paling sedikit 5 keg", "paling_sedikit", "5", None, "kegiatan"),
        ("≤ 3 perkara", "paling_banyak", "3", None, "perkara"),
        ("maksimal 3 perkara", "paling_banyak", "3", None, "perkara"),
        ("maks. 2 kali", "paling_banyak", "2", None, "kali"),
        ("> 50%", "lebih_dari", "50", None, "persen"),
        ("< 5 kali", "kurang_dari", "5", None, "kali"),
        ("80–90%", "rentang", "80", "90", "persen"),
        ("80 - 90 %", "rentang", "80", "90", "persen"),
        ("80% - 90%", "rentang", "80", "90", "persen"),
        ("80 s.d. 90%", "rentang", "80", "90", "persen"),
        ("2 sampai dengan 4 Lap", "rentang", "2", "4", "laporan"),
    ],
)
def test_bounds_are_read(printed: str, batas: str, nilai: str, atas: str | None, satuan: str) -> None:
    target = parse_target(printed)
    assert (target.jenis, target.batas, target.satuan) == ("batas", batas, satuan)
    assert target.nilai == Decimal(nilai)
    assert target.nilai_atas == (Decimal(atas) if atas else None)
    assert target.printed == printed


@pytest.mark.parametrize(
    ("printed", "skala", "kategori"),
    [
        ("WTP", "opini_bpk", "WTP"),
        ("Wajar Tanpa Pengecualian", "opini_bpk", "WTP"),
        ("Wajar Tanpa Pengecualian (WTP)", "opini_bpk", "WTP"),
        ("wtp", "opini_bpk", "WTP"),
        ("BB", "predikat_sakip", "BB"),
        ("A", "predikat_sakip", "A"),
        ("Informatif", "kualifikasi_kip", "Informatif"),
        ("Menuju Informatif", "kualifikasi_kip", "Menuju Informatif"),
    ],
)
def test_categories_are_read_from_the_scales_and_get_no_number(
    printed: str, skala: str, kategori: str
) -> None:
    target = parse_target(printed, SCALES)
    assert (target.jenis, target.skala, target.kategori) == ("kategori", skala, kategori)
    assert target.nilai is None and target.satuan == ""


@pytest.mark.parametrize(
    ("printed", "says"),
    [
        ("WBK", "data/skala_kategori.csv"),
        ("Sangat Baik", "bukan kategori skala yang dikenal"),
        ("90–80%", "dari angka kecil ke angka besar"),
        ("80 kali - 90%", "dua satuan berbeda"),
        ("≥ 90", "tidak punya satuan"),
        ("minimal 40% (4 satker)", "hanya boleh memuat satu angka"),
    ],
)
def test_other_targets_are_refused_with_the_way_to_fix_them(printed: str, says: str) -> None:
    with pytest.raises(TargetError) as caught:
        parse_target(printed, SCALES)
    assert says in str(caught.value)
    assert _INDONESIAN.search(str(caught.value))


def test_a_category_in_two_scales_is_ambiguous() -> None:
    scales = Scales([Kategori("a", "A", 1, "B", "", "s"), Kategori("b", "B", 1, "B", "", "s")])
    with pytest.raises(TargetError, match="lebih dari satu skala"):
        parse_target("B", scales)


def test_the_package_scales_have_public_sources() -> None:
    rows = csvio.read(FIXTURE / "data" / "skala_kategori.csv")
    assert {r["skala"] for r in rows} >= {"opini_bpk", "kualifikasi_kip", "predikat_sakip", "zona_integritas"}
    assert all(r["sumber"] for r in rows)
    wtp = [r["kategori"] for r in rows if r["skala"] == "opini_bpk"]
    assert wtp == ["WTP", "WDP", "TW", "TMP"], "dari yang terbaik"
