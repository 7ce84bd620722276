"""Search that knows what people type: numbers with either mark, exact codes, everyday names, no result.

The rules live in kinerja.outputs.search (numbers.py, synonyms.py with
sinonim.csv) and in content/assets/cari.js; docs/pencarian.md explains them.
Fast tests check each rule and that Python and cari.js (under Node.js) apply
the number rule the same way on the same inputs; browser tests type into the
search page of the built site, choosing their pages from what that site
prints, not from a fixed list.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from _browser import AXE_OPTIONS
from kinerja.errors import BuildError
from kinerja.outputs import search
from kinerja.outputs.search import lunr, numbers, stemmer, synonyms, terms
from test_search import _node  # runs content/assets/cari.js under Node.js

ROOT = Path(__file__).resolve().parents[1]
#: How people type numbers and how documents print them (one number each).
TYPED = ["77,5", "77.5", "77,5%", "77,5 %", "89%", "89 %", "89 persen", "89", "5", "1.000", "2.500.000",
         "36,36%", "(97,5%)", "87.5%", "0,5"]  # fmt: skip
#: Printed sentences with numbers, codes and budget codes around them.
PRINTED = [
    "Target 77,5%.",
    "Tercetak: «87.5%» (kolom target_dicetak); target lain memakai koma (97,5%; 77,5%).",
    "Operasional Perkantoran (3360) dan (6709.QGE.004); IK24-6472-S07, IK24-S40.",
    "36,36% (4 satker), 1.000.000 rupiah, versi v2.1, tahun 2024.",
    "nilai 5 dan 10 persen",
]
JS_NUMBERS = r"""
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const stop = new Set(input.stop);
process.stdout.write(JSON.stringify({
  typed: input.typed.map(q => cari.queryWords(q, stop).flatMap(w => cari.numberTerms(w) || [])),
  printed: input.printed.map(t => cari.joinNumbers(t).match(/[0-9]+(?:_[0-9]+)+/g) || []),
  codes: input.codes.map(q => cari.codeKey(q)),
}));
"""


def _js_numbers(typed: list[str], printed: list[str], codes: list[str] = []) -> dict[str, list[Any]]:  # noqa: B006
    payload = {"typed": typed, "printed": printed, "codes": codes, "stop": sorted(search.STOPWORDS)}
    return _node(JS_NUMBERS, payload)


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Target 77,5%.", ["77_5", "77_5persen"]),
        ("77.5", ["77_5"]),
        ("89 %", ["89", "89persen"]),
        ("89 persen", ["89", "89persen"]),
        ("IK24-6472-S07 dan IK24-S40", []),  # codes are not numbers
        ("(6709.QGE.004)", ["6709"]),
        ("1.000.000", ["1_000_000"]),
    ],
)
def test_number_terms(text: str, expected: list[str]) -> None:
    """Either decimal mark gives the same word; a percentage gets a second word; codes give none."""
    assert numbers.number_terms(text) == expected


def test_whole_numbers_only() -> None:
    """77,5 is read as one word in the printed text, so the word 5 is not among its numbers."""
    assert numbers.printed_numbers("Target 77,5% dan 5 satker") == ["77_5"]
    assert "77_5" in terms.printed_tokens("Target 77,5%")
    assert "5" not in numbers.number_terms("Target 77,5%")


def test_cari_js_reads_numbers_like_python() -> None:
    """The query side (queryWords + numberTerms) and the printed-text side (joinNumbers) follow numbers.py."""
    out = _js_numbers(TYPED, PRINTED)
    assert out["typed"] == [numbers.number_terms(q) for q in TYPED]
    assert out["printed"] == [numbers.printed_numbers(t) for t in PRINTED]
    assert out["typed"][:3] == [["77_5"], ["77_5"], ["77_5", "77_5persen"]]  # the rule, not only agreement


def test_cari_js_code_key() -> None:
    """A code typed in any case, with or without hyphens, is one key; words and half codes are not codes."""
    queries = ["IK24-K03", "ik24k03", "ik24 k03", "IK24-6472-S07", "RKT24-K", "ik24", "pemilu", "77,5"]
    keys = _js_numbers([], [], queries)["codes"]
    assert keys == ["ik24k03", "ik24k03", "ik24k03", "ik246472s07", "rkt24k", "", "", ""]


# --- the synonym list ---------------------------------------------------------------------------

_REGULATION = re.compile(r"\b(?:UU|PP|PKPU|Perpres|Perppu|PermenPAN-RB|PMK)\s+\d+/\d{4}\b")
_PUBLIC_PAGE = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go\.id|org|id)\b")


def test_every_synonym_has_a_public_source() -> None:
    """Each row names a regulation (number and year) or a named public page; an article has its number."""
    assert len(synonyms.SYNONYMS) >= 5
    for row in synonyms.SYNONYMS:
        assert row.istilah and row.padanan and row.sumber, row
        assert _REGULATION.search(row.sumber) or _PUBLIC_PAGE.search(row.sumber), row
        assert not re.search(r"Pasal(?!\s+\d)", row.sumber), f"pasal tanpa nomor: {row}"
        assert row.istilah == row.istilah.lower() and len(search.words(row.istilah)) == 1, row
    pairs = [(r.istilah, r.padanan) for r in synonyms.SYNONYMS]
    assert len(pairs) == len(set(pairs))
    assert {"dpt", "pilkada", "pemilukada"} <= {r.istilah for r in synonyms.SYNONYMS}


def test_one_list_of_everyday_words() -> None:
    """sinonim.csv replaces the old list in the stemmer; its words are roots, never cut."""
    assert not hasattr(stemmer, "EXTRA_ABBREVIATIONS")
    roots = set(search.root_list(set()))
    assert {r.istilah for r in synonyms.SYNONYMS} <= roots


def test_a_row_without_source_stops_the_build(tmp_path: Path) -> None:
    """A synonym without its source is refused with the file, the line and how to fix it."""
    path = tmp_path / "sinonim.csv"
    path.write_text("istilah,padanan,sumber,keterangan\ndpt,daftar pemilih tetap,,\n", encoding="utf-8")
    with pytest.raises(BuildError) as error:
        synonyms.load(path)
    assert "sinonim.csv, baris 2: kolom sumber kosong" in str(error.value)
    path.write_text("kata,arti\ndpt,daftar\n", encoding="utf-8")
    with pytest.raises(BuildError, match="kolomnya harus istilah, padanan, sumber, keterangan"):
        synonyms.load(path)


def test_synonyms_and_numbers_are_index_only_words() -> None:
    """A page printing "Pemilu/Pemilihan" gets *pilkada* with its text's words (not its title's);
    the numbers of its description and of its text become whole words, percentages too."""
    hidden = terms.hidden_terms(
        "kinerja/indikator/ik24-k03/",
        "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan",
        "Target lain 97,5%.",
        search.Stemmer(search.ROOTS),
        [],
        "Indikator kinerja IK24-K03: Target 77,5%.",
        search.synonym_pairs(),
    )
    assert {"pilkada", "pemilukada", "77_5", "77_5persen", "97_5persen"} <= set(hidden.text)
    assert "97_5" not in hidden.text  # printed in the text already (as the engine reads it)
    assert "pilkada" not in hidden.title and "ik24k03" in hidden.title


def test_built_files_carry_numbers_and_synonyms(tmp_path: Path) -> None:
    """On a small built site: the description's target is searchable, and akar.json lists the synonyms."""
    site = tmp_path / "situs"
    page = site / "kinerja" / "indikator" / "ik24-k06" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<html lang="id"><head><meta name="description" content="Indikator IK24-K06: Target 89%.">'
        '</head><body><article><h1 data-cari-bobot="3">Persentase sengketa</h1><p>Teks.</p>'
        "</article></body></html>",
        encoding="utf-8",
    )
    search.build_index(site, [])
    docs = json.loads((site / lunr.FOLDER / "kantor.json").read_text(encoding="utf-8"))["docs"]
    assert {"89", "89persen"} <= set(docs[0][4].split())
    data = json.loads((site / search.STEMMER_DATA).read_text(encoding="utf-8"))
    assert data["synonyms"]["dpt"] == ["daftar", "pemilih", "tetap"]
    assert "pemilu" in data["synonyms"]["pilkada"]


# --- on the built site ----------------------------------------------------------------------------


def _docs(site: Path) -> list[list[Any]]:
    folder = site / lunr.FOLDER
    manifest = json.loads((folder / lunr.MANIFEST).read_text(encoding="utf-8"))
    return [
        d for s in manifest["scopes"] for d in json.loads((folder / f"{s}.json").read_text("utf-8"))["docs"]
    ]


def test_cari_js_reads_the_sites_numbers_like_python(built_site: Path) -> None:
    """Every title, text and description of the built site: cari.js joins the same numbers as numbers.py."""
    texts = [part for d in _docs(built_site) for part in (d[1], d[2], d[6]) if re.search(r"\d[.,]\d", part)]
    assert texts
    out = _js_numbers([], texts)
    assert out["printed"] == [numbers.printed_numbers(t) for t in texts]


def _decimal_target(site: Path) -> tuple[str, str, str]:
    """(page, integer part, fraction) of the first indicator whose description prints a decimal target
    and whose printed words do not contain the fraction alone."""
    for d in sorted(_docs(site)):
        match = re.search(r"Target (\d+)[,.](\d+)\s?%", d[6])
        words = terms.printed_tokens(d[1] + " " + d[2]) | set(d[3].split() + d[4].split())
        if d[0].startswith("kinerja/indikator/") and match and match[2] not in words:
            return d[0], match[1], match[2]
    raise AssertionError("paket uji tidak memuat indikator dengan target desimal")


# --- in the browser ---------------------------------------------------------------------------------


def _search(page: Any, query: str) -> list[str]:
    """Type `query` into the emptied search box; the result addresses once the status names it."""
    box = page.locator("#cari-kueri")
    box.fill("")
    page.wait_for_function("() => !document.querySelector('#cari-hasil > li')", timeout=10_000)
    box.press_sequentially(query, delay=10)
    page.wait_for_function(
        "q => document.getElementById('cari-status').textContent.includes('«' + q + '»')", arg=query.strip()
    )
    return page.eval_on_selector_all("#cari-hasil > li > a", "els => els.map(a => a.href)")


def _open(new_page: Any, site_url: str) -> Any:
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "cari/", wait_until="networkidle")
    return page


def test_printed_target_found_with_either_mark(new_page: Any, site_url: str, built_site: Path) -> None:
    """A decimal target is found by its number with a comma, a point or a percent sign; its fraction
    alone does not find it."""
    url, whole, fraction = _decimal_target(built_site)
    page = _open(new_page, site_url)
    for query in (f"{whole},{fraction}", f"{whole}.{fraction}", f"{whole},{fraction}%"):
        assert site_url + url in _search(page, query)[:3], query
    assert site_url + url not in _search(page, fraction)


def test_exact_code_shows_its_page_and_opens_it(new_page: Any, site_url: str, built_site: Path) -> None:
    """Typing a page's code shows that page alone; a partial code stays a search; Enter opens the page,
    and so does a link to the search with the code (?q=), leaving no search page to come back to."""
    code = sorted(p.parent.name for p in (built_site / "kinerja" / "sasaran").glob("*-*/index.html"))[0]
    target = f"{site_url}kinerja/sasaran/{code}/"
    page = _open(new_page, site_url)
    assert _search(page, code.upper()) == [target]
    assert "kode" in page.inner_text("#cari-status")
    partial = _search(page, code.upper()[:-1])
    assert partial != [target] and page.url.startswith(site_url + "cari/")
    assert _search(page, code.replace("-", "")) == [target]
    page.locator("#cari-kueri").press("Enter")
    page.wait_for_url(target)
    page.goto(site_url, wait_until="networkidle")
    page.goto(f"{site_url}cari/?q={code.upper()}")
    page.wait_for_url(target)
    page.go_back(wait_until="networkidle")
    assert page.url == site_url


def test_code_of_another_office_is_found(new_page: Any, site_url: str) -> None:
    """A code of an office whose documents are not loaded (IK24-6472-S07) is looked up in its file."""
    page = new_page(viewport={"width": 1280, "height": 900})
    other = {"version": 1, "docs": [["kinerja/indikator/ik24-6472-s07/", "Indikator kantor lain", "", "", "",
                                      3, "Indikator kinerja IK24-6472-S07."]]}  # fmt: skip

    def manifest(route: Any) -> None:
        data = json.loads(route.fetch().text())
        data["scopes"]["kantor-6472"] = 1
        route.fulfill(json=data)

    page.route("**/cari/indeks/cakupan.json", manifest)
    page.route("**/cari/indeks/kantor-6472.json", lambda route: route.fulfill(json=other))
    page.goto(site_url + "cari/", wait_until="networkidle")
    assert _search(page, "IK24-6472-S07") == [site_url + "kinerja/indikator/ik24-6472-s07/"]
    assert "Indikator kantor lain" in page.inner_text("#cari-hasil")


def test_everyday_name_and_synonym_fallback(new_page: Any, site_url: str) -> None:
    """ "pilkada" finds pages printing "Pemilu/Pemilihan"; "dpt" is searched as its padanan."""
    page = _open(new_page, site_url)
    assert _search(page, "pilkada")
    assert _search(page, "dpt")
    assert "padanannya «daftar pemilih tetap»" in page.inner_text("#cari-status")


def test_no_result_links_glossary_and_lists(new_page: Any, site_url: str, built_site: Path, axe: Any) -> None:
    """No result: the status says so in Indonesian and links the glossary, all indicators and the sasaran,
    addressed from where the site is published; the links work, and axe-core finds nothing wrong."""
    page = _open(new_page, site_url)
    assert _search(page, "qxzvqk") == []
    status = page.locator("#cari-status")
    assert status.inner_text().startswith("Tidak ada hasil untuk «qxzvqk»")
    links = status.locator("a")
    assert links.all_inner_texts() == ["Glosarium", "Semua indikator", "Sasaran strategis"]
    hrefs = links.evaluate_all("els => els.map(a => a.href)")
    paths = ["kinerja/glosarium/", "kinerja/indikator/", "kinerja/sasaran/"]
    assert hrefs == [site_url + p for p in paths]
    assert all((built_site / p / "index.html").is_file() for p in paths)
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    links.first.click()
    page.wait_for_url(site_url + "kinerja/glosarium/")
