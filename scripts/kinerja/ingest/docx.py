"""Word documents (.docx) turned into the text-export form that source_text reads.

Paragraphs become lines, table rows become tab-joined cells, and a vertically
merged continuation cell becomes an empty cell, exactly as the export prints
it, so both forms follow one set of layout rules. Italic or bold runs are
plain text, as `<i>` is in the export. Each line remembers where it was in
the Word file ("tabel 2, baris 5"), so a problem can be located there.
"""

from __future__ import annotations

from pathlib import Path


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


def docx_lines(path: Path) -> list[tuple[str, str]]:
    """(line of the text form, where it is in the Word document) for every paragraph and table row."""
    import docx  # python-docx, imported here so the rest of the build does not need it

    document = docx.Document(str(path))
    lines: list[tuple[str, str]] = []
    paragraphs = tables = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs += 1
            lines.append((_text(child), f"paragraf {paragraphs}"))
        elif tag == "tbl":
            tables += 1
            table = docx.table.Table(child, document)
            previous: list[object] = []
            for number, row in enumerate(table.rows, start=1):
                cells = row.cells
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
