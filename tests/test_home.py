"""The home page answers "what does KPU promise?": search first, headline targets, programs, status."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from _browser import PAGE_KINDS
from _site import Builder, copy_project
from kinerja import model
from kinerja.browser import PHONE
from kinerja.domain.entities import Realisasi
from kinerja.outputs.pages import home

#: Realisation made up for tests, never published (tests/fixtures/capaian/).
CAPAIAN = Path(__file__).parent / "fixtures" / "capaian"


def _entry(**fields: Any) -> Realisasi:
    base = {
        "indikator_id": "X",
        "periode": "TW1",
        "nilai": None,
        "satuan": "persen",
        "kategori": "",
        "sumber_dokumen": "uji",
        "tanggal_sumber": None,
        "catatan": "",
    }
    return Realisasi(**{**base, **fields})


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"memenuhi": True, "capaian": Decimal(80)}, True),  # a bound met counts, whatever the ratio
        ({"memenuhi": False}, False),
        ({"capaian": Decimal(100)}, True),
        ({"capaian": Decimal("99.9")}, False),
        ({}, None),
    ],
)
def test_reached_follows_the_bound_then_the_ratio(fields: dict, expected: bool | None) -> None:
    """Bound and category tests decide first; a plain number is reached at capaian 100 % or more."""
    assert home.reached(_entry(**fields)) is expected


@pytest.fixture(scope="module")
def with_realisation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy holding the made-up test realisation and rating scale."""
    project = copy_project(tmp_path_factory.mktemp("beranda") / "p")
    for name in ("realisasi.csv", "skala_capaian.csv"):
        shutil.copy(CAPAIAN / name, project / "data" / name)
    return project


def test_overview_counts_every_indicator_of_the_year_per_period(with_realisation: Path) -> None:
    """Each reported period counts all the year's indicators, the unreported ones honestly."""
    pkg = model.load(with_realisation)
    context = home.beranda(pkg)
    indikator = [i for d in context["documents"] for i in d.indikator]
    reported = {r.periode for i in indikator for r in i.realisasi}
    assert [s.periode for s in context["status"]] == [p for p in home.PERIODS if p in reported]
    for status in context["status"]:
        assert sum(status.counts.values()) == status.total == len(indikator)
        with_entry = sum(1 for i in indikator if any(r.periode == status.periode for r in i.realisasi))
        assert status.total - status.counts["belum dilaporkan"] == with_entry


def test_headline_is_the_commission_and_programs_the_secretariat(with_realisation: Path) -> None:
    """Cards hold the newest year's KPU (not Secretariat) indicators; the program list the Secretariat's."""
    pkg = model.load(with_realisation)
    context = home.beranda(pkg)
    year = max(d.tahun for d in pkg.site_documents)
    assert context["tahun"] == year
    assert context["headline"] and all(
        pkg.dokumen[i.dokumen_id].jenis != "sekretariat" and pkg.dokumen[i.dokumen_id].tahun == year
        for i, _ in context["headline"]
    )
    assert all(pkg.dokumen[p.dokumen_id].jenis == "sekretariat" for p, _ in context["programs"])


def test_home_page_shows_search_then_printed_targets(built_site: Path) -> None:
    """The search form comes before the cards; each card prints the target and links to its page."""
    pkg = model.load(built_site.parent)
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert page.index('role="search"') < page.index('id="janji"')
    for item, _ in home.beranda(pkg)["headline"]:
        assert f'href="kinerja/indikator/{item.id.lower()}/"' in page
        assert f'<span class="janji__target">{item.target_dicetak.replace("%", "&#37;")}</span>' in page or (
            f'<span class="janji__target">{item.target_dicetak}</span>' in page
        )
    assert 'id="capaian"' in page


def test_status_overview_appears_once_realisation_exists(
    tmp_path: Path, builder: Builder, with_realisation: Path
) -> None:
    """With (test) realisation the home page has the per-period table, including 'belum dilaporkan'."""
    result = builder.build(with_realisation, tmp_path / "site")
    assert result.returncode == 0, result.stderr + result.stdout
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Belum dilaporkan" in page and 'class="status"' in page
    assert "jadi capaian belum dapat dihitung" not in page


def test_every_page_has_a_search_button_in_its_header(built_site: Path) -> None:
    """Every built page's header links to the search page, at the right depth."""
    missing = []
    for path in sorted(built_site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        if "md-header__inner" in page and home_button(page) is None:
            missing.append(str(path.relative_to(built_site)))
    assert missing == []


def home_button(page: str) -> str | None:
    """The href of the header's search button, or None."""
    marker = page.find("data-tombol-cari")
    if marker < 0:
        return None
    start = page.rfind('href="', 0, marker) + len('href="')
    return page[start : page.index('"', start)]


@pytest.mark.parametrize("kind", ["beranda", "indikator dengan catatan", "unduh"])
def test_search_button_is_visible_and_leads_to_search(reused_page: Any, site_url: str, kind: str) -> None:
    """On a phone the header's magnifier is on screen, and tapping it opens the search box."""
    page = reused_page(**PHONE)
    page.goto(site_url + PAGE_KINDS[kind])
    button = page.locator("[data-tombol-cari]")
    assert button.is_visible()
    box = button.bounding_box()
    assert box and box["x"] + box["width"] <= PHONE["viewport"]["width"] and box["width"] >= 24
    button.tap()
    page.wait_for_url("**/cari/**")
    assert page.locator("#cari-kueri").is_visible()


def test_first_phone_screen_has_search_and_a_target(new_page: Any, site_url: str) -> None:
    """A citizen on a phone sees the search field and a printed target without scrolling."""
    page = new_page(**PHONE)
    page.goto(site_url)
    height = PHONE["viewport"]["height"]
    for selector in ("#cari-beranda", ".janji__target"):
        box = page.locator(selector).first.bounding_box()
        assert box and box["y"] + box["height"] <= height, f"{selector} di luar layar pertama"
