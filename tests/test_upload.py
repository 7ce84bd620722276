"""The browser path, tested here: what `make check-upload` does in the pull-request workflow.

A maintainer uploads files into masukan/ on a branch; the workflow runs
`make prepare-upload` and `make check-upload REPORT=… PATCH=… TREE=…` (the same
`python -m kinerja check-upload` as below), shows the report, and commits the patch
to the branch. Branches where main moved on, sheets in masukan/lembar/ and the
revision's note are tested without building in tests/test_upload_flow.py.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

from _site import Builder, copy_project, copy_upload_folder
from kinerja import cli

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "tests" / "fixtures" / "impor" / "rkt-uji-kategori.txt"


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True).stdout


def repository(folder: Path) -> Path:
    """A project copy that is a git repository with one commit, as the workflow's checkout is."""
    project = copy_project(folder)
    copy_upload_folder(project)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "-c", "user.name=uji", "-c", "user.email=uji@contoh.test", "commit", "-qm", "awal")
    return project


#: SHA-256 of datapackage.json and of every file under data/.
digest = cli.package_files


def test_a_good_upload_is_imported_built_reported_and_given_as_a_patch(
    tmp_path: Path, builder: Builder
) -> None:
    project = repository(tmp_path / "p")
    shutil.copy(PLAN, project / "masukan" / PLAN.name)
    git(project, "add", "-A")  # the upload is a commit on the pull request's branch
    git(project, "-c", "user.name=uji", "-c", "user.email=uji@contoh.test", "commit", "-qm", "unggah")
    branch = tmp_path / "cabang"
    git(tmp_path, "clone", "-q", str(project), str(branch))
    report, patch, tree = tmp_path / "laporan.md", tmp_path / "impor.patch", tmp_path / "pohon"
    result = builder.run(
        project, "check-upload", "--report", str(report), "--patch", str(patch), "--tree", str(tree)
    )
    assert result.returncode == 0, result.stderr + result.stdout
    text = report.read_text(encoding="utf-8")
    assert "**Hasil pemeriksaan: lolos.**" in text and f"| `masukan/{PLAN.name}` | diimpor |" in text
    assert "make " not in text and "situs diperbarui dalam beberapa menit oleh alur kerja Pages" in text
    assert "7 indikator" in text and "## Catat sebagai anomali" in text
    assert "tidak punya program/kegiatan" in text, "the import's doubts are listed for a person"
    assert not (project / "masukan" / PLAN.name).exists(), "an imported upload leaves masukan/"
    assert (project / "site" / "kinerja" / "indikator" / "ik26-s01" / "index.html").is_file()
    # What the workflow's last job does: apply the patch to the branch as it was uploaded.
    git(branch, "apply", "--index", str(patch))
    assert digest(branch) == digest(project), "applying the patch gives the imported package"
    assert git(branch, "write-tree").strip() == tree.read_text(encoding="utf-8").strip()
    assert not (branch / "masukan" / PLAN.name).exists()


def test_a_bad_upload_reports_every_problem_and_changes_nothing(tmp_path: Path, builder: Builder) -> None:
    project = repository(tmp_path / "p")
    (project / "masukan" / "rkt-2025.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\n")
    text = PLAN.read_text(encoding="utf-8").replace("\tBB\n", "\tsangat bagus\n")
    (project / "masukan" / "rkt-2026.txt").write_text(text, encoding="utf-8")
    before = digest(project)
    report = tmp_path / "laporan.md"
    result = builder.run(
        project, "check-upload", "--report", str(report), "--patch", str(tmp_path / "x.patch")
    )
    assert result.returncode == 1
    text = report.read_text(encoding="utf-8")
    assert "**Hasil pemeriksaan: 2 masalah.**" in text and "Tidak ada yang disimpan atau diterbitkan" in text
    assert "rkt-2025.txt: berkas ini PDF" in text and "Cara memperbaiki:" in text and "make " not in text
    assert "rkt-2026.txt, baris 13, kolom 'Target': target 'sangat bagus' tidak dapat dibaca" in text
    assert digest(project) == before and not (project / "site").exists()
    assert (project / "masukan" / "rkt-2025.txt").exists(), "a refused upload stays for the next attempt"
    assert not (tmp_path / "x.patch").exists()


def test_an_empty_upload_folder_says_what_to_do(tmp_path: Path, builder: Builder) -> None:
    project = repository(tmp_path / "p")
    report = tmp_path / "laporan.md"
    result = builder.run(project, "check-upload", "--report", str(report))
    text = report.read_text(encoding="utf-8")
    assert result.returncode == 1 and "tidak ada berkas unggahan" in text and "lolos" not in text


def test_the_workflow_runs_the_make_target_the_tests_run() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "periksa-unggahan.yml").read_text("utf-8"))
    runs = [s.get("run", "") for s in workflow["jobs"]["periksa"]["steps"]]
    assert any(r.startswith("make check-upload REPORT=") and "PATCH=" in r and "TREE=" in r for r in runs)
    assert any("make prepare-upload BASE=" in r for r in runs)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("check-upload: setup\n", 1)[1].split("\n\n", 1)[0]
    for option in ("--report", "--patch", "--tree", "--keterangan"):
        assert option in recipe
    assert "-m kinerja check-upload" in recipe
    prepare = makefile.split("prepare-upload: setup\n", 1)[1].split("\n", 1)[0]
    assert "-m kinerja prepare-upload --base" in prepare
