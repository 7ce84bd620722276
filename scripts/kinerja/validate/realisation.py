"""Domain checks for realisation, polarity, category scales and versions (the data that follows the plan).

Kept apart from validate/plan.py's checks of the plan itself; called from
validate.plan.domain_checks with the same rows, and reports in the same form.
"""

from __future__ import annotations

from collections import defaultdict

from ..datapackage import DataPackage
from ..domain.targets import BOUND_DIRECTION
from ..domain.versions import archive_folder
from ..errors import Problem
from ..problems import (
    ARAH_BERTENTANGAN,
    ARSIP_HILANG,
    KATEGORI_REALISASI,
    KATEGORI_TANPA_ANGKA,
    KATEGORI_UNTUK_ANGKA,
    POLARITAS_HILANG,
    REALISASI_TANPA_NILAI,
    SATUAN_REALISASI_BEDA,
    SKALA_TIDAK_KONSISTEN,
    URUTAN_SKALA,
)


def check(
    package: DataPackage, paths: dict[str, str], rows: dict[str, list[dict[str, str]]]
) -> list[Problem]:
    """Every problem in realisasi, polaritas and revisi."""
    problems: list[Problem] = []
    targets = {r["id"]: r for r in rows["indikator"]}
    if "realisasi" in paths:
        problems += _check_realisasi(paths, rows, targets)
    if "skala_kategori" in paths:
        problems += _check_scales(paths["skala_kategori"], rows["skala_kategori"])
    if "polaritas" in paths:
        known = {r["indikator_id"] for r in rows["polaritas"]}
        for number, row in enumerate(rows["indikator"], start=2):
            if row["id"] not in known:
                problems.append(
                    POLARITAS_HILANG.at(
                        paths["polaritas"],
                        None,
                        "indikator_id",
                        id=row["id"],
                        number=number,
                        file=paths["indikator"],
                    )
                )
    if "polaritas" in paths:
        problems += _check_bound_directions(paths, rows, targets)
    if "revisi" in paths:
        latest: dict[str, int] = {}
        for row in rows["revisi"]:
            latest[row["dokumen_id"]] = max(latest.get(row["dokumen_id"], 0), int(row["versi"]))
        for number, row in enumerate(rows["revisi"], start=2):
            versi = int(row["versi"])
            folder = archive_folder(row["dokumen_id"], versi)
            if versi < latest[row["dokumen_id"]] and not package.exists(f"{folder}/indikator.csv"):
                problems.append(
                    ARSIP_HILANG.at(
                        paths["revisi"],
                        number,
                        "versi",
                        versi=versi,
                        dokumen=row["dokumen_id"],
                        folder=folder,
                    )
                )
    return problems


def _check_realisasi(
    paths: dict[str, str], rows: dict[str, list[dict[str, str]]], targets: dict[str, dict[str, str]]
) -> list[Problem]:
    """A realisation is told in the form of its target: a number in its unit, or a category of its scale."""
    rel = paths["realisasi"]
    ranks = {(r["skala"], r["kategori"]) for r in rows.get("skala_kategori", [])}
    problems = []
    for number, row in enumerate(rows["realisasi"], start=2):
        target = targets.get(row["indikator_id"])
        if target is None:
            continue  # reported by the foreign key check
        if target.get("target_jenis") == "kategori":
            skala = target["target_skala"]
            if (skala, row.get("kategori", "")) not in ranks:
                choices = ", ".join(k for s, k in sorted(ranks) if s == skala)
                problems.append(
                    KATEGORI_REALISASI.at(
                        rel,
                        number,
                        "kategori",
                        id=row["indikator_id"],
                        printed=target["target_dicetak"],
                        skala=skala,
                        kategori=row.get("kategori", ""),
                        choices=choices,
                    )
                )
            for field in ("nilai", "satuan"):
                if row.get(field):
                    problems.append(
                        KATEGORI_TANPA_ANGKA.at(
                            rel,
                            number,
                            field,
                            id=row["indikator_id"],
                            what="angka" if field == "nilai" else "satuan",
                            value=row[field],
                            column=field,
                        )
                    )
            continue
        if not row.get("nilai"):
            problems.append(
                REALISASI_TANPA_NILAI.at(
                    rel, number, "nilai", id=row["indikator_id"], satuan=target["target_satuan"]
                )
            )
        if row["satuan"] != target["target_satuan"]:
            problems.append(
                SATUAN_REALISASI_BEDA.at(
                    rel,
                    number,
                    "satuan",
                    satuan=row["satuan"],
                    target_satuan=target["target_satuan"],
                    id=row["indikator_id"],
                    printed=target["target_dicetak"],
                )
            )
        if row.get("kategori"):
            problems.append(
                KATEGORI_UNTUK_ANGKA.at(
                    rel, number, "kategori", id=row["indikator_id"], kategori=row["kategori"]
                )
            )
    return problems


def _check_bound_directions(
    paths: dict[str, str], rows: dict[str, list[dict[str, str]]], targets: dict[str, dict[str, str]]
) -> list[Problem]:
    """A bound says which way is better: '≥ 90%' higher, '≤ 3 perkara' lower; the direction must agree."""
    problems = []
    for number, row in enumerate(rows["polaritas"], start=2):
        target = targets.get(row["indikator_id"], {})
        implied = BOUND_DIRECTION.get(target.get("target_batas", ""))
        if implied and row["polaritas"] != implied:
            word = "makin tinggi makin baik" if implied == "naik" else "makin rendah makin baik"
            problems.append(
                ARAH_BERTENTANGAN.at(
                    paths["polaritas"],
                    number,
                    "polaritas",
                    printed=target["target_dicetak"],
                    id=row["indikator_id"],
                    meaning=word,
                    polaritas=row["polaritas"],
                    implied=implied,
                )
            )
    return problems


def _check_scales(rel: str, rows: list[dict[str, str]]) -> list[Problem]:
    """Each scale is ranked 1, 2, 3 … without gaps, with one name and one source."""
    problems: list[Problem] = []
    by_scale: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for number, row in enumerate(rows, start=2):
        by_scale[row["skala"]].append((number, row))
    for skala, items in by_scale.items():
        ranks = sorted(int(r["urutan"]) for _, r in items)
        if ranks != list(range(1, len(items) + 1)):
            problems.append(
                URUTAN_SKALA.at(
                    rel,
                    items[0][0],
                    "urutan",
                    skala=skala,
                    count=len(items),
                    ranks=", ".join(map(str, ranks)),
                )
            )
        for field in ("nama_skala", "sumber"):
            values = {r[field] for _, r in items}
            if len(values) > 1:
                problems.append(
                    SKALA_TIDAK_KONSISTEN.at(
                        rel, items[0][0], field, skala=skala, column=field, count=len(values)
                    )
                )
    return problems
