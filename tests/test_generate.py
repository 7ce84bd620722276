"""Generating content/ again: unchanged files are left alone, changed ones replaced, old ones removed.

The site and the build cache hold hard links of the generated files, so a changed file must get a
new inode (the published one keeps its bytes), and content/ must end exactly as a clean generation
leaves it (outputs/writer.py).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from conftest import apply_steps, copy_package
from kinerja import paths, pipeline
from kinerja.atomic import PARTIAL
from kinerja.errors import BuildError
from kinerja.outputs import registry
from kinerja.outputs.writer import ContentWriter


def _tree(content: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under the generated folders: (inode, bytes)."""
    found = {}
    for name in paths.GENERATED:
        for path in sorted((content / name).rglob("*")):
            if path.is_file():
                found[path.relative_to(content).as_posix()] = (path.stat().st_ino, path.read_bytes())
    return found


def test_writer_leaves_same_bytes_alone_and_replaces_changed_files(tmp_path: Path) -> None:
    same, changed = tmp_path / "a" / "sama.md", tmp_path / "a" / "ubah.md"
    first = ContentWriter()
    first.write_text(same, "tetap\n")
    first.write_text(changed, "lama\n")
    linked = tmp_path / "situs-lama.md"
    os.link(changed, linked)  # as the published site holds it
    inode = same.stat().st_ino
    second = ContentWriter()
    second.write_text(same, "tetap\n")
    second.write_text(changed, "baru\n")
    assert same.stat().st_ino == inode
    assert changed.read_text(encoding="utf-8") == "baru\n"
    assert linked.read_text(encoding="utf-8") == "lama\n", "a linked copy must keep its bytes"
    assert not list(tmp_path.rglob(f"*{PARTIAL}"))


def test_remove_others_keeps_exactly_what_was_written(tmp_path: Path) -> None:
    top = tmp_path / "kinerja"
    (top / "lama" / "dalam").mkdir(parents=True)
    (top / "lama" / "dalam" / "x.md").write_text("x", encoding="utf-8")
    (top / f".setengah.md{PARTIAL}").write_text("terpotong", encoding="utf-8")
    writer = ContentWriter()
    writer.write_text(top / "baru" / "y.md", "y")
    writer.remove_others([top, tmp_path / "tidak-ada"])
    assert sorted(p.relative_to(top).as_posix() for p in top.rglob("*")) == ["baru", "baru/y.md"]


def test_generating_again_touches_only_what_changed(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "proyek")
    pipeline.generate(root)
    content = root / paths.CONTENT
    before = _tree(content)
    stray = content / paths.PAGES / "lama" / "ik24-s99.md"
    stray.parent.mkdir()
    stray.write_text("halaman lama yang tidak dibuat lagi", encoding="utf-8")
    pipeline.generate(root)
    assert _tree(content) == before, "the same data must leave every file as it was, and nothing else"

    glossary = [{"replace": {"old": "Dokumen menyebut", "new": "Tercatat pula: Dokumen menyebut"}}]
    apply_steps(root, "data/glosarium.csv", glossary)
    pipeline.generate(root)
    after = _tree(content)
    clean = copy_package(tmp_path / "bersih", root)
    pipeline.generate(clean)
    assert {k: v[1] for k, v in after.items()} == {k: v[1] for k, v in _tree(clean / paths.CONTENT).items()}
    kept = [name for name in after if name in before and after[name] == before[name]]
    replaced = [name for name in after if name in before and after[name][1] != before[name][1]]
    assert kept and replaced, "some files change with the glossary, most do not"
    assert all(after[name][0] != before[name][0] for name in replaced), "a changed file gets a new inode"


def _contents(content: Path) -> dict[str, bytes]:
    return {name: data for name, (_, data) in _tree(content).items()}


def test_pages_written_beside_the_downloads_are_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large package has its pages written in a second process (pipeline._beside): same content/."""
    one = copy_package(tmp_path / "satu")
    pipeline.generate(one)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)
    two = copy_package(tmp_path / "dua")
    stale = two / paths.CONTENT / "kinerja" / "indikator" / "lama.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("dari generasi lama", encoding="utf-8")
    package = pipeline.load_valid(two)
    assert pipeline._beside(package), "the frozen package must be written in two processes here"
    pipeline.generate(two, package)
    assert _contents(two / paths.CONTENT) == _contents(one / paths.CONTENT)
    assert not stale.exists()


def test_a_failure_in_the_pages_process_stops_the_generation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)
    root = copy_package(tmp_path / "proyek")

    def full_disk(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(registry, "write_pages", full_disk)
    with pytest.raises(BuildError, match="disk penuh"):
        pipeline.generate(root)

    def killed(*args: object) -> None:
        os._exit(9)

    monkeypatch.setattr(registry, "write_pages", killed)
    with pytest.raises(BuildError, match="berhenti tanpa laporan"):
        pipeline.generate(root)
