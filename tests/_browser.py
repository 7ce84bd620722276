"""Shared Playwright fixtures: one Chromium per session, pages that watch the network.

Registered in conftest.py through `pytest_plugins`. The browser is Debian's
Chromium (/usr/bin/chromium), never a downloaded one. Without it the browser
tests are skipped with a loud message, unless KINERJA_BROWSER_REQUIRED=1 (CI),
where they fail instead.

Every page made by `new_page` records each request it makes. A request to any
host other than 127.0.0.1/localhost (web fonts, CDN, analytics) fails the test
that made it, and cannot leave the machine: Chromium is started resolving no
other host (kinerja.browser.LOOPBACK_ONLY); data: and blob: URLs are fine.
Requests that the site's own Content-Security-Policy stops before they leave
(reported on the console) count as attempts too.

`tour` visits one page of every kind once per session (network log, console
errors and axe-core's WCAG 2.2 A/AA violations), so that the network crawl and
the accessibility tests share one pass over the site; the pytest-xdist workers
share it too (the first to need it takes it, the others read what it saw).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

import pytest

from _site import locked, session_folder
from kinerja.browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about"}


#: One page of every kind (path under the site root). The indicator has an anomaly note.
PAGE_KINDS = {
    "beranda": "",
    "indikator dengan catatan": "kinerja/indikator/ik24-s22/",
    "sasaran": "kinerja/sasaran/ss24-s19/",
    "program": "kinerja/program/pg24-s01/",
    "dokumen komisi": "kinerja/dokumen/rkt24-k/",
    "dokumen sekretariat": "kinerja/dokumen/rkt24-s/",
    "daftar indikator": "kinerja/indikator/",
    "daftar sasaran": "kinerja/sasaran/",
    "pohon kinerja": "kinerja/pohon/",
    "glosarium": "kinerja/glosarium/",
    "kamus data": "kinerja/kamus-data/",
    "unduh": "unduh/",
    "api": "api/",
    "ppid": "ppid/",
    "tentang data": "tentang-data/",
    "aksesibilitas": "aksesibilitas/",
    "pemeliharaan": "pemeliharaan/",
    "cari": "cari/",
}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]},
    "resultTypes": ["violations"],
}
#: The rules of AXE_OPTIONS whose verdict depends on colours (1.4.3 contrast, 1.4.1 links told apart from
#: text). The dark scheme changes only colours (Material's palette and kinerja.css' slate rules), not the
#: page's elements or layout, so it needs these rules and no others.
AXE_COLOUR_OPTIONS = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}


def is_local(url: str) -> bool:
    """True for loopback http(s)/ws URLs and for data:/blob:/about: URLs."""
    parts = urlparse(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and (parts.hostname or "") in LOCAL_HOSTS


def _unavailable(reason: str) -> None:
    message = (
        f"CHROMIUM TIDAK ADA: uji peramban DILEWATI ({reason}). Pasang dengan 'apt-get install chromium'."
    )
    if os.environ.get("KINERJA_BROWSER_REQUIRED") == "1":
        pytest.fail(message.replace("DILEWATI", "WAJIB (KINERJA_BROWSER_REQUIRED=1)"), pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, launched once for the whole session."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} tidak ditemukan")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("paket Python 'playwright' tidak terpasang")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@dataclass
class PageLog:
    """What one page did: every request URL, foreign requests (blocked), console and script errors."""

    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def add_foreign(self, url: str) -> None:
        if url not in self.foreign:
            self.foreign.append(url)


def open_page(browser: Any, **options: Any) -> tuple[Any, Any]:
    """A new context (light scheme, Indonesian locale) and a watched page in it: (context, page).

    The page gets a `log` attribute (PageLog). Options are Playwright's
    new_context options (viewport, is_mobile, has_touch, permissions, ...).
    """
    options.setdefault("color_scheme", "light")
    options.setdefault("locale", "id-ID")
    options.setdefault("service_workers", "block")
    context = browser.new_context(**options)
    log = PageLog()

    def on_request(request: Any) -> None:
        log.requests.append(request.url)
        if not is_local(request.url):
            log.add_foreign(request.url)  # it fails: Chromium resolves no other host (LOOPBACK_ONLY)

    def on_console(message: Any) -> None:
        if message.type != "error":
            return
        log.console_errors.append(message.text)
        if "Content Security Policy" in message.text:
            for url in re.findall(r"'((?:https?|wss?)://[^']+)'", message.text):
                if not is_local(url):
                    log.add_foreign(url)

    context.on("request", on_request)  # the context's: also a page the watched one opens
    page = context.new_page()
    page.on("console", on_console)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.log = log
    return context, page


def _close_all(opened: list[tuple[Any, Any]]) -> None:
    """Close every (context, page) pair; then fail if any of the pages asked for a non-loopback host."""
    foreign = sorted({url for _, page in opened for url in page.log.foreign})
    for context, _ in opened:
        context.close()
    if foreign:
        pytest.fail("permintaan ke server selain 127.0.0.1: " + ", ".join(foreign), pytrace=False)


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Factory: new_page(**context_options) -> a watched Page in a fresh context (see open_page).

    At teardown the test fails if any of its pages asked for a non-loopback host.
    """
    opened: list[tuple[Any, Any]] = []

    def make(**options: Any) -> Any:
        context, page = open_page(browser, **options)
        opened.append((context, page))
        return page

    yield make
    _close_all(opened)


@pytest.fixture(scope="module")
def reused_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Factory: reused_page(**context_options) -> one watched Page per set of options for the whole module.

    For tests that only open a page and measure it (one per kind of page): a fresh context per test
    costs about 1 CPU-s more per page in Chromium (a new renderer, the site's CSS and scripts fetched
    and compiled again), the same checks on a reused page do not. A test that needs a cold cache, its
    own network log or its own storage uses `new_page`. Foreign requests fail the module at the end.
    """
    opened: dict[str, tuple[Any, Any]] = {}

    def get(**options: Any) -> Any:
        key = json.dumps(options, sort_keys=True)
        if key not in opened:
            opened[key] = open_page(browser, **options)
        return opened[key][1]

    yield get
    _close_all(list(opened.values()))


@dataclass
class Visit:
    """One page of the tour: HTTP status, what it loaded and logged, its language, axe-core's violations."""

    path: str
    status: int | None
    log: PageLog
    lang: str
    violations: list[dict] = field(default_factory=list)


@pytest.fixture(scope="session")
def axe() -> Any:
    """axe-core, injected by axe-playwright-python."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        pytest.fail("paket axe-playwright-python tidak terpasang (lihat pyproject.toml)", pytrace=False)
    return Axe()


@pytest.fixture(scope="session")
def tour(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest, site_url: str
) -> dict[str, Visit]:
    """Every page of PAGE_KINDS, visited once in one desktop tab in light mode, until the network is idle.

    Once per session: the worker that takes the tour writes what it saw for the others (the site is
    the same shared build; only the port of its server differs, which no test reads).
    """
    folder = session_folder(tmp_path_factory) / "tur"
    folder.mkdir(exist_ok=True)
    saved = folder / "kunjungan.json"
    with locked(folder / "kunci"):
        if saved.exists():
            return {
                kind: Visit(**{**visit, "log": PageLog(**visit["log"])})
                for kind, visit in json.loads(saved.read_text(encoding="utf-8")).items()
            }
        visits = take_tour(request.getfixturevalue("browser"), site_url, request.getfixturevalue("axe"))
        as_json = {kind: dataclasses.asdict(visit) for kind, visit in visits.items()}
        saved.write_text(json.dumps(as_json, ensure_ascii=False), encoding="utf-8")
    return visits


def take_tour(browser: Any, site_url: str, axe: Any) -> dict[str, Visit]:
    """Visit each page of PAGE_KINDS in one desktop tab: status, requests, errors, language, axe findings."""
    visits = {}
    context, page = open_page(browser, **DESKTOP)
    log: PageLog = page.log
    for kind, path in PAGE_KINDS.items():
        start = (len(log.requests), len(log.foreign), len(log.console_errors), len(log.page_errors))
        response = page.goto(site_url + path, wait_until="load")
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        page.wait_for_load_state("networkidle")
        own = PageLog(
            log.requests[start[0] :],
            log.foreign[start[1] :],
            log.console_errors[start[2] :],
            log.page_errors[start[3] :],
        )
        lang = page.evaluate("document.documentElement.getAttribute('lang')")
        visits[kind] = Visit(path, response.status if response else None, own, lang, violations)
    context.close()
    return visits
