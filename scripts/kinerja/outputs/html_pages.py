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

PageStep = Callable[[str], str]


def rewrite_pages(site: Path, *steps: PageStep, skip: Collection[str] = ()) -> int:
    """Apply `steps`, in order, to every HTML page under site/; returns how many pages changed.

    `skip` are site-relative paths of pages already finished (Site.kept), left as they are.
    """
    changed = 0
    for path in sorted(site.rglob("*.html")):
        if skip and path.relative_to(site).as_posix() in skip:
            continue
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
