"""One pass over the built site's HTML pages for the steps that rewrite each page on its own.

Steps after the engine's build that only read and change one page at a time
(stacked tables, the header's search button, the security policy) are pure
functions from a page's HTML to its new HTML. Running several of them in one
pass reads and writes each page once instead of once per step.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from .job import Site
from .tembolok import content_files

PageStep = Callable[[str], str]


def html_files(site: Path) -> list[str]:
    """Every .html file under site/, relative (POSIX), in the order of sorted(site.rglob("*.html")).

    From one directory walk (tembolok.content_files) without a path object per file: at national scale
    the steps over the built site list some 70,000 pages each, and pathlib's globbing cost seconds.
    """
    pages = [relative for relative in content_files(site) if relative.endswith(".html")]
    return sorted(pages, key=lambda relative: relative.split("/"))


def rewrite_pages(site: Path, *steps: PageStep, skip: Collection[str] = ()) -> int:
    """Apply `steps`, in order, to every HTML page under site/; returns how many pages changed.

    `skip` are site-relative paths of pages already finished (Site.kept), left as they are.
    """
    changed = 0
    for relative in html_files(site):
        if relative in skip:
            continue
        path = site / relative
        page = path.read_text(encoding="utf-8")
        done = page
        for step in steps:
            done = step(done)
        if done != page:
            path.write_text(done, encoding="utf-8")
            changed += 1
    return changed


def finish(site: Site) -> None:
    """Run the registry's page steps (registry.REWRITES) over every page of the built site, in one pass."""
    rewrite_pages(site.folder, *site.rewrites, skip=site.kept)
