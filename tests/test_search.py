"""Indonesian search without a browser: stemmer, page reading, index-only words, the written index.

The browser tests (test_search_browser.py) check what a visitor sees; these
check the parts one by one and run in a few seconds (plus the shared build).
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from kinerja.outputs import search
from kinerja.outputs.search import lunr, pages, terms

ROOT = Path(__file__).resolve().parents[1]
CARI_JS = ROOT / "content" / "assets" / "cari.js"
QUERIES = ROOT / "tests" / "fixtures" / "search_queries.yml"
GLOSSARY = [
    {"singkatan": "PAW", "kepanjangan": "Pergantian Antarwaktu"},
    {"singkatan": "RPP", "kepanjangan": "Rumah Pintar Pemilu"},
    {"singkatan": "BMN", "kepanjangan": "Barang Milik Negara"},
    {"singkatan": "SIMONIKA", "kepanjangan": ""},
]
#: What the first query may cost at 1× (gzip level 6, as the benchmark's server sends it).
FIRST_QUERY_BUDGET = 100 * 1024


# --- the stemmer -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("memutakhirkan", "mutakhir"),
        ("dimutakhirkan", "mutakhir"),
        ("pemutakhiran", "mutakhir"),
        ("mutakhir", "mutakhir"),
        ("penyelenggaraan", "selenggara"),
        ("menyelenggarakan", "selenggara"),
        ("pengelolaan", "kelola"),
        ("dikelola", "kelola"),
        ("mengelola", "kelola"),
        ("ditindaklanjuti", "tindaklanjut"),
        ("menindaklanjuti", "tindaklanjut"),
        ("pemilih", "pilih"),
        ("pemilihan", "pilih"),
        ("memilih", "pilih"),
        ("pengaduan", "adu"),
        ("aduan", "adu"),
        ("keterbukaan", "buka"),
        ("terbuka", "buka"),
        ("kepegawaian", "pegawai"),
        ("pertanggungjawaban", "tanggungjawab"),
        ("perbendaharaan", "bendahara"),
        ("pendistribusian", "distribusi"),
        ("mendistribusikan", "distribusi"),
        ("penetapan", "tetap"),
        ("ditetapkan", "tetap"),
        ("peningkatan", "tingkat"),
        ("meningkatnya", "tingkat"),
        ("kampanyenya", "kampanye"),
        ("dikampanyekan", "kampanye"),
        ("pengarsipan", "arsip"),
        ("kearsipan", "arsip"),
        ("perundangan", "undang"),
        ("berkelanjutan", "lanjut"),
        ("ketersediaan", "sedia"),
        ("disediakan", "sedia"),
        ("bermasalah", "masalah"),
        ("difasilitasi", "fasilitasi"),
        ("pemungutan", "pungut"),
        ("perencanaan", "rencana"),
        ("tindakan", "tindak"),
        ("PENGELOLAAN", "kelola"),
    ],
)
def test_stem(word: str, root: str) -> None:
    """Common affixes (prefixes with sound changes, confixes, suffixes, particles) are removed."""
    assert search.stem(word) == root


@pytest.mark.parametrize(
    "word",
    ["pemilu", "peserta", "persentase", "persen", "berkas", "berita", "kampanye", "partisipasi",
     "sekretariat", "informasi", "disiplin", "kpu", "simonika", "ppid", "logistik", "data", "tik"],
)  # fmt: skip
def test_roots_and_unknown_words_stay(word: str) -> None:
    """Roots that look affixed and words without a known root are returned unchanged."""
    assert search.stem(word) == word


def test_stem_is_idempotent_and_never_longer() -> None:
    """A stem stems to itself, and is never longer than the word."""
    for word in ["pemutakhiran", "keterbukaan", "ditindaklanjuti", "penyelenggaraan", "pemilihan", "zona"]:
        root = search.stem(word)
        assert search.stem(root) == root
        assert len(root) <= len(word)


def test_stemmer_only_accepts_known_roots() -> None:
    """Without "mutakhir" among the roots, nothing is cut; with it, all forms meet."""
    bare = search.Stemmer(["pilih"])
    assert bare.stem("memutakhirkan") == "memutakhirkan"
    corpus = search.Stemmer(["mutakhir"])
    assert {corpus.stem(w) for w in ("memutakhirkan", "dimutakhirkan", "pemutakhiran")} == {"mutakhir"}


def test_root_list_from_the_corpus() -> None:
    """Irreducible words of the site become roots; derived words and reducible look-alikes do not."""
    roots = set(search.root_list({"mutakhir", "memutakhirkan", "pemilu", "serta", "kampanyenya"}, GLOSSARY))
    assert {"mutakhir", "pemilu", "serta", "paw", "rpp", "bmn", "simonika"} <= roots
    assert "memutakhirkan" not in roots
    assert "kampanyenya" not in roots  # "kampanye" is a built-in root
    assert roots >= search.ROOTS


# --- reading built pages -------------------------------------------------------------------------

PAGE = """<!doctype html><html lang="id"><head><title>Judul - Situs</title>
<meta name="description" content="Indikator kinerja IK24-S40: ringkasan &amp; target.">
</head><body><nav>Menu Beranda Unduh</nav><main><article class="md-content__inner">
<h1 data-cari-bobot="3" id="x">Persentase proses <abbr title="Pergantian Antarwaktu">PAW</abbr></h1>
<p data-cari-abaikan>Indikator kinerja IK24-S40 dalam RKT.</p>
<div data-cari-abaikan="data-cari-abaikan"><table><tr><td>Kode</td><td>IK24-S40</td></tr></table></div>
<p>Teks yang <strong>memutakhirkan</strong> data.</p>
<h2 data-cari-abaikan id="a">Cara mengutip</h2><p>kutipan panjang</p><h3>di dalam bagian</h3><p>juga</p>
<h2 id="b">Catatan</h2><p>catatan<br>tercetak</p><script>var rahasia = "<p>bukan</p>";</script>
<p class="cetak-kaki" data-cari-abaikan>Dicetak dari situs</p>
</article></main><footer>Kaki</footer></body></html>"""


def test_read_page_takes_title_weight_and_printed_text() -> None:
    """The h1 is the title, its mark the weight; marked blocks and whole marked sections are left out."""
    page = pages.read_page(PAGE, "kinerja/indikator/ik24-s40/")
    assert page is not None
    assert (page.title, page.boost, page.lang) == ("Persentase proses PAW", 3.0, "id")
    assert page.text.split("\n") == ["Teks yang memutakhirkan data.", "Catatan", "catatan", "tercetak"]
    assert page.headings == ["Catatan"]
    assert page.description == "Indikator kinerja IK24-S40: ringkasan & target."
    for hidden in ("Menu", "IK24-S40", "kutipan", "di dalam bagian", "juga", "rahasia", "Dicetak", "Kaki"):
        assert hidden not in page.text


def test_a_page_with_a_marked_title_is_not_indexed() -> None:
    """The search page marks its own h1: it is never a result."""
    marked = PAGE.replace('<h1 data-cari-bobot="3" id="x">', '<h1 data-cari-abaikan id="x">')
    assert pages.read_page(marked, "cari/") is None
    assert pages.read_page(PAGE.replace("<html", "<html data-cari-abaikan"), "x/") is None


def test_page_without_article_uses_main_or_body() -> None:
    assert pages.read_page("<html><body><main><h1>A</h1><p>b</p></main></body></html>", "a/").text == "b"
    page = pages.read_page("<html><body><h1>A</h1><p>b &amp; c</p></body></html>", "a/")
    assert (page.title, page.text, page.boost) == ("A", "b & c", 1.0)


def test_page_urls() -> None:
    site = Path("/s")
    assert pages.page_url(site, site / "index.html") == ""
    assert pages.page_url(site, site / "kinerja" / "indikator" / "index.html") == "kinerja/indikator/"
    assert pages.page_url(site, site / "lain.html") == "lain.html"


# --- index-only words ---------------------------------------------------------------------------


def _extra(text: str, glossary: list[dict[str, str]] = GLOSSARY, roots: set[str] | None = None) -> list[str]:
    stemmer = search.Stemmer(roots or search.ROOTS)
    return terms.extra_terms(text, stemmer, search.glossary_pairs(glossary))


def test_acronym_gets_its_expansion_and_back() -> None:
    """PAW brings "pergantian antarwaktu" (and its stems); the spelt-out form brings the acronym."""
    assert {"pergantian", "ganti", "antarwaktu"} <= set(_extra("Persentase proses PAW anggota DPRD"))
    assert "rpp" in _extra("Pengelolaan Rumah Pintar Pemilu")
    assert "bmn" in _extra("Tertib dalam Pengelolaan Barang Milik Negara")
    assert "rpp" not in _extra("Digitalisasi Rumah Pintar Pemilu (RPP)")  # printed already


def test_hyphen_split_words_are_joined() -> None:
    """A word broken by a printed hyphen is found whole ("logis-tik" → "logistik")."""
    assert "logistik" in _extra("yang mendistribusikan logis-tik Pemilu")


def test_stems_only_of_whole_words_and_never_printed_words() -> None:
    """Codes like IK24-S40 add nothing; words already in the part are not repeated."""
    extra = _extra(
        "Indikator IK24-S40 memutakhirkan data pemilih, mutakhir", roots=search.ROOTS | {"mutakhir"}
    )
    assert "ik" not in extra and "s" not in extra
    assert "mutakhir" not in extra  # printed in the part itself
    assert "pilih" in extra


def test_compound_roots_add_their_parts() -> None:
    """ "ditindaklanjuti" is also found by "tindak lanjut" typed as two words."""
    assert {"tindaklanjut", "tindak", "lanjut"} <= set(_extra("pengaduan masyarakat yang ditindaklanjuti"))


def test_page_is_found_by_its_own_code() -> None:
    """A row page's title words get its code, also joined; pages without a code in their address do not."""
    assert terms.own_terms("kinerja/indikator/ik24-s40/", "Persentase proses PAW") == [
        "ik24",
        "s40",
        "ik24s40",
    ]
    assert terms.own_terms("tentang-data/", "Tentang data") == []
    assert terms.own_terms("", "Beranda") == []
    assert terms.code_term("IK24-S40") == "ik24s40"
    assert terms.code_term("logis-tik") == ""  # no digit: a word, handled as a hyphen join
    hidden = terms.hidden_terms(
        "kinerja/indikator/ik24-s40/", "Proses PAW", "PAW tepat waktu", search.Stemmer(search.ROOTS), []
    )
    assert "ik24s40" in hidden.title and not set(hidden.title) & set(hidden.text)


def test_ubiquitous_acronym_is_not_expanded() -> None:
    """An acronym on more than a quarter of the pages (KPU) gets no expansion."""
    pairs = search.glossary_pairs([{"singkatan": "KPU", "kepanjangan": "Komisi Pemilihan Umum"}, *GLOSSARY])
    sequences = [["kpu", "x"]] * 3 + [["paw"]] + [["lain"]] * 4
    kept = {" ".join(short) for short, _ in search.usable_pairs(pairs, sequences)}
    assert "kpu" not in kept and "paw" in kept


# --- the written index on a small site ----------------------------------------------------------


def _small_site(tmp_path: Path) -> Path:
    site = tmp_path / "situs"
    docs = {
        "index.html": ("Beranda", "0.3", "Selamat datang di situs."),
        "kinerja/indikator/ik24-s40/index.html": ("Proses PAW tepat waktu", "3", "memutakhirkan data"),
        "kinerja/indikator/index.html": ("Semua indikator", "0.2", "Daftar."),
        "kinerja/glosarium/index.html": ("Glosarium", "0.5", "Barang Milik Negara dan logis-tik"),
        "cari/index.html": ("Cari", "", ""),
        "api/index.html": ("API", "", "tidak diindeks"),
        "404.html": ("Tidak ada", "", ""),
    }
    for rel, (title, boost, text) in docs.items():
        mark = (
            f' data-cari-bobot="{boost}"'
            if boost
            else (" data-cari-abaikan" if rel.startswith("cari") else "")
        )
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f'<html lang="id"><body><article><h1{mark}>{title}</h1><p>{text}</p></article></body></html>',
            encoding="utf-8",
        )
    return site


def _read_index(site: Path) -> dict[str, Any]:
    folder = site / lunr.FOLDER
    manifest = json.loads((folder / lunr.MANIFEST).read_text(encoding="utf-8"))
    docs = {}
    for scope in manifest["scopes"]:
        for doc in json.loads((folder / f"{scope}.json").read_text(encoding="utf-8"))["docs"]:
            docs[doc[0]] = (scope, doc)
    return {"manifest": manifest, "docs": docs}


def test_build_index_writes_scopes_stemmer_data_and_lunr(tmp_path: Path) -> None:
    """Rows' pages go to the office, the rest to "umum"; the search page, API and 404 are left out."""
    site = _small_site(tmp_path)
    report = search.build_index(site, GLOSSARY)
    index = _read_index(site)
    assert index["manifest"] == {
        "version": 1,
        "scopes": {"kantor": 1, "umum": 3},
        "common": "umum",
        "default": "kantor",
    }
    assert set(index["docs"]) == {
        "",
        "kinerja/indikator/ik24-s40/",
        "kinerja/indikator/",
        "kinerja/glosarium/",
    }
    scope, doc = index["docs"]["kinerja/indikator/ik24-s40/"]
    url, title, text, title_terms, text_terms, boost, description = doc
    assert (scope, title, text, boost) == ("kantor", "Proses PAW tepat waktu", "memutakhirkan data", 3.0)
    assert {"pergantian", "antarwaktu", "ik24s40"} <= set(title_terms.split())
    assert "mutakhir" in text_terms.split()
    assert "logistik" in index["docs"]["kinerja/glosarium/"][1][4].split()
    assert "bmn" in index["docs"]["kinerja/glosarium/"][1][4].split()
    data = json.loads((site / search.STEMMER_DATA).read_text(encoding="utf-8"))
    assert data["version"] == 1 and "mutakhir" in data["roots"] and "yang" in data["stopwords"]
    assert (site / lunr.FOLDER / "lunr.js").read_bytes() == lunr.lunr_source().read_bytes()
    assert report.pages == 4 and report.files == 5 + 4  # and semua/: terms, documents, offices, list


def test_build_index_is_idempotent_and_replaces_old_files(tmp_path: Path) -> None:
    """A second run gives the same bytes; files of scopes that no longer exist are gone."""
    site = _small_site(tmp_path)
    search.build_index(site, GLOSSARY)
    (site / lunr.FOLDER / "kantor-lama.json").write_text("{}", encoding="utf-8")
    files = [p for p in (site / lunr.FOLDER).rglob("*") if p.is_file()]
    first = {p.name: p.read_bytes() for p in files if p.name != "kantor-lama.json"}
    search.build_index(site, GLOSSARY)
    second = {p.name: p.read_bytes() for p in (site / lunr.FOLDER).rglob("*") if p.is_file()}
    assert second == first


def test_scopes_can_follow_offices(tmp_path: Path) -> None:
    """With a scope function per office, each office gets its own file and the default is kept."""
    site = _small_site(tmp_path)
    search.build_index(site, GLOSSARY, scope_of=lambda url: "kantor-64" if "ik24" in url else "umum",
                       default="kantor-64")  # fmt: skip
    assert _read_index(site)["manifest"]["scopes"] == {"kantor-64": 1, "umum": 3}
    assert (
        lunr.office_of("kinerja/sasaran/ss24-s01/") == "kantor"
        and lunr.office_of("kinerja/sasaran/") == "umum"
    )
    assert lunr.office_of("kinerja/indikator/ik24-6472-s03/", "64") == "kantor-6472"
    assert lunr.office_of("kinerja/dokumen/rkt24-ri-k/", "64") == "kantor-ri"
    assert lunr.office_of("kinerja/kantor/ri/", "64") == "kantor-ri"
    assert lunr.office_of("kinerja/kantor/64/", "64") == "kantor"
    assert lunr.office_of("kinerja/kantor/", "64") == "umum"


# --- the built site ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_index(built_site: Path) -> dict[str, Any]:
    """The built site's search documents, by page address."""
    return _read_index(built_site)


def _terms(index: dict[str, Any], url: str) -> set[str]:
    doc = index["docs"][url][1]
    return set(doc[3].split())


def test_built_index_holds_every_page_once(built_site: Path, built_index: dict[str, Any]) -> None:
    """Every indicator, sasaran, program and document page is in the office scope; the search page is not."""
    docs = built_index["docs"]
    for kind in ("indikator", "sasaran", "program", "dokumen"):
        for page in (built_site / "kinerja" / kind).glob("*/index.html"):
            url = f"kinerja/{kind}/{page.parent.name}/"
            assert docs[url][0] == "kantor", url
    assert "cari/" not in docs and "" in docs and docs["kinerja/glosarium/"][0] == "umum"


def test_built_index_has_indonesian_terms(built_index: dict[str, Any]) -> None:
    """The index-only words the issue asks for are where they belong."""
    assert {"penggantian", "antarwaktu", "ik24s40"} <= _terms(built_index, "kinerja/indikator/ik24-s40/")
    assert "logistik" in _terms(built_index, "kinerja/indikator/ik24-s33/")
    assert "mutakhir" in _terms(built_index, "kinerja/indikator/ik24-s03/")
    assert "mutakhir" in _terms(built_index, "kinerja/indikator/ik24-s42/")
    assert "bmn" in _terms(built_index, "kinerja/indikator/ik24-s20/")
    assert "rpp" in _terms(built_index, "kinerja/sasaran/ss24-s35/")
    s03 = built_index["docs"]["kinerja/indikator/ik24-s03/"][1]
    assert "KPU" in s03[1] and "komisi" not in s03[3].split()  # KPU is everywhere: not expanded


def test_built_index_never_repeats_printed_words(built_index: dict[str, Any]) -> None:
    """No index-only word repeats itself or a word printed in the same part of the page."""
    for url, (_, doc) in built_index["docs"].items():
        for printed, hidden in ((doc[1], doc[3]), (doc[2], doc[4])):
            words = hidden.split()
            assert len(words) == len(set(words)), url
            assert not terms.printed_tokens(printed) & set(words), url


def test_list_pages_weigh_less_than_indicator_pages(built_index: dict[str, Any]) -> None:
    """The pages that repeat every indicator carry a smaller weight than an indicator's page."""
    own = built_index["docs"]["kinerja/indikator/ik24-s40/"][1][5]
    assert own == 3
    for url in ("kinerja/indikator/", "kinerja/pohon/", "kinerja/sasaran/", "kinerja/program/", ""):
        assert built_index["docs"][url][1][5] < own, url
    assert built_index["docs"]["kinerja/sasaran/ss24-s32/"][1][5] == 2


def test_first_query_files_fit_the_budget(built_site: Path) -> None:
    """What a first query downloads at 1× (lunr.js, akar, cakupan, umum, kantor) is under 100 KB gzip."""
    folder = built_site / lunr.FOLDER
    names = ["lunr.js", "akar.json", lunr.MANIFEST, "umum.json", "kantor.json"]
    sizes = {
        name: len(gzip.compress((folder / name).read_bytes(), compresslevel=6, mtime=0)) for name in names
    }
    assert sum(sizes.values()) < FIRST_QUERY_BUDGET * 0.6, sizes  # room left for growth before the budget


def test_search_page_is_plain_html_with_fallback(built_site: Path) -> None:
    """The search page: labelled box, live status, result list, its script, and a no-JavaScript note."""
    page = (built_site / "cari" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<form id="cari-form"[^>]*role="search"[^>]*action="\./"[^>]*method="get"', page)
    assert '<label class="cari__label" for="cari-kueri">' in page
    assert re.search(r'<input type="search" id="cari-kueri"[^>]*name="q"', page)
    assert re.search(r'id="cari-status"[^>]*role="status"[^>]*aria-live="polite"', page)
    assert '<ol id="cari-hasil"' in page
    assert '<script src="../assets/cari.js" defer></script>' in page
    noscript = re.search(r"<noscript>(.*?)</noscript>", page, re.S).group(1)
    assert "Pencarian memerlukan JavaScript" in noscript
    assert 'href="../kinerja/indikator/"' in noscript and 'href="../kinerja/glosarium/"' in noscript


def test_no_other_page_loads_search_code(built_site: Path) -> None:
    """Only the search page carries cari.js; no page names an index file or Material's search box."""
    for path in built_site.rglob("*.html"):
        source = path.read_text(encoding="utf-8")
        is_search_page = path.relative_to(built_site).as_posix() == "cari/index.html"
        loads = re.search(r'<script\b[^>]*\bsrc="[^"]*assets/cari\.js"', source) is not None
        assert loads == is_search_page, path
        assert "cari/indeks/" not in source and 'data-md-component="search"' not in source, path
    assert not (built_site / "search").exists() and not (built_site / "search.json").exists()


def test_every_page_links_to_the_search_page(built_site: Path) -> None:
    """The navigation of every page has a "Cari" entry (the same on MkDocs and Zensical)."""
    for path in [built_site / "index.html", built_site / "kinerja" / "indikator" / "ik24-s40" / "index.html"]:
        source = path.read_text(encoding="utf-8")
        assert re.search(r'<a href="[./]*cari/"[^>]*>\s*Cari\s*</a>', source), path


def test_query_set_is_valid(built_site: Path) -> None:
    """At least 35 lower-case queries, each expecting pages that exist; at least 5 checked against lists."""
    items = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    assert len(items) >= 35
    assert len({item["query"] for item in items}) == len(items)
    assert sum(bool(item.get("over_lists")) for item in items) >= 5
    for item in items:
        assert item["query"] == item["query"].lower()
        expected = item["expected"] if isinstance(item["expected"], list) else [item["expected"]]
        for page in expected:
            assert (built_site / page / "index.html").is_file(), page


# --- cari.js under Node ------------------------------------------------------------------------


def _node(script: str, payload: Any) -> Any:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js tidak ada: kesetaraan cari.js diuji hanya di peramban (test_search_browser.py)")
    program = f"const cari = require({json.dumps(str(CARI_JS))});\n" + script
    result = subprocess.run(
        [node, "-e", program],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


_READ = "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"


def test_cari_js_stems_like_python(built_site: Path, built_index: dict[str, Any]) -> None:
    """The JavaScript port gives the same stem as Python for every word of the site and more."""
    data = json.loads((built_site / search.STEMMER_DATA).read_text(encoding="utf-8"))
    vocabulary = {w for _, doc in built_index["docs"].values() for w in search.words(doc[1] + " " + doc[2])}
    vocabulary |= {"pemutakhiran", "mendisiplinkan", "pengarsipan", "disediakan", "berpartisipasi", "diklat"}
    words = sorted(vocabulary)
    stems = _node(
        _READ + "const s = cari.fromData(input.data).stemmer;\n"
        "process.stdout.write(JSON.stringify(input.words.map(w => s.stem(w))));",
        {"data": data, "words": words},
    )
    python = search.Stemmer(data["roots"])
    differ = [(w, js, python.stem(w)) for w, js in zip(words, stems, strict=True) if js != python.stem(w)]
    assert not differ, differ[:20]


def test_cari_js_query_words() -> None:
    """Stop words go unless nothing else is left; case and surrounding punctuation go too."""
    queries = ["pemutakhiran data di kpu", "dan yang", "Pengaduan, Masyarakat!", "", "IK24-S40", "«pemilu»"]
    out = _node(
        _READ + "const stop = new Set(input.stop);\n"
        "process.stdout.write(JSON.stringify(input.queries.map(q => cari.queryWords(q, stop))));",
        {"queries": queries, "stop": sorted(search.STOPWORDS)},
    )
    assert out == [["pemutakhiran", "data", "kpu"], ["dan", "yang"], ["pengaduan", "masyarakat"], [],
                   ["ik24-s40"], ["pemilu"]]  # fmt: skip
    assert (
        _node(_READ + "process.stdout.write(JSON.stringify(cari.fromData(input)));", {"version": 99}) is None
    )
