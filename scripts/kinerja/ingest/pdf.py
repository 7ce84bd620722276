"""PDF documents with a text layer turned into the text-export form that source_text reads.

A PDF exported from Word or LibreOffice keeps its ruled tables as drawn lines
and its words as positioned characters. Each page is read top to bottom: a
ruled table (found by pdfplumber from its lines) becomes one tab-joined line
per row, a cell covered by a merged cell above it becomes an empty cell, and
the text outside tables becomes lines. Wrapped cell text is joined as it was
typed: the exporters keep the space at a wrap, so a line that ends in a space
is joined with one, and a word broken after its hyphen ("perundang-" /
"undangan") is joined without. The table header printed again on each page
and a row continued on the next page are left to source_text, as in the text
export, so all three forms follow one set of layout rules. Each line
remembers where it is ("halaman 3, tabel 1, baris 4").

A PDF without any text (a scan) raises NoTextLayer; a damaged or locked one
raises the library's own error, which reading.py turns into a Problem.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

#: Characters this far apart (in font sizes) on one line are separate words; this far, separate blocks.
_WORD_GAP = 0.2
_BLOCK_GAP = 3.0


class NoTextLayer(ValueError):
    """The PDF has pages but no character on any of them: an image, most likely a scan."""


class TooManyPages(ValueError):
    """The PDF's page tree counts more pages than `limit`."""

    def __init__(self, pages: int) -> None:
        super().__init__(pages)
        self.pages = pages


def _lines(chars: Iterable[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Characters grouped into printed lines, top to bottom, each sorted left to right."""
    lines: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if lines and abs(char["top"] - lines[-1][0]["top"]) <= char["size"] * 0.5:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def _spell(line: list[dict[str, Any]]) -> list[str]:
    """The text of one printed line, split where a wide gap separates blocks (e.g. two signatures)."""
    blocks = [""]
    previous: dict[str, Any] | None = None
    for char in line:
        if previous is not None:
            gap = char["x0"] - previous["x1"]
            if gap > _BLOCK_GAP * char["size"] and blocks[-1].strip():
                blocks.append("")
            elif gap > _WORD_GAP * char["size"] and not blocks[-1].endswith(" ") and char["text"] != " ":
                blocks[-1] += " "
        blocks[-1] += char["text"]
        previous = char
    return blocks


def _joined(lines: list[str]) -> str:
    """Lines wrapped in one cell or paragraph, joined as typed; spaces collapsed as in docx._text."""
    text = ""
    for line in lines:
        hyphen = text.endswith("-") and not text.endswith(" -")  # "perundang-" + "undangan"
        if not text or text.endswith(" ") or line.startswith(" ") or hyphen:
            text += line
        else:
            text += " " + line
    return " ".join(text.split())


Point = tuple[float, float, dict[str, Any]]
Box = tuple[float, float, float, float]


def _points(chars: Iterable[dict[str, Any]]) -> list[Point]:
    """Each character with its middle (x, y), computed once per page."""
    return [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c) for c in chars]


def _within(points: list[Point], box: Box) -> list[Point]:
    x0, top, x1, bottom = box
    return [p for p in points if x0 <= p[0] <= x1 and top <= p[1] <= bottom]


def _cell_text(points: list[Point], box: Box | None) -> str:
    if box is None:  # covered by a cell merged from above: empty, as in the export
        return ""
    return _joined(["".join(_spell(line)) for line in _lines(p[2] for p in _within(points, box))])


def _page_items(page: Any, number: int) -> list[tuple[float, str, str]]:
    """(top, line, place) for every table row and every text line of one page."""
    points = _points(c for c in page.chars if c["text"])
    tables = page.find_tables()
    items: list[tuple[float, str, str]] = []
    inside: set[int] = set()
    for index, table in enumerate(tables, start=1):
        in_table = _within(points, table.bbox)
        inside.update(id(p[2]) for p in in_table)
        for row_number, row in enumerate(table.rows, start=1):
            cells = [_cell_text(in_table, box) for box in row.cells]
            place = f"halaman {number}, tabel {index}, baris {row_number}"
            items.append((row.bbox[1], "\t".join(cells), place))
    outside = [p[2] for p in points if id(p[2]) not in inside]
    paragraph: list[str] = []
    top = bottom = 0.0
    count = 0
    for line in _lines(outside):
        blocks = _spell(line)
        size = max(c["size"] for c in line)
        if paragraph and (len(blocks) > 1 or line[0]["top"] - bottom > size * 0.8):
            count += 1
            items.append((top, _joined(paragraph), f"halaman {number}, baris teks {count}"))
            paragraph = []
        for block in blocks[:-1]:
            count += 1
            items.append((line[0]["top"], _joined([block]), f"halaman {number}, baris teks {count}"))
        if not paragraph:
            top = line[0]["top"]
        paragraph.append(blocks[-1])
        bottom = max(c["bottom"] for c in line)
        if not blocks[-1].endswith(" "):  # a line ending in its space wraps on; otherwise it ends here
            count += 1
            items.append((top, _joined(paragraph), f"halaman {number}, baris teks {count}"))
            paragraph = []
    if paragraph:
        count += 1
        items.append((top, _joined(paragraph), f"halaman {number}, baris teks {count}"))
    return sorted(items, key=lambda item: item[0])


def pdf_lines(data: bytes, max_pages: int) -> list[tuple[str, str]]:
    """(line of the text form, where it is in the PDF) for every text line and table row, page by page.

    Raises TooManyPages before any page is laid out when the page tree counts more than
    `max_pages`, and NoTextLayer when no page has any character.
    """
    import pdfplumber  # imported here so the rest of the build does not need it
    from pdfminer.pdftypes import resolve1

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        count = resolve1(resolve1(pdf.doc.catalog.get("Pages")) or {}).get("Count", 0)
        if not isinstance(count, int) or count > max_pages:
            raise TooManyPages(count if isinstance(count, int) else max_pages + 1)
        lines: list[tuple[str, str]] = []
        seen_text = False
        for number, page in enumerate(pdf.pages, start=1):
            if any(c["text"].strip() for c in page.chars):  # a page of images only has nothing to lay out
                seen_text = True
                lines += [(text, place) for _, text, place in _page_items(page, number)]
            lines.append(("", f"akhir halaman {number}"))
            page.close()
    if not seen_text:
        raise NoTextLayer("tanpa teks")
    return lines
