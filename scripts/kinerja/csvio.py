"""Read and write the package's CSV files in one fixed dialect.

UTF-8 without BOM, LF line ends, a header row, fields quoted only when needed.
Keeping one dialect makes the files diff cleanly in git and reproducible.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path


def to_text(fieldnames: Sequence[str], rows: Iterable[dict[str, str]]) -> str:
    """CSV text with a header row, in the package dialect."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fieldnames), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: row.get(name, "") for name in fieldnames})
    return buffer.getvalue()


def write(path: Path, fieldnames: Sequence[str], rows: Iterable[dict[str, str]]) -> None:
    """Write rows to a CSV file in the package dialect."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_text(fieldnames, rows), encoding="utf-8", newline="")


def read(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file in the package dialect (strict UTF-8)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
