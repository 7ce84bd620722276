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
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kinerja import csvio
from kinerja.bench import parse_scales, synthetic
from kinerja.bench.report import (
    HAND_MARK,
    SCALE_HEADERS,
    WEIGHT_HEADERS,
    Findings,
    format_table,
    markdown_table,
    scale_rows,
    weight_rows,
    write_report,
)
from kinerja.bench.scale import ScaleRun, site_facts
from kinerja.bench.weight import Hit, PageWeight, budget_verdict, gzip_size, kind_of, serve, static_weight
from kinerja.bench.zensical import ZensicalRun
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
    assert len(grown["kantor"]) == len(real["kantor"]) + 1
    for name, rows in real.items():
        assert len(grown[name]) in (len(rows), len(rows) + 1, 2 * len(rows)), name


def test_synthetic_2x_ids_unique_and_in_pattern(doubled: Path) -> None:
    grown = _rows(doubled)
    for name, pattern in ids.PATTERNS.items():
        codes = [row["id"] for row in grown[name]]
        assert not [c for c, n in Counter(codes).items() if n > 1], name
        assert all(re.fullmatch(pattern, c) for c in codes), name


def test_synthetic_copies_are_other_offices_marked_synthetic(doubled: Path) -> None:
    from kinerja import model

    package = model.load(doubled)
    assert not [i.id for i in package.indikator.values() if i.tahun_lain], (
        "another office is not another year"
    )
    copies = [i for i in package.indikator.values() if package.dokumen[i.dokumen_id].kantor_id != "64"]
    assert copies and all(ids.parse(i.id).dokumen.kantor == "6401" for i in copies)
    assert package.kantor["6401"].sintetis == "ya" and package.kantor["64"].sintetis == ""


def test_synthetic_copy_0_is_the_real_package(doubled: Path) -> None:
    real = (ROOT / "data" / "indikator.csv").read_text(encoding="utf-8")
    assert (doubled / "data" / "indikator.csv").read_text(encoding="utf-8").startswith(real)
    assert not (doubled / "content" / "kinerja").exists()
    assert (doubled / "content" / "index.md").is_file()
    assert (doubled / "mkdocs.yml").is_file() and (doubled / "main.py").is_file()


def test_synthetic_limit_is_kpu_s_553_offices() -> None:
    assert len(synthetic.office_plan(1)) == 0 and len(synthetic.office_plan(553)) == 552
    with pytest.raises(synthetic.TooLarge):
        synthetic.office_plan(554)


def test_gzip_size_matches_gzip() -> None:
    data = b"indikator kinerja " * 500
    assert gzip_size(data) == len(gzip.compress(data, compresslevel=6, mtime=0))
    assert gzip_size(data, 9) <= gzip_size(data, 1)
    assert gzip_size(data) < len(data)


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
        '<script src="../../assets/kode.js"></script></head><body>' + "isi " * 300 + "</body></html>"
    )
    (site / "kinerja" / "a" / "index.html").write_text(page, encoding="utf-8")
    (site / "assets" / "gaya.css").write_text("body{color:red}\n" * 100, encoding="utf-8")
    (site / "assets" / "kode.js").write_text("console.log(1);\n" * 100, encoding="utf-8")
    (site / "assets" / "cari.js").write_text("onmessage=()=>{};\n" * 10, encoding="utf-8")
    (site / "assets" / "ikon.png").write_bytes(bytes(range(256)) * 4)
    (site / "search" / "search_index.json").write_text(json.dumps({"docs": ["x"] * 200}), encoding="utf-8")
    return site


def test_static_weight_counts_every_resource(tiny_site: Path) -> None:
    weight = static_weight(tiny_site, "kinerja/a/")
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
            assert (hit.raw, hit.wire) == (len(data), gzip_size(data)), hit.path
    icon = next(h for h in weight.hits if h.path.endswith(".png"))
    assert icon.wire == icon.raw == 1024  # images are not gzipped
    assert weight.wire == sum(h.wire for h in weight.hits)
    assert weight.by_kind("indeks cari") == gzip_size(
        (tiny_site / "search" / "search_index.json").read_bytes()
    )
    assert weight.html_wire == gzip_size(files["/kinerja/a/"].read_bytes())


def test_static_weight_reports_missing_files(tiny_site: Path) -> None:
    (tiny_site / "assets" / "kode.js").unlink()
    weight = static_weight(tiny_site, "kinerja/a/")
    assert weight.failed == ["/assets/kode.js (404)"]


def test_server_sends_gzip_and_counts_bytes(tiny_site: Path) -> None:
    with serve(tiny_site) as (base, recorder):
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
        ("/assets/gaya.css", len(css), gzip_size(css)),
        ("/assets/ikon.png", 1024, 1024),
    ]


def test_kind_of() -> None:
    assert kind_of("/kinerja/indikator/ik24-s01/") == "HTML"
    assert kind_of("/search/search_index.json") == "indeks cari"
    assert kind_of("/search.json") == "indeks cari"
    assert kind_of("/assets/x.min.css?v=1") == "CSS"
    assert kind_of("/assets/javascripts/bundle.js") == "JS"
    assert kind_of("/assets/images/favicon.png") == "gambar"


def test_format_table_prints_all_rows() -> None:
    rows = [["Beranda", 11, "138,4"], ["Indikator", 11, "135,8"], ["Pohon kinerja", 12, "1 140,1"]]
    text = format_table(["Halaman", "Permintaan", "KB"], rows)
    lines = text.splitlines()
    assert len(lines) == 2 + len(rows)
    for row, line in zip(rows, lines[2:], strict=True):
        assert line.startswith(str(row[0]))
        assert line.endswith(str(row[2]))
    assert set(lines[1]) == {"-", " "}
    assert len({len(line) for line in lines[1:]}) == 1  # numbers right-aligned under the rule
    markdown = markdown_table(["A", "B"], [["x|y", 1], ["z", 2]])
    assert markdown.splitlines() == ["| A | B |", "|---|---|", "| x\\|y | 1 |", "| z | 2 |"]


def test_weight_and_scale_rows_cover_every_entry(tiny_site: Path) -> None:
    weight = static_weight(tiny_site, "kinerja/a/", "Contoh")
    rows = weight_rows([weight, weight])
    assert len(rows) == 2 and all(len(r) == len(WEIGHT_HEADERS) for r in rows)
    runs = [ScaleRun(1, indikator=62), ScaleRun(552, error="terlalu besar")]
    rows = scale_rows(runs)
    assert len(rows) == 2 and all(len(r) == len(SCALE_HEADERS) for r in rows)
    assert "FAIL" in budget_verdict(PageWeight("x", "x/", [Hit("/x/", 200, 1, 200_000)], "uji"))
    assert "PASS" in budget_verdict(weight)


def test_parse_scales() -> None:
    assert parse_scales("100, 1,10,10") == [1, 10, 100]
    with pytest.raises(ValueError):
        parse_scales("satu")
    with pytest.raises(ValueError):
        parse_scales("0")


def test_report_keeps_hand_notes_and_shows_zensical_by_scale(tmp_path: Path, tiny_site: Path) -> None:
    weight = static_weight(tiny_site, "kinerja/a/", "Indikator")
    run = ScaleRun(1, indikator=62, total=2.0, bare=1.0, weight=weight)
    run.site = site_facts(tiny_site)
    zensical = ZensicalRun(seconds=3.0, pages=1, indicator_pages=0, macros="ya", weight=weight)
    findings = Findings(
        [("Python", "3")], [weight], budget_verdict(weight), runs=[run], zensical={1: zensical}
    )
    path = tmp_path / "benchmarks.md"
    path.write_text(f"TEKS-USANG\n{HAND_MARK}\n\nCatatan tangan.\n", encoding="utf-8")
    write_report(
        path, "python -m kinerja bench --skala 1", findings, "Zensical 0.0.73.", datetime.now(UTC), 1.0
    )
    text = path.read_text(encoding="utf-8")
    assert "TEKS-USANG" not in text and text.rstrip().endswith("Catatan tangan.")
    assert "| 1× | 3,0 | 1,0 | 3,00 | 1/1 |" in text
    assert "Halaman indikator 1× hasil Zensical" in text
