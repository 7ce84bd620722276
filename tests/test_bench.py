"""Fast checks of the benchmark helpers (no builds, no browser, no timing assertions).

The benchmark itself (`make bench`) is a report, not a test; these tests make
sure that what it measures is the right thing: the synthetic package is valid
and exactly N times the real one, the page-weight arithmetic is right and the
tables print every row.
"""

from __future__ import annotations

import gzip
import json
import re
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from kinerja import bench, csvio
from kinerja.bench import synthetic
from kinerja.domain import ids
from kinerja.validate import validate

ROOT = Path(__file__).resolve().parents[1]
PER_DOCUMENT = ("dokumen", "program", "program_kode", "sasaran", "indikator", "anomali")


def _rows(root: Path) -> dict[str, list[dict[str, str]]]:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: csvio.read(root / r["path"]) for r in descriptor["resources"]}


@pytest.fixture(scope="module")
def doubled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project written at 2× into a temporary folder."""
    return synthetic.write_project(ROOT, tmp_path_factory.mktemp("sintetis") / "proyek", 2).root


def test_synthetic_2x_is_valid(doubled: Path) -> None:
    assert validate(doubled) == []


def test_synthetic_2x_has_twice_the_rows(doubled: Path) -> None:
    real, grown = _rows(ROOT), _rows(doubled)
    for name in PER_DOCUMENT:
        assert len(grown[name]) == 2 * len(real[name]), name
    assert grown["glosarium"] == real["glosarium"]
    for name, rows in real.items():
        assert len(grown[name]) in (len(rows), 2 * len(rows)), name


def test_synthetic_2x_ids_unique_and_in_pattern(doubled: Path) -> None:
    grown = _rows(doubled)
    for name, pattern in ids.PATTERNS.items():
        codes = [row["id"] for row in grown[name]]
        assert not [c for c, n in Counter(codes).items() if n > 1], name
        assert all(re.fullmatch(pattern, c) for c in codes), name


def test_synthetic_copies_are_other_offices_not_other_years(doubled: Path) -> None:
    from kinerja import model

    package = model.load(doubled)
    assert not [i.id for i in package.indikator.values() if getattr(i, "tahun_lain", [])]
    copies = [i for i in package.indikator.values() if not i.id.startswith("IK24-")]
    assert copies and all(i.teks.endswith("(salinan 01)") for i in copies)


def test_synthetic_copy_0_is_the_real_package(doubled: Path) -> None:
    real = (ROOT / "data" / "indikator.csv").read_text(encoding="utf-8")
    assert (doubled / "data" / "indikator.csv").read_text(encoding="utf-8").startswith(real)
    assert not (doubled / "content" / "kinerja").exists()
    assert (doubled / "content" / "index.md").is_file()
    assert (doubled / "mkdocs.yml").is_file() and (doubled / "main.py").is_file()


def test_synthetic_years_and_limit() -> None:
    plan = synthetic.year_plan(["24"], 3)
    assert plan == [{"24": "24"}, {"24": "00"}, {"24": "01"}]
    assert synthetic.recode("IK24-S07", plan[2]) == "IK01-S07"
    assert synthetic.recode("Teks IK24-S07", plan[2]) == "Teks IK24-S07"
    assert synthetic.max_factor(["24"]) == 100
    with pytest.raises(synthetic.TooLarge):
        synthetic.year_plan(["24"], 101)


def test_gzip_size_matches_gzip() -> None:
    data = b"indikator kinerja " * 500
    assert bench.gzip_size(data) == len(gzip.compress(data, compresslevel=6, mtime=0))
    assert bench.gzip_size(data, 9) <= bench.gzip_size(data, 1)
    assert bench.gzip_size(data) < len(data)


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    """A three-file site: a page under kinerja/ with a stylesheet, a script, an icon and search."""
    site = tmp_path / "situs"
    (site / "kinerja" / "a").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "search").mkdir()
    config = {"base": "../..", "search": "../../assets/cari.js"}
    page = (
        '<html><head><link rel="stylesheet" href="../../assets/gaya.css">'
        '<link rel="icon" href="../../assets/ikon.png">'
        f'<script id="__config" type="application/json">{json.dumps(config)}</script>'
        '<script src="../../assets/kode.js"></script></head><body><div data-md-component="search"></div>'
        + "isi " * 300
        + "</body></html>"
    )
    (site / "kinerja" / "a" / "index.html").write_text(page, encoding="utf-8")
    (site / "assets" / "gaya.css").write_text("body{color:red}\n" * 100, encoding="utf-8")
    (site / "assets" / "kode.js").write_text("console.log(1);\n" * 100, encoding="utf-8")
    (site / "assets" / "cari.js").write_text("onmessage=()=>{};\n" * 10, encoding="utf-8")
    (site / "assets" / "ikon.png").write_bytes(bytes(range(256)) * 4)
    (site / "search" / "search_index.json").write_text(json.dumps({"docs": ["x"] * 200}), encoding="utf-8")
    return site


def test_static_weight_counts_every_resource(tiny_site: Path) -> None:
    weight = bench.static_weight(tiny_site, "kinerja/a/")
    paths = [hit.path for hit in weight.hits]
    assert paths == [
        "/kinerja/a/",
        "/assets/gaya.css",
        "/assets/ikon.png",
        "/assets/kode.js",
        "/assets/cari.js",
        "/search/search_index.json",
    ]
    assert weight.requests == 6
    files = {
        "/kinerja/a/": tiny_site / "kinerja" / "a" / "index.html",
        "/assets/gaya.css": tiny_site / "assets" / "gaya.css",
        "/assets/kode.js": tiny_site / "assets" / "kode.js",
        "/assets/cari.js": tiny_site / "assets" / "cari.js",
        "/search/search_index.json": tiny_site / "search" / "search_index.json",
    }
    for hit in weight.hits:
        if hit.path in files:
            data = files[hit.path].read_bytes()
            assert (hit.raw, hit.wire) == (len(data), bench.gzip_size(data)), hit.path
    icon = next(h for h in weight.hits if h.path.endswith(".png"))
    assert icon.wire == icon.raw == 1024  # images are not gzipped
    assert weight.wire == sum(h.wire for h in weight.hits)
    assert weight.by_kind("indeks cari") == bench.gzip_size(
        (tiny_site / "search" / "search_index.json").read_bytes()
    )
    assert weight.html_wire == bench.gzip_size(files["/kinerja/a/"].read_bytes())


def test_static_weight_counts_search_only_with_the_search_box(tiny_site: Path) -> None:
    """Material writes its worker into the config even with search off; only a search box loads it."""
    page = tiny_site / "kinerja" / "a" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('<div data-md-component="search"></div>', ""))
    paths = [hit.path for hit in bench.static_weight(tiny_site, "kinerja/a/").hits]
    assert "/search/search_index.json" not in paths and "/assets/cari.js" not in paths


def test_static_weight_reports_missing_files(tiny_site: Path) -> None:
    (tiny_site / "assets" / "kode.js").unlink()
    weight = bench.static_weight(tiny_site, "kinerja/a/")
    assert weight.failed == ["/assets/kode.js (404)"]


def test_server_sends_gzip_and_counts_bytes(tiny_site: Path) -> None:
    with bench.serve(tiny_site) as (base, recorder):
        request = urllib.request.Request(base + "assets/gaya.css", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            body = response.read()
            assert response.headers["Content-Encoding"] == "gzip"
        with urllib.request.urlopen(base + "assets/ikon.png") as response:
            assert response.headers.get("Content-Encoding") is None
        hits = recorder.take()
        deadline = time.monotonic() + 5  # the server logs a request just after answering it
        while len(hits) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
            hits += recorder.take()
    css = (tiny_site / "assets" / "gaya.css").read_bytes()
    assert gzip.decompress(body) == css
    assert sorted((h.path, h.raw, h.wire) for h in hits) == [  # a threaded server logs in any order
        ("/assets/gaya.css", len(css), bench.gzip_size(css)),
        ("/assets/ikon.png", 1024, 1024),
    ]


def test_kind_of() -> None:
    assert bench.kind_of("/kinerja/indikator/ik24-s01/") == "HTML"
    assert bench.kind_of("/search/search_index.json") == "indeks cari"
    assert bench.kind_of("/search.json") == "indeks cari"
    assert bench.kind_of("/cari/indeks/umum.json") == "indeks cari"
    assert bench.kind_of("/cari/indeks/lunr.js") == "indeks cari"
    assert bench.kind_of("/pagefind/wasm.id.pagefind") == "indeks cari"
    assert bench.kind_of("/cari/") == "HTML"
    assert bench.kind_of("/assets/x.min.css?v=1") == "CSS"
    assert bench.kind_of("/assets/javascripts/bundle.js") == "JS"
    assert bench.kind_of("/assets/images/favicon.png") == "gambar"


def test_format_table_prints_all_rows() -> None:
    rows = [["Beranda", 11, "138,4"], ["Indikator", 11, "135,8"], ["Pohon kinerja", 12, "1 140,1"]]
    text = bench.format_table(["Halaman", "Permintaan", "KB"], rows)
    lines = text.splitlines()
    assert len(lines) == 2 + len(rows)
    for row, line in zip(rows, lines[2:], strict=True):
        assert line.startswith(str(row[0]))
        assert line.endswith(str(row[2]))
    assert set(lines[1]) == {"-", " "}
    assert len({len(line) for line in lines[1:]}) == 1  # numbers right-aligned under the rule
    markdown = bench.markdown_table(["A", "B"], [["x|y", 1], ["z", 2]])
    assert markdown.splitlines() == ["| A | B |", "|---|---|", "| x\\|y | 1 |", "| z | 2 |"]


def test_weight_and_scale_rows_cover_every_entry(tiny_site: Path) -> None:
    weight = bench.static_weight(tiny_site, "kinerja/a/", "Contoh")
    rows = bench.weight_rows([weight, weight])
    assert len(rows) == 2 and all(len(r) == len(bench.WEIGHT_HEADERS) for r in rows)
    runs = [bench.ScaleRun(1, indikator=62), bench.ScaleRun(552, error="terlalu besar")]
    rows = bench.scale_rows(runs)
    assert len(rows) == 2 and all(len(r) == len(bench.SCALE_HEADERS) for r in rows)
    assert "FAIL" in bench.budget_verdict(
        bench.PageWeight("x", "x/", [bench.Hit("/x/", 200, 1, 200_000)], "uji")
    )
    assert "PASS" in bench.budget_verdict(weight)


def test_parse_scales() -> None:
    assert bench.parse_scales("100, 1,10,10") == [1, 10, 100]
    with pytest.raises(ValueError):
        bench.parse_scales("satu")
    with pytest.raises(ValueError):
        bench.parse_scales("0")


# --- the search benchmark (bench/cari.py, bench/pagefind.py) ---------------------------------------


def test_search_bench_scopes_and_index_paths() -> None:
    """Copies of synthetic.py are offices by their year; only search files count as index."""
    from kinerja.bench import cari

    assert cari.copy_office("kinerja/indikator/ik24-s40/") == "kantor-24"
    assert cari.copy_office("kinerja/dokumen/rkt03-k/") == "kantor-03"
    assert cari.copy_office("kantor/123/kinerja/indikator/ik24-s40/") == "kantor-123"
    assert cari.copy_office("kinerja/indikator/") == "umum"
    assert cari.is_index("/cari/indeks/umum.json") and cari.is_index("/pagefind/wasm.id.pagefind")
    assert not cari.is_index("/cari/") and not cari.is_index("/assets/cari.js")


def test_search_bench_table() -> None:
    from kinerja.bench import cari

    run = cari.EngineRun("lunr per kantor", "1×", 0.35, 160_000, whole_site=43_000)
    run.queries = [cari.FirstQuery("a", [bench.Hit("/cari/indeks/lunr.js", 200, 99_805, 24_939)])]
    run.hits, run.total = 74, 74
    text = cari.table([run])
    assert "| 1× | lunr per kantor | 0,0 | 24,4 | 24,4 (a) | 1 / 1 | 74/74 | 0,35 | 0,15 | 42,0 |" in text


def test_pagefind_document_keeps_index_only_words_out_of_the_text() -> None:
    """The Pagefind candidate indexes the printed text; the index-only words go to metadata fields."""
    from kinerja.bench import pagefind
    from kinerja.outputs.search import Hidden, Page

    page = Page("kinerja/indikator/ik24-s40/", "id", "Proses <PAW>", 3.0, "baris satu\nbaris dua")
    doc = pagefind.document(page, Hidden(["pergantian", "ik24s40"], ["mutakhir"]))
    assert '<html lang="id">' in doc and '<h1 data-pagefind-weight="7">Proses &lt;PAW&gt;</h1>' in doc
    assert '<p data-pagefind-weight="1">baris satu</p><p data-pagefind-weight="1">baris dua</p>' in doc
    assert 'data-pagefind-meta="istilah_judul:pergantian ik24s40"' in doc
    assert 'data-pagefind-meta="istilah:mutakhir"' in doc
    assert pagefind.weights(0.2)[0] < pagefind.weights(2)[0] < pagefind.weights(3)[0] == 7.0
