"""Updating the package from a signed document or a realisation sheet, all or nothing.

`import_document` reads the document completely, transcribes it, writes the
result into a temporary copy of the package (datapackage.json and data/),
validates that copy with the same checks as `make validate`, and only then
swaps it in for the real data/ and datapackage.json. Any problem — an
unreadable file, a target that cannot be read, a result that does not
validate — ends with the problems listed and nothing changed.

A file ending in .xlsx is a realisation sheet (`make template`): `import_sheet`
checks every cell of it, merges it into data/realisasi.csv in the same way
(copy → validate → swap) and reports what was added or changed, with the
capaian the site will now show. `write_templates` writes the sheets.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

from . import atomic, clock, history, model
from .datapackage import DataPackage
from .domain import sheet_layout as layout
from .errors import BuildError, Problem, ProblemsFound
from .ingest import importer, offices, reading, revising
from .ingest import sheet_reader as lembar
from .outputs import fmt
from .outputs.job import changed_of
from .outputs.sheet_writer import sheet_bytes
from .problems import (
    DOKUMEN_TIDAK_DIKENAL,
    LEMBAR_SUDAH_ADA,
    LEMBAR_TIDAK_TERPERIKSA,
    REALISASI_TIDAK_ADA,
    SEL_TIDAK_TERBACA,
    TARGET_IMPOR_TIDAK_TERBACA,
)
from .validate import validate

#: Temporary package copies live beside data/ while an update is checked (git-ignored).
STAGING_PREFIX = ".paket-baru-"
PACKAGE_PARTS = ("datapackage.json", "data")


@contextmanager
def package_copy(root: Path) -> Iterator[Path]:
    """A temporary copy of the package (datapackage.json and data/) inside root, removed afterwards."""
    try:
        folder = atomic.fresh_folder(root, STAGING_PREFIX)  # removes copies left by an update that was killed
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
        kind = TARGET_IMPOR_TIDAK_TERBACA if cell.column == "Target" else SEL_TIDAK_TERBACA
        problems.append(
            kind.at(
                name,
                row,
                cell.column,
                what=f"{cell.what}."
                if f"'{cell.printed}'" in cell.what
                else (f"sel '{cell.printed}' tidak dapat dibaca: {cell.what}."),
                fix=FIXES.get(cell.column, FIXES["Target"]),
            )
        )
    return problems


def import_document(root: Path, path: Path, kantor: str = "", alasan: str = "", tanggal: str = "") -> str:
    """Import one signed document into the package at root, all or nothing; returns the report.

    The office that signed it is read from its unit line, or `kantor` (an id of data/kantor.csv).
    A document that revises one already imported (same document, other content) has each change
    listed first, and needs `alasan` (the reason, in a person's words) and `tanggal` (the revised
    document's signing date as typed: 2024-05-02, 2/5/2024, 2 Mei 2024); without them it is refused
    after that list. A realisation sheet (a kind of reading.KINDS with `sheet`) goes to `import_sheet`.
    """
    kind = reading.kind_of(path)
    if kind is not None and kind.sheet:
        return import_sheet(root, path)
    source = reading.read_source(path)
    known = _already_imported(root, source)
    if known is not None:
        return f"{source.name} sudah diimpor sebelumnya (SHA-256 sama dengan {known}). Tidak ada yang diubah."
    tables = reading.tables_of(source)
    signed_by, problems = offices.resolve(source, tables, offices.offices(root), kantor)
    if problems:
        raise ProblemsFound(problems, reading.NOT_CHANGED)
    with package_copy(root) as copy:
        files = DataPackage(copy)
        rows = importer.plan(files, source, tables, signed_by)
        problems = _unreadable(source, rows)
        if problems:
            raise ProblemsFound(problems, reading.NOT_CHANGED)
        revised = importer.revisions(files, rows)
        taken = (root / importer.SUMBER / source.name).is_file()
        signed, problems = revising.terms(
            source.name, display_path(path, root), revised, alasan, tanggal, today(), taken
        )
        shown = revising.report(revised, signed)
        if problems:
            raise ProblemsFound(problems, reading.NOT_CHANGED, shown)
        iso = signed.isoformat() if signed and revised else ""
        lines = importer.write_import(files, source, rows, alasan, iso, today().isoformat())
        problems = validate(files)
        if problems:
            raise ProblemsFound(
                [_relocated(p, copy) for p in problems],
                "masalah pada hasil impor. Tidak ada yang diubah di data/.",
                shown,
            )
        swap_in(copy, root)
    if revised and signed:
        reason = " ".join(alasan.split())
        lines.append(f"data/revisi.csv: tanggal tanda tangan {fmt.tanggal(signed)}, keterangan '{reason}'.")
    elif alasan or tanggal:
        lines.append(
            "Alasan dan tanggal revisi tidak dipakai: dokumen ini bukan revisi dokumen yang sudah ada."
        )
    lines.append("Paket data sah. Langkah berikutnya: periksa data/anomali.csv, lalu 'make site'.")
    return "\n".join([*shown, *lines])


def import_file(root: Path, path: Path, kantor: str = "", alasan: str = "", tanggal: str = "") -> str:
    """Import an uploaded file by its kind (reading.KINDS): a signed document or a realisation sheet."""
    return import_document(root, path, kantor, alasan, tanggal)


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


PACKAGE_FIRST = "masalah di paket data; perbaiki dulu (lihat 'make validate'). Tidak ada yang diubah."


def _valid_package(root: Path) -> model.Package:
    """The package at root as the model, or ProblemsFound when it does not validate (model.load trusts it)."""
    files = DataPackage(root)
    problems = validate(files)
    if problems:
        raise ProblemsFound(problems, PACKAGE_FIRST)
    return model.load(files)


def today() -> date:
    """Today by the wall clock: the latest date a source document of a realisation may carry.

    Read only here, at the edge, when a sheet is imported or checked; builds never read the clock
    (they use kinerja.clock).
    """
    return date.today()


def import_sheet(root: Path, path: Path, on: date | None = None) -> str:
    """Import a filled realisation sheet into data/realisasi.csv, all or nothing; returns the report.

    `on` is the day of the import (by default `today()`): no source document may be dated later.
    """
    on = on or today()
    opened = lembar.open_sheet(path)  # a file that is no sheet is told before the package is checked
    package = _valid_package(root)
    if "realisasi" not in package.tables:
        raise ProblemsFound([REALISASI_TIDAK_ADA.at("datapackage.json")], PACKAGE_FIRST)
    table = package.tables["realisasi"]
    read = lembar.read_sheet(path, package.dokumen, package.indikator, package.skala_kategori, on, opened)
    rows, changes = lembar.merge_realisasi(table.rows, read.entries)
    if not any(c.kind != lembar.UNCHANGED for c in changes):
        return "\n".join([*_report(read, changes, package, package), "Tidak ada yang diubah di data/."])
    with package_copy(root) as copy:
        files = DataPackage(copy)
        files.write_rows(table.path, [f.name for f in table.fields], rows)
        problems = validate(files)
        if problems:
            raise ProblemsFound(
                [_relocated(p, copy) for p in problems],
                "masalah pada hasil impor. Tidak ada yang diubah di data/.",
            )
        lines = _report(read, changes, package, model.load(files))
        swap_in(copy, root)
    lines.append("Paket data sah. Langkah berikutnya: periksa angka di atas, lalu 'make site'.")
    return "\n".join(lines)


def _shown(row: dict[str, str]) -> str:
    """A realisation as the report shows it: '80,1 %', 'WTP'."""
    if row["kategori"]:
        return row["kategori"]
    return fmt.nilai_satuan(Decimal(row["nilai"]), row["satuan"]) if row["nilai"] else "(kosong)"


def _when(iso: str) -> str:
    return fmt.tanggal(date.fromisoformat(iso)) if iso else "(kosong)"


def _change_line(change: lembar.Change) -> str:
    entry, new = change.entry, change.entry.csv_row()
    head = f"{entry.indikator_id} {entry.periode}"
    if change.before is None:
        note = f"; catatan: {entry.catatan}" if entry.catatan else ""
        return f"Ditambah: {head} {_shown(new)} ({entry.sumber_dokumen}, {_when(entry.tanggal_sumber)}{note})"
    old, fields = change.before, change.fields
    value = (
        f"{_shown(old)} → {_shown(new)}"
        if {"nilai", "satuan", "kategori"} & set(fields)
        else f"{_shown(new)} (nilai tetap)"
    )
    details = []
    if "sumber_dokumen" in fields:
        details.append(f"dokumen sumber '{old['sumber_dokumen']}' → '{new['sumber_dokumen']}'")
    if "tanggal_sumber" in fields:
        details.append(f"tanggal {_when(old['tanggal_sumber'])} → {_when(new['tanggal_sumber'])}")
    if "catatan" in fields:
        details.append(f"catatan '{old['catatan']}' → '{new['catatan']}'")
    return f"Diubah: {head} {value}" + (f"; {'; '.join(details)}" if details else "")


def _capaian_line(package: model.Package, entry: lembar.Entry) -> str:
    """The capaian the model computes for one realisation of the updated package."""
    item = package.indikator[entry.indikator_id]
    shown = next(r for r in item.realisasi if r.periode == entry.periode)
    parts = []
    if shown.capaian is not None:
        parts.append(f"capaian {fmt.angka(shown.capaian)} %")
    if shown.memenuhi is not None:
        parts.append("memenuhi target" if shown.memenuhi else "belum memenuhi target")
    if shown.predikat:
        parts.append(f"predikat {shown.predikat}")
    if not parts:
        why = "arah indikator belum ditetapkan di data/polaritas.csv" if not item.polaritas else "target 0"
        parts.append(f"capaian tidak dihitung ({why})")
    return (
        f"- {entry.indikator_id} {entry.periode}: {', '.join(parts)} (target tercetak {item.target_dicetak})"
    )


def _report(
    read: lembar.Sheet, changes: list[lembar.Change], before: model.Package, after: model.Package
) -> list[str]:
    """The import report: counts, each added and changed value, their capaian, published cells left empty."""
    count = {kind: sum(c.kind == kind for c in changes) for kind in (lembar.ADDED, lembar.CHANGED)}
    unchanged = len(changes) - count[lembar.ADDED] - count[lembar.CHANGED]
    lines = [
        f"Lembar {read.name} ({read.dokumen_id}, {before.dokumen[read.dokumen_id].nama}): "
        f"{count[lembar.ADDED]} ditambah, {count[lembar.CHANGED]} diubah, {unchanged} tidak berubah."
    ]
    touched = [c for c in changes if c.kind != lembar.UNCHANGED]
    lines += [_change_line(c) for c in touched]
    if touched and after is not before:
        lines.append("Capaian yang kini tampil (dihitung dari target, realisasi dan arah; tidak diketik):")
        lines += [_capaian_line(after, c.entry) for c in touched]
    if read.blank:
        kept = ", ".join(f"{i} {p}" for i, p in read.blank)
        lines.append(f"Kosong di lembar, realisasi yang sudah terbit tetap: {kept}.")
    return lines


def display_path(path: Path, root: Path) -> str:
    """A path as the maintainer types it from the project folder."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _pending(target: Path, package: model.Package, on: date) -> Problem | None:
    """Why an existing sheet must not be overwritten: it holds input not imported yet, or cannot be read."""
    shown = display_path(target, package.root)
    try:
        read = lembar.read_sheet(target, package.dokumen, package.indikator, package.skala_kategori, on)
    except ProblemsFound as found:
        return LEMBAR_TIDAK_TERPERIKSA.at(
            shown, count=len(found.problems), example=found.problems[0].what, file=shown
        )
    _, changes = lembar.merge_realisasi(package.tables["realisasi"].rows, read.entries)
    waiting = [c.entry for c in changes if c.kind != lembar.UNCHANGED]
    if not waiting:
        return None
    first = waiting[0]
    return LEMBAR_SUDAH_ADA.at(
        shown, count=len(waiting), id=first.indikator_id, periode=first.periode, row=first.row, file=shown
    )


def write_templates(
    root: Path, folder: Path, dokumen_id: str = "", overwrite: bool = False, on: date | None = None
) -> list[Path]:
    """Write the realisation sheet of each document (or of `dokumen_id`) into folder; the paths written.

    A sheet already there is replaced only when everything in it is published already (or with
    `overwrite`), so that input not yet imported is never lost. All sheets or none are written.
    """
    package = _valid_package(root)
    if dokumen_id and dokumen_id not in package.dokumen:
        raise ProblemsFound(
            [
                DOKUMEN_TIDAK_DIKENAL.at(
                    "data/dokumen.csv", dokumen=dokumen_id, known=", ".join(package.dokumen)
                )
            ],
            "masalah. Tidak ada lembar yang ditulis.",
        )
    epoch = clock.data_changed_epoch(root)
    offices = history.office_dates(root, list(package.kantor), package.office_of, package.files.read)
    files: dict[Path, bytes] = {}
    for code in [dokumen_id] if dokumen_id else list(package.dokumen):
        target = folder / layout.file_name(code)
        changed = changed_of(epoch, offices, package.dokumen[code].kantor_id)  # as the published sheet
        files[target] = sheet_bytes(package, code, changed, f"make import SRC={display_path(target, root)}")
    if not overwrite:
        waiting = [
            problem
            for target, data in files.items()
            if target.is_file() and target.read_bytes() != data
            if (problem := _pending(target, package, on or today())) is not None
        ]
        if waiting:
            raise ProblemsFound(
                waiting, "lembar berisi isian yang belum diimpor. Tidak ada lembar yang ditulis."
            )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for target, data in files.items():
            atomic.replace_file(target, data)
    except OSError as error:
        raise BuildError(atomic.os_message(error, folder)) from error
    return list(files)
