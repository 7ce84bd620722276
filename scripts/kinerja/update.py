"""Updating the package from a signed document, all or nothing.

`import_document` reads the document completely, transcribes it, writes the
result into a temporary copy of the package (datapackage.json and data/),
validates that copy with the same checks as `make validate`, and only then
swaps it in for the real data/ and datapackage.json. Any problem — an
unreadable file, a target that cannot be read, a result that does not
validate — ends with the problems listed and nothing changed.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import atomic
from .errors import BuildError, Problem, ProblemsFound
from .ingest import importer, offices, reading
from .validate import validate

#: Temporary package copies live beside data/ while an update is checked (git-ignored).
STAGING_PREFIX = ".paket-baru-"
PACKAGE_PARTS = ("datapackage.json", "data")


@contextmanager
def package_copy(root: Path) -> Iterator[Path]:
    """A temporary copy of the package (datapackage.json and data/) inside root, removed afterwards."""
    for stale in root.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by an update that was killed
    try:
        folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
        shutil.copy2(root / "datapackage.json", folder / "datapackage.json")
        shutil.copytree(root / "data", folder / "data")
    except OSError as error:
        raise BuildError(atomic.os_message(error, root)) from error
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def swap_in(copy: Path, root: Path) -> None:
    """Put the checked copy's data/ and datapackage.json in place of the real ones, each in one step."""
    done: list[str] = []
    try:
        for part in PACKAGE_PARTS:
            if not atomic.exchange(copy / part, root / part):
                (root / part).replace(copy / f"{part}.lama")
                (copy / part).replace(root / part)
            done.append(part)
    except OSError as error:
        for part in reversed(done):  # put back what was already swapped
            atomic.exchange(copy / part, root / part)
        raise BuildError(atomic.os_message(error, root)) from error


def _already_imported(root: Path, source: reading.Source) -> str | None:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    for entry in descriptor.get("sources", []):
        if isinstance(entry, dict) and entry.get("sha256") == source.sha256:
            return str(entry.get("path", ""))
    return None


FIXES = {
    "Target": "bila dokumen memang mencetaknya begitu, bentuk target ini belum dikenal: tulis kepada "
    "pengelola situs agar aturannya ditambahkan (lihat docs/keputusan.md, bagian Target); bila salah "
    "ketik saat menyalin, perbaiki berkasnya lalu impor lagi.",
    "Tanggal": "perbaiki baris tempat dan tanggal tanda tangan di berkas sesuai dokumen bertanda tangan, "
    "lalu impor lagi.",
}


def _unreadable(source: reading.Source, rows: importer.Rows) -> list[Problem]:
    problems = []
    for cell in rows.unreadable:
        name, row = source.place(cell.line)
        problems.append(
            Problem(
                "target_tidak_terbaca" if cell.column == "Target" else "sel_tidak_terbaca",
                name,
                f"{cell.what}."
                if f"'{cell.printed}'" in cell.what
                else (f"sel '{cell.printed}' tidak dapat dibaca: {cell.what}."),
                FIXES.get(cell.column, FIXES["Target"]),
                row,
                cell.column,
            )
        )
    return problems


def import_document(root: Path, path: Path, kantor: str = "") -> str:
    """Import one signed document into the package at root, all or nothing; returns the report.

    The office that signed it is read from its unit line, or `kantor` (an id of data/kantor.csv).
    """
    source = reading.read_source(path)
    known = _already_imported(root, source)
    if known is not None:
        return f"{source.name} sudah diimpor sebelumnya (SHA-256 sama dengan {known}). Tidak ada yang diubah."
    tables = reading.tables_of(source)
    signed_by, problems = offices.resolve(source, tables, offices.offices(root), kantor)
    if problems:
        raise ProblemsFound(problems, reading.NOT_CHANGED)
    with package_copy(root) as copy:
        rows = importer.plan(copy, source, tables, signed_by)
        problems = _unreadable(source, rows)
        if problems:
            raise ProblemsFound(problems, reading.NOT_CHANGED)
        lines = importer.write_import(copy, source, rows)
        problems = validate(copy)
        if problems:
            raise ProblemsFound(
                [_relocated(p, copy) for p in problems],
                "masalah pada hasil impor. Tidak ada yang diubah di data/.",
            )
        swap_in(copy, root)
    lines.append("Paket data sah. Langkah berikutnya: periksa data/anomali.csv, lalu 'make site'.")
    return "\n".join(lines)


def import_file(root: Path, path: Path, kantor: str = "") -> str:
    """Import an uploaded file by its kind: a signed document (.txt, .docx); other kinds are refused."""
    return import_document(root, path, kantor)


def _relocated(problem: Problem, copy: Path) -> Problem:
    """A problem of the checked copy, told with the file names of the real package."""
    prefix = copy.as_posix().rstrip("/") + "/"
    return Problem(
        problem.code,
        problem.file.replace(prefix, ""),
        problem.what.replace(prefix, ""),
        problem.fix.replace(prefix, ""),
        problem.row,
        problem.field,
    )
