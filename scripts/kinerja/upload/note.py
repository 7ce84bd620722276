"""What a person writes for an import from the browser: the reason and date of a revision, the office.

From a browser there are no command-line options. A revision needs a reason and the signing date
of the revised document; a document whose unit names no known office needs the office's code.
They are written as lines 'Alasan: …', 'Tanggal: …' and 'Kantor: …', either in a file
masukan/revisi.txt uploaded with the document, or in the pull request's description. The file
wins, field by field, because it is part of what was uploaded and checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths, update
from ..errors import Problem
from ..problems import (
    CATATAN_REVISI_GANDA,
    CATATAN_REVISI_KOSONG,
    CATATAN_REVISI_TIDAK_TERBACA,
    KETERANGAN_GANDA,
)

#: The note's file name, anywhere under masukan/ (consumed like an upload).
NOTE = "revisi.txt"
#: The lines a note or the description may give (passed to the import as keywords), and their labels.
NOTE_FIELDS = {
    "alasan": "Alasan revisi",
    "tanggal": "Tanggal tanda tangan dokumen revisi",
    "kantor": "Kantor penanda tangan",
}
DESCRIPTION = "keterangan pull request"

_FIELD = re.compile(
    r"^[ \t]*(?:[-*+>][ \t]*)*(?:\*\*|__)?(" + "|".join(NOTE_FIELDS) + r")[ \t]*(?:\*\*|__)?[ \t]*:"
    r"[ \t]*(?:\*\*|__)?(.*)$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class Note:
    """What the person wrote for the import, by field of NOTE_FIELDS, and where each was read."""

    values: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> str:
        """The value given for a field of NOTE_FIELDS, or ""."""
        return self.values.get(key, "")


def parse_note(text: str, where: str) -> tuple[dict[str, str], list[Problem]]:
    """The 'Alasan: …', 'Tanggal: …' and 'Kantor: …' lines of revisi.txt or a pull request's description.

    Markdown around them is allowed (a list dash, bold: '**Alasan:** …'), HTML comments (as in
    GitHub's templates) are skipped, values are kept as written. A field given twice with
    different values is a problem, never a guess.
    """
    text = re.sub(r"<!--.*?-->", "", text.replace("\r\n", "\n"), flags=re.DOTALL)
    found: dict[str, str] = {}
    problems: list[Problem] = []
    for match in _FIELD.finditer(text):
        key = match.group(1).lower()
        value = re.sub(r"(\*\*|__)$", "", match.group(2).strip()).strip()
        if not value:
            continue
        if key in found and found[key] != value:
            label = key.capitalize()
            problems.append(KETERANGAN_GANDA.at(where, label=label, first=found[key], second=value))
            continue
        found[key] = value
    return found, problems


def read_note(root: Path, files: list[Path], description: str = "") -> tuple[Note, list[Problem]]:
    """The note for the imports: from the revisi.txt among `files` first, else from the description."""
    problems: list[Problem] = []
    values: dict[str, tuple[str, str]] = {}
    if len(files) > 1:
        shown = ", ".join(update.display_path(p, root) for p in files)
        problems.append(
            CATATAN_REVISI_GANDA.at(
                paths.UPLOADS, count=len(files), note=NOTE, files=shown, folder=paths.UPLOADS
            )
        )
    for path in files[:1]:
        where = update.display_path(path, root)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            problems.append(CATATAN_REVISI_TIDAK_TERBACA.at(where))
            continue
        found, wrong = parse_note(text, where)
        problems += wrong
        if not found:
            problems.append(CATATAN_REVISI_KOSONG.at(where, note=NOTE))
        values.update({key: (value, where) for key, value in found.items()})
    if description.strip():
        found, wrong = parse_note(description, DESCRIPTION)
        problems += wrong
        for key, value in found.items():
            values.setdefault(key, (value, DESCRIPTION))
    note = Note({k: v for k, (v, _) in values.items()}, {k: where for k, (_, where) in values.items()})
    return note, problems
