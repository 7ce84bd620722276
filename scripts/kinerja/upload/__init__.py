"""Checking what a maintainer uploaded from a browser: the files in masukan/, imported, built, reported.

The pull-request workflow (.github/workflows/periksa-unggahan.yml) runs two steps:

1. `prepare` (`make prepare-upload BASE=<commit>`, in `branch`): the pull request's branch is
   brought up to date with its target branch (main) by a merge, so that the import is computed
   on the very tree that will be committed. Where that needs a person, nothing is changed and the
   report says what to press on GitHub.
2. `check` (`make check-upload`): every file anywhere under masukan/ (masukan/lembar/ too) is
   imported the way `make import` does it (all or nothing, one Indonesian line per problem), with
   the reason and signing date of a revision (and the office) read from masukan/revisi.txt or the
   pull request's description (`note`); then the site is built and the report is written
   (`report`). Only when all of it went well do the uploads and the note leave masukan/ (their
   copy is kept in data/sumber/, their values in data/); with a patch path the changes are then
   written as a git patch and staged, and the staged tree's id is what the workflow will push.
"""

from __future__ import annotations

from pathlib import Path

from .. import paths, pipeline, update
from ..errors import KinerjaError, Problem, ProblemsFound
from . import branch
from .note import NOTE, Note, parse_note, read_note
from .report import Checked, for_browser, render, render_stale

FOLDER = paths.UPLOADS
#: Files under masukan/ that are not uploads (besides hidden files and the note).
KEEP = {"README.md", ".gitkeep"}
#: What the workflow commits besides the upload folder (from which the uploads are consumed).
PACKAGE = ["data", "datapackage.json"]


def _files(root: Path, folder: str) -> list[Path]:
    base = root / folder
    if not base.is_dir():
        return []
    return sorted(
        p
        for p in base.rglob("*")
        if p.is_file()
        and p.name not in KEEP
        and not any(part.startswith(".") for part in p.relative_to(base).parts)
    )


def uploads(root: Path, folder: str = FOLDER) -> list[Path]:
    """The uploaded files waiting anywhere under masukan/ (masukan/lembar/ too), in path order.

    README.md, .gitkeep, hidden files and the revision note (revisi.txt) are not uploads.
    """
    return [p for p in _files(root, folder) if p.name.lower() != NOTE]


def notes(root: Path, folder: str = FOLDER) -> list[Path]:
    """The revision notes (revisi.txt) anywhere under masukan/; at most one may be there."""
    return [p for p in _files(root, folder) if p.name.lower() == NOTE]


def _import(root: Path, path: Path, note: Note) -> Checked:
    checked = Checked(update.display_path(path, root))
    try:
        text = update.import_file(
            root, path, kantor=note.get("kantor"), alasan=note.get("alasan"), tanggal=note.get("tanggal")
        )
        checked.report = text.splitlines()
    except KinerjaError as error:
        if isinstance(error, ProblemsFound):
            checked.report = list(error.found)  # a refused revision's changes are still shown
            checked.problems = [str(p) for p in error.problems]
        else:
            checked.problems = error.lines()
    return checked


def import_uploads(
    root: Path, description: str = "", folder: str = FOLDER
) -> tuple[list[Checked], Note, list[str]]:
    """Import every upload with the note; each file's result, the note, and the note's own problems.

    The uploads stay in masukan/ (`consume` removes them once everything went well).
    """
    note, wrong = read_note(root, notes(root, folder), description)
    checked = [_import(root, path, note) for path in uploads(root, folder)]
    return checked, note, [str(p) for p in wrong]


def consume(root: Path, folder: str = FOLDER) -> None:
    """Remove the imported uploads and the note from masukan/ (their content now lives in data/)."""
    for path in [*uploads(root, folder), *notes(root, folder)]:
        path.unlink()


def check(
    root: Path,
    report: Path | None = None,
    patch: Path | None = None,
    tree: Path | None = None,
    description: str = "",
    build: bool = True,
    folder: str = FOLDER,
) -> int:
    """Import every upload, build the site, write the report; 0 when all of it went well, else 1.

    `description` is the pull request's description ('Alasan:', 'Tanggal:', 'Kantor:' lines).
    With `patch`, the changes are written there as a git patch and `tree` receives the id of the
    tree to commit. `build=False` skips the site (tests of the import alone).
    """
    checked, note, problems = import_uploads(root, description, folder)
    built = "Situs tidak dibangun karena ada masalah atau tidak ada berkas."
    if checked and all(c.ok for c in checked) and not problems:
        built = "Situs tidak dibangun pada pemeriksaan ini."
        if build:
            try:
                pipeline.build(root, root / "site")
                built = (
                    "Situs hasil unggahan sudah dibangun: unduh artefak **pratinjau-situs** dari halaman "
                    "run (tautan di bawah), buka ZIP-nya, lalu buka `index.html`."
                )
            except KinerjaError as error:
                problems = (
                    [str(p) for p in error.problems] if isinstance(error, ProblemsFound) else error.lines()
                )
        if not problems:
            consume(root, folder)
            if patch is not None:
                staged = branch.write_patch(root, patch, [*PACKAGE, folder])
                if tree is not None:
                    tree.parent.mkdir(parents=True, exist_ok=True)
                    tree.write_text(staged + "\n", encoding="utf-8")
    _write(render(checked, built, problems, note), report)
    return 0 if checked and all(c.ok for c in checked) and not problems else 1


def prepare(root: Path, base: str, report: Path | None = None) -> int:
    """Bring the branch up to date with `base` (branch.prepare), or write why not in the report; 0 or 1."""
    try:
        merged = branch.prepare(root, base)
    except ProblemsFound as found:
        _write(render_stale(found.problems), report)
        return 1
    print(f"Cabang sudah memuat {base}." if not merged else f"Cabang diperbarui dengan {base} ({merged}).")
    return 0


def _write(text: str, report: Path | None) -> None:
    if report is None:
        print(text)
        return
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, encoding="utf-8")


__all__ = [
    "Checked",
    "Note",
    "Problem",
    "check",
    "consume",
    "for_browser",
    "import_uploads",
    "notes",
    "parse_note",
    "prepare",
    "read_note",
    "render",
    "render_stale",
    "uploads",
]
