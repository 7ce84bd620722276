"""The project is installable: pyproject's pins are the lock's, and the `kinerja` command runs.

`make setup` installs requirements.lock and then the project itself (`pip install -e .`), so the
console script declared in pyproject.toml is in the virtual environment next to its Python.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)(?:\[[^\]]*\])?==(?P<version>\S+)")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked() -> dict[str, str]:
    locked = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            locked[_normal(match["name"])] = match["version"]
    return locked


def _declared() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"].values()
    return [*project["dependencies"], *(requirement for extra in extras for requirement in extra)]


def test_every_declared_dependency_is_pinned_to_the_locked_version():
    locked = _locked()
    declared = _declared()
    assert declared, "pyproject.toml declares no dependencies"
    for requirement in declared:
        match = PIN.match(requirement)
        assert match, f"{requirement!r} is not pinned with =="
        name = _normal(match["name"])
        assert name in locked, f"{name} is declared in pyproject.toml but missing from requirements.lock"
        assert locked[name] == match["version"], f"{name}: pyproject {match['version']}, lock {locked[name]}"


def test_the_console_script_runs_the_command_line():
    command = Path(sys.executable).with_name("kinerja")
    assert command.exists(), "no kinerja command next to Python: run make setup (pip install -e .)"
    result = subprocess.run([str(command), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for step in ("validate", "build", "import"):
        assert step in result.stdout
