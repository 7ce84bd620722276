"""The download page puts the complete indicator table first: CSV, XLSX, JSON before everything else."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kinerja.browser import DESKTOP

LENGKAP = re.compile(r'href="[^"]*berkas/indikator-lengkap\.(csv|xlsx|json)"')


def test_the_complete_table_comes_before_any_section(built_site: Path) -> None:
    """Its three formats are linked before the first section heading; checksums sit in a folded detail."""
    page = (built_site / "unduh" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") :]
    first_section = article.index("<h2")
    assert LENGKAP.findall(article[:first_section]) == ["csv", "xlsx", "json"]
    assert "<details" in article and "SHA256SUMS" in article
    head = article[article.index("<thead") : article.index("</thead>")]
    assert "SHA-256" not in head, "the checksums are not a column of the table"


def test_the_csv_is_in_the_first_desktop_screen(new_page: Any, site_url: str) -> None:
    """A journalist on a desktop sees the CSV link without scrolling."""
    page = new_page(**DESKTOP)
    page.goto(site_url + "unduh/")
    link = page.locator('article a[href$="indikator-lengkap.csv"]').first
    box = link.bounding_box()
    assert box and box["y"] + box["height"] <= DESKTOP["viewport"]["height"]
