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
                    Problem(
                        "arsip_hilang",
                        paths["revisi"],
                        f"versi {versi} dokumen {row['dokumen_id']} tidak punya arsip di {folder}/.",
                        "kembalikan folder arsip versi itu dari git, atau hapus baris versi ini bila "
                        "memang tidak pernah terbit.",
                        number,
                        "versi",
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
                    Problem(
                        "kategori_realisasi",
                        rel,
                        f"indikator {row['indikator_id']} bertarget kategori '{target['target_dicetak']}' "
                        f"(skala {skala}); realisasinya harus kategori skala itu, bukan "
                        f"'{row.get('kategori', '')}'.",
                        f"isi kolom 'kategori' dengan salah satu: {choices}; kosongkan 'nilai' dan 'satuan'.",
                        number,
                        "kategori",
                    )
                )
            for field in ("nilai", "satuan"):
                if row.get(field):
                    problems.append(
                        Problem(
                            "kategori_tanpa_angka",
                            rel,
                            f"indikator {row['indikator_id']} bertarget kategori; realisasinya tidak diberi "
                            f"{'angka' if field == 'nilai' else 'satuan'} ('{row[field]}').",
                            f"kosongkan '{field}' dan isi kategori yang dicapai di kolom 'kategori'.",
                            number,
                            field,
                        )
                    )
            continue
        if not row.get("nilai"):
            problems.append(
                Problem(
                    "realisasi_tanpa_nilai",
                    rel,
                    f"realisasi indikator {row['indikator_id']} tidak punya angka.",
                    f"isi 'nilai' dengan angka realisasi dalam satuan {target['target_satuan']}, titik "
                    "sebagai pemisah desimal.",
                    number,
                    "nilai",
                )
            )
        if row["satuan"] != target["target_satuan"]:
            problems.append(
                Problem(
                    "satuan_realisasi_beda",
                    rel,
                    f"satuan realisasi '{row['satuan']}' berbeda dari satuan target "
                    f"'{target['target_satuan']}' indikator {row['indikator_id']}; "
                    "capaian tidak dapat dihitung.",
                    "isi realisasi dengan satuan yang sama dengan targetnya (lihat target tercetak "
                    f"'{target['target_dicetak']}').",
                    number,
                    "satuan",
                )
            )
        if row.get("kategori"):
            problems.append(
                Problem(
                    "kategori_untuk_angka",
                    rel,
                    f"indikator {row['indikator_id']} bertarget angka; kolom 'kategori' hanya untuk target "
                    f"kategori ('{row['kategori']}').",
                    "kosongkan 'kategori'.",
                    number,
                    "kategori",
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
                Problem(
                    "arah_bertentangan",
                    paths["polaritas"],
                    f"target tercetak '{target['target_dicetak']}' indikator {row['indikator_id']} adalah "
                    f"batas yang berarti {word}, tetapi arahnya '{row['polaritas']}'.",
                    f"isi 'polaritas' dengan '{implied}' dan 'dasar' dengan 'dokumen'.",
                    number,
                    "polaritas",
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
                Problem(
                    "urutan_skala",
                    rel,
                    f"peringkat skala '{skala}' tidak bersambung 1..{len(items)} "
                    f"({', '.join(map(str, ranks))}).",
                    "nomori kolom 'urutan' 1, 2, 3, … dari kategori terbaik, tanpa lompatan atau "
                    "nomor ganda.",
                    items[0][0],
                    "urutan",
                )
            )
        for field in ("nama_skala", "sumber"):
            values = {r[field] for _, r in items}
            if len(values) > 1:
                problems.append(
                    Problem(
                        "skala_tidak_konsisten",
                        rel,
                        f"skala '{skala}' memakai lebih dari satu '{field}' ({len(values)} bentuk).",
                        f"tulis '{field}' yang sama pada setiap baris skala '{skala}'.",
                        items[0][0],
                        field,
                    )
                )
    return problems
