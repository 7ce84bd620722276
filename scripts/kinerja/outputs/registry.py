"""Every output of the build, each listed once, in the order the build runs it.

pipeline.generate calls `write_downloads` and `write_pages`, pipeline.build
calls `finish_site`; nothing else calls an output. Adding an output is one
module and one line in the list it belongs to (docs/arsitektur.md, "Ke mana
perubahan yang umum"):

- DOWNLOADS: modules with `write(job: Job) -> None` that write files under
  content/berkas/ through `job.out.put(path, data, title, format)`. Their files
  are listed in SHA256SUMS, berkas/manifest.json, the API index, and (for a
  format that formats.py marks `catalogued`) in the DCAT catalogue and the
  schema.org Dataset.
- API: modules with `write(job: Job) -> None` that write under content/api/v1/
  after the downloads (they may read `job.downloads`); listed in
  api/v1/manifest.json.
- PAGES: modules with `write(job: Job) -> None` that write Markdown pages
  through `job.page(path, text)` (paths.py names the path).
- SITE: modules with `finish(site: Site) -> None`, run on the built site after
  the site engine (MkDocs, ProperDocs or Zensical), in order.
- REWRITES: functions from one built page's HTML to its new HTML, run in one
  pass by html_pages (a step of SITE).

The order of each list is the order of the files in the manifests: a new line
goes at the end of its list, so the files already published keep their place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any, Protocol

from .. import model, paths
from . import (
    api,
    compact_html,
    embed,
    feed,
    first_paint,
    harden,
    header_search,
    html_pages,
    openapi,
    publish,
    search,
    shards,
    share_image,
    sheet_writer,
    sitemap,
)
from . import stacked_tables as stacked
from .downloads import checksums, dataset, sqlite
from .downloads.files import DownloadFile, json_bytes
from .job import Job, Site
from .pages import home, lists, offices, row_pages
from .writer import ContentWriter


class Writer(Protocol):
    """An output writing under content/: a module with `write(job)`."""

    def write(self, job: Job) -> None:
        """Write this output's files (job.out.put) or pages (job.page)."""


class Finisher(Protocol):
    """A step over the built site: a module with `finish(site)`."""

    def finish(self, site: Site) -> None:
        """Read or change the built site in site.folder."""


#: Downloads under berkas/: the package in every format, the change feeds, the realisation sheets.
DOWNLOADS: tuple[Writer, ...] = (
    dataset,
    feed,
    sheet_writer,
    sqlite,
)
#: Files of the API under api/v1/, written after the downloads and their checksums.
API: tuple[Writer, ...] = (api, openapi)
#: Markdown pages under content/kinerja/.
PAGES: tuple[Writer, ...] = (
    row_pages,
    offices,
    lists,
    home,
    share_image,
    embed,
)
#: Steps over the built site, in order: search index, package files and checks, one pass of REWRITES,
#: faster first paint, the security policy (last to change HTML: it hashes the final inline scripts),
#: the sitemap of every page, then shards.json (last of all: it counts every file of the finished site).
SITE: tuple[Finisher, ...] = (
    search,
    publish,
    html_pages,
    first_paint,
    harden,
    sitemap,
    shards,
)
#: Rewrites of one page's HTML, in order: stacked tables on phones, the header's search button,
#: whitespace between tags folded (last: it folds what the others wrote too).
REWRITES: tuple[Callable[[str], str], ...] = (
    stacked.stack_tables,
    header_search.add_button,
    compact_html.fold_space,
)


def write_downloads(
    package: model.Package,
    content: Path,
    changed: int,
    writer: ContentWriter | None = None,
    office_changed: Mapping[str, int] | None = None,
) -> list[DownloadFile]:
    """Write every download and API file under content/; return them in a stable order.

    The downloads come first, then their checksums (SHA256SUMS, berkas/manifest.json), then the
    API, then api/v1/manifest.json listing all of them. The list returned (all but that last
    manifest) also holds datapackage.json and data/* at their site paths: publish.finish_site()
    copies those after the site engine and checks them like the rest. `writer` writes the files
    (writer.py: one per generation, so that what it did not write can be removed). `office_changed`
    is when each office's data last changed (Job.changed_for), for the files of one office.
    """
    job = Job.start(package, content, changed, writer, office_changed)
    for output in DOWNLOADS:
        output.write(job)
    checksums.write(job)
    for output in API:
        output.write(job)
    job.out.put(paths.API_MANIFEST, json_bytes([asdict(f) for f in job.out.files]),
                "Daftar semua berkas yang diterbitkan (JSON)", "JSON")  # fmt: skip
    return job.out.files[:-1]


def write_pages(
    package: model.Package,
    content: Path,
    changed: int,
    writer: ContentWriter | None = None,
    office_changed: Mapping[str, int] | None = None,
) -> list[Path]:
    """Write every generated page under content/kinerja/; return the files written.

    `changed` is when the data last changed, `office_changed` when each office's did (the date shown
    on its row pages and in their citations); `writer` as for write_downloads.
    """
    job = Job.start(package, content, changed, writer, office_changed)
    for output in PAGES:
        output.write(job)
    return job.pages


def finish_site(
    package: model.Package,
    folder: Path,
    epoch: int,
    kept: frozenset[str] = frozenset(),
    found: dict[str, Any] | None = None,
    dates: tuple[int, Mapping[str, int]] | None = None,
) -> None:
    """Run every step of SITE, in order, on the site the engine built into `folder`.

    `kept` are the pages already finished (taken from the build cache, outputs/tembolok.py): the steps
    that rewrite pages leave them alone. `found` is what the search step read of pages before
    (site-relative path → search page); it adds what it reads now. `dates` are when the package's and
    each office's data last changed (pipeline.data_dates; the sitemap's dates).
    """
    changed, offices = dates or (0, {})
    site = Site(package, folder, epoch, REWRITES, kept, {} if found is None else found, changed, offices)
    for step in SITE:
        step.finish(site)
