"""Layer 3 of validation: meaning that no schema can express — printed targets against
stored values, order, links between documents, anomalies and budget codes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..datapackage import DataPackage
from ..domain import ids
from ..domain.printed import iso_date, normalise, program_key, split_program
from ..errors import Problem
from ..problems import (
    ANOMALI_KOLOM_SALAH,
    ANOMALI_TANPA_RUJUKAN,
    ANOMALI_TEKS_TIDAK_ADA,
    BEDA_DOKUMEN,
    BEDA_DOKUMEN_ANOMALI,
    FORMAT_KODE_SALAH,
    INDIKATOR_BERULANG,
    KANTOR_UTAMA,
    KODE_DOKUMEN_TIDAK_SESUAI,
    KODE_TIDAK_COCOK,
    KODE_TIDAK_SESUAI_DOKUMEN,
    KODE_TIDAK_TERCETAK,
    KODE_TIDAK_TERCETAK_SEL,
    NAMA_TIDAK_COCOK,
    PROGRAM_KOSONG,
    PROGRAM_TIDAK_COCOK,
    SAMA_DENGAN_SALAH,
    SAMA_DENGAN_TEKS_LAIN,
    SAMA_DENGAN_TIDAK_ADA,
    SASARAN_TANPA_INDIKATOR,
    TANGGAL_TIDAK_COCOK,
    URUTAN_TIDAK_BERURUTAN,
)
from . import realisation, targets


def domain_checks(package: DataPackage, descriptor: dict) -> list[Problem]:
    """Checks of meaning: each returns problems located by file, row and field."""
    paths = {r["name"]: r["path"] for r in descriptor["resources"]}
    rows = {name: package.rows_at(path) or [] for name, path in paths.items()}
    problems: list[Problem] = []
    kantor = {row["id"]: row for row in rows.get("kantor", [])}
    problems += _check_dokumen(paths["dokumen"], rows["dokumen"], kantor)
    problems += _check_ids(paths, rows)
    problems += targets.check_targets(paths["indikator"], rows["indikator"], targets.scales_of(rows))
    problems += _check_offices(paths, rows)
    problems += _check_order(paths, rows)
    problems += _check_sasaran_have_indikator(paths["sasaran"], rows)
    problems += _check_repeats(paths["indikator"], rows["indikator"])
    problems += _check_same_document(paths, rows)
    problems += _check_programs(paths, rows)
    problems += _check_anomali(paths["anomali"], rows)
    problems += _check_codes(paths["program_kode"], rows["program_kode"])
    problems += realisation.check(package, paths, rows)
    return problems


def _office_code(kantor: dict[str, dict[str, str]], kantor_id: str) -> str:
    """The office part of a document's codes: '' for the home office, else the office's code."""
    row = kantor.get(kantor_id)
    return "" if row is None or row.get("utama") == "ya" else kantor_id


def _check_dokumen(
    rel: str, dokumen: list[dict[str, str]], kantor: dict[str, dict[str, str]]
) -> list[Problem]:
    problems = []
    for number, row in enumerate(dokumen, start=2):
        letter = "S" if row["jenis"] == "sekretariat" else "K"
        parsed = ids.parse(row["id"])
        seq = parsed.dokumen.seq if parsed else 1
        expected = ids.dokumen_id(int(row["tahun"]), letter, _office_code(kantor, row["kantor_id"]), seq)
        if row["id"] != expected:
            problems.append(
                KODE_DOKUMEN_TIDAK_SESUAI.at(
                    rel,
                    number,
                    "id",
                    id=row["id"],
                    tahun=row["tahun"],
                    jenis=row["jenis"],
                    kantor=row["kantor_id"],
                    expected=expected,
                )
            )
        try:
            printed = iso_date(row["tanggal_dicetak"])
        except (ValueError, KeyError):
            printed = None
        if printed != row["tanggal"]:
            problems.append(
                TANGGAL_TIDAK_COCOK.at(
                    rel,
                    number,
                    "tanggal",
                    tanggal=row["tanggal"],
                    printed=row["tanggal_dicetak"],
                    expected=f" (seharusnya {printed})." if printed else ".",
                )
            )
    return problems


def _check_ids(paths: dict[str, str], rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    """A row's code carries the year and letter of its document: IK24-S07 belongs to RKT24-S."""
    problems = []
    for name in ("program", "sasaran", "indikator", "anomali"):
        for number, row in enumerate(rows[name], start=2):
            doc = row["dokumen_id"]
            identifier = row["id"]
            if not re.fullmatch(ids.PATTERNS[name], identifier):
                problems.append(
                    FORMAT_KODE_SALAH.at(paths[name], number, "id", id=identifier, pattern=ids.PATTERNS[name])
                )
                continue
            own, of_doc = ids.parse(identifier), ids.parse(doc)
            if own is None or of_doc is None:
                continue  # a document code that breaks the pattern is reported on its own row
            if name == "anomali":
                matches = (own.dokumen.yy, own.dokumen.kantor) == (of_doc.dokumen.yy, of_doc.dokumen.kantor)
                expected = of_doc.dokumen.anomali(1).rsplit("-", 1)[0] + "-…"
            else:
                matches = own.dokumen == of_doc.dokumen
                expected = of_doc.dokumen.row(name, 1)[:-2] + "…"
            if not matches:
                problems.append(
                    KODE_TIDAK_SESUAI_DOKUMEN.at(
                        paths[name], number, "id", id=identifier, dokumen=doc, expected=expected
                    )
                )
    return problems


def _check_offices(paths: dict[str, str], rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    """Exactly one office is the home of the site: its codes are the ones without an office part."""
    if "kantor" not in paths:
        return []
    homes = [n for n, row in enumerate(rows["kantor"], start=2) if row.get("utama") == "ya"]
    if len(homes) == 1:
        return []
    what = "tidak ada kantor utama" if not homes else f"{len(homes)} kantor ditandai utama"
    return [KANTOR_UTAMA.at(paths["kantor"], homes[1] if len(homes) > 1 else None, "utama", found=what)]


def _check_order(paths: dict[str, str], rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    problems = []
    for name in ("program", "sasaran", "indikator"):
        by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for number, row in enumerate(rows[name], start=2):
            by_doc[row["dokumen_id"]].append((int(row["urutan"]), number))
        for doc, pairs in by_doc.items():
            expected = list(range(1, len(pairs) + 1))
            found = sorted(p[0] for p in pairs)
            if found != expected:
                missing = sorted(set(expected) - set(found))
                repeated = sorted(n for n, c in Counter(found).items() if c > 1)
                wrong = next((r for k, (u, r) in enumerate(pairs, start=1) if u != k), pairs[-1][1])
                detail = []
                if missing:
                    detail.append(f"nomor {', '.join(map(str, missing))} hilang")
                if repeated:
                    detail.append(f"nomor {', '.join(map(str, repeated))} ganda")
                outside = sorted({u for u in found if not 1 <= u <= len(pairs)})
                if outside:
                    detail.append(f"nomor {', '.join(map(str, outside))} di luar rentang")
                problems.append(
                    URUTAN_TIDAK_BERURUTAN.at(
                        paths[name], wrong, "urutan", dokumen=doc, count=len(pairs), detail="; ".join(detail)
                    )
                )
    return problems


def _check_sasaran_have_indikator(rel: str, rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    used = {row["sasaran_id"] for row in rows["indikator"]}
    return [
        SASARAN_TANPA_INDIKATOR.at(rel, number, "id", id=row["id"])
        for number, row in enumerate(rows["sasaran"], start=2)
        if row["id"] not in used
    ]


def _check_repeats(rel: str, indikator: list[dict[str, str]]) -> list[Problem]:
    seen: dict[tuple[str, str], str] = {}
    problems = []
    for number, row in enumerate(indikator, start=2):
        key = (row["sasaran_id"], normalise(row["teks"]))
        if key in seen:
            problems.append(
                INDIKATOR_BERULANG.at(rel, number, "teks", earlier=seen[key], sasaran=row["sasaran_id"])
            )
        seen.setdefault(key, row["id"])
    return problems


def _check_same_document(paths: dict[str, str], rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    doc_of = {name: {row["id"]: row["dokumen_id"] for row in rows[name]} for name in ("program", "sasaran")}
    problems = []
    for number, row in enumerate(rows["indikator"], start=2):
        for field, name in (("sasaran_id", "sasaran"), ("program_id", "program")):
            other = doc_of[name].get(row[field])
            if row[field] and other and other != row["dokumen_id"]:
                problems.append(
                    BEDA_DOKUMEN.at(
                        paths["indikator"],
                        number,
                        field,
                        id=row[field],
                        owner=other,
                        dokumen=row["dokumen_id"],
                        name=name,
                    )
                )
    sasaran = {row["id"]: row for row in rows["sasaran"]}
    for number, row in enumerate(rows["sasaran"], start=2):
        same = row["sama_dengan"]
        if not same:
            continue
        earlier = sasaran.get(same)
        if earlier is None:
            problems.append(SAMA_DENGAN_TIDAK_ADA.at(paths["sasaran"], number, "sama_dengan", id=same))
        elif earlier["dokumen_id"] != row["dokumen_id"] or int(earlier["urutan"]) >= int(row["urutan"]):
            problems.append(SAMA_DENGAN_SALAH.at(paths["sasaran"], number, "sama_dengan", id=same))
        elif normalise(earlier["teks"]) != normalise(row["teks"]):
            problems.append(SAMA_DENGAN_TEKS_LAIN.at(paths["sasaran"], number, "sama_dengan", id=same))
    return problems


def _check_programs(paths: dict[str, str], rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    """A printed program cell agrees with the program it is linked to, and the name with the cell."""
    programs = {row["id"]: row for row in rows["program"]}
    problems = []
    for number, row in enumerate(rows["program"], start=2):
        nama, _ = split_program(row["teks_dicetak"])
        if row["nama"] != nama:
            problems.append(
                NAMA_TIDAK_COCOK.at(paths["program"], number, "nama", nama=row["nama"], expected=nama)
            )
    codes: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for number, row in enumerate(rows["program_kode"], start=2):
        codes[row["program_id"]].append((number, row))
    for number, row in enumerate(rows["program"], start=2):
        _, parts = split_program(row["teks_dicetak"])
        stored = sorted(codes.get(row["id"], []), key=lambda pair: int(pair[1]["urutan"]))
        if len(stored) != len(parts):
            problems.append(
                KODE_TIDAK_TERCETAK.at(
                    paths["program"],
                    number,
                    "teks_dicetak",
                    printed=len(parts),
                    stored=len(stored),
                    id=row["id"],
                )
            )
            continue
        for (code_row, code), part in zip(stored, parts, strict=True):
            for field in ("kode", "nama_kegiatan"):
                if code[field] != part[field]:
                    problems.append(
                        KODE_TIDAK_TERCETAK_SEL.at(
                            paths["program_kode"],
                            code_row,
                            field,
                            value=code[field],
                            id=row["id"],
                            expected=part[field],
                        )
                    )
    for number, row in enumerate(rows["indikator"], start=2):
        printed = row["program_dicetak"]
        program = programs.get(row["program_id"])
        if not printed:
            continue
        if program is None:
            problems.append(PROGRAM_KOSONG.at(paths["indikator"], number, "program_id"))
        elif program_key(printed) != program_key(program["teks_dicetak"]):
            problems.append(
                PROGRAM_TIDAK_COCOK.at(
                    paths["indikator"],
                    number,
                    "program_id",
                    id=row["program_id"],
                    printed=program["teks_dicetak"],
                )
            )
    return problems


def _check_anomali(rel: str, rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    index = {
        name: {row["id"]: row for row in rows[name]}
        for name in ("dokumen", "program", "sasaran", "indikator")
    }
    problems = []
    for number, row in enumerate(rows["anomali"], start=2):
        target = index.get(row["tabel"], {}).get(row["rujukan_id"])
        if target is None:
            problems.append(
                ANOMALI_TANPA_RUJUKAN.at(rel, number, "rujukan_id", tabel=row["tabel"], id=row["rujukan_id"])
            )
            continue
        if row["kolom"] not in target:
            problems.append(
                ANOMALI_KOLOM_SALAH.at(
                    rel, number, "kolom", column=row["kolom"], tabel=row["tabel"], choices=", ".join(target)
                )
            )
        owner = target.get("dokumen_id", target["id"])
        if owner != row["dokumen_id"]:
            problems.append(
                BEDA_DOKUMEN_ANOMALI.at(
                    rel, number, "dokumen_id", id=row["rujukan_id"], owner=owner, dokumen=row["dokumen_id"]
                )
            )
        if row["kolom"] in target and row["teks_dicetak"] and row["teks_dicetak"] not in target[row["kolom"]]:
            problems.append(
                ANOMALI_TEKS_TIDAK_ADA.at(
                    rel,
                    number,
                    "teks_dicetak",
                    text=row["teks_dicetak"],
                    column=row["kolom"],
                    id=row["rujukan_id"],
                )
            )
    return problems


def _check_codes(rel: str, rows: list[dict[str, str]]) -> list[Problem]:
    problems = []
    for number, row in enumerate(rows, start=2):
        parts = ".".join(p for p in (row["kode_kegiatan"], row["kode_kro"], row["kode_ro"]) if p)
        if parts != row["kode"]:
            problems.append(KODE_TIDAK_COCOK.at(rel, number, "kode", parts=parts, kode=row["kode"]))
    return problems
