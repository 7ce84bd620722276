"""Every broken input of `make import` ends in clear Indonesian lines, a non-zero exit, and data/ unchanged.

The cases are in tests/fixtures/impor/rusak.yaml. Each is imported through the
command line (kinerja.cli.main, as `make import` runs it) into a copy of the
package; the test checks the problem codes, that every line names the file,
that nothing printed looks like a traceback, and that datapackage.json and
data/ are byte-identical afterwards.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURE, copy_package
from kinerja import cli
from kinerja.errors import ProblemsFound
from kinerja.update import import_document

ROOT = Path(__file__).resolve().parents[1]
SOURCE = FIXTURE / "data" / "sumber" / "rkt-2024-kpu-kaltim.txt"
CASES = yaml.safe_load((ROOT / "tests" / "fixtures" / "impor" / "rusak.yaml").read_text(encoding="utf-8"))


#: SHA-256 of datapackage.json and of every file under data/ (the helper `make import` stages with).
package_digest = cli.package_files


def source_text(make: dict[str, Any]) -> str:
    text = SOURCE.read_text(encoding="utf-8")
    for old, new in make.get("replace", []):
        assert old in text, f"{old!r} tidak ada di teks sumber: kasus tidak cocok lagi dengan dokumen"
        text = text.replace(old, new, 1)
    return text


def write_input(case: dict[str, Any], folder: Path) -> Path:
    """Make the broken input of a case in `folder` and return its path."""
    make, path = case["make"], folder / case["file"]
    if make.get("missing"):
        return path
    if make.get("folder"):
        path.mkdir()
    elif "bytes_hex" in make:
        path.write_bytes(bytes.fromhex(make["bytes_hex"]))
    elif "text" in make:
        path.write_text(make["text"], encoding="utf-8")
    elif make.get("docx"):
        from test_import import write_docx

        text_file = folder / "sumber.txt"
        text_file.write_text(source_text(make), encoding="utf-8")
        word = folder / "dokumen.docx"
        write_docx(word, text_file)
        word.rename(path)
    else:
        path.write_bytes(source_text(make).encode(make.get("encoding", "utf-8")))
    return path


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_broken_import_is_refused_clearly_and_changes_nothing(
    case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_package(tmp_path / "paket")
    path = write_input(case, tmp_path)
    before = package_digest(root)
    with pytest.raises(ProblemsFound) as caught:
        import_document(root, path)
    problems = caught.value.problems
    expect = case["expect"]
    assert [p.code for p in problems] == expect["codes"]
    first = problems[0]
    assert first.file.startswith(case["file"]), first
    if "file_part" in expect:
        assert expect["file_part"] in first.file, first
    if "row" in expect:
        assert first.row == expect["row"], first
    if "field" in expect:
        assert first.field == expect["field"], first
    if "text" in expect:
        assert expect["text"] in first.what + first.fix, first
    assert package_digest(root) == before, "data/ dan datapackage.json tidak boleh berubah"
    assert not list(root.glob(".paket-baru-*")), "salinan sementara harus dihapus"

    code = cli.main(["--root", str(root), "import", str(path)])
    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 1 and not out
    summary = ["GAGAL: "] if len(problems) > 1 else []
    assert len(lines) == len(problems) + len(summary), lines
    assert [line[:7] for line in lines[len(problems) :]] == summary, lines
    assert all(line.startswith(case["file"]) for line in lines[: len(problems)]), lines
    assert all("Cara memperbaiki:" in line for line in lines[: len(problems)]), lines
    assert "Traceback" not in err and "Error" not in err
    assert package_digest(root) == before


def test_corpus_covers_what_the_issue_names() -> None:
    codes = {code for case in CASES for code in case["expect"]["codes"]}
    wanted = {"berkas_tidak_ada", "berkas_kosong", "berkas_pdf", "bukan_utf8", "susunan_dokumen"}
    wanted |= {"target_tidak_terbaca", "jenis_tidak_didukung", "docx_rusak"}
    assert wanted <= codes and len(CASES) >= 12


def test_no_traceback_from_the_real_command_line(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "paket")
    empty = tmp_path / "kosong.txt"
    empty.write_text("", encoding="utf-8")
    for path in (tmp_path / "tidak-ada.txt", empty):
        result = subprocess.run(
            [sys.executable, "-m", "kinerja", "--root", str(root), "import", str(path)],
            env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 1, result.stderr
        assert path.name in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, "satu masalah, satu baris"
