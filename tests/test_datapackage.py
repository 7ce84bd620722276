"""The package object: datapackage.json and its files read once, from paths the descriptor gives.

A build reads each data file once in its own process (validation's four layers, the model and
the downloads share one DataPackage); MkDocs' macros (main.py) read it once more in MkDocs' own
process. Counted here with an audit hook on the "open" event, on a copy of the frozen package.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE, copy_package, git_at
from kinerja import pipeline
from kinerja.datapackage import DataPackage
from kinerja.validate import validate

_WATCHED: list[str] = []
_OPENED: list[str] = []


def _audit(event: str, args: tuple) -> None:
    """Count the opens of the watched files (an audit hook cannot be removed, so it watches a list)."""
    if event == "open" and _WATCHED and isinstance(args[0], (str, os.PathLike)):
        opened = os.path.abspath(os.fspath(args[0]))
        if opened in _WATCHED:
            _OPENED.append(opened)


sys.addaudithook(_audit)


def test_validate_model_and_generate_open_each_data_file_once(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "paket")
    indikator = str((root / "data" / "indikator.csv").resolve())
    _WATCHED[:] = [indikator, str((root / "data" / "sasaran.csv").resolve())]
    _OPENED.clear()
    try:
        package = pipeline.load_valid(root)
        pipeline.generate(root, package)
    finally:
        watched, _WATCHED[:] = list(_WATCHED), []
    assert (root / "content" / "berkas" / "indikator.csv").is_file(), "generate wrote the downloads"
    assert sorted(_OPENED) == sorted(watched), _OPENED


def test_reading_the_history_opens_no_data_file_again(tmp_path: Path) -> None:
    """In git, the office dates read the header of each file a commit changed from the same package."""
    root = copy_package(tmp_path / "paket")
    names = ("indikator.csv", "sasaran.csv")
    full = {name: (root / "data" / name).read_bytes() for name in names}
    for name, data in full.items():  # the first commit lacks the last row, the second adds it
        (root / "data" / name).write_bytes(data[: data.rstrip(b"\n").rfind(b"\n") + 1])
    git_at(root, 1717200000, "init", "-q")
    for step in ("pertama", "kedua"):
        git_at(root, 1717200000, "add", "-A")
        git_at(root, 1717200000, "commit", "-q", "-m", step)
        for name, data in full.items():
            (root / "data" / name).write_bytes(data)
    _WATCHED[:] = [str((root / "data" / name).resolve()) for name in names]
    _OPENED.clear()
    try:
        package = pipeline.load_valid(root)
        changed, offices = pipeline.data_dates(root, package)
        pipeline.generate(root, package, (changed, offices))
    finally:
        watched, _WATCHED[:] = list(_WATCHED), []
    assert offices, "the history was read"
    assert sorted(_OPENED) == sorted(watched), _OPENED


def test_paths_come_from_the_descriptor(tmp_path: Path) -> None:
    """A resource moved to another file under data/ is read from there, by everything."""
    root = copy_package(tmp_path / "paket")
    (root / "data" / "indikator.csv").rename(root / "data" / "indikator-2024.csv")
    text = (root / "datapackage.json").read_text(encoding="utf-8")
    (root / "datapackage.json").write_text(
        text.replace('"path": "data/indikator.csv"', '"path": "data/indikator-2024.csv"'), encoding="utf-8"
    )
    package = DataPackage(root)
    assert package.path("indikator") == "data/indikator-2024.csv"
    assert validate(package) == []
    model = pipeline.load_valid(package)
    assert model.tables["indikator"].path == "data/indikator-2024.csv"
    assert len(model.indikator) == len(package.rows("indikator")) > 0


def test_a_package_in_memory_reads_changed_files_from_memory() -> None:
    original = (FIXTURE / "data" / "sasaran.csv").read_bytes()
    changed = original.replace(b"SS24-S03,", b"SS24-S03 ,", 1)
    assert changed != original
    package = DataPackage(FIXTURE, {"data/sasaran.csv": changed})
    problems = validate(package)
    assert [(p.code, p.file, p.field) for p in problems] == [("spasi_di_kode", "data/sasaran.csv", "id")]
    assert (FIXTURE / "data" / "sasaran.csv").read_bytes() == original
    assert not DataPackage(FIXTURE, {"data/program.csv": None}).exists("data/program.csv")


@pytest.mark.parametrize("rel", ["datapackage.json", "data/indikator.csv"])
def test_each_file_is_read_once(rel: str, monkeypatch: pytest.MonkeyPatch) -> None:
    package = DataPackage(FIXTURE)
    reads: list[Path] = []
    real = Path.read_bytes

    def counting(self: Path) -> bytes:
        reads.append(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    first = package.read(rel)
    assert package.read(rel) is first
    assert package.rows("indikator") is package.rows("indikator")
    assert reads.count(FIXTURE / rel) == 1


def test_only_the_descriptor_and_files_inside_data_are_read(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "paket")
    (tmp_path / "rahasia.csv").write_text("id\nRAHASIA\n", encoding="utf-8")
    (root / "data" / "tautan.csv").symlink_to(tmp_path / "rahasia.csv")
    package = DataPackage(root)
    assert package.read("datapackage.json")
    assert package.read("data/indikator.csv")
    for outside in ("../rahasia.csv", str(tmp_path / "rahasia.csv"), "data/tautan.csv"):
        assert package.read(outside) is None and not package.exists(outside), outside
