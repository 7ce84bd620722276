"""Reading a target as printed in an RKT table, in one of three kinds.

- **angka**: a number with its unit — "77,5%", "5 keg", "36,36% (4 satker)";
- **batas**: a bound on a number — "≥ 90%", "maksimal 3 perkara", "> 50%", a range "80–90%";
- **kategori**: a category of a named scale — "WTP", "Informatif", "BB", "WBK".

The printed text is the official form and is kept word for word; what this
module derives from it (kind, value, unit, bound, scale) can be checked,
sorted and used for capaian. A category target gets no number. Anything not
recognised is refused with the reason, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

#: Printed unit words (lower case) mapped to the canonical `satuan`.
UNIT_WORDS: dict[str, str] = {
    "%": "persen",
    "persen": "persen",
    "keg": "kegiatan",
    "kegiatan": "kegiatan",
    "kali": "kali",
    "satker": "satker",
    "lap": "laporan",
    "laporan": "laporan",
    "perkara": "perkara",
    "dokumen": "dokumen",
    "orang": "orang",
    "nilai": "nilai",
}

#: Canonical units, in the order the data dictionary lists them.
SATUAN: tuple[str, ...] = (
    "persen",
    "kegiatan",
    "kali",
    "satker",
    "laporan",
    "perkara",
    "dokumen",
    "orang",
    "nilai",
)

#: The kinds of target (`target_jenis`).
JENIS = ("angka", "batas", "kategori")
#: Bounds (`target_batas`): what the printed operator or word means.
BATAS = ("paling_sedikit", "paling_banyak", "lebih_dari", "kurang_dari", "rentang")
#: Printed operators and words (lower case) → bound.
BOUND_WORDS: dict[str, str] = {
    "≥": "paling_sedikit",
    ">=": "paling_sedikit",
    "=>": "paling_sedikit",
    "minimal": "paling_sedikit",
    "min.": "paling_sedikit",
    "min": "paling_sedikit",
    "paling sedikit": "paling_sedikit",
    "paling rendah": "paling_sedikit",
    "sekurang-kurangnya": "paling_sedikit",
    "≤": "paling_banyak",
    "<=": "paling_banyak",
    "=<": "paling_banyak",
    "maksimal": "paling_banyak",
    "maks.": "paling_banyak",
    "maks": "paling_banyak",
    "paling banyak": "paling_banyak",
    "paling tinggi": "paling_banyak",
    "sebanyak-banyaknya": "paling_banyak",
    ">": "lebih_dari",
    "lebih dari": "lebih_dari",
    "<": "kurang_dari",
    "kurang dari": "kurang_dari",
}
#: The direction a bound implies: at least/more than → higher is better; at most/less than → lower.
BOUND_DIRECTION = {
    "paling_sedikit": "naik",
    "lebih_dari": "naik",
    "paling_banyak": "turun",
    "kurang_dari": "turun",
}

_NUMBER = r"[0-9]+(?:[.,][0-9]+)?"
_UNIT = r"%|[A-Za-z]+"
_PART = rf"(?P<n1>{_NUMBER})\s*(?P<u1>{_UNIT})"
_SECOND = rf"\(\s*(?P<n2>{_NUMBER})\s*(?P<u2>{_UNIT})\s*\)"
_TARGET_RE = re.compile(rf"^{_PART}(?:\s*{_SECOND})?$")
_OPERATOR = "|".join(re.escape(w) for w in sorted(BOUND_WORDS, key=len, reverse=True))
_BOUND_RE = re.compile(rf"^(?P<op>{_OPERATOR})\s*(?P<rest>[0-9].*)$", re.IGNORECASE)
_RANGE_SEPARATOR = r"\s*(?:–|—|-|s\.\s?d\.?|s/d|sampai dengan|sampai|hingga)\s*"
_RANGE_RE = re.compile(
    rf"^(?P<a>{_NUMBER})\s*(?P<ua>{_UNIT})?{_RANGE_SEPARATOR}(?P<b>{_NUMBER})\s*(?P<ub>{_UNIT})$",
    re.IGNORECASE,
)


class TargetError(ValueError):
    """A printed target that cannot be read, with the reason in Indonesian."""


@dataclass(frozen=True)
class Kategori:
    """One category of a named scale, ranked from the best (urutan 1)."""

    skala: str
    nama_skala: str
    urutan: int
    kategori: str
    kepanjangan: str
    sumber: str


@dataclass(frozen=True)
class Target:
    """A printed target and what it means."""

    printed: str
    jenis: str
    nilai: Decimal | None
    satuan: str
    nilai_sekunder: Decimal | None = None
    satuan_sekunder: str | None = None
    decimal_point: bool = False
    """True when a number was printed with a decimal point instead of a comma."""
    batas: str = ""
    nilai_atas: Decimal | None = None
    """The upper end of a range ("80–90%": nilai 80, nilai_atas 90)."""
    skala: str = ""
    kategori: str = ""


def _canonical(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).strip(" .").casefold()


class Scales:
    """The named category scales of the package (data/skala_kategori.csv), looked up by printed text."""

    def __init__(self, categories: Iterable[Kategori]) -> None:
        self.categories = list(categories)
        self._by_text: dict[str, list[Kategori]] = {}
        for item in self.categories:
            for text in {item.kategori, item.kepanjangan, f"{item.kepanjangan} ({item.kategori})"}:
                if text:
                    self._by_text.setdefault(_canonical(text), []).append(item)

    def find(self, printed: str) -> Kategori:
        """The category a printed target names, or TargetError saying why there is none (or several)."""
        found = self._by_text.get(_canonical(printed), [])
        scales = sorted({f.skala for f in found})
        if len(scales) > 1:
            raise TargetError(
                f"kategori '{printed}' ada di lebih dari satu skala ({', '.join(scales)}); bedakan namanya "
                "di data/skala_kategori.csv"
            )
        if not found:
            known = ", ".join(sorted({c.nama_skala for c in self.categories})) or "belum ada skala"
            raise TargetError(
                f"target '{printed}' tidak dapat dibaca: bukan angka dengan satuan, bukan batas (≥, ≤, "
                f"minimal, maksimal, rentang) dan bukan kategori skala yang dikenal ({known}); bila ini "
                "kategori sebuah skala resmi, "
                "tambahkan skalanya di data/skala_kategori.csv: nama skala, kategorinya berurutan dari yang "
                "terbaik, dan sumber publiknya"
            )
        return found[0]

    def of(self, skala: str) -> list[Kategori]:
        """The categories of one scale, best first."""
        return sorted((c for c in self.categories if c.skala == skala), key=lambda c: c.urutan)


def _number(text: str, printed: str) -> tuple[Decimal, bool]:
    if "," in text:
        return Decimal(text.replace(",", ".")), False
    if re.fullmatch(r"[0-9]{1,3}\.[0-9]{3}", text):
        raise TargetError(
            f"angka '{text}' pada target '{printed}' meragukan: titik dapat berarti pemisah ribuan "
            "(ribuan) atau desimal; periksa dokumen, catat sebagai anomali, dan minta pengelola "
            "menambahkan aturan bacanya"
        )
    return Decimal(text), "." in text


def _unit(word: str, printed: str) -> str:
    satuan = UNIT_WORDS.get(word.lower())
    if satuan is None:
        raise TargetError(
            f"satuan '{word}' pada target '{printed}' tidak dikenal; "
            f"gunakan salah satu: {', '.join(sorted(UNIT_WORDS))}"
        )
    return satuan


def _amount(text: str, printed: str) -> Target:
    """A number with unit, optionally a second one in brackets: the 'angka' kind."""
    if re.fullmatch(_NUMBER, text):
        raise TargetError(
            f"target '{printed}' tidak punya satuan; tulis satuannya seperti tercetak, misalnya '{text}%'"
        )
    match = _TARGET_RE.match(text)
    if match is None:
        raise TargetError(
            f"target '{printed}' tidak dapat dibaca; tulis angka lalu satuan, misalnya '77,5%', '5 keg', "
            "'36,36% (4 satker)', sebuah batas seperti '≥ 90%' atau '80–90%', atau kategori sebuah skala"
        )
    nilai, point = _number(match["n1"], printed)
    satuan = _unit(match["u1"], printed)
    if match["n2"] is None:
        return Target(printed, "angka", nilai, satuan, decimal_point=point)
    nilai2, point2 = _number(match["n2"], printed)
    return Target(printed, "angka", nilai, satuan, nilai2, _unit(match["u2"], printed), point or point2)


def _range(match: re.Match[str], printed: str) -> Target:
    low, point_a = _number(match["a"], printed)
    high, point_b = _number(match["b"], printed)
    satuan = _unit(match["ub"], printed)
    if match["ua"] and _unit(match["ua"], printed) != satuan:
        raise TargetError(
            f"rentang '{printed}' memakai dua satuan berbeda; periksa dokumen, satu rentang bersatuan satu"
        )
    if low >= high:
        raise TargetError(
            f"rentang '{printed}' harus dari angka kecil ke angka besar; periksa dokumen dan catat sebagai "
            "anomali bila memang tercetak begitu"
        )
    return Target(
        printed, "batas", low, satuan, decimal_point=point_a or point_b, batas="rentang", nilai_atas=high
    )


def parse_target(printed: str, scales: Scales | None = None) -> Target:
    """Read a printed target into its kind, value and unit, or raise TargetError saying why.

    Numbers: "40%", "77,5%", "87.5%" (flagged), "5 keg", "2 Lap", "36,36% (4 satker)".
    Bounds: "≥ 90%", ">= 90%", "minimal 90%", "maksimal 3 perkara", "< 5 kali", "80–90%",
    "80% - 90%", "80 s.d. 90%". Categories: any category of `scales` by name or expansion.
    A point before exactly three digits ("1.000") is refused: it may be a thousands separator.
    """
    text = " ".join(printed.replace("\u00a0", " ").split())
    if not text:
        raise TargetError("target kosong; tulis target seperti tercetak, misalnya '77,5%' atau '5 keg'")
    if match := _BOUND_RE.match(text):
        inner = _amount(match["rest"].strip(), printed)
        if inner.nilai_sekunder is not None:
            raise TargetError(
                f"batas '{printed}' hanya boleh memuat satu angka dengan satuannya; periksa dokumen dan "
                "minta pengelola menambahkan aturan bacanya bila memang tercetak begitu"
            )
        bound = BOUND_WORDS[match["op"].lower()]
        return Target(
            printed, "batas", inner.nilai, inner.satuan, decimal_point=inner.decimal_point, batas=bound
        )
    if match := _RANGE_RE.match(text):
        return _range(match, printed)
    if not re.search(r"[0-9]", text):
        found = (scales or Scales([])).find(text)
        return Target(printed, "kategori", None, "", skala=found.skala, kategori=found.kategori)
    return _amount(text, printed)
