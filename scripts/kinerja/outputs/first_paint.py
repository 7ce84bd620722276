"""What first paint waits for, cut to what bare Material waits for: the HTML and one stylesheet.

Measured with Lighthouse (mobile) beside bare Material (docs/benchmarks.md),
the indicator page painted 20 % later: Material's palette and the site's
kinerja.css are separate render-blocking stylesheets (about 300 ms each for
2–3 KB), and the scripts at the end of the body (Material's bundle, kinerja.js)
hold the first paint until they are fetched and run. Both steps read the built
HTML, not the engine's templates, so they work the same on a MkDocs or a
Zensical build:

- consecutive relative `<link rel=stylesheet>` elements of a page become one
  link to their files joined in the same order (so the cascade is unchanged),
  written once per distinct set beside the first file and cached between pages.
  (Writing small files into every page instead would add their raw bytes to
  every page: ±19 KB × 70.000 pages at 553 offices.)
- the external scripts that end the body get `defer`. They already ran after
  the whole document was parsed; deferred they still do, in the same order and
  before DOMContentLoaded, but the browser may paint first.

The original files stay in the site.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from pathlib import Path
from urllib.parse import urlsplit

from .html_pages import html_files
from .job import Site

_ANY_LINK = r'<link [^>]*\brel="stylesheet"[^>]*>'
_LINK = re.compile(r'<link (?P<attrs>[^>]*\brel="stylesheet"[^>]*)>')
#: Two or more links with only whitespace between them.
_LINK_RUN = re.compile(rf"{_ANY_LINK}(?:\s*{_ANY_LINK})+")
_HREF = re.compile(r'\bhref="(?P<href>[^"]+)"')
#: The last `<script src=…></script>` before a position, with only whitespace after it.
_TRAILING_SCRIPT = re.compile(r"<script (?P<attrs>[^>]*)></script>\s*\Z")
_SCRIPT_OPEN = re.compile(r"<script (?P<attrs>[^>]*)>")
# url(...) that is neither data: nor a fragment resolves against the file that holds it,
# and @import must come first: such a file cannot follow another one.
_MOVES_BADLY = re.compile(r"url\(\s*(?!['\"]?(?:data:|#))|@import", re.I)
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
COMBINED = "gabungan.{digest}.css"


def _local_file(attrs: str, page_path: Path, site: Path) -> Path | None:
    """The site's file a stylesheet link names, when it is a plain relative link to one."""
    href = _HREF.search(attrs)
    # A root path carries the site's base path and another host is not ours: both stay links.
    url = urlsplit(href.group("href")) if href else None
    if url is None or url.scheme or url.netloc or url.path.startswith("/") or not url.path:
        return None
    if "media=" in attrs or "integrity=" in attrs:
        return None
    file = (page_path.parent / url.path).resolve()
    return file if file.is_file() and site in file.parents else None


def _combined(files: tuple[Path, ...], written: dict[tuple[Path, ...], Path | None]) -> Path | None:
    """The file holding `files` joined in order, written beside the first; None when they cannot be."""
    if files not in written:
        texts = [file.read_text(encoding="utf-8") for file in files]
        if any(_MOVES_BADLY.search(text) for text in texts[1:]):
            written[files] = None
        else:
            # A source map describes its own file only; in the joined file it would mislead.
            joined = "\n".join(_SOURCE_MAP.sub("", text).rstrip("\n") for text in texts) + "\n"
            digest = hashlib.sha256(joined.encode("utf-8")).hexdigest()[:8]
            target = files[0].parent / COMBINED.format(digest=digest)
            target.write_text(joined, encoding="utf-8")
            written[files] = target
    return written[files]


def combine_stylesheets(
    page: str, page_path: Path, site: Path, written: dict[tuple[Path, ...], Path | None]
) -> str:
    """The page with each run of consecutive relative stylesheet links replaced by one link."""
    head_end = page.find("</head>")
    if head_end < 0:
        return page

    def replace(run: re.Match[str]) -> str:
        links = list(_LINK.finditer(run.group(0)))
        files = tuple(_local_file(link.group("attrs"), page_path, site) for link in links)
        if None in files:
            return run.group(0)
        target = _combined(files, written)  # type: ignore[arg-type]
        if target is None:
            return run.group(0)
        first = _HREF.search(links[0].group("attrs"))
        assert first is not None
        href = first.group("href").rsplit("/", 1)
        new_href = (href[0] + "/" if len(href) == 2 else "") + target.name
        return f'<link rel="stylesheet" href="{new_href}">'

    return _LINK_RUN.sub(replace, page[:head_end]) + page[head_end:]


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


def speed_up_site(site: Path, skip: Collection[str] = ()) -> int:
    """Join the stylesheets and defer the trailing scripts of every page; returns the pages changed.

    `skip` are site-relative paths of pages already finished (Site.kept), left as they are.
    """
    site = site.resolve()
    written: dict[tuple[Path, ...], Path | None] = {}
    count = 0
    for relative in html_files(site):
        if relative in skip:
            continue
        path = site / relative
        original = path.read_text(encoding="utf-8")
        changed = defer_trailing_scripts(combine_stylesheets(original, path, site, written))
        if changed != original:
            path.write_text(changed, encoding="utf-8")
            count += 1
    return count


def finish(site: Site) -> None:
    """The registry's step: speed_up_site on the built site."""
    speed_up_site(site.folder, site.kept)
