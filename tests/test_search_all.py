"""The "all offices" search (outputs/search/semua.py, content/assets/cari-semua.js).

Fast tier: the index builder on a small site made from the frozen package's
indicators (tests/fixtures/paket/), copied into three offices the way the
synthetic package does (one office changes one text): grouping, the files by
term, and — in Node.js with the real lunr.js — that the browser engine over
the written files ranks as lunr ranks the same documents.

Browser tier: the built 1× site's search page in the "semua kantor" mode, in
Chromium: the same pages found as the per-office search, nothing loaded
before typing, the choice of scope by keyboard and on a phone, axe, codes.
"""

from __future__ import annotations

import csv
import html
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from _browser import AXE_OPTIONS
from conftest import FIXTURE
from kinerja.browser import DESKTOP, PHONE
from kinerja.outputs import search
from kinerja.outputs.search import lunr, semua, terms
from kinerja.outputs.search.stemmer import Stemmer, words
from test_search_browser import INDEX_MARKS, SearchPage, load_queries

ROOT = Path(__file__).resolve().parents[1]
CARI_JS = ROOT / "content" / "assets" / "cari.js"
SEMUA_JS = ROOT / "content" / "assets" / "cari-semua.js"
OFFICES = ("", "6472", "6401")
CHANGED = "IK24-S03"  # office 6401 prints this indicator with other words
SMALL_SHARDS = 3_000
QUERIES = (
    "pemutakhiran data pemilih",
    "memutakh",
    "mutakhir",
    "pe",
    "logistik",
    "77,5",
    "partai politik",
    "paw",
    "ik24-s40",
)


def _page(site: Path, url: str, title: str, text: str, boost: str) -> None:
    path = site / url / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = f'<h1 data-cari-bobot="{boost}">{html.escape(title)}</h1><p>{html.escape(text)}</p>'
    path.write_text(f'<html lang="id"><body><article>{body}</article></body></html>', encoding="utf-8")


def _office_code(code: str, office: str) -> str:
    head, tail = code.split("-", 1)
    return f"{head}-{office}-{tail}" if office else code


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen package's indicators as pages of three offices, lists and office pages; indexed."""
    site = tmp_path_factory.mktemp("semua") / "situs"
    with (FIXTURE / "data" / "indikator.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for office in OFFICES:
        name = f"KPU Kota {office}" if office else "KPU Provinsi Kalimantan Timur"
        _page(site, f"kinerja/kantor/{office or '64'}/", name, f"Rencana kinerja {name}.", "0.5")
        for row in rows:
            code = _office_code(row["id"], office)
            text = row["teks"] + (
                " dan pendistribusian logistik" if office == "6401" and row["id"] == CHANGED else ""
            )
            note = f"Catatan {_office_code('AN24-07', office)}: target tercetak {row['target_dicetak']}."
            _page(site, f"kinerja/indikator/{code.lower()}/", text, note, "3")
    listing = " ".join(row["teks"] for row in rows)
    _page(site, "kinerja/indikator/", "Semua indikator", listing, "0.2")
    _page(site, "kinerja/banding/ik24-s40/", "Banding", "Indikator dengan teks yang sama.", "0.3")
    _page(site, "", "Beranda", "Kinerja KPU, target 77,5% tercapai.", "0.3")
    glossary = [{"singkatan": "PAW", "kepanjangan": "pergantian antarwaktu"}]
    with mock.patch.object(semua, "SHARD_BYTES", SMALL_SHARDS):  # several files on a small site
        search.build_index(site, glossary, lambda url: lunr.office_of(url, "64"))
    return site


def _read(site: Path, name: str) -> Any:
    return json.loads((site / lunr.FOLDER / semua.SUBFOLDER / name).read_text(encoding="utf-8"))


def _docs(site: Path) -> list[list[Any]]:
    manifest = _read(site, semua.MANIFEST)
    return [d for n in range(-(-manifest["docs"] // manifest["per_file"])) for d in _read(site, f"d{n}.json")]


def test_offices_printing_the_same_words_are_one_result(small_site: Path) -> None:
    """Three offices' copies of an indicator are one group led by the home office's page; a copy with
    other words stays apart; pages of no office are never grouped."""
    docs = {d[0]: d for d in _docs(small_site)}
    manifest = _read(small_site, semua.MANIFEST)
    assert manifest["offices"] == 3
    s40 = docs["kinerja/indikator/ik24-s40/"]
    assert s40[4] == 3 and s40[5] == "kinerja/banding/ik24-s40/"  # three offices, comparison page exists
    assert "kinerja/indikator/ik24-6472-s40/" not in docs  # a member, not a result of its own
    assert docs["kinerja/indikator/ik24-s03/"][4] == 2 and docs["kinerja/indikator/ik24-s03/"][5] == ""
    changed = docs["kinerja/indikator/ik24-6401-s03/"]
    assert changed[4] == 1 and changed[6] == "KPU Kota 6401" and "pendistribusian" in changed[1]
    assert docs["kinerja/indikator/"][4] == 1 and docs[""][4] == 1
    members = _read(small_site, "k0.json") + _read(small_site, "k1.json")
    listed = [m for m in members if m and m[0][0] == "kinerja/indikator/ik24-k01/"]
    assert listed == [
        [
            ["kinerja/indikator/ik24-k01/", "KPU Provinsi Kalimantan Timur"],
            ["kinerja/indikator/ik24-6401-k01/", "KPU Kota 6401"],
            ["kinerja/indikator/ik24-6472-k01/", "KPU Kota 6472"],
        ]
    ]


def test_without_grouping_every_page_is_a_result(small_site: Path, tmp_path: Path) -> None:
    """grouped=False (the benchmark's worst case) indexes every page alone."""
    site = tmp_path / "situs"
    shutil.copytree(small_site, site)
    items = search.indexed(site, [])[0]
    written = semua.write(site, items, lambda url: lunr.office_of(url, "64"), grouped=False)
    assert written.groups == written.pages == len(items)
    assert len(_docs(site)) == len(items)


def test_every_term_is_in_the_file_the_manifest_names(small_site: Path) -> None:
    """A term is found by binary search over the first terms; files are in term order and not oversized."""
    manifest = _read(small_site, semua.MANIFEST)
    firsts = manifest["shards"]
    assert firsts == sorted(firsts) and len(firsts) > 1
    for number, first in enumerate(firsts):
        part = _read(small_site, f"t{number}.json")
        terms = list(part)
        assert terms[0] == first and terms == sorted(terms)
        text = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        assert len(terms) == 1 or len(text.encode()) <= SMALL_SHARDS * 1.2
        for term in terms:
            assert max(i for i, f in enumerate(firsts) if f <= term) == number
            gaps = part[term][: len(part[term]) // 2]
            assert all(g > 0 for g in gaps[1:]) and all(w > 0 for w in part[term][len(gaps) :])


def test_index_is_the_same_when_written_twice(small_site: Path, tmp_path: Path) -> None:
    """Writing again gives the same bytes and leaves no file of an earlier, larger index."""
    site = tmp_path / "situs"
    shutil.copytree(small_site, site)
    folder = site / lunr.FOLDER / semua.SUBFOLDER
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    (folder / "t999.json").write_text("{}", encoding="utf-8")
    glossary = [{"singkatan": "PAW", "kepanjangan": "pergantian antarwaktu"}]
    with mock.patch.object(semua, "SHARD_BYTES", SMALL_SHARDS):
        semua.write(site, search.indexed(site, glossary)[0], lambda url: lunr.office_of(url, "64"))
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_words_of_pages_read_before_are_kept_while_the_whole_site_gives_the_same(small_site: Path) -> None:
    """A build with the cache takes each kept page's index-only words from it, unless the roots, the
    glossary or the synonyms of the site changed (then every page's are worked out again)."""
    glossary = [{"singkatan": "PAW", "kepanjangan": "pergantian antarwaktu"}]
    read: dict[str, Any] = {}
    first, _ = search.indexed(small_site, glossary, read)
    with mock.patch.object(search, "hidden_terms", side_effect=AssertionError("worked out again")):
        again, _ = search.indexed(small_site, glossary, read)
    assert [hidden for _, hidden in again] == [hidden for _, hidden in first]
    with mock.patch.object(search, "hidden_terms", wraps=terms.hidden_terms) as made:
        changed, _ = search.indexed(
            small_site, [*glossary, {"singkatan": "DL", "kepanjangan": "pendistribusian logistik"}], read
        )
    assert made.call_count == len(first)
    assert [hidden for _, hidden in changed] != [hidden for _, hidden in first]


def test_a_new_root_works_out_again_only_the_pages_it_roots(small_site: Path, tmp_path: Path) -> None:
    """One page printing a new word changes the site's root list; a kept page's words are worked out
    again when, and only when, a word it asked the stemmer for now has another root, and every page
    gets what a build without the cache gives."""
    site = tmp_path / "situs"
    shutil.copytree(small_site, site)
    read: dict[str, Any] = {}
    first, roots = search.indexed(site, [], read)
    rooted = {page.url for page, _ in first if "pengendalian" in words(page.title + " " + page.text)}
    _page(site, "", "Beranda", "Kinerja KPU, target 77,5% tercapai. Kendali mutu.", "0.3")
    del read["index.html"]  # the home page was built again: it is read again
    with mock.patch.object(search, "hidden_terms", wraps=terms.hidden_terms) as made:
        again, new_roots = search.indexed(site, [], read)
    assert Stemmer(roots).stem("pengendalian") != Stemmer(new_roots).stem("pengendalian") == "kendali"
    assert [hidden for _, hidden in again] == [hidden for _, hidden in search.indexed(site, [])[0]]
    worked = {call.args[0] for call in made.call_args_list}
    assert rooted and worked == rooted | {""}, "the home page and the pages printing 'pengendalian'"


def test_tokens_are_lunrs() -> None:
    """The build splits text into terms as lunr does after cari.js joins numbers."""
    assert semua.tokens(semua.join_numbers("Pemilu/Pemilihan, «77,5%» logis-tik (PAW) 1.000.")) == [
        "pemilu",
        "pemilihan",
        "77_5",
        "logis",
        "tik",
        "paw",
        "1_000",
    ]


def _node(script: str, payload: Any) -> Any:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js tidak ada: kesetaraan dengan lunr diuji hanya di peramban")
    result = subprocess.run(
        [node, "-e", script], input=json.dumps(payload), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


RANK_BOTH = """
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const fs = require('fs');
const lunr = require(input.lunr);
const cari = require(input.cari);
require(input.semua);
const helpers = {
  json: p => Promise.resolve(JSON.parse(fs.readFileSync(input.site + '/' + p, 'utf8'))),
  numberTerms: cari.numberTerms, codeKey: cari.codeKey, url: u => u
};
lunr.tokenizer.separator = /[\\s\\-,:;!=\\[\\]()"/.«»…·|]+/;
const index = lunr(function () {
  this.pipeline.reset(); this.searchPipeline.reset(); this.pipeline.add(lunr.trimmer);
  this.ref('i');
  this.field('t', {boost: 10}); this.field('x'); this.field('tt', {boost: 10}); this.field('xt');
  input.docs.forEach((d, i) => this.add({i: String(i), t: d[0], x: d[1], tt: d[2], xt: d[3]},
                                        {boost: d[4]}), this);
});
const engine = new globalThis.kinerjaCariSemua(helpers);
(async () => {
  await engine.load();
  const out = [];
  for (const q of input.queries) {
    const clauses = engine.clauses(q.words, q.stems);
    const viaLunr = index.query(query => clauses.forEach(c => query.term(c[0], c[2]
      ? {boost: c[1], wildcard: lunr.Query.wildcard.TRAILING} : {boost: c[1]})));
    const ours = await engine.search(q.words, q.stems);
    out.push({lunr: viaLunr.map(h => [Number(h.ref), h.score]), ours: ours.map(h => [h.doc, h.score]),
              boosts: clauses.reduce((sum, c) => sum + c[1], 0)});
  }
  process.stdout.write(JSON.stringify(out));
})();
"""


def test_browser_engine_ranks_as_lunr(small_site: Path) -> None:
    """cari-semua.js over the written files finds the same documents as lunr 2.3.9 indexing the same
    groups with the per-office search's fields and clauses, in the same order, scores in proportion."""
    items = search.indexed(small_site, [{"singkatan": "PAW", "kepanjangan": "pergantian antarwaktu"}])[0]
    groups = semua.group_pages(items, lambda url: lunr.office_of(url, "64"))
    docs = [[*g.fields, g.boost] for g in groups]
    stemmer = search.Stemmer(
        search.root_list({w for p, _ in items for w in search.words(p.title + " " + p.text)}, [])
    )
    queries = []
    for query in QUERIES:
        words = [w for w in query.lower().split() if w not in search.STOPWORDS]
        queries.append({"words": words, "stems": [stemmer.stem(w) for w in words]})
    payload = {
        "lunr": str(lunr.lunr_source()),
        "cari": str(CARI_JS),
        "semua": str(SEMUA_JS),
        "site": str(small_site),
        "docs": docs,
        "queries": queries,
    }
    found_any = 0
    for query, found in zip(QUERIES, _node(RANK_BOTH, payload), strict=True):
        theirs = dict(found["lunr"])
        ours = dict(found["ours"])
        assert set(ours) == set(theirs), query
        found_any += bool(ours)
        scale = sorted(ours[d] / theirs[d] for d in ours)[len(ours) // 2]  # lunr divides by |query|
        # Each weight is rounded to a hundredth (lunr's to a thousandth of a field's): a little slack.
        off = {
            d: (ours[d], round(scale * theirs[d]))
            for d in ours
            if abs(ours[d] - scale * theirs[d]) > found["boosts"] + 0.002 * ours[d]
        }
        assert not off, (query, off)
        print(query, len(ours), "dokumen; skala", scale)
    assert found_any >= len(QUERIES) - 1


# --- the built 1× site in Chromium --------------------------------------------------------------


def _search_all(page: Any, base: str, query: str = "") -> SearchPage:
    return SearchPage(page, base).open(query, scope="semua")


def test_all_offices_finds_every_expected_page(new_page: Any, site_url: str) -> None:
    """In the "semua kantor" mode every citizen query finds its page among the first three results."""
    page = new_page(**DESKTOP)
    box = _search_all(page, site_url)
    misses = []
    for item in load_queries():
        top = box.search(item["query"])[:3]
        if not any(p in top for p in item["expected"]):
            misses.append(f"{item['query']} → {top}")
    assert not misses, misses
    assert "di semua kantor" in page.locator("#cari-status").inner_text()
    assert not page.log.page_errors and not page.log.console_errors


def test_nothing_loads_before_typing(new_page: Any, site_url: str) -> None:
    """The mode's page fetches no index and not its engine until a query is typed; then only this site."""
    page = new_page(**DESKTOP)
    box = _search_all(page, site_url)
    page.wait_for_timeout(500)
    assert not [u for u in page.log.requests if any(m in u for m in INDEX_MARKS) or "cari-semua" in u]
    box.search("logistik")
    asked = [u for u in page.log.requests if "/cari/indeks/" in u]
    assert asked and all("/cari/indeks/semua/" in u or u.endswith("akar.json") for u in asked), asked


def test_scope_chosen_with_the_keyboard(new_page: Any, site_url: str) -> None:
    """The choice is a labelled radio group just before the box (the box and its results stay next to each
    other for Tab); arrow keys switch it, the query runs again in the other scope and the address keeps it
    (?kantor=semua), so a shared link opens the same search."""
    page = new_page(**DESKTOP)
    box = SearchPage(page, site_url).open()
    box.search("pemilu")
    assert "semua kantor" not in page.locator("#cari-status").inner_text()
    group = page.locator("#cari-form fieldset")
    assert group.locator("legend").inner_text().strip() == "Cari di"
    assert (
        page.get_by_label("semua kantor").count() == 1 and page.get_by_label("kantor situs ini").is_checked()
    )
    page.locator("#cari-kueri").focus()
    page.keyboard.press("Shift+Tab")  # the checked radio
    assert page.evaluate("document.activeElement.name") == "kantor"
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => /di semua kantor/.test(document.getElementById('cari-status').textContent)")
    assert "kantor=semua" in page.url and "q=pemilu" in page.url
    page.reload(wait_until="networkidle")
    assert page.get_by_label("semua kantor").is_checked()
    box.settled("pemilu")
    assert "di semua kantor" in page.locator("#cari-status").inner_text()


def test_code_opens_its_page(new_page: Any, site_url: str) -> None:
    """A page code in the address (or submitted) opens that page, as in the per-office search."""
    page = new_page(**DESKTOP)
    _search_all(page, site_url, "IK24-S40")
    page.wait_for_url("**/kinerja/indikator/ik24-s40/")
    box = _search_all(page, site_url)
    assert box.search("ik24-s40")[0] == "kinerja/indikator/ik24-s40/"


def test_phone_and_axe(new_page: Any, site_url: str, axe: Any) -> None:
    """On a 360 px touch screen the choice is tapped, nothing scrolls sideways; axe finds nothing."""
    page = new_page(**PHONE)
    box = SearchPage(page, site_url).open()
    page.get_by_label("semua kantor").tap()
    box.box.tap()
    assert "kinerja/indikator/ik24-s28/" in box.search("pengaduan masyarakat")[:3]
    assert "di semua kantor" in page.locator("#cari-status").inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["viewport"]["width"], f"halaman melebar ke samping: {width} px"
    for label in page.locator("#cari-form fieldset label").all():
        assert label.bounding_box()["height"] >= 24
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


@pytest.fixture(scope="module")
def two_offices_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The built site with its all-offices index written as if a second office (6472) printed every
    indicator alike: the grouped results, served on 127.0.0.1."""
    import dataclasses
    import functools
    import http.server
    import threading

    from _site import _QuietHandler

    site = tmp_path_factory.mktemp("dua-kantor") / "situs"
    shutil.copytree(built_site, site)
    items = search.indexed(site, [])[0]
    copies = []
    for page, hidden in items:
        if page.url.startswith("kinerja/indikator/ik24-"):
            url = page.url.replace("/ik24-", "/ik24-6472-")
            own = set(terms.own_terms(page.url, page.title))  # the copy is found by its own code
            title = [t for t in hidden.title if t not in own] + terms.own_terms(url, page.title)
            copies.append((dataclasses.replace(page, url=url), terms.Hidden(title, hidden.text)))
    (site / "kinerja" / "banding" / "ik24-s40").mkdir(parents=True, exist_ok=True)
    (site / "kinerja" / "banding" / "ik24-s40" / "index.html").write_text(
        "<h1>Banding</h1>", encoding="utf-8"
    )
    semua.write(site, items + copies, lambda url: lunr.office_of(url, "64"))
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_grouped_result_lists_its_offices(new_page: Any, two_offices_url: str, axe: Any) -> None:
    """A page two offices print alike is one result "di 2 kantor" linking to the comparison page; its
    list of office pages is fetched only when opened (by keyboard), and then passes axe."""
    page = new_page(**DESKTOP)
    box = _search_all(page, two_offices_url)
    results = box.search("pergantian antarwaktu")
    assert results[0] == "kinerja/indikator/ik24-s40/"
    first = page.locator("#cari-hasil > li").first
    assert "Teks yang sama di 2 kantor" in first.inner_text()
    assert (
        first.locator("a", has_text="bandingkan antarkantor")
        .get_attribute("href")
        .endswith("kinerja/banding/ik24-s40/")
    )
    assert not [u for u in page.log.requests if "/semua/k" in u]
    first.locator("summary").focus()
    page.keyboard.press("Enter")
    links = first.locator("details li a")
    links.first.wait_for()
    assert [a.get_attribute("href").split("/")[-2] for a in links.all()] == ["ik24-s40", "ik24-6472-s40"]
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
