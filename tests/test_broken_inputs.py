"""The corpus of broken inputs (tests/fixtures/broken/): each gives one clear problem, or none.

Every failing case must be reported with exactly the expected code, file, row and
column, in plain Indonesian with a fix, both by `validate()` and by the command
line (`python -m kinerja --root <copy> validate`), which must exit non-zero
without a Python traceback. Legitimate cases (text that merely looks dangerous)
must pass.

Each case is applied to the frozen package in memory (conftest.broken_package: a DataPackage
holding the changed bytes) and validated without copying a file. The cases run through the command
line (one in its own process), and the tests about files on disk (a symlink, a path outside data/),
use a copy.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from _site import run_kinerja
from conftest import (
    FIXTURE,
    ROOT,
    broken_package,
    case_names,
    copy_package,
    expected_problems,
    legitimate_cells,
    load_cases,
    make_broken_copy,
)
from kinerja import cli
from kinerja.datapackage import DataPackage
from kinerja.errors import Problem
from kinerja.validate import validate

#: The kinds of broken input the brief asks for, each mapped to at least one case.
REQUIRED_KINDS = {
    "missing column": ["kolom_hilang"],
    "unknown extra column": ["kolom_asing"],
    "wrong type": ["tipe_salah_angka", "tipe_salah_urutan", "tipe_salah_tanggal"],
    "blank required field": ["wajib_diisi"],
    "duplicate identifier": ["kode_ganda", "kode_ganda_pasangan"],
    "reference to a missing sasaran": ["rujukan_sasaran"],
    "reference to a missing program": ["rujukan_program"],
    "reference to a missing document": ["rujukan_dokumen"],
    "target text that does not parse": ["target_tidak_terbaca"],
    "value disagreeing with the printed target": ["nilai_tidak_cocok"],
    "unit disagreeing with the printed target": ["satuan_tidak_cocok"],
    "file saved as Windows-1252 / Latin-1": ["windows_1252", "latin_1", "bita_liar"],
    "BOM": ["bom"],
    "CRLF": ["crlf"],
    "NBSP and trailing space in an identifier": ["nbsp_di_kode", "spasi_di_kode"],
    "NBSP, trailing and double spaces in a text": [
        "nbsp_di_teks",
        "spasi_di_akhir_teks",
        "spasi_ganda_di_teks",
    ],
    "empty file": ["berkas_kosong"],
    "truncated file": ["berkas_terpotong", "kutip_tidak_ditutup"],
    "datapackage.json with a JSON syntax error": ["json_rusak"],
    "resource path leaving the repository": ["path_relatif_keluar", "path_absolut", "path_lewat_data"],
    "very long cell (legitimate)": ["sah_sel_sangat_panjang"],
    "spreadsheet formulas (legitimate)": [
        "sah_rumus_hyperlink",
        "sah_rumus_plus",
        "sah_rumus_minus",
        "sah_rumus_at",
    ],
    "HTML and script (legitimate)": ["sah_html_script"],
    "Jinja (legitimate)": ["sah_jinja_ekspresi", "sah_jinja_include"],
    "Markdown javascript link (legitimate)": ["sah_tautan_markdown"],
}

_ENV = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "PYTHONDONTWRITEBYTECODE": "1"}
#: The cases run as a real `python -m kinerja` process (the rest call the command line in-process).
REAL_PROCESS = ("json_rusak",)


def run_cli(root: Path, real: bool = False) -> subprocess.CompletedProcess[str]:
    """`python -m kinerja --root <root> validate`, as a user would run it (`real`: in its own process)."""
    if not real:
        return run_kinerja(root, "validate")
    return subprocess.run(
        [sys.executable, "-m", "kinerja", "--root", str(root), "validate"],
        capture_output=True,
        text=True,
        env=_ENV,
        timeout=60,
    )


def located(problems: list[Problem]) -> list[tuple[str, str, int | None, str | None]]:
    """The (code, file, row, field) of each problem, in order."""
    return [(p.code, p.file, p.row, p.field) for p in problems]


def assert_plain_indonesian(problem: Problem) -> None:
    """A message says what is wrong and how to fix it, in Indonesian, without Python internals."""
    text = str(problem)
    assert problem.what.strip() and problem.fix.strip(), text
    assert "Cara memperbaiki:" in text, text
    assert problem.file in text, text
    for leak in ("Traceback", "Error(", "None", "\\x", "\\u"):
        assert leak not in text, f"{leak!r} in: {text}"


def test_corpus_covers_every_required_kind() -> None:
    cases = load_cases()
    for kind, names in REQUIRED_KINDS.items():
        for name in names:
            assert name in cases, f"{kind}: case {name} missing"
    assert len(REQUIRED_KINDS) >= 22
    assert len(cases) >= 22


def test_every_case_is_well_formed() -> None:
    for name, case in load_cases().items():
        assert case.get("description"), name
        assert case.get("steps"), name
        assert bool(case.get("legitimate")) != bool(case.get("expect")), f"{name}: legitimate xor expect"


def cli_output(
    package: DataPackage, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str, list[Problem]]:
    """Exit code, stdout, stderr and problems of `kinerja --root <root> validate`, run in this process.

    The command validates `package` (in memory) in place of the folder it is given; the problems
    are those the command itself got from `validate()` (recorded, not recomputed), so each case is
    validated once for both kinds of assertion.
    """
    seen: list[list[Problem]] = []

    def recording(where: Path) -> list[Problem]:
        assert where == package.root
        seen.append(validate(package))
        return seen[-1]

    monkeypatch.setattr(cli, "validate", recording)
    capsys.readouterr()
    code = cli.main(["--root", str(package.root), "validate"])
    out, err = capsys.readouterr()
    assert len(seen) == 1
    return code, out, err, seen[0]


def assert_cli_names(stderr: str, expected: list[tuple[str, str, int | None, str | None]]) -> None:
    """Each expected problem is one line of stderr naming its file, row and column, with a fix."""
    assert "Traceback" not in stderr
    assert "GAGAL" in stderr
    for code, file, row, field in expected:
        line = next((x for x in stderr.splitlines() if x.endswith(f"[{code}]")), None)
        assert line is not None, stderr
        assert line.startswith(file), line
        assert "Cara memperbaiki:" in line
        if row is not None:
            assert f"baris {row}" in line, line
        if field is not None:
            assert f"kolom '{field}'" in line, line


def test_broken_case_is_reported_exactly(
    broken_case_name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exactly the expected problems, and the command line prints each and exits 1."""
    package = broken_package(broken_case_name)
    code, out, err, problems = cli_output(package, capsys, monkeypatch)
    expected = expected_problems(load_cases()[broken_case_name], package)
    assert located(problems) == expected, "\n".join(map(str, problems))
    for problem in problems:
        assert_plain_indonesian(problem)
    assert (code, out) == (1, "")
    assert_cli_names(err, expected)


#: Cases also run through the command line (one per layer of the validator), the first in its own process.
SUBPROCESS_CASES = ("json_rusak", "path_relatif_keluar", "windows_1252", "kode_ganda", "nilai_tidak_cocok")


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_broken_case_fails_in_a_subprocess(name: str, tmp_path: Path) -> None:
    root = make_broken_copy(name, tmp_path / name)
    result = run_cli(root, real=name in REAL_PROCESS)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout
    assert_cli_names(result.stderr, expected_problems(load_cases()[name], root))


def test_legitimate_case_passes(
    legitimate_case_name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    package = broken_package(legitimate_case_name)
    assert legitimate_cells(legitimate_case_name), "a legitimate case writes at least one cell"
    code, out, err, problems = cli_output(package, capsys, monkeypatch)
    assert problems == []
    assert (code, err) == (0, "")
    assert "Paket data sah." in out


def test_legitimate_case_passes_in_a_subprocess(broken_copy: Callable[[str], Path]) -> None:
    result = run_cli(broken_copy("sah_html_script"))
    assert result.returncode == 0, result.stderr
    assert "Paket data sah." in result.stdout


def test_long_cell_is_really_long() -> None:
    (cell,) = legitimate_cells("sah_sel_sangat_panjang")
    assert len(cell["value"]) >= 5000


def test_legitimate_cells_are_written_verbatim(broken_copy: Callable[[str], Path]) -> None:
    """The helper the site tests reuse returns exactly what ends up in the CSV, on disk and in memory."""
    from kinerja import csvio

    for name in case_names(legitimate=True):
        root, package = broken_copy(name), broken_package(name)
        for cell in legitimate_cells(name):
            rows = csvio.read(root / cell["file"])
            assert rows == package.rows_at(cell["file"]), name
            assert any(row[cell["column"]] == cell["value"] for row in rows), name


def test_frozen_package_passes_on_the_command_line() -> None:
    result = run_cli(FIXTURE, real=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_path_outside_data_is_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A resource pointing outside data/ is refused before any file is opened."""
    root = copy_package(tmp_path / "paket")
    secret = tmp_path / "rahasia.csv"
    secret.write_text("id\nRAHASIA\n", encoding="utf-8")
    text = (root / "datapackage.json").read_text(encoding="utf-8")
    (root / "datapackage.json").write_text(
        text.replace('"path": "data/program.csv"', '"path": "../rahasia.csv"'), encoding="utf-8"
    )
    opened: list[str] = []
    real_read_bytes = Path.read_bytes

    def spy(self: Path) -> bytes:
        opened.append(str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    problems = validate(root)
    assert [p.code for p in problems] == ["path_di_luar_data"]
    assert str(secret) not in opened
    assert "RAHASIA" not in str(problems)


def test_symlink_out_of_data_is_refused(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "paket")
    outside = tmp_path / "luar.csv"
    outside.write_bytes((root / "data" / "program.csv").read_bytes())
    (root / "data" / "program.csv").unlink()
    (root / "data" / "program.csv").symlink_to(outside)
    assert [p.code for p in validate(root)] == ["path_di_luar_data"]


_FUZZ_FILES = ("data/indikator.csv", "data/sasaran.csv", "data/anomali.csv", "datapackage.json")


@pytest.mark.parametrize("seed", range(16))
def test_random_damage_never_raises(seed: int) -> None:
    """Whatever bytes are deleted, doubled or replaced, the validator answers with located problems."""
    rng = random.Random(seed)
    rel = _FUZZ_FILES[seed % len(_FUZZ_FILES)]
    data = bytearray((FIXTURE / rel).read_bytes())
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(data))
        action = rng.choice(("delete", "insert", "replace"))
        junk = bytes([rng.choice(b',"\n\r\t {}[]:\\\xa0\xff\x96ab01')])
        if action == "delete":
            del data[at : at + rng.randint(1, 40)]
        elif action == "insert":
            data[at:at] = junk
        else:
            data[at : at + 1] = junk
    problems = validate(DataPackage(FIXTURE, {rel: bytes(data)}))
    for problem in problems:
        assert isinstance(problem, Problem)
        assert_plain_indonesian(problem)
