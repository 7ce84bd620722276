"""What first paint waits for, cut to what bare Material waits for: one stylesheet and the HTML.

Measured with Lighthouse (mobile) beside bare Material (docs/benchmarks.md),
the indicator page painted 20 % later: Material's palette and the site's
kinerja.css are separate render-blocking stylesheets (about 300 ms each for
2–3 KB), and the scripts at the end of the body (Material's bundle, kinerja.js)
hold the first paint until they are fetched and run. Both steps read the built
HTML, not the engine's templates, so they work the same on a MkDocs or a
Zensical build:

- a page's relative `<link rel=stylesheet>` whose file is small after gzip
  becomes a `<style>` element in the same place, so the cascade keeps its order;
  large stylesheets (Material's main CSS) stay links, cached between pages;
- the external scripts that end the body get `defer`. They already ran after
  the whole document was parsed; deferred they still do, in the same order and
  before DOMContentLoaded, but the browser may paint first.

The files themselves stay in the site.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit

#: A stylesheet is written into the page when it is at most this large after gzip.
INLINE_LIMIT = 8 * 1024

_LINK = re.compile(r"<link (?P<attrs>[^>]*\brel=\"stylesheet\"[^>]*)>")
_HREF = re.compile(r'\bhref="(?P<href>[^"]+)"')
_MEDIA = re.compile(r'\bmedia="(?P<media>[^"]+)"')
# url(...) that is neither data: nor a fragment would resolve against the page instead of the file.
#: The last `<script src=…></script>` before a position, with only whitespace after it.
_TRAILING_SCRIPT = re.compile(r"<script (?P<attrs>[^>]*)></script>\s*\Z")
_SCRIPT_OPEN = re.compile(r"<script (?P<attrs>[^>]*)>")
_RELATIVE_URL = re.compile(r"url\(\s*(?!['\"]?(?:data:|#))", re.I)


def _inlinable(css: str) -> bool:
    small = len(gzip.compress(css.encode("utf-8"), 9, mtime=0)) <= INLINE_LIMIT
    return small and "</style" not in css.lower() and _RELATIVE_URL.search(css) is None


def inline_page(page: str, page_path: Path, site: Path, cache: dict[Path, str | None]) -> str:
    """The page with each small, relative stylesheet link replaced by a `<style>` of its text."""
    head_end = page.find("</head>")
    if head_end < 0:
        return page

    def replace(match: re.Match[str]) -> str:
        href = _HREF.search(match.group("attrs"))
        # Only a path relative to the page names a file of this site; another host or a
        # root path (which carries the site's base path) is left as it is.
        url = urlsplit(href.group("href")) if href else None
        if url is None or url.scheme or url.netloc or url.path.startswith("/") or not url.path:
            return match.group(0)
        file = (page_path.parent / url.path).resolve()
        if file not in cache:
            text = file.read_text(encoding="utf-8") if file.is_file() and site in file.parents else None
            cache[file] = text if text is not None and _inlinable(text) else None
        css = cache[file]
        if css is None:
            return match.group(0)
        media = _MEDIA.search(match.group("attrs"))
        media_attr = f' media="{media.group("media")}"' if media else ""
        return f"<style{media_attr}>{css.strip()}</style>"

    return _LINK.sub(replace, page[:head_end]) + page[head_end:]


def defer_trailing_scripts(page: str) -> str:
    """The page with `defer` on the classic external scripts that end its body.

    Only the unbroken run of `<script src>` elements right before `</body>` is
    changed: an inline script among them would run earlier than before, so the
    run stops there.
    """
    end = page.rfind("</body>")
    if end < 0:
        return page
    start = end
    while True:
        match = _TRAILING_SCRIPT.search(page, 0, start)
        if match is None or not _classic_external(match.group("attrs")):
            break
        start = match.start()
    tail = _SCRIPT_OPEN.sub(_with_defer, page[start:end])
    return page[:start] + tail + page[end:]


def _names(attrs: str) -> set[str]:
    return {word.split("=")[0] for word in re.sub(r'"[^"]*"', '""', attrs).split()}


def _classic_external(attrs: str) -> bool:
    script_type = re.search(r'\btype="([^"]*)"', attrs)
    classic = script_type is None or script_type.group(1) in ("text/javascript", "application/javascript")
    return "src" in _names(attrs) and classic and "nomodule" not in _names(attrs)


def _with_defer(match: re.Match[str]) -> str:
    if _names(match.group("attrs")) & {"defer", "async"}:
        return match.group(0)
    return f"<script {match.group('attrs')} defer>"


def speed_up_site(site: Path) -> int:
    """Inline small stylesheets and defer trailing scripts on every page; returns the pages changed."""
    site = site.resolve()
    cache: dict[Path, str | None] = {}
    count = 0
    for path in sorted(site.rglob("*.html")):
        original = path.read_text(encoding="utf-8")
        changed = defer_trailing_scripts(inline_page(original, path, site, cache))
        if changed != original:
            path.write_text(changed, encoding="utf-8")
            count += 1
    return count
