"""Browser-side hardening that a static host allows: CSP, referrer policy, safe external links.

Static hosting (GitHub Pages) cannot send headers, so the policy travels in a
<meta http-equiv> tag. Material's inline scripts differ per page (their base
URL depends on the page's depth), so every page gets the hashes of its own
inline scripts; anything else inline is refused by the browser.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Collection
from pathlib import Path

from .html_pages import rewrite_pages
from .job import Site

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_EXTERNAL_LINK = re.compile(r'<a (?P<attrs>[^>]*href="https?://[^"]*"[^>]*)>')
_HEAD = re.compile(r"<head>")

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; upgrade-insecure-requests"
)


def _executable(attrs: str) -> bool:
    match = re.search(r'type="([^"]+)"', attrs)
    return match is None or match.group(1) in ("text/javascript", "module", "application/javascript")


def script_hashes(page: str) -> list[str]:
    """CSP source expressions for each inline script that a browser would run."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(page):
        if _executable(match.group("attrs")):
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(set(hashes))


def _external(match: re.Match[str]) -> str:
    attrs = match.group("attrs")
    if "rel=" in attrs:
        return match.group(0)
    return f'<a {attrs} rel="noopener noreferrer">'


def harden_page(page: str) -> str:
    """The page with its Content-Security-Policy meta tag and safe external links."""
    policy = POLICY.format(hashes=" ".join(script_hashes(page))).replace("  ", " ")
    meta = f'<head>\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
    page = _HEAD.sub(meta, page, count=1)
    return _EXTERNAL_LINK.sub(_external, page)


def harden_site(site: Path, skip: Collection[str] = ()) -> int:
    """Harden every HTML page of a built site but those in `skip`; returns the number of pages changed."""
    return rewrite_pages(site, harden_page, skip=skip)


def finish(site: Site) -> None:
    """The registry's step: harden_site on the built site (last, so it hashes the final scripts)."""
    harden_site(site.folder, site.kept)
