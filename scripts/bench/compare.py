"""The 1× build time of an earlier commit beside the current tree's, in one run (`--banding KOMIT`).

Issue 21 allows a change to grow the 1× build time by at most 20 %, "measured
side by side in one `make bench` run": timings from two runs on a shared
machine cannot be compared. So the two builds alternate (A B A B …) and the
machine's load falls on both alike:

- A is the earlier commit, taken out with `git archive` into the run's scratch
  folder (.bench/, git-ignored; the repository is only read);
- B is the current tree as it is on disk (uncommitted changes included), as
  every scale of the bench builds it.

Each build is `python -m kinerja build` (the command `make site` runs, in
both commits) in a fresh project copy written by synthetic.write_project at
1×, in a child process timed by scale.run_measured, with the environment of
scale.child_env (the same SOURCE_DATE_EPOCH), the same Python and the same
.venv. Each commit is built with its own data package, as it stood; the
report names the data files that differ.
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import synthetic
from .scale import child_env, run_measured
from .settings import COMPARE_ROUNDS, GROWTH_LIMIT
from .tables import markdown_table
from .units import num

#: A = the earlier commit, B = the current tree.
SIDES = ("A", "B")
ROUND_HEADERS = ["Putaran", "Komit", "Dinding s", "CPU s", "RAM puncak MB", "Beban 1 menit"]
SUMMARY_HEADERS = ["Komit", "Median dinding s", "Median CPU s", "Halaman HTML"]


@dataclass
class Build:
    """One timed build of one side."""

    side: str
    round: int
    seconds: float
    cpu: float
    rss_mb: float
    #: The 1-minute load average as the build started.
    load: float


@dataclass
class Comparison:
    """The alternating builds of an earlier commit (A) and the current tree (B)."""

    base: str
    current: str
    rounds: int
    started: datetime
    builds: list[Build] = field(default_factory=list)
    #: Files of the data package (datapackage.json, data/) that differ between A and B.
    data_differs: list[str] = field(default_factory=list)
    #: HTML pages of each side's site.
    pages: dict[str, int] = field(default_factory=dict)
    load_start: tuple[float, ...] = ()
    load_end: tuple[float, ...] = ()
    error: str = ""

    def values(self, side: str, what: str) -> list[float]:
        """The `seconds` or `cpu` of every build of one side, in order."""
        return [getattr(b, what) for b in self.builds if b.side == side]

    def median(self, side: str, what: str) -> float:
        """The median `seconds` or `cpu` of one side (0 when it was never built)."""
        return median_of(self.values(side, what))

    def ratio(self, what: str) -> float:
        """B's median over A's, for `seconds` or `cpu`."""
        return ratio(self.median("A", what), self.median("B", what))

    def label(self, side: str) -> str:
        """The side and its commit, short: 'A (c0abf6f)'."""
        return f"{side} ({(self.base if side == 'A' else self.current)[:7]})"


def median_of(values: list[float]) -> float:
    """The median, or 0 for no values."""
    return statistics.median(values) if values else 0.0


def ratio(base: float, new: float) -> float:
    """new / base, or 0 when base is 0 (nothing measured)."""
    return new / base if base else 0.0


def growth(value: float) -> str:
    """A ratio as signed growth in percent: 1.123 → '+12,3 %', 0.95 → '−5,0 %'."""
    percent = (value - 1) * 100
    return f"{'+' if percent >= 0 else '−'}{num(abs(percent))} %"


def verdict(value: float, limit: float = GROWTH_LIMIT) -> str:
    """Whether B's time over A's stays within the limit, in words: '+12,3 % (batas +20,0 %: tercapai)'."""
    if not value:
        return "tidak terukur"
    kept = "tercapai" if value <= limit else "TIDAK tercapai"
    return f"{growth(value)} (batas {growth(limit)}: {kept})"


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def resolve(root: Path, rev: str) -> str:
    """The full id of a commit named by `rev` (id, branch, tag); ValueError in Indonesian when none."""
    done = _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if done.returncode != 0 or not done.stdout.strip():
        raise ValueError(f"--banding: komit '{rev}' tidak ditemukan di repositori {root}")
    return done.stdout.decode().strip()


def current_id(root: Path) -> str:
    """The commit id of the current tree, with a mark when tracked files were changed since."""
    head = _git(root, "rev-parse", "HEAD").stdout.decode().strip() or "(tanpa git)"
    dirty = _git(root, "status", "--porcelain", "--untracked-files=no").stdout.strip()
    return head + (" + perubahan belum dikomit" if dirty else "")


def export(root: Path, commit: str, destination: Path) -> None:
    """The tracked files of `commit`, written into `destination` (git archive, nothing checked out)."""
    done = _git(root, "archive", "--format=tar", commit)
    if done.returncode != 0:
        raise ValueError(f"git archive {commit} gagal: {done.stderr.decode(errors='replace').strip()}")
    destination.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        archive.extractall(destination, filter="data")


def differing_data(a: Path, b: Path) -> list[str]:
    """The files of the data package (datapackage.json, data/) that differ between two trees or are in one."""

    def files(root: Path) -> dict[str, bytes]:
        found = [root / "datapackage.json", *(root / "data").rglob("*")]
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in found if p.is_file()}

    left, right = files(a), files(b)
    return sorted(name for name in left.keys() | right.keys() if left.get(name) != right.get(name))


def measure(
    root: Path, work: Path, base: str, rounds: int = COMPARE_ROUNDS, keep: bool = False
) -> Comparison:
    """Build commit `base` (A) and the tree at `root` (B) alternately, `rounds` times each, timed.

    A failed build ends the comparison with its error line in `error`.
    """
    comparison = Comparison(base, current_id(root), rounds, datetime.now().astimezone())
    comparison.load_start = os.getloadavg()
    folder = work / "banding"
    source = folder / f"sumber-{base[:12]}"
    try:
        export(root, base, source)
        comparison.data_differs = differing_data(source, root)
    except (OSError, ValueError, tarfile.TarError) as error:
        comparison.error = f"komit {base[:12]} tidak dapat diambil: {error}"
        return comparison
    trees = dict(zip(SIDES, (source, root), strict=True))
    for number in range(1, rounds + 1):
        for side, tree in trees.items():
            failed = _build(comparison, side, number, tree, folder / f"{side}-{number}", keep)
            if failed:
                comparison.error = f"{comparison.label(side)} putaran {number}: {failed}"
                return comparison
    comparison.load_end = os.getloadavg()
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
    return comparison


def _build(comparison: Comparison, side: str, number: int, tree: Path, folder: Path, keep: bool) -> str:
    """One timed build of `tree` in a fresh copy under `folder`; the error line, or '' when it built."""
    project, site = folder / "proyek", folder / "situs"
    try:
        synthetic.write_project(tree, project, 1)
    except (OSError, ValueError, KeyError) as error:
        return f"salinan proyek gagal: {error}"
    load = os.getloadavg()[0]
    print(f"[banding] {comparison.label(side)} putaran {number}/{comparison.rounds}…", flush=True)
    command = [sys.executable, "-m", "kinerja", "build", "--output", str(site)]
    run = run_measured(command, project, child_env(project))
    if run.returncode != 0:
        return f"pembangunan gagal: {run.error_line()}"
    comparison.builds.append(Build(side, number, run.seconds, run.cpu_seconds, run.rss_mb, load))
    comparison.pages[side] = sum(1 for _ in site.rglob("*.html"))
    print(f"[banding]   {num(run.seconds)} s dinding, {num(run.cpu_seconds)} s CPU", flush=True)
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
    return ""


def round_rows(comparison: Comparison) -> list[list[object]]:
    """One row per build, in the order they ran."""
    return [
        [b.round, comparison.label(b.side), num(b.seconds, 2), num(b.cpu, 2), num(b.rss_mb), num(b.load, 2)]
        for b in comparison.builds
    ]


def summary_rows(comparison: Comparison) -> list[list[object]]:
    """Per side: median wall and CPU seconds and the pages built."""
    return [
        [
            comparison.label(side),
            num(comparison.median(side, "seconds"), 2),
            num(comparison.median(side, "cpu"), 2),
            comparison.pages.get(side, 0),
        ]
        for side in SIDES
    ]


def notes(comparison: Comparison) -> list[str]:
    """The verdicts in words: B over A for wall and CPU time, the load, and an error if any."""
    out = []
    if comparison.error:
        out.append(f"GAGAL: {comparison.error}.")
    out += [
        f"Waktu dinding B/A: {num(comparison.ratio('seconds'), 2)}, {verdict(comparison.ratio('seconds'))}.",
        f"Waktu CPU B/A: {num(comparison.ratio('cpu'), 2)}, {verdict(comparison.ratio('cpu'))}.",
    ]
    loads = [", ".join(num(x, 2) for x in values) for values in (comparison.load_start, comparison.load_end)]
    if comparison.load_start:
        out.append(
            f"Beban mesin (load average 1/5/15 menit) di awal: {loads[0]}"
            + (f"; di akhir: {loads[1]}." if comparison.load_end else ".")
        )
    return out


def section(comparison: Comparison, heading: str) -> list[str]:
    """The report's section (Markdown lines, in Indonesian) under `heading`."""
    data = (
        "berkas paket data yang berbeda: " + ", ".join(f"`{name}`" for name in comparison.data_differs)
        if comparison.data_differs
        else "paket datanya sama"
    )
    when = comparison.started
    return [
        heading,
        "",
        f"Diukur {when:%Y-%m-%d} pukul {when:%H:%M %Z}. **A** = komit `{comparison.base}`, "
        f"**B** = pohon kerja saat ini (`{comparison.current}`). Keduanya dibangun bergantian "
        f"(A B A B …, {comparison.rounds} putaran masing-masing) agar beban mesin mengenai keduanya sama. "
        "Setiap pembangunan adalah `python -m kinerja build` dalam salinan proyek baru di `.bench/` "
        "(A diambil dengan `git archive`), dengan SOURCE_DATE_EPOCH, Python dan `.venv` yang sama. "
        f"Setiap komit dibangun dengan paket datanya sendiri ({data}). *Dinding* = waktu dinding; "
        "*CPU* = user + sys proses pembangunan dan anak yang ditunggunya; *Beban* = load average 1 menit "
        f"saat pembangunan mulai. Batas isu 21: waktu bangun 1× tumbuh paling banyak {growth(GROWTH_LIMIT)}.",
        "",
        markdown_table(ROUND_HEADERS, round_rows(comparison)),
        "",
        markdown_table(SUMMARY_HEADERS, summary_rows(comparison)),
        "",
        *[f"- {note}" for note in notes(comparison)],
        "",
    ]


__all__ = ["Comparison", "measure", "resolve", "section", "verdict"]
