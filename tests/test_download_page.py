"""The download page puts the complete indicator table first: CSV, XLSX, JSON before everything else."""

from __future__ import annotations

import json
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


def test_the_sqlite_database_is_linked_with_its_metadata_and_checksum(built_site: Path) -> None:
    """The SQLite file and its Datasette metadata are offered, each with its SHA-256 in the detail."""
    page = (built_site / "unduh" / "index.html").read_text(encoding="utf-8")
    manifest = json.loads((built_site / "berkas" / "manifest.json").read_text(encoding="utf-8"))
    listed = {e["path"]: e for e in manifest}
    for suffix in (".sqlite", ".datasette.yml"):
        (path,) = [p for p in listed if p.endswith(suffix)]
        assert f'href="../{path}"' in page or f'href="{path}"' in page, path
        assert f"{listed[path]['sha256']}  {path}" in page
        assert (built_site / path).is_file()
    text = re.sub(r"<[^>]+>", "", page[page.index("<article") :])
    assert "Basis data SQLite" in text and "datasette rkt-2024-kpu-kaltim.sqlite --metadata" in text
