"""The page chrome repeats less (issue 22): what every page carried twice or in full, it now names once.

- The light/dark toggle's icons are <use> references to one cached file,
  assets/ikon-palet.svg (overrides/partials/palette.html), not 1,4 KB of SVG in
  every page; the icons are Material's own and still show.
- twitter:title, twitter:description and twitter:image are not repeated: X
  reads og:title, og:description and og:image (tests/test_share.py checks the
  share tags themselves).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import material
import yaml

from conftest import ROOT

SPRITE = ROOT / "content" / "assets" / "ikon-palet.svg"
ICONS = Path(material.__file__).parent / "templates" / ".icons"
_SYMBOL = re.compile(r'<symbol id="(?P<id>[^"]+)" viewBox="0 0 24 24">(?P<inner>.*?)</symbol>', re.S)
_USE = re.compile(r'<use href="(?P<href>[^"#]+)#(?P<id>[^"]+)"/>')


def toggle_icons() -> list[str]:
    """The icon of each palette toggle in mkdocs.yml (material/weather-night …)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return [option["toggle"]["icon"] for option in config["theme"]["palette"] if "toggle" in option]


def test_the_sprite_holds_each_toggle_icon_as_material_draws_it() -> None:
    symbols = {m["id"]: m["inner"] for m in _SYMBOL.finditer(SPRITE.read_text(encoding="utf-8"))}
    icons = toggle_icons()
    assert len(icons) == 2
    for icon in icons:
        original = (ICONS / f"{icon}.svg").read_text(encoding="utf-8")
        inner = re.search(r"<svg[^>]*>(.*)</svg>", original, re.S)
        assert inner is not None and symbols[icon.replace("/", "-")] == inner.group(1), icon


def test_no_page_carries_the_toggle_icons_or_the_twitter_copies(built_site: Path) -> None:
    paths = [
        re.search(r'<path d="([^"]{40})', (ICONS / f"{icon}.svg").read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]
        for icon in toggle_icons()
    ]
    pages = [p for p in sorted(built_site.rglob("*.html")) if p.name != "sematkan.html"]
    assert len(pages) > 100
    for page in pages:
        source = page.read_text(encoding="utf-8")
        assert not any(path in source for path in paths), page.relative_to(built_site)
        assert not re.search(r'name="twitter:(?:title|description|image)"', source), page
        if 'data-md-component="palette"' not in source:
            continue
        uses = _USE.findall(source)
        assert len(uses) == 2, page.relative_to(built_site)
        for href, _ in uses:
            if href.startswith("/"):  # the error page names the site's root path, as it does its stylesheets
                root = href.removesuffix("assets/ikon-palet.svg")
                assert f'href="{root}assets/stylesheets/' in source, page.relative_to(built_site)
                continue
            assert (page.parent / href).resolve() == (built_site / "assets" / "ikon-palet.svg").resolve()


def test_the_toggle_shows_its_icon_in_both_schemes(new_page: Any, site_url: str) -> None:
    for scheme in ("light", "dark"):
        page = new_page(viewport={"width": 800, "height": 400}, color_scheme=scheme)
        page.goto(site_url + "kinerja/indikator/ik24-s22/", wait_until="networkidle")
        label = page.locator("label.md-header__button[for^=__palette]:visible")
        assert label.count() == 1
        # The referenced symbol is drawn: its shape has the icon's size (about 18 × 18 of the 24 box).
        box = label.locator("use").evaluate("(u) => { const b = u.getBBox(); return [b.width, b.height]; }")
        assert box[0] > 10 and box[1] > 10, (scheme, box)
