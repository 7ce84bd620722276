"""Word documents (.docx) turned into the text-export form that source_text reads.

Paragraphs become lines, table rows become tab-joined cells, and a vertically
merged continuation cell becomes an empty cell, exactly as the export prints
it, so both forms follow one set of layout rules. Italic or bold runs are
plain text, as `<i>` is in the export. Each line remembers where it was in
the Word file ("tabel 2, baris 5"), so a problem can be located there.

Not every Word table is a table of the plan: offices often place the
signature block (place and date on the right, title, name, NIP) or the
letterhead in a borderless layout table. A table is read as a plan table when
one of its rows is the plan's header, or when it continues the plan's table
(same number of columns, no signing line in it); any other table is a layout
table, and each paragraph of its cells becomes a line of its own, as if it
were written outside a table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .source_text import is_signing_line, is_table_header


def _text(element: object) -> str:
    """The words of a paragraph or cell: runs joined, a line or page break read as a space.

    Formatting (italic, bold) is dropped, as `<i>` is in the export; spaces are collapsed
    so that a break inside a cell cannot split the tab-joined line of its row.
    """
    parts = []
    for node in element.iter():  # type: ignore[attr-defined]
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "t":
            parts.append(node.text or "")
        elif tag in ("br", "cr", "tab") or tag == "p" and parts:
            parts.append(" ")
    return " ".join("".join(parts).split())


def _tag(element: Any) -> str:
    return str(element.tag).rsplit("}", 1)[-1]


def _cell_paragraphs(cell: Any) -> list[str]:
    """The text of each paragraph of a cell (a table nested in it counts as one paragraph per row)."""
    return [_text(child) for child in cell._tc.iterchildren() if _tag(child) in ("p", "tbl")]


def _is_layout(rows: list[list[Any]], plan_width: int | None) -> bool:
    """Whether a Word table only places text (a signature block, a letterhead) and holds no plan rows."""
    if any(is_table_header([_text(cell._tc) for cell in cells]) for cells in rows):
        return False
    signed = any(is_signing_line(text) for cells in rows for cell in cells for text in _cell_paragraphs(cell))
    return plan_width is None or signed or any(len(cells) != plan_width for cells in rows)


def _layout_lines(rows: list[list[Any]], table: int) -> list[tuple[str, str]]:
    """Each paragraph of each cell of a layout table, row by row and left to right, as its own line."""
    lines = []
    for number, cells in enumerate(rows, start=1):
        seen: set[int] = set()
        for index, cell in enumerate(cells, start=1):
            if id(cell._tc) in seen:  # a cell spanning several grid columns is listed once per column
                continue
            seen.add(id(cell._tc))
            for text in _cell_paragraphs(cell):
                lines.append((text, f"tabel {table} (tata letak), baris {number}, sel {index}"))
    return lines


def docx_lines(path: Path) -> list[tuple[str, str]]:
    """(line of the text form, where it is in the Word document) for every paragraph and table row."""
    import docx  # python-docx, imported here so the rest of the build does not need it

    document = docx.Document(str(path))
    lines: list[tuple[str, str]] = []
    paragraphs = tables = 0
    plan_width: int | None = None
    for child in document.element.body.iterchildren():
        tag = _tag(child)
        if tag == "p":
            paragraphs += 1
            lines.append((_text(child), f"paragraf {paragraphs}"))
            if is_signing_line(lines[-1][0]):
                plan_width = None
        elif tag == "tbl":
            tables += 1
            table = docx.table.Table(child, document)
            rows = [row.cells for row in table.rows]
            if _is_layout(rows, plan_width):
                lines += _layout_lines(rows, tables)
                lines.append(("", f"setelah tabel {tables}"))
                plan_width = None
                continue
            plan_width = max((len(cells) for cells in rows), default=0)
            previous: list[object] = []
            for number, cells in enumerate(rows, start=1):
                texts = []
                for index, cell in enumerate(cells):
                    merged = index < len(previous) and previous[index] is cell._tc
                    texts.append("" if merged else _text(cell._tc))
                previous = [cell._tc for cell in cells]
                lines.append(("\t".join(texts), f"tabel {tables}, baris {number}"))
            lines.append(("", f"setelah tabel {tables}"))
    return lines


def docx_to_text(path: Path) -> str:
    """The text-export form of a Word document: the input source_text understands."""
    return "\n".join(text for text, _ in docx_lines(path)) + "\n"
