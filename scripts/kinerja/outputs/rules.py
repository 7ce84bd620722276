"""The capaian rule of an indicator in words, written next to every capaian the site publishes.

One home for the wording, used by the indicator page, the flat table (CSV and
XLSX) and the API, so that the rule a reader sees is always the rule that was
applied (kinerja.domain.capaian).
"""

from __future__ import annotations

from decimal import Decimal

from ..domain.capaian import arah_batas, pembanding
from ..model import Indikator, Package
from . import fmt

SYMBOL = {"paling_sedikit": "≥", "lebih_dari": ">", "paling_banyak": "≤", "kurang_dari": "<"}
ARAH = {"naik": "makin tinggi makin baik", "turun": "makin rendah makin baik"}


def _amount(value: Decimal, satuan: str) -> str:
    return fmt.nilai_satuan(value, satuan)


def formula(against: str, arah: str) -> str:
    """The SAKIP ratio against a number, in words."""
    if arah == "turun":
        return f"(1 + (1 − realisasi ÷ {against})) × 100 %"
    return f"realisasi ÷ {against} × 100 %"


def reading(item: Indikator, package: Package) -> str:
    """What the printed target means, in words: '40 %', 'paling sedikit 90 %', 'kategori WTP …'."""
    if item.target_jenis == "kategori":
        scale = package.skala_kategori.of(item.target_skala)
        name = scale[0].nama_skala if scale else item.target_skala
        rank = next((c.urutan for c in scale if c.kategori == item.target_kategori), 0)
        return f"kategori {item.target_kategori} pada skala {name} (peringkat {rank} dari {len(scale)})"
    if item.target_nilai is None:
        return ""
    if item.target_jenis == "batas" and item.target_batas == "rentang" and item.target_nilai_atas is not None:
        return f"rentang {fmt.angka(item.target_nilai)}–{_amount(item.target_nilai_atas, item.target_satuan)}"
    text = _amount(item.target_nilai, item.target_satuan)
    if item.target_jenis == "batas":
        words = {"paling_sedikit": "paling sedikit", "lebih_dari": "lebih dari", "paling_banyak": "paling "
                 "banyak", "kurang_dari": "kurang dari"}  # fmt: skip
        text = f"{words[item.target_batas]} {text}"
    elif item.target_sekunder_nilai is not None:
        text += f" ({_amount(item.target_sekunder_nilai, item.target_sekunder_satuan)})"
    return text


def aturan(item: Indikator, package: Package) -> str:
    """The rule by which a realisation of this indicator is judged, in one Indonesian sentence."""
    if item.target_jenis == "kategori":
        order = " > ".join(c.kategori for c in package.skala_kategori.of(item.target_skala))
        return (
            f"memenuhi bila kategori realisasi sama dengan atau lebih baik dari {item.target_kategori} "
            f"({order}); target kategori tidak diberi angka capaian"
        )
    if item.target_nilai is None:
        return ""
    if item.target_jenis == "batas":
        arah = arah_batas(item.target_batas, item.polaritas or "naik")
        against = pembanding(item.target_batas, item.target_nilai, item.target_nilai_atas, item.polaritas)
        if item.target_batas == "rentang" and item.target_nilai_atas is not None:
            met = (
                f"{_amount(item.target_nilai, item.target_satuan)} ≤ realisasi ≤ "
                f"{_amount(item.target_nilai_atas, item.target_satuan)}"
            )
        else:
            met = f"realisasi {SYMBOL[item.target_batas]} {_amount(item.target_nilai, item.target_satuan)}"
        return f"memenuhi bila {met}; capaian = {formula(fmt.angka(against), arah)} ({ARAH[arah]})"
    if not item.polaritas:
        return "arah indikator belum ditetapkan; capaian tidak dihitung"
    return f"capaian = {formula('target', item.polaritas)} ({ARAH[item.polaritas]})"
