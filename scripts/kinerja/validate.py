"""Check the package before anything is built: structure, types, links and meaning.

Three layers, each run only when the one before passed, so that a single
mistake gives a single clear message rather than a cascade:
1. the files themselves (descriptor, paths, encoding, line ends, header row,
   cell count, stray spaces and invisible characters), read without frictionless;
2. frictionless validation of the schemas (types, constraints, keys);
3. domain checks that no schema can express (targets, order, links).

Every problem names the file, the row as a spreadsheet shows it (header = row 1)
and the column, says what is wrong and how to fix it, in plain Indonesian.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import re
import unicodedata
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path

import frictionless

from . import ids, model, validate_kinerja
from .problems import Problem
from .targets import TargetError, parse_target
from .transcribe import iso_date, normalise, program_key, split_program


def _columns(cls: type, before: tuple[str, ...] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The columns a model class needs (fields without default) and those it accepts."""
    fields = [f for f in dataclasses.fields(cls) if f.init and f.default_factory is dataclasses.MISSING]
    required = before + tuple(f.name for f in fields if f.default is dataclasses.MISSING)
    return required, before + tuple(f.name for f in fields)


#: For each resource the site builder reads (model.load), the columns it needs and those it accepts.
#: Derived from the model, so a column added there is expected here without a second edit.
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "dokumen": _columns(model.Dokumen),
    "program": _columns(model.Program),
    "program_kode": _columns(model.Kode, ("program_id", "urutan")),
    "sasaran": _columns(model.Sasaran),
    "indikator": _columns(model.Indikator),
    "anomali": _columns(model.Anomali),
}
#: The columns each of those resources must declare.
EXPECTED_FIELDS: dict[str, tuple[str, ...]] = {name: needed for name, (needed, _) in COLUMNS.items()}

_TYPE_HINT = {
    "integer": "bilangan bulat tanpa titik atau koma, misalnya 12",
    "number": "angka dengan titik sebagai pemisah desimal, misalnya 77.5",
    "date": "tanggal dengan bentuk TTTT-BB-HH, misalnya 2024-03-01",
    "string": "teks",
}
_TYPE_NAME = {"integer": "bilangan bulat", "number": "angka", "date": "tanggal", "string": "teks"}

_JSON_ERRORS = (
    ("Expecting ',' delimiter", "kurang tanda koma di antara dua bagian"),
    ("Expecting ':' delimiter", "kurang tanda titik dua setelah nama properti"),
    (
        "Expecting property name enclosed in double quotes",
        "nama properti harus diapit tanda kutip ganda, atau ada koma berlebih sebelum '}'",
    ),
    (
        "Expecting value",
        "nilai tidak ada atau tidak sah (mungkin koma berlebih sebelum ']' atau berkas kosong)",
    ),
    ("Unterminated string", "teks yang diawali tanda kutip tidak ditutup"),
    ("Invalid control character", "ada tab atau baris baru di dalam teks"),
    ("Invalid \\escape", "garis miring terbalik (\\) tidak sah di dalam teks"),
    ("Extra data", "ada teks lagi setelah akhir JSON"),
)

#: Whitespace other than the plain space (NBSP, tab, line break, thin space, ...).
_ODD_SPACE = re.compile(r"[^\S ]")
#: Characters that print as nothing: soft hyphen, zero-width and direction marks, BOM, controls.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACE_NAMES = {
    "\u00a0": "spasi tak-putus/NBSP",
    "\t": "tab",
    "\n": "baris baru",
    "\r": "baris baru (CR)",
    "\u2009": "spasi tipis",
    "\u202f": "spasi tipis tak-putus",
    "\u200b": "spasi lebar-nol",
    "\u00ad": "tanda hubung lunak",
    "\ufeff": "tanda BOM",
}


def validate(root: Path) -> list[Problem]:
    """Every problem in the package at `root`; an empty list means it may be built."""
    descriptor, text, problems = _descriptor(root)
    if descriptor is None:
        return problems
    problems += _check_contract(descriptor, text)
    if problems:
        return problems
    for resource in descriptor["resources"]:
        path, problem = _safe_path(root, resource, text)
        if problem:
            problems.append(problem)
            continue
        problems += _check_file(path, resource["path"], _field_specs(resource))
    problems += _check_sources(root, descriptor, text)
    if problems:
        return problems
    problems = _frictionless(root, descriptor, text)
    if problems:
        return problems
    return domain_checks(root, descriptor)


# --- layer 1: the descriptor --------------------------------------------------------------------


def _line_of(text: str, needle: str) -> int | None:
    """The 1-based line of the first occurrence of `needle` in `text`, if any."""
    at = text.find(needle)
    return None if at < 0 else text.count("\n", 0, at) + 1


def _descriptor(root: Path) -> tuple[dict | None, str, list[Problem]]:
    path = root / "datapackage.json"
    if not path.is_file():
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
    data = path.read_bytes()
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
            (indo for eng, indo in _JSON_ERRORS if error.msg.startswith(eng)), "susunan JSON tidak sah"
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


def _field_specs(resource: dict) -> list[dict]:
    schema = resource.get("schema")
    fields = schema.get("fields") if isinstance(schema, dict) else None
    return [f for f in fields if isinstance(f, dict)] if isinstance(fields, list) else []


def _check_contract(descriptor: dict, text: str) -> list[Problem]:
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
                    _line_of(text, f'"name": "{name}"') if isinstance(name, str) and name else None,
                    "name",
                )
            )
            continue
        seen.add(name)
        if name not in EXPECTED_FIELDS:
            continue
        line = _line_of(text, f'"name": "{name}"')
        declared = [f.get("name") for f in _field_specs(resource)]
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


def _safe_path(root: Path, resource: dict, text: str) -> tuple[Path | None, Problem | None]:
    """The resource's file, only if its path stays inside data/ (checked before anything is read)."""
    raw = resource.get("path")
    name = resource.get("name", "?")
    if not isinstance(raw, str) or not raw:
        return None, Problem(
            "path_kosong",
            "datapackage.json",
            f"resource '{name}' tidak punya 'path' berupa satu jalur berkas.",
            "isi 'path' dengan jalur berkas CSV di folder data/, misalnya data/indikator.csv.",
            _line_of(text, f'"name": "{name}"'),
            "path",
        )
    line = _line_of(text, f'"path": {json.dumps(raw, ensure_ascii=False)}') or _line_of(
        text, f'"name": "{name}"'
    )
    candidate = Path(raw)
    unsafe = candidate.is_absolute() or ".." in candidate.parts or "://" in raw or "\\" in raw
    if not unsafe:
        unsafe = not (root / candidate).resolve().is_relative_to((root / "data").resolve())
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


def _check_sources(root: Path, descriptor: dict, text: str) -> list[Problem]:
    problems = []
    sources = descriptor.get("sources", [])
    for source in sources if isinstance(sources, list) else []:
        path = source.get("path", "") if isinstance(source, dict) else ""
        path = path if isinstance(path, str) else ""
        target = (root / path).resolve() if path and not Path(path).is_absolute() else None
        if target is None or not target.is_relative_to((root / "data").resolve()) or not target.is_file():
            problems.append(
                Problem(
                    "sumber_tidak_ada",
                    "datapackage.json",
                    f"berkas sumber '{path}' tidak ditemukan di folder data/.",
                    "kembalikan teks dokumen resmi ke data/sumber/ dan isi 'path' di bagian "
                    "'sources' dengan jalurnya.",
                    _line_of(text, f'"path": "{path}"'),
                    "path",
                )
            )
            continue
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        recorded = source.get("sha256")
        if recorded and digest != recorded:
            line = _line_of(text, f'"sha256": "{recorded}"')
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


# --- layer 1: the CSV files ---------------------------------------------------------------------


def _record_at(text: str) -> tuple[int, int, list[str]]:
    """Where `text` (the start of a CSV) ends: record number (header = 1), cell index, and the header."""
    records = list(csv.reader(io.StringIO(text + "\uffff", newline="")))
    if not records:
        return 1, 0, []
    return len(records), max(len(records[-1]) - 1, 0), records[0] if len(records) > 1 else []


def _check_file(path: Path, rel: str, specs: list[dict]) -> list[Problem]:
    """Problems of one CSV file as bytes and text: found before any parser is trusted with it."""
    fields = [str(f.get("name")) for f in specs]
    if not path.is_file():
        return [
            Problem(
                "berkas_tidak_ada",
                rel,
                "berkas tidak ditemukan.",
                "kembalikan berkas itu atau perbaiki 'path' di datapackage.json.",
            )
        ]
    data = path.read_bytes()
    if not data.strip():
        return [
            Problem(
                "berkas_kosong",
                rel,
                "berkas kosong, bahkan baris judul kolom tidak ada.",
                f"baris pertama harus berisi judul kolom: {','.join(fields)}; kembalikan isi berkas "
                f"dari versi terakhir di git (git checkout -- {rel}).",
                row=1,
            )
        ]
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(
                "ada_bom",
                rel,
                "berkas diawali tanda BOM (UTF-8 dengan BOM).",
                "simpan sebagai 'CSV UTF-8' tanpa BOM (di editor teks: Encoding → UTF-8, "
                "bukan 'UTF-8 with BOM').",
                row=1,
            )
        )
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        row, cell, header = _record_at(data[: error.start].decode("utf-8"))
        guess = data[error.start : error.start + 1].decode("cp1252", errors="replace")
        shown = f" (kemungkinan karakter '{guess}' dari Windows-1252/Latin-1)" if guess != "\ufffd" else ""
        return problems + [
            Problem(
                "bukan_utf8",
                rel,
                f"berkas bukan UTF-8: bita 0x{data[error.start]:02X} tidak sah{shown}; "
                "berkas tampaknya tersimpan sebagai Windows-1252/Latin-1.",
                "di spreadsheet pilih Simpan Sebagai → 'CSV UTF-8 (dipisah koma)'; "
                "di editor teks simpan ulang dengan Encoding → UTF-8.",
                row,
                header[cell] if cell < len(header) else None,
            )
        ]
    if "\r" in text:
        row, _, _ = _record_at(text[: text.find("\r")])
        kind = "Windows (CRLF)" if "\r\n" in text else "Mac lama (CR)"
        problems.append(
            Problem(
                "akhir_baris_crlf",
                rel,
                f"akhir baris berformat {kind}.",
                "simpan dengan akhir baris LF (Unix); di editor teks pilih 'LF' di bilah status.",
                row=row,
            )
        )
    return problems + _check_rows(text, rel, fields, specs)


def _check_rows(text: str, rel: str, fields: list[str], specs: list[dict]) -> list[Problem]:
    """Header row, cell count, blank rows, broken quotes and stray spaces, one problem per cell."""
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    consumed = 0
    try:
        for record in reader:
            records.append(record)
            consumed = reader.line_num
    except csv.Error:
        rest = "\n".join(text.split("\n")[consumed:])
        cell, unclosed = _broken_quote(rest)
        header = records[0] if records else []
        problems.append(
            Problem(
                "csv_rusak",
                rel,
                "susunan CSV rusak: "
                + (
                    "tanda kutip ganda yang membuka sel ini tidak pernah ditutup."
                    if unclosed
                    else "ada teks setelah tanda kutip penutup sel ini."
                ),
                "teks yang memuat koma atau tanda kutip harus diapit tanda kutip ganda, dan tanda "
                'kutip di dalamnya ditulis dua kali (""); bila berkas terpotong, kembalikan dari git.',
                len(records) + 1,
                header[cell] if cell < len(header) else None,
            )
        )
    if not records:
        return problems
    header = records[0]
    problems += _check_header(header, rel, fields)
    id_like = {
        str(f.get("name"))
        for f in specs
        if f.get("name") in ("id", "sama_dengan")
        or str(f.get("name")).endswith("_id")
        or (isinstance(f.get("constraints"), dict) and "pattern" in f["constraints"])
    }
    for row, cells in enumerate(records[1:], start=2):
        if not any(cells):
            problems.append(
                Problem(
                    "baris_kosong",
                    rel,
                    "baris kosong di tengah data.",
                    "hapus baris itu (juga baris kosong di akhir berkas).",
                    row,
                )
            )
            continue
        if len(cells) < len(header):
            problems.append(
                Problem(
                    "jumlah_sel",
                    rel,
                    f"baris ini hanya punya {len(cells)} sel, padahal ada {len(header)} kolom; "
                    f"kolom '{header[len(cells)]}' dan sesudahnya tidak ada.",
                    "lengkapi sel yang hilang (sel kosong tetap ditulis dengan koma); bila berkas "
                    "terpotong, kembalikan dari git.",
                    row,
                    header[len(cells)],
                )
            )
            continue
        if len(cells) > len(header):
            split = _split_cell(cells, header, specs)
            where = (
                f"; kemungkinan teks di kolom '{split}' memuat koma tetapi tidak diapit tanda kutip ganda"
                if split
                else ""
            )
            problems.append(
                Problem(
                    "jumlah_sel",
                    rel,
                    f"baris ini punya {len(cells)} sel, padahal hanya ada {len(header)} kolom{where}.",
                    "teks yang memuat koma harus diapit tanda kutip ganda, misalnya "
                    '"Pengelolaan, Pengadaan"; hapus sel berlebih bila ada.',
                    row,
                    split or header[-1],
                )
            )
            continue
        for name, value in zip(header, cells, strict=True):
            issue = _space_issue(value)
            if issue is None:
                continue
            if name in id_like:
                problems.append(
                    Problem(
                        "spasi_di_kode",
                        rel,
                        f"nilai {_visible(value)} mengandung {issue}.",
                        "hapus semua spasi di sel itu; kode ditulis tanpa spasi, misalnya IK24-S07.",
                        row,
                        name,
                    )
                )
            else:
                problems.append(
                    Problem(
                        "spasi_berlebih",
                        rel,
                        f"teks {_visible(value)} mengandung {issue}.",
                        "teks resmi tidak pernah memuatnya: hapus spasi di awal dan akhir sel, "
                        "jadikan spasi ganda satu spasi, dan ganti spasi tak-putus atau karakter "
                        "tak terlihat dengan spasi biasa (di spreadsheet: Cari & Ganti).",
                        row,
                        name,
                    )
                )
    return problems


def _broken_quote(raw: str) -> tuple[int, bool]:
    """In the raw text of a record the csv module refused: the index of the bad cell, and
    whether its quote was left open (else text follows a closing quote)."""
    cell, quoted, closed, start = 0, False, False, True
    at = 0
    while at < len(raw):
        char = raw[at]
        if quoted:
            if char == '"' and raw[at + 1 : at + 2] == '"':
                at += 1
            elif char == '"':
                quoted, closed = False, True
        elif char == ",":
            cell, closed, start = cell + 1, False, True
            at += 1
            continue
        elif char in "\r\n":
            break
        elif closed:
            return cell, False
        elif char == '"' and start:
            quoted = True
        start = False
        at += 1
    return cell, quoted


def _fits(value: str, spec: dict) -> bool:
    """Whether a cell could belong to a column: no stray spaces, and type, pattern and choices fit."""
    if value != value.strip():
        return False
    if not value:
        return True
    constraints = spec.get("constraints") if isinstance(spec.get("constraints"), dict) else {}
    kind = spec.get("type", "string")
    if kind == "integer" and not re.fullmatch(r"-?[0-9]+", value):
        return False
    if kind == "number" and not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value):
        return False
    if kind == "date" and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return False
    if "pattern" in constraints and not re.fullmatch(str(constraints["pattern"]), value):
        return False
    return "enum" not in constraints or value in constraints["enum"]


def _split_cell(cells: list[str], header: list[str], specs: list[dict]) -> str | None:
    """The text column whose unquoted commas most likely split a row into too many cells."""
    extra = len(cells) - len(header)
    by_name = {str(f.get("name")): f for f in specs}
    for index, name in enumerate(header):
        merged = cells[:index] + [",".join(cells[index : index + extra + 1])] + cells[index + extra + 1 :]
        if by_name.get(name, {}).get("type", "string") != "string":
            continue
        if all(_fits(value, by_name.get(column, {})) for column, value in zip(header, merged, strict=True)):
            return name
    return None


def _check_header(header: list[str], rel: str, fields: list[str]) -> list[Problem]:
    problems = []
    for name in fields:
        if name not in header:
            problems.append(
                Problem(
                    "kolom_hilang",
                    rel,
                    f"kolom '{name}' tidak ada di baris judul.",
                    f"tambahkan kolom '{name}' (urutan kolom: {','.join(fields)}).",
                    row=1,
                    field=name,
                )
            )
    for name, count in Counter(header).items():
        if name not in fields:
            problems.append(
                Problem(
                    "kolom_asing",
                    rel,
                    f"kolom '{name}' tidak dikenal dalam skema.",
                    "hapus kolom itu, atau tambahkan dulu ke skema di datapackage.json "
                    "beserta judul dan keterangannya.",
                    row=1,
                    field=name,
                )
            )
        elif count > 1:
            problems.append(
                Problem(
                    "kolom_ganda",
                    rel,
                    f"kolom '{name}' muncul {count} kali di baris judul.",
                    "hapus kolom yang ganda.",
                    row=1,
                    field=name,
                )
            )
    if not problems and header != fields:
        problems.append(
            Problem(
                "urutan_kolom",
                rel,
                "urutan kolom berbeda dari skema.",
                f"susun kolom sebagai: {','.join(fields)}.",
                row=1,
            )
        )
    return problems


def _space_issue(value: str) -> str | None:
    """What is wrong with the spacing of a cell, in words, or None when it is clean."""
    issues = []
    if value[:1].isspace():
        issues.append("spasi di awal")
    if value[-1:].isspace():
        issues.append("spasi di akhir")
    if "  " in value:
        issues.append("dua spasi berturut-turut")
    odd = sorted({c for c in value if _ODD_SPACE.match(c) or _INVISIBLE.match(c)})
    for char in odd:
        name = _SPACE_NAMES.get(char) or unicodedata.name(char, "karakter tak terlihat").lower()
        issues.append(f"{name} (U+{ord(char):04X})")
    return ", ".join(issues) if issues else None


def _visible(value: str, limit: int = 60) -> str:
    """The value quoted, with invisible characters written out so people can see them."""

    def odd(char: str) -> bool:
        return char != " " and bool(char.isspace() or _INVISIBLE.match(char))

    shown = value
    if len(value) > limit:
        spots = [i for i, c in enumerate(value) if odd(c)] + [value.find("  ")] * ("  " in value)
        spots += [len(value) - 1] * value[-1:].isspace()
        start = max(0, min(spots, default=0) - limit // 2)
        end = start + limit
        shown = ("…" if start else "") + value[start:end] + ("…" if end < len(value) else "")
    return "'" + "".join(f"⟨U+{ord(c):04X}⟩" if odd(c) else c for c in shown) + "'"


# --- layer 2: frictionless ----------------------------------------------------------------------


def _frictionless(root: Path, descriptor: dict, text: str) -> list[Problem]:
    try:
        package = frictionless.Package(descriptor, basepath=str(root))
        report = package.validate()
    except frictionless.FrictionlessException as error:
        return [_descriptor_problem(error.error.note or error.error.message, text)]
    problems: list[Problem] = []
    references: dict[int, str] = {}
    broken_keys: set[str] = set()
    for task in report.tasks:
        resource = next((r for r in descriptor["resources"] if r["name"] == task.name), {})
        rel = resource.get("path", task.name)
        key = resource.get("schema", {}).get("primaryKey") or []
        for error in task.errors:
            found = error.to_descriptor()
            problem = _frictionless_problem(rel, found, resource, descriptor)
            if problem.code == "rujukan_tidak_ada":
                references[len(problems)] = _reference(resource, problem.field, descriptor)[2]
            elif problem.field in ([key] if isinstance(key, str) else key):
                broken_keys.add(task.name)
            problems.append(problem)
    # A broken code is reported once, on its own row, not again on every row that refers to it.
    problems = [p for n, p in enumerate(problems) if references.get(n) not in broken_keys]
    for error in report.errors:
        problems.append(
            Problem(
                "paket_tidak_sah",
                "datapackage.json",
                f"deskripsi paket tidak sah ({error.message}).",
                "bandingkan dengan versi terakhir yang benar di git.",
            )
        )
    unique: dict[tuple, Problem] = {}
    for problem in problems:
        unique.setdefault((problem.code, problem.file, problem.row, problem.field), problem)
    return list(unique.values())


def _descriptor_problem(note: str, text: str) -> Problem:
    """A descriptor frictionless refuses, located at the line of the quoted value it names."""
    what = f"deskripsi paket tidak sah (keterangan teknis: {note})."
    line = field = None
    if match := re.search(r'"([^"]+)"', note):
        for key in ("type", "format", "name", "path", "pattern", "resource"):
            line = _line_of(text, f'"{key}": "{match[1]}"')
            if line is not None:
                field = key
                break
        if kind := re.match(r'field type "([^"]+)" is not supported', note):
            what = f"jenis kolom '{kind[1]}' tidak dikenal."
    return Problem(
        "paket_tidak_sah",
        "datapackage.json",
        what,
        "bandingkan bagian yang diubah dengan versi terakhir yang benar di git; jenis kolom yang sah "
        "antara lain string, integer, number dan date.",
        line,
        field,
    )


def _constraint(note: str) -> str:
    match = re.search(r'constraint "(\w+)"', note)
    return match.group(1) if match else ""


def _frictionless_problem(rel: str, error: dict, resource: dict, descriptor: dict) -> Problem:
    """One frictionless error told as a Problem located by file, row and column."""
    kind = error.get("type", "")
    row = error.get("rowNumber")
    field = error.get("fieldName")
    cell = error.get("cell")
    schema = resource.get("schema", {})
    names = [f["name"] for f in schema.get("fields", [])]
    spec = next((f for f in schema.get("fields", []) if f["name"] == field), {})
    if kind == "type-error":
        type_ = spec.get("type", "string")
        return Problem(
            "tipe_salah",
            rel,
            f"nilai '{cell}' bukan {_TYPE_NAME.get(type_, type_)}.",
            f"isi dengan {_TYPE_HINT.get(type_, type_)}.",
            row,
            field,
        )
    if kind == "constraint-error":
        which = _constraint(error.get("note", ""))
        constraints = spec.get("constraints", {})
        if which == "required":
            return Problem(
                "wajib_diisi",
                rel,
                "sel wajib diisi tetapi kosong.",
                f"isi kolom '{field}' ({spec.get('title', field)}).",
                row,
                field,
            )
        if which == "pattern":
            return Problem(
                "format_salah",
                rel,
                f"nilai '{cell}' tidak sesuai format kolom ini.",
                f"ikuti pola {constraints.get('pattern')}{_example(str(constraints.get('pattern')))}; "
                "lihat docs/identifiers.md.",
                row,
                field,
            )
        if which == "enum":
            return Problem(
                "bukan_pilihan",
                rel,
                f"nilai '{cell}' tidak termasuk pilihan yang sah.",
                f"pilih salah satu: {', '.join(constraints.get('enum', []))}.",
                row,
                field,
            )
        if which == "unique":
            return Problem(
                "kode_ganda",
                rel,
                f"kode '{cell}' sudah dipakai di baris lain.",
                "beri baris ini kode baru dengan nomor berikutnya yang belum pernah dipakai; "
                "kode lama tidak boleh dipakai ulang.",
                row,
                field,
            )
        bound = {"minimum": "lebih kecil dari batas bawah", "maximum": "lebih besar dari batas atas"}
        return Problem(
            "batas_nilai",
            rel,
            f"nilai '{cell}' {bound.get(which, f'melanggar batas {which}')} {constraints.get(which)}.",
            "perbaiki nilainya agar berada dalam batas itu.",
            row,
            field,
        )
    if kind in ("unique-error", "primary-key"):
        key = schema.get("primaryKey") or ["id"]
        key = [key] if isinstance(key, str) else key
        field = field or key[-1]
        cells = error.get("cells") or []
        value = cell or " + ".join(
            cells[names.index(k)] for k in key if k in names and names.index(k) < len(cells)
        )
        if len(key) > 1 and kind == "primary-key":
            return Problem(
                "kode_ganda",
                rel,
                f"pasangan {' + '.join(key)} ({value}) sudah dipakai di baris lain.",
                f"setiap baris memerlukan pasangan yang berbeda; perbaiki '{field}'.",
                row,
                field,
            )
        return Problem(
            "kode_ganda",
            rel,
            f"kode '{value}' dipakai lebih dari sekali.",
            "beri baris ini kode baru dengan nomor berikutnya yang belum pernah dipakai; "
            "kode lama tidak boleh dipakai ulang.",
            row,
            field,
        )
    if kind == "foreign-key":
        cells = error.get("cells") or []
        fields = error.get("fieldNames") or []
        field = fields[0] if fields else field
        value = cells[names.index(field)] if field in names and names.index(field) < len(cells) else ""
        target, target_field, _ = _reference(resource, field, descriptor)
        return Problem(
            "rujukan_tidak_ada",
            rel,
            f"kode '{value}' tidak ada di {target} (kolom '{target_field}').",
            f"periksa ejaan kode, atau tambahkan dulu baris dengan kode itu di {target}.",
            row,
            field,
        )
    if kind in ("missing-cell", "extra-cell"):
        return Problem(
            "jumlah_sel",
            rel,
            "jumlah sel di baris ini tidak sama dengan jumlah kolom.",
            "periksa koma di dalam teks: teks yang memuat koma harus diapit tanda kutip ganda.",
            row,
            field,
        )
    if kind == "blank-row":
        return Problem("baris_kosong", rel, "baris kosong.", "hapus baris itu.", row)
    return Problem(
        kind or "tidak_sah",
        rel,
        f"data tidak sah (keterangan teknis: {error.get('message', '')}).",
        "periksa baris itu terhadap skema di datapackage.json.",
        row,
        field,
    )


_EXAMPLES = (
    "IK24-S07", "SS24-K01", "PG24-S03", "RKT24-S", "AN24-01", "6709.QGE.004", "6709", "QGE", "004", "90;94",
    "data/sumber/rkt-2024-kpu-kaltim.txt",
)  # fmt: skip


def _example(pattern: str) -> str:
    """' (misalnya IK24-S07)': a real value that fits the pattern, or nothing."""
    try:
        found = next((e for e in _EXAMPLES if re.fullmatch(pattern, e)), None)
    except re.error:
        found = None
    return f" (misalnya {found})" if found else ""


def _reference(resource: dict, field: str | None, descriptor: dict) -> tuple[str, str, str]:
    """The file, column and resource name a foreign key of `resource` points to."""
    for key in resource.get("schema", {}).get("foreignKeys", []):
        if field in key.get("fields", []):
            name = key["reference"].get("resource") or resource.get("name")
            target = next(
                (r.get("path", name) for r in descriptor["resources"] if r.get("name") == name), name
            )
            return target, key["reference"].get("fields", ["id"])[0], name
    return "tabel rujukan", "id", ""


# --- layer 3: meaning ---------------------------------------------------------------------------


def domain_checks(root: Path, descriptor: dict) -> list[Problem]:
    """Checks of meaning: each returns problems located by file, row and field."""
    from . import csvio

    paths = {r["name"]: r["path"] for r in descriptor["resources"]}
    rows = {name: csvio.read(root / path) for name, path in paths.items()}
    problems: list[Problem] = []
    problems += _check_dokumen(paths["dokumen"], rows["dokumen"])
    problems += _check_ids(paths, rows)
    problems += _check_targets(paths["indikator"], rows["indikator"])
    problems += _check_order(paths, rows)
    problems += _check_sasaran_have_indikator(paths["sasaran"], rows)
    problems += _check_repeats(paths["indikator"], rows["indikator"])
    problems += _check_same_document(paths, rows)
    problems += _check_programs(paths, rows)
    problems += _check_anomali(paths["anomali"], rows)
    problems += _check_codes(paths["program_kode"], rows["program_kode"])
    problems += validate_kinerja.check(root, paths, rows)
    return problems


def _check_dokumen(rel: str, dokumen: list[dict[str, str]]) -> list[Problem]:
    problems = []
    for number, row in enumerate(dokumen, start=2):
        letter = "S" if row["jenis"] == "sekretariat" else "K"
        expected = ids.dokumen_id(int(row["tahun"]), letter)
        if row["id"] != expected:
            problems.append(
                Problem(
                    "kode_tidak_sesuai_dokumen",
                    rel,
                    f"kode '{row['id']}' tidak sesuai dengan tahun {row['tahun']} dan jenis "
                    f"'{row['jenis']}' (seharusnya {expected}).",
                    "periksa kolom 'tahun' dan 'jenis'; kode dokumen tidak diubah setelah dipakai.",
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
                        f"ikuti pola {ids.PATTERNS[name]}; lihat docs/identifiers.md.",
                        number,
                        "id",
                    )
                )
                continue
            year, letter = doc[3:5], doc[-1]
            if name == "anomali":
                matches = identifier[2:4] == year
                expected = f"AN{year}-…"
            else:
                matches = identifier[2:4] == year and identifier[5] == letter
                expected = f"{identifier[:2]}{year}-{letter}…"
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


def _check_targets(rel: str, indikator: list[dict[str, str]]) -> list[Problem]:
    problems = []
    for number, row in enumerate(indikator, start=2):
        try:
            target = parse_target(row["target_dicetak"])
        except TargetError as error:
            problems.append(
                Problem(
                    "target_tidak_terbaca",
                    rel,
                    f"{error}.",
                    "tulis target seperti di dokumen: angka lalu satuan, misalnya 77,5% "
                    "atau 5 keg; satuan baru harus ditambahkan dulu ke daftar satuan.",
                    number,
                    "target_dicetak",
                )
            )
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
                problems.append(
                    Problem(
                        "nilai_tidak_cocok",
                        rel,
                        f"nilai '{stored}' tidak cocok dengan target tercetak "
                        f"'{row['target_dicetak']}' (seharusnya {shown}).",
                        f"samakan '{field}' dengan angka pada target tercetak, dengan titik desimal."
                        if expected is not None
                        else f"kosongkan '{field}'.",
                        number,
                        field,
                    )
                )
        for field, expected, stored in (
            ("target_satuan", target.satuan, row["target_satuan"]),
            ("target_sekunder_satuan", target.satuan_sekunder or "", row["target_sekunder_satuan"]),
        ):
            if expected != stored:
                problems.append(
                    Problem(
                        "satuan_tidak_cocok",
                        rel,
                        f"satuan '{stored}' tidak cocok dengan target tercetak "
                        f"'{row['target_dicetak']}' (seharusnya '{expected or 'kosong'}').",
                        f"isi '{field}' dengan '{expected}'." if expected else f"kosongkan '{field}'.",
                        number,
                        field,
                    )
                )
    return problems


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


__all__ = ["COLUMNS", "EXPECTED_FIELDS", "validate", "domain_checks"]
