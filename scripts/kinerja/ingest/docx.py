"""Word documents (.docx) turned into the text-export form that source_text reads.

Paragraphs become lines, table rows become tab-joined cells, and a vertically
merged continuation cell becomes an empty cell, exactly as the export prints
it, so both forms follow one set of layout rules.
"""

from __future__ import annotations

from pathlib import Path


def docx_to_text(path: Path) -> str:
    """The text-export form of a Word document: the input source_text understands."""
    import docx  # python-docx, imported here so the rest of the build does not need it

    document = docx.Document(str(path))
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            previous: list[object] = []
            for row in table.rows:
                cells = row.cells
                texts = []
                for index, cell in enumerate(cells):
                    merged = index < len(previous) and previous[index] is cell._tc
                    texts.append("" if merged else " ".join(p.text.strip() for p in cell.paragraphs).strip())
                previous = [cell._tc for cell in cells]
                lines.append("\t".join(texts))
            lines.append("")
    return "\n".join(lines) + "\n"
