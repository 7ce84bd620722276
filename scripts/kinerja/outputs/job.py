"""What every output is handed by the build: the package, where to write, and what came before it.

The registry (registry.py) calls each output with one `Job` (files under
content/, before the site engine) or one `Site` (the built site, after it),
so an output's signature never changes when another output is added.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import model, paths
from . import tembolok
from .downloads import lengkap as flat
from .downloads.files import DownloadFile, Output
from .writer import ContentWriter


def changed_of(changed: int, office_changed: Mapping[str, int], office: str | None) -> int:
    """When the data of an office (its id) last changed: its own date (history.office_dates), else the
    package's (`changed`) for an office no commit names yet, and for what belongs to no office."""
    return changed if office is None else office_changed.get(office, changed)


@dataclass
class Job:
    """One generation of content/: every output reads the package and writes through `out` or `page`."""

    package: model.Package
    content: Path
    changed: int
    """When the data last changed (clock.data_changed_epoch): the date of workbooks, feeds and pages."""
    out: Output
    office_changed: Mapping[str, int] = field(default_factory=dict)
    """When each office's data last changed (history.office_dates), by kantor id: the date of its pages."""
    base: str = field(default_factory=paths.site_url)
    downloads: list[DownloadFile] = field(default_factory=list)
    """The files under berkas/ (with the package's own files), once the downloads are written."""
    pages: list[Path] = field(default_factory=list)
    """The Markdown pages written so far."""

    @classmethod
    def start(
        cls,
        package: model.Package,
        content: Path,
        changed: int,
        writer: ContentWriter | None = None,
        office_changed: Mapping[str, int] | None = None,
    ) -> Job:
        """A job writing under content/ for the package through `writer` (a new one if none)."""
        return cls(package, content, changed, Output(content, writer), office_changed or {})

    def changed_for(self, office: model.Kantor | None) -> int:
        """When the data of `office` last changed: the date its pages, sheets and API files show."""
        return changed_of(self.changed, self.office_changed, office.id if office else None)

    @property
    def writer(self) -> ContentWriter:
        """Writes every file under content/, leaving alone those that already hold the same bytes."""
        return self.out.writer

    @cached_property
    def lengkap(self) -> list[dict[str, str]]:
        """The flat indicator table (one row per indicator), shared by the downloads and the API."""
        return flat.lengkap_rows(self.package, self.base)

    @cached_property
    def code(self) -> str:
        """The key of the code that makes the site (tembolok.code_key), for `memo`."""
        return tembolok.code_key(self.content.parent)

    def memo(self, name: str, facts: object, make: Callable[[], bytes]) -> bytes:
        """make(), or its bytes from an earlier build with the same code and the same `facts`.

        For an output that is a pure function of `facts` (a frozen dataclass of text and numbers):
        `facts` is all it depends on besides the code. The build cache keeps the bytes (tembolok.memo).
        """
        return tembolok.memo(self.content.parent, self.code, name, facts, make)

    def page(self, relative: str, text: str) -> None:
        """Write one Markdown page under content/ (LF line ends) and list it."""
        path = self.content / relative
        self.writer.write_text(path, text)
        self.pages.append(path)


@dataclass
class Site:
    """One finishing of the built site, after the site engine, in the staging folder."""

    package: model.Package
    folder: Path
    epoch: int
    """The build's timestamp (clock.source_date_epoch)."""
    rewrites: tuple[Callable[[str], str], ...] = ()
    """The steps from one page's HTML to its new HTML (registry.REWRITES), run in one pass."""
    kept: frozenset[str] = frozenset()
    """Pages (site-relative paths) already finished, from the build cache: no step may rewrite them."""
    found: dict[str, Any] = field(default_factory=dict)
    """What the search step read of each page's HTML (site-relative path → page), kept pages included."""
    changed: int = 0
    """When the data last changed (as Job.changed); 0 when not given (the build's timestamp is used)."""
    office_changed: Mapping[str, int] = field(default_factory=dict)
    """When each office's data last changed, by kantor id (as Job.office_changed)."""

    def changed_for(self, office: str | None) -> int:
        """When the data of the office with id `office` last changed (as Job.changed_for)."""
        return changed_of(self.changed or self.epoch, self.office_changed, office)
