"""What a person can get wrong, told in plain Indonesian: problems and the errors that carry them.

Every failure a person can cause or fix (bad data, a bad document, a folder
that cannot be written, a missing tool) is a `KinerjaError`. The command line
catches that one class at the edge and prints its lines; anything else is a
bug in the program and may show a traceback.

A `Problem` names the file, the row (as a spreadsheet shows it: the header is
row 1), the column, what is wrong and how to fix it. The same text is printed
by `make validate`, by `make import` and checked by the tests.
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


class KinerjaError(Exception):
    """Base of every error a person can cause; `lines()` is what the command line prints."""

    exit_code = 1

    def lines(self) -> list[str]:
        """The message, one problem per line, in Indonesian."""
        return [f"GAGAL: {self}"]


class ProblemsFound(KinerjaError):
    """Input that cannot be used, with every problem found in it (validation, import)."""

    def __init__(
        self,
        problems: list[Problem],
        summary: str = "masalah di paket data. Situs lama tidak diubah.",
        found: list[str] | None = None,
    ) -> None:
        super().__init__(f"{len(problems)} masalah ditemukan")
        self.problems = problems
        self.summary = summary
        #: What was found before the problems stopped it (a revision's changes), told first.
        self.found = found or []

    def lines(self) -> list[str]:
        """What was found, then every problem on its own line; with several, the count and what was kept."""
        lines = [*self.found, *(str(p) for p in self.problems)]
        if len(lines) > 1:
            lines.append(f"GAGAL: {len(self.problems)} {self.summary}")
        return lines


class BuildError(KinerjaError):
    """A failure of the machine around the data (tool, disk, permissions), told in one line."""

    exit_code = 2
