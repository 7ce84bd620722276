"""The interface speaks Indonesian: no English label of the theme is left for screen readers or eyes."""

from __future__ import annotations

import re
from pathlib import Path

#: Labels the theme's own Indonesian list leaves in English, and its English credit line.
ENGLISH = ('aria-label="Header"', 'aria-label="Footer"', 'aria-label="Tab"', "Made with")
LABEL = re.compile(r'aria-label="([^"]*)"')


def test_no_english_label_or_credit_on_any_page(built_site: Path) -> None:
    """Every built page is free of the theme's English labels and credit line."""
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    found = {
        str(page.relative_to(built_site)): word
        for page in pages
        for word in ENGLISH
        if word in page.read_text(encoding="utf-8")
    }
    assert found == {}


def test_header_and_footer_are_named_in_indonesian(built_site: Path) -> None:
    """The landmarks a screen reader announces carry Indonesian names."""
    labels = set(LABEL.findall((built_site / "index.html").read_text(encoding="utf-8")))
    assert {"Kepala halaman", "Kaki halaman"} <= labels
