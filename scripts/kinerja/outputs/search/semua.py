"""The "all offices" search: one inverted index over every office, split by term, read a file at a time.

The per-office search (lunr.py) builds a lunr index in the browser from the
documents of one office; for all 553 offices that would be 6.6 MB. This index
is built here instead, with the same words and the same scores, and written
so that a first query fetches only what it needs (docs/keputusan.md,
"Pencarian semua kantor"; measured in docs/benchmarks.md):

- **Groups.** Pages of different offices with the same indexed words (a
  national indicator every office prints word for word) are one document,
  shown once as "di N kantor" with a link to the comparison page
  (kinerja/banding/<kode>/) where there is one; their own codes and
  addresses are left out of the comparison. Pages of no office (`umum`)
  are never grouped.
- **Scores as lunr computes them** for the per-office index (lunr 2.3.9,
  BM25 with k1 = 1.2, b = 0.75, fields t, x, tt, xt with boosts 10, 1, 10,
  1 and the page's weight), over all groups: each posting holds a group's
  weight for the term summed over the fields (lunr's query vector is the same
  in every field, so the sum ranks as lunr does). The words are the same as
  lunr sees them: `tokens` is lunr's tokenizer, separator and trimmer, and
  numbers are joined as cari.js `joinNumbers` does.
- **Files by term.** The sorted terms are cut into files of about
  SHARD_BYTES; `semua/indeks.json` lists the first term of each, so a word or
  a prefix ("pemutakh") is found in one file. A posting is a group number
  (as the gap from the previous one) and a weight (hundredths).
- **Documents by number.** Address, title, the start of the text (for the
  snippet), description, group size, comparison page and (a page of one
  office) the office's name, of DOCS_PER_FILE groups per file
  (`semua/d<n>.json`); the offices of each group in `semua/k<n>.json`, read
  only when a visitor opens that list. Only the results shown are fetched.

The index is a function of the pages read back from the built site
(`search.indexed`), written by `search.build_index` after the per-office files.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ... import paths
from .lunr import COMMON, FOLDER, OFFICE, write_json
from .pages import Page
from .terms import Hidden, own_terms

#: The folder of the all-offices files, inside the search files (cleared with them by lunr.write).
SUBFOLDER = "semua"
MANIFEST = "indeks.json"
VERSION = 1
#: Target size of one file of postings (uncompressed JSON); a first query reads one per word.
SHARD_BYTES = 24_000
#: Groups per file of documents (a page of 10 results reads at most 10 such files).
DOCS_PER_FILE = 16
#: Characters of a page's text kept for its snippet (list pages run to hundreds of kilobytes).
SNIPPET_CHARS = 1_500
#: lunr's fields in the per-office index (cari.js): title, text, title terms, text terms, and boosts.
FIELDS = (("t", 10.0), ("x", 1.0), ("tt", 10.0), ("xt", 1.0))
K1 = 1.2
B = 0.75
WEIGHT_SCALE = 100
#: lunr's tokenizer separator (cari.js sets it) and trimmer (lunr 2.3.9, ASCII \W).
SEPARATOR = re.compile(r"[\s\-,:;!=\[\]()\"/.«»…·|]+")
_TRIM = re.compile(r"^[^A-Za-z0-9_]+|[^A-Za-z0-9_]+$")
#: cari.js joinNumbers: a printed number with a decimal mark becomes one word (77,5 → 77_5).
_PRINTED_NUMBER = re.compile(r"(^|[^\w.,-])([0-9]+(?:[.,][0-9]+)+)(?![0-9]|[.,][0-9]|[^\W\d])")
BANDING = f"{paths.PAGES}/banding/"


def join_numbers(text: str) -> str:
    """Printed text with its numbers whole, as cari.js `joinNumbers` writes it before indexing."""
    return _PRINTED_NUMBER.sub(lambda m: m[1] + re.sub(r"[.,]", "_", m[2]), text)


def tokens(text: str) -> list[str]:
    """The terms lunr indexes for `text`: lower case, split at the separator, trimmed, empty ones dropped."""
    found = (_TRIM.sub("", part) for part in SEPARATOR.split(text.lower()))
    return [t for t in found if t]


@dataclass
class Group:
    """One document of the all-offices index: a page, or the pages of several offices with its words."""

    pages: list[Page]
    fields: tuple[str, str, str, str]
    boost: float
    offices: list[str] = field(default_factory=list)
    banding: str = ""

    @property
    def page(self) -> Page:
        return self.pages[0]


def local_code(url: str, scope: str) -> str:
    """The page's code without its office part (ik24-6472-s07 → ik24-s07); "" for a page of no row."""
    named = paths.named_page(url)
    if named is None or named[0] not in paths.ROW_KINDS:
        return ""
    office = scope[len(OFFICE) + 1 :] if scope.startswith(OFFICE + "-") else ""
    return named[1].replace(f"-{office}-", "-", 1) if office else named[1]


def without_office(text: str, scope: str) -> str:
    """Text with the office part of its codes taken out (AN24-6472-11 → AN24-11), to compare offices."""
    office = scope[len(OFFICE) + 1 :] if scope.startswith(OFFICE + "-") else ""
    return re.sub(rf"-{re.escape(office)}-", "-", text, flags=re.I) if office else text


def group_pages(
    items: Iterable[tuple[Page, Hidden]],
    scope_of: Callable[[str], str],
    default: str = OFFICE,
    grouped: bool = True,
) -> list[Group]:
    """The documents of the index: each page of no office alone, the others grouped by their words.

    Pages of offices are one group when their kind, code without the office part, title, text,
    index-only words (without those of their own address) and weight are the same, codes read
    without their office part (an office's notes name its own anomaly codes, AN24-6472-11). The home
    office's page comes first in its group (its address is the group's link); groups follow the
    pages' order, pages of no office first, then the home office's, then the others.
    `grouped=False` gives every page a group of its own: the index as it would be if no two offices
    printed the same words (the benchmark's worst case).
    """
    groups: dict[tuple[object, ...], Group] = {}
    order = {COMMON: 0, default: 1}
    listed = sorted(items, key=lambda item: (order.get(scope_of(item[0].url), 2), item[0].url))
    for page, hidden in listed:
        scope = scope_of(page.url)
        own = set(own_terms(page.url, page.title))
        title_terms = " ".join(t for t in hidden.title if t not in own)
        fields = (
            join_numbers(page.title),
            join_numbers(page.text),
            " ".join(hidden.title),
            " ".join(hidden.text),
        )
        if scope == COMMON or not grouped:
            key: tuple[object, ...] = (page.url,)
        else:
            kind = (paths.named_page(page.url) or ("", ""))[0]
            code = local_code(page.url, scope)
            same = [without_office(text, scope) for text in (fields[0], fields[1], title_terms, fields[3])]
            key = (kind, code, *same, page.boost)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group([], fields, page.boost)
            code = local_code(page.url, scope)
            if code and scope != COMMON:
                group.banding = f"{BANDING}{code}/"
        group.pages.append(page)
        group.offices.append(scope)
    return list(groups.values())


def postings(groups: Sequence[Group]) -> dict[str, list[tuple[int, int]]]:
    """term → [(group number, weight in hundredths)], the weights as lunr's field vectors sum them."""
    count = len(groups)
    counts: list[list[Counter[str]]] = [[Counter(tokens(text)) for text in g.fields] for g in groups]
    lengths = [[sum(c.values()) for c in per] for per in counts]
    average = [sum(row[f] for row in lengths) / count if count else 0.0 for f in range(len(FIELDS))]
    frequency: Counter[str] = Counter()
    for per in counts:
        for c in per:
            frequency.update(c.keys())
    idf = {t: math.log(1 + abs((count - n + 0.5) / (n + 0.5))) for t, n in frequency.items()}
    found: dict[str, dict[int, float]] = {}
    for number, (group, per) in enumerate(zip(groups, counts, strict=True)):
        for f, (c, (_, boost)) in enumerate(zip(per, FIELDS, strict=True)):
            norm = K1 * (1 - B + B * (lengths[number][f] / average[f])) if average[f] else K1
            for term, tf in c.items():
                score = idf[term] * ((K1 + 1) * tf) / (norm + tf) * boost * group.boost
                weights = found.setdefault(term, {})
                weights[number] = weights.get(number, 0.0) + round(score * 1000) / 1000
    return {
        term: [(n, max(1, round(w * WEIGHT_SCALE))) for n, w in sorted(by_doc.items())]
        for term, by_doc in sorted(found.items())
    }


def encode(posting: list[tuple[int, int]]) -> list[int]:
    """A posting list as one flat list: the gaps between group numbers, then the weights."""
    gaps, previous = [], 0
    for number, _ in posting:
        gaps.append(number - previous)
        previous = number
    return gaps + [w for _, w in posting]


def shards(index: dict[str, list[tuple[int, int]]], target: int = 0) -> list[dict[str, list[int]]]:
    """The terms in order, cut into files of about `target` bytes (SHARD_BYTES; a term is never split)."""
    target = target or SHARD_BYTES
    out: list[dict[str, list[int]]] = [{}]
    size = 0
    for term, posting in index.items():
        flat = encode(posting)
        cost = len(term) + 6 + sum(len(str(v)) + 1 for v in flat)
        if size and size + cost > target:
            out.append({})
            size = 0
        out[-1][term] = flat
        size += cost
    return out


def office_names(groups: Sequence[Group]) -> dict[str, str]:
    """scope → the title of its office page (kinerja/kantor/<kode>/), the office's name."""
    names = {}
    for group in groups:
        for page, scope in zip(group.pages, group.offices, strict=True):
            named = paths.named_page(page.url)
            if named and named[0] == paths.OFFICE_KIND and page.url.count("/") == 3:
                names[scope] = page.title
    return names


def documents(groups: Sequence[Group], site: Path) -> tuple[list[list[object]], list[object]]:
    """What a shown result needs, one row per group, and each group's pages with their office names."""
    names = office_names(groups)
    docs: list[list[object]] = []
    members: list[object] = []
    for group in groups:
        page = group.page
        banding = (
            group.banding if len(group.pages) > 1 and (site / group.banding / "index.html").exists() else ""
        )
        text = page.text[:SNIPPET_CHARS]
        office = (
            names.get(group.offices[0], "") if len(group.pages) == 1 and group.offices[0] != COMMON else ""
        )
        docs.append([page.url, page.title, text, page.description, len(group.pages), banding, office])
        if len(group.pages) > 1:
            members.append(
                [[p.url, names.get(s, s)] for p, s in zip(group.pages, group.offices, strict=True)]
            )
        else:
            members.append(0)
    return docs, members


@dataclass
class WrittenAll:
    """What the all-offices step wrote: groups, pages, files and bytes."""

    groups: int
    pages: int
    files: int
    bytes: int


def write(
    site: Path,
    items: Iterable[tuple[Page, Hidden]],
    scope_of: Callable[[str], str],
    default: str = OFFICE,
    grouped: bool = True,
) -> WrittenAll:
    """Write site/cari/indeks/semua/ (see the module docstring); `grouped=False` gives every page its own."""
    folder = site / FOLDER / SUBFOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    groups = group_pages(items, scope_of, default, grouped)
    parts = shards(postings(groups))
    size, files = 0, 0
    firsts = []
    for number, part in enumerate(parts):
        firsts.append(next(iter(part), ""))
        size += write_json(folder / f"t{number}.json", part)
        files += 1
    docs, members = documents(groups, site)
    for start in range(0, len(docs), DOCS_PER_FILE):
        number = start // DOCS_PER_FILE
        size += write_json(folder / f"d{number}.json", docs[start : start + DOCS_PER_FILE])
        size += write_json(folder / f"k{number}.json", members[start : start + DOCS_PER_FILE])
        files += 2
    manifest = {
        "version": VERSION,
        "docs": len(docs),
        "per_file": DOCS_PER_FILE,
        "offices": len({s for g in groups for s in g.offices if s != COMMON}),
        "shards": firsts,
    }
    size += write_json(folder / MANIFEST, manifest)
    return WrittenAll(len(groups), sum(len(g.pages) for g in groups), files + 1, size)
