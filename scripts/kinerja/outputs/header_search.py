"""A search button in every page's header, leading to the site's search page.

The engines' own search (and with it the theme's header search box) is off:
the site has a search page of its own (content/cari.md). This step reads the
built HTML, so it works the same after MkDocs and after Zensical, and adds a
link with a magnifier icon at the end of the header bar. The link is found from
the page's own home link (the logo), so it is right at every depth, on the
error page too. A page whose header does not have that shape is left alone.
"""

from __future__ import annotations

import html
import re

from .. import paths

#: The magnifier of Material Design Icons (Apache 2.0), as the theme ships it.
ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">'
    '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79'
    "l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 "
    '9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>'
)
MARK = "data-tombol-cari"
_HEADER = re.compile(r'(<nav class="md-header__inner\b.*?)(\s*</nav>)', re.S)
_HOME = re.compile(r'<a href="(?P<href>[^"]*)"[^>]*class="md-header__button md-logo"')


def search_href(home: str) -> str:
    """The search page's address from a page whose home link is `home` ("." , "../..", "/x/")."""
    root = html.unescape(home)
    root = "" if root in (".", "./") else root.rstrip("/") + "/"
    return root + paths.SEARCH_PAGE + "#cari-kueri"


def add_button(page: str) -> str:
    """The page with a search button at the end of its header bar (unchanged when it has one)."""
    header = _HEADER.search(page)
    home = _HOME.search(page)
    if header is None or home is None or MARK in header.group(1):
        return page
    href = html.escape(search_href(home.group("href")), quote=True)
    button = (
        f'\n    <a href="{href}" class="md-header__button md-icon" title="Cari" '
        f'aria-label="Cari di situs ini" {MARK}>{ICON}</a>'
    )
    return page[: header.end(1)] + button + page[header.end(1) :]
