"""The build, step by step: validate → model → pages and downloads → MkDocs → publish.

This is the one module that knows every room: it runs validation, loads the
model, lets the outputs write under content/, runs the site engine (MkDocs,
see ENGINE) into a temporary folder, finishes the site there and swaps it
with site/ in one step. A failure at any point, or a process killed mid-way,
leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

from . import atomic, history, model, paths
from .clock import data_changed_epoch, source_date_epoch
from .datapackage import DataPackage
from .errors import BuildError, ProblemsFound
from .outputs import engine_hook, registry, tembolok
from .outputs.writer import ContentWriter
from .validate import load_verdicts, save_verdicts, validate

#: The engines that can turn content/ and mkdocs.yml into HTML, by Python module, with their names for
#: people. ProperDocs is the maintained MkDocs 1.x fork, the exit from MkDocs (docs/keputusan.md,
#: "Mesin situs setelah 5 Mei 2027"); CI builds with both and compares the pages (tests/test_engines.py).
ENGINES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}
#: The engine of `make site` and of the published site. Changing engines is this one line.
ENGINE = "mkdocs"
#: The configuration every engine reads (ProperDocs would look for properdocs.yml first, so it is named).
CONFIG = "mkdocs.yml"
#: From how many indicators the pages are written in a second process beside the downloads (_beside):
#: at 100 offices (6,200 indicators) the two take about as long; the real package (62) stays in one.
PARALLEL_FROM = 1_000


def load_valid(root: Path | DataPackage) -> model.Package:
    """The package (or the one in folder `root`) as a model, or ProblemsFound listing every problem.

    Validation and the model share one DataPackage, so each data file is read once.
    """
    files = root if isinstance(root, DataPackage) else DataPackage(root)
    problems = validate(files)
    if problems:
        raise ProblemsFound(problems)
    return model.load(files)


def data_dates(root: Path, package: model.Package) -> tuple[int, dict[str, int]]:
    """When the package's data last changed, and each office's (kinerja.history), from git."""
    offices = history.office_dates(root, list(package.kantor), package.office_of, package.files.read)
    return data_changed_epoch(root), offices


def generate(
    root: Path, package: model.Package | None = None, dates: tuple[int, dict[str, int]] | None = None
) -> model.Package:
    """Write every generated page and download under content/, from one validated package.

    The outputs are those of outputs/registry.py, each called once, in its order. A file that already
    holds what it would be written with is left alone, and files of the folders the generator owns
    that this generation did not write are removed (outputs/writer.py). `dates` are data_dates'.
    """
    package = package or load_valid(root)
    content = root / paths.CONTENT
    writer = ContentWriter()
    changed, offices = dates or data_dates(root, package)
    try:
        if _beside(package):
            _pages_beside_downloads(package, content, changed, offices, writer)
        else:
            registry.write_downloads(package, content, changed, writer, offices)
            registry.write_pages(package, content, changed, writer, offices)
        writer.remove_others(content / name for name in paths.GENERATED)
    except OSError as error:
        raise BuildError(atomic.os_message(error, content)) from error
    return package


def _beside(package: model.Package) -> bool:
    """Whether the pages are written in a second process beside the downloads: a package of at least
    PARALLEL_FROM indicators, on a machine with a second core and fork (Linux, as CI and the builders)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    forks = "fork" in multiprocessing.get_all_start_methods()
    return len(package.indikator) >= PARALLEL_FROM and cores > 1 and forks


def _pages_beside_downloads(
    package: model.Package, content: Path, changed: int, offices: dict[str, int], writer: ContentWriter
) -> None:
    """registry.write_pages in a forked process while this one runs registry.write_downloads.

    The two write disjoint files (pages under content/kinerja/, downloads and API elsewhere) and neither
    reads what the other writes, so the files are the same as written one after the other. The child
    reports the files it wrote (they join `writer`, for remove_others) or the exception that stopped it,
    which is raised here.
    """
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        pages = ContentWriter()
        try:
            registry.write_pages(package, content, changed, pages, offices)
            message: tuple[str, object] = ("ok", sorted(str(path) for path in pages.written))
        except BaseException as error:  # told to the parent, which raises it
            message = ("error", error)
        try:
            send.send(message)
        except Exception:  # an exception that cannot be pickled: its text
            send.send(("error", RuntimeError(traceback.format_exc())))

    process = context.Process(target=child, name="kinerja-halaman")
    process.start()
    send.close()
    report = None
    try:
        registry.write_downloads(package, content, changed, writer, offices)
        try:
            report = receive.recv()
        except EOFError:
            raise BuildError(
                f"proses penulis halaman berhenti tanpa laporan (kode keluar {process.exitcode}). "
                "Ulangi 'make site'."
            ) from None
    finally:
        if report is None:  # the downloads failed (or were interrupted): the pages are not needed
            process.terminate()
        process.join()
        receive.close()
    kind, value = report
    if kind != "ok":
        raise value
    writer.written.update(Path(path) for path in value)


def mkdocs_build(
    root: Path, destination: Path, epoch: int, engine: str = ENGINE, plan: Path | None = None
) -> None:
    """Run `<engine> build --strict` (MkDocs by default) into destination; a failure becomes BuildError.

    `plan` is the build cache's plan file for the engine's hook (outputs/engine_hook.py): the files
    it names are left out of this build.
    """
    name = ENGINES[engine]
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    env.pop(engine_hook.PLAN_VARIABLE, None)
    if plan is not None:
        env[engine_hook.PLAN_VARIABLE] = str(plan)
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
    Pages whose source, code and settings are unchanged since an earlier build are taken from the
    build cache instead of being built again (outputs/tembolok.py); the site is the same byte for byte.
    Frictionless' verdicts on files whose bytes are unchanged come from the cache too (paths.VERDICTS),
    kept only when the site was published.
    """
    output = output if output.is_absolute() else root / output
    verdicts = root / paths.BUILD_CACHE / paths.VERDICTS
    load_verdicts(verdicts)
    package = load_valid(root)
    dates = data_dates(root, package)
    generate(root, package, dates)
    epoch = source_date_epoch(root)
    try:
        cache = tembolok.plan(root, engine)
        work = atomic.fresh_folder(root, paths.BUILD_WORK_PREFIX)
    except OSError as error:
        raise BuildError(atomic.os_message(error, root / paths.BUILD_CACHE)) from error
    try:
        with atomic.staging(output) as staging:
            mkdocs_build(root, staging, epoch, engine, cache.request(work))
            kept, found = cache.restore(work, staging)
            registry.finish_site(package, staging, epoch, kept, found, dates)
            atomic.publish(staging, output)
        try:
            cache.save(output, found)
            save_verdicts(package.files, verdicts)
        except OSError as error:  # the site is published; the next build only starts with less cached
            message = atomic.os_message(error, cache.cache)
            print(f"Peringatan: tembolok pembangunan tidak tersimpan: {message}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
