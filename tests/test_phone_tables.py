"""Tables a phone can read: every table with a header row stacks into labelled cells on narrow screens."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from _browser import PAGE_KINDS
from kinerja.browser import DESKTOP, PHONE
from kinerja.outputs.stacked_tables import MARK, stack_tables

HEADER_CELL = re.compile(r"<th[\s>]")
TABLE = """<table>
<thead>
<tr>
<th>Kode</th>
<th>Indikator <em>kinerja</em></th>
<th>Program/Kegiatan</th>
</tr>
</thead>
<tbody>
<tr>
<td><a href="a/">IK24-K01</a></td>
<td>Persentase &amp; jumlah</td>
<td></td>
</tr>
<tr>
<td><strong>Halaman tabel 2</strong></td>
<td></td>
<td></td>
</tr>
</tbody>
</table>"""


def test_body_cells_carry_their_column_name() -> None:
    """Each filled body row labels its cells with the header text, tags dropped, a break after '/'."""
    out = stack_tables(TABLE)
    assert f'<table role="table" {MARK}>' in out
    assert '<td role="cell" data-label="Kode"><a href="a/">IK24-K01</a></td>' in out
    assert '<td role="cell" data-label="Indikator kinerja">Persentase &amp; jumlah</td>' in out
    assert 'data-label="Program/\u200bKegiatan"' in out
    assert '<th role="columnheader">Kode</th>' in out
    assert out.count('role="rowgroup"') == 2 and out.count('role="row"') == 3


def test_a_section_row_gets_no_labels() -> None:
    """A row with one filled cell ("Halaman tabel 2") names what follows, not a column."""
    out = stack_tables(TABLE)
    assert '<td role="cell"><strong>Halaman tabel 2</strong></td>' in out


def test_labels_are_escaped() -> None:
    """A header with quotes or markup-like text cannot break out of the attribute."""
    table = TABLE.replace("<th>Kode</th>", '<th>Kode "x" &lt;b&gt;</th>')
    out = stack_tables(table)
    assert 'data-label="Kode &quot;x&quot; &lt;b&gt;"' in out


def test_narrow_tables_and_tables_without_header_stay_as_they_were() -> None:
    """Two columns fit a phone once text wraps; a table without a header row has no labels to give."""
    two = (
        "<table><thead><tr><th>A</th><th>B</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    )
    plain = "<table><tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>"
    assert stack_tables(two) == two
    assert stack_tables(plain) == plain


def test_stacking_twice_changes_nothing() -> None:
    """The step can run again on its own output (a rebuilt page keeps one set of labels)."""
    once = stack_tables(TABLE)
    assert stack_tables(once) == once


def test_every_wide_table_of_the_built_site_is_stackable(built_site: Path) -> None:
    """In the built site every table with three or more header cells carries the mark."""
    unmarked = []
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for table in html.split("<table")[1:]:
            head = table.split("</thead>")[0] if "</thead>" in table else ""
            if len(HEADER_CELL.findall(head)) >= 3 and MARK not in table.split(">")[0]:
                unmarked.append(str(page.relative_to(built_site)))
    assert unmarked == []


WIDTHS = """() => {
  const screen = document.documentElement.clientWidth;
  const tables = [...document.querySelectorAll('article table')];
  return {
    screen,
    page: document.documentElement.scrollWidth,
    wide: tables.map((t) => Math.ceil(t.getBoundingClientRect().right))
                .filter((right) => right > screen + 1),
    hidden: tables.flatMap((t) => [...t.querySelectorAll('tbody td')])
                  .filter((td) => td.textContent.trim() && td.getBoundingClientRect().width < 1).length,
  };
}"""


@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_no_table_is_wider_than_a_phone(reused_page: Any, site_url: str, kind: str) -> None:
    """On a 360 px phone no table reaches past the screen and no filled cell is hidden."""
    page = reused_page(**PHONE)
    page.goto(site_url + PAGE_KINDS[kind])
    found = page.evaluate(WIDTHS)
    assert found["wide"] == [], f"{kind}: tabel lebih lebar dari layar {found['screen']} px: {found['wide']}"
    assert found["page"] <= found["screen"], f"{kind}: halaman melebar ke samping ({found['page']} px)"
    assert found["hidden"] == 0, f"{kind}: {found['hidden']} sel berisi tersembunyi"


def test_desktop_keeps_the_plain_table(new_page: Any, site_url: str) -> None:
    """On a desktop the list of indicators is a table with a visible header row."""
    page = new_page(**DESKTOP)
    page.goto(site_url + "kinerja/indikator/")
    assert page.locator("article table thead").first.is_visible()
    display = page.evaluate("getComputedStyle(document.querySelector('article table tbody tr')).display")
    assert display == "table-row"
