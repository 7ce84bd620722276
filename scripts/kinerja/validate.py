"""Check the package before anything is built: structure, types, links and meaning.

Three layers, each run only when the one before passed, so that a single
mistake gives a single clear message rather than a cascade:
1. the files themselves (descriptor, paths, encoding, header row);
2. frictionless validation of the schemas (types, constraints, keys);
3. domain checks that no schema can express (targets, order, links).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path

import frictionless

from . import ids
from .problems import Problem
from .targets import TargetError, parse_target
from .transcribe import normalise

_TYPE_HINT = {
    "integer": "bilangan bulat tanpa titik atau koma, misalnya 12",
    "number": "angka dengan titik sebagai pemisah desimal, misalnya 77.5",
    "date": "tanggal dengan bentuk TTTT-BB-HH, misalnya 2024-03-01",
    "string": "teks",
}
_TYPE_NAME = {"integer": "bilangan bulat", "number": "angka", "date": "tanggal", "string": "teks"}


def _descriptor(root: Path) -> tuple[dict | None, list[Problem]]:
    path = root / "datapackage.json"
    if not path.is_file():
        return None, [
            Problem("paket_tidak_ada", "datapackage.json", "berkas tidak ditemukan.",
                    "pastikan datapackage.json ada di folder utama proyek.")
        ]  # fmt: skip
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return None, [
            Problem("paket_bukan_utf8", "datapackage.json", "berkas tidak tersimpan sebagai UTF-8.",
                    "simpan ulang berkas dengan pengodean UTF-8.")
        ]  # fmt: skip
    except json.JSONDecodeError as error:
        return None, [
            Problem("paket_json_rusak", "datapackage.json",
                    f"bukan JSON yang sah ({error.msg}, kolom {error.colno}).",
                    "periksa koma, tanda kutip dan kurung di sekitar baris itu; "
                    "gunakan editor yang menandai kesalahan JSON.",
                    row=error.lineno)
        ]  # fmt: skip
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return None, [
            Problem("paket_tanpa_resource", "datapackage.json", "tidak ada daftar 'resources'.",
                    "kembalikan bagian 'resources' dari versi terakhir yang benar.")
        ]  # fmt: skip
    return descriptor, []


def _safe_path(root: Path, resource: dict) -> tuple[Path | None, Problem | None]:
    raw = resource.get("path")
    name = resource.get("name", "?")
    if not isinstance(raw, str) or not raw:
        return None, Problem("path_kosong", "datapackage.json",
                             f"resource '{name}' tidak punya 'path'.",
                             "isi 'path' dengan jalur berkas CSV di folder data/, misalnya data/indikator.csv.")  # fmt: skip
    candidate = Path(raw)
    resolved = (root / candidate).resolve()
    inside = resolved.is_relative_to((root / "data").resolve())
    if candidate.is_absolute() or ".." in candidate.parts or "://" in raw or not inside:
        return None, Problem("path_di_luar_data", "datapackage.json",
                             f"resource '{name}' menunjuk ke '{raw}', di luar folder data/ proyek.",
                             "gunakan jalur relatif di dalam folder data/, misalnya data/indikator.csv.")  # fmt: skip
    return resolved, None


def _check_file(path: Path, rel: str, fields: list[str]) -> list[Problem]:
    if not path.is_file():
        return [Problem("berkas_tidak_ada", rel, "berkas tidak ditemukan.",
                        "kembalikan berkas itu atau perbaiki 'path' di datapackage.json.")]  # fmt: skip
    data = path.read_bytes()
    if not data.strip():
        return [Problem("berkas_kosong", rel, "berkas kosong, bahkan baris judul kolom tidak ada.",
                        f"baris pertama harus berisi judul kolom: {','.join(fields)}.")]  # fmt: skip
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem("ada_bom", rel, "berkas diawali tanda BOM (UTF-8 dengan BOM).",
                                "simpan sebagai 'CSV UTF-8' tanpa BOM, atau jalankan: "
                                "python -m kinerja rapikan.", row=1))  # fmt: skip
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return problems + [Problem("bukan_utf8", rel,
                                   f"berkas bukan UTF-8 (bita 0x{data[error.start]:02X} tidak sah); "
                                   "kemungkinan tersimpan sebagai Latin-1/Windows-1252.",
                                   "di spreadsheet pilih Simpan Sebagai → 'CSV UTF-8 (dipisah koma)'.",
                                   row=line)]  # fmt: skip
    if "\r\n" in text or "\r" in text:
        line = text[: text.find("\r")].count("\n") + 1
        problems.append(Problem("akhir_baris_crlf", rel, "akhir baris berformat Windows (CRLF).",
                                "simpan dengan akhir baris LF (Unix), atau jalankan: python -m kinerja rapikan.",
                                row=line))  # fmt: skip
    header = text.lstrip("\ufeff").splitlines()[0].split(",")
    header = [h.strip('"') for h in header]
    for name in fields:
        if name not in header:
            problems.append(Problem("kolom_hilang", rel, f"kolom '{name}' tidak ada di baris judul.",
                                    f"tambahkan kolom '{name}' (urutan kolom: {','.join(fields)}).",
                                    row=1, field=name))  # fmt: skip
    for name in header:
        if name not in fields:
            problems.append(Problem("kolom_asing", rel, f"kolom '{name}' tidak dikenal dalam skema.",
                                    "hapus kolom itu, atau tambahkan dulu ke skema di datapackage.json "
                                    "beserta judul dan keterangannya.", row=1, field=name))  # fmt: skip
    if not problems and header != fields:
        problems.append(Problem("urutan_kolom", rel, "urutan kolom berbeda dari skema.",
                                f"susun kolom sebagai: {','.join(fields)}.", row=1))  # fmt: skip
    return problems


def _constraint(note: str) -> str:
    match = re.search(r'constraint "(\w+)"', note)
    return match.group(1) if match else ""


def _frictionless_problem(rel: str, error: dict, schema: dict) -> Problem:
    kind = error.get("type", "")
    row = error.get("rowNumber")
    field = error.get("fieldName")
    cell = error.get("cell")
    spec = next((f for f in schema.get("fields", []) if f["name"] == field), {})
    if kind == "type-error":
        type_ = spec.get("type", "string")
        return Problem("tipe_salah", rel, f"nilai '{cell}' bukan {_TYPE_NAME.get(type_, type_)}.",
                       f"isi dengan {_TYPE_HINT.get(type_, type_)}.", row, field)  # fmt: skip
    if kind == "constraint-error":
        which = _constraint(error.get("note", ""))
        constraints = spec.get("constraints", {})
        if which == "required":
            return Problem("wajib_diisi", rel, "sel wajib diisi tetapi kosong.",
                           f"isi kolom '{field}' ({spec.get('title', field)}).", row, field)  # fmt: skip
        if which == "pattern":
            if cell is not None and (cell != cell.strip() or "\u00a0" in cell):
                return Problem("spasi_di_kode", rel,
                               f"nilai '{cell}' mengandung spasi di awal/akhir atau spasi tak-putus (NBSP).",
                               "hapus semua spasi di sel itu; kode ditulis tanpa spasi, misalnya IK24-S07.",
                               row, field)  # fmt: skip
            return Problem("format_salah", rel, f"nilai '{cell}' tidak sesuai format kolom ini.",
                           f"ikuti pola {constraints.get('pattern')}; lihat docs/identifiers.md.", row, field)  # fmt: skip
        if which == "enum":
            return Problem("bukan_pilihan", rel, f"nilai '{cell}' tidak termasuk pilihan yang sah.",
                           f"pilih salah satu: {', '.join(constraints.get('enum', []))}.", row, field)  # fmt: skip
        if which == "unique":
            return Problem("nilai_ganda", rel, f"nilai '{cell}' sudah dipakai di baris lain.",
                           "setiap baris memerlukan nilai yang berbeda di kolom ini; beri kode baru "
                           "(nomor berikutnya yang belum pernah dipakai).", row, field)  # fmt: skip
        return Problem("batas_nilai", rel, f"nilai '{cell}' melanggar batas '{which}' ({constraints.get(which)}).",
                       "perbaiki nilainya agar berada dalam batas itu.", row, field)  # fmt: skip
    if kind in ("unique-error", "primary-key"):
        return Problem("kode_ganda", rel, f"kode '{cell or ''}' dipakai lebih dari sekali.".replace(" ''", ""),
                       "beri baris ini kode baru dengan nomor berikutnya yang belum pernah dipakai; "
                       "kode lama tidak boleh dipakai ulang.", row, field or "id")  # fmt: skip
    if kind == "foreign-key":
        cells = error.get("cells") or []
        note = error.get("note", "")
        return Problem("rujukan_tidak_ada", rel, f"merujuk ke kode yang tidak ada ({note or ', '.join(cells)}).",
                       "periksa ejaan kode atau tambahkan dulu baris yang dirujuk.", row, field)  # fmt: skip
    if kind in ("missing-cell", "extra-cell"):
        return Problem("jumlah_sel", rel, "jumlah sel di baris ini tidak sama dengan jumlah kolom.",
                       "periksa koma di dalam teks: teks yang memuat koma harus diapit tanda kutip ganda.",
                       row, field)  # fmt: skip
    if kind == "blank-row":
        return Problem("baris_kosong", rel, "baris kosong.", "hapus baris itu.", row)
    return Problem(kind or "tidak_sah", rel, f"{error.get('message', 'data tidak sah')}.",
                   "periksa baris itu terhadap skema di datapackage.json.", row, field)  # fmt: skip


def _fk_problems(rel: str, error: dict) -> Problem:
    return _frictionless_problem(rel, error, {})


def validate(root: Path) -> list[Problem]:
    """Every problem in the package at `root`; an empty list means it may be built."""
    descriptor, problems = _descriptor(root)
    if descriptor is None:
        return problems
    resources: dict[str, dict] = {}
    for resource in descriptor["resources"]:
        path, problem = _safe_path(root, resource)
        if problem:
            problems.append(problem)
            continue
        fields = [f["name"] for f in resource.get("schema", {}).get("fields", [])]
        problems += _check_file(path, resource["path"], fields)
        resources[resource["name"]] = resource
    problems += _check_sources(root, descriptor)
    if problems:
        return problems
    problems = _frictionless(root, descriptor)
    if problems:
        return problems
    return domain_checks(root, descriptor)


def _check_sources(root: Path, descriptor: dict) -> list[Problem]:
    problems = []
    for source in descriptor.get("sources", []):
        path = source.get("path", "")
        target = (root / path).resolve()
        if not path or not target.is_relative_to((root / "data").resolve()) or not target.is_file():
            problems.append(Problem("sumber_tidak_ada", "datapackage.json",
                                    f"berkas sumber '{path}' tidak ditemukan di folder data/.",
                                    "kembalikan teks dokumen resmi ke data/sumber/."))  # fmt: skip
            continue
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        if source.get("sha256") and digest != source["sha256"]:
            problems.append(Problem("sumber_berubah", path,
                                    "isi berkas sumber tidak cocok dengan SHA-256 yang tercatat di datapackage.json.",
                                    "teks dokumen resmi tidak boleh diubah; kembalikan berkas aslinya, atau bila "
                                    "ini dokumen baru, perbarui 'sha256' di bagian 'sources'."))  # fmt: skip
    return problems


def _frictionless(root: Path, descriptor: dict) -> list[Problem]:
    package = frictionless.Package(descriptor, basepath=str(root))
    report = package.validate()
    problems: list[Problem] = []
    for task in report.tasks:
        resource = next((r for r in descriptor["resources"] if r["name"] == task.name), {})
        rel = resource.get("path", task.name)
        for error in task.errors:
            problems.append(_frictionless_problem(rel, error.to_descriptor(), resource.get("schema", {})))
    for error in report.errors:
        problems.append(Problem("paket_tidak_sah", "datapackage.json", f"{error.message}.",
                                "bandingkan dengan versi terakhir yang benar di git."))  # fmt: skip
    return problems


def domain_checks(root: Path, descriptor: dict) -> list[Problem]:
    """Checks of meaning: each returns problems located by file, row and field."""
    from . import csvio

    paths = {r["name"]: r["path"] for r in descriptor["resources"]}
    rows = {name: csvio.read(root / path) for name, path in paths.items()}
    problems: list[Problem] = []
    problems += _check_targets(paths["indikator"], rows["indikator"])
    problems += _check_order(paths, rows)
    problems += _check_sasaran_have_indikator(paths["sasaran"], rows)
    problems += _check_repeats(paths["indikator"], rows["indikator"])
    problems += _check_same_document(paths, rows)
    problems += _check_anomali(paths.get("anomali"), rows)
    problems += _check_codes(paths.get("program_kode"), rows.get("program_kode", []))
    return problems


def _check_targets(rel: str, indikator: list[dict[str, str]]) -> list[Problem]:
    problems = []
    for number, row in enumerate(indikator, start=2):
        try:
            target = parse_target(row["target_dicetak"])
        except TargetError as error:
            problems.append(Problem("target_tidak_terbaca", rel, f"{error}.",
                                    "tulis target seperti di dokumen: angka lalu satuan, misalnya 77,5% "
                                    "atau 5 keg; satuan baru harus ditambahkan dulu ke daftar satuan.",
                                    number, "target_dicetak"))  # fmt: skip
            continue
        pairs = (
            ("target_nilai", target.nilai, row["target_nilai"]),
            ("target_sekunder_nilai", target.nilai_sekunder, row["target_sekunder_nilai"]),
        )
        for field, expected, stored in pairs:
            try:
                same = (Decimal(stored) if stored else None) == expected
            except InvalidOperation:
                same = False
            if not same:
                shown = "kosong" if expected is None else format(expected, "f")
                problems.append(Problem("nilai_tidak_cocok", rel,
                                        f"nilai '{stored}' tidak cocok dengan target tercetak "
                                        f"'{row['target_dicetak']}' (seharusnya {shown}).",
                                        f"samakan '{field}' dengan angka pada target tercetak, dengan titik desimal.",
                                        number, field))  # fmt: skip
        for field, expected, stored in (
            ("target_satuan", target.satuan, row["target_satuan"]),
            ("target_sekunder_satuan", target.satuan_sekunder or "", row["target_sekunder_satuan"]),
        ):
            if expected != stored:
                problems.append(Problem("satuan_tidak_cocok", rel,
                                        f"satuan '{stored}' tidak cocok dengan target tercetak "
                                        f"'{row['target_dicetak']}' (seharusnya '{expected or 'kosong'}').",
                                        f"isi '{field}' dengan '{expected}'." if expected else f"kosongkan '{field}'.",
                                        number, field))  # fmt: skip
    return problems


def _check_order(paths: dict[str, str], rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    problems = []
    for name in ("program", "sasaran", "indikator"):
        by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for number, row in enumerate(rows.get(name, []), start=2):
            by_doc[row["dokumen_id"]].append((int(row["urutan"]), number))
        for doc, pairs in by_doc.items():
            expected = list(range(1, len(pairs) + 1))
            found = sorted(p[0] for p in pairs)
            if found != expected:
                missing = sorted(set(expected) - set(found))
                repeated = sorted(n for n, c in Counter(found).items() if c > 1)
                row = next((r for u, r in pairs if u in repeated or u > len(pairs)), pairs[-1][1])
                detail = []
                if missing:
                    detail.append(f"nomor {', '.join(map(str, missing))} hilang")
                if repeated:
                    detail.append(f"nomor {', '.join(map(str, repeated))} ganda")
                problems.append(Problem("urutan_tidak_berurutan", paths[name],
                                        f"urutan di dokumen {doc} tidak bersambung 1..{len(pairs)} "
                                        f"({'; '.join(detail) or 'ada nomor di luar rentang'}).",
                                        "nomori ulang kolom 'urutan' sesuai urutan cetak: 1, 2, 3, … "
                                        "tanpa lompatan (kode 'id' tidak ikut diubah).", row, "urutan"))  # fmt: skip
    return problems


def _check_sasaran_have_indikator(rel: str, rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    used = {row["sasaran_id"] for row in rows["indikator"]}
    return [
        Problem("sasaran_tanpa_indikator", rel, f"sasaran {row['id']} tidak punya indikator.",
                "tambahkan indikatornya di indikator.csv, atau hapus sasaran bila memang tidak tercetak.",
                number, "id")  # fmt: skip
        for number, row in enumerate(rows["sasaran"], start=2)
        if row["id"] not in used
    ]


def _check_repeats(rel: str, indikator: list[dict[str, str]]) -> list[Problem]:
    seen: dict[tuple[str, str], str] = {}
    problems = []
    for number, row in enumerate(indikator, start=2):
        key = (row["sasaran_id"], normalise(row["teks"]))
        if key in seen:
            problems.append(Problem("indikator_berulang", rel,
                                    f"indikator yang sama sudah tercatat sebagai {seen[key]} di sasaran {row['sasaran_id']}.",
                                    "hapus baris ganda ini, atau bila dokumen memang mencetaknya dua kali, "
                                    "catat sebagai anomali dan bedakan teksnya sesuai cetakan.",
                                    number, "teks"))  # fmt: skip
        seen.setdefault(key, row["id"])
    return problems


def _check_same_document(paths: dict[str, str], rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    doc_of = {
        name: {row["id"]: row["dokumen_id"] for row in rows.get(name, [])} for name in ("program", "sasaran")
    }
    problems = []
    for number, row in enumerate(rows["indikator"], start=2):
        for field, name in (("sasaran_id", "sasaran"), ("program_id", "program")):
            other = doc_of[name].get(row[field])
            if row[field] and other and other != row["dokumen_id"]:
                problems.append(Problem("beda_dokumen", paths["indikator"],
                                        f"{row[field]} milik dokumen {other}, bukan {row['dokumen_id']}.",
                                        f"pilih {name} dari dokumen {row['dokumen_id']}.", number, field))  # fmt: skip
    order = {row["id"]: (row["dokumen_id"], int(row["urutan"])) for row in rows["sasaran"]}
    for number, row in enumerate(rows["sasaran"], start=2):
        same = row.get("sama_dengan", "")
        if not same:
            continue
        if same not in order:
            problems.append(Problem("rujukan_tidak_ada", paths["sasaran"], f"sasaran '{same}' tidak ada.",
                                    "isi dengan kode sasaran yang ada, atau kosongkan.", number, "sama_dengan"))  # fmt: skip
        elif order[same][0] != row["dokumen_id"] or order[same][1] >= int(row["urutan"]):
            problems.append(Problem("sama_dengan_salah", paths["sasaran"],
                                    f"'{same}' harus sasaran lebih awal di dokumen yang sama.",
                                    "isi dengan kode sasaran yang tercetak lebih dahulu di dokumen ini.",
                                    number, "sama_dengan"))  # fmt: skip
    return problems


def _check_anomali(rel: str | None, rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    if rel is None:
        return []
    index = {name: {row.get("id"): row for row in rows.get(name, [])} for name in ("dokumen", "program", "sasaran", "indikator")}
    problems = []
    for number, row in enumerate(rows["anomali"], start=2):
        target = index.get(row["tabel"], {}).get(row["rujukan_id"])
        if target is None:
            problems.append(Problem("anomali_tanpa_rujukan", rel,
                                    f"anomali merujuk ke {row['tabel']} '{row['rujukan_id']}' yang tidak ada.",
                                    f"isi 'rujukan_id' dengan kode yang ada di {row['tabel']}.csv.",
                                    number, "rujukan_id"))  # fmt: skip
            continue
        if row["kolom"] not in target:
            problems.append(Problem("anomali_kolom_salah", rel,
                                    f"kolom '{row['kolom']}' tidak ada di {row['tabel']}.csv.",
                                    f"pilih salah satu: {', '.join(target)}.", number, "kolom"))  # fmt: skip
        owner = target.get("dokumen_id", target.get("id"))
        if owner != row["dokumen_id"]:
            problems.append(Problem("beda_dokumen", rel,
                                    f"{row['rujukan_id']} milik dokumen {owner}, bukan {row['dokumen_id']}.",
                                    f"isi 'dokumen_id' dengan {owner}.", number, "dokumen_id"))  # fmt: skip
        if row["teks_dicetak"] and row["teks_dicetak"] not in target.get(row["kolom"], "") and row["kolom"] in target:
            problems.append(Problem("anomali_teks_tidak_ada", rel,
                                    f"teks '{row['teks_dicetak']}' tidak ditemukan di kolom '{row['kolom']}' "
                                    f"baris {row['rujukan_id']}.",
                                    "salin potongan teks persis seperti di data (huruf besar/kecil dan tanda baca).",
                                    number, "teks_dicetak"))  # fmt: skip
    return problems


def _check_codes(rel: str | None, rows: list[dict[str, str]]) -> list[Problem]:
    problems = []
    for number, row in enumerate(rows, start=2):
        parts = ".".join(p for p in (row["kode_kegiatan"], row["kode_kro"], row["kode_ro"]) if p)
        if parts != row["kode"]:
            problems.append(Problem("kode_tidak_cocok", rel or "program_kode",
                                    f"bagian kode ({parts}) tidak sama dengan kode tercetak '{row['kode']}'.",
                                    "pecah kode tercetak menjadi kegiatan (4 digit), KRO (3 huruf) dan RO (3 digit).",
                                    number, "kode"))  # fmt: skip
    return problems


__all__ = ["validate", "domain_checks", "ids"]
