"""Layer 1 of validation: the descriptor itself — JSON syntax, the schema contract with the
model, resource paths kept inside data/, and the official source file's checksum.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from ..datapackage import DATA, DESCRIPTOR, DataPackage
from ..errors import Problem
from .columns import COLUMNS, EXPECTED_FIELDS
from .wording import JSON_ERRORS


def line_of(text: str, needle: str) -> int | None:
    """The 1-based line of the first occurrence of `needle` in `text`, if any."""
    at = text.find(needle)
    return None if at < 0 else text.count("\n", 0, at) + 1


def read_descriptor(package: DataPackage) -> tuple[dict | None, str, list[Problem]]:
    """datapackage.json parsed, with its text (to name lines in messages), or the problems why not."""
    data = package.read(DESCRIPTOR)
    if data is None:
        return (
            None,
            "",
            [
                Problem(
                    "paket_tidak_ada",
                    "datapackage.json",
                    "berkas tidak ditemukan.",
                    "pastikan datapackage.json ada di folder utama proyek.",
                )
            ],
        )
    if data.startswith(b"\xef\xbb\xbf"):
        return (
            None,
            "",
            [
                Problem(
                    "ada_bom",
                    "datapackage.json",
                    "berkas diawali tanda BOM (UTF-8 dengan BOM).",
                    "simpan ulang sebagai UTF-8 tanpa BOM (di editor: Encoding → UTF-8).",
                    row=1,
                )
            ],
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return (
            None,
            "",
            [
                Problem(
                    "paket_bukan_utf8",
                    "datapackage.json",
                    f"berkas tidak tersimpan sebagai UTF-8 (bita 0x{data[error.start]:02X} tidak sah).",
                    "simpan ulang berkas dengan pengodean UTF-8.",
                    row=data[: error.start].count(b"\n") + 1,
                )
            ],
        )
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as error:
        what = next(
            (indo for eng, indo in JSON_ERRORS if error.msg.startswith(eng)), "susunan JSON tidak sah"
        )
        return (
            None,
            text,
            [
                Problem(
                    "paket_json_rusak",
                    "datapackage.json",
                    f"bukan JSON yang sah: {what} (baris {error.lineno}, kolom {error.colno}).",
                    "periksa koma, tanda kutip dan kurung di baris itu dan baris sebelumnya; "
                    "gunakan editor yang menandai kesalahan JSON, atau bandingkan dengan versi terakhir "
                    "di git.",
                    row=error.lineno,
                )
            ],
        )
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return (
            None,
            text,
            [
                Problem(
                    "paket_tanpa_resource",
                    "datapackage.json",
                    "tidak ada daftar 'resources'.",
                    "kembalikan bagian 'resources' dari versi terakhir yang benar.",
                    field="resources",
                )
            ],
        )
    return descriptor, text, []


def field_specs(resource: dict) -> list[dict]:
    """The field descriptors of a resource's schema, or [] when the schema is missing or malformed."""
    schema = resource.get("schema")
    fields = schema.get("fields") if isinstance(schema, dict) else None
    return [f for f in fields if isinstance(f, dict)] if isinstance(fields, list) else []


def check_contract(descriptor: dict, text: str) -> list[Problem]:
    """The resources and columns the site builder reads must be declared; other resources may be added."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, resource in enumerate(descriptor["resources"], start=1):
        name = resource.get("name") if isinstance(resource, dict) else None
        if not isinstance(name, str) or not name or name in seen:
            problems.append(
                Problem(
                    "resource_tanpa_nama",
                    "datapackage.json",
                    f"resource ke-{number} tidak punya 'name' yang unik.",
                    "beri setiap resource nama yang berbeda, sama dengan nama berkasnya "
                    "(misalnya 'indikator' untuk data/indikator.csv).",
                    line_of(text, f'"name": "{name}"') if isinstance(name, str) and name else None,
                    "name",
                )
            )
            continue
        seen.add(name)
        if name not in EXPECTED_FIELDS:
            continue
        line = line_of(text, f'"name": "{name}"')
        declared = [f.get("name") for f in field_specs(resource)]
        for field in EXPECTED_FIELDS[name]:
            if field not in declared:
                problems.append(
                    Problem(
                        "skema_kolom_hilang",
                        "datapackage.json",
                        f"skema resource '{name}' tidak memuat kolom '{field}'.",
                        "kembalikan definisi kolom itu dari versi terakhir yang benar di git.",
                        line,
                        field,
                    )
                )
        for field, count in Counter(declared).items():
            if field not in COLUMNS[name][1] or count > 1:
                problems.append(
                    Problem(
                        "skema_kolom_asing",
                        "datapackage.json",
                        f"skema resource '{name}' memuat kolom '{field}' yang tidak dikenal "
                        "atau tercantum dua kali.",
                        "hapus kolom itu dari skema; kolom baru harus ditambahkan dulu ke program "
                        "pembangun situs (kelas datanya di scripts/kinerja/model.py).",
                        line,
                        str(field),
                    )
                )
    for name in EXPECTED_FIELDS:
        if name not in seen:
            problems.append(
                Problem(
                    "resource_hilang",
                    "datapackage.json",
                    f"resource '{name}' tidak ada di daftar 'resources'.",
                    f"kembalikan resource '{name}' (berkas data/{name}.csv) dari versi terakhir "
                    "yang benar di git.",
                    None,
                    "resources",
                )
            )
    return problems


def safe_path(root: Path, resource: dict, text: str) -> tuple[Path | None, Problem | None]:
    """The resource's file, only if its path stays inside data/ (checked before anything is read)."""
    raw = resource.get("path")
    name = resource.get("name", "?")
    if not isinstance(raw, str) or not raw:
        return None, Problem(
            "path_kosong",
            "datapackage.json",
            f"resource '{name}' tidak punya 'path' berupa satu jalur berkas.",
            "isi 'path' dengan jalur berkas CSV di folder data/, misalnya data/indikator.csv.",
            line_of(text, f'"name": "{name}"'),
            "path",
        )
    line = line_of(text, f'"path": {json.dumps(raw, ensure_ascii=False)}') or line_of(
        text, f'"name": "{name}"'
    )
    candidate = Path(raw)
    unsafe = candidate.is_absolute() or ".." in candidate.parts or "://" in raw or "\\" in raw
    if not unsafe:
        unsafe = not (root / candidate).resolve().is_relative_to((root / DATA).resolve())
    if unsafe:
        return None, Problem(
            "path_di_luar_data",
            "datapackage.json",
            f"resource '{name}' menunjuk ke '{raw}', di luar folder data/ proyek; berkas itu tidak dibaca.",
            f"gunakan jalur relatif di dalam folder data/, misalnya data/{name}.csv.",
            line,
            "path",
        )
    if candidate.suffix != ".csv":
        return None, Problem(
            "path_bukan_csv",
            "datapackage.json",
            f"resource '{name}' menunjuk ke '{raw}', bukan berkas .csv.",
            f"gunakan berkas CSV di folder data/, misalnya data/{name}.csv.",
            line,
            "path",
        )
    return (root / candidate).resolve(), None


def check_sources(package: DataPackage, descriptor: dict, text: str) -> list[Problem]:
    """The official source files exist inside data/ and still have the SHA-256 recorded for them."""
    root = package.root
    problems = []
    sources = descriptor.get("sources", [])
    for source in sources if isinstance(sources, list) else []:
        path = source.get("path", "") if isinstance(source, dict) else ""
        path = path if isinstance(path, str) else ""
        target = (root / path).resolve() if path and not Path(path).is_absolute() else None
        inside = target is not None and target.is_relative_to((root / DATA).resolve())
        data = package.read(path) if inside else None
        if data is None:
            problems.append(
                Problem(
                    "sumber_tidak_ada",
                    "datapackage.json",
                    f"berkas sumber '{path}' tidak ditemukan di folder data/.",
                    "kembalikan teks dokumen resmi ke data/sumber/ dan isi 'path' di bagian "
                    "'sources' dengan jalurnya.",
                    line_of(text, f'"path": "{path}"'),
                    "path",
                )
            )
            continue
        digest = hashlib.sha256(data).hexdigest()
        recorded = source.get("sha256")
        if recorded and digest != recorded:
            line = line_of(text, f'"sha256": "{recorded}"')
            problems.append(
                Problem(
                    "sumber_berubah",
                    path,
                    f"isi berkas sumber tidak cocok dengan SHA-256 yang tercatat di datapackage.json "
                    f"(tercatat {recorded[:12]}…, sekarang {digest[:12]}…).",
                    "teks dokumen resmi tidak boleh diubah; kembalikan berkas aslinya "
                    f"(git checkout -- {path}), atau bila ini dokumen resmi baru, perbarui 'sha256' "
                    f"di bagian 'sources' datapackage.json (baris {line}).",
                )
            )
    return problems
