"""Parse a target as printed in an RKT table ("77,5%", "36,36% (4 satker)", "2 Lap").

The printed text is the official form; the parsed value and unit are derived
from it so they can be checked, sorted and charted. Anything this module does
not recognise is refused rather than guessed.
"""

from __future__ import annotations

import re
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

_NUMBER = r"(?P<{name}>[0-9]+(?:[.,][0-9]+)?)"
_UNIT = r"(?P<{name}>%|[A-Za-z]+)"
_PART = _NUMBER.format(name="n1") + r"\s*" + _UNIT.format(name="u1")
_SECOND = r"\(\s*" + _NUMBER.format(name="n2") + r"\s*" + _UNIT.format(name="u2") + r"\s*\)"
_TARGET_RE = re.compile(r"^" + _PART + r"(?:\s*" + _SECOND + r")?$")


class TargetError(ValueError):
    """A printed target that cannot be read as number + unit."""


@dataclass(frozen=True)
class Target:
    """A printed target and what it means."""

    printed: str
    nilai: Decimal
    satuan: str
    nilai_sekunder: Decimal | None = None
    satuan_sekunder: str | None = None
    decimal_point: bool = False
    """True when the number was printed with a decimal point instead of a comma."""


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


def parse_target(printed: str) -> Target:
    """Read a printed target into value and unit, or raise TargetError saying why.

    Accepts the forms the RKT uses: "40%", "77,5%", "87.5%" (flagged),
    "5 keg", "2 Lap", "12 kali", "10 Satker" and "36,36% (4 satker)". Refuses a
    point before exactly three digits ("1.000"), which may be a thousands separator.
    """
    text = printed.strip()
    if not text:
        raise TargetError("target kosong; tulis target seperti tercetak, misalnya '77,5%' atau '5 keg'")
    if re.fullmatch(r"[0-9]+(?:[.,][0-9]+)?", text):
        raise TargetError(
            f"target '{printed}' tidak punya satuan; tulis satuannya seperti tercetak, misalnya '{text}%'"
        )
    match = _TARGET_RE.match(text)
    if match is None:
        raise TargetError(
            f"target '{printed}' tidak dapat dibaca; tulis angka lalu satuan, "
            "misalnya '77,5%', '5 keg' atau '36,36% (4 satker)'"
        )
    nilai, point = _number(match["n1"], printed)
    target = Target(printed=printed, nilai=nilai, satuan=_unit(match["u1"], printed), decimal_point=point)
    if match["n2"] is None:
        return target
    nilai2, point2 = _number(match["n2"], printed)
    return Target(
        printed=printed,
        nilai=nilai,
        satuan=target.satuan,
        nilai_sekunder=nilai2,
        satuan_sekunder=_unit(match["u2"], printed),
        decimal_point=point or point2,
    )
