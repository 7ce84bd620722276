"""Benchmarks: page weight per page type, build time, search and Zensical at 1× to 553 offices.

This package sits beside the product, not in it (scripts/bench, not scripts/kinerja): it imports
kinerja and kinerja never imports it (tests/test_architecture.py).
`python -m bench` (`make bench`) measures, on copies under .bench/
(git-ignored; the real data/ and content/ are only read), at each scale
(synthetic.py: the real package plus N−1 synthetic offices):

1. the pipeline (`python -m kinerja build`) stage by stage, its peak memory,
   and a bare `mkdocs build` of the same generated content (scale.py);
2. the first visit of each page type, and of the heaviest HTML page, as a web
   server sends it (weight.py): the site is served on 127.0.0.1 by a small
   server that gzips text, and Debian's Chromium loads each page in a fresh
   phone context while the server counts every request and byte;
3. search (cari.py): index bytes before a query (must be none), the first
   query's bytes and the quality of the query set, for the site's lunr
   extension and for Pagefind, side by side in one run;
4. `zensical build` of the same content/ and mkdocs.yml, in .venv-bench
   (requirements-bench.lock), and whether its output is complete (zensical.py).

At 1× also: Lighthouse on every page type (lighthouse.py) and the indicator
page beside a bare Material build of the same content (bare.py). With
`--banding KOMIT` the 1× build of that commit and of the current tree are
timed alternately in the same run (compare.py); `--hanya-banding` measures
only that. The figures
are printed and written, dated, to docs/benchmarks.md (report.py). Output for
people is in Indonesian. No timing is asserted anywhere: this is a report.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from . import bare, cari, compare, costs
from .lighthouse import lighthouse_pages
from .machine import machine_facts
from .report import REPORT, Findings, print_report, write_report
from .scale import ScaleRun, child_env, measure_scale, scale_dir
from .units import num
from .weight import page_path, sample_pages, weigh
from .zensical import SKIPPED, ensure_bench_venv, measure_zensical, zensical_note

DEFAULT_SCALES = "1,100,553"
#: Set to 1 to keep the project copies and sites under .bench/ after the run, for a look at them.
KEEP = "KINERJA_BENCH_SIMPAN"


def parse_scales(text: str) -> list[int]:
    """'1,10,100' → [1, 10, 100]; raises ValueError with an Indonesian message."""
    try:
        values = sorted({int(part) for part in text.replace(" ", "").split(",") if part})
    except ValueError as error:
        raise ValueError(
            f"--skala harus berupa bilangan bulat dipisah koma, misalnya 1,10,100 (bukan '{text}')"
        ) from error
    if not values or values[0] < 1:
        raise ValueError("--skala harus memuat bilangan 1 atau lebih")
    return values


def run(
    root: Path,
    scales: str = DEFAULT_SCALES,
    zensical: bool = True,
    addendum: bool = False,
    banding: str | None = None,
    banding_only: bool = False,
) -> int:
    """Measure everything, print the tables and write docs/benchmarks.md; 0 when every build ran.

    1× is always built, because the page weights and Lighthouse are measured on
    the real package; it is reported among the scales only when asked for.
    With `addendum` the report keeps the previous run and adds this one below it
    (report.write_report). With `banding` (a commit) the 1× build of that commit is
    timed beside the current tree's first (compare.py); with `banding_only` nothing else is measured.
    Returns 2 for a wrong --skala or commit and 1 when a build failed (a scale over the
    synthetic limit is reported, not a failure).
    """
    try:
        factors = parse_scales(scales)
        base = compare.resolve(root, banding) if banding else None
    except ValueError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        return 2
    started = datetime.now().astimezone()
    clock = time.perf_counter()
    program: Path | None = None
    note = "" if banding_only else SKIPPED
    if zensical and not banding_only:
        program, reason = ensure_bench_venv(root)
        note = zensical_note(program, reason)
    findings = Findings(machine_facts(program))
    runs: list[ScaleRun] = []
    work_parent = root / ".bench"
    work_parent.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"kerja-{started:%Y%m%d-%H%M%S}-", dir=work_parent))
    keep = os.environ.get(KEEP) == "1"
    command = "python -m bench" + ("" if banding_only else " --skala " + ",".join(str(f) for f in factors))
    if not zensical and not banding_only:
        command += " --tanpa-zensical"
    if addendum:
        command += " --tambahan"
    if banding:
        command += f" --banding {banding}" + (" --hanya-banding" if banding_only else "")
    try:
        if base:
            findings.comparison = compare.measure(root, work, base, keep=keep)
        for factor in [] if banding_only else sorted(set(factors) | {1}):
            measured = measure_scale(root, work, factor)
            if factor in factors:
                runs.append(measured)
            if measured.site is not None:
                measure_site(findings, measured, work, program if factor in factors else None)
            if not keep:
                shutil.rmtree(scale_dir(work, factor), ignore_errors=True)
            # What is measured so far is kept even if a later, larger scale fails.
            findings.runs = runs
            minutes = (time.perf_counter() - clock) / 60
            write_report(root / REPORT, command + " (sebagian)", findings, note, started, minutes, addendum)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    findings.runs = runs
    minutes = (time.perf_counter() - clock) / 60
    print_report(findings)
    write_report(root / REPORT, command, findings, note, started, minutes, addendum)
    print(f"\nHasil ditulis ke {REPORT} ({num(minutes)} menit).")
    failed = any(r.error and "melebihi" not in r.error for r in runs)
    return 1 if failed or (findings.comparison and findings.comparison.error) else 0


def install_bench_venv(root: Path) -> int:
    """Install .venv-bench (Zensical, Pagefind) for the tests that build with Zensical; 1 when it fails."""
    program, reason = ensure_bench_venv(root)
    if program is None:
        print(f"GAGAL: {reason}", file=sys.stderr)
        return 1
    print(f"Zensical siap: {program}")
    return 0


def measure_site(findings: Findings, measured: ScaleRun, work: Path, zensical: Path | None) -> None:
    """Everything measured on one scale's built site: weights, search, Zensical; at 1× Lighthouse too."""
    assert measured.site is not None and measured.site_dir is not None and measured.project is not None
    factor, site, project = measured.factor, measured.site_dir, measured.project
    label = f"{factor}×"
    print(f"[{label}] berat muat pertama per jenis halaman…", flush=True)
    pages = sample_pages(project, site)
    heaviest = page_path(measured.site.largest_gz[0])
    if heaviest not in {path for _, path in pages}:
        pages.append(("HTML terbesar", heaviest))
    findings.weights[factor] = weigh(site, pages)
    if factor == 1:
        print("[1×] Lighthouse pada setiap jenis halaman…", flush=True)
        findings.lights = lighthouse_pages(site, pages, work)
        print("[1×] halaman indikator di samping Material polos…", flush=True)
        bare_site = work / "situs-material-polos"
        indicator = next(path for name, path in pages if name == "Indikator")
        error = bare.build_bare(project, bare_site, child_env(project))
        findings.bare = (
            bare.SideBySide(indicator, error=error)
            if error
            else bare.compare(site, bare_site, indicator, work)
        )
        shutil.rmtree(bare_site, ignore_errors=True)
    print(f"[{label}] biaya per jenis berkas…", flush=True)
    findings.site_costs[factor] = costs.measure(site)
    print(f"[{label}] pencarian: lunr per kantor dan Pagefind…", flush=True)
    findings.search += cari.measure_site(project, site, label)
    if zensical is not None:
        findings.zensical[factor] = measure_zensical(zensical, measured)
