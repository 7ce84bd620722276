"""Every problem the program reports, in one catalogue: code, title and message (what + fix).

A call site imports its kind and fills the gaps, e.g. `KOLOM_HILANG.at(rel, 1, name, column=name,
header=...)`; a cell of a realisation sheet takes `Fault.of(BUKAN_ANGKA, value=..., example=...)`.
The codes are published (at the end of every message and in docs/kode-masalah.md) and never change
spelling or meaning; several kinds share a code when one problem is told in several places. The
page in docs is written from this catalogue by `write_page()`, and a test keeps the two in step.
"""

from __future__ import annotations

from pathlib import Path

from .inputs import *  # noqa: F403
from .kind import Kind
from .meaning import *  # noqa: F403
from .structure import *  # noqa: F403
from .uploads import *  # noqa: F403

from . import inputs, meaning, structure, uploads  # isort: skip

#: Each module of the catalogue, with the heading its kinds have in docs/kode-masalah.md.
SECTIONS = (
    (structure, "Struktur paket: datapackage.json, berkas CSV dan skema"),
    (meaning, "Isi paket: rencana, target, realisasi, teks sumber dan klaim"),
    (inputs, "Impor: dokumen RKT dan lembar realisasi"),
    (uploads, "Unggahan lewat GitHub dan penerbitan"),
)
#: Where the page for maintainers is, relative to the project folder.
PAGE = Path("docs") / "kode-masalah.md"

_INTRO = """# Kode masalah

<!-- Ditulis dari scripts/kinerja/problems/; jangan disunting dengan tangan. -->

Setiap masalah yang dilaporkan `make validate`, `make import`, `make template` dan unggahan lewat GitHub
diakhiri kodenya dalam kurung siku, misalnya `[kolom_hilang]`. Halaman ini memuat semua kode itu, dari
katalog di `scripts/kinerja/problems/`: judul singkat, apa yang salah, dan cara memperbaikinya.

- Kode tidak pernah berubah ejaan maupun artinya; kode baru boleh ditambah.
- Satu kode dapat punya beberapa baris bila masalah yang sama ditemukan di tempat berbeda (misalnya BOM
  di datapackage.json dan di berkas CSV).
- `{nama}` adalah celah yang diisi saat pesan dibuat: nama berkas, kode baris, nilai sel, dan sebagainya.
  `{fix}` diisi saran yang bergantung pada jenis berkas atau kolom; `{what}` berarti kalimatnya disusun
  oleh pemeriksaan itu sendiri (misalnya teks yang berbeda dari dokumen tercetak).
- Pesan lengkap berbentuk `berkas, baris N, kolom 'x': <apa yang salah> Cara memperbaiki: <cara> [kode]`.

Halaman ini ditulis ulang dengan
`PYTHONPATH=scripts python -c "from kinerja import problems; problems.write_page()"` setelah katalog
diubah; `tests/test_problems.py` memeriksa bahwa keduanya sama.
"""


def catalogue() -> dict[str, Kind]:
    """Every kind by its name in this package (BEDA_DENGAN_SUMBER), in catalogue order."""
    return {
        name: value
        for module, _ in SECTIONS
        for name, value in vars(module).items()
        if isinstance(value, Kind)
    }


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell, also on GitHub (which would hide <words> as HTML)."""
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def page() -> str:
    """docs/kode-masalah.md: every kind, by section and code, in Indonesian."""
    lines = [_INTRO]
    for module, heading in SECTIONS:
        kinds = sorted(
            (value for value in vars(module).values() if isinstance(value, Kind)), key=lambda k: k.code
        )
        lines += [
            f"## {heading}",
            "",
            "| Kode | Judul | Apa yang salah | Cara memperbaiki |",
            "|---|---|---|---|",
        ]
        lines += [f"| `{k.code}` | {k.title} | {_cell(k.what)} | {_cell(k.fix)} |" for k in kinds]
        lines.append("")
    return "\n".join(lines)


def write_page(project: Path = Path()) -> Path:
    """Write docs/kode-masalah.md under `project` (run after changing the catalogue); the path written."""
    path = project / PAGE
    path.write_text(page(), encoding="utf-8")
    return path
