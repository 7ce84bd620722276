"""Benchmarks: page weight per page type, build time at scale, Zensical beside MkDocs.

`python -m kinerja bench` (`make bench`) measures, on copies under .bench/
(git-ignored; the real data/ and content/ are only read):

1. the weight of each page type as a web server sends it: the built site is
   served on 127.0.0.1 by a small threaded server that gzips text (level 6),
   and Debian's Chromium (Playwright) loads each page in a fresh context; the
   server counts every request and the bytes it sent (a search index would
   show as its own column; the site's search loads none before a query, see
   bench/cari.py for the search itself). Lighthouse (npx) runs on
   an indicator page when it can;
2. the pipeline (`python -m kinerja build`) at 1×, 10×, 100× the real package
   (synthetic.py), stage by stage, beside a bare `mkdocs build` of the same
   generated content;
3. `zensical build` of the same content/ and mkdocs.yml, in .venv-bench
   (requirements-bench.lock), and whether its output is complete.

The figures are printed and written, dated, to docs/benchmarks.md. Output for
people is in Indonesian. No timing is asserted anywhere: this is a report.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import importlib
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from importlib import metadata as importlib_metadata
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .. import csvio
from ..browser import CHROMIUM, CHROMIUM_ARGS, PHONE
from ..clock import DEFAULT_EPOCH
from ..paths import slug as url_slug
from . import synthetic

GZIP_LEVEL = 6
KB = 1024
BUDGET_BYTES = 100 * KB
BUDGET_REQUESTS = 15
RATIO_GOAL = 1.2
#: The build's timestamp in every benchmark build (the date the documents were signed).
EPOCH = DEFAULT_EPOCH
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".map", ".jsonld"}
SEARCH_INDEX_NAMES = ("search_index.json", "search.json")
#: Folders of search files: the site's own (outputs/search/lunr.py) and Pagefind's in the search benchmark.
SEARCH_FOLDERS = ("/cari/indeks/", "/pagefind/")
KINDS = ("HTML", "CSS", "JS", "indeks cari", "font", "gambar", "lain")
LIGHTHOUSE = ["npx", "--yes", "lighthouse@12"]
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUILD_TIMEOUT = 60 * 60
ZENSICAL_TIMEOUT = 30 * 60
REPORT = Path("docs") / "benchmarks.md"
#: Everything after this line of docs/benchmarks.md is written by hand and kept by every run.
HAND_MARK = "<!-- catatan-tangan: bagian di bawah baris ini ditulis tangan dan dipertahankan oleh bench -->"
RESULT_LINE = "HASIL-BENCH "
#: Parts of generation and post-processing timed separately: module, function, label in the report.
SUBSTAGES = (
    ("outputs.pages", "write_all", "halaman"),
    ("outputs.downloads", "write_all", "unduhan"),
    ("outputs.search", "build_index", "indeks cari"),
    ("outputs.publish", "finish_site", "salin dan periksa unduhan"),
    ("outputs.harden", "harden_site", "CSP"),
    ("atomic", "publish", "publikasi"),
)


# ------------------------------------------------------------------------------------- small helpers


def gzip_size(data: bytes, level: int = GZIP_LEVEL) -> int:
    """Bytes of `data` after gzip at `level`, as a server with on-the-fly compression sends them."""
    return len(gzip.compress(data, compresslevel=level, mtime=0))


def compressible(path: str) -> bool:
    """Whether a server would gzip this file (text formats only, not images or fonts)."""
    return Path(urlsplit(path).path).suffix.lower() in COMPRESSIBLE or urlsplit(path).path.endswith("/")


def kind_of(path: str) -> str:
    """The kind of a requested file, from its path: HTML, CSS, JS, search index, font, image, other."""
    name = urlsplit(path).path
    suffix = Path(name).suffix.lower()
    if name.endswith("/") or suffix in (".html", ".htm"):
        return "HTML"
    if name.rsplit("/", 1)[-1] in SEARCH_INDEX_NAMES or name.startswith(SEARCH_FOLDERS):
        return "indeks cari"
    if suffix == ".css":
        return "CSS"
    if suffix in (".js", ".mjs"):
        return "JS"
    if suffix in (".woff", ".woff2", ".ttf", ".otf", ".eot"):
        return "font"
    if suffix in (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico"):
        return "gambar"
    return "lain"


def kb(size: float) -> str:
    """A byte count in KB (1 KB = 1024 B) with one decimal, Indonesian decimal comma."""
    return f"{size / KB:,.1f}".replace(",", " ").replace(".", ",")


def num(value: float, digits: int = 1) -> str:
    """A number with Indonesian decimal comma."""
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table with aligned columns (numbers right-aligned), for the terminal."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) if i < len(row) else 0 for row in cells) for i in range(len(headers))]

    def numeric(text: str) -> bool:
        return bool(re.fullmatch(r"[-+]?[0-9][0-9 ]*(,[0-9]+)?( ?[%×x])?", text))

    lines = []
    for number, row in enumerate(cells):
        row = row + [""] * (len(headers) - len(row))
        parts = [
            cell.rjust(width) if number and numeric(cell) else cell.ljust(width)
            for cell, width in zip(row, widths, strict=True)
        ]
        lines.append("  ".join(parts).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (pipes in cells escaped)."""

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------- weight


@dataclass
class Hit:
    """One request as the server answered it: path, status, bytes on disk and bytes sent."""

    path: str
    status: int
    raw: int
    wire: int

    @property
    def kind(self) -> str:
        """HTML, CSS, JS, search index, font, image or other."""
        return kind_of(self.path)


@dataclass
class PageWeight:
    """Everything one first load of a page requested."""

    label: str
    path: str
    hits: list[Hit]
    method: str

    @property
    def requests(self) -> int:
        """Number of requests."""
        return len(self.hits)

    @property
    def wire(self) -> int:
        """Bytes sent, compressed where the server compresses."""
        return sum(h.wire for h in self.hits)

    @property
    def raw(self) -> int:
        """Bytes of the files themselves."""
        return sum(h.raw for h in self.hits)

    def by_kind(self, kind: str) -> int:
        """Bytes sent for one kind of file."""
        return sum(h.wire for h in self.hits if h.kind == kind)

    @property
    def html_wire(self) -> int:
        """Compressed bytes of the page's own HTML (the first HTML request)."""
        return next((h.wire for h in self.hits if h.kind == "HTML"), 0)

    @property
    def failed(self) -> list[str]:
        """Requests answered with an error status."""
        return [f"{h.path} ({h.status})" for h in self.hits if h.status >= 400]


class _AssetParser(HTMLParser):
    """Stylesheets, scripts, icons and Material's __config of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.config_text = ""
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        rel = values.get("rel", "").lower().split()
        if tag == "link" and ("stylesheet" in rel or "icon" in rel) and values.get("href"):
            self.urls.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.urls.append(values["src"])
        elif tag == "script" and values.get("id") == "__config":
            self._in_config = True
        elif tag == "img" and values.get("src") and values.get("loading") != "lazy":
            self.urls.append(values["src"])

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_config = False


def _site_file(site: Path, path: str) -> Path | None:
    """The file a static server answers for a site-relative URL path, if any."""
    rel = unquote(urlsplit(path).path).lstrip("/")
    target = (site / rel).resolve()
    if not target.is_relative_to(site.resolve()):
        return None
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def static_weight(site: Path, page: str, label: str = "", level: int = GZIP_LEVEL) -> PageWeight:
    """The first-load weight of a page computed from the files, without a browser.

    Counts the HTML, every stylesheet, script and icon it links, and, when the
    page carries Material's search box, the search worker and the search index
    (the site's own search loads nothing before a query).
    Sizes are the files gzipped at `level` (images and fonts as they are).
    """
    seen: list[str] = []
    base = "http://situs/"
    page_url = urljoin(base, page)
    html_file = _site_file(site, page)
    if html_file is None:
        raise FileNotFoundError(f"halaman {page!r} tidak ada di {site}")
    parser = _AssetParser()
    parser.feed(html_file.read_text(encoding="utf-8"))
    urls = [page_url] + [urljoin(page_url, u) for u in parser.urls]
    try:
        config = json.loads(parser.config_text) if parser.config_text.strip() else {}
    except json.JSONDecodeError:
        config = {}
    if config.get("search") and 'data-md-component="search"' in html_file.read_text(encoding="utf-8"):
        urls.append(urljoin(page_url, config["search"]))
        root_url = urljoin(page_url, str(config.get("base", ".")).rstrip("/") + "/")
        urls.append(urljoin(root_url, "search/search_index.json"))
    hits = []
    for url in urls:
        parts = urlsplit(url)
        if parts.netloc != "situs" or parts.path in seen:
            continue
        seen.append(parts.path)
        target = _site_file(site, parts.path)
        if target is None:
            hits.append(Hit(parts.path, 404, 0, 0))
            continue
        data = target.read_bytes()
        wire = gzip_size(data, level) if compressible(target.name) else len(data)
        hits.append(Hit(parts.path, 200, len(data), wire))
    return PageWeight(label or page, page, hits, "statis (berkas + gzip)")


class _Recorder:
    """The requests the server answered, in order, shared between its threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.hits: list[Hit] = []

    def add(self, hit: Hit) -> None:
        with self.lock:
            self.hits.append(hit)

    def take(self) -> list[Hit]:
        with self.lock:
            taken, self.hits = self.hits, []
        return taken


def _handler(site: Path, level: int, recorder: _Recorder) -> type[http.server.BaseHTTPRequestHandler]:
    cache: dict[Path, bytes] = {}
    cache_lock = threading.Lock()

    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {
            **http.server.SimpleHTTPRequestHandler.extensions_map,
            ".js": "text/javascript",
            ".json": "application/json",
            ".jsonld": "application/ld+json",
            ".csv": "text/csv",
            ".svg": "image/svg+xml",
        }

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(site), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
            pass

        def _answer(self, body_wanted: bool) -> None:
            path = urlsplit(self.path).path
            local = Path(self.translate_path(self.path))
            if local.is_dir() and not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                recorder.add(Hit(path, 301, 0, 0))
                return
            target = local / "index.html" if local.is_dir() else local
            if not target.is_file():
                self.send_error(404)
                recorder.add(Hit(path, 404, 0, 0))
                return
            data = target.read_bytes()
            zipped = "gzip" in self.headers.get("Accept-Encoding", "") and compressible(target.name)
            body = data
            if zipped:
                with cache_lock:
                    body = cache.get(target) or cache.setdefault(
                        target, gzip.compress(data, compresslevel=level, mtime=0)
                    )
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(target)))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            if zipped:
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            if body_wanted:
                self.wfile.write(body)
            recorder.add(Hit(path, 200, len(data), len(body)))

        def do_GET(self) -> None:  # noqa: N802 - stdlib name
            self._answer(True)

        def do_HEAD(self) -> None:  # noqa: N802 - stdlib name
            self._answer(False)

    return Handler


@contextmanager
def serve(site: Path, level: int = GZIP_LEVEL) -> Iterator[tuple[str, _Recorder]]:
    """Serve `site` on 127.0.0.1 (a free port) with gzip; yields the base URL and the request log."""
    recorder = _Recorder()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site, level, recorder))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", recorder
    finally:
        server.shutdown()
        server.server_close()


def browser_available() -> str:
    """Why Chromium through Playwright cannot be used here, or '' when it can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} tidak ada"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "paket Python 'playwright' tidak terpasang"
    return ""


def browser_weights(
    site: Path, pages: Sequence[tuple[str, str]], level: int = GZIP_LEVEL
) -> list[PageWeight]:
    """The first load of each page in a fresh Chromium context (phone viewport), as the server saw it."""
    from playwright.sync_api import sync_playwright

    results = []
    with serve(site, level) as (base, recorder), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            for label, path in pages:
                context = browser.new_context(**PHONE)
                page = context.new_page()
                recorder.take()
                page.goto(base + path, wait_until="networkidle", timeout=300_000)
                page.wait_for_timeout(700)
                hits = recorder.take()
                context.close()
                results.append(PageWeight(label, path, hits, "Chromium"))
        finally:
            browser.close()
    return results


def weigh(site: Path, pages: Sequence[tuple[str, str]]) -> list[PageWeight]:
    """Page weights in Chromium when available, else computed from the files."""
    reason = browser_available()
    if not reason:
        try:
            return browser_weights(site, pages)
        except Exception as error:  # noqa: BLE001 - any browser failure falls back to the static count
            reason = f"Chromium gagal: {str(error).splitlines()[0]}"
    print(f"  (peramban tidak dipakai: {reason}; berat dihitung dari berkas)", flush=True)
    return [static_weight(site, path, label) for label, path in pages]


def sample_pages(root: Path) -> list[tuple[str, str]]:
    """The page types to weigh, with the first row of each kind as the sample."""
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"] for r in descriptor["resources"]}

    def first(name: str) -> str:
        rows = csvio.read(root / paths[name])
        return url_slug(rows[0]["id"])

    return [
        ("Beranda", ""),
        ("Indikator", f"kinerja/indikator/{first('indikator')}/"),
        ("Sasaran", f"kinerja/sasaran/{first('sasaran')}/"),
        ("Program", f"kinerja/program/{first('program')}/"),
        ("Dokumen", f"kinerja/dokumen/{first('dokumen')}/"),
        ("Semua indikator", "kinerja/indikator/"),
        ("Pohon kinerja", "kinerja/pohon/"),
        ("Unduh data", "unduh/"),
    ]


def heaviest_indicator(site: Path, sample: PageWeight) -> tuple[str, int, int]:
    """The indicator page whose first load weighs most: its path, bytes sent and requests.

    Every indicator page loads the same assets as the sample, so its weight is
    the sample's minus the sample's HTML plus its own HTML gzipped.
    """
    shared = sample.wire - sample.html_wire
    best = ("", -1)
    for html in sorted((site / "kinerja" / "indikator").glob("*/index.html")):
        size = gzip_size(html.read_bytes())
        if size > best[1]:
            best = (str(html.parent.relative_to(site)) + "/", size)
    return best[0], shared + max(best[1], 0), sample.requests


@dataclass
class Lighthouse:
    """Lighthouse scores (0–100) of one page, or why it could not run."""

    url: str
    scores: dict[str, int] = field(default_factory=dict)
    metrics: dict[str, str] = field(default_factory=dict)
    failing: list[str] = field(default_factory=list)
    version: str = ""
    reason: str = ""


def lighthouse(url: str, workdir: Path) -> Lighthouse:
    """Run Lighthouse 12 (npx, mobile preset) with Debian's Chromium; never raises."""
    result = Lighthouse(url)
    if shutil.which("npx") is None:
        result.reason = "npx tidak ditemukan (Node.js/npm tidak terpasang)"
        return result
    if not CHROMIUM.exists():
        result.reason = f"{CHROMIUM} tidak ada"
        return result
    output = workdir / "lighthouse.json"
    command = [
        *LIGHTHOUSE,
        url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
    ]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env, cwd=workdir)
    except subprocess.TimeoutExpired:
        result.reason = "Lighthouse tidak selesai dalam 10 menit"
        return result
    if run.returncode != 0 or not output.is_file():
        lines = [line for line in (run.stderr + run.stdout).splitlines() if line.strip()]
        result.reason = f"Lighthouse gagal (kode {run.returncode}): {lines[-1] if lines else 'tanpa pesan'}"
        return result
    report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        result.reason = f"Lighthouse: {report['runtimeError'].get('message', report['runtimeError'])}"
        return result
    result.version = report.get("lighthouseVersion", "")
    for name in LIGHTHOUSE_CATEGORIES:
        score = report["categories"].get(name, {}).get("score")
        if score is not None:
            result.scores[name] = round(score * 100)
    for audit in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                  "cumulative-layout-shift", "speed-index"):  # fmt: skip
        value = report["audits"].get(audit, {}).get("displayValue")
        if value:
            result.metrics[audit] = str(value).replace("\xa0", " ")
    for name in LIGHTHOUSE_CATEGORIES:
        for ref in report["categories"].get(name, {}).get("auditRefs", []):
            audit = report["audits"].get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 0.9:
                result.failing.append(f"{name}: {audit.get('title', ref['id'])}")
    return result


# --------------------------------------------------------------------------------------------- scale


@dataclass
class Measured:
    """One child process: wall time, exit code, peak memory and its output."""

    seconds: float
    returncode: int
    rss_mb: float
    stdout: str
    stderr: str
    timed_out: bool = False

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
    """Run a command, returning its wall time and peak resident memory (itself and its children)."""
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
        )


def timed_build(root: Path, output: Path) -> dict[str, float]:
    """Run the real pipeline (build.build) with a stopwatch around each stage; seconds per stage.

    The stages are timed by wrapping the functions build.build calls, so the
    pipeline measured is the one `make site` runs, unchanged.
    """
    from .. import model
    from .. import pipeline as build

    spent: dict[str, float] = defaultdict(float)
    marks: dict[str, float] = {}

    def wrap(owner: object, name: str, stage: str) -> None:
        original = getattr(owner, name, None)
        if not callable(original):
            return

        @functools.wraps(original)
        def timed(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                marks[stage] = time.perf_counter()
                spent[stage] += marks[stage] - start

        setattr(owner, name, timed)

    wrap(build, "validate", "validasi")
    wrap(model, "load", "model")
    wrap(build, "generate", "generasi")
    wrap(build, "mkdocs_build", "mkdocs")
    for module, name, stage in SUBSTAGES:
        try:
            wrap(importlib.import_module(f"kinerja.{module}"), name, stage)
        except ImportError:
            continue
    start = time.perf_counter()
    build.build(root, output)
    end = time.perf_counter()
    spent["pascaproses"] = end - marks.get("mkdocs", end)
    spent["total_dalam"] = end - start
    spent["rss_diri_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    spent["rss_anak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return dict(spent)


@dataclass
class SiteFacts:
    """Size and pages of a built site."""

    pages: set[str]
    bytes: int
    largest: tuple[str, int]
    indicator_pages: int

    @property
    def mb(self) -> float:
        """Size in MB (1 MB = 1024 KB)."""
        return self.bytes / KB / KB


def site_facts(site: Path) -> SiteFacts:
    """Every HTML page (relative path), total bytes, the largest page and the indicator pages."""
    pages: set[str] = set()
    total = 0
    largest = ("", 0)
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
    indicator = sum(1 for p in pages if re.fullmatch(r"kinerja/indikator/[^/]+/index\.html", p))
    return SiteFacts(pages, total, largest, indicator)


@dataclass
class ZensicalRun:
    """One `zensical build` of a project copy and how its output compares with MkDocs'."""

    seconds: float = 0.0
    rss_mb: float = 0.0
    ok: bool = False
    pages: int = 0
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    indicator_pages: int = 0
    macros: str = ""
    search_index: str = ""
    error: str = ""
    weight: PageWeight | None = None


@dataclass
class ScaleRun:
    """The pipeline, a bare MkDocs build and Zensical at one scale."""

    factor: int
    indikator: int = 0
    repeats: int = 1
    stages: dict[str, float] = field(default_factory=dict)
    total: float = 0.0
    rss_mb: float = 0.0
    bare: float = 0.0
    bare_rss_mb: float = 0.0
    site: SiteFacts | None = None
    weight: PageWeight | None = None
    zensical: ZensicalRun | None = None
    error: str = ""

    @property
    def ratio(self) -> float:
        """Pipeline time over bare MkDocs time."""
        return self.total / self.bare if self.bare else 0.0

    @property
    def ms_per_page(self) -> float:
        """Pipeline milliseconds per HTML page."""
        return self.total * 1000 / len(self.site.pages) if self.site and self.site.pages else 0.0


def _child_env(project: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(project / "scripts"),
        "SOURCE_DATE_EPOCH": str(EPOCH),
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        # The copy lives inside the repository: git must not mistake it for the real project.
        "GIT_CEILING_DIRECTORIES": str(project.parent),
    }
    return env


def _check_zensical(project: Path, mkdocs_site: SiteFacts, indikator: int) -> ZensicalRun:
    """Compare Zensical's site/ with MkDocs' pages: same paths, indicator pages, macros rendered."""
    out = project / "site"
    result = ZensicalRun()
    facts = site_facts(out)
    result.pages = len(facts.pages)
    result.missing = sorted(mkdocs_site.pages - facts.pages)
    result.extra = sorted(facts.pages - mkdocs_site.pages)
    result.indicator_pages = facts.indicator_pages
    home = out / "index.html"
    text = home.read_text(encoding="utf-8") if home.is_file() else ""
    if "{{" in text or "{%" in text:
        result.macros = "TIDAK: beranda memuat '{{ … }}' mentah"
    elif re.search(rf"<strong>{indikator}</strong>", text):
        result.macros = f"ya (beranda menampilkan {indikator} indikator)"
    else:
        result.macros = "tidak pasti (angka indikator tidak ditemukan di beranda)"
    names = [n for n in SEARCH_INDEX_NAMES if list(out.rglob(n))]
    result.search_index = ", ".join(names) or "tidak ada"
    result.ok = not result.missing and result.indicator_pages == indikator and result.macros.startswith("ya")
    return result


def repeats_for(factor: int) -> int:
    """How often to build at a scale (the fastest run counts): small scales are noisy and cheap."""
    return 3 if factor <= 1 else 2 if factor <= 10 else 1


def measure_scale(
    root: Path, work: Path, factor: int, zensical: Path | None, weigh_page: bool = True
) -> ScaleRun:
    """Write the N× project copy, then time the pipeline, a bare MkDocs build and Zensical on it."""
    result = ScaleRun(factor)
    project = work / f"skala-{factor}x" / "proyek"
    try:
        made = synthetic.write_project(root, project, factor)
    except synthetic.TooLarge as error:
        result.error = str(error)
        return result
    result.indikator = made.indikator
    env = _child_env(project)
    site = project.parent / "situs-pipeline"
    bare_site = project.parent / "situs-polos"
    result.repeats = repeats_for(factor)
    pipeline = [sys.executable, "-m", "kinerja.bench", "--pipeline", str(project), str(site)]
    bare_build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(bare_site)]
    for attempt in range(1, result.repeats + 1):
        print(
            f"[{factor}×] pipeline (validasi → generasi → mkdocs → pascaproses), {made.indikator} indikator, "
            f"putaran {attempt}/{result.repeats}…",
            flush=True,
        )
        run = run_measured(pipeline, project, env)
        if run.returncode != 0:
            result.error = f"pipeline gagal: {run.error_line()}"
            return result
        result.rss_mb = max(result.rss_mb, run.rss_mb)
        if not result.total or run.seconds < result.total:
            line = next((x for x in reversed(run.stdout.splitlines()) if x.startswith(RESULT_LINE)), "")
            result.stages = json.loads(line[len(RESULT_LINE) :]) if line else {}
            result.total = run.seconds
        print(f"[{factor}×]   {num(run.seconds)} s; mkdocs build polos atas konten yang sama…", flush=True)
        bare = run_measured(bare_build, project, env)
        shutil.rmtree(bare_site, ignore_errors=True)
        if bare.returncode != 0:
            result.error = f"mkdocs build polos gagal: {bare.error_line()}"
            break
        print(f"[{factor}×]   {num(bare.seconds)} s", flush=True)
        result.bare = min(result.bare, bare.seconds) if result.bare else bare.seconds
        result.bare_rss_mb = max(result.bare_rss_mb, bare.rss_mb)
    result.site = site_facts(site)
    if weigh_page:
        sample = next(path for label, path in sample_pages(project) if label == "Indikator")
        result.weight = weigh(site, [("Indikator", sample)])[0]
    if zensical is not None:
        print(f"[{factor}×] zensical build atas content/ dan mkdocs.yml yang sama…", flush=True)
        z = run_measured(
            [str(zensical), "build", "--clean", "-f", "mkdocs.yml"], project, env, timeout=ZENSICAL_TIMEOUT
        )
        print(f"[{factor}×]   {num(z.seconds)} s, kode keluar {z.returncode}", flush=True)
        if z.returncode != 0 or not (project / "site").is_dir():
            result.zensical = ZensicalRun(seconds=z.seconds, rss_mb=z.rss_mb, error=z.error_line())
        else:
            result.zensical = _check_zensical(project, result.site, made.indikator)
            result.zensical.seconds = z.seconds
            result.zensical.rss_mb = z.rss_mb
            if weigh_page and factor == 1:
                sample = next(path for label, path in sample_pages(project) if label == "Indikator")
                result.zensical.weight = weigh(project / "site", [("Indikator (Zensical)", sample)])[0]
    return result


def ensure_bench_venv(root: Path) -> tuple[Path | None, str]:
    """.venv-bench with requirements-bench.lock installed (by hash); the zensical program or why not."""
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
    steps = (
        [sys.executable, "-m", "venv", str(venv)],
        [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", "--require-hashes",
         "-r", str(lock)],
    )  # fmt: skip
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, cwd=root)
        if done.returncode != 0:
            lines = [
                x for x in (done.stderr + done.stdout).splitlines() if x.strip() and "is ignored" not in x
            ]
            return None, f"pemasangan .venv-bench gagal: {lines[-1] if lines else done.returncode}"
    stamp.write_text(digest + "\n", encoding="utf-8")
    return program, ""


def _version(command: Sequence[str]) -> str:
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "tidak ada"
    text = (done.stdout or done.stderr).strip().splitlines()
    return text[0].strip() if text else "tidak ada"


def machine_facts(zensical: Path | None) -> list[tuple[str, str]]:
    """CPU, memory, OS, Python and the versions of the tools measured."""
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

    def package(name: str) -> str:
        try:
            return importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            return "tidak terpasang"

    load = ", ".join(num(x, 2) for x in os.getloadavg())
    return [
        ("Inti CPU", f"{os.cpu_count()} ({cpu or 'model tidak diketahui'})"),
        ("Memori", memory),
        ("Sistem", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", platform.python_version()),
        ("MkDocs", package("mkdocs")),
        ("Material for MkDocs", package("mkdocs-material")),
        ("mkdocs-macros-plugin", package("mkdocs-macros-plugin")),
        ("frictionless", package("frictionless")),
        ("Playwright (Python)", package("playwright")),
        ("Zensical", _version([str(zensical), "--version"]) if zensical else "tidak terpasang"),
        ("Chromium", _version([str(CHROMIUM), "--version"]) if CHROMIUM.exists() else "tidak ada"),
        ("Node.js", _version(["node", "--version"]) if shutil.which("node") else "tidak ada"),
        ("Beban mesin (load average 1/5/15 menit) saat mulai", load),
    ]


# ------------------------------------------------------------------------------------------- report


def weight_rows(weights: Sequence[PageWeight]) -> list[list[object]]:
    """One row per page: requests and compressed bytes by kind."""
    rows = []
    for w in weights:
        other = w.by_kind("font") + w.by_kind("gambar") + w.by_kind("lain")
        rows.append([
            w.label, "/" + w.path, w.requests, kb(w.by_kind("HTML")), kb(w.by_kind("CSS")),
            kb(w.by_kind("JS")), kb(w.by_kind("indeks cari")), kb(other), kb(w.wire), kb(w.raw),
        ])  # fmt: skip
    return rows


WEIGHT_HEADERS = [
    "Halaman", "Alamat", "Permintaan", "HTML KB", "CSS KB", "JS KB", "Indeks cari KB", "Lain KB",
    "Total gz KB", "Total mentah KB",
]  # fmt: skip
SCALE_HEADERS = [
    "Skala", "Ulang", "Indikator", "Halaman", "Validasi s", "Generasi s", "MkDocs s", "Pascaproses s",
    "Total s", "MkDocs polos s", "Rasio", "ms/halaman", "Situs MB", "Halaman terbesar KB", "RAM puncak MB",
    "Indeks cari gz KB", "Halaman indikator gz KB",
]  # fmt: skip
ZENSICAL_HEADERS = [
    "Skala", "Zensical s", "MkDocs polos s", "Zensical/MkDocs", "Halaman (Zensical/MkDocs)", "Hilang",
    "Halaman indikator", "Makro", "Indeks cari", "RAM puncak MB",
]  # fmt: skip


def budget_verdict(weight: PageWeight) -> str:
    """PASS/FAIL of the indicator page against 100 KB compressed and 15 requests."""
    ok = weight.wire <= BUDGET_BYTES and weight.requests <= BUDGET_REQUESTS
    word = "PASS (lulus)" if ok else "FAIL (gagal)"
    index = weight.by_kind("indeks cari")
    return (
        f"{word}: {kb(weight.wire)} KB terkompresi dari batas {BUDGET_BYTES // KB} KB, "
        f"{weight.requests} permintaan dari batas {BUDGET_REQUESTS} (tanpa indeks pencarian "
        f"{kb(index)} KB: {kb(weight.wire - index)} KB)"
    )


def scale_rows(runs: Sequence[ScaleRun]) -> list[list[object]]:
    """One row per scale (or the reason it could not be measured)."""
    rows: list[list[object]] = []
    for r in runs:
        if r.site is None:
            rows.append([f"{r.factor}×", "—", r.indikator or "—", "—", *["—"] * 13])
            continue
        s = r.stages
        generation = s.get("model", 0.0) + s.get("generasi", 0.0)
        index = r.weight.by_kind("indeks cari") if r.weight else 0
        rows.append([
            f"{r.factor}×", r.repeats, r.indikator, len(r.site.pages), num(s.get("validasi", 0.0)),
            num(generation), num(s.get("mkdocs", 0.0)), num(s.get("pascaproses", 0.0)), num(r.total),
            num(r.bare), num(r.ratio, 2), num(r.ms_per_page), num(r.site.mb), kb(r.site.largest[1]),
            num(max(r.rss_mb, s.get("rss_anak_mb", 0.0)), 0), kb(index) if r.weight else "—",
            kb(r.weight.wire) if r.weight else "—",
        ])  # fmt: skip
    return rows


def zensical_rows(runs: Sequence[ScaleRun]) -> list[list[object]]:
    """One row per scale for Zensical beside the bare MkDocs build."""
    rows: list[list[object]] = []
    for r in runs:
        z = r.zensical
        if z is None:
            continue
        if z.error:
            rows.append(
                [f"{r.factor}×", num(z.seconds), num(r.bare), "—", "GAGAL", z.error, "—", "—", "—", "—"]
            )
            continue
        mk = len(r.site.pages) if r.site else 0
        missing = f"{len(z.missing)}" + (f" (mis. {', '.join(z.missing[:3])})" if z.missing else "")
        rows.append([
            f"{r.factor}×", num(z.seconds), num(r.bare), num(z.seconds / r.bare, 2) if r.bare else "—",
            f"{z.pages}/{mk}", missing, f"{z.indicator_pages}/{r.indikator}", z.macros, z.search_index,
            num(z.rss_mb, 0),
        ])  # fmt: skip
    return rows


def scale_notes(runs: Sequence[ScaleRun]) -> list[str]:
    """Verdicts in words: ratio goal and whether the cost per page stays flat."""
    notes = []
    done = [r for r in runs if r.site is not None and r.bare]
    for r in done:
        verdict = "tercapai" if r.ratio <= RATIO_GOAL else "TIDAK tercapai"
        # The MkDocs step inside the pipeline is the same command as the bare build: replacing its time
        # by the bare build's leaves only what the pipeline adds (and removes the noise of that step).
        net = (r.total - r.stages.get("mkdocs", 0.0) + r.bare) / r.bare
        notes.append(
            f"{r.factor}×: pipeline/mkdocs polos = {num(r.ratio, 2)} "
            f"(sasaran ≤ {num(RATIO_GOAL)}: {verdict}); tanpa derau langkah MkDocs "
            f"(total − MkDocs dalam pipeline + MkDocs polos) {num(net, 2)}; "
            f"{num(r.ms_per_page)} ms per halaman."
        )
    grown = [r for r in done if r.factor >= 10]
    if len(grown) >= 2:
        low, high = grown[0], grown[-1]
        change = high.ms_per_page / low.ms_per_page if low.ms_per_page else 0.0
        flat = "datar (±25 %)" if 0.75 <= change <= 1.25 else "TIDAK datar"
        notes.append(
            f"Biaya per halaman {high.factor}× dibanding {low.factor}×: ×{num(change, 2)} — {flat}. "
            "Skala 1× didominasi biaya tetap (memulai Python, MkDocs, tema), jadi dibandingkan dari 10×."
        )
    for r in done:
        parts = [(label, r.stages[label]) for _, _, label in SUBSTAGES if label in r.stages]
        if parts:
            notes.append(
                f"Rincian {r.factor}×: "
                + ", ".join(f"{label} {num(seconds)} s" for label, seconds in parts)
                + "."
            )
    for r in runs:
        if r.error:
            notes.append(f"{r.factor}×: {r.error}")
    return notes


def print_report(
    facts: Sequence[tuple[str, str]],
    weights: Sequence[PageWeight],
    budget: str,
    heaviest: tuple[str, int, int] | None,
    light: Lighthouse | None,
    runs: Sequence[ScaleRun],
) -> None:
    """All tables to the terminal."""
    print("\n== Mesin ==")
    print(format_table(["Unsur", "Nilai"], facts))
    if weights:
        print(f"\n== Berat halaman (muat pertama, gzip level {GZIP_LEVEL}; cara: {weights[0].method}) ==")
        print(format_table(WEIGHT_HEADERS, weight_rows(weights)))
        print(f"Anggaran halaman indikator: {budget}")
        if heaviest:
            print(
                f"Halaman indikator terberat: /{heaviest[0]} — {kb(heaviest[1])} KB, {heaviest[2]} permintaan"
            )
    if light:
        print("\n== Lighthouse (halaman indikator, preset seluler) ==")
        if light.reason:
            print(f"Tidak berjalan: {light.reason}")
        else:
            print(", ".join(f"{k}: {v}" for k, v in light.scores.items()))
    if runs:
        print("\n== Skala pembangunan ==")
        print(format_table(SCALE_HEADERS, scale_rows(runs)))
        for note in scale_notes(runs):
            print(f"- {note}")
        z = zensical_rows(runs)
        if z:
            print("\n== Zensical di samping MkDocs ==")
            print(format_table(ZENSICAL_HEADERS, z))


def _hand_notes(path: Path) -> str:
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8")
    return text.split(HAND_MARK, 1)[1].strip("\n") if HAND_MARK in text else ""


def write_report(
    path: Path,
    command: str,
    facts: Sequence[tuple[str, str]],
    weights: Sequence[PageWeight],
    budget: str,
    heaviest: tuple[str, int, int] | None,
    light: Lighthouse | None,
    runs: Sequence[ScaleRun],
    zensical_note: str,
    started: datetime,
    minutes: float,
) -> None:
    """docs/benchmarks.md: the figures of this run, dated; hand-written notes below the mark are kept."""
    notes = _hand_notes(path)
    out = [
        "# Tolok ukur: berat halaman, skala pembangunan, Zensical",
        "",
        f"Diukur **{started:%Y-%m-%d}** (pukul {started:%H:%M %Z}) dengan `{command}`, "
        f"selama {num(minutes)} menit. Bagian di atas tanda catatan tangan ditulis ulang oleh setiap "
        "`make bench`; jangan diedit tangan.",
        "",
        "## Mesin",
        "",
        markdown_table(["Unsur", "Nilai"], facts),
        "",
        "Waktu diukur sebagai waktu dinding pada mesin yang juga menjalankan pekerjaan lain; "
        "beban mesin di atas menunjukkan seberapa sibuk mesin saat itu (2 inti: beban di atas 2 berarti "
        "proses antre). Bandingkan angka antarskala dalam satu putaran, bukan antarputaran.",
        "",
    ]
    if weights:
        out += [
            "## 1. Berat halaman per jenis halaman",
            "",
            f"Situs nyata (1×) dilayani di 127.0.0.1 oleh server berulir kecil yang memampatkan teks dengan "
            f"gzip level {GZIP_LEVEL} (seperti server web umum); setiap halaman dimuat sekali dalam konteks "
            "Chromium baru (tanpa cache, layar ponsel 360×740) sampai jaringan diam. Server mencatat setiap "
            "permintaan dan bita yang dikirim; kolom *Indeks cari* menghitung berkas indeks pencarian yang "
            "diminta saat muat pertama (pencarian situs baru memuatnya pada kueri pertama di halaman Cari, "
            f"lihat catatan tangan di bawah). Cara: {weights[0].method}. 1 KB = 1024 bita.",
            "",
            markdown_table(WEIGHT_HEADERS, weight_rows(weights)),
            "",
            f"**Anggaran halaman indikator** (≤ {BUDGET_BYTES // KB} KB terkompresi, ≤ {BUDGET_REQUESTS} "
            f"permintaan): {budget}.",
            "",
        ]
        if heaviest:
            out += [
                "Halaman indikator terberat (aset sama, HTML terbesar): "
                f"`/{heaviest[0]}` — {kb(heaviest[1])} KB, {heaviest[2]} permintaan.",
                "",
            ]
    if light:
        out += ["### Lighthouse", ""]
        if light.reason:
            out += [f"Lighthouse tidak berjalan di mesin ini: {light.reason}.", ""]
        else:
            out += [
                f"Lighthouse {light.version} (`npx --yes lighthouse@12`, preset seluler bawaan dengan "
                "pelambatan simulasi, Chromium Debian tanpa kepala) pada halaman indikator yang sama, "
                "lewat server gzip di atas:",
                "",
                markdown_table(
                    ["Kinerja", "Aksesibilitas", "Praktik terbaik", "SEO"],
                    [[light.scores.get(c, "—") for c in LIGHTHOUSE_CATEGORIES]],
                ),
                "",
            ]
            if light.metrics:
                out += ["Metrik: " + "; ".join(f"{k} {v}" for k, v in light.metrics.items()) + ".", ""]
            if light.failing:
                out += ["Audit berbobot dengan skor di bawah 0,9:", ""]
                out += [f"- {item}" for item in light.failing]
                out += [""]
    if runs:
        out += [
            "## 2. Skala pembangunan",
            "",
            "Paket sintetis dibuat oleh `scripts/kinerja/synthetic.py`: seluruh dokumen disalin N kali, "
            "seolah-olah N kantor menerbitkan RKT yang sama. Salinan 0 adalah paket nyata tanpa perubahan; "
            "setiap salinan lain memakai tahun dua digit yang belum dipakai (00, 01, … 99 kecuali 24), "
            "sehingga RKT24-K menjadi RKT00-K, RKT01-K, … dan kode baris mengikuti dokumennya "
            "(IK24-S07 → IK00-S07); `tahun` dokumen ikut menjadi 2000 + tahun itu. Teks indikator dan "
            'sasaran salinan diakhiri "(salinan 03)" agar situs tidak menautkannya sebagai indikator yang '
            "sama pada tahun lain (salinan mewakili kantor lain, bukan tahun lain). Pola kode di "
            "`ids.py` dan `datapackage.json` tidak diubah, jadi batasnya 100 salinan (200 dokumen, "
            "6.200 indikator). Salinan proyek lengkap (datapackage.json, data/, halaman tulisan tangan "
            "content/, overrides/, main.py, mkdocs.yml, scripts/) ditulis di `.bench/`.",
            "",
            "*Total* adalah waktu dinding `python -m kinerja build` yang sebenarnya (termasuk memulai "
            "Python); "
            "tahapnya diukur dengan membungkus fungsi yang dipanggil `build.build`. *Generasi* = membaca "
            "model + menulis halaman dan unduhan; *Pascaproses* = semua sesudah MkDocs (indeks "
            "cari dari HTML jadi, salin paket, periksa berkas, CSP, publikasi atomik). *MkDocs polos* = "
            "`mkdocs build --strict` atas konten yang sudah dibuat, tanpa validasi/generasi/pascaproses. "
            "*Rasio* = "
            f"total / MkDocs polos (sasaran ≤ {num(RATIO_GOAL)}). *Ulang* = berapa kali pipeline dan MkDocs "
            "polos dibangun pada skala itu; yang tercepat dicatat (mesin dipakai bersama, jadi waktu "
            "berderau). *ms/halaman* = total / jumlah halaman "
            "HTML. *Indeks cari* dan *Halaman indikator* = bita terkompresi muat pertama halaman indikator "
            "pada skala itu.",
            "",
            markdown_table(SCALE_HEADERS, scale_rows(runs)),
            "",
        ]
        out += [f"- {note}" for note in scale_notes(runs)]
        out += [""]
        z = zensical_rows(runs)
        out += ["## 3. Zensical di samping MkDocs", "", zensical_note, ""]
        if z:
            out += [
                "Perintah: `zensical build --clean -f mkdocs.yml` dalam salinan yang sama, sesudah generator "
                "menulis content/kinerja, content/api dan content/berkas. *Hilang* = halaman MkDocs yang "
                "tidak dibuat Zensical; *Makro* = apakah beranda menampilkan angka dari main.py alih-alih "
                "`{{ rkt.indikator }}`.",
                "",
                markdown_table(ZENSICAL_HEADERS, z),
                "",
            ]
            one = next((r for r in runs if r.zensical and r.zensical.weight), None)
            if one and one.zensical and one.zensical.weight and one.weight:
                zw = one.zensical.weight
                out += [
                    f"Halaman indikator 1× hasil Zensical: {kb(zw.wire)} KB terkompresi, "
                    f"{zw.requests} permintaan (MkDocs: {kb(one.weight.wire)} KB, "
                    f"{one.weight.requests} permintaan).",
                    "",
                ]
    out += [
        "## Cara mengulang",
        "",
        "```bash",
        "make bench                                   # skala bawaan 1,10,100",
        "make bench SKALA=1,10,100,552                # skala lain (di atas 100× ditolak: lihat di atas)",
        "PYTHONPATH=scripts .venv/bin/python -m kinerja bench --skala 1 --tanpa-zensical   # cepat",
        "```",
        "",
        HAND_MARK,
        "",
    ]
    if notes:
        out += [notes, ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out), encoding="utf-8")


# ----------------------------------------------------------------------------------------------- run


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
    """Measure everything, print the tables and write docs/benchmarks.md; 0 when every build ran."""
    try:
        factors = parse_scales(scales)
    except ValueError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        return 2
    started = datetime.now().astimezone()
    clock = time.perf_counter()
    program: Path | None = None
    zensical_note = "Zensical dilewati (--tanpa-zensical)."
    if zensical:
        program, reason = ensure_bench_venv(root)
        version = _version([str(program), "--version"]) if program else ""
        zensical_note = (
            f"Zensical {version} dari `.venv-bench` (`requirements-bench.lock`). Rilis terbaru 0.1.3 (dan "
            "0.0.74–0.1.2) tidak dapat dipasang: ia memerlukan `zensical-ui`, yang tidak tersedia di indeks "
            "paket yang dipakai proyek ini; 0.0.73 adalah rilis terbaru yang membawa temanya sendiri."
            if program
            else f"Zensical tidak dapat dipakai: {reason}."
        )
    facts = machine_facts(program)
    work_parent = root / ".bench"
    work_parent.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"kerja-{started:%Y%m%d-%H%M%S}-", dir=work_parent))
    runs: list[ScaleRun] = []
    weights: list[PageWeight] = []
    budget = ""
    heaviest = None
    light: Lighthouse | None = None
    try:
        for factor in sorted(set(factors) | {1}):
            measured = measure_scale(root, work, factor, program)
            if factor in factors:
                runs.append(measured)
            if factor == 1 and measured.site is not None:
                site = work / "skala-1x" / "situs-pipeline"
                print("[1×] berat halaman per jenis halaman…", flush=True)
                weights = weigh(site, sample_pages(root))
                sample = next(w for w in weights if w.label == "Indikator")
                budget = budget_verdict(sample)
                heaviest = heaviest_indicator(site, sample)
                print("[1×] Lighthouse pada halaman indikator…", flush=True)
                with serve(site) as (base, _):
                    light = lighthouse(base + sample.path, work)
            if os.environ.get("KINERJA_BENCH_SIMPAN") != "1":
                shutil.rmtree(work / f"skala-{factor}x", ignore_errors=True)
    finally:
        if os.environ.get("KINERJA_BENCH_SIMPAN") != "1":
            shutil.rmtree(work, ignore_errors=True)
    minutes = (time.perf_counter() - clock) / 60
    print_report(facts, weights, budget, heaviest, light, runs)
    command = "python -m kinerja bench --skala " + ",".join(str(f) for f in factors)
    if not zensical:
        command += " --tanpa-zensical"
    write_report(
        root / REPORT, command, facts, weights, budget, heaviest, light, runs, zensical_note, started, minutes
    )
    print(f"\nHasil ditulis ke {REPORT} ({num(minutes)} menit).")
    return 1 if any(r.error and "melebihi" not in r.error for r in runs) else 0


def _main(argv: Sequence[str]) -> int:
    """`python -m kinerja.bench --pipeline ROOT OUTPUT`: the timed pipeline, run in a child process."""
    if len(argv) == 3 and argv[0] == "--pipeline":
        stages = timed_build(Path(argv[1]), Path(argv[2]))
        print(RESULT_LINE + json.dumps(stages), flush=True)
        return 0
    print("pemakaian: python -m kinerja.bench --pipeline PROYEK KELUARAN (dipakai oleh 'kinerja bench')")
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
