"""The search files: the Indonesian lunr extension, loaded on demand and split per office.

The search page loads, on the first query only, lunr.js (2.3.9, MIT, copied
unchanged from the installed MkDocs package), `cari/indeks/cakupan.json` (the list of
scopes) and the documents of two scopes, from which it builds a lunr index in
the browser: `umum` (pages of no office: home, lists, glossary, hand-written
pages) and the visitor's office. Each document is [url, title, text, title
terms, text terms, weight, description]; the terms are `terms.hidden_terms`, searched in
fields of their own and never shown.

Today the package holds one office, so the rows' pages form one scope,
`kantor`. When the site holds many offices, `scope_of` names each office's
scope (`kantor-<kode>`) and the search page asks for one with ?kantor=<kode>:
a first query then costs one office, not the whole site (docs/benchmarks.md).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .pages import Page
from .terms import Hidden

#: The search files, next to the search page (site/cari/index.html) and apart from it.
FOLDER = "cari/indeks"
MANIFEST = "cakupan.json"
COMMON = "umum"
VERSION = 1
#: Where MkDocs keeps lunr.js (2.3.9, MIT licence) in its package.
LUNR_IN_MKDOCS = Path("contrib") / "search" / "templates" / "search" / "lunr.js"
#: The scope of the rows' pages while the package holds a single office.
OFFICE = "kantor"
_ROW_PAGE = re.compile(r"^kinerja/(?:indikator|sasaran|program|dokumen)/[^/]+/")


@dataclass
class Written:
    """What was written: pages, files and bytes on disk."""

    pages: int
    files: int
    bytes: int


def office_of(url: str) -> str:
    """The scope of a page: the office for the page of a row (indicator, sasaran, program, document)."""
    return OFFICE if _ROW_PAGE.match(url) else COMMON


def lunr_source() -> Path:
    """lunr.js as shipped inside the installed MkDocs package."""
    import mkdocs

    return Path(mkdocs.__file__).parent / LUNR_IN_MKDOCS


def _dump(path: Path, data: object) -> int:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8", newline="\n")
    return len(text.encode("utf-8"))


def write(
    site: Path,
    items: Iterable[tuple[Page, Hidden]],
    scope_of: Callable[[str], str] = office_of,
    default: str = OFFICE,
) -> Written:
    """Write site/cari/indeks/ anew: lunr.js, the list of scopes, one file of documents per scope.

    The folder's other file, akar.json, is written by `write_stemmer_data` (after this).
    """
    folder = site / FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    scopes: dict[str, list[list[object]]] = {}
    count = 0
    for page, hidden in items:
        doc = [
            page.url,
            page.title,
            page.text,
            " ".join(hidden.title),
            " ".join(hidden.text),
            page.boost,
            page.description,
        ]
        scopes.setdefault(scope_of(page.url), []).append(doc)
        count += 1
    size = 0
    for name, docs in sorted(scopes.items()):
        size += _dump(folder / f"{name}.json", {"version": VERSION, "docs": docs})
    manifest = {
        "version": VERSION,
        "scopes": {name: len(docs) for name, docs in sorted(scopes.items())},
        "common": COMMON,
        "default": default if default in scopes else next((n for n in sorted(scopes) if n != COMMON), COMMON),
    }
    size += _dump(folder / MANIFEST, manifest)
    shutil.copyfile(lunr_source(), folder / "lunr.js")
    size += (folder / "lunr.js").stat().st_size
    return Written(count, len(scopes) + 2, size)
