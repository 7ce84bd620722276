"""The site's search page in Debian's Chromium, against the served site (and a Zensical build).

Each query of tests/fixtures/search_queries.yml is typed into the search box
the way a visitor does, and the first three results are read from the rendered
list. At least 90 % of the queries must have their page in the top 3, and for
the queries marked `over_lists` the indicator's own page must rank above every
page that merely lists it. Also: nothing of the index loads before a search,
the page works on a phone and with the keyboard alone, says what it needs
without JavaScript, breaks no rule of the Content-Security-Policy, asks no
other host, and finds the same pages on a site built by Zensical.

Without /usr/bin/chromium these tests are skipped loudly (failed when
KINERJA_BROWSER_REQUIRED=1); see tests/_browser.py. The Zensical test needs
.venv-bench (`make bench` sets it up) and is skipped loudly without it.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import http.server
import json
import os
import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from _browser import AXE_OPTIONS, PAGE_KINDS, open_page
from _site import ROOT, _QuietHandler, copy_project, run_kinerja
from kinerja.browser import DESKTOP, PHONE

QUERIES = Path(__file__).parent / "fixtures" / "search_queries.yml"
MIN_SHARE = 0.9
#: Longer than the page's wait after the last input before it searches (DEBOUNCE_MS in cari.js).
PAST_THE_WAIT_MS = 1_000
#: Pages that repeat every indicator's text without being about one indicator.
LIST_PAGES = (
    "kinerja/indikator/",
    "kinerja/sasaran/",
    "kinerja/program/",
    "kinerja/dokumen/",
    "kinerja/dokumen/rkt24-k/",
    "kinerja/dokumen/rkt24-s/",
    "kinerja/pohon/",
    "kinerja/glosarium/",
)
MUTAKHIR_QUERIES = ("pemutakhiran", "memutakhirkan", "dimutakhirkan", "mutakhir")
MUTAKHIR_PAGES = ("kinerja/indikator/ik24-s03/", "kinerja/indikator/ik24-s42/", "kinerja/indikator/ik24-k01/")
#: Requests that belong to a search index or engine (the site's own, or another engine's).
INDEX_MARKS = ("/cari/indeks/", "/pagefind/", "search_index.json", "/search.json", "/workers/search")
ZENSICAL = ROOT / ".venv-bench" / "bin" / "zensical"
CSP_LOG = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def load_queries() -> list[dict[str, Any]]:
    """The query set: query, expected (list of acceptable pages), over_lists, why."""
    items = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    for item in items:
        expected = item["expected"]
        item["expected"] = [expected] if isinstance(expected, str) else list(expected)
    return items


def _relative(href: str, base: str) -> str:
    path = urlparse(href).path
    prefix = urlparse(base).path
    return path[len(prefix) :] if path.startswith(prefix) else path


class SearchPage:
    """The search page open in one tab."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.box = page.locator("#cari-kueri")
        self.clock = False

    def open(self, query: str = "", scope: str = "") -> SearchPage:
        """The search page (`scope` "semua": all offices), its timers under Playwright's clock, which runs
        as the wall clock does until `search` moves it past the page's wait after the last input."""
        if not self.clock:
            self.page.clock.install()
            self.clock = True
        params = "&".join(p for p in (f"kantor={scope}" if scope else "", f"q={query}" if query else "") if p)
        self.page.goto(self.base + "cari/" + (f"?{params}" if params else ""), wait_until="networkidle")
        return self

    def settled(self, query: str, timeout: float = 20_000) -> list[str]:
        """The result pages once the status line reports on `query`."""
        self.page.wait_for_function(
            """q => { const s = document.getElementById('cari-status').textContent;
                      return s.includes('«' + q + '»') || /gagal/.test(s); }""",
            arg=query.strip(),
            timeout=timeout,
        )
        hrefs = self.page.eval_on_selector_all("#cari-hasil > li > a", "els => els.map(a => a.href)")
        return [_relative(href, self.base) for href in hrefs]

    def search(self, query: str, typed: bool = False) -> list[str]:
        """Put `query` into the box in place of the last one and return every rendered result page.

        The query arrives as one input event, as a paste or a phone's word suggestion does, and on a page
        opened by `open` the clock then jumps past the page's wait before searching (the same results,
        about 0,2 s sooner per query); `typed` sends it key by key instead, in real time (each key
        restarts the wait).
        """
        if typed:
            self.box.fill("")
            self.page.wait_for_function("() => !document.querySelector('#cari-hasil > li')", timeout=10_000)
            self.box.press_sequentially(query, delay=15)
        else:
            self.box.fill(query)  # replaces the last query; settled() waits until the status names this one
            if self.clock:
                self.page.clock.fast_forward(PAST_THE_WAIT_MS)
        return self.settled(query)


@pytest.fixture(scope="module")
def search_results(browser: Any, site_url: str) -> dict[str, list[str]]:
    """Every query of the set typed into the search box once; query → result pages, best first."""
    context, page = open_page(browser)
    page.add_init_script(CSP_LOG)
    box = SearchPage(page, site_url).open()
    results = {item["query"]: box.search(item["query"]) for item in load_queries()}
    for query in MUTAKHIR_QUERIES:
        results.setdefault(query, box.search(query))
    violations = page.evaluate("window.__csp")
    context.close()
    assert not page.log.foreign, f"pencarian meminta sumber di luar situs: {page.log.foreign}"
    assert violations == [], f"pelanggaran CSP saat mencari: {violations}"
    return results


def _top3_report(queries: list[dict[str, Any]], results: dict[str, list[str]]) -> tuple[int, list[str]]:
    rows, hits, misses = [], 0, []
    for item in queries:
        top3 = results[item["query"]][:3]
        ok = any(page in top3 for page in item["expected"])
        hits += ok
        if not ok:
            misses.append(item["query"])
        rows.append(
            (item["query"], " | ".join(item["expected"]), ", ".join(top3) or "—", "ya" if ok else "TIDAK")
        )
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    print(f"\n{'kueri':<{widths[0]}}  {'diharapkan':<{widths[1]}}  3 teratas")
    for query, expected, top3, ok in rows:
        print(f"{query:<{widths[0]}}  {expected:<{widths[1]}}  {ok:<5} {top3}")
    print(f"bagian kueri dengan halaman yang diharapkan di 3 teratas: {hits}/{len(queries)}")
    if misses:
        print("meleset:", "; ".join(misses))
    return hits, misses


def test_top3_share(search_results: dict[str, list[str]]) -> None:
    """At least 90 % of the citizen queries find their page among the first three results."""
    queries = load_queries()
    hits, misses = _top3_report(queries, search_results)
    share = hits / len(queries)
    assert len(queries) >= 35
    assert share >= MIN_SHARE, f"hanya {share:.3f} (< {MIN_SHARE}); meleset: {misses}"


def test_indicator_page_ranks_above_list_pages(search_results: dict[str, list[str]]) -> None:
    """For the marked queries the indicator's own page comes before every page that only lists it."""
    marked = [item for item in load_queries() if item.get("over_lists")]
    assert len(marked) >= 5
    for item in marked:
        results = search_results[item["query"]]
        own = min((results.index(p) for p in item["expected"] if p in results), default=None)
        assert own is not None, f"{item['query']!r}: {item['expected']} tidak ada di hasil {results}"
        above = [p for p in results[:own] if p in LIST_PAGES]
        assert not above, f"{item['query']!r}: halaman daftar {above} di atas {item['expected']}"


@pytest.mark.parametrize("query", MUTAKHIR_QUERIES)
def test_affix_variants_find_each_other(search_results: dict[str, list[str]], query: str) -> None:
    """ "pemutakhiran", "memutakhirkan", "dimutakhirkan" and "mutakhir" each find all three indicators."""
    top = search_results[query][:5]
    missing = [p for p in MUTAKHIR_PAGES if p not in top]
    assert not missing, f"{query!r}: {missing} tidak ada di 5 teratas {top}"


def test_code_finds_its_own_page_first(new_page: Any, site_url: str) -> None:
    """An indicator's code, typed with or without its hyphen, puts its page first."""
    box = SearchPage(new_page(**DESKTOP), site_url).open()
    for query in ("IK24-S40", "ik24s40", "ss24-s32"):
        expected = "kinerja/sasaran/ss24-s32/" if query.startswith("ss") else "kinerja/indikator/ik24-s40/"
        assert box.search(query)[0] == expected, query


def test_no_page_loads_the_index_before_a_search(tour: dict[str, Any], new_page: Any, site_url: str) -> None:
    """A first visit to any kind of page, and to the search page itself, fetches nothing of an index."""
    problems = [
        f"{kind}: {url}"
        for kind, visit in tour.items()
        for url in visit.log.requests
        if any(mark in url for mark in INDEX_MARKS)
    ]
    assert not problems, problems
    assert set(PAGE_KINDS) <= set(tour)
    page = new_page(**DESKTOP)
    SearchPage(page, site_url).open()
    page.wait_for_timeout(500)
    assert not [url for url in page.log.requests if any(mark in url for mark in INDEX_MARKS)]
    assert any(url.endswith("/assets/cari.js") for url in page.log.requests)


def test_deep_link_and_home_page_form(new_page: Any, site_url: str) -> None:
    """A shared link (?q=) searches at once; the form on the home page goes there without any script."""
    page = new_page(**DESKTOP)
    results = SearchPage(page, site_url).open("pergantian+antarwaktu").settled("pergantian antarwaktu")
    assert "kinerja/indikator/ik24-s40/" in results[:3], results
    page.goto(site_url, wait_until="networkidle")
    page.locator("#cari-beranda").fill("zona integritas")
    page.locator("#cari-beranda").press("Enter")
    page.wait_for_url("**/cari/?q=zona+integritas")
    assert SearchPage(page, site_url).settled("zona integritas")[0] == "kinerja/indikator/ik24-s30/"


def page_text(path: Path) -> str:
    """The text of a built page without tags and whitespace (entities decoded), to find a snippet in."""
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))))


def test_results_show_only_printed_text(new_page: Any, site_url: str, built_site: Path) -> None:
    """Index-only words are searched but never shown: title and snippet come from the printed page."""
    page = new_page(**DESKTOP)
    results = SearchPage(page, site_url).open().search("pergantian antarwaktu")
    assert "kinerja/indikator/ik24-s40/" in results[:3]
    item = page.locator("#cari-hasil > li", has=page.locator("a[href$='ik24-s40/']"))
    shown = item.inner_text()
    assert "PAW" in shown  # the title as printed
    assert "ik24s40" not in shown.lower() and "penggantian antarwaktu" not in shown.split("\n")[0].lower()
    assert page.locator("#cari-hasil mark").count() >= 1  # the words found are marked where printed
    printed = page_text(built_site / "kinerja" / "indikator" / "ik24-s40" / "index.html")
    for part in re.split(r"…|\.\.\.", item.locator("p").inner_text()):
        assert re.sub(r"\s+", "", part) in printed, part


def test_stemmer_in_browser_matches_python(new_page: Any, site_url: str, built_site: Path) -> None:
    """cari.js, as loaded by the search page, stems the site's words exactly like kinerja.outputs.search."""
    from kinerja.outputs import search

    data = json.loads((built_site / search.STEMMER_DATA).read_text(encoding="utf-8"))
    stemmer = search.Stemmer(data["roots"])
    items, _ = search.indexed(built_site, [])
    vocabulary = sorted({w for page, _ in items for w in search.words(page.title + " " + page.text)})
    page = new_page(**DESKTOP)
    SearchPage(page, site_url).open()
    stems = page.evaluate(
        """([data, words]) => { const s = window.kinerjaCari.fromData(data).stemmer;
                                return words.map(w => s.stem(w)); }""",
        [data, vocabulary],
    )
    differ = [(w, s, stemmer.stem(w)) for w, s in zip(vocabulary, stems, strict=True) if s != stemmer.stem(w)]
    assert not differ, differ[:20]


def test_phone(new_page: Any, site_url: str) -> None:
    """On a 360 px touch screen: the box fills the width, results fit, nothing scrolls sideways."""
    page = new_page(**PHONE)
    box = SearchPage(page, site_url).open()
    box.box.tap()
    results = box.search("pengaduan masyarakat", typed=True)
    assert "kinerja/indikator/ik24-s28/" in results[:3]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["viewport"]["width"], f"halaman melebar ke samping: {width} px"
    field = page.locator("#cari-kueri").bounding_box()
    button = page.locator("#cari-form button[type=submit]").bounding_box()
    assert field["width"] >= 200 and field["height"] >= 24 and button["height"] >= 24
    for link in page.locator("#cari-hasil > li > a").all()[:5]:
        frame = link.bounding_box()
        assert frame["x"] >= 0 and frame["x"] + frame["width"] <= 360 + 1 and frame["height"] >= 16


def test_keyboard_only(new_page: Any, site_url: str) -> None:
    """ "/" opens the search page with the box focused; Tab reaches the results; Enter opens one;
    "show more" moves the focus to the first new result."""
    page = new_page(**DESKTOP)
    page.goto(site_url + "kinerja/indikator/ik24-s22/", wait_until="networkidle")
    page.keyboard.press("/")
    page.wait_for_url("**/cari/#cari-kueri")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'cari-kueri'")
    page.keyboard.type("pemilu", delay=10)
    SearchPage(page, site_url).settled("pemilu")
    status = page.locator("#cari-status")
    assert status.get_attribute("aria-live") == "polite" and "hasil untuk «pemilu»" in status.inner_text()
    more = page.locator("#cari-lagi")
    assert more.is_visible(), "lebih dari 10 hasil untuk «pemilu»: tombol hasil berikutnya harus ada"
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('#cari-hasil > li').length > 10")
    assert page.evaluate("document.activeElement === document.querySelectorAll('#cari-hasil > li > a')[10]")
    page.locator("#cari-kueri").focus()
    page.keyboard.press("Tab")  # the "Cari" button
    page.keyboard.press("Tab")  # the first result
    first = page.evaluate("document.activeElement.href")
    assert first == page.eval_on_selector("#cari-hasil > li > a", "a => a.href")
    page.keyboard.press("Enter")
    page.wait_for_url(first)


def test_results_pass_axe(new_page: Any, site_url: str, axe: Any) -> None:
    """With results and the "show more" button on screen, axe-core finds no WCAG 2.1 A/AA violation."""
    page = new_page(**DESKTOP)
    SearchPage(page, site_url).open("pemilu").settled("pemilu")
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def test_without_javascript(browser: Any, site_url: str) -> None:
    """Without JavaScript the page says that search needs it and points to the lists instead."""
    context, page = open_page(browser, java_script_enabled=False, **DESKTOP)
    try:
        page.goto(site_url + "cari/")
        note = page.locator("article p", has_text="Pencarian memerlukan JavaScript")
        assert note.is_visible()
        assert note.locator("a[href$='kinerja/indikator/']").count() == 1
        assert note.locator("a[href$='kinerja/glosarium/']").count() == 1
        assert not page.locator("#cari-form").is_visible()  # a form that cannot work is not offered
    finally:
        context.close()


# --- the same search on a site built by Zensical ------------------------------------------------


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built by `zensical build`, then indexed and hardened by this project's post-build steps."""
    if not ZENSICAL.exists():
        message = f"ZENSICAL TIDAK ADA ({ZENSICAL}): uji Zensical DILEWATI; jalankan 'make bench' sekali."
        if os.environ.get("KINERJA_ZENSICAL_REQUIRED") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from kinerja import model
    from kinerja.outputs import harden, search

    project = copy_project(tmp_path_factory.mktemp("zensical") / "proyek")
    env = {"PYTHONPATH": str(project / "scripts"), "GIT_CEILING_DIRECTORIES": str(project.parent)}
    result = run_kinerja(project, "generate", **env)
    assert result.returncode == 0, result.stderr + result.stdout
    result = subprocess.run(
        [str(ZENSICAL), "build", "--clean", "-f", "mkdocs.yml"],
        cwd=project,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    site = project / "site"
    search.build_index(site, [dataclasses.asdict(g) for g in model.load(project).glosarium])
    harden.harden_site(site)
    return site


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(zensical_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_zensical_build_finds_the_same_pages(
    browser: Any, zensical_url: str, search_results: dict[str, list[str]]
) -> None:
    """On Zensical's HTML the post-build step gives the same search: the same top 3 as on MkDocs."""
    context, page = open_page(browser, **DESKTOP)
    page.add_init_script(CSP_LOG)
    try:
        box = SearchPage(page, zensical_url).open()
        queries = load_queries()
        results = {item["query"]: box.search(item["query"]) for item in queries}
        hits, misses = _top3_report(queries, results)
        assert hits / len(queries) >= MIN_SHARE, misses
        differ = [q for q in results if results[q][:3] != search_results[q][:3]]
        assert not differ, [(q, results[q][:3], search_results[q][:3]) for q in differ]
        assert page.evaluate("window.__csp") == []
        assert not page.log.foreign and not page.log.page_errors
    finally:
        context.close()
    context, page = open_page(browser, **DESKTOP)
    try:
        page.goto(zensical_url + "kinerja/indikator/ik24-s40/", wait_until="networkidle")
        assert not [url for url in page.log.requests if any(mark in url for mark in INDEX_MARKS)]
    finally:
        context.close()
