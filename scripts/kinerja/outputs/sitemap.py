"""sitemap.xml of the finished site: every page, dated by when the data it shows last changed.

Written after the site engine (registry.SITE) from the pages in the site folder, so it lists the pages
taken from the build cache as well, and depends only on the pages and the data's dates. The engine's
own sitemap listed only the pages it built, each dated with the build's timestamp (SOURCE_DATE_EPOCH,
by default the last commit): it made every build differ from the last, and said nothing true about a
page. A page of one office (outputs/shards.owner) is dated when that office's data last changed, any
other page when the package's did.

A sitemap holds at most MAX_URLS addresses (sitemaps.org protocol); a site with more pages (a national
build) gets sitemap.xml as a sitemap index naming parts sitemap-1.xml, sitemap-2.xml, … in the same
folder, so robots.txt keeps naming sitemap.xml.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from xml.sax.saxutils import escape

from .. import paths
from ..clock import epoch_date
from .job import Site
from .shards import owner

#: sitemaps.org: one sitemap lists at most 50,000 URLs.
MAX_URLS = 50_000
SITEMAP = "sitemap.xml"
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def pages(site: Path) -> list[str]:
    """Every page of the site as its site-relative folder ('' for the home page, 'cari/' …), sorted."""
    found = []
    for folder, _, names in os.walk(site):
        if "index.html" in names:
            relative = Path(folder).relative_to(site).as_posix()
            found.append("" if relative == "." else relative + "/")
    return sorted(found)


def _xml(root: str, item: str, entries: list[tuple[str, str]]) -> str:
    """A <urlset> of <url> or a <sitemapindex> of <sitemap>, laid out as MkDocs wrote its sitemap."""
    lines = [_HEAD, f'<{root} xmlns="{_NAMESPACE}">\n']
    for url, day in entries:
        lines.append(f"    <{item}>\n         <loc>{escape(url)}</loc>\n")
        lines.append(f"         <lastmod>{day}</lastmod>\n    </{item}>\n")
    lines.append(f"</{root}>")
    return "".join(lines)


def write_sitemap(site: Site) -> list[str]:
    """Write sitemap.xml (and sitemap.xml.gz), with parts when the site has more than MAX_URLS pages;
    return the files written."""
    offices = {code.lower(): code for code in site.package.kantor}
    home = site.package.home.id if offices else ""
    entries = []
    for folder in pages(site.folder):
        found = owner(folder + "index.html", offices, home) if offices else None
        day = epoch_date(site.changed_for(found[0] if found else None)).isoformat()
        entries.append((paths.absolute(folder), day))
    parts = [entries[i : i + MAX_URLS] for i in range(0, len(entries), MAX_URLS)] or [[]]
    files = {}
    if len(parts) == 1:
        files[SITEMAP] = _xml("urlset", "url", parts[0])
    else:
        listed = []
        for number, part in enumerate(parts, start=1):
            name = f"sitemap-{number}.xml"
            files[name] = _xml("urlset", "url", part)
            listed.append((paths.absolute(name), max(day for _, day in part)))
        files[SITEMAP] = _xml("sitemapindex", "sitemap", listed)
    for name, text in files.items():
        (site.folder / name).write_text(text, encoding="utf-8")
    data = files[SITEMAP].encode("utf-8")
    (site.folder / (SITEMAP + ".gz")).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return [*files, SITEMAP + ".gz"]


def finish(site: Site) -> None:
    """The registry's step: the sitemap of the finished site (before shards.json counts the files)."""
    write_sitemap(site)
