"""Domain checks for realisation, polarity and versions (the data that follows the plan).

Kept apart from validate.py's checks of the plan itself; called from
validate.domain_checks with the same rows, and reports in the same form.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.versions import archive_dir
from ..errors import Problem


def check(root: Path, paths: dict[str, str], rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    """Every problem in realisasi, polaritas and revisi."""
    problems: list[Problem] = []
    targets = {r["id"]: r for r in rows["indikator"]}
    if "realisasi" in paths:
        for number, row in enumerate(rows["realisasi"], start=2):
            target = targets.get(row["indikator_id"])
            if target and row["satuan"] != target["target_satuan"]:
                problems.append(
                    Problem(
                        "satuan_realisasi_beda",
                        paths["realisasi"],
                        f"satuan realisasi '{row['satuan']}' berbeda dari satuan target "
                        f"'{target['target_satuan']}' indikator {row['indikator_id']}; "
                        "capaian tidak dapat dihitung.",
                        "isi realisasi dengan satuan yang sama dengan targetnya (lihat target tercetak "
                        f"'{target['target_dicetak']}').",
                        number,
                        "satuan",
                    )
                )
    if "polaritas" in paths:
        known = {r["indikator_id"] for r in rows["polaritas"]}
        for number, row in enumerate(rows["indikator"], start=2):
            if row["id"] not in known:
                problems.append(
                    Problem(
                        "polaritas_hilang",
                        paths["polaritas"],
                        f"indikator {row['id']} (baris {number} di {paths['indikator']}) belum punya arah.",
                        f"tambahkan baris '{row['id']},naik,tafsiran,<alasan>' (atau 'turun' bila makin "
                        "rendah makin baik).",
                        None,
                        "indikator_id",
                    )
                )
    if "revisi" in paths:
        latest: dict[str, int] = {}
        for row in rows["revisi"]:
            latest[row["dokumen_id"]] = max(latest.get(row["dokumen_id"], 0), int(row["versi"]))
        for number, row in enumerate(rows["revisi"], start=2):
            versi = int(row["versi"])
            folder = archive_dir(root, row["dokumen_id"], versi)
            if versi < latest[row["dokumen_id"]] and not (folder / "indikator.csv").is_file():
                problems.append(
                    Problem(
                        "arsip_hilang",
                        paths["revisi"],
                        f"versi {versi} dokumen {row['dokumen_id']} tidak punya arsip di "
                        f"{folder.relative_to(root).as_posix()}/.",
                        "kembalikan folder arsip versi itu dari git, atau hapus baris versi ini bila "
                        "memang tidak pernah terbit.",
                        number,
                        "versi",
                    )
                )
    return problems
