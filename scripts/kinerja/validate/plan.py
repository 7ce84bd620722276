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
                Problem(
                    "kode_tidak_sesuai_dokumen",
                    rel,
                    f"kode '{row['id']}' tidak sesuai dengan tahun {row['tahun']}, jenis "
                    f"'{row['jenis']}' dan kantor '{row['kantor_id']}' (seharusnya {expected}).",
                    "periksa kolom 'tahun', 'jenis' dan 'kantor_id'; kode dokumen tidak diubah setelah "
                    "dipakai (kantor utama situs ditulis tanpa kode kantor).",
                    number,
                    "id",
                )
            )
        try:
            printed = iso_date(row["tanggal_dicetak"])
        except (ValueError, KeyError):
            printed = None
        if printed != row["tanggal"]:
            problems.append(
                Problem(
                    "tanggal_tidak_cocok",
                    rel,
                    f"tanggal '{row['tanggal']}' tidak cocok dengan tanggal tercetak "
                    f"'{row['tanggal_dicetak']}'" + (f" (seharusnya {printed})." if printed else "."),
                    "samakan kolom 'tanggal' (TTTT-BB-HH) dengan tanggal tercetak, misalnya "
                    "'1 Maret 2024' → 2024-03-01.",
                    number,
                    "tanggal",
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
                    Problem(
                        "format_salah",
                        paths[name],
                        f"kode '{identifier}' tidak sesuai pola.",
                        f"ikuti pola {ids.PATTERNS[name]}; lihat aturan kode di docs/keputusan.md "
                        "(bagian Kode tetap).",
                        number,
                        "id",
                    )
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
                    Problem(
                        "kode_tidak_sesuai_dokumen",
                        paths[name],
                        f"kode '{identifier}' tidak sesuai dengan dokumennya {doc} "
                        f"(kode baris dokumen ini berbentuk {expected}).",
                        "periksa kolom 'dokumen_id'; bila baris memang pindah dokumen, beri kode baru "
                        "dengan nomor berikutnya yang belum pernah dipakai di dokumen itu.",
                        number,
                        "id",
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
    return [
        Problem(
            "kantor_utama",
            paths["kantor"],
            f"{what}; tepat satu kantor harus bertanda utama = ya (pemilik situs ini).",
            "isi kolom 'utama' dengan 'ya' hanya pada baris kantor pemilik situs, kosongkan pada yang lain.",
            homes[1] if len(homes) > 1 else None,
            "utama",
        )
    ]


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
                row = next((r for k, (u, r) in enumerate(pairs, start=1) if u != k), pairs[-1][1])
                detail = []
                if missing:
                    detail.append(f"nomor {', '.join(map(str, missing))} hilang")
                if repeated:
                    detail.append(f"nomor {', '.join(map(str, repeated))} ganda")
                outside = sorted({u for u in found if not 1 <= u <= len(pairs)})
                if outside:
                    detail.append(f"nomor {', '.join(map(str, outside))} di luar rentang")
                problems.append(
                    Problem(
                        "urutan_tidak_berurutan",
                        paths[name],
                        f"urutan di dokumen {doc} tidak bersambung 1..{len(pairs)} ({'; '.join(detail)}).",
                        "nomori ulang kolom 'urutan' sesuai urutan cetak: 1, 2, 3, … "
                        "tanpa lompatan (kode 'id' tidak ikut diubah).",
                        row,
                        "urutan",
                    )
                )
    return problems


def _check_sasaran_have_indikator(rel: str, rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    used = {row["sasaran_id"] for row in rows["indikator"]}
    return [
        Problem(
            "sasaran_tanpa_indikator",
            rel,
            f"sasaran {row['id']} tidak punya indikator.",
            "tambahkan indikatornya di indikator.csv, atau hapus sasaran bila memang tidak tercetak.",
            number,
            "id",
        )
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
                Problem(
                    "indikator_berulang",
                    rel,
                    f"indikator yang sama sudah tercatat sebagai {seen[key]} di sasaran {row['sasaran_id']}.",
                    "hapus baris ganda ini, atau bila dokumen memang mencetaknya dua kali, "
                    "catat sebagai anomali dan bedakan teksnya sesuai cetakan.",
                    number,
                    "teks",
                )
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
                    Problem(
                        "beda_dokumen",
                        paths["indikator"],
                        f"{row[field]} milik dokumen {other}, bukan {row['dokumen_id']}.",
                        f"pilih {name} dari dokumen {row['dokumen_id']}.",
                        number,
                        field,
                    )
                )
    sasaran = {row["id"]: row for row in rows["sasaran"]}
    for number, row in enumerate(rows["sasaran"], start=2):
        same = row["sama_dengan"]
        if not same:
            continue
        earlier = sasaran.get(same)
        if earlier is None:
            problems.append(
                Problem(
                    "rujukan_tidak_ada",
                    paths["sasaran"],
                    f"sasaran '{same}' tidak ada.",
                    "isi dengan kode sasaran yang ada, atau kosongkan.",
                    number,
                    "sama_dengan",
                )
            )
        elif earlier["dokumen_id"] != row["dokumen_id"] or int(earlier["urutan"]) >= int(row["urutan"]):
            problems.append(
                Problem(
                    "sama_dengan_salah",
                    paths["sasaran"],
                    f"'{same}' harus sasaran lebih awal di dokumen yang sama.",
                    "isi dengan kode sasaran yang tercetak lebih dahulu di dokumen ini.",
                    number,
                    "sama_dengan",
                )
            )
        elif normalise(earlier["teks"]) != normalise(row["teks"]):
            problems.append(
                Problem(
                    "sama_dengan_salah",
                    paths["sasaran"],
                    f"teks sasaran ini berbeda dari teks {same}, bukan hanya huruf besar/kecilnya.",
                    "isi 'sama_dengan' hanya bila teksnya sama kecuali huruf besar/kecil; "
                    "selain itu kosongkan.",
                    number,
                    "sama_dengan",
                )
            )
    return problems


def _check_programs(paths: dict[str, str], rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    """A printed program cell agrees with the program it is linked to, and the name with the cell."""
    programs = {row["id"]: row for row in rows["program"]}
    problems = []
    for number, row in enumerate(rows["program"], start=2):
        nama, _ = split_program(row["teks_dicetak"])
        if row["nama"] != nama:
            problems.append(
                Problem(
                    "nama_tidak_cocok",
                    paths["program"],
                    f"nama '{row['nama']}' tidak sama dengan teks tercetak tanpa kode anggaran "
                    f"(seharusnya '{nama}').",
                    "salin nama dari 'teks_dicetak' tanpa kode dalam kurung.",
                    number,
                    "nama",
                )
            )
    codes: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for number, row in enumerate(rows["program_kode"], start=2):
        codes[row["program_id"]].append((number, row))
    for number, row in enumerate(rows["program"], start=2):
        _, parts = split_program(row["teks_dicetak"])
        stored = sorted(codes.get(row["id"], []), key=lambda pair: int(pair[1]["urutan"]))
        if len(stored) != len(parts):
            problems.append(
                Problem(
                    "kode_tidak_tercetak",
                    paths["program"],
                    f"teks tercetak memuat {len(parts)} kode anggaran, tetapi program_kode.csv "
                    f"mencatat {len(stored)} kode untuk {row['id']}.",
                    "catat setiap kode dalam kurung di teks tercetak sebagai satu baris di "
                    "program_kode.csv, berurutan.",
                    number,
                    "teks_dicetak",
                )
            )
            continue
        for (code_row, code), part in zip(stored, parts, strict=True):
            for field in ("kode", "nama_kegiatan"):
                if code[field] != part[field]:
                    problems.append(
                        Problem(
                            "kode_tidak_tercetak",
                            paths["program_kode"],
                            f"'{code[field]}' tidak sama dengan yang tercetak di program "
                            f"{row['id']} (seharusnya '{part[field]}').",
                            "salin kode dan nama kegiatan persis dari 'teks_dicetak' di program.csv.",
                            code_row,
                            field,
                        )
                    )
    for number, row in enumerate(rows["indikator"], start=2):
        printed = row["program_dicetak"]
        program = programs.get(row["program_id"])
        if printed and program is None:
            problems.append(
                Problem(
                    "program_tidak_cocok",
                    paths["indikator"],
                    "sel program tercetak diisi, tetapi 'program_id' kosong.",
                    "isi 'program_id' dengan kode program yang teksnya tercetak di sel ini.",
                    number,
                    "program_id",
                )
            )
        elif printed and program_key(printed) != program_key(program["teks_dicetak"]):
            problems.append(
                Problem(
                    "program_tidak_cocok",
                    paths["indikator"],
                    f"sel program tercetak tidak cocok dengan program {row['program_id']} "
                    f"('{program['teks_dicetak']}').",
                    "pilih program yang nama dan kode anggarannya sama dengan sel tercetak.",
                    number,
                    "program_id",
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
                Problem(
                    "anomali_tanpa_rujukan",
                    rel,
                    f"anomali merujuk ke {row['tabel']} '{row['rujukan_id']}' yang tidak ada.",
                    f"isi 'rujukan_id' dengan kode yang ada di {row['tabel']}.csv.",
                    number,
                    "rujukan_id",
                )
            )
            continue
        if row["kolom"] not in target:
            problems.append(
                Problem(
                    "anomali_kolom_salah",
                    rel,
                    f"kolom '{row['kolom']}' tidak ada di {row['tabel']}.csv.",
                    f"pilih salah satu: {', '.join(target)}.",
                    number,
                    "kolom",
                )
            )
        owner = target.get("dokumen_id", target["id"])
        if owner != row["dokumen_id"]:
            problems.append(
                Problem(
                    "beda_dokumen",
                    rel,
                    f"{row['rujukan_id']} milik dokumen {owner}, bukan {row['dokumen_id']}.",
                    f"isi 'dokumen_id' dengan {owner}.",
                    number,
                    "dokumen_id",
                )
            )
        if row["kolom"] in target and row["teks_dicetak"] and row["teks_dicetak"] not in target[row["kolom"]]:
            problems.append(
                Problem(
                    "anomali_teks_tidak_ada",
                    rel,
                    f"teks '{row['teks_dicetak']}' tidak ditemukan di kolom '{row['kolom']}' "
                    f"baris {row['rujukan_id']}.",
                    "salin potongan teks persis seperti di data (huruf besar/kecil dan tanda baca).",
                    number,
                    "teks_dicetak",
                )
            )
    return problems


def _check_codes(rel: str, rows: list[dict[str, str]]) -> list[Problem]:
    problems = []
    for number, row in enumerate(rows, start=2):
        parts = ".".join(p for p in (row["kode_kegiatan"], row["kode_kro"], row["kode_ro"]) if p)
        if parts != row["kode"]:
            problems.append(
                Problem(
                    "kode_tidak_cocok",
                    rel,
                    f"bagian kode ({parts}) tidak sama dengan kode tercetak '{row['kode']}'.",
                    "pecah kode tercetak menjadi kegiatan (4 digit), KRO (3 huruf) dan RO (3 digit).",
                    number,
                    "kode",
                )
            )
    return problems
