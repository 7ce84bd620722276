"""Accessibility in Chromium: axe-core (WCAG 2.2 A/AA) on every kind of page in light and dark, on a
phone and a desktop; reflow at 320 CSS px (400 % zoom); pages without JavaScript; language; keyboard use."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from _browser import AXE_COLOUR_OPTIONS, AXE_OPTIONS, PAGE_KINDS
from kinerja.browser import DESKTOP, PHONE

MAX_TABS = 80


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:8]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}: {summary}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … dan {len(violation['nodes']) - 8} lagi")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_axe_violations(tour, kind):
    """axe-core, WCAG 2.2 A and AA rules, light mode, desktop: zero violations on every kind of page."""
    visit = tour[kind]
    assert visit.status == 200, f"{kind}: status {visit.status}"
    assert not visit.violations, f"{kind} (/{visit.path}): pelanggaran WCAG 2.2 A/AA:\n" + _report(
        visit.violations
    )


@pytest.mark.parametrize(
    ("scheme", "device"), [("dark", "desktop"), ("light", "phone"), ("dark", "phone")], ids=lambda v: v
)
def test_no_axe_violations_in_every_scheme_and_device(new_page, site_url, axe, scheme, device):
    """WCAG 2.2 A/AA on every kind of page in the other three combinations of scheme and device
    (light desktop is the tour above): a phone as a phone (360 px, is_mobile, touch). Every rule runs on
    both devices in light; in dark, where only the colours differ, the colour rules."""
    page = new_page(**(PHONE if device == "phone" else DESKTOP), color_scheme=scheme)
    options = AXE_COLOUR_OPTIONS if scheme == "dark" else AXE_OPTIONS
    failures = []
    for kind, path in PAGE_KINDS.items():
        page.goto(site_url + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        violations = axe.run(page, options=options).response["violations"]
        if violations:
            failures.append(f"{kind} ({scheme}, {device}):\n" + _report(violations))
    assert not failures, "\n".join(failures)


def test_tappable_abbreviations_are_big_enough(new_page, site_url):
    """WCAG 2.5.8: every abbreviation one can tap is at least 24 × 24 CSS px (measured, not assumed)."""
    page = new_page(**PHONE)
    page.goto(site_url + PAGE_KINDS["indikator dengan catatan"])
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('abbr[role="button"]')].map(el => {
            const box = el.getBoundingClientRect(); return [el.textContent, box.width, box.height];
        })"""
    )
    assert sizes, "halaman contoh tidak memuat singkatan"
    small = [s for s in sizes if s[1] < 24 or s[2] < 24]
    assert not small, f"singkatan lebih kecil dari 24 × 24 px: {small[:5]}"


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_reflow_at_400_percent_zoom(reused_page, site_url, kind):
    """WCAG 1.4.10: at 320 CSS px wide (1280 px at 400 %), no horizontal scrolling of the page;
    only a wide table may scroll inside its own box."""
    page = reused_page(viewport={"width": 320, "height": 256})
    page.goto(site_url + PAGE_KINDS[kind], wait_until="load")
    width, inner = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width <= inner + 1, f"{kind}: halaman bergulir mendatar ({width} px > {inner} px)"
    overflowing = page.evaluate(
        """() => [...document.querySelectorAll('article *')].filter(el => {
            const box = el.getBoundingClientRect();
            if (box.right <= window.innerWidth + 1) return false;
            for (let up = el; up; up = up.parentElement) {
                const s = getComputedStyle(up);
                if (['auto', 'scroll', 'hidden'].includes(s.overflowX) && up !== el) return false;
            }
            return true;
        }).slice(0, 5).map(el => el.tagName + '.' + el.className)"""
    )
    assert not overflowing, f"{kind}: unsur keluar layar tanpa kotak gulir sendiri: {overflowing}"


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_every_page_reads_without_javascript(reused_page, site_url, kind):
    """With JavaScript off the content is all there: heading, text, tables and links."""
    page = reused_page(**DESKTOP, java_script_enabled=False)
    response = page.goto(site_url + PAGE_KINDS[kind], wait_until="load")
    assert response and response.status == 200
    assert page.locator("article h1").first.is_visible(), f"{kind}: judul tidak terlihat tanpa JavaScript"
    text = page.locator("article").first.inner_text()
    assert len(text) > 200, f"{kind}: isi terlalu sedikit tanpa JavaScript ({len(text)} huruf)"
    assert page.locator("nav a[href]").count() > 10, f"{kind}: menu tanpa tautan tanpa JavaScript"
    hidden = page.evaluate(
        "() => [...document.querySelectorAll('article table')].filter(t => !t.offsetParent).length"
    )
    assert hidden == 0, f"{kind}: {hidden} tabel tersembunyi tanpa JavaScript"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_a_planted_violation(new_page, site_url, axe, scheme):
    """The check is live: an image without alternative text and low-contrast text are reported (in dark,
    by the colour rules alone: the text is as dark as the slate background)."""
    page = new_page(**DESKTOP, color_scheme=scheme)
    page.goto(site_url)
    grey = "#bbb" if scheme == "light" else "#333"
    page.evaluate(
        "grey => { const img = document.createElement('img'); img.src = 'data:image/gif;base64,"
        "R0lGODlhAQABAAAAACw='; const p = document.createElement('p'); p.textContent = 'abu-abu';"
        " p.style.color = grey; document.querySelector('article').append(img, p); }",
        grey,
    )
    options = AXE_OPTIONS if scheme == "light" else AXE_COLOUR_OPTIONS
    ids = {v["id"] for v in axe.run(page, options=options).response["violations"]}
    assert ids >= ({"image-alt", "color-contrast"} if scheme == "light" else {"color-contrast"})


def test_language_is_indonesian(tour):
    """<html lang="id"> on every kind of page, so screen readers pick an Indonesian voice."""
    wrong = {kind: visit.lang for kind, visit in tour.items() if visit.lang != "id"}
    assert not wrong, f"lang bukan 'id': {wrong}"


def _focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return {tag: null};
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(),
                cls: el.className || "",
                href: el.href || "",
                text: (el.textContent || "").trim().slice(0, 80),
                outline: style.outlineStyle,
                outlineWidth: parseFloat(style.outlineWidth) || 0,
                shadow: style.boxShadow,
                visible: box.width > 0 && box.height > 0,
            };
        }"""
    )


def _tab_to(page, pattern: re.Pattern[str], limit: int = MAX_TABS) -> tuple[dict, int]:
    """Press Tab until the focused element is a link matching `pattern`; returns it and the count."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused["tag"] == "a" and pattern.search(focused["href"]):
            return focused, presses
    raise AssertionError(
        f"{page.url}: {limit}× Tab tidak mencapai tautan yang cocok dengan {pattern.pattern}"
    )


def _assert_focus_visible(focused: dict) -> None:
    assert focused["visible"], f"fokus pada unsur tak terlihat: {focused}"
    ring = (focused["outline"] != "none" and focused["outlineWidth"] >= 1) or focused["shadow"] != "none"
    assert ring, f"fokus tidak terlihat (tanpa outline/box-shadow): {focused}"


def _skip_to_content(page) -> None:
    """The first Tab lands on the visible skip link; Enter moves on to the page's content."""
    page.keyboard.press("Tab")
    skip = _focused(page)
    assert skip["tag"] == "a" and "md-skip" in skip["cls"], f"Tab pertama bukan tautan lompat: {skip}"
    _assert_focus_visible(skip)
    page.keyboard.press("Enter")
    assert urlparse(page.url).fragment == urlparse(skip["href"]).fragment


def test_keyboard_only_reaches_an_indicator(new_page, site_url):
    page = new_page(**DESKTOP)
    page.goto(site_url)
    _skip_to_content(page)
    focused, _ = _tab_to(page, re.compile(r"/kinerja/(indikator|sasaran)/$"))
    _assert_focus_visible(focused)
    target = focused["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.locator("article h1").is_visible()

    _skip_to_content(page)
    focused, _ = _tab_to(page, re.compile(r"/kinerja/(indikator|sasaran)/(ik|ss)24-[ks]\d\d/$"))
    _assert_focus_visible(focused)
    target = focused["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    if "/sasaran/" in target:
        _skip_to_content(page)
        focused, _ = _tab_to(page, re.compile(r"/kinerja/indikator/ik24-[ks]\d\d/$"))
        _assert_focus_visible(focused)
        target = focused["href"]
        page.keyboard.press("Enter")
        page.wait_for_url(target)
    identifier = re.search(r"ik24-[ks]\d\d", target).group(0).upper()
    assert page.locator("article h1").is_visible()
    assert page.locator("article td strong", has_text=identifier).is_visible()


def test_keyboard_reaches_the_menu_links(new_page, site_url):
    """Without the skip link, Tab still reaches the menu's list of indicators, with visible focus."""
    page = new_page(**DESKTOP)
    page.goto(site_url)
    focused, presses = _tab_to(page, re.compile(r"/kinerja/indikator/$"))
    _assert_focus_visible(focused)
    assert presses <= 20, f"{presses}× Tab sebelum menu indikator"


def test_keyboard_sorts_and_filters_the_indicator_table(new_page, site_url):
    page = new_page(**DESKTOP)
    page.goto(site_url + "kinerja/indikator/")
    page.locator("input.saring-input").focus()
    focused = _focused(page)
    assert focused["tag"] == "input"
    _assert_focus_visible(focused)
    page.keyboard.press("Tab")
    focused = _focused(page)
    assert focused["tag"] == "button" and focused["text"].startswith("Kode"), focused
    _assert_focus_visible(focused)
    page.keyboard.press("Enter")
    assert page.locator(".tabel-saring thead th").first.get_attribute("aria-sort") == "ascending"
