"""The maintainers' guide works as written: its 'add a year' commands, run on a copy, publish a year."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from _site import copy_project
from conftest import FIXTURE, copy_package
from kinerja import cli, csvio
from kinerja.validate import validate

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "panduan-pemeliharaan.md"


def section_commands(title: str) -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", section, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def as_step(command: str) -> list[str]:
    """The make target's `python -m kinerja` step and arguments (the Makefile is a thin wrapper)."""
    words = shlex.split(command)
    assert words[0] == "make", command
    if words[1] == "import":
        given = dict(w.split("=", 1) for w in words[2:])
        options = {"KANTOR": "--kantor", "ALASAN": "--alasan", "TANGGAL": "--tanggal"}
        return ["import", given.pop("SRC"), *(a for k, v in given.items() for a in (options[k], v))]
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
        words = as_step(command)
        if words[0] == "import":  # the guide's paths are relative to the project folder
            words[1] = str(project / words[1])
        result = builder.run(project, *words)
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

    note = upload.Note({"alasan": "Revisi DIPA"}, {"alasan": "keterangan pull request"})
    report = upload.render(
        [upload.Checked("x.txt", ["Diimpor dari x.txt: 1 dokumen."])], "Situs dibangun.", [], note
    )
    for part in re.findall(r"^   - \*([^*]+)\*:", section, re.M):
        assert f"## {part}" in report, f"the guide names the report section {part!r}"
    assert "Impor unggahan dari masukan/" in workflow and "*Impor unggahan dari\n   masukan/*" in section
    assert "Update branch" in section and "Alasan:" in section and "Tanggal:" in section


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
    assert "**Hasil pemeriksaan: lolos.**" in text and "2 dokumen" in text
    assert (project / "site" / "kinerja" / "indikator" / "ik25-s56" / "index.html").is_file()


def test_guide_records_a_revision_and_shows_its_changes_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The revision section on a copy: its example change is printed as shown, refused without a
    reason, then recorded with the reason and date its command gives."""
    commands = section_commands("Mencatat revisi dokumen")
    assert [as_step(c)[0] for c in commands] == ["import", "validate"]
    section = GUIDE.read_text(encoding="utf-8").split("## Mencatat revisi dokumen", 1)[1].split("\n## ", 1)[0]
    example = re.search(r"```text\n(.*?)```", section, re.S)
    assert example is not None
    shown = example.group(1).splitlines()
    code, old, new = re.fullmatch(r"(\S+) target: '(.*)' → '(.*)'", shown[1]).groups()
    root = copy_package(tmp_path / "paket")
    row = next(r for r in csvio.read(root / "data" / "indikator.csv") if r["id"] == code)
    source = (
        root
        / next(r for r in csvio.read(root / "data" / "dokumen.csv") if r["id"] == row["dokumen_id"])["sumber"]
    )
    lines = source.read_text(encoding="utf-8").split("\n")
    at = int(row["baris_sumber"]) - 1
    assert lines[at].endswith("\t" + old)
    lines[at] = lines[at][: -len(old)] + new
    step = as_step(commands[0])
    (root / step[1]).parent.mkdir(parents=True, exist_ok=True)
    (root / step[1]).write_text("\n".join(lines), encoding="utf-8")
    assert cli.main(["--root", str(root), "import", str(root / step[1])]) == 1, (
        "refused without ALASAN, TANGGAL"
    )
    refused = capsys.readouterr().err.splitlines()
    assert all(line in refused for line in shown), "the guide shows what the import prints"
    for command in commands:
        words = as_step(command)
        if words[0] == "import":  # the guide's paths are relative to the project folder
            words[1] = str(root / words[1])
        assert cli.main(["--root", str(root), *words]) == 0, command
    given = dict(w.split("=", 1) for w in shlex.split(commands[0])[2:])
    last = csvio.read(root / "data" / "revisi.csv")[-1]
    assert (last["dokumen_id"], last["versi"], last["keterangan"]) == (
        row["dokumen_id"],
        "2",
        given["ALASAN"],
    )
    assert last["tanggal"] == "2024-05-02" and given["TANGGAL"] == "2 Mei 2024"


def run(folder: Path, command: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "uji", "GIT_AUTHOR_EMAIL": "uji@contoh.test"}
    env |= {"GIT_COMMITTER_NAME": "uji", "GIT_COMMITTER_EMAIL": "uji@contoh.test"}
    subprocess.run(shlex.split(command), cwd=folder, env=env, check=True, capture_output=True)


def test_guide_publish_commits_new_files_and_a_fresh_clone_validates(tmp_path: Path) -> None:
    commands = section_commands("Menerbitkan")
    assert commands[-1] == "git push" and not any("commit -a" in c for c in commands)
    root = copy_package(tmp_path / "paket")
    for command in ("git init -q", "git add -A", "git commit -qm awal"):
        run(root, command)
    source = root / csvio.read(root / "data" / "dokumen.csv")[0]["sumber"]
    text = source.read_text(encoding="utf-8").replace("Tahun Anggaran : 2024", "Tahun Anggaran : 2025")
    (tmp_path / "rkt-2025.txt").write_text(text, encoding="utf-8")
    assert cli.main(["--root", str(root), "import", str(tmp_path / "rkt-2025.txt")]) == 0
    run(root, "git reset -q")  # as if imported by hand: the guide's commands alone must add every file
    for command in commands[:-1]:
        run(root, command)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True).stdout
    assert status == "", "nothing the import wrote is left out of the commit"
    clone = tmp_path / "klon"
    run(tmp_path, f"git clone -q {root} {clone}")
    assert (clone / "data" / "sumber" / "rkt-2025.txt").is_file()
    assert validate(clone) == []
