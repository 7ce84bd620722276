"""Builds are atomic (a failed or killed build leaves site/ as it was) and byte-reproducible."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from _site import copy_project
from kinerja import atomic, paths, pipeline
from kinerja.errors import BuildError
from kinerja.outputs import harden


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, built_site: Path) -> Path:
    """A copy of the session's built project with its site/ (the tests below change it)."""
    return shutil.copytree(built_site.parent, tmp_path_factory.mktemp("proyek") / "p")


@pytest.fixture(scope="module")
def first_site(project: Path) -> tuple[Path, dict[str, str]]:
    output = project / "site"
    return output, tree_digest(output)


def test_two_clean_builds_are_byte_identical(project, first_site, tmp_path, builder):
    """A second build, in another folder, gives the same bytes as the session's build; it removes the
    scratch folder a killed build left and leaves none of its own."""
    output, digest = first_site
    killed = project / f"{paths.BUILD_WORK_PREFIX}mati"
    killed.mkdir()
    (killed / "rencana.json").write_text("{}", encoding="utf-8")
    again = builder.build(project, tmp_path / "site2")
    assert again.returncode == 0, again.stderr
    assert not list(project.glob(paths.BUILD_WORK_PREFIX + "*")), "folder kerja pembangunan tertinggal"
    second = tree_digest(tmp_path / "site2")
    assert set(second) == set(digest)
    changed = [name for name in digest if digest[name] != second[name]]
    assert not changed, f"berbeda: {changed[:10]}"


def test_failed_build_leaves_previous_site_untouched(project, first_site, builder):
    output, digest = first_site
    csv = project / "data" / "indikator.csv"
    original = csv.read_text(encoding="utf-8")
    broken = original.replace('"77,5%",angka,77.5,', '"77,5%",angka,99,')
    assert broken != original
    csv.write_text(broken, encoding="utf-8")
    try:
        result = builder.build(project, output)
    finally:
        csv.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "data/indikator.csv, baris" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(output) == digest


def test_killed_build_leaves_previous_site_untouched(project, first_site, builder):
    output, digest = first_site
    process = subprocess.Popen(
        builder.command(project, "build", "--output", str(output)),
        cwd=project,
        env=builder.env(project),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    staging: list[Path] = []
    while time.monotonic() < deadline and not staging:
        staging = [p for p in output.parent.glob(".site-baru-*") if any(p.iterdir())]
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert staging, "pembangunan tidak sampai ke tahap MkDocs"
    assert tree_digest(output) == digest


def test_disk_full_and_unwritable_site_give_one_clear_line(monkeypatch, tmp_path):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    assert "disk penuh" in atomic.os_message(OSError(errno.ENOSPC, "x"), tmp_path)
    message = atomic.os_message(PermissionError(errno.EACCES, "x", str(tmp_path / "site")), tmp_path)
    assert "tidak boleh menulis" in message and "site" in message
    monkeypatch.setattr(pipeline, "mkdocs_build", full)
    monkeypatch.setattr(pipeline, "generate", lambda root, package=None, dates=None: package)
    with pytest.raises(BuildError, match="disk penuh"):
        pipeline.build(Path(__file__).resolve().parents[1], tmp_path / "site")
    assert not list(tmp_path.glob(".site-baru-*")), "folder sementara harus dibersihkan"


def test_missing_tool_is_reported_plainly(monkeypatch, tmp_path):
    def no_module(*args, **kwargs):
        return subprocess.CompletedProcess(args, 1, "", "/usr/bin/python3: No module named mkdocs\n")

    monkeypatch.setattr(pipeline.subprocess, "run", no_module)
    with pytest.raises(BuildError, match="MkDocs belum terpasang. Jalankan 'make site'"):
        pipeline.mkdocs_build(tmp_path, tmp_path / "out", 0)

    def not_found(*args, **kwargs):
        raise FileNotFoundError(2, "No such file", "python")

    monkeypatch.setattr(pipeline.subprocess, "run", not_found)
    with pytest.raises(BuildError, match="tidak ditemukan"):
        pipeline.mkdocs_build(tmp_path, tmp_path / "out", 0)


def test_csp_hashes_every_inline_script_and_nothing_else():
    page = (
        "<html><head><title>x</title></head><body>"
        '<script>var a=1;</script><script src="x.js"></script>'
        '<script type="application/json">{"a":1}</script>'
        '<a href="https://contoh.id/">luar</a><a href="/dalam/">dalam</a></body></html>'
    )
    hardened = harden.harden_page(page)
    assert "'sha256-" in hardened and hardened.count("'sha256-") == 1
    assert 'http-equiv="Content-Security-Policy"' in hardened.split("<title>")[0]
    assert 'href="https://contoh.id/" rel="noopener noreferrer"' in hardened
    assert '<a href="/dalam/">' in hardened


def test_built_pages_carry_csp_with_their_own_hashes(built_site):
    for page in [built_site / "index.html", built_site / "kinerja" / "indikator" / "ik24-s01" / "index.html"]:
        text = page.read_text(encoding="utf-8")
        head = text.split("</head>")[0]
        assert 'http-equiv="Content-Security-Policy"' in head
        for expression in harden.script_hashes(text):
            assert expression in head
        assert "unsafe-eval" not in head and "'unsafe-inline'" not in head.split("style-src")[0]


def test_package_is_read_once_until_a_file_changes(tmp_path):
    """Zensical runs main.py once per page: the package is cached, and read again when a file changes."""
    from kinerja import model

    project = copy_project(tmp_path / "proyek")
    first = model.load_cached(project)
    assert model.load_cached(project) is first
    glossary = project / "data" / "glosarium.csv"
    text = glossary.read_text(encoding="utf-8")
    changed = text.replace("PAW,Penggantian Antarwaktu,", "PAW,Penggantian Antar Waktu,", 1)
    glossary.write_text(changed, encoding="utf-8")
    second = model.load_cached(project)
    assert second is not first
    assert [g.kepanjangan for g in second.glosarium if g.singkatan == "PAW"] == ["Penggantian Antar Waktu"]
