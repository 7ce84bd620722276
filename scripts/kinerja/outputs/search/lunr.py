"""The search files: the Indonesian lunr extension, loaded on demand and split per office.

The search page loads, on the first query only, lunr.js (2.3.9, MIT, copied
unchanged from the installed MkDocs package), `cari/indeks/cakupan.json` (the list of
scopes) and the documents of two scopes, from which it builds a lunr index in
the browser: `umum` (pages of no office: home, lists, glossary, hand-written
pages) and the visitor's office. Each document is [url, title, text, title
terms, text terms, weight, description]; the terms are `terms.hidden_terms`, searched in
fields of their own and never shown.

The pages of the home office's rows form the scope `kantor`; every other
office's rows (and its office page) form `kantor-<kode>`, named from the
office code in the page's address (IK24-6472-S07 → kantor-6472). The search
page asks for one office with ?kantor=<kode>: a first query then costs one
office, not the whole site (docs/benchmarks.md).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ... import paths
from ...domain import ids
from .pages import Page
from .terms import Hidden

#: The search files, next to the search page (site/cari/index.html) and apart from it.
FOLDER = paths.SEARCH_FILES
MANIFEST = "cakupan.json"
COMMON = "umum"
VERSION = 1
#: Where MkDocs keeps lunr.js (2.3.9, MIT licence) in its package.
LUNR_IN_MKDOCS = Path("contrib") / "search" / "templates" / "search" / "lunr.js"
#: The scope of the home office's rows (codes without an office part).
OFFICE = "kantor"


@dataclass
class Written:
    """What a search step wrote: pages indexed, files and bytes on disk (also the Pagefind candidate's)."""

    pages: int
    files: int
    bytes: int


def office_of(url: str, home: str = "") -> str:
    """The scope of a page: its office for the page of a row or of an office, else `umum`.

    An office page names its office by its code; `home` is the home office's code, whose
    page belongs to the home office's scope like its rows. Which pages are those comes from
    paths.py (ROW_KINDS, OFFICE_KIND, named_page).
    """
    named = paths.named_page(url)
    if named is None:
        return COMMON
    kind, code = named[0], named[1].upper()
    if kind == paths.OFFICE_KIND:
        return OFFICE if code == home.upper() else office_scope(code)
    if kind not in paths.ROW_KINDS:
        return COMMON
    parsed = ids.parse(code)
    if parsed is None or not parsed.dokumen.kantor:
        return OFFICE
    return office_scope(parsed.dokumen.kantor)


def office_scope(kantor_id: str) -> str:
    """The scope of another office than the home office: kantor-6472, kantor-ri (as ?kantor= names it)."""
    return f"{OFFICE}-{paths.slug(kantor_id)}"


def lunr_source() -> Path:
    """lunr.js as shipped inside the installed MkDocs package."""
    import mkdocs

    return Path(mkdocs.__file__).parent / LUNR_IN_MKDOCS


def write_json(path: Path, data: object) -> int:
    """Write `data` as compact UTF-8 JSON with LF line ends (what the search page fetches); its size."""
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
        size += write_json(folder / f"{name}.json", {"version": VERSION, "docs": docs})
    manifest = {
        "version": VERSION,
        "scopes": {name: len(docs) for name, docs in sorted(scopes.items())},
        "common": COMMON,
        "default": default if default in scopes else next((n for n in sorted(scopes) if n != COMMON), COMMON),
    }
    size += write_json(folder / MANIFEST, manifest)
    shutil.copyfile(lunr_source(), folder / "lunr.js")
    size += (folder / "lunr.js").stat().st_size
    return Written(count, len(scopes) + 2, size)
