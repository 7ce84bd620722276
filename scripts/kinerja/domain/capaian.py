"""Capaian (achievement) computed from target, realisasi and polarity — never typed in.

SAKIP formulas (PermenPAN-RB 53/2014 practice), for a number or a bound X:
- naik (higher is better):  capaian = realisasi / X × 100 %
- turun (lower is better):  capaian = (1 + (1 − realisasi / X)) × 100 %
A bound says which way is better (≥ and > naik, ≤ and < turun) and is met or
not; a range a–b is met when a ≤ realisasi ≤ b, and its ratio is taken
against a (naik) or b (turun). A category target is met when the realised
category ranks at or above it on the same scale; it gets no ratio.
Rating bands differ between agencies, so they are data (skala_capaian.csv).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .targets import BOUND_DIRECTION


@dataclass(frozen=True)
class Pita:
    """One rating band: capaian in [batas_bawah, batas_atas) belongs to kategori."""

    urutan: int
    kategori: str
    batas_bawah: Decimal
    batas_atas: Decimal | None


@dataclass(frozen=True)
class Hasil:
    """What a realisation achieves against its target."""

    capaian: Decimal | None
    """The SAKIP ratio in percent, rounded to two decimals; None when it has no meaning or target is 0."""
    memenuhi: bool | None
    """Met or not, for a bound or a category; None for a plain number."""


def hitung(target: Decimal, realisasi: Decimal, polaritas: str) -> Decimal | None:
    """Capaian in percent, rounded to two decimals; None when it cannot be computed (target 0)."""
    if target == 0:
        return None
    ratio = realisasi / target
    if polaritas == "naik":
        value = ratio * 100
    elif polaritas == "turun":
        value = (1 + (1 - ratio)) * 100
    else:
        raise ValueError(f"arah '{polaritas}' tidak dikenal; gunakan 'naik' atau 'turun'")
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def arah_batas(batas: str, polaritas: str) -> str:
    """The direction used for a bound: the one it implies, or the indicator's for a range."""
    return BOUND_DIRECTION.get(batas, polaritas)


def pembanding(batas: str, nilai: Decimal, nilai_atas: Decimal | None, polaritas: str) -> Decimal:
    """The number a bound's ratio is taken against: the bound, or the nearer end of a range."""
    if batas == "rentang" and nilai_atas is not None and arah_batas(batas, polaritas) == "turun":
        return nilai_atas
    return nilai


def memenuhi_batas(batas: str, nilai: Decimal, nilai_atas: Decimal | None, realisasi: Decimal) -> bool:
    """Whether a realisation meets a bound."""
    if batas == "paling_sedikit":
        return realisasi >= nilai
    if batas == "lebih_dari":
        return realisasi > nilai
    if batas == "paling_banyak":
        return realisasi <= nilai
    if batas == "kurang_dari":
        return realisasi < nilai
    if batas == "rentang" and nilai_atas is not None:
        return nilai <= realisasi <= nilai_atas
    raise ValueError(f"bentuk batas '{batas}' tidak dikenal")


def nilai_batas(
    batas: str, nilai: Decimal, nilai_atas: Decimal | None, realisasi: Decimal, polaritas: str
) -> Hasil:
    """Met or not, and the SAKIP ratio against the bound."""
    against = pembanding(batas, nilai, nilai_atas, polaritas)
    ratio = hitung(against, realisasi, arah_batas(batas, polaritas or "naik"))
    return Hasil(ratio, memenuhi_batas(batas, nilai, nilai_atas, realisasi))


def nilai_kategori(target_rank: int, realised_rank: int) -> Hasil:
    """A category target is met when the realised category ranks at or above it (1 = best)."""
    return Hasil(None, realised_rank <= target_rank)


def kategori(capaian: Decimal | None, skala: list[Pita]) -> str:
    """The rating band a capaian falls in, or '' when there is no published scale."""
    if capaian is None:
        return ""
    for pita in sorted(skala, key=lambda p: p.urutan):
        if capaian >= pita.batas_bawah and (pita.batas_atas is None or capaian < pita.batas_atas):
            return pita.kategori
    return ""
