"""The maintainers' guide works as written: its 'add a year' commands, run on a copy, publish a year."""

from __future__ import annotations

import re
from pathlib import Path

from _site import copy_project
from conftest import FIXTURE

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
        "make import SRC=masukan/rkt-2025-kpu-kaltim.txt",
        "make validate",
        "make site",
    ]
    project = copy_project(tmp_path / "p")
    source = (FIXTURE / "data" / "sumber" / "rkt-2024-kpu-kaltim.txt").read_text(encoding="utf-8")
    (project / "masukan").mkdir(exist_ok=True)
    (project / "masukan" / "rkt-2025-kpu-kaltim.txt").write_text(
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


def test_the_guide_leads_with_the_browser_path_and_it_matches_the_workflow() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings.index("Lewat peramban: unggah, periksa, terbitkan") < headings.index(
        "Lewat baris perintah"
    )
    section = text.split("## Lewat peramban: unggah, periksa, terbitkan", 1)[1].split("\n## ", 1)[0]
    workflow = (ROOT / ".github" / "workflows" / "periksa-unggahan.yml").read_text(encoding="utf-8")
    assert "name: Periksa unggahan" in workflow and "**Periksa unggahan**" in section
    assert "name: pratinjau-situs" in workflow and "**pratinjau-situs**" in section
    assert '"masukan/**"' in workflow and "**`masukan/`**" in section
    from kinerja import upload

    report = upload.render(
        [upload.Checked("x.txt", ["Diimpor dari x.txt: 1 dokumen."])], "Situs dibangun.", []
    )
    for part in re.findall(r"^   - \*([^*]+)\*:", section, re.M):
        assert f"## {part}" in report, f"the guide names the report section {part!r}"
    assert "Impor unggahan dari masukan/" in workflow and "*Impor unggahan dari\n   masukan/*" in section


def test_guide_browser_path_end_to_end(tmp_path, builder):
    """Steps 1–3 of the browser path on a copy: a file in masukan/, the workflow's check, its report."""
    project = copy_project(tmp_path / "p")
    source = (FIXTURE / "data" / "sumber" / "rkt-2024-kpu-kaltim.txt").read_text(encoding="utf-8")
    (project / "masukan").mkdir(exist_ok=True)
    (project / "masukan" / "rkt-2025-kpu-kaltim.txt").write_text(
        source.replace("Tahun Anggaran : 2024", "Tahun Anggaran : 2025"), encoding="utf-8"
    )
    report = tmp_path / "laporan.md"
    result = builder.run(project, "check-upload", "--report", str(report))
    assert result.returncode == 0, result.stderr
    text = report.read_text(encoding="utf-8")
    assert "**Hasil: lolos.**" in text and "2 dokumen" in text
    assert (project / "site" / "kinerja" / "indikator" / "ik25-s56" / "index.html").is_file()
