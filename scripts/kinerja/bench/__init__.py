"""Benchmarks: page weight per page type, build time at scale, Zensical beside MkDocs.

`python -m kinerja bench` (`make bench`) measures, on copies under .bench/
(git-ignored; the real data/ and content/ are only read):

1. the weight of each page type as a web server sends it (weight.py): the
   built site is served on 127.0.0.1 by a small server that gzips text, and
   Debian's Chromium loads each page in a fresh context while the server
   counts every request and byte. Lighthouse (lighthouse.py) runs on an
   indicator page when it can;
2. the pipeline (`python -m kinerja build`) at 1×, 10×, 100× the real package
   (synthetic.py), stage by stage, beside a bare `mkdocs build` of the same
   generated content (scale.py);
3. `zensical build` of the same content/ and mkdocs.yml, in .venv-bench
   (requirements-bench.lock), and whether its output is complete (zensical.py).

The figures are printed and written, dated, to docs/benchmarks.md
(report.py). Output for people is in Indonesian. No timing is asserted
anywhere: this is a report.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from .lighthouse import lighthouse
from .machine import machine_facts
from .report import REPORT, Findings, print_report, write_report
from .scale import ScaleRun, measure_scale, scale_dir
from .units import num
from .weight import budget_verdict, heaviest_indicator, sample_pages, serve, weigh
from .zensical import SKIPPED, ensure_bench_venv, measure_zensical, zensical_note

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


def run(root: Path, scales: str = "1,10,100", zensical: bool = True) -> int:
    """Measure everything, print the tables and write docs/benchmarks.md; 0 when every build ran.

    1× is always built, because the page weights and Lighthouse are measured on
    the real package; it is reported among the scales only when asked for.
    Returns 2 for a wrong --skala and 1 when a build failed (a scale over the
    synthetic limit is reported, not a failure).
    """
    try:
        factors = parse_scales(scales)
    except ValueError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        return 2
    started = datetime.now().astimezone()
    clock = time.perf_counter()
    program: Path | None = None
    note = SKIPPED
    if zensical:
        program, reason = ensure_bench_venv(root)
        note = zensical_note(program, reason)
    findings = Findings(machine_facts(program))
    runs: list[ScaleRun] = []
    work_parent = root / ".bench"
    work_parent.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"kerja-{started:%Y%m%d-%H%M%S}-", dir=work_parent))
    keep = os.environ.get(KEEP) == "1"
    try:
        for factor in sorted(set(factors) | {1}):
            measured = measure_scale(root, work, factor)
            if factor in factors:
                runs.append(measured)
            if program is not None and measured.site is not None:
                findings.zensical[factor] = measure_zensical(program, measured)
            if factor == 1 and measured.site is not None and measured.site_dir is not None:
                site = measured.site_dir
                print("[1×] berat halaman per jenis halaman…", flush=True)
                findings.weights = weigh(site, sample_pages(root))
                sample = next(w for w in findings.weights if w.label == "Indikator")
                findings.budget = budget_verdict(sample)
                findings.heaviest = heaviest_indicator(site, sample)
                print("[1×] Lighthouse pada halaman indikator…", flush=True)
                with serve(site) as (base, _):
                    findings.light = lighthouse(base + sample.path, work)
            if not keep:
                shutil.rmtree(scale_dir(work, factor), ignore_errors=True)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    findings.runs = runs
    minutes = (time.perf_counter() - clock) / 60
    print_report(findings)
    command = "python -m kinerja bench --skala " + ",".join(str(f) for f in factors)
    if not zensical:
        command += " --tanpa-zensical"
    write_report(root / REPORT, command, findings, note, started, minutes)
    print(f"\nHasil ditulis ke {REPORT} ({num(minutes)} menit).")
    return 1 if any(r.error and "melebihi" not in r.error for r in runs) else 0
