"""What each built HTML page says, read back from the files any engine wrote.

The search index is made from the finished site, not from MkDocs' internals,
so that the same step runs after MkDocs and after Zensical. For each page:

- the content root is its first `<article>` (both engines put the page body
  there), else `<main>`, else `<body>`;
- the title is the text of the first `<h1>` in it, and its weight the h1's
  `data-cari-bobot` attribute (written by the page generator; 1 when absent);
- the description is the page's `<meta name="description">` (shown in a
  result when the text has nothing to show);
- the text is everything else in the root, without navigation, scripts,
  forms, and without what the generator marked `data-cari-abaikan` ("search:
  leave out"): an element so marked is skipped whole, and a heading so marked
  skips its whole section (up to the next heading of the same or a higher
  level). The marks are the project's own, not an engine's: Material's and
  Zensical's search would consume their `data-search-*` marks;
- a page whose root, `<html>` or `<h1>` carries `data-cari-abaikan` is not
  indexed at all (the search page itself); 404.html never is.

Pages are read as UTF-8 with a small tokenizer (see `_Reader`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..html_pages import html_files
from .terms import Hidden

EXCLUDE = "data-cari-abaikan"
BOOST = "data-cari-bobot"
#: Elements whose text is never page content.
SKIPPED = frozenset({"nav", "script", "style", "noscript", "template", "form", "button", "svg", "select"})
ROOTS = ("article", "main", "body")
HEADINGS = {f"h{n}": n for n in range(1, 7)}
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
#: Elements after which text continues as a new block (so words of two cells never run together).
BLOCKS = frozenset(
    {"p", "div", "li", "td", "th", "tr", "br", "dd", "dt", "blockquote", "pre", "table", "section"}
    | set(HEADINGS)
)
_SPACE = re.compile(r"\s+")
_DESCRIPTION = re.compile(r'<meta\s+name="description"\s+content="([^"]*)"', re.I)


@dataclass
class Page:
    """One indexable page: its address relative to the site root, language, title, weight and text."""

    url: str
    lang: str
    title: str
    boost: float
    text: str
    headings: list[str] = field(default_factory=list)
    description: str = ""
    terms: tuple[str, dict[str, str], Hidden] | None = None
    """Its index-only words (terms.hidden_terms) and what they were worked out with: the key of the
    site's glossary and synonym pairs, and each word the stemmer was asked for with its root
    (stemmer.StemLog). A later build with the same key and the same roots for those words takes them."""


_TOKEN = re.compile(
    r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+|<)", re.S
)
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S)
_ATTR = re.compile(r"""([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _attrs(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTR.finditer(text)
    }


class _Reader:
    """Collects the content root's title and text in one pass over the page.

    A small tokenizer (one regular expression) instead of html.parser: the
    pages are well-formed output of Python-Markdown, and this is several times
    faster on the long list pages.
    """

    def __init__(self, root: str) -> None:
        self.root = root
        self.lang = ""
        self.excluded_page = False
        self.depth = 0  # open elements inside the content root (0: outside)
        self.done = False
        self.skip_depth = 0  # >0 while inside a skipped element
        self.skip_section = 0  # level of the heading whose section is skipped (0: none)
        self.heading = 0  # level of the heading being read
        self.title: list[str] = []
        self.title_done = False
        self.boost = 1.0
        self.parts: list[str] = []
        self.headings: list[str] = []
        self.current_heading: list[str] = []

    def feed(self, markup: str) -> None:
        position = 0
        while not self.done:
            match = _TOKEN.search(markup, position)
            if match is None:
                break
            position = match.end()
            closing, tag, attrs, data = match.groups()
            if data is not None:
                self.handle_data(html.unescape(data))
            elif tag:
                tag = tag.lower()
                if closing:
                    self.handle_endtag(tag)
                else:
                    skipping = bool(self.skip_depth or self.skip_section)
                    self.handle_starttag(tag, _attrs(attrs))
                    if tag in ("script", "style"):
                        end = markup.find(f"</{tag}", position)
                        position = len(markup) if end < 0 else end
                    if attrs.rstrip().endswith("/") and tag not in VOID:
                        self.handle_endtag(tag)
                    elif not skipping and self.skip_depth == 1:
                        position = self._past_element(markup, position, tag)
                    elif not skipping and self.skip_section:
                        position = self._past_section(markup, position)

    def _past_element(self, markup: str, position: int, tag: str) -> int:
        """Where the skipped element that just opened closes (its end tag is then read as usual)."""
        depth = 1
        for match in re.finditer(rf"<(/?){tag}\b[^>]*>", markup[position:]):
            depth += -1 if match.group(1) else 1
            if depth == 0:
                return position + match.start()
        return len(markup)

    def _past_section(self, markup: str, position: int) -> int:
        """Where a skipped section ends: the next heading of its level or higher beside the marked one,
        or the end of their parent. Only tags are followed (no text, no attributes), keeping the depth
        right, so the long tables of list pages pass quickly; the loop then reads on from there."""
        depth = self.depth  # inside the marked heading, which closes within the section
        sibling = self.depth - 1
        for match in _TAG.finditer(markup, position):
            tag = (match.group(2) or "").lower()
            if not tag or tag in VOID or match.group(0).endswith("/>"):
                continue
            if match.group(1):
                if depth == sibling:  # the section's parent closes (the content root, or a wrapper)
                    break
                depth -= 1
            elif depth == sibling and 0 < HEADINGS.get(tag, 0) <= self.skip_section:
                break
            else:
                depth += 1
        else:
            return len(markup)
        self.depth = sibling
        return match.start()

    def handle_starttag(self, tag: str, names: dict[str, str]) -> None:
        if tag == "html":
            self.lang = (names.get("lang") or "").strip().lower()
            self.excluded_page = self.excluded_page or EXCLUDE in names
        if self.done:
            return
        if self.depth == 0:
            if tag == self.root:
                self.depth = 1
                self.excluded_page = self.excluded_page or EXCLUDE in names
            return
        if tag not in VOID:
            self.depth += 1
        if self.skip_depth:
            if tag not in VOID:
                self.skip_depth += 1
            return
        level = HEADINGS.get(tag, 0)
        if level and self.skip_section and level <= self.skip_section:
            self.skip_section = 0
        if self.skip_section:
            return
        if EXCLUDE in names and level:
            self.skip_section = level
            if level == 1 and not self.title_done:
                self.excluded_page = True  # the page's own title is marked: the page is not a result
                self.done = True
            return
        if tag in SKIPPED or EXCLUDE in names or "hidden" in names or _decoration(names):
            if tag not in VOID:
                self.skip_depth = 1
            return
        if level:
            self.heading = level
            if level == 1 and not self.title_done:
                try:
                    self.boost = float(names.get(BOOST) or 1)
                except ValueError:
                    self.boost = 1.0
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.done or self.depth == 0 or tag in VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            self.done = True
            return
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag in HEADINGS and self.heading:
            if self.heading == 1 and not self.title_done:
                self.title_done = True
            elif self.current_heading:
                self.headings.append(_clean("".join(self.current_heading)))
            self.current_heading = []
            self.heading = 0
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.done or self.depth == 0 or self.skip_depth or self.skip_section:
            return
        if self.heading == 1 and not self.title_done:
            self.title.append(data)
            return
        if self.heading:
            self.current_heading.append(data)
        self.parts.append(data)


def _decoration(names: dict[str, str]) -> bool:
    """Elements that only decorate: hidden from screen readers, or a heading's permalink."""
    return names.get("aria-hidden") == "true" or "headerlink" in (names.get("class") or "").split()


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _root_of(markup: str) -> str:
    for tag in ROOTS:
        if re.search(rf"<{tag}[\s>]", markup):
            return tag
    return "body"


def _root_slice(markup: str, tag: str) -> str:
    """The page's <html> start tag and its content root, without the navigation around it (faster)."""
    html_tag = re.search(r"<html[^>]*>", markup)
    start = re.search(rf"<{tag}[\s>]", markup)
    end = markup.rfind(f"</{tag}>")
    if start is None or end < start.start():
        return markup
    return (html_tag.group(0) if html_tag else "") + markup[start.start() : end + len(tag) + 3]


def read_page(markup: str, url: str) -> Page | None:
    """The indexable content of one page, or None when the page is marked not to be indexed."""
    root = _root_of(markup)
    reader = _Reader(root)
    reader.feed(_root_slice(markup, root))
    if reader.excluded_page:
        return None
    title = _clean("".join(reader.title))
    text = "\n".join(line for line in (_clean(x) for x in "".join(reader.parts).split("\n")) if line)
    if not title:
        match = re.search(r"<title>(.*?)</title>", markup, re.S)
        title = _clean(match.group(1).split(" - ")[0]) if match else url
    described = _DESCRIPTION.search(markup)
    description = _clean(html.unescape(described.group(1))) if described else ""
    return Page(url, reader.lang, title, reader.boost, text, reader.headings, description)


def page_url(site: Path, path: Path) -> str:
    """The address of a built file relative to the site root, as links write it (a/b/index.html → "a/b/")."""
    rel = path.relative_to(site).as_posix()
    if rel == "index.html":
        return ""
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


def read_site(
    site: Path, skip: tuple[str, ...] = (), found: dict[str, Page | None] | None = None
) -> Iterator[Page]:
    """Every indexable HTML page of a built site, in path order; `skip` are top folders left out.

    `found` (site-relative path → page, None for a page that is no result) holds what was read of
    pages before (the build cache's, Site.found): those are not read again, the others are added.
    """
    for key in html_files(site):
        if key.split("/", 1)[0] in skip or key.rsplit("/", 1)[-1] == "404.html":
            continue
        if found is not None and key in found:
            page = found[key]
        else:
            path = site / key
            page = read_page(path.read_text(encoding="utf-8"), page_url(site, path))
            if found is not None:
                found[key] = page
        if page is not None:
            yield page
