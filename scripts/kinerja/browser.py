"""Debian's Chromium and how to start it: one recipe for the browser tests and the benchmarks.

Never a downloaded browser: /usr/bin/chromium from `apt-get install chromium`
(or KINERJA_CHROMIUM), headless, with nothing that calls home.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypedDict

CHROMIUM = Path(os.environ.get("KINERJA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
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
