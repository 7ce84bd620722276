"""Whitespace between tags that a browser folds anyway, folded before the page is published.

The theme's templates indent every tag of the header, the menu and the footer
and leave blank lines where a template tag stood: on an indicator page about
a fifth of the HTML is such whitespace, repeated on every page (70.000 pages
at 553 offices; docs/benchmarks.md, "Biaya per jenis berkas"). A browser
renders a run of spaces, tabs and newlines as one space (or nothing, between
blocks), so a newline and the whitespace after it become one newline: same
page, same text, same layout, fewer bytes.

Left exactly as written: every tag (a tag written over several lines is kept
whole, so attribute values keep their own spaces) and every element whose
whitespace shows or runs — `pre`, `code`, `kbd` and `textarea` (the site's
CSS keeps their spaces), `script` and `style` (their bytes are hashed by the
security policy, outputs/harden.py).
"""

from __future__ import annotations

import re

#: Where a kept stretch starts: an element whose whitespace counts, or a tag written over several lines.
_KEEP = re.compile(r"<(?:(?P<element>pre|code|kbd|textarea|script|style)[\s>]|[a-zA-Z!/][^<>]*\n[^<>]*>)")
#: A run of whitespace with a newline in it (outside the kept stretches, it is text between tags).
_RUN = re.compile(r"\n[ \t\r\n\f]*")


def _kept_end(page: str, kept: re.Match[str]) -> int:
    """Where a kept stretch ends: after the element's end tag (its nested code inside), or the tag's end."""
    name = kept["element"]
    if name is None:
        return kept.end()
    close = page.find(f"</{name}", kept.end())
    return len(page) if close < 0 else page.find(">", close) + 1 or len(page)


def fold_space(page: str) -> str:
    """The page with each newline and the whitespace after it, outside tags and kept elements, as one newline.

    A pure step from a page's HTML to its new HTML (registry.REWRITES); folding twice changes nothing.
    """
    out: list[str] = []
    done = 0
    for kept in _KEEP.finditer(page):
        if kept.start() < done:
            continue
        end = _kept_end(page, kept)
        out += [_RUN.sub("\n", page[done : kept.start()]), page[kept.start() : end]]
        done = end
    out.append(_RUN.sub("\n", page[done:]))
    return "".join(out)
