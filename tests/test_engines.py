"""The exit from MkDocs: ProperDocs builds the same site, page for page.

MkDocs 1.6.1 is no longer maintained and Material for MkDocs reaches its end of
life on 5 May 2027 (docs/keputusan.md, "Mesin situs setelah 5 Mei 2027").
ProperDocs, the maintained MkDocs 1.x fork, is installed from requirements.lock
beside MkDocs. Here the same pipeline (`python -m kinerja build --engine
properdocs`: generate, build strict, every post-build step) builds a copy of
the project, and every file must equal the MkDocs build of `built_site` byte
for byte; an HTML page may differ only in its generator meta tag (and so shards.json, which counts
the pages' bytes, only in its byte counts; the embed cards, written by the generator and copied by the
engine, not even in that).
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
from pathlib import Path

import pytest

from _site import Builder, copy_project
from kinerja import paths, pipeline
from kinerja.errors import BuildError
from kinerja.paths import SHARDS

#: The one place where the engines' pages may differ: `<meta name="generator" content="…">` in <head>.
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory, builder: Builder) -> Path:
    """A copy of the project built by the real pipeline with ProperDocs instead of MkDocs."""
    if importlib.util.find_spec("properdocs") is None:
        pytest.fail(
            "PROPERDOCS TIDAK TERPASANG: ia tercantum di requirements.lock; jalankan 'make setup'.",
            pytrace=False,
        )
    project = copy_project(tmp_path_factory.mktemp("properdocs") / "p")
    output = project / "site"
    result = builder.run(project, "build", "--output", str(output), "--engine", "properdocs")
    assert result.returncode == 0, result.stderr + result.stdout
    return output


def test_properdocs_builds_the_same_site_as_mkdocs(built_site: Path, properdocs_site: Path) -> None:
    """Same files; every file byte for byte the same, except each page's generator tag."""
    mkdocs_files, properdocs_files = _files(built_site), _files(properdocs_site)
    assert sorted(properdocs_files) == sorted(mkdocs_files)
    pages = [name for name in mkdocs_files if name.endswith(".html")]
    assert "index.html" in pages and any(name.startswith("kinerja/indikator/") for name in pages)
    differ = []
    for name, path in mkdocs_files.items():
        ours, theirs = path.read_bytes(), properdocs_files[name].read_bytes()
        if name == SHARDS:  # it counts the pages' bytes, which differ by the generator tags
            ours, theirs = (
                json.dumps([{**s, "bytes": 0} for s in json.loads(b)]).encode() for b in (ours, theirs)
            )
        if not name.endswith(".html") or name.endswith("/" + paths.EMBED):  # embed cards: copied as written
            if ours != theirs:
                differ.append(name)
            continue
        # The tag proves which engine wrote the page (otherwise two MkDocs builds would pass too).
        assert [tag.split(b",")[0] for tag in GENERATOR.findall(ours)] == [b"mkdocs-1.6.1"], name
        assert b"ProperDocs" in b"".join(GENERATOR.findall(theirs)), name
        if GENERATOR.sub(b"", ours) != GENERATOR.sub(b"", theirs):
            differ.append(name)
    assert not differ, f"{len(differ)} berkas berbeda antara MkDocs dan ProperDocs: {differ[:10]}"


def test_the_engine_is_chosen_in_one_place(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`make site` builds with pipeline.ENGINE (MkDocs); another engine is named in its messages."""
    assert pipeline.ENGINE == "mkdocs" and set(pipeline.ENGINES) == {"mkdocs", "properdocs"}
    seen: list[list[str]] = []

    def no_module(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        seen.append(command)
        return subprocess.CompletedProcess(command, 1, "", f"python: No module named {command[2]}\n")

    monkeypatch.setattr(pipeline.subprocess, "run", no_module)
    with pytest.raises(BuildError, match="ProperDocs belum terpasang"):
        pipeline.mkdocs_build(tmp_path, tmp_path / "out", 0, "properdocs")
    with pytest.raises(BuildError, match="MkDocs belum terpasang"):
        pipeline.mkdocs_build(tmp_path, tmp_path / "out", 0)
    assert [command[1:4] for command in seen] == [["-m", "properdocs", "build"], ["-m", "mkdocs", "build"]]
    assert all(command[command.index("-f") + 1] == str(tmp_path / pipeline.CONFIG) for command in seen)
