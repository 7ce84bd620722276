"""Site search that costs nothing until used, on any engine (see docs/pencarian.md).

A post-build step over the finished HTML, so it runs the same after MkDocs
and after Zensical (`build_index`, called by pipeline.build):

1. `pages.read_site` reads every built page back: title, weight, the text
   that is not marked `data-cari-abaikan`.
2. `terms.hidden_terms` adds the index-only words of each page: roots,
   acronym ↔ expansion from the glossary and the synonym list (sinonim.csv),
   numbers as one word whatever their decimal mark (numbers.py), hyphen-split
   words joined, the page's own code.
3. `lunr.write` writes cari/indeks/: the documents, one file per office plus
   one for the pages of no office, and lunr.js; `write_stemmer_data` adds
   akar.json there (roots and stop words for the query stemmer in the browser,
   and the synonyms, which a query also searches by their padanan).
4. `semua.write` writes cari/indeks/semua/: one index over every office, split
   by term, for the page's "semua kantor" mode (?kantor=semua), with the pages
   that several offices print alike grouped.

The search page (content/cari.md) and its script (content/assets/cari.js)
fetch these files only when the visitor searches; no other page loads any of
them. Pagefind was measured beside this (docs/benchmarks.md) and is kept in
the benchmark only (scripts/bench/pagefind.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from ...model import Package
from ..job import Site
from . import lunr, numbers, pages, semua, stemmer, synonyms, terms
from .lunr import Written
from .numbers import number_terms
from .pages import Page, read_page, read_site
from .stemmer import ROOTS, STOPWORDS, StemLog, Stemmer, root_list, stem, words
from .synonyms import SYNONYMS
from .terms import Hidden, glossary_pairs, hidden_terms, synonym_pairs, usable_pairs

#: Top folders of the built site that are never search results (downloads, API, the search files).
NOT_PAGES = ("api", "berkas", "data", "assets", "pagefind")
#: The query stemmer's data for content/assets/cari.js: roots and stop words.
STEMMER_DATA = f"{lunr.FOLDER}/akar.json"
VERSION = 1


def indexed(
    site: Path, glossary: Iterable[Mapping[str, str]], read: dict[str, Page | None] | None = None
) -> tuple[list[tuple[Page, Hidden]], list[str]]:
    """Every indexable page of the built site with its index-only words, and the root list used.

    `read` holds pages read before (read_site's `found`).
    """
    glossary = list(glossary)
    found = list(read_site(site, skip=NOT_PAGES, found=read))
    sequences = [words(page.title + " " + page.text) for page in found]
    roots = root_list({w for seq in sequences for w in seq}, glossary)
    stemmer_ = Stemmer(roots)
    pairs = usable_pairs(glossary_pairs(glossary), sequences)
    synonyms = usable_pairs(synonym_pairs(), sequences)
    # The words of a page read before (a page of the build cache) are kept with it, with the key of the
    # glossary and synonym pairs and the root of each word they asked the stemmer for (StemLog): when those
    # are the same, so are the words. The code is the cache's own key (tembolok.py).
    key = hashlib.sha256(repr((pairs, synonyms)).encode("utf-8")).hexdigest()
    items = []
    for page in found:
        if page.terms is None or page.terms[0] != key or not _same_roots(stemmer_, page.terms[1]):
            log = StemLog(stemmer_)
            made = hidden_terms(page.url, page.title, page.text, log, pairs, page.description, synonyms)
            page.terms = (key, log.asked, made)
        items.append((page, page.terms[2]))
    return items, roots


def _same_roots(stemmer_: Stemmer, asked: Mapping[str, str]) -> bool:
    return all(stemmer_.stem(word) == root for word, root in asked.items())


def write_stemmer_data(site: Path, roots: list[str]) -> int:
    """Write cari/indeks/akar.json (what the browser needs to stem queries as the build did); its size."""
    path = site / STEMMER_DATA
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "version": VERSION,
        "min_root": stemmer.MIN_ROOT,
        "roots": roots,
        "stopwords": sorted(STOPWORDS),
        "synonyms": synonym_words(),
    }
    return lunr.write_json(path, data)


def synonym_words() -> dict[str, list[str]]:
    """istilah → the words of its padanan (all its rows), for the query side: {"dpt": ["daftar", …]}."""
    found: dict[str, dict[str, None]] = {}
    for synonym in SYNONYMS:
        key = " ".join(words(synonym.istilah))
        found.setdefault(key, {}).update(dict.fromkeys(words(synonym.padanan)))
    return {key: list(value) for key, value in sorted(found.items())}


def build_index(
    site: Path,
    glossary: Iterable[Mapping[str, str]],
    scope_of: Callable[[str], str] = lunr.office_of,
    default: str = lunr.OFFICE,
    read: dict[str, Page | None] | None = None,
) -> Written:
    """Index the built site for its search page: site/cari/indeks/, per office and all offices.

    `read` is as for `indexed`.
    """
    items, roots = indexed(site, glossary, read)
    written = lunr.write(site, items, scope_of, default)
    size = write_stemmer_data(site, roots)
    every = semua.write(site, items, scope_of, default)
    return Written(written.pages, written.files + 1 + every.files, written.bytes + size + every.bytes)


def index_package_site(site: Path, package: Package, read: dict[str, Page | None] | None = None) -> Written:
    """Index a site built from `package` (by MkDocs or Zensical): its glossary, its home office as default."""
    home = package.home.id if package.kantor else ""
    glossary = [dataclasses.asdict(g) for g in package.glosarium]
    return build_index(site, glossary, lambda url: lunr.office_of(url, home), read=read)


def finish(site: Site) -> None:
    """The registry's step: index the built site of the package (index_package_site)."""
    index_package_site(site.folder, site.package, site.found)


__all__ = [
    "NOT_PAGES",
    "ROOTS",
    "STEMMER_DATA",
    "STOPWORDS",
    "SYNONYMS",
    "Hidden",
    "Page",
    "Stemmer",
    "Written",
    "build_index",
    "finish",
    "index_package_site",
    "glossary_pairs",
    "hidden_terms",
    "indexed",
    "lunr",
    "number_terms",
    "numbers",
    "pages",
    "read_page",
    "read_site",
    "root_list",
    "semua",
    "stem",
    "stemmer",
    "synonym_pairs",
    "synonym_words",
    "synonyms",
    "terms",
    "usable_pairs",
    "words",
    "write_stemmer_data",
]
