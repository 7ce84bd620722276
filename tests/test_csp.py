"""The Content-Security-Policy is really enforced and the site passes it: zero violations in Chromium."""

from __future__ import annotations

PAGES = (
    "",
    "kinerja/indikator/ik24-s22/",
    "kinerja/sasaran/ss24-s01/",
    "kinerja/dokumen/rkt24-s/",
    "kinerja/indikator/",
    "kinerja/pohon/",
    "unduh/",
    "api/",
)
COLLECT = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def test_pages_pass_their_own_policy(new_page, site_url):
    page = new_page(viewport={"width": 1280, "height": 800})
    page.add_init_script(COLLECT)
    for path in PAGES:
        page.goto(site_url + path, wait_until="networkidle")
        assert page.evaluate("window.__csp") == [], path
        assert page.evaluate("document.querySelector('meta[http-equiv=Content-Security-Policy]') !== null")
    # The search page, with everything a query loads (lunr, the index, the stemmer's word list).
    page.keyboard.press("/")
    page.wait_for_url("**/cari/#cari-kueri")
    page.locator("#cari-kueri").fill("arsip")
    page.locator("#cari-hasil li").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__csp") == [], "cari/"
    assert not page.log.console_errors and not page.log.page_errors


def test_an_injected_inline_script_is_blocked(new_page, site_url):
    """The policy is not decoration: a script added after the build does not run."""
    page = new_page(viewport={"width": 1280, "height": 800})
    page.add_init_script(COLLECT)
    page.goto(site_url + "kinerja/indikator/ik24-s01/", wait_until="networkidle")
    page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.__ran = true'; document.body.appendChild(s); }"""
    )
    page.wait_for_timeout(100)
    assert page.evaluate("window.__ran === undefined")
    assert any(v.startswith("script-src") for v in page.evaluate("window.__csp"))
