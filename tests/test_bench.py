"""Fast checks of the benchmark helpers (no builds, no browser, no timing assertions).

The benchmark itself (`make bench`) is a report, not a test; these tests make
sure that what it measures is the right thing: the synthetic package is valid
and exactly N times the real one, the page-weight arithmetic is right and the
tables print every row.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
import shutil
import subprocess
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from _site import copy_project
from bench import compare, costs, parse_scales, synthetic
from bench.bare import SideBySide
from bench.report import HAND_MARK, Findings, search_notes, write_report
from bench.scale import RESULT_LINE, ScaleRun, differing_files, site_facts, stages_of
from bench.tables import (
    SCALE_HEADERS,
    WEIGHT_HEADERS,
    bare_verdict,
    format_table,
    markdown_table,
    scale_notes,
    scale_rows,
    shard_note,
    weight_rows,
    weight_verdicts,
)
from bench.weight import Hit, PageWeight, budget_verdict, gzip_size, kind_of, serve, static_weight
from bench.zensical import ZensicalRun
from conftest import FIXTURE
from kinerja import csvio
from kinerja.domain import ids
from kinerja.domain.entities import Kantor
from kinerja.validate import validate

PER_DOCUMENT = ("dokumen", "program", "program_kode", "sasaran", "indikator", "anomali")


def _rows(root: Path) -> dict[str, list[dict[str, str]]]:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: csvio.read(root / r["path"]) for r in descriptor["resources"]}


@pytest.fixture(scope="module")
def doubled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with the frozen package (tests/fixtures/paket/) written at 2× into a temporary folder."""
    project = copy_project(tmp_path_factory.mktemp("asli") / "proyek")
    return synthetic.write_project(project, tmp_path_factory.mktemp("sintetis") / "proyek", 2).root


def test_synthetic_2x_is_valid(doubled: Path) -> None:
    assert validate(doubled) == []


def test_synthetic_2x_has_twice_the_rows(doubled: Path) -> None:
    real, grown = _rows(FIXTURE), _rows(doubled)
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
    assert package.kantor["6401"].nama == "KPU Kabupaten Paser (sintetis)"
    assert package.kantor["64"].nama == "KPU Provinsi Kalimantan Timur", "the real office keeps its name"


def test_synthetic_package_is_written_into_its_own_copy_only(tmp_path: Path) -> None:
    """The real project is only read: its data/ and datapackage.json keep every byte."""
    project = copy_project(tmp_path / "asli")

    def files() -> dict[Path, bytes]:
        found = [project / "datapackage.json", *(project / "data").rglob("*")]
        return {path: path.read_bytes() for path in found if path.is_file()}

    before = files()
    made = synthetic.write_project(project, tmp_path / "salinan", 3)
    assert made.root == tmp_path / "salinan" and len(made.offices) == 2
    assert files() == before
    with pytest.raises(FileExistsError):
        synthetic.write_project(project, made.root, 2)


def test_published_schema_has_no_benchmark_column() -> None:
    """The many-office package is the benchmark's affair: the kantor schema does not know about it."""
    descriptor = json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))
    (kantor,) = [r for r in descriptor["resources"] if r["name"] == "kantor"]
    assert "sintetis" not in {f["name"] for f in kantor["schema"]["fields"]}
    assert "sintetis" not in {f.name for f in dataclasses.fields(Kantor)}


def test_bench_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m bench` takes the options `make bench` and `make test` pass; a wrong --skala is refused."""
    from bench.__main__ import main, make_parser

    args = make_parser().parse_args(["--skala", "1,100", "--tambahan"])
    assert (args.skala, args.tambahan, args.hanya_pasang, args.pipeline) == ("1,100", True, False, None)
    assert make_parser().parse_args(["--hanya-pasang"]).hanya_pasang
    assert main(["--skala", "x", "--tanpa-zensical"]) == 2
    assert "--skala harus berupa bilangan bulat" in capsys.readouterr().err


def test_synthetic_copy_0_is_the_real_package(doubled: Path) -> None:
    real = (FIXTURE / "data" / "indikator.csv").read_text(encoding="utf-8")
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


def test_static_weight_counts_search_only_with_the_search_box(tiny_site: Path) -> None:
    """Material writes its worker into the config even with search off; only a search box loads it."""
    page = tiny_site / "kinerja" / "a" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('<div data-md-component="search"></div>', ""))
    paths = [hit.path for hit in static_weight(tiny_site, "kinerja/a/").hits]
    assert "/search/search_index.json" not in paths and "/assets/cari.js" not in paths


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
    assert kind_of("/cari/indeks/umum.json") == "indeks cari"
    assert kind_of("/cari/indeks/lunr.js") == "indeks cari"
    assert kind_of("/pagefind/wasm.id.pagefind") == "indeks cari"
    assert kind_of("/cari/") == "HTML"


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
    rows = weight_rows({1: [weight, weight], 553: [weight]})
    assert len(rows) == 3 and all(len(r) == len(WEIGHT_HEADERS) for r in rows)
    assert [r[0] for r in rows] == ["1×", "1×", "553×"]
    runs = [ScaleRun(1, indikator=62), ScaleRun(552, error="terlalu besar")]
    rows = scale_rows(runs)
    assert len(rows) == 2 and all(len(r) == len(SCALE_HEADERS) for r in rows)
    assert "FAIL" in budget_verdict(PageWeight("x", "x/", [Hit("/x/", 200, 1, 200_000)], "uji"))
    assert "PASS" in budget_verdict(weight)


def test_the_scale_notes_judge_the_build_after_one_office_changed() -> None:
    fast = ScaleRun(553, incremental=95.0, incremental_cpu=90.0)
    slow = ScaleRun(553, incremental=300.0, incremental_cpu=280.0)
    failed = ScaleRun(553, incremental_error="pipeline gagal")
    assert any("satu kantor" in n and "95,0 s" in n and "120 s: tercapai)" in n for n in scale_notes([fast]))
    assert any("300,0 s" in n and "TIDAK tercapai" in n for n in scale_notes([slow]))
    assert any("GAGAL: pipeline gagal" in n for n in scale_notes([failed]))
    assert not any("satu kantor" in n for n in scale_notes([ScaleRun(1, total=2.0, bare=1.0)]))
    small = scale_notes([ScaleRun(2, incremental=8.0, incremental_cpu=7.0)])
    assert any("8,0 s, CPU 7,0 s." in n and "sasaran" not in n for n in small), "judged at 553× only"


def test_synthetic_add_realisation_adds_one_valid_row(doubled: Path, tmp_path: Path) -> None:
    project = tmp_path / "proyek"
    shutil.copytree(doubled, project)
    office = synthetic.office_plan(2)[-1]["id"]
    code = synthetic.add_realisation(project, office)
    rows = csvio.read(project / "data" / "realisasi.csv")
    assert code.startswith(f"IK24-{office}-") and [r["indikator_id"] for r in rows].count(code) == 1
    assert validate(project) == []


def test_the_scale_notes_name_the_shards(tiny_site: Path) -> None:
    listing = [
        {"name": "bersama", "paths": [""], "bytes": 3 * 1024 * 1024, "files": 300},
        {"name": "provinsi-64", "paths": ["kinerja/kantor/64/"], "bytes": 5 * 1024 * 1024, "files": 200},
    ]
    (tiny_site / "shards.json").write_text(json.dumps(listing), encoding="utf-8")
    run = ScaleRun(2, indikator=124, total=2.0, bare=1.0)
    run.site = site_facts(tiny_site)
    assert run.site.shards == listing
    note = shard_note(run)
    assert note.startswith("2×: 2 shard") and "terbesar provinsi-64 5,0 MB" in note
    assert "berkas terbanyak bersama 300" in note and note.endswith(": tercapai.")
    assert note in scale_notes([run])
    run.site.shards = []
    assert shard_note(run) == ""


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
    findings = Findings([("Python", "3")], {1: [weight]}, runs=[run], zensical={1: zensical})
    path = tmp_path / "benchmarks.md"
    path.write_text(f"TEKS-USANG\n{HAND_MARK}\n\nCatatan tangan.\n", encoding="utf-8")
    write_report(path, "python -m bench --skala 1", findings, "Zensical 0.0.73.", datetime.now(UTC), 1.0)
    text = path.read_text(encoding="utf-8")
    assert "TEKS-USANG" not in text and text.rstrip().endswith("Catatan tangan.")
    assert "| 1× | 3,0 | 1,0 | 3,00 | 1/1 |" in text
    assert "Halaman indikator 1× hasil Zensical" in text


def test_an_addendum_keeps_the_main_run_and_replaces_an_earlier_addendum(
    tmp_path: Path, tiny_site: Path
) -> None:
    weight = static_weight(tiny_site, "kinerja/a/", "Indikator")
    main_run = ScaleRun(100, indikator=6200, total=300.0, bare=200.0, weight=weight)
    main_run.site = site_facts(tiny_site)
    path = tmp_path / "benchmarks.md"
    path.write_text(f"{HAND_MARK}\n\nCatatan tangan.\n", encoding="utf-8")
    when = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
    write_report(
        path,
        "bench --skala 100",
        Findings([("Python", "3")], {100: [weight]}, runs=[main_run]),
        "Z.",
        when,
        90.0,
    )
    again = ScaleRun(1, indikator=62, total=2.0, bare=1.0, weight=weight)
    again.site = site_facts(tiny_site)
    for hour in (19, 20):
        added = Findings([("Python", "3")], {1: [weight]}, runs=[again])
        write_report(
            path, f"bench --skala 1 --tambahan {hour}", added, "Z.", when.replace(hour=hour), 9.0, True
        )
    text = path.read_text(encoding="utf-8")
    main, addendum = text.split("## Putaran tambahan", 1)
    assert "`bench --skala 100`" in main and "| 100× |" in main and "| 1× |" not in main
    assert "--tambahan 20" in addendum and "--tambahan 19" not in text, "an earlier addendum is replaced"
    assert "\n### 1. Berat muat pertama" in addendum and "| 1× |" in addendum and "| 100× |" not in addendum
    assert text.count("## Cara mengulang") == 1 and addendum.index("## Cara mengulang") > addendum.index(
        "| 1× |"
    )
    assert text.rstrip().endswith("Catatan tangan.") and text.count(HAND_MARK) == 1


def test_weight_verdicts_name_the_page_types_over_budget() -> None:
    """A scale passes only when every page type is within 100 KB and 15 requests."""
    light = PageWeight(
        "Indikator", "kinerja/indikator/x/", [Hit("/kinerja/indikator/x/", 200, 9, 9_000)], "uji"
    )
    heavy = PageWeight("Banding", "kinerja/banding/x/", [Hit("/kinerja/banding/x/", 200, 9, 150_000)], "uji")
    many = PageWeight("Cari", "cari/", [Hit(f"/a{i}.js", 200, 1, 1) for i in range(16)], "uji")
    notes = weight_verdicts({1: [light], 553: [light, heavy, many]})
    assert notes[0].startswith("1×: PASS") and "terberat Indikator" in notes[0]
    assert notes[1].startswith("553×: FAIL (gagal): Banding, Cari") and "terberat Banding" in notes[1]


def test_scale_notes_judge_largest_html_and_flat_cost(tiny_site: Path) -> None:
    """The largest gzip HTML is judged against 100 KB; ms per page of large scales against ±25 %."""
    facts = site_facts(tiny_site)
    pages = len(facts.pages)
    one = ScaleRun(1, total=4.0, bare=3.0, site=facts)
    big = ScaleRun(100, total=0.02 * pages, bare=1.0, site=facts)
    huge = ScaleRun(553, total=0.03 * pages, bare=1.0, site=facts)
    notes = scale_notes([one, big, huge])
    assert any(n.startswith("553×: HTML terbesar") and "tercapai" in n for n in notes)
    assert any("553× dibanding 100×: ×1,50 — TIDAK datar" in n for n in notes)
    huge.total = 0.022 * pages
    assert any("×1,10 — datar" in n for n in scale_notes([one, big, huge]))
    facts.largest_gz = ("kinerja/pohon/index.html", 200 * 1024)
    assert any(
        "200,0 KB terkompresi (/kinerja/pohon/index.html)" in n and "TIDAK" in n for n in scale_notes([one])
    )


def test_bare_verdict_holds_the_page_to_5_kb_and_5_percent() -> None:
    """The project's page passes within 5 KB gzip and 5 % FCP of bare Material, and fails beyond."""

    def page(size: int) -> PageWeight:
        return PageWeight("x", "x/", [Hit("/x/", 200, size * 3, size)], "uji")

    side = SideBySide("x/", ours={"gzip": page(80_000), "mentah": page(300_000)},
                      bare={"gzip": page(76_000), "mentah": page(290_000)},
                      fcp_ours=[1000, 1040, 1030], fcp_bare=[1000, 990, 1010])  # fmt: skip
    text = bare_verdict(side)
    assert "selisih terkompresi 3,9 KB (batas 5 KB: tercapai)" in text and "×1,030" in text
    assert "tercapai)." in text and "TIDAK" not in text
    side.ours["gzip"] = page(82_000)
    side.fcp_ours = [1100, 1100, 1100]
    text = bare_verdict(side)
    assert "5,9 KB (batas 5 KB: TIDAK tercapai)" in text and "×1,100" in text and text.count("TIDAK") == 2


def test_search_notes_judge_before_search_and_first_query() -> None:
    from bench import cari

    ok = cari.EngineRun("lunr per kantor", "553×", 1.0, 1)
    ok.queries = [cari.FirstQuery("a", [Hit("/cari/indeks/x.json", 200, 1, 250 * 1024)])]
    bad = cari.EngineRun("Pagefind", "1×", 1.0, 1, before=2048)
    bad.queries = [cari.FirstQuery("b", [Hit("/pagefind/x", 200, 1, 120 * 1024)])]
    notes = search_notes([ok, bad])
    assert "553× lunr per kantor: sebelum mencari 0,0 KB (tidak ada yang dimuat: tercapai)" in notes[0]
    assert "kueri pertama terberat 250,0 KB (batas 300 KB: tercapai)" in notes[0]
    assert "2,0 KB (TIDAK tercapai)" in notes[1] and "120,0 KB (batas 100 KB: TIDAK tercapai)" in notes[1]
    bad.misses = [f"kueri {n} → x/" for n in range(12)]
    missed = search_notes([bad])[-1]
    assert "kueri 4 → x/" in missed and "kueri 5 → x/" not in missed and missed.endswith("dan 7 kueri lain.")


def test_zensical_macros_count_as_rendered_only_with_mkdocs_figures(tmp_path: Path) -> None:
    from bench.zensical import _check_zensical

    mkdocs, project = tmp_path / "mkdocs", tmp_path / "proyek"
    for folder in (mkdocs, project / "site"):
        folder.mkdir(parents=True)
    (mkdocs / "index.html").write_text("<p>Data terakhir diubah 1 Maret 2024 (…)</p>", encoding="utf-8")
    home = project / "site" / "index.html"
    home.write_text("<p>Data terakhir diubah 1 Maret 2024 (…)</p>", encoding="utf-8")
    facts = site_facts(mkdocs)
    assert _check_zensical(project, facts, mkdocs / "index.html").macros.startswith("ya (")
    home.write_text("<p>Data terakhir diubah 2 Maret 2024 (…)</p>", encoding="utf-8")
    assert _check_zensical(project, facts, mkdocs / "index.html").macros.startswith("tidak pasti")
    home.write_text("<p>{{ rkt.indikator }}</p>", encoding="utf-8")
    assert _check_zensical(project, facts, mkdocs / "index.html").macros.startswith("TIDAK")


# --- the search benchmark (bench/cari.py, bench/pagefind.py) ---------------------------------------


def test_search_bench_counts_only_search_files_as_index() -> None:
    """Only files of a search index or engine count as index bytes, not the search page or its script."""
    from bench import cari

    assert cari.is_index("/cari/indeks/umum.json") and cari.is_index("/pagefind/wasm.id.pagefind")
    assert not cari.is_index("/cari/") and not cari.is_index("/assets/cari.js")


def test_search_bench_table() -> None:
    from bench import cari

    run = cari.EngineRun("lunr per kantor", "1×", 0.35, 160_000, whole_site=43_000)
    run.queries = [cari.FirstQuery("a", [Hit("/cari/indeks/lunr.js", 200, 99_805, 24_939)])]
    run.hits, run.total = 74, 74
    text = cari.table([run])
    assert "| 1× | lunr per kantor | 0,0 | 24,4 | 24,4 (a) | 1 / 1 | 74/74 | 0,35 | 0,15 | 42,0 |" in text


def test_pagefind_document_keeps_index_only_words_out_of_the_text() -> None:
    """The Pagefind candidate indexes the printed text; the index-only words go to metadata fields."""
    from bench import pagefind
    from kinerja.outputs.search import Hidden, Page

    page = Page("kinerja/indikator/ik24-s40/", "id", "Proses <PAW>", 3.0, "baris satu\nbaris dua")
    doc = pagefind.document(page, Hidden(["pergantian", "ik24s40"], ["mutakhir"]))
    assert '<html lang="id">' in doc and '<h1 data-pagefind-weight="7">Proses &lt;PAW&gt;</h1>' in doc
    assert '<p data-pagefind-weight="1">baris satu</p><p data-pagefind-weight="1">baris dua</p>' in doc
    assert 'data-pagefind-meta="istilah_judul:pergantian ik24s40"' in doc
    assert 'data-pagefind-meta="istilah:mutakhir"' in doc
    assert pagefind.weights(0.2)[0] < pagefind.weights(2)[0] < pagefind.weights(3)[0] == 7.0


def _comparison() -> compare.Comparison:
    """Two rounds of an earlier commit (A) and the current tree (B), as compare.measure records them."""
    when = datetime(2026, 12, 2, 15, 30, tzinfo=UTC)
    result = compare.Comparison("c0abf6f" + "0" * 33, "3ad93c4" + "1" * 33, 2, when)
    for number, (a, b) in enumerate([(10.0, 11.0), (30.0, 13.0), (12.0, 12.5)], start=1):
        result.builds.append(compare.Build("A", number, a, a - 1, 200.0, 3.5))
        result.builds.append(compare.Build("B", number, b, b - 1, 210.0, 3.6))
    result.data_differs = ["data/kantor.csv", "datapackage.json"]
    result.pages = {"A": 144, "B": 150}
    result.load_start, result.load_end = (3.5, 4.0, 5.25), (2.0, 3.0, 4.0)
    return result


def test_compare_medians_ratio_and_verdict() -> None:
    """The median of each side counts (one slow round does not), B over A is judged against +20 %."""
    assert compare.median_of([3.0, 1.0, 2.0]) == 2.0 and compare.median_of([]) == 0.0
    assert compare.ratio(2.0, 2.5) == 1.25 and compare.ratio(0.0, 2.0) == 0.0
    assert compare.growth(1.123) == "+12,3 %" and compare.growth(0.95) == "−5,0 %"
    assert compare.verdict(1.2) == "+20,0 % (batas +20,0 %: tercapai)"
    assert compare.verdict(1.21).endswith("TIDAK tercapai)") and compare.verdict(0.0) == "tidak terukur"
    result = _comparison()
    assert result.values("A", "seconds") == [10.0, 30.0, 12.0]
    assert (result.median("A", "seconds"), result.median("B", "seconds")) == (12.0, 12.5)
    assert result.ratio("seconds") == 12.5 / 12.0 and result.ratio("cpu") == 11.5 / 11.0
    assert result.label("A") == "A (c0abf6f)" and result.label("B") == "B (3ad93c4)"


def test_compare_tables_and_notes_in_the_order_built() -> None:
    result = _comparison()
    rows = compare.round_rows(result)
    assert [row[:2] for row in rows[:3]] == [[1, "A (c0abf6f)"], [1, "B (3ad93c4)"], [2, "A (c0abf6f)"]]
    assert rows[2][2:] == ["30,00", "29,00", "200,0", "3,50"]
    assert compare.summary_rows(result) == [
        ["A (c0abf6f)", "12,00", "11,00", 144],
        ["B (3ad93c4)", "12,50", "11,50", 150],
    ]
    notes = compare.notes(result)
    assert notes[0] == "Waktu dinding B/A: 1,04, +4,2 % (batas +20,0 %: tercapai)."
    assert (
        notes[2]
        == "Beban mesin (load average 1/5/15 menit) di awal: 3,50, 4,00, 5,25; di akhir: 2,00, 3,00, 4,00."
    )
    result.error = "B (3ad93c4) putaran 2: pembangunan gagal: x"
    assert compare.notes(result)[0].startswith("GAGAL: B (3ad93c4) putaran 2")
    assert "-" not in format_table(compare.ROUND_HEADERS, rows).splitlines()[0]


def test_compare_names_the_data_files_that_differ(tmp_path: Path) -> None:
    for side, kantor in (("a", "id\n64\n"), ("b", "id\n64\n6472\n")):
        (tmp_path / side / "data").mkdir(parents=True)
        (tmp_path / side / "datapackage.json").write_text("{}", encoding="utf-8")
        (tmp_path / side / "data" / "kantor.csv").write_text(kantor, encoding="utf-8")
        (tmp_path / side / "data" / "indikator.csv").write_text("id\n", encoding="utf-8")
    (tmp_path / "b" / "data" / "baru.csv").write_text("id\n", encoding="utf-8")
    assert compare.differing_data(tmp_path / "a", tmp_path / "b") == ["data/baru.csv", "data/kantor.csv"]


def test_compare_takes_a_commit_out_with_git_archive(tmp_path: Path) -> None:
    """A commit is resolved to its full id and exported without touching the repository's work tree."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], check=True)
    (repo / "datapackage.json").write_text("{}", encoding="utf-8")
    subprocess.run([*git, "add", "datapackage.json"], check=True)
    subprocess.run([*git, "commit", "-qm", "satu"], check=True)
    (repo / "datapackage.json").write_text('{"x": 1}', encoding="utf-8")
    full = compare.resolve(repo, "HEAD")
    assert re.fullmatch(r"[0-9a-f]{40}", full)
    assert compare.current_id(repo) == full + " + perubahan belum dikomit"
    compare.export(repo, full, tmp_path / "keluar")
    assert (tmp_path / "keluar" / "datapackage.json").read_text(encoding="utf-8") == "{}"
    with pytest.raises(ValueError, match="komit 'tidak-ada' tidak ditemukan"):
        compare.resolve(repo, "tidak-ada")


def test_bench_command_line_for_a_side_by_side_build(capsys: pytest.CaptureFixture[str]) -> None:
    """--banding takes a commit, --hanya-banding needs it; an unknown commit is refused before any build."""
    from bench.__main__ import main, make_parser

    args = make_parser().parse_args(["--skala", "1", "--banding", "c0abf6f", "--hanya-banding"])
    assert (args.banding, args.hanya_banding) == ("c0abf6f", True)
    assert make_parser().parse_args([]).banding is None
    with pytest.raises(SystemExit) as stopped:
        main(["--hanya-banding"])
    assert stopped.value.code == 2 and "--hanya-banding perlu --banding" in capsys.readouterr().err
    assert main(["--banding", "komit-yang-tidak-ada", "--hanya-banding"]) == 2
    assert "komit 'komit-yang-tidak-ada' tidak ditemukan" in capsys.readouterr().err


def test_report_puts_a_side_by_side_build_alone_before_how_to(tmp_path: Path, tiny_site: Path) -> None:
    """--hanya-banding keeps the report and replaces only an earlier side-by-side section."""
    weight = static_weight(tiny_site, "kinerja/a/", "Indikator")
    run = ScaleRun(1, indikator=62, total=2.0, bare=1.0, weight=weight)
    run.site = site_facts(tiny_site)
    path = tmp_path / "benchmarks.md"
    path.write_text(f"{HAND_MARK}\n\nCatatan tangan.\n", encoding="utf-8")
    when = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
    write_report(
        path, "bench --skala 1", Findings([("Python", "3")], {1: [weight]}, runs=[run]), "Z.", when, 9.0
    )
    for hour in (15, 16):
        alone = Findings([("Python", "3")], comparison=_comparison())
        write_report(path, f"bench --banding c0abf6f {hour}", alone, "", when.replace(hour=hour), 1.0)
    text = path.read_text(encoding="utf-8")
    assert "`bench --skala 1`" in text and "| 1× |" in text and "## 4. Zensical" in text
    assert "--banding c0abf6f 16`, 2026-12-01 pukul 16:00 UTC" in text and "c0abf6f 15" not in text
    assert text.count("## Waktu bangun 1× berdampingan") == 1
    assert text.index("## Waktu bangun 1×") < text.index("## Cara mengulang") < text.index(HAND_MARK)
    assert "**A** = komit `c0abf6f" in text and "`data/kantor.csv`, `datapackage.json`" in text
    assert "| 3 | A (c0abf6f) | 12,00 | 11,00 | 200,0 | 3,50 |" in text
    assert text.rstrip().endswith("Catatan tangan.")
    full = Findings([("Python", "3")], {1: [weight]}, runs=[run], comparison=_comparison())
    write_report(path, "bench --skala 1 --banding c0abf6f", full, "Z.", when, 9.0)
    assert "## 5. Waktu bangun 1× berdampingan dengan komit lain" in path.read_text(encoding="utf-8")


# What each kind of file costs (bench/costs.py, issue 22), on a small site made here

COST_ARTICLE = '<article class="md-content__inner md-typeset"><h1>Judul</h1><p>Isi halaman</p></article>'
COST_PAGE = f"""<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8"><title>Judul</title>
    <script>var a=1</script>
  </head>
  <body>
    <header class="md-header"><svg viewBox="0 0 24 24"><path d="M0 0"/></svg></header>
    <nav class="md-tabs"><ul><li><a href="../">Beranda</a></li></ul></nav>
    <div class="md-sidebar md-sidebar--primary"><div><nav class="md-nav">menu</nav></div></div>
    <div class="md-content">{COST_ARTICLE}</div>
    <footer class="md-footer">kaki</footer>
  </body>
</html>
"""


def _write_file(site: Path, path: str, data: str | bytes) -> None:
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def _small_site(site: Path) -> None:
    _write_file(site, "index.html", COST_PAGE)
    _write_file(site, "kinerja/indikator/ik24-s01/index.html", COST_PAGE)
    _write_file(site, "kinerja/indikator/ik24-6472-s01/index.html", COST_PAGE)
    _write_file(site, "kinerja/indikator/ik24-s01/sematkan.html", "<html><body>kartu</body></html>")
    _write_file(site, "kinerja/indikator/ik24-s01/bagikan.png", b"\x89PNG" + bytes(200))
    _write_file(site, "api/v1/indikator/IK24-S01.json", '{"id": "IK24-S01"}\n')
    _write_file(site, "api/v1/indikator/IK24-S01.csv", "id\nIK24-S01\n")
    _write_file(site, "api/v1/index.json", "{}\n")
    _write_file(site, "berkas/indikator.csv", "id\n")
    _write_file(site, "cari/indeks/umum.json", "[]")
    _write_file(site, "assets/kinerja.css", "p{}")
    shards = [
        {"name": "bersama", "paths": [""], "bytes": 0, "files": 0},
        {"name": "provinsi-64", "paths": ["kinerja/indikator/ik24-6472-"], "bytes": 0, "files": 0},
    ]
    _write_file(site, "shards.json", json.dumps(shards))


def test_every_file_has_a_kind_and_the_kinds_add_up_to_the_site(tmp_path: Path) -> None:
    _small_site(tmp_path)
    measured = costs.measure(tmp_path)
    kinds = {c.kind: c for c in measured.kinds}
    assert kinds["HTML: halaman indikator"].files == 2
    assert kinds["HTML: daftar dan halaman lain"].files == 1
    assert kinds["Kartu sematan (HTML)"].files == 1
    assert kinds["Gambar bagikan (PNG)"].gz == kinds["Gambar bagikan (PNG)"].raw == 204  # not gzipped
    assert kinds["API JSON per indikator"].files == kinds["API CSV per indikator"].files == 1
    assert kinds["API: indeks, manifes, OpenAPI, DCAT"].files == 1
    assert kinds["Unduhan CSV"].files == 1 and kinds["Indeks cari"].files == 1
    every = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert measured.total.files == len(every)
    assert measured.total.raw == sum(p.stat().st_size for p in every)


def test_each_shard_shows_the_share_of_each_group(tmp_path: Path) -> None:
    _small_site(tmp_path)
    shards = {s.name: s for s in costs.measure(tmp_path).shards}
    office = shards["provinsi-64"]
    assert office.files == 1 and office.groups["Halaman HTML"] == office.raw == len(COST_PAGE.encode())
    assert shards["bersama"].files == 11 and shards["bersama"].groups["Gambar bagikan"] == 204
    rows = costs.shard_rows(costs.measure(tmp_path))
    assert rows[1][0] == "provinsi-64" and rows[1][3] == "100,0 %"


def test_a_page_is_split_into_its_content_and_each_part_of_the_chrome(tmp_path: Path) -> None:
    _small_site(tmp_path)
    measured = costs.measure(tmp_path)
    parts = {p.kind: p for p in measured.chrome["HTML: halaman indikator"]}
    assert sum(p.raw for p in parts.values()) == 2 * len(COST_PAGE.encode())  # every byte in one part
    assert parts["Isi halaman (<article>)"].raw == 2 * len(COST_ARTICLE)
    assert parts["Skrip dan gaya sisipan"].raw == 2 * len("<script>var a=1</script>")
    assert parts["Ikon SVG sisipan"].raw == 2 * len('<svg viewBox="0 0 24 24"><path d="M0 0"/></svg>')
    assert parts["Navigasi (tab, menu, daftar isi)"].raw > 0 and parts["Kerangka lain"].space > 0
    assert parts["Isi halaman (<article>)"].space == 0


def test_the_report_section_has_a_table_per_scale(tmp_path: Path) -> None:
    _small_site(tmp_path)
    lines = costs.section({1: costs.measure(tmp_path)})
    text = "\n".join(lines)
    assert lines[0] == "## 6. Biaya per jenis berkas" and "### 1×" in text
    assert "| Gambar bagikan (PNG) | 1 |" in text and "| Seluruh situs | 12 |" in text


def test_the_incremental_note_tells_whether_it_equals_a_clean_build(tmp_path: Path) -> None:
    same = ScaleRun(553, incremental=300.0, incremental_cpu=280.0, incremental_differs=[])
    other = ScaleRun(553, incremental=300.0, incremental_differs=["a.html", "b/c.json"])
    broken = ScaleRun(553, incremental=300.0, incremental_check_error="pipeline gagal")
    assert any("sama byte demi byte" in n for n in scale_notes([same]))
    assert any("BERBEDA" in n and "2 berkas (a.html, b/c.json)" in n for n in scale_notes([other]))
    assert any("300,0 s" in n and "pembanding GAGAL: pipeline gagal" in n for n in scale_notes([broken]))
    first, second = tmp_path / "satu", tmp_path / "dua"
    for root in (first, second):
        (root / "x").mkdir(parents=True)
        (root / "x" / "sama.html").write_text("<p>sama</p>")
        (root / "beda.json").write_text("{}" if root == first else "[]")
    (first / "hanya-satu.txt").write_text("")
    assert differing_files(first, second) == ["beda.json", "hanya-satu.txt"]
    assert differing_files(first, first) == []


def test_stages_of_the_second_process_join_the_builds_own() -> None:
    """The pages are timed in the build's second process, which prints its own line first."""
    stdout = "\n".join([
        "Situs selesai dibangun di site/.",
        RESULT_LINE + json.dumps({"halaman": 8.5}),
        RESULT_LINE + json.dumps({"validasi": 1.5, "unduhan": 9.0, "generasi": 10.0}),
    ])  # fmt: skip
    assert stages_of(stdout) == {"halaman": 8.5, "validasi": 1.5, "unduhan": 9.0, "generasi": 10.0}
    assert stages_of("tanpa hasil\n") == {}
