"""The machine a benchmark ran on and the versions of the tools it measured, for the report."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from kinerja.browser import CHROMIUM

from .units import num


def tool_version(command: Sequence[str]) -> str:
    """The first line a program prints for its version command, or 'tidak ada' when it does not run."""
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "tidak ada"
    text = (done.stdout or done.stderr).strip().splitlines()
    return text[0].strip() if text else "tidak ada"


def _package(name: str) -> str:
    """The installed version of a Python package, or 'tidak terpasang'."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "tidak terpasang"


def machine_facts(zensical: Path | None) -> list[tuple[str, str]]:
    """CPU, memory, OS, Python and the versions of the tools measured, so that figures can be compared."""
    cpu = ""
    try:
        cpu = next(
            (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
             if line.startswith("model name")), "")  # fmt: skip
        mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))  # fmt: skip
        memory = f"{num(mem_kb / 1024 / 1024)} GB"
    except (OSError, StopIteration, ValueError):
        memory = "tidak diketahui"
    load = ", ".join(num(x, 2) for x in os.getloadavg())
    return [
        ("Inti CPU", f"{os.cpu_count()} ({cpu or 'model tidak diketahui'})"),
        ("Memori", memory),
        ("Sistem", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", platform.python_version()),
        ("MkDocs", _package("mkdocs")),
        ("Material for MkDocs", _package("mkdocs-material")),
        ("mkdocs-macros-plugin", _package("mkdocs-macros-plugin")),
        ("frictionless", _package("frictionless")),
        ("Playwright (Python)", _package("playwright")),
        ("Zensical", tool_version([str(zensical), "--version"]) if zensical else "tidak terpasang"),
        ("Chromium", tool_version([str(CHROMIUM), "--version"]) if CHROMIUM.exists() else "tidak ada"),
        ("Node.js", tool_version(["node", "--version"]) if shutil.which("node") else "tidak ada"),
        ("Beban mesin (load average 1/5/15 menit) saat mulai", load),
    ]
