"""What a revision of a signed document changes, line by line, and which of those changes look wrong.

When an import revises a document already in the package, the rows it has now
and the rows of the new version are compared resource by resource (dokumen,
program, sasaran, indikator), matched by code, field by field. Each difference
is told on one line for a person to check before anything is published:

    IK24-K03 target: '77,5%' → '80%'
    dihapus: IK24-S12 Persentase anggota KPU Provinsi …

The rules for changes that look like a copying mistake rather than a decision
(a category target on a percentage indicator, a removed indicator, a target
that moves by more than half) live here too, so that there is one place to
read and change them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from .versions import KINDS

Rows = dict[str, list[dict[str, str]]]

#: Where a row sits in the document, not what it says: never told as a change.
LAYOUT = frozenset({"id", "dokumen_id", "baris_sumber", "sumber", "urutan", "halaman_tabel"})
#: Fields read from another field of the same row: told through that field (target_dicetak …).
DERIVED = {
    "dokumen": frozenset({"tanggal"}),
    "program": frozenset({"nama"}),
    "sasaran": frozenset({"sama_dengan"}),
    "indikator": frozenset(
        {
            "target_jenis",
            "target_nilai",
            "target_satuan",
            "target_batas",
            "target_nilai_atas",
            "target_sekunder_nilai",
            "target_sekunder_satuan",
            "target_skala",
            "target_kategori",
        }
    ),
}
#: How a field is named on a change line.
LABELS = {
    "target_dicetak": "target",
    "teks_dicetak": "teks",
    "program_dicetak": "program tercetak",
    "program_id": "program",
    "sasaran_id": "sasaran",
    "tanggal_dicetak": "tanggal",
    "judul_dicetak": "judul",
    "unit_dicetak": "unit",
    "kolom_dicetak": "kolom",
    "jabatan_penanda_tangan": "jabatan penanda tangan",
    "nama_penanda_tangan": "penanda tangan",
}
#: The field that tells what a row is, on 'ditambah'/'dihapus' lines.
SUMMARY = {"dokumen": "judul_dicetak", "program": "teks_dicetak", "sasaran": "teks", "indikator": "teks"}
#: A numeric target that moves by more than this share of its old value looks like a copying mistake.
MAX_MOVE = Decimal("0.5")
#: The first word of a line that calls out a change that looks wrong.
MARK = "Janggal"

ADDED, REMOVED, CHANGED = "ditambah", "dihapus", "diubah"


@dataclass(frozen=True)
class Difference:
    """One difference between the current rows of a document and its new version."""

    tabel: str
    kode: str
    jenis: str  # ditambah | dihapus | diubah
    kolom: str = ""
    lama: str = ""
    baru: str = ""

    def __str__(self) -> str:
        if self.jenis == CHANGED:
            return f"{self.kode} {LABELS.get(self.kolom, self.kolom)}: '{self.lama}' → '{self.baru}'"
        return f"{self.jenis}: {self.kode} {self.lama or self.baru}".rstrip()


def _summary(name: str, row: dict[str, str]) -> str:
    text = row.get(SUMMARY.get(name, ""), "")
    if name == "indikator":
        return f"{text} (target '{row.get('target_dicetak', '')}')"
    return text


def compare(before: Rows, after: Rows) -> list[Difference]:
    """Every difference between two versions' rows, resource by resource, matched by code.

    Rows in the new version come in its order (changes and additions), then removed rows.
    """
    found: list[Difference] = []
    for name in KINDS:
        old = {r["id"]: r for r in before.get(name, [])}
        new = {r["id"]: r for r in after.get(name, [])}
        skip = LAYOUT | DERIVED.get(name, frozenset())
        for code, row in new.items():
            if code not in old:
                found.append(Difference(name, code, ADDED, baru=_summary(name, row)))
                continue
            for field, value in row.items():
                if field not in skip and old[code].get(field, "") != value:
                    found.append(Difference(name, code, CHANGED, field, old[code].get(field, ""), value))
        found += [
            Difference(name, c, REMOVED, lama=_summary(name, r)) for c, r in old.items() if c not in new
        ]
    return found


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _moved_far(before: Decimal | None, after: Decimal | None) -> bool:
    """A numeric target that moved by more than MAX_MOVE of its old value (any move away from 0)."""
    if before is None or after is None or after == before:
        return False
    return before == 0 or abs(after - before) / abs(before) > MAX_MOVE


def _is_percentage(row: dict[str, str]) -> bool:
    return row.get("teks", "").lower().startswith("persentase") or row.get("target_satuan") == "persen"


def _removed(old: dict[str, str]) -> str:
    return (
        f"indikator {old['id']} dihapus ('{old['teks']}'); bila teksnya hanya berubah, ia tampil sebagai "
        "dihapus dan ditambah dengan kode baru."
    )


def _indicator_concerns(old: dict[str, str] | None, new: dict[str, str]) -> list[str]:
    """What looks wrong in one indicator's new or changed target (old None: added)."""
    if old is not None and old.get("target_dicetak") == new.get("target_dicetak"):
        return []
    concerns = []
    was = f" (sebelumnya '{old['target_dicetak']}')" if old else ""
    if new.get("target_jenis") == "kategori" and (_is_percentage(new) or (old and _is_percentage(old))):
        concerns.append(
            f"{new['id']}: target '{new['target_dicetak']}' berupa kategori, padahal indikatornya "
            f"persentase{was}."
        )
    if old is None:
        return concerns
    if _moved_far(_number(old.get("target_nilai", "")), _number(new.get("target_nilai", ""))):
        concerns.append(
            f"{new['id']}: target berubah lebih dari separuh: '{old['target_dicetak']}' → "
            f"'{new['target_dicetak']}'."
        )
    if old.get("target_satuan") and new.get("target_satuan") and old["target_satuan"] != new["target_satuan"]:
        concerns.append(
            f"{new['id']}: satuan target berubah dari {old['target_satuan']} menjadi {new['target_satuan']} "
            f"('{old['target_dicetak']}' → '{new['target_dicetak']}')."
        )
    return concerns


def concerns(before: Rows, after: Rows) -> list[str]:
    """The changes between two versions that look like a copying mistake, one line each, marked MARK."""
    old = {r["id"]: r for r in before.get("indikator", [])}
    new = {r["id"]: r for r in after.get("indikator", [])}
    found = [c for code, row in new.items() for c in _indicator_concerns(old.get(code), row)]
    found += [_removed(row) for code, row in old.items() if code not in new]
    return [f"{MARK}: {line} Cocokkan dengan dokumen bertanda tangan." for line in found]


def date_concern(dokumen: dict[str, str], signed: date, shown: str) -> str | None:
    """A line when the date printed in the revised document is not the signing date the person gave."""
    if not dokumen.get("tanggal") or dokumen["tanggal"] == signed.isoformat():
        return None
    return (
        f"{MARK}: {dokumen['id']} mencetak tanggal tanda tangan '{dokumen.get('tanggal_dicetak', '')}', "
        f"sedangkan tanggal revisi yang diberikan {shown}. Pastikan berkasnya memang dokumen revisi."
    )
