"""Share pictures and embeddable cards: every indicator travels to WhatsApp and into a news article.

Each indicator page names its own Open Graph picture (a PNG made at build time,
the same bytes on every build) with Twitter-card meta, and each indicator has
a small card without JavaScript that another site can frame, linking back.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import io
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from _browser import AXE_OPTIONS
from conftest import FIXTURE
from kinerja import model, paths
from kinerja.outputs import embed, share_image
from kinerja.outputs.pages import rows

EMBED_BUDGET = 20 * 1024
META = re.compile(r'<meta (?:property|name)="(?P<key>(?:og|twitter):[a-z:_]+)" content="(?P<value>[^"]*)"')


@pytest.fixture(scope="module")
def package() -> model.Package:
    return model.load(FIXTURE)


def meta(page: str) -> dict[str, str]:
    """The Open Graph and Twitter meta tags of a built page, unescaped."""
    return {m.group("key"): html.unescape(m.group("value")) for m in META.finditer(page)}


def indicator_page(site: Path, identifier: str) -> Path:
    return site / paths.page_url("indikator", identifier) / "index.html"


# Pictures, without a site


def test_two_renders_of_one_picture_are_identical(package: model.Package) -> None:
    """Same facts, same bytes: no timestamp or other metadata, fixed compression and layout."""
    card = share_image.facts(package, package.indikator["IK24-S19"])
    first, second = share_image.png(card), share_image.png(card)
    assert first == second
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(share_image.png(card)).hexdigest()
    picture = Image.open(io.BytesIO(first))
    assert picture.format == "PNG" and picture.size == (1200, 630)
    assert not picture.info or set(picture.info) <= {"transparency"}, picture.info


def test_a_picture_holds_16_colours_the_sites_own_among_them(package: model.Package) -> None:
    """4 bits per pixel (issue 22: a third fewer bytes); ink, paper and band keep the site's colours."""
    card = share_image.facts(package, package.indikator["IK24-S19"])
    data = share_image.png(card)
    assert data[24] == 4 and data[25] == 3  # IHDR: bit depth 4, colour type 3 (palette)
    picture = Image.open(io.BytesIO(data))
    palette = picture.getpalette() or []
    colours = {tuple(palette[i : i + 3]) for i in range(0, len(palette), 3)}
    assert len(colours) <= 16
    assert {share_image.INK, share_image.RED, share_image.WHITE} <= colours
    assert len(data) < 30 * 1024  # 38 KB with 256 shades


def test_a_different_target_gives_a_different_picture(package: model.Package) -> None:
    card = share_image.facts(package, package.indikator["IK24-S19"])
    other = share_image.Facts(card.code, card.teks, card.target + "0", card.office, card.year)
    assert share_image.png(card) != share_image.png(other)


def test_a_very_long_text_is_cut_with_an_ellipsis_inside_the_picture() -> None:
    words = "Persentase satker yang mendistribusikan logistik Pemilu secara tepat sasaran " * 6
    font, lines = share_image.fit(words, share_image.BOLD, share_image.TEXT_SIZES, 1072, 266)
    assert font.size == share_image.TEXT_SIZES[-1]
    assert lines[-1].endswith("…") and len(lines) * font.size * share_image.LEADING <= 266
    assert all(font.getlength(line) <= 1072 for line in lines)
    assert " ".join(lines).removesuffix("…").rstrip() in " ".join(words.split())


def test_a_word_longer_than_a_line_is_broken_not_lost() -> None:
    font = share_image._font(share_image.BOLD, 42)
    word = "A" * 80
    lines = share_image.wrap(word, font, 1072)
    assert "".join(lines) == word and len(lines) > 1
    assert all(font.getlength(line) <= 1072 for line in lines)


def test_a_long_printed_target_and_code_are_drawn_without_error() -> None:
    card = share_image.Facts("IK24-6472-K2-03", "Indikator", "Opini " * 30, "KPU " * 20, 2025)
    picture = Image.open(io.BytesIO(share_image.png(card)))
    assert picture.size == (1200, 630)


# Embeds and page context, without a site


def test_the_card_escapes_the_printed_text_and_runs_nothing() -> None:
    card = share_image.Facts("IK24-S01", '<script>alert(1)</script> & "x"', "<b>90%</b>", "KPU", 2024)
    page = embed.card(card, "./")
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;" in page
    snippet = embed.snippet(card, "https://contoh.go.id/kinerja/indikator/ik24-s01/sematkan.html")
    assert snippet.startswith('<iframe src="https://contoh.go.id/') and "<script" not in snippet
    assert 'title="Indikator kinerja IK24-S01: &lt;script&gt;' in snippet


def test_with_the_real_address_the_picture_url_is_absolute(
    package: model.Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    item = package.indikator["IK24-S01"]
    monkeypatch.setenv("SITE_URL", "https://contoh.go.id/kinerja-kpu/")
    shared = rows.share(package, item)
    assert shared["gambar"] == "https://contoh.go.id/kinerja-kpu/kinerja/indikator/ik24-s01/bagikan.png"
    assert (
        'src="https://contoh.go.id/kinerja-kpu/kinerja/indikator/ik24-s01/sematkan.html"' in shared["sematan"]
    )
    monkeypatch.delenv("SITE_URL")
    assert rows.share(package, item)["gambar"] == paths.SHARE_IMAGE  # relative to the page: no guessed host


# The built site (one build, shared)


def test_every_indicator_page_has_its_own_share_picture(built_site: Path, package: model.Package) -> None:
    digests = {}
    for identifier in package.indikator:
        page = indicator_page(built_site, identifier)
        source = page.read_text(encoding="utf-8")
        tags = meta(source)
        assert not re.search(r'\bsrc="[^"]*bagikan\.png"', source), identifier  # never loaded by the page
        image = (page.parent / tags["og:image"]).resolve()  # relative: the fixture build has no SITE_URL
        assert image == (built_site / paths.share_image(identifier)).resolve(), identifier
        with Image.open(image) as picture:
            assert picture.format == "PNG" and picture.width >= 600, identifier
            assert (picture.width, picture.height) == (
                int(tags["og:image:width"]),
                int(tags["og:image:height"]),
            )
        assert (
            identifier in tags["og:image:alt"]
            and package.indikator[identifier].target_dicetak in tags["og:image:alt"]
        )
        assert (
            tags["twitter:card"] == "summary_large_image"
            and tags["twitter:image:alt"] == tags["og:image:alt"]
        )
        assert tags["og:title"].startswith(identifier) and tags["og:description"]
        # X falls back to og:title, og:description and og:image: their twitter: copies are not repeated.
        assert not {"twitter:image", "twitter:title", "twitter:description"} & set(tags), identifier
        digests[hashlib.sha256(image.read_bytes()).hexdigest()] = identifier
    assert len(digests) == len(package.indikator) == 62


def test_the_share_pictures_stay_small(built_site: Path) -> None:
    """62 pictures: 2,0 MB with 256 shades, 1,4 MB with 16 (docs/benchmarks.md, issue 22)."""
    pictures = sorted(built_site.glob("kinerja/indikator/*/" + paths.SHARE_IMAGE))
    assert len(pictures) == 62
    assert sum(p.stat().st_size for p in pictures) < 1_600_000


def test_other_pages_keep_a_summary_card_without_picture(built_site: Path) -> None:
    tags = meta((built_site / "index.html").read_text(encoding="utf-8"))
    assert tags["twitter:card"] == "summary" and "og:image" not in tags
    assert tags["og:title"] and tags["og:description"] and "twitter:title" not in tags


def test_every_indicator_has_a_small_embed_card_linking_back(
    built_site: Path, package: model.Package
) -> None:
    for identifier, item in package.indikator.items():
        path = built_site / paths.embed(identifier)
        source = path.read_text(encoding="utf-8")
        assert len(gzip.compress(source.encode("utf-8"))) <= EMBED_BUDGET, identifier
        assert "<script" not in source, identifier
        assert re.search(r'<html lang="id"[^>]*>', source) and f"<title>{identifier} · " in source
        text = html.unescape(source)
        assert item.teks in text and f"Target tercetak: <strong>{item.target_dicetak}</strong>" in text
        assert "Tahun anggaran 2024" in text and "KPU Provinsi Kalimantan Timur" in text
        backs = re.findall(r'<a href="([^"]*)" target="_blank" rel="noopener">', source)
        assert backs and all(
            (path.parent / href / "index.html").resolve() == indicator_page(built_site, identifier).resolve()
            for href in backs
        ), identifier


def test_the_indicator_page_offers_the_snippet_to_copy(built_site: Path) -> None:
    page = indicator_page(built_site, "IK24-S22").read_text(encoding="utf-8")
    section = page.split('id="sematkan-di-situs-anda"', 1)[1].split("<h2", 1)[0]
    code = html.unescape(re.sub(r"<[^>]+>", "", section.split("<code>", 1)[1].split("</code>", 1)[0]))
    assert code.startswith('<iframe src="' + paths.absolute(paths.embed("IK24-S22")) + '"')
    assert 'title="Indikator kinerja IK24-S22: ' in code and "<script" not in code
    assert 'href="sematkan.html"' in section and 'href="bagikan.png"' in section
    assert "sementara" in section  # the fixture build has no SITE_URL: the address is provisional


# In Chromium


HOST_PAGE = """<!doctype html><html lang="id"><head><title>Berita uji</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body><p>Berita uji</p>{snippet}</body></html>"""
COLLECT = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective));
"""


def test_an_embed_renders_inside_an_iframe(new_page: Any, site_url: str, package: model.Package) -> None:
    """A page on the local server frames a card with the snippet: it renders, nothing is refused."""
    item = package.indikator["IK24-S19"]
    card = share_image.facts(package, item)
    source = site_url + paths.embed(item.id)
    page = new_page(viewport={"width": 360, "height": 640}, is_mobile=True)
    page.add_init_script(COLLECT)
    host = (
        site_url + "uji-sematan.html"
    )  # same server; Chromium's local-network checks stop 127.0.0.1 ↔ localhost
    page.route(
        host,
        lambda route: route.fulfill(
            body=HOST_PAGE.format(snippet=embed.snippet(card, source)), content_type="text/html"
        ),
    )
    page.goto(host, wait_until="networkidle")
    frame = page.frame(url=source)
    assert frame is not None, [f.url for f in page.frames]
    heading = frame.locator("h1")
    assert heading.inner_text() == item.teks and heading.is_visible()
    box = page.locator("iframe").bounding_box()
    assert box and box["width"] > 300 and round(box["height"]) == embed.FRAME_HEIGHT
    assert frame.locator("a").first.get_attribute("target") == "_blank"
    assert frame.evaluate("document.documentElement.lang") == "id"
    assert frame.evaluate("window.__csp") == [] and page.evaluate("window.__csp") == []
    assert frame.evaluate("document.scripts.length") == 0
    assert not page.log.console_errors and not page.log.page_errors


def test_an_embed_card_has_no_accessibility_violations(new_page: Any, site_url: str, axe: Any) -> None:
    """The card opened on its own passes axe-core's WCAG 2.2 A/AA rules (contrast, language, title)."""
    page = new_page(viewport={"width": 360, "height": 640}, is_mobile=True)
    page.goto(site_url + paths.embed("IK24-S22"), wait_until="networkidle")
    assert axe.run(page, options=AXE_OPTIONS).response["violations"] == []
    assert not page.log.console_errors and not page.log.page_errors
