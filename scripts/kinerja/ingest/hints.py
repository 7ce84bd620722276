"""What an imported document holds that a person should look at, and may record in data/anomali.csv.

The importer never corrects the official text. It points at what looks
doubtful (a decimal point, a percentage indicator with another unit, a word
split by a hyphen …) as hints. A hint that data/anomali.csv already records
(same row and column, or the same printed text of the same kind) is not listed
again; each new one comes with a ready row for data/anomali.csv, filled only
with what the importer knows: the person writes `dampak` and checks `uraian`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import csvio
from ..datapackage import DataPackage
from ..domain import ids, versions
from ..domain.targets import parse_target
from .transcribe import Rows

#: The first words of the report's list of hints, and of its ready rows for data/anomali.csv.
HINTS_MARK = "Perlu diperiksa"
ROWS_MARK = "Baris siap tempel"


@dataclass(frozen=True)
class Hint:
    """Something in the imported rows a person should look at, placed as a row of data/anomali.csv."""

    dokumen_id: str
    tabel: str
    rujukan_id: str
    kolom: str
    kategori: str
    teks_dicetak: str
    uraian: str

    def __str__(self) -> str:
        return f"{self.rujukan_id}: {self.uraian[0].lower()}{self.uraian[1:]}"


def _reduplicated(word: str) -> bool:
    """'perundang-undangan', 'sehari-hari': both halves share a stem, so the hyphen is spelling."""
    first, second = word.split("-", 1)
    return any(first[i : i + 3] in second for i in range(len(first) - 2))


def doubts(rows: Rows) -> list[Hint]:
    """Things in the imported rows that a person should look at and perhaps record as anomalies."""
    notes: list[Hint] = []
    seen_codes: dict[str, str] = {}
    for program in rows.program:
        doc, text = program["dokumen_id"], program["teks_dicetak"]
        for kode in (k for k in rows.program_kode if k["program_id"] == program["id"]):
            other = seen_codes.setdefault(kode["kode"], program["nama"])
            if other != program["nama"]:
                what = f"Kode {kode['kode']} tercetak dengan nama lain: '{other}'."
                notes.append(
                    Hint(doc, "program", program["id"], "teks_dicetak", "kode_anggaran", kode["kode"], what)
                )
        if re.search(r"\bdan$", text):
            what = "Sel program berakhir dengan 'dan'."
            notes.append(Hint(doc, "program", program["id"], "teks_dicetak", "sel_terpotong", text, what))
    for sasaran in rows.sasaran:
        if sasaran["sama_dengan"]:
            what = f"Sama dengan {sasaran['sama_dengan']} kecuali huruf besar/kecil."
            notes.append(
                Hint(
                    sasaran["dokumen_id"],
                    "sasaran",
                    sasaran["id"],
                    "teks",
                    "konsistensi",
                    sasaran["teks"],
                    what,
                )
            )
    for item in rows.indikator:
        doc, code, printed = item["dokumen_id"], item["id"], item["target_dicetak"]
        if item["target_jenis"] == "kategori":
            if item["teks"].lower().startswith("persentase"):
                what = f"Indikator persentase dengan target kategori '{printed}'."
                notes.append(Hint(doc, "indikator", code, "target_dicetak", "satuan", printed, what))
            continue
        target = parse_target(printed)
        if target.decimal_point:
            what = f"Target '{printed}' memakai titik desimal."
            notes.append(Hint(doc, "indikator", code, "target_dicetak", "format_angka", printed, what))
        if item["teks"].lower().startswith("persentase") and target.satuan != "persen":
            what = f"Indikator persentase dengan target '{printed}'."
            notes.append(Hint(doc, "indikator", code, "target_dicetak", "satuan", printed, what))
        for word in re.findall(r"\b[a-z]{3,}-[a-z]{2,}\b", item["teks"]):
            if not _reduplicated(word):
                what = f"Kata '{word}' mungkin pemenggalan yang tertinggal."
                notes.append(Hint(doc, "indikator", code, "teks", "salah_ketik", word, what))
        if doc.endswith("S") and not item["program_id"]:
            what = "Tidak punya program/kegiatan."
            notes.append(Hint(doc, "indikator", code, "program_dicetak", "sel_kosong", "", what))
    return notes


def _recorded(hint: Hint, note: dict[str, str]) -> bool:
    """Whether a row of data/anomali.csv already records what a hint points at."""
    if (note["tabel"], note["rujukan_id"], note["kolom"]) == (hint.tabel, hint.rujukan_id, hint.kolom):
        return note["kategori"] == hint.kategori or hint.teks_dicetak in note["teks_dicetak"]
    same = (note["dokumen_id"], note["kategori"], note["teks_dicetak"])
    return bool(hint.teks_dicetak) and same == (hint.dokumen_id, hint.kategori, hint.teks_dicetak)


def _used_anomaly_numbers(package: DataPackage) -> set[str]:
    """Every anomaly code ever given, current or archived with an older version (never given twice)."""
    archived = sorted((package.root / versions.ARCHIVE).glob("*/v*/anomali.csv"))
    paths = [package.path("anomali"), *(p.relative_to(package.root).as_posix() for p in archived)]
    return {row["id"] for path in paths for row in package.rows_at(path) or []}


def anomaly_rows(package: DataPackage, hints: list[Hint], fields: list[str], dicatat: str = "") -> list[str]:
    """Ready rows for data/anomali.csv, one per hint, with the next free codes of each office and year.

    Only what the importer knows is filled in; `dampak` stays empty for a person to write, and
    `dicatat` is the day given (empty when not known).
    """
    used = _used_anomaly_numbers(package)
    lines = []
    for hint in hints:
        parsed = ids.parse(hint.dokumen_id)
        code = ""
        if parsed is not None:
            number = 1
            while (code := parsed.dokumen.anomali(number)) in used:
                number += 1
            used.add(code)
        values = {**{f: "" for f in fields}, **vars(hint), "id": code, "dicatat": dicatat}
        lines.append(csvio.to_text(fields, [values]).split("\n", 1)[1].rstrip("\n"))
    return lines


def hint_report(package: DataPackage, hints: list[Hint], fields: list[str], dicatat: str = "") -> list[str]:
    """The report's lines about hints: new ones with ready rows, and how many are recorded already."""
    notes = package.rows("anomali")
    new = [h for h in hints if not any(_recorded(h, n) for n in notes)]
    lines = []
    if new:
        lines.append(f"{HINTS_MARK} (catat di data/anomali.csv bila memang keliru di dokumen):")
        lines += [f"- {hint}" for hint in new]
        lines.append(
            f"{ROWS_MARK} di akhir data/anomali.csv (isi dulu kolom 'dampak', perbaiki 'uraian' bila perlu; "
            "lewati baris yang ternyata tidak keliru):"
        )
        lines += anomaly_rows(package, new, fields, dicatat)
    if len(new) < len(hints):
        known = len(hints) - len(new)
        lines.append(
            f"{known} hal yang perlu diperiksa sudah tercatat di data/anomali.csv dan tidak diulang."
        )
    return lines
