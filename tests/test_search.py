"""Indonesian search without a browser: the stemmer, the augmented index, cari.js under Node.

The browser tests (test_search_browser.py) check what a visitor sees; these
check the parts one by one and run in a few seconds (plus the shared build).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from kinerja.outputs import search

ROOT = Path(__file__).resolve().parents[1]
CARI_JS = ROOT / "content" / "assets" / "cari.js"
QUERIES = ROOT / "tests" / "fixtures" / "search_queries.yml"
SEPARATOR = re.compile(r'[\s\-,:!=\[\]()"/]+|(?!\b)(?=[A-Z][a-z])|\.(?!\d)|&[lg]t;')
GLOSSARY = [
    {"singkatan": "PAW", "kepanjangan": "Pergantian Antarwaktu"},
    {"singkatan": "RPP", "kepanjangan": "Rumah Pintar Pemilu"},
    {"singkatan": "BMN", "kepanjangan": "Barang Milik Negara"},
    {"singkatan": "SIMONIKA", "kepanjangan": ""},
]


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


# --- the hidden terms of one field ------------------------------------------------------------


def _extra(text: str, glossary: list[dict[str, str]] = GLOSSARY, roots: set[str] | None = None) -> list[str]:
    stemmer = search.Stemmer(roots or search.ROOTS)
    return search.extra_terms(text, stemmer, search.glossary_pairs(glossary), SEPARATOR).split()


def test_acronym_gets_its_expansion_and_back() -> None:
    """PAW brings "pergantian antarwaktu" (and its stems); the spelt-out form brings the acronym."""
    assert {"pergantian", "ganti", "antarwaktu"} <= set(_extra("Persentase proses PAW anggota DPRD"))
    assert "rpp" in _extra("<p>Pengelolaan Rumah Pintar Pemilu</p>")
    assert "bmn" in _extra("Tertib dalam Pengelolaan Barang Milik Negara")
    assert "rpp" not in _extra("Digitalisasi Rumah Pintar Pemilu (RPP)")  # printed already


def test_hyphen_split_words_are_joined() -> None:
    """A word broken by a printed hyphen is found whole ("logis-tik" → "logistik")."""
    assert "logistik" in _extra("yang mendistribusikan logis-tik Pemilu")


def test_stems_only_of_whole_words_and_never_printed_words() -> None:
    """Codes like IK24-S40 add nothing; words already in the field are not repeated."""
    extra = _extra(
        "Indikator IK24-S40 memutakhirkan data pemilih, mutakhir", roots=search.ROOTS | {"mutakhir"}
    )
    assert "ik" not in extra and "s" not in extra
    assert "mutakhir" not in extra  # printed in the field itself
    assert "pilih" in extra


def test_compound_roots_add_their_parts() -> None:
    """ "ditindaklanjuti" is also found by "tindak lanjut" typed as two words."""
    assert {"tindaklanjut", "tindak", "lanjut"} <= set(_extra("pengaduan masyarakat yang ditindaklanjuti"))


def test_page_is_found_by_its_own_code() -> None:
    """An indicator page's main entry carries its code, also joined, unless its title prints it."""
    assert search.own_terms("kinerja/indikator/ik24-s40/", "Persentase proses PAW", SEPARATOR) == [
        "ik24",
        "s40",
        "ik24s40",
    ]
    assert search.own_terms("tentang-data/", "Tentang data", SEPARATOR) == []
    assert search.own_terms("", "Beranda", SEPARATOR) == []
    assert search.code_term("IK24-S40") == "ik24s40"
    assert search.code_term("logis-tik") == ""  # no digit: a word, handled as a hyphen join


# --- augment_index on small sites ---------------------------------------------------------------


def _site(tmp_path: Path, index: dict[str, Any]) -> Path:
    (tmp_path / "search").mkdir(parents=True)
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    return tmp_path


def _material_index() -> dict[str, Any]:
    fields = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}
    docs = [
        {
            "location": "a/",
            "title": "Proses PAW tepat waktu",
            "text": "<p>memutakhirkan data</p>",
            "boost": 3,
        },
        {"location": "a/#x", "title": "Bagian", "text": "<p>Barang Milik Negara</p>"},
        {"location": "b/", "title": "Semua", "text": "mutakhir dan logis-tik", "boost": 0.2},
    ]
    docs += [
        {"location": f"lain-{n}/", "title": "Halaman lain", "text": "<p>Teks lain</p>"} for n in range(6)
    ]
    return {
        "config": {"lang": ["en"], "separator": SEPARATOR.pattern, "pipeline": [" "], "fields": fields},
        "docs": docs,
    }


def test_augment_index_rewrites_material_index(tmp_path: Path) -> None:
    """Extra fields are added and registered with boosts; Material's own fields are untouched."""
    site = _site(tmp_path, _material_index())
    assert search.augment_index(site, GLOSSARY) is True
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    original = _material_index()
    for doc, before in zip(index["docs"], original["docs"], strict=True):
        assert {k: doc[k] for k in before} == before
    fields = index["config"]["fields"]
    assert fields[search.FIELD_TITLE] == {"boost": 1000.0} and fields[search.FIELD_TEXT] == {"boost": 1.0}
    a, section, b = index["docs"][:3]
    assert {"pergantian", "antarwaktu"} <= set(a[search.FIELD_TITLE].split())
    assert "b" in b[search.FIELD_TITLE].split()  # its own address, not printed in its title
    assert "a" not in section[search.FIELD_TITLE].split()  # sections do not get the page's address
    assert "mutakhir" in a[search.FIELD_TEXT].split()
    assert "bmn" in section[search.FIELD_TEXT].split()
    assert "logistik" in b[search.FIELD_TEXT].split()
    data = json.loads((site / "search" / search.STEMMER_FILE).read_text(encoding="utf-8"))
    assert data["version"] == search.VERSION and "mutakhir" in data["roots"] and "yang" in data["stopwords"]


def test_augment_index_is_idempotent(tmp_path: Path) -> None:
    """Running it twice gives the same files (a rebuild never stacks terms)."""
    site = _site(tmp_path, _material_index())
    search.augment_index(site, GLOSSARY)
    first = (site / "search" / "search_index.json").read_bytes()
    search.augment_index(site, GLOSSARY)
    assert (site / "search" / "search_index.json").read_bytes() == first


def test_augment_index_leaves_other_engines_alone(tmp_path: Path) -> None:
    """No index, or an index in another format: nothing is written and the build goes on."""
    assert search.augment_index(tmp_path, GLOSSARY) is False
    site = _site(tmp_path / "lain", {"items": [{"url": "a/", "content": "x"}]})
    before = (site / "search" / "search_index.json").read_bytes()
    assert search.augment_index(site, GLOSSARY) is False
    assert (site / "search" / "search_index.json").read_bytes() == before
    assert not (site / "search" / search.STEMMER_FILE).exists()


# --- the built site -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_index(built_site: Path) -> dict[str, Any]:
    """The built site's search index, as the browser receives it."""
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


def _page(index: dict[str, Any], location: str) -> dict[str, Any]:
    return next(doc for doc in index["docs"] if doc["location"] == location)


def test_built_index_has_indonesian_fields(built_index: dict[str, Any]) -> None:
    """The real build ran augment_index: fields registered, terms where the issue needs them."""
    fields = built_index["config"]["fields"]
    assert fields[search.FIELD_TITLE]["boost"] == fields["title"]["boost"]
    assert fields[search.FIELD_TEXT]["boost"] == fields["text"]["boost"]
    assert built_index["config"]["pipeline"] == [" "]  # Material's own pipeline stays off
    title_terms = {loc: set(_page(built_index, f"kinerja/indikator/{loc}/")[search.FIELD_TITLE].split())
                   for loc in ("ik24-s40", "ik24-s33", "ik24-s03", "ik24-s42", "ik24-s20")}  # fmt: skip
    # PAW's expansion from data/glosarium.csv, and its root, which the spelling "pergantian" also finds
    assert {"penggantian", "ganti", "antarwaktu"} <= title_terms["ik24-s40"]
    assert "logistik" in title_terms["ik24-s33"]
    assert "mutakhir" in title_terms["ik24-s03"] and "mutakhir" in title_terms["ik24-s42"]
    assert "bmn" in title_terms["ik24-s20"]
    assert "rpp" in _page(built_index, "kinerja/sasaran/ss24-s35/")[search.FIELD_TITLE].split()


def test_built_index_every_entry_augmented_without_repeats(built_index: dict[str, Any]) -> None:
    """Each entry has both fields; no hidden term repeats a word printed in the same field."""
    for doc in built_index["docs"]:
        for field, hidden in (("title", search.FIELD_TITLE), ("text", search.FIELD_TEXT)):
            printed = {re.sub(r"^\W+|\W+$", "", t).lower() for t in SEPARATOR.split(search.plain(doc[field]))}
            terms = doc[hidden].split()
            assert len(terms) == len(set(terms)), doc["location"]
            assert not printed & set(terms), (doc["location"], printed & set(terms))


def test_ubiquitous_acronym_is_not_expanded(built_index: dict[str, Any]) -> None:
    """KPU is on nearly every page: "komisi pemilihan umum" would make "pemilih" match everything."""
    s03 = _page(built_index, "kinerja/indikator/ik24-s03/")
    assert "KPU" in s03["title"]
    assert "komisi" not in s03[search.FIELD_TITLE].split()


def test_list_pages_weigh_less_than_indicator_pages(built_index: dict[str, Any]) -> None:
    """The pages that repeat every indicator carry a smaller boost than an indicator's page."""
    own = _page(built_index, "kinerja/indikator/ik24-s40/")["boost"]
    for location in ("kinerja/indikator/", "kinerja/pohon/", "kinerja/sasaran/", "kinerja/program/"):
        assert _page(built_index, location)["boost"] < own


def test_built_index_stays_small(built_site: Path) -> None:
    """The extras cost a fraction of the index, not a multiple (it travels to every visitor)."""
    index = built_site / "search" / "search_index.json"
    data = built_site / "search" / search.STEMMER_FILE
    assert index.stat().st_size < 1_000_000
    assert data.stat().st_size < 30_000


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


# --- cari.js under Node --------------------------------------------------------------------


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
    data = json.loads((built_site / "search" / search.STEMMER_FILE).read_text(encoding="utf-8"))
    vocabulary = {
        w for doc in built_index["docs"] for w in search.words(search.plain(doc["title"] + " " + doc["text"]))
    }
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


def test_cari_js_expands_queries() -> None:
    """Stop words go, stems come as exact terms, search syntax is left alone."""
    data = {"version": search.VERSION, "min_root": search.MIN_ROOT, "roots": sorted(search.ROOTS),
            "stopwords": sorted(search.STOPWORDS)}  # fmt: skip
    queries = [
        "pemutakhiran data di kpu",
        "kampanye",
        "dan yang",
        '"data pemilih"',
        "+data -pemilih",
        "logis*",
        "Pengaduan Masyarakat",
        "",
        "IK24-S40",
    ]
    expand = "cari.expand(q, st.stemmer, st.stopwords)"
    out = _node(
        _READ + "const st = cari.fromData(input.data);\n"
        f"process.stdout.write(JSON.stringify(input.queries.map(q => {expand})));",
        {"data": data, "queries": queries},
    )
    assert out[0] == "pemutakhiran data kpu mutakhir^1"
    assert out[1] == "kampanye"
    assert out[2] == "dan yang"  # nothing but stop words: kept
    assert out[3:6] == queries[3:6]
    assert out[6] == "Pengaduan Masyarakat adu^1"
    assert out[7] == ""
    assert out[8] == "IK24-S40 ik24s40^1"
    assert (
        _node(_READ + "process.stdout.write(JSON.stringify(cari.fromData(input)));", {"version": 99}) is None
    )
