"""The maintainers' guide works as written: its 'add a year' commands, run on a copy, publish a year."""

from __future__ import annotations

import re
from pathlib import Path

from _site import copy_project

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "panduan-pemeliharaan.md"


def section_commands(title: str) -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", section, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def as_step(command: str) -> list[str]:
    """The make target's `python -m kinerja` step and arguments (the Makefile is a thin wrapper)."""
    words = command.split()
    assert words[0] == "make", command
    if words[1] == "import":
        source = next(w for w in words if w.startswith("SRC=")).removeprefix("SRC=")
        return ["import", source]
    return [{"validate": "validate", "site": "build"}[words[1]]]


def test_guide_adds_a_year_end_to_end(tmp_path, builder):
    commands = section_commands("Menambah dokumen tahun baru")
    assert commands == [
        "make import SRC=data/sumber/rkt-2025-kpu-kaltim.txt",
        "make validate",
        "make site",
    ]
    project = copy_project(tmp_path / "p")
    source = (ROOT / "data" / "sumber" / "rkt-2024-kpu-kaltim.txt").read_text(encoding="utf-8")
    (project / "data" / "sumber" / "rkt-2025-kpu-kaltim.txt").write_text(
        source.replace("Tahun Anggaran : 2024", "Tahun Anggaran : 2025"), encoding="utf-8"
    )
    for command in commands:
        result = builder.run(project, *as_step(command))
        assert result.returncode == 0, f"{command}: {result.stderr}"
    site = project / "site"
    assert (site / "kinerja" / "indikator" / "ik25-s56" / "index.html").is_file()
    assert (site / "kinerja" / "indikator" / "ik24-s56" / "index.html").is_file()
    page = (site / "kinerja" / "indikator" / "ik24-k03" / "index.html").read_text(encoding="utf-8")
    assert 'href="../ik25-k03/"' in page


def test_guide_mentions_every_maintenance_task():
    text = GUIDE.read_text(encoding="utf-8")
    for heading in (
        "Menambah dokumen tahun baru",
        "Mencatat revisi dokumen",
        "Mengisi realisasi triwulan atau tahunan",
        "Menyunting CSV dengan spreadsheet tanpa merusaknya",
        "Membaca pesan pemeriksa data",
        "Menerbitkan",
    ):
        assert f"## {heading}" in text
