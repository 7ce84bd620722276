"""Search benchmark: the Indonesian lunr extension on demand, per office and for all offices, beside Pagefind.

`python -m bench.cari --skala 1,10,100,553` builds each scale once
(under .bench/, like `python -m bench`), writes both candidates' files into the
same built site and measures them in one run, in Debian's Chromium, through the
real search page (/cari/, the site's own, drives lunr; /cari-pagefind/ is
the same page with the Pagefind adapter, bench/pagefind.py), served by the
gzip server of bench/__init__.py (level 6):

- *before search*: bytes of any index file (site/pagefind/, site/cari/indeks/)
  requested by a first visit to sample pages and to the search page
  itself before typing — must be 0;
- *first query*: everything the page requests from the moment a query is put
  in the box until the results are shown and the network is idle, in a fresh
  context per query, for every query of tests/fixtures/search_queries.yml
  (median and maximum, bytes as sent and requests);
- *quality*: the 74 queries typed into the box in one tab; a hit when an
  expected page is among the first three results;
- *index build time*: `search.build_index` for each engine on the built site.

The all-offices mode of the same page (/cari/?kantor=semua, outputs/search/semua.py)
is measured twice: as built (pages that offices print alike grouped), and with
every page its own document (`semua.write(grouped=False)`), the worst case of
offices that share no text, which the synthetic package (copies) cannot show.

Every scale is a pipeline build of synthetic.write_project (up to 553 offices,
each its own lunr scope); `measure_site` also serves the main bench, which
measures the site's own engine on the sites it has built anyway.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kinerja import model, paths
from kinerja.browser import CHROMIUM, CHROMIUM_ARGS, PHONE
from kinerja.outputs import search
from kinerja.outputs.search import lunr, semua

from . import pagefind, synthetic
from .scale import child_env
from .tables import markdown_table
from .units import KB, num
from .weight import Hit, gzip_size, serve

QUERIES = paths.PROJECT / "tests" / "fixtures" / "search_queries.yml"
#: The search page of each candidate: the site's own (lunr), and the same page driving Pagefind.
LUNR = "lunr per kantor"
ALL = "semua kantor"
ALL_UNGROUPED = "semua kantor tanpa kelompok"
ENGINES = {
    "Pagefind": "cari-pagefind/",
    LUNR: "cari/",
    ALL: "cari/?kantor=semua",
    ALL_UNGROUPED: "cari/?kantor=semua",
}
VERBOSE = False
SAMPLE = ("", "kinerja/indikator/ik24-s40/", "kinerja/indikator/", "kinerja/glosarium/")
SYNTHETIC_OFFICES = 553
RESULTS = "#cari-hasil > li > a"
SETTLED = (
    "() => { const s = document.getElementById('cari-status'); const t = s ? s.textContent : '';"
    " return /hasil untuk|Tidak ada hasil|gagal/.test(t); }"
)


def is_index(path: str) -> bool:
    """Whether a requested path is part of a search index or engine (not the search page itself)."""
    return path.startswith(("/pagefind/", "/" + lunr.FOLDER + "/"))


@dataclass
class FirstQuery:
    """One first query in a fresh tab: what it requested after the page was loaded."""

    query: str
    hits: list[Hit]

    @property
    def wire(self) -> int:
        return sum(h.wire for h in self.hits)


@dataclass
class EngineRun:
    """The figures of one engine at one scale."""

    engine: str
    scale: str
    build_s: float
    disk: int
    before: int = 0
    before_paths: list[str] = field(default_factory=list)
    queries: list[FirstQuery] = field(default_factory=list)
    hits: int | None = None
    total: int = 0
    misses: list[str] = field(default_factory=list)
    #: lunr only: what a search over every office at once would download (all scopes, gzip 6).
    whole_site: int = 0

    def median(self) -> float:
        return statistics.median(q.wire for q in self.queries) if self.queries else 0

    def maximum(self) -> FirstQuery | None:
        return max(self.queries, key=lambda q: q.wire) if self.queries else None

    def requests(self) -> tuple[int, int]:
        counts = [len(q.hits) for q in self.queries] or [0]
        return int(statistics.median(counts)), max(counts)


def load_queries() -> list[dict[str, Any]]:
    """The query set, each with `expected` as a list."""
    items = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    for item in items:
        item["expected"] = [item["expected"]] if isinstance(item["expected"], str) else list(item["expected"])
    return items


def index_engines(site: Path, project: Path, engines: Sequence[str]) -> dict[str, tuple[float, int]]:
    """Build each engine's index into the built site; engine → (seconds, bytes on disk).

    The parts of the site's own step (`search.build_index`: read the pages, lunr's files, the
    all-offices index) are timed one by one; reading the pages counts for each engine. The pages
    read are kept for the ungrouped all-offices case, written just before it is measured.
    """
    package = model.load(project)
    home = package.home.id if package.kantor else ""
    start = time.perf_counter()
    items, roots = search.indexed(site, [dataclasses.asdict(g) for g in package.glosarium])
    read_s = time.perf_counter() - start
    _READ[site] = (items, lambda url: lunr.office_of(url, home), read_s)
    out = {}
    start = time.perf_counter()
    lunr.write(site, items, _READ[site][1])
    search.write_stemmer_data(site, roots)
    lunr_s = time.perf_counter() - start
    all_s, all_disk = write_all(site, grouped=True)
    out[LUNR] = (read_s + lunr_s, _disk(site / lunr.FOLDER) - all_disk)
    out[ALL] = out[ALL_UNGROUPED] = (all_s, all_disk)
    if "Pagefind" not in engines:
        return out
    start = time.perf_counter()
    pagefind.write(site, items)
    out["Pagefind"] = (
        time.perf_counter() - start + read_s,
        _disk(site / pagefind.BUNDLE) + _stemmer_data(site),
    )
    pagefind.search_page(site)
    return out


#: The pages of each measured site as `search.indexed` read them, their scope function and the seconds taken.
_READ: dict[Path, tuple[list[tuple[search.Page, search.Hidden]], Callable[[str], str], float]] = {}


def write_all(site: Path, grouped: bool) -> tuple[float, int]:
    """Write the all-offices index (grouped or not) from the pages `index_engines` read; (seconds with
    the reading, bytes on disk)."""
    items, scope_of, read_s = _READ[site]
    start = time.perf_counter()
    semua.write(site, items, scope_of, grouped=grouped)
    return time.perf_counter() - start + read_s, _disk(site / lunr.FOLDER / semua.SUBFOLDER)


def _disk(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _stemmer_data(site: Path) -> int:
    return (site / search.STEMMER_DATA).stat().st_size


# ------------------------------------------------------------------------------------- in Chromium


def _type_and_wait(page: Any, query: str, typed: bool) -> list[str]:
    box = page.locator("#cari-kueri")
    if typed:
        box.fill("")
        page.wait_for_timeout(250)
        box.press_sequentially(query, delay=15)
    else:
        box.fill(query)
    page.wait_for_function(SETTLED, timeout=60_000)
    page.wait_for_load_state("networkidle", timeout=120_000)
    page.wait_for_timeout(300)
    page.wait_for_function(SETTLED, timeout=60_000)
    return page.eval_on_selector_all(RESULTS, "els => els.map(a => new URL(a.href).pathname)")


def measure(
    site: Path,
    runs: dict[str, EngineRun],
    queries: list[dict[str, Any]],
    quality: bool,
    scale: str,
    sample: int,
) -> None:
    """Fill in before-search bytes, first-query bytes and (optionally) quality for each engine.

    The ungrouped all-offices case rewrites the index before it is measured (from the pages
    `index_engines` read) and the grouped one is written back afterwards.
    """
    from playwright.sync_api import sync_playwright

    with serve(site) as (base, recorder), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            for name, run in runs.items():
                page_path = ENGINES[name]
                if name == ALL_UNGROUPED and site in _READ:
                    run.build_s, run.disk = write_all(site, grouped=False)
                for path in [p for p in SAMPLE if (site / p / "index.html").exists()] + [page_path]:
                    context = browser.new_context(**PHONE)
                    tab = context.new_page()
                    recorder.take()
                    tab.goto(base + path, wait_until="networkidle")
                    tab.wait_for_timeout(300)
                    found = [h for h in recorder.take() if is_index(h.path)]
                    run.before += sum(h.wire for h in found)
                    run.before_paths += [h.path for h in found]
                    context.close()
                chosen = queries[:: max(1, len(queries) // sample)][:sample] if sample else queries
                print(f"  [{scale}] {name}: kueri pertama ×{len(chosen)}…", flush=True)
                for item in chosen:
                    context = browser.new_context(**PHONE)
                    tab = context.new_page()
                    tab.goto(base + page_path, wait_until="networkidle")
                    recorder.take()
                    _type_and_wait(tab, item["query"], typed=False)
                    run.queries.append(FirstQuery(item["query"], recorder.take()))
                    if VERBOSE:
                        print(f"    {item['query']}: {run.queries[-1].wire} B", flush=True)
                    context.close()
                if quality:
                    run.hits, run.total, run.misses = _quality(browser, base, page_path, queries)
        finally:
            browser.close()
            if ALL_UNGROUPED in runs and site in _READ:
                write_all(site, grouped=True)


def _quality(
    browser: Any, base: str, page_path: str, queries: list[dict[str, Any]]
) -> tuple[int, int, list[str]]:
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    tab.goto(base + page_path, wait_until="networkidle")
    hits, misses = 0, []
    for item in queries:
        top = [p.lstrip("/") for p in _type_and_wait(tab, item["query"], typed=True)][:3]
        if any(e in top for e in item["expected"]):
            hits += 1
        else:
            misses.append(f"{item['query']} → {', '.join(top) or '—'}")
    context.close()
    return hits, len(queries), misses


# ------------------------------------------------------------------------------------- scales


def build_scale(root: Path, work: Path, factor: int) -> tuple[Path, Path]:
    """The pipeline build of the project with `factor` offices: (project, site)."""
    import subprocess

    project = work / f"proyek-{factor}x"
    site = work / f"situs-{factor}x"
    shutil.rmtree(project, ignore_errors=True)  # always the current code and content
    synthetic.write_project(root, project, factor)
    command = [sys.executable, "-m", "kinerja", "--root", str(project), "build", "--output", str(site)]
    result = subprocess.run(command, cwd=project, env=child_env(project), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:] + result.stdout[-2000:])
    return project, site


def measure_site(
    project: Path,
    site: Path,
    label: str,
    engines: Sequence[str] = tuple(ENGINES),
    sample: int = 0,
    quality: bool = True,
) -> list[EngineRun]:
    """Index a built site with `engines` and measure them in Chromium (see the module docstring).

    The site's own index is built again (the same files the pipeline wrote) to time it.
    """
    built = index_engines(site, project, engines)
    runs = {name: EngineRun(name, label, *built[name]) for name in engines}
    if LUNR in runs:
        runs[LUNR].whole_site = whole_site(site)
    measure(site, runs, load_queries(), quality=quality, scale=label, sample=sample)
    return list(runs.values())


def run(
    root: Path,
    scales: Sequence[int],
    work: Path,
    sample: int = 0,
    quality_scales: Sequence[int] = (1, 10, 100, 553),
    engines: Sequence[str] = tuple(ENGINES),
) -> list[EngineRun]:
    """Every scale, both engines; returns the figures (also printed as a Markdown table)."""
    results: list[EngineRun] = []
    for factor in scales:
        label = f"{factor}×"
        print(f"[{label}] membangun…", flush=True)
        project, site = build_scale(root, work, factor)
        results += measure_site(project, site, label, engines, sample, quality=factor in quality_scales)
        print(table(results), flush=True)
    return results


def whole_site(site: Path) -> int:
    """Bytes (gzip 6) of every lunr file: the cost of one search over all offices at once."""
    return sum(gzip_size(p.read_bytes()) for p in (site / lunr.FOLDER).iterdir() if p.is_file())


def table(results: Sequence[EngineRun]) -> str:
    """The comparison as a Markdown table (Indonesian headers, KB = 1024 bytes)."""
    rows = []
    for r in results:
        biggest = r.maximum()
        median_req, max_req = r.requests()
        rows.append(
            [
                r.scale,
                r.engine,
                num(r.before / KB),
                num(r.median() / KB),
                f"{num(biggest.wire / KB)} ({biggest.query})" if biggest else "—",
                f"{median_req} / {max_req}",
                f"{r.hits}/{r.total}" if r.hits is not None else "tidak diukur",
                num(r.build_s, 2),
                num(r.disk / KB / KB, 2),
                num(r.whole_site / KB) if r.whole_site else "—",
            ]
        )
    headers = [
        "Skala",
        "Mesin",
        "Sebelum mencari KB",
        "Kueri pertama KB (median)",
        "Kueri pertama KB (maks.)",
        "Permintaan (median / maks.)",
        "Mutu 3 teratas",
        "Bangun indeks s",
        "Di disk MB",
        "Semua kantor sekaligus KB",
    ]
    return markdown_table(headers, rows)


def _main(argv: Sequence[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.cari", description=__doc__.split("\n")[0])
    parser.add_argument("--skala", default="1,10,100,553")
    parser.add_argument("--kerja", default=".bench/cari")
    parser.add_argument("--json", default="", help="simpan angka mentah ke berkas ini")
    parser.add_argument("--sampel", type=int, default=0, help="kueri pertama hanya untuk N kueri (0: semua)")
    parser.add_argument("--rinci", action="store_true", help="cetak bita setiap kueri pertama")
    parser.add_argument("--mesin", default=",".join(ENGINES), help="mesin yang diukur, dipisah koma")
    parser.add_argument("--situs", default="", help="ukur situs yang sudah dibangun ini (tanpa membangun)")
    parser.add_argument("--proyek", default="", help="proyek situs --situs itu")
    parser.add_argument("--label", default="", help="nama skala situs --situs itu, misalnya 553×")
    args = parser.parse_args(argv)
    global VERBOSE
    VERBOSE = args.rinci
    root = paths.PROJECT
    work = (root / args.kerja).resolve()
    work.mkdir(parents=True, exist_ok=True)
    engines = [e.strip() for e in args.mesin.split(",") if e.strip() in ENGINES]
    if args.situs:
        results = measure_site(Path(args.proyek), Path(args.situs), args.label or "?", engines, args.sampel)
    else:
        scales = sorted({int(s) for s in args.skala.split(",") if s.strip()})
        results = run(root, scales, work, sample=args.sampel, engines=engines)
    print(table(results))
    for r in results:
        if r.misses:
            print(f"{r.scale} {r.engine} meleset: " + "; ".join(r.misses))
        if r.before_paths:
            print(f"{r.scale} {r.engine} sebelum mencari: " + ", ".join(r.before_paths))
    if args.json:
        data = [
            {
                **{k: v for k, v in dataclasses.asdict(r).items() if k != "queries"},
                "queries": [{"query": q.query, "wire": q.wire, "requests": len(q.hits),
                             "paths": [h.path for h in q.hits]} for q in r.queries],
            }
            for r in results
        ]  # fmt: skip
        Path(args.json).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
