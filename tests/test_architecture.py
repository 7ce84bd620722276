"""The package keeps its rooms: arrows point one way, no import circles, no module over 500 lines.

Data flows ingest → package (datapackage.py) → validate → model → outputs (docs/arsitektur.md).
Each module of scripts/kinerja belongs to a room; a room may import only the
rooms listed for it in ALLOWED. Imports inside functions count as well, and so
does every package __init__.py an import runs (importing kinerja.a.b runs
kinerja/a/__init__.py first), so no circle hides behind an __init__.py.
The benchmarks (scripts/bench, package `bench`) sit outside the product: they
import kinerja, and nothing in kinerja imports them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "scripts" / "kinerja"
BENCH = ROOT / "scripts" / "bench"
MAX_LINES = 500

#: Modules at the top of the package that every room may use.
BASE = {"errors", "problems", "clock", "history", "paths", "csvio", "atomic", "browser"}
#: For each room, the rooms it may import (a room may always import itself).
ALLOWED: dict[str, set[str]] = {
    "base": {"base"},
    "domain": {"base"},
    "datapackage": {"base"},
    "ingest": {"base", "domain", "datapackage"},
    "validate": {"base", "domain", "datapackage"},
    "model": {"base", "domain", "datapackage"},
    "outputs": {"base", "domain", "model"},
    "pipeline": {"base", "domain", "datapackage", "ingest", "validate", "model", "outputs"},
    "update": {"base", "domain", "datapackage", "ingest", "validate", "model", "outputs"},
    "upload": {
        "base",
        "domain",
        "datapackage",
        "ingest",
        "validate",
        "model",
        "outputs",
        "pipeline",
        "update",
    },
    "cli": {
        "base",
        "domain",
        "datapackage",
        "ingest",
        "validate",
        "model",
        "outputs",
        "pipeline",
        "update",
        "upload",
    },
}


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """kinerja.outputs.pages for scripts/kinerja/outputs/pages/__init__.py."""
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def room_of(module: str) -> str:
    """The room of a module: its first part under kinerja, with the shared modules as 'base'."""
    parts = module.split(".")
    if len(parts) == 1:
        return "cli"  # the package's own __init__
    first = parts[1]
    if first in BASE:
        return "base"
    if first in ("cli", "__main__"):
        return "cli"
    return first


def modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by dotted name, a package's __init__.py under the package's name."""
    return {module_name(p, package): p for p in sorted(package.rglob("*.py"))}


def _ancestors(module: str) -> list[str]:
    """The packages a module sits in, outermost first: kinerja, kinerja.outputs for kinerja.outputs.api."""
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def imports_of(path: Path, name: str, known: set[str], packages: bool = False) -> Iterator[str]:
    """The package's modules that a file imports (relative imports resolved), anywhere in the file.

    With `packages`, also the packages whose __init__.py the import runs: importing kinerja.a.b runs
    kinerja/__init__.py and kinerja/a/__init__.py first. A module's own packages are left out of
    that: Python imports them before the module itself, so its import statements never start them
    (a name taken from its own package's __init__.py still counts).
    """
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    inside = set(_ancestors(name)) | ({name} if path.name == "__init__.py" else set())
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            # `from kinerja import model` imports the module kinerja.model; `from kinerja.x import f`
            # imports from kinerja.x.
            targets = [f"{stem}.{a.name}" if f"{stem}.{a.name}" in known else stem for a in node.names]
        for target in targets:
            if not target.startswith("kinerja"):
                continue
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target
            if packages:
                yield from (p for p in _ancestors(target) if p in known and p not in inside)


def graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module → modules of the package it imports, counting each package's __init__.py the import runs."""
    found = modules(package)
    known = set(found)
    return {name: set(imports_of(path, name, known, packages=True)) for name, path in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle (as the list of modules on it), found by depth-first search."""
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                found.append(stack[stack.index(target) :] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_every_module_belongs_to_a_known_room() -> None:
    unknown = {name for name in modules() if room_of(name) not in ALLOWED}
    assert not unknown, f"modul di luar ruang yang dikenal: {sorted(unknown)}"


def test_arrows_point_one_way() -> None:
    wrong = [
        f"{source} ({room_of(source)}) → {target} ({room_of(target)})"
        for source, targets in graph().items()
        for target in sorted(targets)
        if room_of(target) != room_of(source) and room_of(target) not in ALLOWED[room_of(source)]
    ]
    assert not wrong, "impor ke arah yang salah:\n" + "\n".join(wrong)


def test_no_import_circles() -> None:
    found = cycles(graph())
    assert not found, "lingkaran impor:\n" + "\n".join(" → ".join(c) for c in found)


def test_no_module_over_500_lines() -> None:
    long = {
        name: count
        for name, path in modules().items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modul lebih dari {MAX_LINES} baris: {long}"


#: Module names still used in two rooms (docs/arsitektur.md, "Nama"): no new one may join them.
NAME_CLASHES = {"files", "offices", "report", "targets"}


def test_no_two_modules_share_a_name_across_rooms() -> None:
    rooms: dict[str, set[str]] = {}
    for name in modules():
        if "." in name and not name.endswith("__main__"):
            rooms.setdefault(name.rsplit(".", 1)[-1], set()).add(room_of(name))
    clashes = {stem for stem, found in rooms.items() if len(found) > 1}
    assert clashes <= NAME_CLASHES, f"nama modul dipakai di dua ruang: {sorted(clashes - NAME_CLASHES)}"


def test_macros_module_reads_only_the_model_and_outputs() -> None:
    known = set(modules())
    rooms = {room_of(t) for t in imports_of(ROOT / "main.py", "main", known)}
    assert rooms <= {"base", "model", "outputs"}, rooms


def absolute_imports(path: Path) -> Iterator[str]:
    """Every module a file names in an absolute import (`from bench import synthetic` → bench.synthetic)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def is_bench(module: str) -> bool:
    """Whether a module name is the benchmark package or one of its modules."""
    return module == "bench" or module.startswith("bench.")


def is_synthetic(module: str) -> bool:
    """Whether a module name is the synthetic package of several offices (or a name in it)."""
    return module == "bench.synthetic" or module.startswith("bench.synthetic.")


def test_the_benchmarks_live_outside_the_product() -> None:
    assert (BENCH / "__init__.py").is_file() and (BENCH / "__main__.py").is_file()
    assert not (PACKAGE / "bench").exists(), "the benchmarks belong in scripts/bench, not in the product"


def test_the_product_never_imports_the_benchmark() -> None:
    users = {
        name: sorted(filter(is_bench, absolute_imports(path)))
        for name, path in {**modules(), "main": ROOT / "main.py"}.items()
    }
    assert not {name: found for name, found in users.items() if found}


def test_the_benchmark_reaches_the_product_only_through_kinerja() -> None:
    """bench imports kinerja by name (no relative import climbs out of scripts/bench)."""
    climbing = [
        path.name
        for path in sorted(BENCH.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.level > 1
    ]
    assert climbing == []
    used = {m for path in BENCH.glob("*.py") for m in absolute_imports(path)}
    assert any(m.startswith("kinerja.") for m in used), "the benchmark measures the product"


def test_no_benchmark_module_over_500_lines() -> None:
    long = {
        path.name: count
        for path in sorted(BENCH.glob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modul lebih dari {MAX_LINES} baris: {long}"


def test_only_the_benchmark_tests_import_the_benchmark() -> None:
    """Other tests may use the synthetic package of several offices, never the measuring code."""
    users = [
        path.name
        for path in sorted((ROOT / "tests").glob("*.py"))
        if path.name not in ("test_bench.py", "test_architecture.py")
        and any(is_bench(m) and not is_synthetic(m) for m in absolute_imports(path))
    ]
    assert users == [], users


def test_the_bench_import_check_can_fail(tmp_path: Path) -> None:
    path = tmp_path / "module.py"
    path.write_text("import bench\nfrom bench.scale import timed_build\nfrom kinerja import model\n", "utf-8")
    assert [m for m in absolute_imports(path) if is_bench(m)] == ["bench", "bench.scale.timed_build"]
    assert not is_bench("benchmarks") and not is_bench("kinerja.bench")


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b", "a"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"a"}}, [["a", "a"]]),
    ],
)
def test_cycle_finder_finds_circles(edges: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert cycles(edges) == expected


def _package(root: Path, files: dict[str, str]) -> Path:
    """A package `kinerja` under root with the given files (path under kinerja/ → source)."""
    for name, text in files.items():
        path = root / "kinerja" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "kinerja"


def test_a_circle_through_an_init_is_found(tmp_path: Path) -> None:
    """The circle this test once missed: downloads/__init__ imports api, api imports downloads.files."""
    package = _package(
        tmp_path,
        {
            "__init__.py": "",
            "outputs/__init__.py": "",
            "outputs/api.py": "from .downloads.files import Output\n",
            "outputs/downloads/__init__.py": "from .. import api\n",
            "outputs/downloads/files.py": "class Output: ...\n",
        },
    )
    edges = graph(package)
    assert "kinerja.outputs.downloads" in edges["kinerja.outputs.api"], "importing downloads.files runs it"
    assert cycles(edges) == [["kinerja.outputs.api", "kinerja.outputs.downloads", "kinerja.outputs.api"]]


def test_a_package_importing_its_own_modules_is_no_circle(tmp_path: Path) -> None:
    """A module's own packages run before it: a sibling import does not start them again.

    A name defined in its package's __init__.py is a real import of that __init__.py, and counts.
    """
    files = {
        "__init__.py": "",
        "pages/__init__.py": "from . import rows\nfrom .render import template\n",
        "pages/render.py": "def template(): ...\n",
        "pages/rows.py": "from . import render\nfrom .render import template\n",
    }
    assert cycles(graph(_package(tmp_path / "siblings", files))) == []
    files["pages/rows.py"] += "from . import template\n"
    assert cycles(graph(_package(tmp_path / "parent", files))) == [
        ["kinerja.pages", "kinerja.pages.rows", "kinerja.pages"]
    ]


def test_room_rules_catch_an_upward_import(tmp_path: Path) -> None:
    known = {"kinerja.validate.plan", "kinerja.ingest.transcribe", "kinerja.model"}
    path = tmp_path / "domain.py"
    path.write_text("from ..ingest.transcribe import normalise\nfrom ... import model\n", encoding="utf-8")
    found = set(imports_of(path, "kinerja.validate.plan", known))
    assert found == {"kinerja.ingest.transcribe"}
    assert "ingest" not in ALLOWED[room_of("kinerja.validate.plan")]


# --- tests read the frozen package, never the live one ----------------------------------------------

#: Parts of the live package: reading them from the checkout ties a test to today's data.
LIVE_PARTS = ("data", "datapackage.json")


def _is_checkout(node: ast.AST) -> bool:
    """`ROOT` (a test's checkout folder) or `paths.PROJECT` (the code's)."""
    return (isinstance(node, ast.Name) and node.id == "ROOT") or (
        isinstance(node, ast.Attribute) and node.attr == "PROJECT"
    )


def _is_live_part(value: object) -> bool:
    return isinstance(value, str) and value.split("/", 1)[0] in LIVE_PARTS


def live_package_reads(text: str) -> list[int]:
    """Lines of a test file that reach the live package: `ROOT / "data"`, `load(ROOT)`, `open("data/…")`.

    The checkout may be named for its code, content and configuration (`ROOT / "content"`), as a working
    folder (`cwd=ROOT`) or to shorten a path (`p.relative_to(ROOT)`); the package comes from
    tests/fixtures/paket/ (conftest.FIXTURE).
    """
    lines = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            left, right = node.left, node.right
            if _is_checkout(left) and isinstance(right, ast.Constant) and _is_live_part(right.value):
                lines.append(node.lineno)
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            values = list(node.args) + [k.value for k in node.keywords if k.arg != "cwd"]
            if (
                name != "relative_to"
                and any(_is_checkout(v) for v in values)
                or (
                    name in ("open", "Path")
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and _is_live_part(node.args[0].value)
                )
            ):
                lines.append(node.lineno)
    return sorted(set(lines))


def test_no_test_reads_the_live_package() -> None:
    """A maintainer's import into data/ never changes a test's outcome: tests read conftest.FIXTURE."""
    found = [
        f"{path.name}:{line}"
        for path in sorted((ROOT / "tests").glob("*.py"))
        for line in live_package_reads(path.read_text(encoding="utf-8"))
    ]
    assert not found, "tes membaca paket data yang hidup (pakai conftest.FIXTURE):\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("code", "caught"),
    [
        ('rows = csvio.read(ROOT / "data" / "indikator.csv")', True),
        ('text = (ROOT / "data/sumber/x.txt").read_text()', True),
        ('descriptor = json.loads((ROOT / "datapackage.json").read_text())', True),
        ("package = model.load(ROOT)", True),
        ("problems = validate(root=ROOT)", True),
        ("project = copy_package(tmp, source=paths.PROJECT)", True),
        ('handle = open("data/anomali.csv")', True),
        ('path = Path("datapackage.json")', True),
        ('rows = csvio.read(FIXTURE / "data" / "indikator.csv")', False),
        ("package = model.load(FIXTURE)", False),
        ('pages = sorted((ROOT / "content").glob("*.md"))', False),
        ('workflow = ROOT / ".github" / "workflows" / "x.yml"', False),
        ("name = page.relative_to(ROOT)", False),
        ('run(["zizmor"], cwd=ROOT)', False),
        ('label = "data/sumber/rkt-2024-kpu-kaltim.txt"', False),
    ],
)
def test_live_package_reads_are_found(code: str, caught: bool) -> None:
    assert bool(live_package_reads(code)) == caught
