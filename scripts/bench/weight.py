"""The weight of a page as a web server sends it, on its first load.

The built site is served on 127.0.0.1 by a small threaded server that gzips
text (settings.GZIP_LEVEL), and Debian's Chromium (Playwright) loads each
page in a fresh phone-sized context; the server records every request and
the bytes it sent, including the search index that Material's search loads
on first load. Without a browser the weight is computed from the files.
"""

from __future__ import annotations

import gzip
import http.server
import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from kinerja import csvio
from kinerja.browser import CHROMIUM, CHROMIUM_ARGS, PHONE
from kinerja.paths import slug as url_slug

from .settings import BUDGET_BYTES, BUDGET_REQUESTS, GZIP_LEVEL
from .units import KB, kb

COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".map", ".jsonld"}
SEARCH_INDEX_NAMES = ("search_index.json", "search.json")
#: Folders of search files: the site's own (outputs/search/lunr.py) and Pagefind's in the search benchmark.
SEARCH_FOLDERS = ("/cari/indeks/", "/pagefind/")


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
        """Note what a first load fetches: stylesheets, icons, scripts and eager images."""
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
        """Keep the text of Material's __config script, which names the search worker."""
        if self._in_config:
            self.config_text += data

    def handle_endtag(self, tag: str) -> None:
        """The __config script ends with the first closing script tag."""
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

    Counts the HTML, every stylesheet, script and icon it links, and, when
    Material's search is configured, the search worker and the search index.
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


class Recorder:
    """The requests the server answered, in order, shared between its threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.hits: list[Hit] = []

    def add(self, hit: Hit) -> None:
        """Record one answered request (called by the server's threads)."""
        with self.lock:
            self.hits.append(hit)

    def take(self) -> list[Hit]:
        """The requests recorded since the last take, so that each page load gets only its own."""
        with self.lock:
            taken, self.hits = self.hits, []
        return taken


def _handler(site: Path, level: int, recorder: Recorder) -> type[http.server.BaseHTTPRequestHandler]:
    """A request handler serving `site`, gzipping text at `level` and recording every answer."""
    cache: dict[tuple[Path, int, int], bytes] = {}
    cache_lock = threading.Lock()

    class Handler(http.server.SimpleHTTPRequestHandler):
        """Static files of `site`, text gzipped, every answer recorded."""

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
            """Silence: the recorder is the log."""

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
            zipped = (
                level > 0 and "gzip" in self.headers.get("Accept-Encoding", "") and compressible(target.name)
            )
            body = data
            if zipped:
                key = (target, target.stat().st_mtime_ns, len(data))  # a file written anew is compressed anew
                with cache_lock:
                    body = cache.get(key) or cache.setdefault(
                        key, gzip.compress(data, compresslevel=level, mtime=0)
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
            """Answer with the body."""
            self._answer(True)

        def do_HEAD(self) -> None:  # noqa: N802 - stdlib name
            """Answer with the headers only."""
            self._answer(False)

    return Handler


@contextmanager
def serve(site: Path, level: int = GZIP_LEVEL) -> Iterator[tuple[str, Recorder]]:  # level 0: no gzip
    """Serve `site` on 127.0.0.1 (a free port) with gzip; yields the base URL and the request log."""
    recorder = Recorder()
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


def sample_pages(root: Path, site: Path | None = None) -> list[tuple[str, str]]:
    """The page types to weigh, with the first row of each kind as the sample.

    With a built `site`, the kinds a site has only with more than one office
    (office list, office page, comparison) are added when the site has them.
    """
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"] for r in descriptor["resources"]}

    def first(name: str) -> str:
        """The URL slug of the first row of a resource."""
        rows = csvio.read(root / paths[name])
        return url_slug(rows[0]["id"])

    pages = [
        ("Beranda", ""),
        ("Indikator", f"kinerja/indikator/{first('indikator')}/"),
        ("Sasaran", f"kinerja/sasaran/{first('sasaran')}/"),
        ("Program", f"kinerja/program/{first('program')}/"),
        ("Dokumen", f"kinerja/dokumen/{first('dokumen')}/"),
        ("Semua indikator", "kinerja/indikator/"),
        ("Pohon kinerja", "kinerja/pohon/"),
        ("Unduh data", "unduh/"),
        ("Cari", "cari/"),
    ]
    if site is not None:
        offices = sorted(p.parent.name for p in (site / "kinerja" / "kantor").glob("*/index.html"))
        comparisons = sorted(p.parent.name for p in (site / "kinerja" / "banding").glob("*/index.html"))
        if offices:
            home = next(r["id"] for r in csvio.read(root / paths["kantor"]) if r.get("utama") == "ya")
            other = [o for o in offices if o != url_slug(home)] or offices
            pages += [("Daftar kantor", "kinerja/kantor/"), ("Kantor", f"kinerja/kantor/{other[0]}/")]
        if comparisons:
            pages.append(("Banding", f"kinerja/banding/{comparisons[0]}/"))
    return [(label, path) for label, path in pages if site is None or (site / path / "index.html").is_file()]


def page_path(html: str) -> str:
    """The URL path of a built HTML file (kinerja/indikator/ik24-s01/index.html → kinerja/…/ik24-s01/)."""
    return html[: -len("index.html")] if html.endswith("index.html") else html


def budget_verdict(weight: PageWeight) -> str:
    """PASS/FAIL of the indicator page against the budget (100 KB compressed and 15 requests)."""
    ok = weight.wire <= BUDGET_BYTES and weight.requests <= BUDGET_REQUESTS
    word = "PASS (lulus)" if ok else "FAIL (gagal)"
    index = weight.by_kind("indeks cari")
    return (
        f"{word}: {kb(weight.wire)} KB terkompresi dari batas {BUDGET_BYTES // KB} KB, "
        f"{weight.requests} permintaan dari batas {BUDGET_REQUESTS} (tanpa indeks pencarian "
        f"{kb(index)} KB: {kb(weight.wire - index)} KB)"
    )
