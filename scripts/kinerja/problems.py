"""A problem found in the package, told in plain Indonesian.

Each problem names the file, the row (as a spreadsheet shows it: the header
is row 1), the column, what is wrong and how to fix it. The same text is
printed by `make validate` and checked by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located precisely enough to fix it."""

    code: str
    file: str
    what: str
    fix: str
    row: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"baris {self.row}")
        if self.field:
            where.append(f"kolom '{self.field}'")
        return f"{', '.join(where)}: {self.what} Cara memperbaiki: {self.fix} [{self.code}]"


class ValidationFailed(Exception):
    """Raised with the list of problems when the package is not valid."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} masalah ditemukan")
        self.problems = problems
