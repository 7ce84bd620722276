"""`zensical build` of the same content/ and mkdocs.yml as MkDocs, and whether its output is complete.

Zensical is installed into .venv-bench from requirements-bench.lock (by hash),
apart from the project's own environment, and run on the project copy of one
scale after the pipeline built it.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .machine import tool_version
from .scale import ScaleRun, SiteFacts, child_env, run_measured, site_facts
from .units import num
from .weight import SEARCH_INDEX_NAMES, PageWeight, sample_pages, weigh

ZENSICAL_TIMEOUT = 30 * 60
SKIPPED = "Zensical dilewati (--tanpa-zensical)."


@dataclass
class ZensicalRun:
    """One `zensical build` of a project copy and how its output compares with MkDocs'."""

    seconds: float = 0.0
    rss_mb: float = 0.0
    pages: int = 0
    missing: list[str] = field(default_factory=list)
    indicator_pages: int = 0
    macros: str = ""
    search_index: str = ""
    error: str = ""
    weight: PageWeight | None = None


def ensure_bench_venv(root: Path) -> tuple[Path | None, str]:
    """.venv-bench with requirements-bench.lock installed (by hash); the zensical program or why not.

    The install is redone only when the lock changed (its hash is kept in .venv-bench/.terpasang).
    """
    venv = root / ".venv-bench"
    lock = root / "requirements-bench.lock"
    program = venv / "bin" / "zensical"
    if not lock.is_file():
        return None, "requirements-bench.lock tidak ada"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    stamp = venv / ".terpasang"
    if program.exists() and stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == digest:
        return program, ""
    print("Memasang .venv-bench dari requirements-bench.lock…", flush=True)
    shutil.rmtree(venv, ignore_errors=True)
    steps = [[sys.executable, "-m", "venv", str(venv)], _install_command(venv, lock)]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, cwd=root)
        if done.returncode != 0:
            lines = [
                x for x in (done.stderr + done.stdout).splitlines() if x.strip() and "is ignored" not in x
            ]
            return None, f"pemasangan .venv-bench gagal: {lines[-1] if lines else done.returncode}"
    stamp.write_text(digest + "\n", encoding="utf-8")
    return program, ""


def _install_command(venv: Path, lock: Path) -> list[str]:
    """The hashed install of `lock` into `venv`: with uv when `make setup` put it beside this Python
    (requirements-uv.lock), else with the venv's own pip, as `make setup` does."""
    uv = Path(sys.executable).with_name("uv")
    if uv.is_file():
        python = str(venv / "bin" / "python")
        return [str(uv), "pip", "install", "--quiet", "--compile-bytecode", "--require-hashes",
                "--python", python, "-r", str(lock)]  # fmt: skip
    return [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check",
            "--require-hashes", "-r", str(lock)]  # fmt: skip


def zensical_note(program: Path | None, reason: str) -> str:
    """The report's sentence on which Zensical was measured, or why it could not be."""
    if program is None:
        return f"Zensical tidak dapat dipakai: {reason}."
    version = tool_version([str(program), "--version"])
    return (
        f"Zensical {version} dari `.venv-bench` (`requirements-bench.lock`). Rilis terbaru 0.1.3 (dan "
        "0.0.74–0.1.2) tidak dapat dipasang: ia memerlukan `zensical-ui`, yang tidak tersedia di indeks "
        "paket yang dipakai proyek ini; 0.0.73 adalah rilis terbaru yang membawa temanya sendiri."
    )


#: What the home page's macro prints: the date the data last changed.
_FIGURE = re.compile(r"Data terakhir diubah (\d{1,2} \w+ \d{4})")


def _check_zensical(project: Path, mkdocs_site: SiteFacts, mkdocs_home: Path | None) -> ZensicalRun:
    """Compare Zensical's site/ with MkDocs' pages: same paths, indicator pages, macros rendered.

    The macros count as rendered when Zensical's home page prints the same data date
    as MkDocs' home page of the same content.
    """
    out = project / "site"
    result = ZensicalRun()
    facts = site_facts(out)
    result.pages = len(facts.pages)
    result.missing = sorted(mkdocs_site.pages - facts.pages)
    result.indicator_pages = facts.indicator_pages
    home = out / "index.html"
    text = home.read_text(encoding="utf-8") if home.is_file() else ""
    expected = (
        _FIGURE.findall(mkdocs_home.read_text(encoding="utf-8"))
        if mkdocs_home and mkdocs_home.is_file()
        else []
    )
    if "{{" in text or "{%" in text:
        result.macros = "TIDAK: beranda memuat '{{ … }}' mentah"
    elif expected and _FIGURE.findall(text) == expected:
        result.macros = f"ya (tanggal data beranda sama dengan MkDocs: {', '.join(expected)})"
    else:
        result.macros = "tidak pasti (tanggal data beranda berbeda dari MkDocs atau tidak ditemukan)"
    names = [n for n in SEARCH_INDEX_NAMES if list(out.rglob(n))]
    result.search_index = ", ".join(names) or "tidak ada"
    return result


def _index_zensical_site(project: Path) -> str:
    """Run the site's own search indexing (`kinerja cari`) on Zensical's output; what it said, or why not."""
    site = str(project / "site")
    command = [sys.executable, "-m", "kinerja", "--root", str(project), "cari", "--situs", site]
    done = subprocess.run(command, cwd=project, env=child_env(project), capture_output=True, text=True)
    lines = [x for x in (done.stdout + done.stderr).splitlines() if x.strip()]
    if done.returncode != 0:
        return f"GAGAL: {lines[-1] if lines else done.returncode}"
    found = re.search(r"(\d+) halaman", lines[-1] if lines else "")
    return f"cari/indeks/: {found.group(1)} halaman" if found else (lines[-1] if lines else "")


def measure_zensical(program: Path, run: ScaleRun) -> ZensicalRun:
    """Time `zensical build` on the project copy the pipeline built, and compare its site with MkDocs'.

    At 1× the indicator page it built is weighed too, to set beside the pipeline's.
    """
    if run.project is None or run.site is None:
        return ZensicalRun(error="pipeline tidak membangun situs pada skala ini")
    project, factor = run.project, run.factor
    print(f"[{factor}×] zensical build atas content/ dan mkdocs.yml yang sama…", flush=True)
    z = run_measured(
        [str(program), "build", "--clean", "-f", "mkdocs.yml"],
        project,
        child_env(project),
        timeout=ZENSICAL_TIMEOUT,
    )
    print(f"[{factor}×]   {num(z.seconds)} s, kode keluar {z.returncode}", flush=True)
    if z.returncode != 0 or not (project / "site").is_dir():
        return ZensicalRun(seconds=z.seconds, rss_mb=z.rss_mb, error=z.error_line())
    home = run.site_dir / "index.html" if run.site_dir else None
    result = _check_zensical(project, run.site, home)
    result.seconds = z.seconds
    result.rss_mb = z.rss_mb
    result.search_index = f"bawaan Zensical: {result.search_index}; situs: {_index_zensical_site(project)}"
    if factor == 1:
        sample = next(path for label, path in sample_pages(project) if label == "Indikator")
        result.weight = weigh(project / "site", [("Indikator (Zensical)", sample)])[0]
    return result
