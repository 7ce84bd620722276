"""Layer 1 of validation: the descriptor itself — JSON syntax, the schema contract with the
model, resource paths kept inside data/, and the official source file's checksum.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from ..datapackage import DATA, DESCRIPTOR, DataPackage
from ..domain import satu_data
from ..errors import Problem
from ..problems import (
    ADA_BOM_PAKET,
    PAKET_BUKAN_UTF8,
    PAKET_JSON_RUSAK,
    PAKET_TANPA_RESOURCE,
    PAKET_TIDAK_ADA,
    PATH_BUKAN_CSV,
    PATH_DI_LUAR_DATA,
    PATH_KOSONG,
    RESOURCE_HILANG,
    RESOURCE_TANPA_NAMA,
    SATU_DATA_BUKAN_OBJEK,
    SATU_DATA_BUKAN_TEKS,
    SATU_DATA_KUNCI_ASING,
    SKEMA_KOLOM_ASING,
    SKEMA_KOLOM_HILANG,
    SUMBER_BERUBAH,
    SUMBER_TIDAK_ADA,
)
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
            [PAKET_TIDAK_ADA.at("datapackage.json")],
        )
    if data.startswith(b"\xef\xbb\xbf"):
        return (
            None,
            "",
            [ADA_BOM_PAKET.at("datapackage.json", 1)],
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return (
            None,
            "",
            [
                PAKET_BUKAN_UTF8.at(
                    "datapackage.json", data[: error.start].count(b"\n") + 1, byte=data[error.start]
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
                PAKET_JSON_RUSAK.at(
                    "datapackage.json", error.lineno, reason=what, line=error.lineno, column=error.colno
                )
            ],
        )
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return (
            None,
            text,
            [PAKET_TANPA_RESOURCE.at("datapackage.json", None, "resources")],
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
                RESOURCE_TANPA_NAMA.at(
                    "datapackage.json",
                    line_of(text, f'"name": "{name}"') if isinstance(name, str) and name else None,
                    "name",
                    number=number,
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
                    SKEMA_KOLOM_HILANG.at("datapackage.json", line, field, name=name, column=field)
                )
        for column, count in Counter(declared).items():
            if column not in COLUMNS[name][1] or count > 1:
                problems.append(
                    SKEMA_KOLOM_ASING.at("datapackage.json", line, str(column), name=name, column=column)
                )
    for name in EXPECTED_FIELDS:
        if name not in seen:
            problems.append(RESOURCE_HILANG.at("datapackage.json", None, "resources", name=name))
    return problems


def _line_after(text: str, needle: str, start: int | None) -> int | None:
    """The line of `needle` at or after line `start` (a key inside a block), else `start`."""
    if start is None:
        return None
    found = line_of("\n".join(text.splitlines()[start - 1 :]), needle)
    return start + found - 1 if found else start


def check_satu_data(descriptor: dict, text: str) -> list[Problem]:
    """The optional `satu_data` block: an object whose keys are the Satu Data elements, each holding text.

    An empty text means "belum ditetapkan"; a number, a list or an unknown key is
    refused rather than ignored, so a value typed in the wrong place is noticed.
    """
    raw = descriptor.get(satu_data.DESCRIPTOR_KEY)
    if raw is None:
        return []
    keys = ", ".join(u.key for u in satu_data.UNSUR)
    line = line_of(text, f'"{satu_data.DESCRIPTOR_KEY}"')
    if not isinstance(raw, dict):
        return [SATU_DATA_BUKAN_OBJEK.at("datapackage.json", line, satu_data.DESCRIPTOR_KEY, keys=keys)]
    problems = []
    for key, value in raw.items():
        if key not in {u.key for u in satu_data.UNSUR}:
            kind = SATU_DATA_KUNCI_ASING
        elif not isinstance(value, str):
            kind = SATU_DATA_BUKAN_TEKS
        else:
            continue
        where = _line_after(text, f'"{key}"', line)
        problems.append(
            kind.at("datapackage.json", where, f"{satu_data.DESCRIPTOR_KEY}.{key}", key=key, keys=keys)
        )
    return problems


def safe_path(root: Path, resource: dict, text: str) -> tuple[Path | None, Problem | None]:
    """The resource's file, only if its path stays inside data/ (checked before anything is read)."""
    raw = resource.get("path")
    name = resource.get("name", "?")
    if not isinstance(raw, str) or not raw:
        return None, PATH_KOSONG.at("datapackage.json", line_of(text, f'"name": "{name}"'), "path", name=name)
    line = line_of(text, f'"path": {json.dumps(raw, ensure_ascii=False)}') or line_of(
        text, f'"name": "{name}"'
    )
    candidate = Path(raw)
    unsafe = candidate.is_absolute() or ".." in candidate.parts or "://" in raw or "\\" in raw
    if not unsafe:
        unsafe = not (root / candidate).resolve().is_relative_to((root / DATA).resolve())
    if unsafe:
        return None, PATH_DI_LUAR_DATA.at("datapackage.json", line, "path", name=name, path=raw)
    if candidate.suffix != ".csv":
        return None, PATH_BUKAN_CSV.at("datapackage.json", line, "path", name=name, path=raw)
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
                SUMBER_TIDAK_ADA.at("datapackage.json", line_of(text, f'"path": "{path}"'), "path", path=path)
            )
            continue
        digest = hashlib.sha256(data).hexdigest()
        recorded = source.get("sha256")
        if recorded and digest != recorded:
            line = line_of(text, f'"sha256": "{recorded}"')
            problems.append(
                SUMBER_BERUBAH.at(path, recorded=recorded[:12], digest=digest[:12], path=path, line=line)
            )
    return problems
