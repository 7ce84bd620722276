"""The blocks of a hand-written Markdown page whose claims validation checks (see claims.py).

Paragraphs, list items, table rows (with their "Sumber" cell) and macro lines; fenced code, forms
and lines of markup only are interface, not claims, and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Our own reading, marked on the page.
TAFSIRAN = re.compile(r"\*tafsiran\*|\btafsiran kami\b|\(tafsiran\)", re.IGNORECASE)
#: A line that includes a generated Markdown fragment (pymdownx.snippets); never shown.
SNIPPET = "--8<--"
#: Markup and control labels, removed to see whether an HTML line says anything.
INTERFACE = re.compile(r"<(button|label)\b.*?</\1>|<[^>]+>")


@dataclass
class Block:
    """One block of a page: its kind (paragraph, item, row, macro), first line and text."""

    kind: str
    line: int
    text: str
    source_cell: str | None = None  # the "Sumber" column of a table row


def blocks(text: str) -> list[Block]:
    """The paragraphs, list items, table rows and macro lines of a Markdown page."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0] == "---":
        start = lines.index("---", 1) + 1
    found: list[Block] = []
    current: Block | None = None
    fenced = False
    in_form = False
    table_header: list[str] | None = None
    previous_was_table = False

    def close() -> None:
        nonlocal current
        if current is not None:
            found.append(current)
        current = None

    for number, raw in enumerate(lines[start:], start=start + 1):
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith("```"):
            close()
            fenced = not fenced
            continue
        if fenced:
            continue
        if re.match(r"<form\b", stripped) or in_form:
            close()  # a form is the interface: its labels and hints tell how to use it, not facts
            in_form = not stripped.endswith("</form>")
            continue
        if stripped.startswith("<") and not INTERFACE.sub("", stripped).strip():
            close()  # a line of markup only: a script, an empty list or status line, a button
            continue
        if stripped.startswith("|"):
            close()
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if not previous_was_table:
                table_header = cells
            elif not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                assert table_header is not None
                column = next((i for i, h in enumerate(table_header) if h.lower() == "sumber"), None)
                cell = cells[column] if column is not None and column < len(cells) else None
                found.append(Block("row", number, stripped, cell))
            previous_was_table = True
            continue
        previous_was_table = False
        if not stripped:
            close()
            continue
        if stripped.startswith(("#", SNIPPET)) or re.match(r"</?div\b", stripped):
            close()
            continue
        if re.fullmatch(r"\{\{.*\}\}", stripped):
            close()
            found.append(Block("macro", number, stripped))
            continue
        if re.match(r"(?:[-*+]|\d+\.)\s+", line):
            close()
            current = Block("item", number, stripped)
            continue
        if current is not None and (current.kind == "paragraph" or line.startswith((" ", "\t"))):
            current.text += " " + stripped
            continue
        close()
        current = Block("paragraph", number, stripped)
    close()
    return found
