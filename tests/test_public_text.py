"""What a reader sees on any built page names no developer file (code, tests, developer notes)."""

from __future__ import annotations

import re
from pathlib import Path

from kinerja.validate.claims import DEV_PATH

HIDDEN = re.compile(r"<(script|style)\b.*?</\1>", re.S)
TAG = re.compile(r"<[^>]+>")


def visible_text(html: str) -> str:
    """The text of a page as a reader gets it: scripts, styles and tags dropped."""
    return TAG.sub(" ", HIDDEN.sub(" ", html))


def test_visible_text_drops_markup() -> None:
    """The scan reads text, not attributes: an asset path in a tag is not a mention."""
    html = '<script src="assets/javascripts/bundle.js"></script><p>Lihat <a href="x">tests/test_x.py</a></p>'
    assert DEV_PATH.findall(visible_text(html)) == ["tests/test_x.py"]


def test_no_built_page_names_developer_files(built_site: Path) -> None:
    """Every page of the built site, generated or hand-written, is free of developer paths."""
    found = {}
    for page in sorted(built_site.rglob("*.html")):
        named = DEV_PATH.findall(visible_text(page.read_text(encoding="utf-8")))
        if named:
            found[str(page.relative_to(built_site))] = sorted(set(named))
    assert found == {}
