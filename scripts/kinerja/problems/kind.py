"""One kind of problem: the published code, a short title, and the message with named gaps.

Frictionless keeps its errors this way (a class with a code, a name and a
message template); here a `Kind` is a value, and the catalogue in
kinerja/problems/ holds every kind the program reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem


@dataclass(frozen=True)
class Kind:
    """A kind of problem: `code` is published and never changes; `what` and `fix` have {named} gaps.

    Several kinds may share one code when the same problem is told in two places with
    different advice (a BOM in datapackage.json and in a CSV file): the code is what a
    person looks up, the wording what they read.
    """

    code: str
    title: str
    what: str
    fix: str

    def text(self, **values: object) -> tuple[str, str]:
        """What is wrong and how to fix it, the gaps filled with `values`."""
        return self.what.format(**values), self.fix.format(**values)

    def at(self, file: str, row: int | None = None, field: str | None = None, /, **values: object) -> Problem:
        """The problem of this kind in `file` (at `row` and column `field`, when known)."""
        what, fix = self.text(**values)
        return Problem(self.code, file, what, fix, row, field)
