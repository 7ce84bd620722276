"""The built site: a page for everything, links that resolve, text shown as printed."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from conftest import FIXTURE
from kinerja import model, paths

KINDS = ("indikator", "sasaran", "program", "dokumen")
_BLOCKS = {
    "p",
    "div",
    "td",
    "th",
    "tr",
    "li",
    "ul",
    "ol",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "pre",
    "table",
    "nav",
}


@pytest.fixture(scope="module")
def package() -> model.Package:
    return model.load(FIXTURE)


class _Links(HTMLParser):
    """Collects hrefs/srcs and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, dict[str, str]]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for attr in ("href", "src"):
            if attr in values:
                self.links.append((tag, values[attr], values))
        if tag in ("script", "style"):
            self._skip += 1
        if tag in _BLOCKS:
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in _BLOCKS:
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_file(site: Path, kind: str, identifier: str) -> Path:
    return site / "kinerja" / kind / identifier.lower() / "index.html"


def visible_text(path: Path) -> str:
    return " ".join("".join(parse(path).text).split())


@pytest.mark.parametrize("kind", KINDS)
def test_one_page_per_row(built_site, package, kind):
    rows = getattr(package, kind)
    assert rows
    for identifier, row in rows.items():
        path = page_file(built_site, kind, identifier)
        assert path.is_file(), f"halaman {kind} {identifier} tidak ada"
        text = visible_text(path)
        assert identifier in text
        printed = getattr(row, "teks", None) or getattr(row, "nama", None) or row.nama
        assert " ".join(printed.split()) in text, f"teks {identifier} tidak tampil apa adanya"


def test_indicator_page_shows_everything_a_reader_needs(built_site, package):
    for item in package.indikator.values():
        path = page_file(built_site, "indikator", item.id)
        text = visible_text(path)
        assert item.target_dicetak in text
        assert "Cara mengutip" in text and "Data terakhir diubah" in text
        assert f"halaman tabel {item.halaman_tabel}" in text
        assert f"kinerja/indikator/{item.id.lower()}/" in text  # permanent URL in the citation
        for note in item.anomali:
            assert note.id in text
        hrefs = {urljoin(f"/kinerja/indikator/{item.id.lower()}/", h) for _, h, _ in parse(path).links}
        assert f"/kinerja/sasaran/{item.sasaran_id.lower()}/" in hrefs
        assert f"/kinerja/dokumen/{item.dokumen_id.lower()}/" in hrefs
        if item.program_id:
            assert f"/kinerja/program/{item.program_id.lower()}/" in hrefs
        assert f"/api/v1/indikator/{item.id}.csv" in hrefs
        assert f"/api/v1/indikator/{item.id}.json" in hrefs


def test_numbers_and_dates_in_indonesian_format(built_site):
    k03 = visible_text(page_file(built_site, "indikator", "IK24-K03"))
    assert "77,5 %" in k03 and "77.5" not in k03
    s22 = visible_text(page_file(built_site, "indikator", "IK24-S22"))
    assert "87,5 %" in s22 and "87.5%" in s22  # parsed value formatted, printed text kept
    assert "36,36 % (4 satker)" in visible_text(page_file(built_site, "indikator", "IK24-S44"))
    doc = visible_text(page_file(built_site, "dokumen", "RKT24-K"))
    assert "1 Maret 2024" in doc


def test_document_page_reads_like_the_paper(built_site, package):
    for doc in package.dokumen.values():
        path = page_file(built_site, "dokumen", doc.id)
        source = path.read_text(encoding="utf-8")
        positions = [source.find(f'href="../../indikator/{i.id.lower()}/"') for i in doc.indikator]
        assert all(p > 0 for p in positions), "setiap baris harus tertaut ke halaman indikatornya"
        assert positions == sorted(positions), "baris harus dalam urutan cetak"
        text = visible_text(path)
        assert doc.nama_penanda_tangan in text and doc.unit_dicetak in text


def test_every_internal_link_resolves(built_site):
    prefix = urlparse(paths.site_url()).path  # 404.html links absolutely, under the site's path
    missing = []
    for page in built_site.rglob("*.html"):
        base = "/" + page.relative_to(built_site).as_posix()
        for _tag, href, _ in parse(page).links:
            url = urlparse(urljoin(base, href))
            if url.scheme or url.netloc or href.startswith(("mailto:", "#")) or not url.path:
                continue
            path = url.path[len(prefix) - 1 :] if url.path.startswith(prefix) else url.path
            target = built_site / path.lstrip("/")
            if path.endswith("/") or path == "/.":
                target = built_site / path.lstrip("/").rstrip(".") / "index.html"
            if not target.exists():
                missing.append(f"{base} → {href}")
    assert not missing, "\n".join(missing[:20])


def test_navigation_does_not_list_row_pages(built_site):
    """Material embeds the menu in every page: it must not grow with the number of rows."""
    home = parse(built_site / "index.html")
    indicator = parse(page_file(built_site, "indikator", "IK24-S01"))
    nav_links = [h for t, h, a in indicator.links if "md-nav__link" in a.get("class", "") and "#" not in h]
    assert nav_links
    assert not any(re.search(r"kinerja/(indikator|sasaran|program)/[a-z]{2}\d{2}-", h) for h in nav_links)
    home_nav = [h for t, h, a in home.links if "md-nav__link" in a.get("class", "") and "#" not in h]
    assert len(nav_links) == len(home_nav) < 60


def test_no_request_to_another_host_is_possible(built_site):
    """No resource (script, style, font, image, frame) is loaded from outside the site."""
    offenders = []
    for page in built_site.rglob("*.html"):
        for tag, url, attrs in parse(page).links:
            loads = tag in ("script", "img", "iframe", "source", "audio", "video") or (
                tag == "link" and attrs.get("rel", "") not in ("canonical", "alternate", "license")
            )
            if loads and urlparse(url).scheme in ("http", "https"):
                offenders.append(f"{page.relative_to(built_site)}: <{tag}> {url}")
    for sheet in list(built_site.rglob("*.css")) + list(built_site.rglob("*.js")):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"@import\s+url\(\s*['\"]?(https?:)?//|url\(\s*['\"]?https?://", text):
            offenders.append(f"{sheet.relative_to(built_site)}: {match.group(0)}")
    assert not offenders, "\n".join(offenders[:20])


def test_glossary_and_abbreviations(built_site, package):
    glossary = visible_text(built_site / "kinerja" / "glosarium" / "index.html")
    for row in package.glosarium:
        assert row.singkatan in glossary
    source = page_file(built_site, "indikator", "IK24-S40").read_text(encoding="utf-8")
    assert '<abbr title="Penggantian Antarwaktu">PAW</abbr>' in source


def test_tree_links_every_row(built_site, package):
    source = (built_site / "kinerja" / "pohon" / "index.html").read_text(encoding="utf-8")
    for kind in ("indikator", "sasaran", "program", "dokumen"):
        for identifier in getattr(package, kind):
            assert f'href="../{kind}/{identifier.lower()}/"' in source, identifier
    assert re.search(r'<div class="pohon"[^>]*>', source) and "<ul>" in source


def test_anomalies_listed_on_about_page(built_site, package):
    text = visible_text(built_site / "tentang-data" / "index.html")
    for note in package.anomali.values():
        assert note.id in text
        assert html.unescape(note.uraian.split(".")[0]) in text


def test_harvestable_metadata_on_every_page(built_site):
    import json
    import xml.etree.ElementTree as ET

    pages = sorted(p for p in built_site.rglob("index.html"))
    sitemap = ET.parse(built_site / "sitemap.xml").getroot()
    listed = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    base = paths.site_url()
    for page in pages:
        source = page.read_text(encoding="utf-8")
        assert '<meta property="og:title" content="' in source, page
        assert re.search(r'<meta property="og:description" content="[^"]{20,}"', source), page
        url = base + page.parent.relative_to(built_site).as_posix() + "/"
        assert url.replace("/./", "/") in listed or page.parent == built_site, url
    for name in ("index.html", "unduh/index.html"):
        source = (built_site / name).read_text(encoding="utf-8")
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', source, re.S)
        assert block, name
        data = json.loads(block.group(1))
        assert data["@type"] == "Dataset" and data["distribution"] and "2024" in data["temporalCoverage"]
    catalog = json.loads((built_site / "api" / "v1" / "dcat.jsonld").read_text(encoding="utf-8"))
    assert "dcat" in json.dumps(catalog["@context"])
    assert (built_site / "datapackage.json").is_file()


def test_search_is_a_page_of_its_own(built_site):
    """No page carries Material's search dialog (its index loaded on every page); the search page does
    the searching (tests/test_search.py checks it in detail)."""
    for page in built_site.rglob("index.html"):
        source = page.read_text(encoding="utf-8")
        assert 'data-md-component="search"' not in source, page
    assert (built_site / "cari" / "index.html").is_file()
