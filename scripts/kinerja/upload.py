"""Checking what a maintainer uploaded from a browser: the files in masukan/, imported, built, reported.

The pull-request workflow (.github/workflows/periksa-unggahan.yml) runs
`make check-upload`, which is `check`: every file in masukan/ is imported the
way `make import` does it (all or nothing, one Indonesian line per problem),
then the site is built, and an Indonesian report in Markdown tells what was
added or changed, every problem with how to fix it, and what may need a note
in data/anomali.csv. Imported files leave masukan/ (their copy is kept in
data/sumber/); with a patch path the changes are also written as a git patch,
which the workflow commits to the pull request so that merging it publishes.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import pipeline, update
from .errors import KinerjaError, Problem, ProblemsFound

#: The upload folder, and the files in it that are not uploads.
FOLDER = "masukan"
KEEP = {"README.md", ".gitkeep"}
DOUBTS_MARK = "Perlu diperiksa"


@dataclass
class Checked:
    """One uploaded file: what its import said, or the problems that stopped it."""

    name: str
    report: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Imported without a problem."""
        return not self.problems


def uploads(root: Path, folder: str = FOLDER) -> list[Path]:
    """The uploaded files waiting in masukan/, in name order."""
    base = root / folder
    if not base.is_dir():
        return []
    return sorted(
        p for p in base.iterdir() if p.is_file() and p.name not in KEEP and not p.name.startswith(".")
    )


def _import(root: Path, path: Path) -> Checked:
    checked = Checked(path.name)
    try:
        checked.report = update.import_file(root, path).splitlines()
    except KinerjaError as error:
        if isinstance(error, ProblemsFound):
            checked.problems = [str(p) for p in error.problems]
        else:
            checked.problems = error.lines()
    return checked


def _doubts(report: list[str]) -> tuple[list[str], list[str]]:
    """The import report without its 'to check' block, and that block's items."""
    if not any(line.startswith(DOUBTS_MARK) for line in report):
        return report, []
    at = next(i for i, line in enumerate(report) if line.startswith(DOUBTS_MARK))
    items = [line[2:] for line in report[at + 1 :] if line.startswith("- ")]
    rest = report[:at] + [line for line in report[at + 1 :] if not line.startswith("- ")]
    return rest, items


def render(checked: list[Checked], built: str, problems: list[str]) -> str:
    """The report in Markdown (Indonesian), as the workflow shows it in the run summary and the PR."""
    failed = [c for c in checked if not c.ok]
    count = sum(len(c.problems) for c in failed) + len(problems)
    lines = ["# Laporan pemeriksaan unggahan", ""]
    if not checked:
        lines += [
            f"Tidak ada berkas di `{FOLDER}/`. Unggah dokumen RKT (.docx atau .txt) atau lembar realisasi "
            "(.xlsx) ke folder itu.",
            "",
        ]
    verdict = "**Hasil: lolos.** Semua berkas dapat diimpor dan situs berhasil dibangun."
    if count:
        verdict = f"**Hasil: {count} masalah.** Tidak ada yang diterbitkan; perbaiki lalu unggah ulang."
    lines += [verdict, "", "## Berkas yang diperiksa", "", "| Berkas | Hasil |", "|---|---|"]
    lines += [f"| `{c.name}` | {'diimpor' if c.ok else f'{len(c.problems)} masalah'} |" for c in checked]
    changes, doubts = [], []
    for item in checked:
        rest, found = _doubts(item.report)
        changes += [f"- `{item.name}`: {line}" for line in rest if line.strip()]
        doubts += [f"- `{item.name}`: {line}" for line in found]
    lines += ["", "## Yang ditambah atau diubah", ""] + (changes or ["Tidak ada."])
    lines += ["", "## Masalah dan cara memperbaiki", ""]
    found = [f"- {p}" for c in failed for p in c.problems] + [f"- {p}" for p in problems]
    lines += found or ["Tidak ada."]
    lines += ["", "## Catat sebagai anomali bila memang keliru di dokumen", ""]
    lines += doubts or ["Tidak ada yang perlu dicatat."]
    lines += ["", "## Pratinjau", "", built, ""]
    return "\n".join(lines)


def _patch(root: Path, target: Path, folder: str) -> None:
    """The changes to data/, datapackage.json and masukan/ as a binary git patch (for the workflow)."""
    paths = ["data", "datapackage.json", folder]
    subprocess.run(["git", "add", "-A", "--", *paths], cwd=root, check=True, capture_output=True)
    diff = subprocess.run(
        ["git", "diff", "--cached", "--binary", "--", *paths], cwd=root, check=True, capture_output=True
    ).stdout
    target.write_bytes(diff)


def check(root: Path, report: Path | None = None, patch: Path | None = None, folder: str = FOLDER) -> int:
    """Import every upload, build the site, write the report; 0 when all of it went well, else 1."""
    checked = [_import(root, path) for path in uploads(root, folder)]
    problems: list[str] = []
    built = "Situs tidak dibangun karena ada masalah."
    if checked and all(c.ok for c in checked):
        for path in uploads(root, folder):
            if path.name in {c.name for c in checked}:
                path.unlink()  # imported: its copy now lives in data/sumber/ (or its values in data/)
        try:
            pipeline.build(root, root / "site")
            built = (
                "Situs hasil unggahan dibangun di `site/`; di GitHub ada sebagai artefak **pratinjau-situs**."
            )
        except KinerjaError as error:
            problems = [str(p) for p in error.problems] if isinstance(error, ProblemsFound) else error.lines()
        if patch is not None and not problems:
            _patch(root, patch, folder)
    text = render(checked, built, problems)
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0 if checked and all(c.ok for c in checked) and not problems else 1


__all__ = ["Checked", "Problem", "check", "render", "uploads"]
