"""Shared test helpers: a fresh copy of the package, and the corpus of broken inputs.

Every test reads the frozen package in tests/fixtures/paket/ (`FIXTURE`), never
the live data/ of the checkout: a maintainer's import must not change a test's
outcome (tests/test_architecture.py checks this).

Each case in tests/fixtures/broken/*.yaml is a small description of one
mutation of the frozen package and of the problem the validator must report:

    description: what the case is about
    file: data/indikator.csv          # the file the steps change (a step may name another)
    steps:                            # applied in order to a temporary copy
      - set_cell: {row: IK24-S05, column: target_nilai, value: sembilan puluh}
    expect:                           # exactly these problems, in this order
      - {code: tipe_salah, file: data/indikator.csv, row: IK24-S05, field: target_nilai}

or, for input that looks dangerous but is legitimate text, `legitimate: true`
instead of `expect` (validation must pass; the site tests reuse these cases to
check that the text is shown inert).

Steps (see `apply_step`): replace, replace_bytes, set_cell (with `printed: true`,
the signed text prints the new value too: see `reprint`), insert_row,
delete_row, delete_column, add_column, rename_id (a code, in every CSV that
holds it), encode, add_bom, crlf, truncate.
A `row` is the row number as a spreadsheet shows it (header = 1) or the value
of the row's first column (its id) in the frozen package. An expected `row` is
an int, null, such an id, or `{line_of: text}`: the line of the mutated file
where `text` first occurs (used for datapackage.json, whose layout others edit).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from kinerja.datapackage import DataPackage

#: Session fixtures of the site and browser tests (built site, local server, Chromium).
pytest_plugins = ["_site", "_browser"]

#: The fixtures that read the site built once per session (tests/_site.py).
SHARED_SITE_FIXTURES = {"built_site", "site_url"}
#: The tiers of the suite, set on every test from the fixtures it uses (see
#: pytest_collection_modifyitems): `browser` needs Chromium, `site` builds a site,
#: `fast` needs neither (`make test-fast`).
TIER_FIXTURES = {
    "browser": {"browser", "new_page", "reused_page", "tour", "axe", "print_page"},
    "site": {"builder", *SHARED_SITE_FIXTURES},
}
#: The tier of a test that uses none of TIER_FIXTURES.
FAST = "fast"
ROOT = Path(__file__).resolve().parents[1]
#: A RAM disk for the session's temporary files, used when it has room (RAM_DISK_ROOM bytes free):
#: a whole run writes about 600 MB in 50,000 files (package and project copies, built sites), which a
#: slow disk turns into minutes of waiting and pytest into seconds of removing old runs.
RAM_DISK = Path("/dev/shm")
RAM_DISK_ROOM = 4 * 1024**3
#: The frozen 2024 package every test reads (datapackage.json + data/); see its README.md.
FIXTURE = ROOT / "tests" / "fixtures" / "paket"
BROKEN = ROOT / "tests" / "fixtures" / "broken"


def copy_package(destination: Path, source: Path = FIXTURE) -> Path:
    """Copy datapackage.json and data/ (with data/sumber/) into `destination`; return it."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / "datapackage.json", destination / "datapackage.json")
    shutil.copytree(source / "data", destination / "data", dirs_exist_ok=True)
    return destination


@cache
def load_cases() -> dict[str, dict[str, Any]]:
    """Every case of the broken-input corpus, by name (the file name without .yaml)."""
    cases = {}
    for path in sorted(BROKEN.glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        case["name"] = path.stem
        cases[path.stem] = case
    return cases


def case_names(legitimate: bool | None = None) -> list[str]:
    """Names of the cases: all, only legitimate ones (True) or only failing ones (False)."""
    return [
        name
        for name, case in load_cases().items()
        if legitimate is None or bool(case.get("legitimate")) == legitimate
    ]


def legitimate_cells(name: str) -> list[dict[str, Any]]:
    """The cells a legitimate case writes: file, row (id or number), column and the exact value."""
    case = load_cases()[name]
    cells = []
    for step in case["steps"]:
        args = step.get("set_cell")
        if args is not None:
            cells.append(
                {
                    "file": args.get("file", case["file"]),
                    "row": args["row"],
                    "column": args["column"],
                    "value": _cell_value(args),
                }
            )
    return cells


class Files:
    """The files a case changes: a package folder on disk, or (`memory`) the frozen package with the
    changed files held in memory, never written (validated as `DataPackage(FIXTURE, changed)`)."""

    def __init__(self, root: Path, memory: bool = False) -> None:
        self.root = root
        self.changed: dict[str, bytes | None] | None = {} if memory else None

    def read_bytes(self, rel: str) -> bytes:
        """The bytes of a file of the package as the steps left it."""
        if self.changed is not None and rel in self.changed:
            data = self.changed[rel]
            assert data is not None, f"{rel} was removed"
            return data
        return (self.root / rel).read_bytes()

    def write_bytes(self, rel: str, data: bytes) -> None:
        """Change a file: in memory, or on disk."""
        if self.changed is not None:
            self.changed[rel] = data
        else:
            (self.root / rel).write_bytes(data)

    def remove(self, rel: str) -> None:
        """Make a file missing: in memory, or on disk."""
        if self.changed is not None:
            self.changed[rel] = None
        else:
            (self.root / rel).unlink()

    def read_text(self, rel: str) -> str:
        """A file of the package as UTF-8 text."""
        return self.read_bytes(rel).decode("utf-8")

    def write_text(self, rel: str, text: str) -> None:
        """Change a file to UTF-8 text, written as given (no line-end translation)."""
        self.write_bytes(rel, text.encode("utf-8"))

    def csv_files(self) -> list[str]:
        """The package paths of the CSV files directly in data/."""
        return [f"data/{p.name}" for p in sorted((self.root / "data").glob("*.csv"))]

    def package(self) -> DataPackage:
        """The package as the steps left it."""
        return DataPackage(self.root, self.changed)


def _read_csv(files: Files, rel: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(files.read_text(rel), newline="")))


def _write_csv(files: Files, rel: str, records: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    files.write_text(rel, buffer.getvalue())


def row_number(rel: str, key: str | int, source: Path = FIXTURE) -> int:
    """The spreadsheet row (header = 1) of the row whose first cell is `key` in the frozen package."""
    if isinstance(key, int):
        return key
    records = _read_csv(Files(source), rel)
    for number, record in enumerate(records, start=1):
        if number > 1 and record and record[0] == key:
            return number
    raise KeyError(f"{key} not found in {rel}")


def _cell_value(args: dict[str, Any]) -> str:
    value = str(args["value"])
    return " ".join([value] * int(args.get("repeat", 1)))


def apply_step(files: Files | Path, rel: str, op: str, args: dict[str, Any]) -> None:
    """Apply one mutation to the file `rel` of the package (a copy on disk, or in memory)."""
    files = files if isinstance(files, Files) else Files(files)
    path = args.get("file", rel)
    if op == "replace":
        text = files.read_text(path)
        assert args["old"] in text, f"{args['old']!r} not in {path}: the fixture no longer fits the data"
        files.write_text(path, text.replace(args["old"], args["new"], args.get("count", 1)))
    elif op == "replace_bytes":
        data = files.read_bytes(path)
        old = args["old"].encode("utf-8")
        assert old in data, f"{args['old']!r} not in {path}"
        files.write_bytes(path, data.replace(old, bytes.fromhex(args["new_hex"]), 1))
    elif op in ("set_cell", "insert_row", "delete_row", "delete_column", "add_column"):
        records = _read_csv(files, path)
        header = records[0]
        if op == "set_cell":
            number = row_number(args.get("file", rel), args["row"])
            record = records[number - 1]
            column = header.index(args["column"])
            if "old" in args:
                assert record[column] == args["old"], f"{path} row {number}: the fixture no longer fits"
            if args.get("printed"):
                reprint(files, record[column], _cell_value(args))
            record[column] = _cell_value(args)
        elif op == "insert_row":
            number = args["row"] if isinstance(args["row"], int) else row_number(rel, args["row"]) + 1
            records.insert(number - 1, [str(args["values"].get(name, "")) for name in header])
        elif op == "delete_row":
            del records[row_number(args.get("file", rel), args["row"]) - 1]
        elif op == "delete_column":
            column = header.index(args["column"])
            records = [r[:column] + r[column + 1 :] for r in records]
        else:
            records = [
                r + [args["column"] if n == 0 else str(args.get("value", ""))] for n, r in enumerate(records)
            ]
        _write_csv(files, path, records)
    elif op == "rename_id":
        for other in files.csv_files():
            records = _read_csv(files, other)
            renamed = [[args["new"] if value == args["old"] else value for value in r] for r in records]
            if renamed != records:
                _write_csv(files, other, renamed)
    elif op == "encode":
        files.write_bytes(path, files.read_text(path).encode(args["encoding"]))
    elif op == "add_bom":
        files.write_bytes(path, b"\xef\xbb\xbf" + files.read_bytes(path))
    elif op == "crlf":
        files.write_bytes(path, files.read_bytes(path).replace(b"\n", b"\r\n"))
    elif op == "truncate":
        data = files.read_bytes(path)
        if "after" in args:
            marker = args["after"].encode("utf-8")
            assert marker in data, f"{args['after']!r} not in {path}"
            size = data.index(marker) + len(marker)
        else:
            size = int(args["size"])
        files.write_bytes(path, data[:size])
    else:
        raise ValueError(f"unknown step {op!r}")


def reprint(files: Files, old: str, new: str) -> None:
    """Make the signed text of the package print `new` in the cell that printed `old`.

    For a legitimate case whose text must pass validation's fidelity rule: the document itself
    prints it. The first tab-bounded cell equal to `old` in a text source changes, and the SHA-256
    recorded for that source in datapackage.json follows.
    """
    descriptor = json.loads(files.read_text("datapackage.json"))
    cell = re.compile(rf"(?:^|(?<=\t)){re.escape(old)}(?=\t|$)", re.MULTILINE)
    for source in descriptor.get("sources", []):
        path = source["path"]
        text = files.read_text(path) if path.endswith(".txt") else ""
        if cell.search(text):
            files.write_text(path, cell.sub(lambda _: new, text, count=1))
            digest = hashlib.sha256(files.read_bytes(path)).hexdigest()
            source["description"] = source["description"].replace(source["sha256"], digest)
            source["sha256"] = digest
            files.write_text("datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n")
            return
    raise AssertionError(f"{old!r} is not a printed cell of any source text")


def apply_steps(root: Path, rel: str, steps: list[dict[str, Any]]) -> Path:
    """Apply a list of single-key steps (`{op: args}`) to the copy at `root`; return `root`."""
    _apply(Files(root), rel, steps)
    return root


def _apply(files: Files, rel: str, steps: list[dict[str, Any]]) -> Files:
    for step in steps:
        ((op, args),) = step.items()
        apply_step(files, rel, op, args or {})
    return files


def mutated_package(rel: str, steps: list[dict[str, Any]]) -> DataPackage:
    """The frozen package with `steps` applied to `rel` in memory: nothing is copied or written."""
    return _apply(Files(FIXTURE, memory=True), rel, steps).package()


def broken_package(name: str) -> DataPackage:
    """The frozen package with the mutation of case `name` applied in memory."""
    case = load_cases()[name]
    return mutated_package(case.get("file", "datapackage.json"), case["steps"])


def expected_problems(
    case: dict[str, Any], root: Path | DataPackage
) -> list[tuple[str, str, int | None, str | None]]:
    """The (code, file, row, field) the validator must report for a case, rows resolved."""
    expect = case.get("expect") or []
    expect = [expect] if isinstance(expect, dict) else expect
    result = []
    for item in expect:
        row = item.get("row")
        if isinstance(row, dict):
            package = root if isinstance(root, DataPackage) else DataPackage(root)
            text = package.text(item["file"])
            at = text.find(row["line_of"])
            assert at >= 0, f"{row['line_of']!r} not in {item['file']}"
            row = text.count("\n", 0, at) + 1
        elif isinstance(row, str):
            row = row_number(item["file"], row)
        result.append((item["code"], item["file"], row, item.get("field")))
    return result


def make_broken_copy(name: str, destination: Path) -> Path:
    """A copy of the frozen package at `destination` with the mutation of case `name` applied."""
    case = load_cases()[name]
    copy_package(destination)
    return apply_steps(destination, case.get("file", "datapackage.json"), case["steps"])


def pytest_configure(config: pytest.Config) -> None:
    """Put the session's temporary files (tmp_path and the build steps' own) on a RAM disk with room,
    where programs may run.

    Only in the main process, and only when neither --basetemp nor TMPDIR/PYTEST_DEBUG_TEMPROOT
    chooses a place already; the pytest-xdist workers inherit the choice. Elsewhere nothing changes.
    """
    if os.environ.get("PYTEST_XDIST_WORKER") or config.option.basetemp:
        return
    if os.environ.get("TMPDIR") or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    if not (RAM_DISK.is_dir() and os.access(RAM_DISK, os.W_OK | os.X_OK)):
        return
    if shutil.disk_usage(RAM_DISK).free < RAM_DISK_ROOM or os.statvfs(RAM_DISK).f_flag & os.ST_NOEXEC:
        return  # too small, or mounted noexec as containers often do: a test's program must run from there
    os.environ["TMPDIR"] = os.environ["PYTEST_DEBUG_TEMPROOT"] = str(RAM_DISK)
    tempfile.tempdir = None  # gettempdir() reads TMPDIR again


def tier_of(fixtures: set[str]) -> str:
    """The tier of a test that uses `fixtures` (directly or through other fixtures)."""
    for tier, names in TIER_FIXTURES.items():
        if fixtures & names:
            return tier
    return FAST


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: without it (-p no:xdist) nothing to do
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker more than the cores this process may use.

    A worker is idle while its browser waits for the network to go quiet (500 ms after the last request)
    or for a timer, and while its build waits for a file; a third worker on two cores fills that time
    (`make test`, 2 cores: 245 → 201 s; a fourth gave no more). The fast tier alone (`-m fast`) has
    nothing to wait for: there a third worker only takes turns on the cores (docs/keputusan.md).
    """
    cores = len(os.sched_getaffinity(0))
    return cores if config.option.markexpr == FAST else cores + 1


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test with its tier, so `pytest -m fast` runs the tests that need no site or browser.

    Files then run slowest tier first (browser, site, fast), larger files first within a tier, each
    file's tests in their own order: `make test` hands whole files to its workers in this order
    (pytest-xdist --dist loadfile --no-loadscope-reorder), so the many small fast files fill the end
    instead of one worker finishing a build or a browser file alone.

    One file leads: the one with the most tests that build their own project and never read the shared
    site (SHARED_SITE_FIXTURES). Its worker builds from the start instead of waiting for the other
    worker's build of the shared site, which every browser file needs first.
    """
    tiers = [*TIER_FIXTURES, FAST]  # slowest first
    rank: dict[str, int] = {}
    count: dict[str, int] = {}
    own_builds: dict[str, int] = {}
    shared: set[str] = set()
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        tier = tier_of(fixtures)
        item.add_marker(getattr(pytest.mark, tier))
        name = _file(item)
        rank[name] = min(rank.get(name, len(tiers)), tiers.index(tier))
        count[name] = count.get(name, 0) + 1
        own_builds[name] = own_builds.get(name, 0) + ("builder" in fixtures)
        if fixtures & SHARED_SITE_FIXTURES:
            shared.add(name)
    leaders = {name: n for name, n in own_builds.items() if n and name not in shared}
    if leaders:
        rank[max(leaders, key=lambda name: (leaders[name], name))] = -1
    order = {id(item): n for n, item in enumerate(items)}
    items.sort(key=lambda item: (rank[_file(item)], -count[_file(item)], _file(item), order[id(item)]))


def _file(item: pytest.Item) -> str:
    """The test file of an item, as pytest names it (tests/test_x.py)."""
    return item.nodeid.split("::")[0]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise `broken_case_name` over failing cases and `legitimate_case_name` over legitimate ones."""
    if "broken_case_name" in metafunc.fixturenames:
        metafunc.parametrize("broken_case_name", case_names(legitimate=False))
    if "legitimate_case_name" in metafunc.fixturenames:
        metafunc.parametrize("legitimate_case_name", case_names(legitimate=True))


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A fresh copy of the frozen package (datapackage.json + data/) in a temporary folder."""
    return copy_package(tmp_path / "paket")


@pytest.fixture
def broken_copy(tmp_path: Path) -> Callable[[str], Path]:
    """A factory: `broken_copy(case_name)` returns the path of a mutated copy of the package."""
    counter: Iterator[int] = iter(range(1_000_000))

    def make(name: str) -> Path:
        return make_broken_copy(name, tmp_path / f"{name}-{next(counter)}")

    return make


@pytest.fixture
def mutated_copy(tmp_path: Path) -> Callable[[str, list[dict[str, Any]]], Path]:
    """A factory: `mutated_copy(file, steps)` returns a copy of the package with `steps` applied to `file`."""
    counter: Iterator[int] = iter(range(1_000_000))

    def make(rel: str, steps: list[dict[str, Any]]) -> Path:
        return apply_steps(copy_package(tmp_path / f"salinan-{next(counter)}"), rel, steps)

    return make


def git_at(folder: Path, epoch: int, *args: str) -> str:
    """Run `git ARGS` in folder as a test maintainer would, author and committer dated `epoch`; its output.

    Tests of the office dates (kinerja.history) commit at chosen times, as maintainers' commits are.
    """
    when = f"@{epoch} +0000"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    command = ["git", "-c", "user.name=Uji", "-c", "user.email=uji@contoh.test", "-c", "commit.gpgsign=false"]
    return subprocess.run(
        [*command, *args], cwd=folder, check=True, env=env, capture_output=True, text=True
    ).stdout.strip()
