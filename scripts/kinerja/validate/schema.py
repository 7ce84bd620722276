"""Layer 2 of validation: frictionless checks of the schemas (types, constraints, keys),
with each frictionless error told in plain Indonesian with file, row and column.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import pickle
import re
from dataclasses import replace
from pathlib import Path

import frictionless

from .. import atomic
from ..datapackage import DataPackage
from ..errors import Problem
from ..problems import (
    BARIS_KOSONG_FRICTIONLESS,
    BATAS_NILAI,
    BUKAN_PILIHAN,
    DESKRIPSI_TIDAK_SAH,
    FORMAT_SALAH,
    JENIS_KOLOM_TIDAK_DIKENAL,
    JUMLAH_SEL_FRICTIONLESS,
    KODE_GANDA,
    KODE_GANDA_KUNCI,
    KODE_GANDA_PASANGAN,
    PAKET_TIDAK_SAH,
    RUJUKAN_TIDAK_ADA,
    TIDAK_SAH,
    TIPE_SALAH,
    WAJIB_DIISI,
)
from .descriptor import line_of, read_descriptor
from .wording import TYPE_HINT, TYPE_NAME

#: Results by the SHA-256 of the descriptor and every resource file: frictionless reads nothing
#: else, so the same bytes give the same problems (an import validates the copy it is about to
#: swap in, and `make check-upload` validates again; the second time costs nothing).
_RESULTS: dict[str, list[Problem]] = {}
#: Frictionless' errors of one resource, by the SHA-256 of what decides them (_resource_key): a
#: package that differs in one file has only that file and the files pointing into it validated again.
_ERRORS: dict[str, tuple[list[dict], list[str]]] = {}
#: What frictionless says of the descriptor itself, by its text (it reads nothing else to decide): the
#: note of the exception reading it raised, or the messages of the package's errors (none when valid).
#: A package whose descriptor and resources are all known is answered without frictionless.
_DESCRIPTORS: dict[str, tuple[str | None, list[str]]] = {}


def load_verdicts(path: Path) -> None:
    """Take frictionless' verdicts an earlier build saved at `path` (save_verdicts) into this process.

    Nothing is taken from a file that is missing, unreadable or written under another frictionless
    version: those files are then simply checked again.
    """
    try:
        with path.open("rb") as stream:
            saved = pickle.load(stream)
        if saved["frictionless"] != frictionless.__version__:
            return
        errors, descriptors = dict(saved["errors"]), dict(saved["descriptors"])
    except Exception:  # whatever the damage (pickle raises many kinds): check from scratch
        return
    _ERRORS.update(errors)
    _DESCRIPTORS.update(descriptors)


def save_verdicts(package: DataPackage, path: Path) -> None:
    """Keep at `path` frictionless' verdicts on this package's descriptor and files, for the next build.

    Only this package's (a process that validated others keeps theirs to itself); written whole or not
    at all.
    """
    descriptor, text, _ = read_descriptor(package)
    if descriptor is None or text not in _DESCRIPTORS:
        return
    keys = (_resource_key(package, descriptor, declared) for declared in descriptor["resources"])
    saved = {
        "frictionless": frictionless.__version__,
        "errors": {key: _ERRORS[key] for key in keys if key in _ERRORS},
        "descriptors": {text: _DESCRIPTORS[text]},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.replace_file(path, pickle.dumps(saved, protocol=pickle.HIGHEST_PROTOCOL))


def _content_key(package: DataPackage, descriptor: dict, text: str) -> str | None:
    digest = hashlib.sha256(text.encode("utf-8"))
    for resource in descriptor["resources"]:
        data = package.read(str(resource.get("path", "")))
        if data is None:
            return None
        digest.update(b"\0" + str(resource.get("path")).encode("utf-8") + b"\0" + data)
    return digest.hexdigest()


def check_with_frictionless(package: DataPackage, descriptor: dict, text: str) -> list[Problem]:
    """Frictionless validation of every resource, each error told in Indonesian with its location."""
    key = _content_key(package, descriptor, text)
    if key is not None and key in _RESULTS:
        return list(_RESULTS[key])
    problems = _check(package, descriptor, text)
    if key is not None:
        _RESULTS[key] = list(problems)
    return problems


def _in_memory(package: DataPackage, descriptor: dict) -> frictionless.Package:
    """The descriptor as frictionless reads it, each resource reading the bytes the package holds.

    The descriptor is checked as written (its paths, scheme and format); only the reading moves from
    the file on disk to the bytes already read, so frictionless opens no file itself.
    """
    found = frictionless.Package(descriptor, basepath=str(package.root))
    for resource in found.resources:
        data = package.read(str(resource.path))
        resource.path, resource.data, resource.scheme = None, data, "buffer"
    return found


def _resource_key(package: DataPackage, descriptor: dict, declared: dict) -> str:
    """What decides frictionless' errors of one resource: its descriptor and bytes, and those of the
    resources its foreign keys read (every resource when its schema is not written inline), and the
    package's own properties (its sources aside)."""
    name = declared["name"]
    schema = declared.get("schema")
    names = [r["name"] for r in descriptor["resources"]]
    if isinstance(schema, dict):
        with contextlib.suppress(AttributeError, KeyError, TypeError):  # keys frictionless will refuse
            names = [name] + [fk["reference"].get("resource") or name for fk in schema.get("foreignKeys", [])]
    own = {k: v for k, v in descriptor.items() if k not in ("resources", "sources")}
    digest = hashlib.sha256(json.dumps(own, sort_keys=True).encode("utf-8"))
    for other in names:
        found: dict = next((r for r in descriptor["resources"] if r.get("name") == other), {})
        digest.update(b"\0" + json.dumps(found, sort_keys=True).encode("utf-8"))
        digest.update(b"\0" + (package.read(str(found.get("path", ""))) or b""))
    return digest.hexdigest()


def _descriptor_verdict(package: DataPackage, descriptor: dict, text: str) -> frictionless.Package | None:
    """Frictionless' verdict on the descriptor, kept in _DESCRIPTORS; the package it read, if it did."""
    if text in _DESCRIPTORS:
        return None
    try:
        found = _in_memory(package, descriptor)
    except frictionless.FrictionlessException as error:
        _DESCRIPTORS[text] = (error.error.note or error.error.message, [])
        return None
    try:
        found.to_descriptor(validate=True)
        _DESCRIPTORS[text] = (None, [])
    except frictionless.FrictionlessException as exception:
        _DESCRIPTORS[text] = (None, [error.message for error in exception.to_errors()])
    return found


def _report(
    package: DataPackage, descriptor: dict, text: str
) -> tuple[str | None, list[tuple[str, list[dict]]], list[str]]:
    """What `frictionless.Package.validate()` finds, resource by resource (each from _ERRORS if known):
    the note of a descriptor frictionless cannot read, the errors of each resource by name, and the
    messages of the errors of the package itself."""
    found = _descriptor_verdict(package, descriptor, text)
    refused, messages = _DESCRIPTORS[text]
    if refused is not None or messages:
        return refused, [], list(messages)
    tasks = []
    for declared in descriptor["resources"]:
        key = _resource_key(package, descriptor, declared)
        if key not in _ERRORS:
            found = found or _in_memory(package, descriptor)
            report = found.get_resource(declared["name"]).validate()
            errors = [e.to_descriptor() for task in report.tasks for e in task.errors]
            _ERRORS[key] = (errors, [e.message for e in report.errors])
        tasks.append((str(declared["name"]), _ERRORS[key][0]))
        messages += _ERRORS[key][1]
    return None, tasks, messages


def _check(package: DataPackage, descriptor: dict, text: str) -> list[Problem]:
    try:
        refused, tasks, package_errors = _report(package, descriptor, text)
    except frictionless.FrictionlessException as error:
        return [_descriptor_problem(error.error.note or error.error.message, text)]
    if refused is not None:
        return [_descriptor_problem(refused, text)]
    problems: list[Problem] = []
    references: dict[int, str] = {}
    broken_keys: set[str] = set()
    for name, errors in tasks:
        resource: dict = next((r for r in descriptor["resources"] if r["name"] == name), {})
        rel = resource.get("path", name)
        key = resource.get("schema", {}).get("primaryKey") or []
        for found in errors:
            problem = _frictionless_problem(rel, found, resource, descriptor)
            if problem.code == RUJUKAN_TIDAK_ADA.code:
                references[len(problems)] = _reference(resource, problem.field, descriptor)[2]
            elif problem.field in ([key] if isinstance(key, str) else key):
                broken_keys.add(name)
            problems.append(problem)
    # A broken code is reported once, on its own row, not again on every row that refers to it.
    problems = [p for n, p in enumerate(problems) if references.get(n) not in broken_keys]
    for message in package_errors:
        problems.append(PAKET_TIDAK_SAH.at("datapackage.json", message=message))
    unique: dict[tuple, Problem] = {}
    for problem in problems:
        unique.setdefault((problem.code, problem.file, problem.row, problem.field), problem)
    return list(unique.values())


def _descriptor_problem(note: str, text: str) -> Problem:
    """A descriptor frictionless refuses, located at the line of the quoted value it names."""
    kind, values = DESKRIPSI_TIDAK_SAH, {"note": note}
    line = field = None
    if match := re.search(r'"([^"]+)"', note):
        for key in ("type", "format", "name", "path", "pattern", "resource"):
            line = line_of(text, f'"{key}": "{match[1]}"')
            if line is not None:
                field = key
                break
        if unknown := re.match(r'field type "([^"]+)" is not supported', note):
            kind, values = JENIS_KOLOM_TIDAK_DIKENAL, {"type": unknown[1]}
    return kind.at("datapackage.json", line, field, **values)


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
    spec: dict = next((f for f in schema.get("fields", []) if f["name"] == field), {})
    if kind == "type-error":
        type_ = spec.get("type", "string")
        return TIPE_SALAH.at(
            rel,
            row,
            field,
            cell=cell,
            type_name=TYPE_NAME.get(type_, type_),
            type_hint=TYPE_HINT.get(type_, type_),
        )
    if kind == "constraint-error":
        which = _constraint(error.get("note", ""))
        constraints = spec.get("constraints", {})
        if which == "required":
            return WAJIB_DIISI.at(rel, row, field, column=field, title=spec.get("title", field))
        if which == "pattern":
            pattern = constraints.get("pattern")
            return FORMAT_SALAH.at(
                rel, row, field, cell=cell, pattern=pattern, example=_example(str(pattern))
            )
        if which == "enum":
            return BUKAN_PILIHAN.at(
                rel, row, field, cell=cell, choices=", ".join(constraints.get("enum", []))
            )
        if which == "unique":
            return KODE_GANDA.at(rel, row, field, cell=cell)
        bound = {"minimum": "lebih kecil dari batas bawah", "maximum": "lebih besar dari batas atas"}
        return BATAS_NILAI.at(
            rel,
            row,
            field,
            cell=cell,
            bound=bound.get(which, f"melanggar batas {which}"),
            limit=constraints.get(which),
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
            return KODE_GANDA_PASANGAN.at(rel, row, field, key=" + ".join(key), value=value, column=field)
        return KODE_GANDA_KUNCI.at(rel, row, field, value=value)
    if kind == "foreign-key":
        cells = error.get("cells") or []
        fields = error.get("fieldNames") or []
        field = fields[0] if fields else field
        value = cells[names.index(field)] if field in names and names.index(field) < len(cells) else ""
        target, target_field, _ = _reference(resource, field, descriptor)
        return RUJUKAN_TIDAK_ADA.at(rel, row, field, value=value, target=target, target_column=target_field)
    if kind in ("missing-cell", "extra-cell"):
        return JUMLAH_SEL_FRICTIONLESS.at(rel, row, field)
    if kind == "blank-row":
        return BARIS_KOSONG_FRICTIONLESS.at(rel, row)
    # Any other frictionless error keeps frictionless' own type as its code.
    problem = TIDAK_SAH.at(rel, row, field, message=error.get("message", ""))
    return replace(problem, code=kind) if kind else problem


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
            name = key["reference"].get("resource") or resource.get("name", "")
            target = next(
                (r.get("path", name) for r in descriptor["resources"] if r.get("name") == name), name
            )
            return target, key["reference"].get("fields", ["id"])[0], name
    return "tabel rujukan", "id", ""
