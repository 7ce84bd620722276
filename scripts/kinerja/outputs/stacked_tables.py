"""Tables that a phone can read: below a tablet's width every row becomes a stack of labelled cells.

A wide table on a 360 px screen scrolls sideways inside itself, and most of its
columns are never seen. This step reads the built HTML (so it works the same
after MkDocs and after Zensical, and for hand-written Markdown tables as for
generated ones) and gives every body cell of a table with a header row and
at least three columns the name of its column, `data-label`. The site's stylesheet (content/assets/
kinerja.css, "Tabel di layar sempit") shows each row as a block and each cell
under its label on narrow screens; wide screens keep the plain table.

Display rules change how browsers expose a table to screen readers, so the
stacked table keeps explicit table roles (table, rowgroup, row, columnheader,
cell): the structure is announced the same on every screen width.
"""

from __future__ import annotations

import html
import re

#: Tables with fewer columns (a name and its value) stay tables: they fit a phone once their text wraps.
MIN_COLUMNS = 3
#: The attribute that the stylesheet selects: a table whose cells carry their column's name.
MARK = "data-tumpuk"

ROLE_TABLE, ROLE_GROUP, ROLE_ROW = 'role="table"', 'role="rowgroup"', 'role="row"'
_TABLE = re.compile(r"<table(?P<attrs>[^>]*)>(?P<body>.*?)</table>", re.S)
_THEAD = re.compile(r"<thead>(?P<head>.*?)</thead>", re.S)
_CELL_TEXT = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.S)
_TH_TEXT = re.compile(r"<th\b[^>]*>(?P<text>.*?)</th>", re.S)
_ROW = re.compile(r"<tr(?P<attrs>[^>]*)>(?P<cells>.*?)</tr>", re.S)
_CELL_OPEN = re.compile(r"<(?P<tag>td|th)(?P<attrs>(?:\s[^>]*)?)>")
_GROUP_OPEN = re.compile(r"<(?P<tag>thead|tbody|tfoot)(?P<attrs>(?:\s[^>]*)?)>")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _plain(fragment: str) -> str:
    """The text a cell shows: tags dropped, entities read, spaces collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", fragment))).strip()


def _label(fragment: str) -> str:
    """A header cell as a label: its text, with a break allowed after each slash ("Program/Kegiatan")."""
    return _plain(fragment).replace("/", "/\u200b")


def _with(attrs: str, extra: str) -> str:
    """Tag attributes with `extra` added, unless the tag already names a role of its own."""
    return attrs if " role=" in attrs else f"{attrs} {extra}"


def _label_row(row: re.Match[str], labels: list[str], header: bool) -> str:
    """One row with its roles, and in the body each cell with the label of its column.

    A body row with a single filled cell (a section line such as "Halaman tabel 4")
    gets no labels: it names what follows, not a column.
    """
    column = 0
    contents = row.group("cells")
    filled = sum(1 for text in _CELL_TEXT.findall(contents) if _plain(text))
    label = not header and filled > 1

    def cell(match: re.Match[str]) -> str:
        nonlocal column
        tag, attrs = match.group("tag"), match.group("attrs")
        role = "columnheader" if header else ("rowheader" if tag == "th" else "cell")
        attrs = _with(attrs, f'role="{role}"')
        if label and column < len(labels) and labels[column] and "data-label=" not in attrs:
            attrs += f' data-label="{html.escape(labels[column], quote=True)}"'
        column += 1
        return f"<{tag}{attrs}>"

    cells = _CELL_OPEN.sub(cell, contents)
    return f"<tr{_with(row.group('attrs'), ROLE_ROW)}>{cells}</tr>"


def _stack(table: re.Match[str]) -> str:
    """A table with a header row, marked and labelled; any other table as it was."""
    attrs, body = table.group("attrs"), table.group("body")
    head = _THEAD.search(body)
    if head is None or MARK in attrs or "<table" in body:
        return table.group(0)
    labels = [_label(text) for text in _TH_TEXT.findall(head.group("head"))]
    if len(labels) < MIN_COLUMNS:
        return table.group(0)
    head_end = head.end()
    rows = _ROW.sub(lambda r: _label_row(r, labels, r.start() < head_end), body)
    rows = _GROUP_OPEN.sub(lambda g: f"<{g.group('tag')}{_with(g.group('attrs'), ROLE_GROUP)}>", rows)
    return f"<table{_with(attrs, ROLE_TABLE)} {MARK}>{rows}</table>"


def stack_tables(page: str) -> str:
    """The HTML of one page with every table that has a header row made stackable."""
    return _TABLE.sub(_stack, page) if "<table" in page else page
