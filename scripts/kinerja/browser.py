"""Debian's Chromium and how to start it: one recipe for the browser tests and the benchmarks.

Never a downloaded browser: /usr/bin/chromium from `apt-get install chromium`
(or KINERJA_CHROMIUM), headless, with nothing that calls home and no way out of
the machine: it resolves no host name but the loopback's (LOOPBACK_ONLY).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypedDict

CHROMIUM = Path(os.environ.get("KINERJA_CHROMIUM", "/usr/bin/chromium"))
#: Every host name (and address) but the loopback resolves to nothing, so a page can reach no other server.
#: Tests still see such a request (Playwright's "request" event) and fail on it; this only makes sure it
#: goes nowhere, without routing every request through the Playwright driver (a third more CPU per page).
LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"
CHROMIUM_ARGS = [
    LOOPBACK_ONLY,
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


class Viewport(TypedDict):
    """A viewport size in CSS pixels, as Playwright takes it."""

    width: int
    height: int


class Device(TypedDict, total=False):
    """The keyword arguments of Playwright's `new_context`/`new_page` that make a device."""

    viewport: Viewport
    is_mobile: bool
    has_touch: bool


#: A phone as a phone: 360 CSS px wide, mobile viewport, touch.
PHONE: Device = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP: Device = {"viewport": {"width": 1280, "height": 800}}
