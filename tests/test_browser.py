"""The site in a real browser (Debian's Chromium): navigation, copy, table tools, abbreviations.

Every page is opened through the `new_page` fixture (tests/_browser.py),
which blocks and reports any request to a host other than 127.0.0.1.
"""

from __future__ import annotations

import csv
import http.server
import json
import re
import threading
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
import yaml

from _browser import PAGE_KINDS
from conftest import FIXTURE
from kinerja.browser import DESKTOP, PHONE

TYPES = {
    ".csv": "text/csv",
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".zip": "application/zip",
    ".txt": "text/plain",
    ".xml": "application/xml",
    ".sqlite": "application/vnd.sqlite3",
    ".yml": "application/yaml",
}
#: Types the test's server (Python's mimetypes) may not know: it then says application/octet-stream.
UNREGISTERED = {"SHA256SUMS", "application/vnd.sqlite3", "application/yaml"}


def _no_horizontal_overflow(page) -> None:
    width, inner = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width <= inner + 1, (
        f"{page.url}: halaman melebar {width}px > {inner}px (gulir ke samping di ponsel)"
    )


def _glossary() -> dict[str, str]:
    with (FIXTURE / "data" / "glosarium.csv").open(encoding="utf-8", newline="") as handle:
        return {row["singkatan"]: row["kepanjangan"] for row in csv.DictReader(handle)}


def _indicator_count() -> int:
    with (FIXTURE / "data" / "indikator.csv").open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


@pytest.mark.parametrize("device", ["ponsel", "desktop"])
def test_home_to_sasaran_to_indicator_by_clicking(new_page, site_url, device):
    phone = device == "ponsel"
    page = new_page(**(PHONE if phone else DESKTOP))
    page.goto(site_url)
    if phone:
        _no_horizontal_overflow(page)
        assert page.locator(".md-tabs").is_hidden(), "di ponsel menu harus lewat laci, bukan tab"
        page.locator("label.md-header__button[for='__drawer']").click()
        drawer = page.locator("nav.md-nav--primary")
        drawer.locator("label.md-nav__link", has_text="Indikator").first.click()
        link = drawer.get_by_role("link", name="Sasaran strategis", exact=True)
    else:
        page.locator(".md-tabs").get_by_role("link", name="Indikator", exact=True).click()
        page.wait_for_url(re.compile(r"/kinerja/indikator/$"))
        link = page.locator(".md-sidebar--primary").get_by_role("link", name="Sasaran strategis", exact=True)
    link.click()
    page.wait_for_url(re.compile(r"/kinerja/sasaran/$"))
    assert page.locator("article h1").inner_text() == "Sasaran strategis"
    if phone:
        _no_horizontal_overflow(page)

    sasaran_link = page.locator("article table a[href*='ss24-']").first
    sasaran_id = sasaran_link.inner_text().strip()
    sasaran_link.click()
    page.wait_for_url(re.compile(rf"/kinerja/sasaran/{sasaran_id.lower()}/$"))
    assert page.locator("article td strong", has_text=sasaran_id).is_visible()
    if phone:
        _no_horizontal_overflow(page)

    indicator_link = page.locator("article table a[href*='/indikator/ik24-']").first
    identifier = indicator_link.inner_text().strip()
    assert re.fullmatch(r"IK24-[KS]\d\d", identifier), identifier
    indicator_link.click()
    page.wait_for_url(re.compile(rf"/kinerja/indikator/{identifier.lower()}/$"))
    heading = page.locator("article h1")
    assert heading.is_visible() and heading.inner_text().strip()
    assert page.locator("article td strong", has_text=identifier).is_visible()
    assert page.title().startswith(identifier)
    if phone:
        _no_horizontal_overflow(page)
        box = heading.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 361, box
    assert page.log.foreign == []


def test_copy_citation_button(new_page, site_url):
    page = new_page(**DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    page.goto(site_url + "kinerja/indikator/ik24-s22/")
    block = page.locator("h2#cara-mengutip ~ div.highlight").first
    shown = block.locator("code").inner_text().strip()
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical and canonical.endswith("/kinerja/indikator/ik24-s22/")
    assert "IK24-S22" in shown and canonical in shown

    page.evaluate("navigator.clipboard.writeText('kosong')")
    block.hover()
    # Material 9.8 draws the copy button as .md-code__button[data-md-type=copy] (older: .md-clipboard).
    button = block.locator("button.md-code__button[data-md-type='copy'], button.md-clipboard")
    assert button.count() == 1
    assert button.is_visible()
    assert button.get_attribute("title") or button.get_attribute("aria-label")
    button.click()
    copied = "kosong"
    for _ in range(30):  # the copy is asynchronous: wait up to ~3 s for the clipboard to change
        copied = page.evaluate("navigator.clipboard.readText()")
        if copied != "kosong":
            break
        page.wait_for_timeout(100)
    assert copied.strip() == shown
    assert "IK24-S22" in copied and canonical in copied
    # The permanent address shown under the citation is the same one.
    assert page.locator("article a", has_text=canonical).first.get_attribute("href") == canonical


class _TableRows(HTMLParser):
    """Text of every body row of the first table inside <div class="tabel-saring">."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[str] = []
        self.first_cells: list[str] = []
        self._in_box = self._in_body = self._in_row = False
        self._cell = -1

    def handle_starttag(self, tag, attrs):
        if tag == "div" and "tabel-saring" in (dict(attrs).get("class") or "").split():
            self._in_box = True
        if self._in_box and tag == "tbody":
            self._in_body = True
        elif self._in_body and tag == "tr":
            self._in_row, self._cell = True, -1
            self.rows.append("")
        elif self._in_row and tag == "td":
            self._cell += 1
            if self._cell == 0:
                self.first_cells.append("")

    def handle_endtag(self, tag):
        if tag == "tbody" and self._in_body:
            self._in_body = self._in_box = False
        elif tag == "tr":
            self._in_row = False

    def handle_data(self, data):
        if self._in_row:
            self.rows[-1] += data
            if self._cell == 0:
                self.first_cells[-1] += data


def _row_codes(page) -> list[str]:
    return page.eval_on_selector_all(
        ".tabel-saring tbody tr:not([hidden])", "rows => rows.map(r => r.cells[0].textContent.trim())"
    )


def test_indicator_table_filter_and_sort(new_page, site_url, built_site):
    parser = _TableRows()
    parser.feed((built_site / "kinerja" / "indikator" / "index.html").read_text(encoding="utf-8"))
    total = len(parser.rows)
    assert total == _indicator_count() > 1
    word = "sengketa"
    rows = zip(parser.first_cells, parser.rows, strict=True)
    expected = [code.strip() for code, text in rows if word in text.lower()]
    assert 0 < len(expected) < total, "kata saring harus mempersempit daftar tanpa mengosongkannya"

    page = new_page(**DESKTOP)
    page.goto(site_url + "kinerja/indikator/")
    box = page.locator(".tabel-saring")
    field = box.locator("input.saring-input")
    assert field.is_visible()
    assert page.get_by_label("Saring daftar").count() == 1, "kotak saring harus berlabel"
    status = box.locator(".saring-jumlah")
    assert status.inner_text() == f"{total} dari {total} indikator ditampilkan"

    field.fill(word.upper())
    assert sorted(_row_codes(page)) == sorted(expected)
    assert box.locator("tbody tr:visible").count() == len(expected)
    assert status.inner_text() == f"{len(expected)} dari {total} indikator ditampilkan"
    field.fill("")
    assert len(_row_codes(page)) == total
    assert box.locator("tbody tr:visible").count() == total

    codes = _row_codes(page)
    headers = box.locator("thead th")
    kode = headers.filter(has=page.locator("button.urut", has_text="Kode"))
    text_column = headers.filter(has=page.locator("button.urut", has_text="Indikator kinerja"))
    text_column.locator("button.urut").click()
    assert text_column.get_attribute("aria-sort") == "ascending"
    by_text = _row_codes(page)
    assert by_text != sorted(codes), "urutan per teks indikator harus berbeda dari urutan kode"

    kode.locator("button.urut").click()
    assert _row_codes(page) == sorted(codes)
    assert kode.get_attribute("aria-sort") == "ascending"
    assert text_column.get_attribute("aria-sort") == "none"
    kode.locator("button.urut").click()
    assert _row_codes(page) == sorted(codes, reverse=True)
    assert kode.get_attribute("aria-sort") == "descending"
    # Sorting keeps the filter working on the moved rows.
    field.fill(word)
    assert _row_codes(page) == sorted(expected, reverse=True)


def _after_content(abbr) -> str:
    return abbr.evaluate("el => getComputedStyle(el, '::after').content")


def test_abbreviation_expands_on_tap_and_keyboard(new_page, site_url):
    expansion = _glossary()["PAW"]
    assert expansion == "Penggantian Antarwaktu"
    page = new_page(**PHONE)
    page.goto(site_url + "kinerja/indikator/ik24-s40/")
    abbr = page.locator("article h1 abbr", has_text="PAW").first
    assert abbr.get_attribute("aria-expanded") == "false"
    assert _after_content(abbr) in ("none", "normal", "")

    abbr.tap()
    assert abbr.get_attribute("aria-expanded") == "true"
    assert abbr.get_attribute("data-kepanjangan") == expansion
    assert _after_content(abbr) == json.dumps(expansion)
    popup_right = abbr.evaluate(
        "el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el, '::after');"
        " return r.left + parseFloat(s.width) + parseFloat(s.paddingLeft) + parseFloat(s.paddingRight); }"
    )
    assert popup_right <= 360 + 1, f"kepanjangan keluar layar ponsel ({popup_right}px)"

    page.locator("article p").first.tap()
    assert abbr.get_attribute("aria-expanded") == "false"
    assert _after_content(abbr) in ("none", "normal", "")

    # Another abbreviation closes the first one.
    abbr.tap()
    other = page.locator("article h1 abbr", has_text="DPRD").first
    other.tap()
    assert other.get_attribute("aria-expanded") == "true"
    assert abbr.get_attribute("aria-expanded") == "false"
    other.tap()
    assert other.get_attribute("aria-expanded") == "false"

    abbr.focus()
    page.keyboard.press("Enter")
    assert abbr.get_attribute("aria-expanded") == "true"
    assert _after_content(abbr) == json.dumps(expansion)
    page.keyboard.press("Enter")
    assert abbr.get_attribute("aria-expanded") == "false"
    assert abbr.get_attribute("role") == "button"
    assert expansion in (abbr.get_attribute("aria-label") or "")


def _expected_type(url: str) -> str:
    path = urlparse(url).path
    if path.endswith("/"):
        return "text/html"
    if path.endswith("/SHA256SUMS"):
        return "SHA256SUMS"
    suffix = Path(path).suffix
    assert suffix in TYPES, f"jenis tautan tak dikenal: {url}"
    return TYPES[suffix]


def _check_body(url: str, kind: str, body: bytes) -> None:
    if kind == "text/html":
        assert b"<html" in body[:500].lower(), url
    elif kind in ("application/json", "application/ld+json"):
        data = json.loads(body.decode("utf-8"))
        if kind == "application/ld+json":
            assert "@context" in data, url
    elif kind == "text/csv":
        text = body.decode("utf-8-sig")
        header = next(csv.reader(text.splitlines()))
        assert len(header) >= 2 and all(header), f"{url}: baris judul CSV kosong"
    elif kind.startswith("application/vnd.openxmlformats") or kind == "application/zip":
        assert body[:4] == b"PK\x03\x04", f"{url}: bukan berkas ZIP/XLSX"
    elif kind == "application/vnd.sqlite3":
        assert body[:16] == b"SQLite format 3\x00", f"{url}: bukan basis data SQLite"
    elif kind == "application/yaml":
        assert isinstance(yaml.safe_load(body.decode("utf-8")), dict), f"{url}: bukan YAML berisi objek"
    elif kind == "SHA256SUMS":
        lines = body.decode("utf-8").splitlines()
        assert lines and all(re.fullmatch(r"[0-9a-f]{64}  \S+", line) for line in lines), url
    else:
        body.decode("utf-8")


@pytest.mark.parametrize("path", ["unduh/", "api/"])
def test_every_download_and_api_link_answers(new_page, site_url, path):
    page = new_page(**DESKTOP)
    page.goto(site_url + path)
    hrefs = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.href)")
    links = sorted({urldefrag(h)[0] for h in hrefs if urlparse(h).netloc == urlparse(site_url).netloc})
    files = [u for u in links if not u.endswith("/")]
    assert len(files) >= (10 if path == "unduh/" else 5), links
    failures = []
    for url in links:
        kind = _expected_type(url)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                status = response.status
                served = response.headers.get_content_type()
                body = response.read()
        except OSError as error:
            failures.append(f"{url}: {error}")
            continue
        allowed = {kind, "text/plain", "application/octet-stream"} if kind in UNREGISTERED else {kind}
        if status != 200 or served not in allowed:
            failures.append(f"{url}: {status} {served}, seharusnya 200 {kind}")
            continue
        try:
            _check_body(url, kind, body)
        except (AssertionError, ValueError, StopIteration) as error:
            failures.append(f"{url}: isi tidak sesuai jenisnya ({error})")
    assert not failures, "\n".join(failures)


def test_pages_load_nothing_from_other_hosts_and_log_no_errors(tour):
    """One page of every kind (the session's tour, until network idle): only local requests, no errors."""
    assert set(tour) == set(PAGE_KINDS)
    problems = []
    for kind, visit in tour.items():
        log = visit.log
        if visit.status != 200:
            problems.append(f"{kind}: status {visit.status}")
        if not any(url.endswith("/assets/kinerja.js") for url in log.requests):
            problems.append(f"{kind}: skrip situs tidak dimuat (log permintaan kosong?)")
        if log.foreign:
            problems.append(f"{kind}: permintaan ke server lain: " + ", ".join(log.foreign))
        if log.console_errors:
            problems.append(f"{kind}: galat konsol: " + " | ".join(log.console_errors))
        if log.page_errors:
            problems.append(f"{kind}: galat skrip: " + " | ".join(log.page_errors))
        if any(url.endswith("sitemap.xml") for url in log.requests):
            problems.append(f"{kind}: memuat sitemap.xml (tautan rel=alternate dibaca sebagai bahasa lain)")
    assert not problems, "\n".join(problems)


def test_search_runs_locally(new_page, site_url):
    """The search page loads lunr and its index from the site itself, and finds a known word."""
    page = new_page(**DESKTOP)
    page.goto(site_url + "cari/", wait_until="networkidle")
    page.locator("#cari-kueri").click()
    page.keyboard.type("arsip", delay=20)
    page.locator("#cari-hasil a[href*='ik24-s22']").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/cari/indeks/lunr.js") for url in page.log.requests)
    assert not page.log.foreign and not page.log.console_errors and not page.log.page_errors


def test_network_guard_catches_foreign_requests(new_page, site_url):
    """The guard itself: requests to another host are recorded, with or without the site's CSP, and go
    nowhere (Chromium resolves no host but the loopback, whatever the page asks)."""
    page = new_page(**DESKTOP)
    page.goto(site_url)
    page.evaluate(
        "() => { const img = document.createElement('img');"
        " img.src = 'https://contoh.invalid/jejak.png'; document.body.append(img); }"
    )
    page.wait_for_timeout(300)
    assert "https://contoh.invalid/jejak.png" in page.log.foreign
    page.log.foreign.clear()

    # Another server this machine does reach (a second loopback address, which the site never uses).
    elsewhere = http.server.HTTPServer(("127.0.0.2", 0), http.server.BaseHTTPRequestHandler)
    threading.Thread(target=elsewhere.serve_forever, daemon=True).start()
    url = f"http://127.0.0.2:{elsewhere.server_address[1]}/jejak.js"
    unprotected = new_page(**DESKTOP, bypass_csp=True)
    unprotected.goto(site_url)
    try:
        fetched = unprotected.evaluate(
            "url => fetch(url, {mode: 'no-cors'}).then(() => 'sampai', () => 'gagal')", url
        )
    finally:
        elsewhere.shutdown()
        elsewhere.server_close()
    assert unprotected.log.foreign == [url]
    assert fetched == "gagal", "the request reached the other server: Chromium must resolve only 127.0.0.1"
    unprotected.log.foreign.clear()
    assert urlparse(site_url).hostname == "127.0.0.1"


def test_search_files_load_only_when_search_is_used(new_page, site_url):
    """An indicator page and the search page itself load nothing of the index; typing a query does."""
    page = new_page(**DESKTOP)
    for path in ("kinerja/indikator/ik24-k01/", "cari/"):
        page.goto(site_url + path, wait_until="networkidle")
    assert not any("/cari/indeks/" in url for url in page.log.requests)
    page.locator("#cari-kueri").fill("pemutakhiran")
    page.locator("#cari-hasil li").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/cari/indeks/akar.json") for url in page.log.requests)
