"""The build, step by step: validate → model → pages and downloads → MkDocs → publish.

This is the one module that knows every room: it runs validation, loads the
model, lets the outputs write under content/, runs the site engine (MkDocs,
see ENGINE) into a temporary folder, finishes the site there and swaps it
with site/ in one step. A failure at any point, or a process killed mid-way,
leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import atomic, model, paths
from .clock import data_changed_epoch, source_date_epoch
from .errors import BuildError, Problem, ProblemsFound
from .outputs import (
    downloads,
    embed,
    first_paint,
    harden,
    header_search,
    html_pages,
    pages,
    publish,
    search,
    share_image,
    stacked_tables,
)
from .validate import validate

#: The engines that can turn content/ and mkdocs.yml into HTML, by Python module, with their names for
#: people. ProperDocs is the maintained MkDocs 1.x fork, the exit from MkDocs (docs/keputusan.md,
#: "Mesin situs setelah 5 Mei 2027"); CI builds with both and compares the pages (tests/test_engines.py).
ENGINES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}
#: The engine of `make site` and of the published site. Changing engines is this one line.
ENGINE = "mkdocs"
#: The configuration every engine reads (ProperDocs would look for properdocs.yml first, so it is named).
CONFIG = "mkdocs.yml"

#: Set to 1 by the benchmark and the tests, the only places where synthetic offices may be built.
ALLOW_SYNTHETIC = "KINERJA_SINTETIS"


def load_valid(root: Path) -> model.Package:
    """The package as a model, or ProblemsFound listing every problem.

    A package holding a synthetic office (kantor.csv `sintetis = ya`) is refused unless
    KINERJA_SINTETIS=1: its documents are copies made for measuring and must never be published.
    """
    problems = validate(root)
    if problems:
        raise ProblemsFound(problems)
    package = model.load(root)
    synthetic = [k.id for k in package.kantor.values() if k.sintetis == "ya"]
    if synthetic and os.environ.get(ALLOW_SYNTHETIC) != "1":
        shown = ", ".join(synthetic[:5]) + (f" dan {len(synthetic) - 5} lagi" if len(synthetic) > 5 else "")
        raise ProblemsFound(
            [
                Problem(
                    "kantor_sintetis",
                    "data/kantor.csv",
                    f"paket memuat kantor sintetis ({shown}); data uji tidak boleh diterbitkan.",
                    "hapus kantor sintetis dan dokumennya dari paket (kembalikan data/ dari git); "
                    f"tolok ukur dan uji membangunnya dengan {ALLOW_SYNTHETIC}=1.",
                    None,
                    "sintetis",
                )
            ]
        )
    return package


def generate(root: Path, package: model.Package | None = None) -> model.Package:
    """Write every generated page and download under content/, from one validated package."""
    package = package or load_valid(root)
    content = root / paths.CONTENT
    try:
        for name in paths.GENERATED:
            shutil.rmtree(content / name, ignore_errors=True)
        changed = data_changed_epoch(root)
        downloads.write_all(package, content, changed)
        pages.write_all(package, content, changed)
        share_image.write_all(package, content)
        embed.write_all(package, content)
    except OSError as error:
        raise BuildError(atomic.os_message(error, content)) from error
    return package


def mkdocs_build(root: Path, destination: Path, epoch: int, engine: str = ENGINE) -> None:
    """Run `<engine> build --strict` (MkDocs by default) into destination; a failure becomes BuildError."""
    name = ENGINES[engine]
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", engine, "build", "--strict", "--quiet", "-f", str(root / CONFIG)]
    command += ["-d", str(destination)]
    try:
        result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BuildError(
            f"program '{command[0]}' tidak ditemukan. Jalankan 'make site' agar lingkungan dipasang."
        ) from error
    if result.returncode != 0:
        if f"No module named {engine}" in result.stderr:
            raise BuildError(f"{name} belum terpasang. Jalankan 'make site' agar lingkungan dipasang.")
        raise BuildError(f"{name} gagal membangun situs:\n" + (result.stderr or result.stdout).strip())


def build(root: Path, output: Path, engine: str = ENGINE) -> None:
    """The whole pipeline; publishes output/ only when every step succeeded.

    `engine` is another engine of ENGINES for one build (CI compares ProperDocs' pages with MkDocs').
    """
    output = output if output.is_absolute() else root / output
    package = load_valid(root)
    generate(root, package)
    epoch = source_date_epoch(root)
    with atomic.staging(output) as staging:
        mkdocs_build(root, staging, epoch, engine)
        search.index_package_site(staging, package)
        publish.finish_site(package, staging, epoch)
        html_pages.rewrite_pages(staging, stacked_tables.stack_tables, header_search.add_button)
        first_paint.speed_up_site(staging)
        harden.harden_site(staging)
        atomic.publish(staging, output)
