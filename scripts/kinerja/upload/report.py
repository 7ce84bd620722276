"""The upload report, in Indonesian Markdown, for a person in a browser.

It says what was found and what the import changed (the import's own lines, shown verbatim),
every problem with how to fix it, what may need a note in data/anomali.csv, and what happens
next. It names no make command: a message written for the command line is told in browser
terms (`for_browser`). The command line (`make check-upload`) writes the same report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import paths
from ..errors import Problem
from ..ingest.hints import HINTS_MARK, ROWS_MARK
from .note import NOTE_FIELDS, Note

FOLDER = paths.UPLOADS
DOUBTS_MARK = HINTS_MARK
#: A ready row of data/anomali.csv, as the import prints it after ROWS_MARK (AN24-23,… or AN24-6472-01,…).
_ANOMALY_ROW = re.compile(r"^AN\d{2}-[\w-]+,")
TITLE = "# Laporan pemeriksaan unggahan"

NEXT_OK = (
    "Alur kerja menyimpan hasil impor ke cabang ini (komit *Impor unggahan dari masukan/*) dan "
    "menjalankan pemeriksaan CI pada komit itu. Minta rekan memeriksa pull request ini, lalu tekan "
    "**Merge pull request**. Setelah pull request digabung, situs diperbarui dalam beberapa menit oleh "
    "alur kerja Pages."
)
NEXT_FIX = (
    "Perbaiki berkasnya, lalu unggah ulang dengan nama yang sama ke cabang yang sama (**Add file → Upload "
    "files**, pilih *Commit directly to the … branch*). Alasan atau tanggal revisi dapat juga ditulis di "
    "keterangan pull request (tombol **Edit**). Pemeriksaan berjalan lagi dengan sendirinya dan laporan "
    "ini diperbarui. Tidak ada yang disimpan atau diterbitkan selama masih ada masalah."
)
NEXT_EMPTY = (
    "Unggah dokumen RKT bertanda tangan (.docx, .pdf atau .txt) atau lembar realisasi yang sudah diisi "
    "(.xlsx) "
    f"ke folder `{FOLDER}/` (atau `{paths.SHEETS}/`) di cabang pull request ini: buka folder itu di "
    "cabang ini, **Add file → Upload files**, pilih *Commit directly to the … branch*. Pemeriksaan "
    "berjalan lagi dengan sendirinya."
)
NEXT_STALE = (
    "Setelah cabang diperbarui, pemeriksaan ini berjalan lagi dengan sendirinya dan laporan ini "
    f"diperbarui. Berkas unggahan tetap di `{FOLDER}/` sampai berhasil diimpor. Unggahan di cabang baru "
    "mendapat pemeriksaan dan laporannya sendiri di pull request barunya."
)
#: What a command-line hint in a message means in the browser, by make target.
BROWSER_STEPS = {
    "template": "halaman *Untuk pemelihara* di situs (lembar realisasi terbaru)",
    "import": f"unggahan ulang ke folder `{FOLDER}/`",
}
#: A command that names the office means a 'Kantor:' line in the browser.
BROWSER_KANTOR = "baris 'Kantor: <kode kantor>' di keterangan pull request (tombol Edit)"
BROWSER_OTHER = "pemeriksaan unggahan ini"
_MAKE = re.compile(r"'make ([\w-]+)[^']*'")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


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


def for_browser(line: str) -> str:
    """A message as a person in a browser can act on it: no make commands.

    A sentence of next steps for the command line is dropped (the report says what happens
    next); any other command is named by what it means in the browser.
    """
    if "'make " not in line:
        return line
    kept = []
    for sentence in _SENTENCE.split(line):
        if "'make " in sentence and sentence.startswith("Langkah berikutnya"):
            continue
        kept.append(_MAKE.sub(_browser_step, sentence))
    return " ".join(kept)


def _browser_step(command: re.Match[str]) -> str:
    if "KANTOR=" in command.group(0):
        return BROWSER_KANTOR
    return BROWSER_STEPS.get(command.group(1), BROWSER_OTHER)


def _doubts(report: list[str]) -> tuple[list[str], list[str], list[str]]:
    """The import report without its 'to check' block, that block's items, and its ready CSV rows."""
    if not any(line.startswith(DOUBTS_MARK) for line in report):
        return report, [], []
    at = next(i for i, line in enumerate(report) if line.startswith(DOUBTS_MARK))
    items = [line[2:] for line in report[at + 1 :] if line.startswith("- ")]
    rest = report[:at] + [line for line in report[at + 1 :] if not line.startswith("- ")]
    rows: list[str] = []
    if ROWS_MARK in "\n".join(rest):
        start = next(i for i, line in enumerate(rest) if line.startswith(ROWS_MARK))
        end = start + 1
        while end < len(rest) and _ANOMALY_ROW.match(rest[end]):
            end += 1
        rows = rest[start + 1 : end]
        rest = rest[:start] + rest[end:]
    return rest, items, rows


def _fenced(lines: list[str]) -> list[str]:
    """Lines shown exactly as the import wrote them (Markdown does not read '*', '|' or '<' in them)."""
    longest = max((len(m) for line in lines for m in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", *lines, fence]


def _note_lines(note: Note) -> list[str]:
    if not note.values:
        return []
    lines = ["", "## Keterangan untuk impor", ""]
    for key, label in NOTE_FIELDS.items():
        if note.get(key):
            lines.append(f"- {label}: {note.get(key)} (dari {note.sources[key]})")
    lines += [
        "",
        "Alasan dan tanggal dipakai bila sebuah dokumen yang diunggah merevisi dokumen yang sudah terbit.",
    ]
    return lines


def _verdict(checked: list[Checked], count: int) -> tuple[str, str]:
    if not checked:
        return (
            "**Hasil pemeriksaan: tidak ada berkas unggahan.** Tidak ditemukan satu pun berkas untuk "
            f"diimpor di folder `{FOLDER}/` (termasuk subfoldernya, misalnya `{paths.SHEETS}/`). Tidak ada "
            "yang diimpor atau diterbitkan.",
            NEXT_EMPTY,
        )
    if count:
        return f"**Hasil pemeriksaan: {count} masalah.** Tidak ada yang disimpan atau diterbitkan.", NEXT_FIX
    return f"**Hasil pemeriksaan: lolos.** {len(checked)} berkas dapat diimpor dan paket data sah.", NEXT_OK


def render(checked: list[Checked], built: str, problems: list[str], note: Note | None = None) -> str:
    """The report in Markdown (Indonesian), as the workflow shows it in the run summary and the PR."""
    failed = [c for c in checked if not c.ok]
    verdict, next_step = _verdict(checked, sum(len(c.problems) for c in failed) + len(problems))
    lines = [TITLE, "", verdict, "", "## Berkas yang diperiksa", ""]
    if checked:
        lines += ["| Berkas | Hasil |", "|---|---|"]
        lines += [f"| `{c.name}` | {'diimpor' if c.ok else f'{len(c.problems)} masalah'} |" for c in checked]
    else:
        lines.append("Tidak ada.")
    lines += _note_lines(note or Note())
    lines += ["", "## Yang ditambah atau diubah", ""]
    doubts: list[str] = []
    changes: list[str] = []
    rows: list[str] = []
    for item in checked:
        rest, found, ready = _doubts(item.report)
        rest = [for_browser(line) for line in rest if line.strip()]
        doubts += [f"- `{item.name}`: {for_browser(line)}" for line in found]
        rows += ready
        if rest:
            title = f"### `{item.name}`" + ("" if item.ok else " (ditemukan, belum disimpan)")
            changes += [title, "", *_fenced(rest), ""]
    lines += changes[:-1] or ["Tidak ada."]
    lines += ["", "## Masalah dan cara memperbaiki", ""]
    found_problems = [f"- {for_browser(p)}" for c in failed for p in c.problems]
    found_problems += [f"- {for_browser(p)}" for p in problems]
    lines += found_problems or ["Tidak ada."]
    lines += ["", "## Catat sebagai anomali bila memang keliru di dokumen", ""]
    lines += doubts or ["Tidak ada yang perlu dicatat."]
    if rows:
        lines += ["", "Baris siap tempel di akhir `data/anomali.csv` (isi dulu kolom `dampak`):", ""]
        lines += _fenced(rows)
    lines += ["", "## Pratinjau", "", built, "", "## Langkah berikutnya", "", next_step, ""]
    return "\n".join(lines)


def render_stale(problems: list[Problem]) -> str:
    """The report when the branch cannot be brought up to date: nothing was imported, what to press."""
    return "\n".join(
        [
            TITLE,
            "",
            "**Hasil pemeriksaan: cabang perlu diperbarui dulu.** Unggahan belum diimpor: hasil impor "
            "dihitung pada cabang yang sudah memuat perubahan terbaru di cabang tujuan (main), dan itu "
            "belum dapat dilakukan otomatis.",
            "",
            "## Masalah dan cara memperbaiki",
            "",
            *[f"- {p}" for p in problems],
            "",
            "## Langkah berikutnya",
            "",
            NEXT_STALE,
            "",
        ]
    )
