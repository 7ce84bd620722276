"""Printing: pages fit A4 without the site's menus, and keep their code, permanent address and date."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from _browser import open_page
from kinerja.browser import DESKTOP

#: Printable pages: kind -> (path, identifier).
PRINTED = {
    "indikator": ("kinerja/indikator/ik24-s22/", "IK24-S22"),
    "sasaran": ("kinerja/sasaran/ss24-s19/", "SS24-S19"),
    "dokumen": ("kinerja/dokumen/rkt24-s/", "RKT24-S"),
}
A4_POINTS = (595.28, 841.89)
#: Site chrome that must not be printed; the first three exist on every page.
HIDDEN_IN_PRINT = (".md-header", ".md-sidebar", ".md-tabs", ".md-footer", ".md-code__nav", ".cari")


def _media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    number = rb"(-?\d+(?:\.\d+)?)"
    pattern = rb"/MediaBox\s*\[\s*" + rb"\s+".join([number] * 4) + rb"\s*\]"
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in re.findall(pattern, pdf)]


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def _displays(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(el => getComputedStyle(el).display)")


@pytest.fixture(scope="module")
def print_page(browser):
    """One desktop tab reused by the print tests (printing does not change the page)."""
    context, page = open_page(browser, **DESKTOP)
    yield page
    context.close()
    assert not page.log.foreign, page.log.foreign


@pytest.fixture(scope="module")
def data_date(print_page, site_url) -> str:
    """The 'Data terakhir diubah' date as an indicator page shows it on screen."""
    print_page.emulate_media(media="screen")
    print_page.goto(site_url + PRINTED["indikator"][0])
    row = print_page.locator("article tr", has_text="Data terakhir diubah")
    date = row.locator("td").nth(1).inner_text().strip()
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", date), date
    return date


@pytest.mark.parametrize("kind", list(PRINTED))
def test_print_media_hides_the_site_chrome_and_keeps_the_essentials(print_page, site_url, data_date, kind):
    path, identifier = PRINTED[kind]
    page = print_page
    page.emulate_media(media="screen")
    page.goto(site_url + path)
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical and canonical.endswith("/" + path)
    # On screen: the menus are there and the print footer is not.
    for selector in HIDDEN_IN_PRINT[:3]:
        assert "none" not in _displays(page, selector)[:1], f"{selector} tersembunyi di layar"
    assert page.locator(".cetak-kaki").is_hidden()

    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        displays = _displays(page, selector)
        if selector in HIDDEN_IN_PRINT[:3]:
            assert displays, f"{selector} tidak ada di halaman: pemeriksaan cetak tidak berarti"
        assert set(displays) <= {"none"}, f"{kind}: {selector} ikut tercetak ({displays})"
    footer = page.locator(".cetak-kaki")
    assert footer.is_visible(), "kaki cetak (alamat tetap) tidak tampil saat dicetak"
    assert canonical in footer.inner_text()
    printed = page.locator("article").inner_text()
    assert identifier in printed
    assert canonical in printed
    assert data_date in printed, f"{kind}: tanggal data {data_date!r} tidak tercetak"
    if kind == "indikator":
        assert re.search(rf"Data terakhir diubah\s+{re.escape(data_date)}", printed)
    # The article uses the paper's whole width: no empty sidebar columns.
    widths = page.evaluate(
        "[document.querySelector('article').getBoundingClientRect().width,"
        " document.documentElement.clientWidth]"
    )
    assert widths[0] >= 0.8 * widths[1], f"{kind}: isi hanya {widths[0]}px dari {widths[1]}px saat dicetak"
    page.emulate_media(media="screen")


@pytest.mark.parametrize("kind", list(PRINTED))
def test_pdf_is_a4(print_page, site_url, data_date, kind, tmp_path):
    path, identifier = PRINTED[kind]
    page = print_page
    page.goto(site_url + path)
    page.emulate_media(media="print")  # page.pdf keeps an emulated screen medium (data_date sets one)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
    pages = _page_count(pdf)
    boxes = _media_boxes(pdf)
    assert pages >= 1, "PDF tanpa halaman"
    assert boxes, "PDF tanpa MediaBox"
    for width, height in boxes:
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (width, height)
    if kind != "dokumen":
        assert pages <= 3, f"{kind}: {pages} halaman A4 untuk satu {kind}: menu ikut tercetak?"
    if shutil.which("pdftotext"):  # optional: poppler-utils is not a requirement
        (tmp_path / "halaman.pdf").write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "halaman.pdf"), "-"], capture_output=True, text=True
        ).stdout
        flat = " ".join(text.split())
        assert identifier in flat
        assert data_date in flat
        assert "Saring daftar" not in flat and "Ganti ke mode gelap" not in flat
