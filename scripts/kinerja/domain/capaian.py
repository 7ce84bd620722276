"""Capaian (achievement) computed from target, realisasi and polarity — never typed in.

SAKIP formulas (PermenPAN-RB 53/2014 practice):
- naik (higher is better):  capaian = realisasi / target × 100 %
- turun (lower is better):  capaian = (1 + (1 − realisasi / target)) × 100 %
Rating bands differ between agencies, so they are data (skala_capaian.csv).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Pita:
    """One rating band: capaian in [batas_bawah, batas_atas) belongs to kategori."""

    urutan: int
    kategori: str
    batas_bawah: Decimal
    batas_atas: Decimal | None


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


def kategori(capaian: Decimal | None, skala: list[Pita]) -> str:
    """The rating band a capaian falls in, or '' when there is no published scale."""
    if capaian is None:
        return ""
    for pita in sorted(skala, key=lambda p: p.urutan):
        if capaian >= pita.batas_bawah and (pita.batas_atas is None or capaian < pita.batas_atas):
            return pita.kategori
    return ""
