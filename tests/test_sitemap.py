"""sitemap.xml (scripts/kinerja/outputs/sitemap.py): every page of the finished site, dated by its data.

A small site folder is written here (pages as index.html, plus files that are no page), and the
sitemap step runs over it with the frozen package: every page is listed once, in order; a page of
one office carries that office's date, any other page the package's; above MAX_URLS the sitemap
becomes an index of parts. Nothing in it depends on the build's own timestamp.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import FIXTURE
from kinerja import model, paths
from kinerja.clock import epoch_date
from kinerja.outputs import sitemap
from kinerja.outputs.job import Site

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PACKAGE_DATE, OFFICE_DATE, BUILD_DATE = 1_720_000_000, 1_710_000_000, 1_750_000_000
PAGES = ["", "cari/", "kinerja/indikator/ik24-k03/", "kinerja/dokumen/rkt24-s/", "tentang-data/"]
NOT_PAGES = ["404.html", "kinerja/indikator/ik24-k03/sematkan.html", "berkas/rkt.csv"]


@pytest.fixture(scope="module")
def package() -> model.Package:
    return model.load(FIXTURE)


def site_of(folder: Path, package: model.Package, pages: list[str] = PAGES) -> Site:
    for page in pages:
        (folder / page).mkdir(parents=True, exist_ok=True)
        (folder / page / "index.html").write_text("<html></html>", encoding="utf-8")
    for name in NOT_PAGES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x", encoding="utf-8")
    home = package.home.id
    return Site(package, folder, BUILD_DATE, changed=PACKAGE_DATE, office_changed={home: OFFICE_DATE})


def entries(path: Path) -> list[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return [(e.findtext(f"{NS}loc") or "", e.findtext(f"{NS}lastmod") or "") for e in root]


def test_every_page_once_in_order_dated_by_its_office_or_the_package(
    tmp_path: Path, package: model.Package
) -> None:
    site = site_of(tmp_path, package)
    sitemap.finish(site)
    office, shared = epoch_date(OFFICE_DATE).isoformat(), epoch_date(PACKAGE_DATE).isoformat()
    assert entries(tmp_path / "sitemap.xml") == [
        (paths.absolute(""), shared),
        (paths.absolute("cari/"), shared),
        (paths.absolute("kinerja/dokumen/rkt24-s/"), office),
        (paths.absolute("kinerja/indikator/ik24-k03/"), office),
        (paths.absolute("tentang-data/"), shared),
    ]
    assert ET.parse(tmp_path / "sitemap.xml").getroot().tag == f"{NS}urlset"
    assert (
        gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()) == (tmp_path / "sitemap.xml").read_bytes()
    )
    assert epoch_date(BUILD_DATE).isoformat() not in (tmp_path / "sitemap.xml").read_text(encoding="utf-8")


def test_the_same_pages_and_dates_give_the_same_bytes(tmp_path: Path, package: model.Package) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    sitemap.finish(site_of(first, package))
    later = site_of(second, package)
    later.epoch += 86_400  # another build's timestamp
    sitemap.finish(later)
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_more_pages_than_one_sitemap_holds_become_an_index_of_parts(
    tmp_path: Path, package: model.Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sitemap, "MAX_URLS", 2)
    written = sitemap.write_sitemap(site_of(tmp_path, package))
    assert written == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml", "sitemap.xml.gz"]
    index = ET.parse(tmp_path / "sitemap.xml").getroot()
    assert index.tag == f"{NS}sitemapindex"
    parts = [loc for loc, _ in entries(tmp_path / "sitemap.xml")]
    assert parts == [paths.absolute(f"sitemap-{n}.xml") for n in (1, 2, 3)]
    listed = [loc for n in (1, 2, 3) for loc, _ in entries(tmp_path / f"sitemap-{n}.xml")]
    assert listed == [paths.absolute(page) for page in sorted(PAGES)]
    assert all(len(entries(tmp_path / f"sitemap-{n}.xml")) <= 2 for n in (1, 2, 3))
