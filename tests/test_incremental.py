"""The build cache (scripts/kinerja/outputs/tembolok.py): a build after a change equals a clean build.

A synthetic project of two offices (bench/synthetic.py, from the frozen package: the real one and
one added), kept in git as a maintainer's is, is built once, then changed three times, separately: one
office's realisation (committed, so the build's date and the data's date move as they do on the Pages
workflow), a shared input (the glossary), a template. After each change the project is built again with
its cache, and a clone of it with the same inputs is built without one: the two sites must be equal in
every byte of every file. A corrupt cache and a failed build are checked too.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
from pathlib import Path
from unittest import mock

import pytest

from _site import Builder, copy_project
from bench import synthetic
from conftest import git_at
from kinerja import csvio, paths
from kinerja.errors import BuildError
from kinerja.outputs import fmt, shards, tembolok

OFFICE = "6401"
#: When the project's first commit and the realisation's commit were made (committer time).
FIRST, SECOND = 1_717_200_000, 1_735_689_600
INPUTS = ("datapackage.json", "data", "content", "overrides", "scripts", "main.py", "mkdocs.yml")


def _differences(left: Path, right: Path) -> list[str]:
    """Every path that is missing on one side or differs in its bytes (a recursive, shallow=False diff)."""
    found: list[str] = []

    def walk(compare: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in compare.left_only + compare.right_only + compare.funny_files)
        common = compare.common_files
        _, mismatch, errors = filecmp.cmpfiles(compare.left, compare.right, common, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in compare.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(found)


def _build(project: Path) -> Path:
    """Build as the Pages workflow does: the build's date is the last commit's (no SOURCE_DATE_EPOCH)."""
    result = Builder().run(project, "build", SOURCE_DATE_EPOCH="")
    assert result.returncode == 0, result.stderr
    return project / "site"


def _commit(project: Path, epoch: int, *names: str) -> None:
    """Commit `names` (everything when none) at `epoch`, as a maintainer's commit would."""
    git_at(project, epoch, "add", "--", *(names or ["."]))
    git_at(project, epoch, "commit", "-q", "-m", "uji")


def _clean_build(project: Path, clean: Path) -> Path:
    """The same inputs as `project` (its history cloned, its files copied over the clone's: nothing
    generated, no cache) built in `clean`."""
    shutil.rmtree(clean, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", str(project), str(clean)], check=True)
    for name in INPUTS:
        shutil.rmtree(clean / name, ignore_errors=True)
        source = project / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", *paths.GENERATED) if name == "content" else None
            shutil.copytree(source, clean / name, ignore=ignore)
        else:
            shutil.copy2(source, clean / name)
    return _build(clean)


def _page(site: Path, code: str) -> Path:
    return site / paths.page_url("indikator", code) / "index.html"


def _contents(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every file under folder with its inode, size and modification time."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            found[path.relative_to(folder).as_posix()] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, builder: Builder) -> Path:
    """A project of two offices, built once (which fills its cache); `builder` makes its tests site tier."""
    real = copy_project(tmp_path_factory.mktemp("asli") / "proyek")
    root = synthetic.write_project(real, tmp_path_factory.mktemp("dua") / "proyek", 2).root
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    _commit(root, FIRST)
    _build(root)
    return root


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bersih") / "proyek"


def test_one_office_realisation_rebuilds_that_office_only_and_equals_a_clean_build(
    project: Path, clean: Path
) -> None:
    site = project / "site"
    other = next(
        row["id"] for row in csvio.read(project / "data" / "indikator.csv") if row["id"].startswith("IK24-K")
    )
    before = _page(site, other).stat().st_ino
    files_before = _contents(site)
    changed = synthetic.add_realisation(project, OFFICE)
    changed_before = _page(site, changed).read_bytes()
    _commit(project, SECOND, "data")  # a new commit: the build's date and the data's date both move
    _build(project)
    assert _page(site, other).stat().st_ino == before, "an unchanged office's page was built again"
    # Only the office's own files and shared ones change: the other office's shard is uploaded as it was.
    files_after = _contents(site)
    moved = {p for p in files_before.keys() | files_after.keys() if files_before.get(p) != files_after.get(p)}
    kantor = csvio.read(project / "data" / "kantor.csv")
    home = next(row["id"] for row in kantor if row["utama"] == "ya")
    offices = {row["id"].lower(): row["id"] for row in kantor}
    owners = {path: shards.owner(path, offices, home) for path in moved}
    assert {o[0] for o in owners.values() if o is not None} == {OFFICE}, sorted(moved)
    page = _page(site, changed).read_text(encoding="utf-8")
    assert page.encode() != changed_before, "the changed office's page was not rebuilt"
    assert fmt.tanggal_epoch(SECOND) in page, "the changed office's page must show its new date"
    assert fmt.tanggal_epoch(FIRST) in _page(site, other).read_text(encoding="utf-8")
    assert _differences(site, _clean_build(project, clean)) == []


def test_a_shared_input_change_equals_a_clean_build(project: Path, clean: Path) -> None:
    glossary = project / "data" / "glosarium.csv"
    text = glossary.read_text(encoding="utf-8")
    old = "Dokumen menyebut"
    assert old in text, "the frozen glossary no longer has the sentence this test extends"
    glossary.write_text(text.replace(old, "Tercatat pula: " + old, 1), encoding="utf-8", newline="")
    assert _differences(_build(project), _clean_build(project, clean)) == []


def test_a_template_change_rebuilds_every_page_and_equals_a_clean_build(project: Path, clean: Path) -> None:
    site = project / "site"
    page = next((site / "kinerja" / "indikator").glob("*/index.html"))
    before = page.stat().st_ino
    template = project / "overrides" / "main.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n{#- ubah -#}\n", encoding="utf-8")
    _build(project)
    assert page.stat().st_ino != before, "a code change must invalidate the cache"
    assert _differences(site, _clean_build(project, clean)) == []


def test_a_corrupt_cache_never_gives_a_wrong_site(project: Path, tmp_path: Path) -> None:
    """With the inputs unchanged every page would come from the cache, so each damaged entry must be
    noticed. The expected site is the one built before the damage: the module's first build started
    without a cache, and every later build was compared with a clean build of its inputs."""
    expected = shutil.copytree(project / "site", tmp_path / "sebelum")
    cache = project / paths.BUILD_CACHE
    blob = next((cache / tembolok.BLOBS).glob("*/*"))
    blob.unlink()  # a missing page
    victim = next(p for p in (cache / tembolok.BLOBS).glob("*/*") if p.stat().st_size > 100)
    data = victim.read_bytes()
    victim.unlink()  # a page cut short, as a crash might leave it (a new file: the site keeps its own)
    victim.write_bytes(data[: len(data) // 2])
    assert _differences(_build(project), expected) == []
    (cache / tembolok.INDEX).write_bytes(b"\x80 bukan indeks")
    assert _differences(_build(project), expected) == []


def test_a_failed_build_leaves_site_and_cache_as_they_were(project: Path) -> None:
    site, cache = _snapshot(project / "site"), _snapshot(project / paths.BUILD_CACHE)
    synthetic.add_realisation(project, OFFICE)
    # The last step over the built site fails: every page was already restored from the cache and rewritten.
    with mock.patch.object(shards, "finish", side_effect=BuildError("langkah terakhir gagal (uji)")):
        result = Builder().run(project, "build")
    assert result.returncode != 0 and "langkah terakhir gagal" in result.stderr
    assert _snapshot(project / "site") == site
    assert _snapshot(project / paths.BUILD_CACHE) == cache
    assert not [p for p in project.iterdir() if p.name.startswith((".site-baru-", paths.BUILD_WORK_PREFIX))]


def test_the_cache_key_changes_with_the_address_and_the_engine(project: Path) -> None:
    files = tembolok.content_files(project / paths.CONTENT)
    key = tembolok.global_key(project, files, "mkdocs")
    assert tembolok.global_key(project, files, "properdocs") != key
    os.environ["SITE_URL"], saved = "https://contoh.test/", os.environ.get("SITE_URL")
    try:
        assert tembolok.global_key(project, files, "mkdocs") != key
    finally:
        if saved is None:
            del os.environ["SITE_URL"]
        else:
            os.environ["SITE_URL"] = saved
