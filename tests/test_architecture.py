"""The package keeps its rooms: arrows point one way, no import circles, no module over 500 lines.

Data flows ingest → package (datapackage.py) → validate → model → outputs (docs/arsitektur.md).
Each module of scripts/kinerja belongs to a room; a room may import only the
rooms listed for it in ALLOWED. Imports inside functions count as well.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "scripts" / "kinerja"
MAX_LINES = 500

#: Modules at the top of the package that every room may use.
BASE = {"errors", "clock", "paths", "csvio", "atomic", "browser"}
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
    "bench": {"base", "domain", "datapackage", "model", "outputs", "pipeline"},
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
        "bench",
    },
}


def module_name(path: Path) -> str:
    """kinerja.outputs.pages for scripts/kinerja/outputs/pages/__init__.py."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
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


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, name: str, known: set[str]) -> Iterator[str]:
    """The package's modules that a file imports (relative imports resolved), anywhere in the file."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
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


def graph() -> dict[str, set[str]]:
    """Module → modules of the package it imports."""
    found = modules()
    known = set(found)
    return {name: set(imports_of(path, name, known)) for name, path in found.items()}


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


def test_macros_module_reads_only_the_model_and_outputs() -> None:
    known = set(modules())
    rooms = {room_of(t) for t in imports_of(ROOT / "main.py", "main", known)}
    assert rooms <= {"base", "model", "outputs"}, rooms


def test_only_the_benchmark_tests_import_the_benchmark() -> None:
    """Other tests may use the synthetic package of several offices, never the measuring code."""
    known = set(modules())
    users = [
        path.name
        for path in sorted((ROOT / "tests").glob("*.py"))
        if path.name != "test_bench.py"
        and any(
            room_of(t) == "bench" and t != "kinerja.bench.synthetic"
            for t in imports_of(path, "tests." + path.stem, known)
        )
    ]
    assert users == [], users


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
