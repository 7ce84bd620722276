"""The build at scale: the pipeline and a bare MkDocs build of the N× synthetic package, timed.

Each build runs in a child process so that its wall time and peak memory are
its own. The pipeline's child is `python -m bench --pipeline PROJECT
OUTPUT` (bench/__main__.py), which runs `timed_build` and prints the seconds
per stage on a line starting with RESULT_LINE.
"""

from __future__ import annotations

import filecmp
import functools
import importlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kinerja import paths
from kinerja.clock import DEFAULT_EPOCH

from . import synthetic
from .units import KB, num
from .weight import PageWeight, gzip_size, sample_pages, weigh

BUILD_TIMEOUT = 60 * 60
RESULT_LINE = "HASIL-BENCH "
#: Parts of generation and post-processing timed separately: module, function, label in the report.
SUBSTAGES = (
    ("outputs.registry", "write_pages", "halaman"),
    ("outputs.registry", "write_downloads", "unduhan"),
    ("outputs.search", "build_index", "indeks cari"),
    ("outputs.publish", "finish_site", "salin dan periksa unduhan"),
    ("outputs.first_paint", "speed_up_site", "jalur cat pertama"),
    ("outputs.harden", "harden_site", "CSP"),
    ("outputs.shards", "write_shards", "shard"),
    ("atomic", "publish", "publikasi"),
    ("outputs.tembolok", "plan", "tembolok: kunci"),
)


@dataclass
class Measured:
    """One child process: wall time, exit code, peak memory, its output and CPU time."""

    seconds: float
    returncode: int
    rss_mb: float
    stdout: str
    stderr: str
    timed_out: bool = False
    #: User + system CPU seconds of the child and of the processes it waited for.
    cpu_seconds: float = 0.0

    def error_line(self) -> str:
        """The last line that looks like an error, for the report."""
        if self.timed_out:
            return f"dihentikan setelah {num(self.seconds / 60)} menit (batas waktu)"
        lines = [line.strip() for line in (self.stderr + "\n" + self.stdout).splitlines() if line.strip()]
        marked = [line for line in lines if re.search(r"error|gagal|exception|traceback|warning", line, re.I)]
        return (marked or lines or ["(tanpa pesan)"])[-1][:300]


def run_measured(
    command: Sequence[str], cwd: Path, env: dict[str, str], timeout: float = BUILD_TIMEOUT
) -> Measured:
    """Run a command: its wall time, CPU time and peak resident memory (itself and its children)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=out, stderr=err)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(
            seconds,
            process.returncode,
            usage.ru_maxrss / 1024,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds >= timeout,
            usage.ru_utime + usage.ru_stime,
        )


def timed_build(root: Path, output: Path) -> dict[str, float]:
    """Run the real pipeline (pipeline.build) with a stopwatch around each stage; seconds per stage.

    The stages are timed by wrapping the functions pipeline.build calls, so the
    pipeline measured is the one `make site` runs, unchanged.
    """
    from kinerja import model, pipeline

    spent: dict[str, float] = defaultdict(float)
    marks: dict[str, float] = {}
    builder = os.getpid()

    def wrap(owner: object, name: str, stage: str) -> None:
        """Replace owner.name by the same function with a stopwatch that adds to `stage`."""
        original = getattr(owner, name, None)
        if not callable(original):
            return

        @functools.wraps(original)
        def timed(*args: object, **kwargs: object) -> object:
            """The original call, timed."""
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                marks[stage] = time.perf_counter()
                spent[stage] += marks[stage] - start
                if os.getpid() != builder:  # a stage of the build's second process (the pages)
                    print(RESULT_LINE + json.dumps({stage: spent[stage]}), flush=True)

        setattr(owner, name, timed)

    wrap(pipeline, "validate", "validasi")
    wrap(model, "load", "model")
    wrap(pipeline, "generate", "generasi")
    wrap(pipeline, "mkdocs_build", "mkdocs")
    for module, name, stage in SUBSTAGES:
        try:
            wrap(importlib.import_module(f"kinerja.{module}"), name, stage)
        except ImportError:
            continue
    pipeline.build(root, output)
    end = time.perf_counter()
    spent["pascaproses"] = end - marks.get("mkdocs", end)
    spent["rss_anak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return dict(spent)


def stages_of(stdout: str) -> dict[str, float]:
    """The seconds per stage a timed build printed: the build's own line, and those of its second
    process (the pages, written beside the downloads; pipeline._pages_beside_downloads)."""
    stages: dict[str, float] = {}
    for line in stdout.splitlines():
        if line.startswith(RESULT_LINE):
            stages.update(json.loads(line[len(RESULT_LINE) :]))
    return stages


@dataclass
class SiteFacts:
    """Size and pages of a built site."""

    pages: set[str]
    bytes: int
    largest: tuple[str, int]
    indicator_pages: int
    #: The HTML page with the most bytes after gzip (level 6), and those bytes.
    largest_gz: tuple[str, int] = ("", 0)
    #: The shards of site/shards.json (name, paths, bytes, files), empty when the site has none.
    shards: list[dict] = field(default_factory=list)

    @property
    def mb(self) -> float:
        """Size in MB (1 MB = 1024 KB)."""
        return self.bytes / KB / KB


def site_facts(site: Path) -> SiteFacts:
    """Every HTML page (relative path), total bytes, the largest page (raw, gzip) and the indicator pages."""
    pages: set[str] = set()
    total = 0
    largest = ("", 0)
    largest_gz = ("", 0)
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.suffix == ".html":
            rel = path.relative_to(site).as_posix()
            pages.add(rel)
            if size > largest[1]:
                largest = (rel, size)
            if size > largest_gz[1] and (packed := gzip_size(path.read_bytes())) > largest_gz[1]:
                largest_gz = (rel, packed)
    indicator = sum(1 for p in pages if re.fullmatch(r"kinerja/indikator/[^/]+/index\.html", p))
    listing = site / paths.SHARDS
    shards = json.loads(listing.read_text(encoding="utf-8")) if listing.is_file() else []
    return SiteFacts(pages, total, largest, indicator, largest_gz, shards)


@dataclass
class ScaleRun:
    """The pipeline and a bare MkDocs build at one scale, and where their copies are."""

    factor: int
    project: Path | None = None
    site_dir: Path | None = None
    indikator: int = 0
    repeats: int = 1
    stages: dict[str, float] = field(default_factory=dict)
    total: float = 0.0
    rss_mb: float = 0.0
    bare: float = 0.0
    site: SiteFacts | None = None
    weight: PageWeight | None = None
    error: str = ""
    #: The build after one office's realisation changed (the cache of the last clean build warm): wall
    #: and CPU seconds, or why it failed.
    incremental: float = 0.0
    incremental_cpu: float = 0.0
    incremental_error: str = ""
    #: Files that differ between that build and a clean build of the same data (None: not compared).
    incremental_differs: list[str] | None = None
    #: Why that clean build for the comparison failed ("" when it did not).
    incremental_check_error: str = ""

    @property
    def ratio(self) -> float:
        """Pipeline time over bare MkDocs time."""
        return self.total / self.bare if self.bare else 0.0

    @property
    def ms_per_page(self) -> float:
        """Pipeline milliseconds per HTML page."""
        return self.total * 1000 / len(self.site.pages) if self.site and self.site.pages else 0.0


def child_env(project: Path) -> dict[str, str]:
    """The environment of every build of a project copy: its own scripts/, a fixed date, no git above it."""
    return {
        **os.environ,
        "PYTHONPATH": str(project / "scripts"),
        # Every benchmark build is dated the day the documents were signed.
        "SOURCE_DATE_EPOCH": str(DEFAULT_EPOCH),
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        # The copy lives inside the repository: git must not mistake it for the real project.
        "GIT_CEILING_DIRECTORIES": str(project.parent),
    }


def commit(project: Path, epoch: int, *names: str) -> None:
    """Commit `names` (everything when none) in the project copy's own repository, dated `epoch`.

    The copy is kept in git as a maintainer's project is, so that the build after a realisation is the
    one the Pages workflow runs after a commit: the build's date and each office's data date come from
    the history (kinerja.history), not from a fixed SOURCE_DATE_EPOCH.
    """
    when = f"@{epoch} +0000"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    git = ["git", "-c", "user.name=Tolok ukur", "-c", "user.email=bench@contoh.test"]
    if not (project / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True, env=env)
    subprocess.run([*git, "add", "--", *(names or ["."])], cwd=project, check=True, env=env)
    subprocess.run([*git, "commit", "-q", "-m", "tolok ukur"], cwd=project, check=True, env=env)


def git_env(project: Path) -> dict[str, str]:
    """child_env without a fixed date: the build's date is the project copy's last commit (commit)."""
    env = child_env(project)
    env.pop("SOURCE_DATE_EPOCH")
    return env


def scale_dir(work: Path, factor: int) -> Path:
    """The folder of one scale's copies (project, pipeline site, bare site), removed once measured."""
    return work / f"skala-{factor}x"


def repeats_for(factor: int) -> int:
    """How often to build at a scale (the fastest run counts): small scales are noisy and cheap."""
    return 3 if factor <= 1 else 2 if factor <= 10 else 1


def measure_scale(root: Path, work: Path, factor: int) -> ScaleRun:
    """Write the N× project copy, then time the pipeline and a bare MkDocs build on it.

    Each build is repeated `repeats_for(factor)` times and the fastest counts,
    as the machine is shared; the pipeline's indicator page is then weighed.
    """
    project = scale_dir(work, factor) / "proyek"
    site = project.parent / "situs-pipeline"
    bare_site = project.parent / "situs-polos"
    result = ScaleRun(factor, project=project, site_dir=site)
    try:
        made = synthetic.write_project(root, project, factor)
    except synthetic.TooLarge as error:
        result.error = str(error)
        return result
    result.indikator = made.indikator
    commit(project, DEFAULT_EPOCH)
    env = git_env(project)
    result.repeats = repeats_for(factor)
    pipeline = [sys.executable, "-m", "bench", "--pipeline", str(project), str(site)]
    bare_build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(bare_site)]
    for attempt in range(1, result.repeats + 1):
        print(
            f"[{factor}×] pipeline (validasi → generasi → mkdocs → pascaproses), {made.indikator} indikator, "
            f"putaran {attempt}/{result.repeats}…",
            flush=True,
        )
        shutil.rmtree(project / paths.BUILD_CACHE, ignore_errors=True)  # every counted build is a clean one
        run = run_measured(pipeline, project, env)
        if run.returncode != 0:
            result.error = f"pipeline gagal: {run.error_line()}"
            return result
        result.rss_mb = max(result.rss_mb, run.rss_mb)
        if not result.total or run.seconds < result.total:
            result.stages = stages_of(run.stdout)
            result.total = run.seconds
        print(f"[{factor}×]   {num(run.seconds)} s; mkdocs build polos atas konten yang sama…", flush=True)
        bare = run_measured(bare_build, project, env)
        shutil.rmtree(bare_site, ignore_errors=True)
        if bare.returncode != 0:
            result.error = f"mkdocs build polos gagal: {bare.error_line()}"
            break
        print(f"[{factor}×]   {num(bare.seconds)} s", flush=True)
        result.bare = min(result.bare, bare.seconds) if result.bare else bare.seconds
    result.site = site_facts(site)
    sample = next(path for label, path in sample_pages(project) if label == "Indikator")
    result.weight = weigh(site, [("Indikator", sample)])[0]
    if made.offices:
        measure_incremental(result, made.offices[-1]["id"], pipeline, env)
    return result


def measure_incremental(result: ScaleRun, office: str, pipeline: list[str], env: dict[str, str]) -> None:
    """Add and commit one realisation row for `office` (a day after the first commit), build again with the
    cache the last build left, then build the same commit clean (cache removed) beside it and list the
    files in which the two sites differ."""
    assert result.project is not None
    code = synthetic.add_realisation(result.project, office)
    commit(result.project, DEFAULT_EPOCH + 86_400, "data")
    print(f"[{result.factor}×] bangun ulang sesudah realisasi {code} ditambah…", flush=True)
    run = run_measured(pipeline, result.project, env)
    if run.returncode != 0:
        result.incremental_error = run.error_line()
        return
    result.incremental, result.incremental_cpu = run.seconds, run.cpu_seconds
    print(f"[{result.factor}×]   {num(run.seconds)} s; pembangunan bersih data yang sama untuk dibandingkan…",
          flush=True)  # fmt: skip
    assert result.site_dir is not None
    clean = result.site_dir.with_name(result.site_dir.name + "-bersih")
    shutil.rmtree(result.project / paths.BUILD_CACHE, ignore_errors=True)
    check = run_measured([*pipeline[:-1], str(clean)], result.project, env)
    if check.returncode == 0:
        result.incremental_differs = differing_files(result.site_dir, clean)
    else:
        result.incremental_check_error = check.error_line()
    shutil.rmtree(clean, ignore_errors=True)


def differing_files(first: Path, second: Path) -> list[str]:
    """Paths (relative, sorted) present in only one of two trees or with different bytes in each."""

    def listing(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    one, two = listing(first), listing(second)
    differ = one ^ two
    differ |= {path for path in one & two if not filecmp.cmp(first / path, second / path, shallow=False)}
    return sorted(differ)
