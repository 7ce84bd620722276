"""Several offices on one site: codes with an office part, office pages, comparisons, and every old URL kept.

The second office is synthetic (scripts/bench/synthetic.py: "KPU Kabupaten Paser (sintetis)" with a
copy of the real documents), written into a project copy of its own; the package and the pipeline
treat it as any other office.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from _site import Builder, copy_project
from bench import synthetic
from conftest import FIXTURE, copy_package
from kinerja import csvio, model
from kinerja.domain import ids
from kinerja.update import import_document
from kinerja.validate import validate

SOURCE = FIXTURE / "data" / "sumber" / "rkt-2024-kpu-kaltim.txt"


def test_every_code_issued_today_keeps_its_form() -> None:
    for name in ("dokumen", "program", "sasaran", "indikator", "anomali"):
        for row in csvio.read(FIXTURE / "data" / f"{name}.csv"):
            parsed = ids.parse(row["id"])
            assert parsed is not None and parsed.kind == name, row["id"]
            assert parsed.dokumen.kantor == "", "the home office's codes carry no office part"
    assert ids.parse("IK24-K03").dokumen == ids.dokumen(2024, "K")
    assert ids.dokumen(2024, "S", "6472").row("indikator", 7) == "IK24-6472-S07"
    assert ids.dokumen(2024, "K", "", 2).row("indikator", 3) == "IK24-K2-03"
    assert ids.dokumen(2024, "K", "RI").anomali(1) == "AN24-RI-01"
    for bad in ("IK24-S1", "IK24-123-K03", "RKT24-K1", "IK24-K2"):
        assert ids.parse(bad) is None, bad


def test_recode_puts_the_office_into_a_code() -> None:
    assert synthetic.recode("IK24-S07", "6472") == "IK24-6472-S07"
    assert synthetic.recode("RKT24-K", "RI") == "RKT24-RI-K"
    assert synthetic.recode("AN24-03", "6401") == "AN24-6401-03"
    assert synthetic.recode("Teks biasa", "6401") == "Teks biasa"


def test_the_office_plan_has_kpu_s_553_offices_real_codes_first() -> None:
    plan = synthetic.office_plan(553)
    assert len(plan) == 552 and len({o["id"] for o in plan}) == 552
    kinds = [o["jenis"] for o in plan]
    assert kinds.count("provinsi") == 37 and kinds.count("ri") == 1
    assert kinds.count("kabupaten") + kinds.count("kota") == 514
    assert plan[8]["nama"] == "KPU Kota Samarinda (sintetis)" and plan[8]["kode_kemendagri"] == "64.72"
    assert all("sintetis" in o["nama"].casefold() for o in plan), "every copy says so in its name"
    descriptor = json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))
    (kantor,) = [r for r in descriptor["resources"] if r["name"] == "kantor"]
    published = {f["name"] for f in kantor["schema"]["fields"]}
    assert all(set(o) == published for o in plan), "an office of the copy has the published columns only"
    assert all(re.fullmatch(ids.KANTOR_PATTERN, o["id"]) for o in plan)
    with pytest.raises(synthetic.TooLarge):
        synthetic.office_plan(554)


@pytest.fixture(scope="module")
def two_offices(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("asli") / "proyek")
    return synthetic.write_project(project, tmp_path_factory.mktemp("dua") / "proyek", 2).root


def test_a_second_office_is_a_valid_package(two_offices: Path) -> None:
    assert validate(two_offices) == []
    package = model.load(two_offices)
    assert [o.id for o in package.offices_with_documents] == ["64", "6401"]
    assert package.multi_office
    assert package.dokumen["RKT24-6401-S"].nama == "RKT 2024 Sekretariat KPU Kabupaten Paser (sintetis)"
    assert package.indikator["IK24-6401-S07"].tahun_lain == [], "another office is not another year"
    assert len(package.banding) == len({i.teks.casefold() for i in package.indikator.values()})
    group = package.banding["IK24-K03"]
    assert [i.id for i in group] == ["IK24-K03", "IK24-6401-K03"]


@pytest.fixture(scope="module")
def sites(two_offices: Path, built_site: Path, builder: Builder) -> tuple[Path, Path]:
    """The site of the frozen package (the session's) and of the same package with a second office."""
    result = builder.build(two_offices, two_offices / "site")
    assert result.returncode == 0, result.stderr
    return built_site, two_offices / "site"


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def _text(path: Path) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))).split())


def test_every_old_url_stays_and_office_pages_are_added(sites: tuple[Path, Path]) -> None:
    one, two = sites
    assert _pages(one) <= _pages(two), "alamat situs satu kantor tidak boleh hilang"
    added = _pages(two) - _pages(one)
    assert "kinerja/kantor/index.html" in added
    assert {"kinerja/kantor/64/index.html", "kinerja/kantor/6401/index.html"} <= added
    assert "kinerja/indikator/ik24-6401-k03/index.html" in added
    assert "kinerja/banding/ik24-k03/index.html" in added
    assert not any(p.startswith("kinerja/kantor/") for p in _pages(one)), "satu kantor: tanpa halaman kantor"


def test_office_pages_and_links(sites: tuple[Path, Path]) -> None:
    _, two = sites
    paser = _text(two / "kinerja" / "kantor" / "6401" / "index.html")
    assert "KPU Kabupaten Paser (sintetis)" in paser and "64.01" in paser
    assert "IK24-6401-K03" in paser and "Tahun 2024" in paser
    home = _text(two / "kinerja" / "kantor" / "64" / "index.html")
    assert "KPU Kabupaten Paser" in home, "the province links the kabupaten below it"
    page = two / "kinerja" / "indikator" / "ik24-k03" / "index.html"
    raw = page.read_text(encoding="utf-8")
    assert 'href="../../kantor/64/"' in raw and 'href="../../banding/ik24-k03/"' in raw
    districts = _text(two / "kinerja" / "indikator" / "ik24-k05" / "index.html")
    assert "Kantor kabupaten/kota (tafsiran)" in districts and "KPU Kabupaten Paser" in districts
    compare = _text(two / "kinerja" / "banding" / "ik24-k03" / "index.html")
    assert "KPU Provinsi Kalimantan Timur" in compare and "KPU Kabupaten Paser" in compare
    assert compare.count("77,5%") >= 2
    listing = _text(two / "kinerja" / "indikator" / "index.html")
    assert "IK24-6401-K03" not in listing and "kantor utama situs" in listing, "lists stay the home office's"


def test_each_office_has_its_own_search_scope(sites: tuple[Path, Path]) -> None:
    """Another office's rows and page form its own scope, linked from its page; the home office: default."""
    _, two = sites
    paser = (two / "kinerja" / "kantor" / "6401" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../cari/?kantor=6401"' in paser
    home = (two / "kinerja" / "kantor" / "64" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../cari/"' in home
    manifest = json.loads((two / "cari" / "indeks" / "cakupan.json").read_text(encoding="utf-8"))
    assert manifest["default"] == "kantor" and {"kantor", "kantor-6401", "umum"} <= set(manifest["scopes"])
    office = json.loads((two / "cari" / "indeks" / "kantor-6401.json").read_text(encoding="utf-8"))
    urls = {doc[0] for doc in office["docs"]}
    assert "kinerja/indikator/ik24-6401-k03/" in urls and "kinerja/kantor/6401/" in urls
    assert not any(url.startswith("kinerja/indikator/ik24-k") for url in urls)


def test_with_one_office_the_pages_read_as_before(sites: tuple[Path, Path]) -> None:
    one, _ = sites
    page = _text(one / "kinerja" / "indikator" / "ik24-k03" / "index.html")
    assert "Banding antarkantor" not in page and "Kantor KPU Provinsi" not in page
    assert "kantor utama situs" not in _text(one / "kinerja" / "indikator" / "index.html")


def test_importing_another_office_s_document(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "paket")
    kantor = csvio.read(root / "data" / "kantor.csv")
    fields = list(kantor[0])
    kantor.append({**dict.fromkeys(fields, ""), "id": "6472", "nama": "KPU Kota Samarinda", "jenis": "kota",
                   "kode_kemendagri": "64.72", "kode_bps": "6472", "induk": "64"})  # fmt: skip
    csvio.write(root / "data" / "kantor.csv", fields, kantor)
    text = (
        SOURCE.read_text(encoding="utf-8")
        .replace(
            "Nama/Unit Organisasi : KPU Provinsi Kalimantan Timur",
            "Nama/Unit Organisasi : KPU Kota Samarinda",
        )
        .replace("Sekretariat KPU Provinsi insi Kalimantan Timur", "Sekretariat KPU Kota Samarinda")
    )
    source = tmp_path / "rkt-2024-kpu-samarinda-uji.txt"
    source.write_text(text, encoding="utf-8")
    report = import_document(root, source)
    assert "62 indikator" in report
    dokumen = {r["id"]: r for r in csvio.read(root / "data" / "dokumen.csv")}
    assert {"RKT24-6472-K", "RKT24-6472-S", "RKT24-K", "RKT24-S"} == set(dokumen)
    assert dokumen["RKT24-6472-S"]["kantor_id"] == "6472"
    codes = {r["id"] for r in csvio.read(root / "data" / "indikator.csv")}
    assert {"IK24-6472-K01", "IK24-6472-S56", "IK24-K01", "IK24-S56"} <= codes
    assert validate(root) == []


def test_a_document_of_an_unknown_office_is_refused(tmp_path: Path) -> None:
    from kinerja.errors import ProblemsFound

    root = copy_package(tmp_path / "paket")
    text = SOURCE.read_text(encoding="utf-8").replace(
        "Nama/Unit Organisasi : KPU Provinsi Kalimantan Timur", "Nama/Unit Organisasi : KPU Kota Bontang"
    )
    source = tmp_path / "rkt-bontang.txt"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        import_document(root, source)
    (problem,) = caught.value.problems
    assert problem.code == "kantor_tidak_dikenal" and problem.row == 16 and "KANTOR=" in problem.fix


def test_downloads_and_api_carry_the_office(sites: tuple[Path, Path]) -> None:
    import csv
    import json

    _, two = sites
    with (two / "berkas" / "indikator-lengkap.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["indikator_id"]: r for r in csv.DictReader(handle)}
    assert rows["IK24-6401-K03"]["kantor_id"] == "6401" and rows["IK24-K03"]["kantor_id"] == "64"
    assert rows["IK24-6401-K03"]["kantor_nama"] == "KPU Kabupaten Paser (sintetis)"
    item = json.loads((two / "api" / "v1" / "indikator" / "IK24-6401-K03.json").read_text("utf-8"))
    assert item["kantor_id"] == "6401" and item["kantor_nama"] == "KPU Kabupaten Paser (sintetis)"
    office = json.loads((two / "api" / "v1" / "kantor" / "6401.json").read_text("utf-8"))
    assert "sintetis" not in office and office["links"]["html"].endswith("/kinerja/kantor/6401/")
    assert len(office["links"]["dokumen"]) == 2
    index = json.loads((two / "api" / "v1" / "index.json").read_text("utf-8"))
    assert {k["id"] for k in index["kantor"]} == {"64", "6401"} and index["counts"]["kantor"] == 2


def test_each_office_s_pages_and_files_form_its_shard(two_offices: Path, sites: tuple[Path, Path]) -> None:
    """On the built two-office site, with limits small enough to split: every file whose path names
    office 6401 lands in that office's shard, the home office's rows in the other, the rest shared."""
    from kinerja.outputs import shards

    _, two = sites
    listing = json.loads((two / "shards.json").read_text(encoding="utf-8"))
    files = {p.relative_to(two).as_posix(): p.stat().st_size for p in two.rglob("*") if p.is_file()}
    assert [s["name"] for s in listing] == ["bersama"], "two offices fit in one shard"
    assert (listing[0]["files"], listing[0]["bytes"]) == (len(files), sum(files.values()))
    package = model.load(two_offices)
    biggest = max(
        sum(1 for p in files if (shards.owner(p, {"64": "64", "6401": "6401"}, "64") or ("",))[0] == code)
        for code in ("64", "6401")
    )
    cut = shards.partition(files, shards.groups_of(package), "64", shards.Limits(files=biggest))
    assert [s.name for s in cut] == ["bersama", "provinsi-64-1", "provinsi-64-2"]
    table = shards.prefix_table(cut)
    where = {p: shards.shard_of(p, table) for p in files}
    assert {where[p] for p in files if "6401" in p} == {"provinsi-64-2"}
    assert where["kinerja/indikator/ik24-k03/index.html"] == "provinsi-64-1"
    assert where["api/v1/indikator/IK24-K03.json"] == "provinsi-64-1"
    assert where["kinerja/kantor/64/index.html"] == "provinsi-64-1"
    for shared in ("index.html", "kinerja/banding/ik24-k03/index.html", "kinerja/indikator/index.html"):
        assert where[shared] == "bersama", shared
    assert all(s.files <= biggest for s in cut)
