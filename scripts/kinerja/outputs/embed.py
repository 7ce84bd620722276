"""The embeddable card of every indicator: a small standalone page for an iframe in a news article.

Each indicator gets kinerja/indikator/<kode>/sematkan.html (paths.embed): the
printed text, the printed target exactly as printed, the office, the year and
the code, and links back to the indicator's page. It needs no JavaScript and
no other file (its CSS is inline, which the site's policy allows:
outputs/harden.py, `style-src 'unsafe-inline'`), so it weighs about 1 KB
gzipped. It is written under content/ like the downloads and copied as it is
by the engine; the post-build steps give it the site's security policy like
every page. A static host sends no X-Frame-Options and a policy in a <meta>
tag cannot forbid framing (frame-ancestors is ignored there), so other sites
may frame it. `data-cari-abaikan` keeps it out of the site's search and
`noindex` out of search engines: the indicator's page is the one to find.
"""

from __future__ import annotations

from html import escape

from .. import paths
from .job import Job
from .share_image import Facts, facts

#: Suggested size of the iframe in the snippet: fits the longest printed text on a phone.
FRAME_WIDTH, FRAME_HEIGHT = 560, 360
#: The site's icon (mkdocs.yml theme.favicon), so that a card opened on its own asks for no missing file.
FAVICON = "assets/favicon.svg"
#: The card's whole style: the site's red band and ink, system fonts, readable at 320 px wide.
STYLE = (
    "html,body{height:100%;margin:0}"
    "body{font:16px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
    "color:#1a1a1a;background:#fff;color-scheme:light}"
    ".kartu{box-sizing:border-box;min-height:100%;display:flex;flex-direction:column;"
    "border:1px solid #c8c8c8;border-top:0}"
    ".kepala{margin:0;padding:.45em .9em;background:#9f1c1c;color:#fff;font-size:.95em;"
    "display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 1em}"
    ".isi{padding:.6em .9em .8em;display:flex;flex-direction:column;flex:1}"
    "h1{font-size:1.15em;line-height:1.3;margin:0 0 .5em}"
    "@media (max-width:420px){body{font-size:15px}h1{font-size:1.05em}}"
    "a{color:#9f1c1c}h1 a{color:inherit;text-decoration:none}h1 a:hover,h1 a:focus{text-decoration:underline}"
    "a:focus-visible{outline:3px solid #1a3f8f;outline-offset:2px}"
    ".target{margin:0 0 .3em}.target strong{font-size:1.25em}"
    ".kantor{margin:0;color:#4d4d4d}"
    ".sumber{margin:auto 0 0;padding-top:.5em;font-size:.85em}"
)


def _root(path: str) -> str:
    """The relative way from a site path to the site root: kinerja/indikator/x/sematkan.html → ../../../."""
    return "../" * path.count("/")


def card(card: Facts, page: str) -> str:
    """The HTML of one embeddable card; `page` is the canonical address of the indicator's page."""
    own = paths.embed(card.code)
    site = escape(paths.site_name())
    back = 'href="./" target="_blank" rel="noopener"'
    teks, target, office = escape(card.teks), escape(card.target), escape(card.office)
    return (
        '<!doctype html>\n<html lang="id" data-cari-abaikan>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{escape(card.code)} · {teks} · {site}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="icon" href="{_root(own)}{FAVICON}">\n'
        f'<link rel="canonical" href="{escape(page)}">\n'
        '<link rel="alternate feed" type="application/atom+xml" title="Perubahan data (Atom)" '
        f'href="{_root(own)}{paths.FEED}">\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        '<main class="kartu">\n'
        f'<p class="kepala"><span>Indikator kinerja <strong>{escape(card.code)}</strong></span>'
        f"<span>Tahun anggaran {card.year}</span></p>\n"
        '<div class="isi">\n'
        f"<h1><a {back}>{teks}</a></h1>\n"
        f'<p class="target">Target tercetak: <strong>{target}</strong></p>\n'
        f'<p class="kantor">{office}</p>\n'
        f'<p class="sumber"><a {back}>Data, sumber dan capaian di {site}</a></p>\n'
        "</div>\n</main>\n</body>\n</html>\n"
    )


def snippet(card: Facts, url: str) -> str:
    """The iframe code a journalist pastes to show the card at `url` (its absolute address)."""
    title = escape(f"Indikator kinerja {card.code}: {card.teks}")
    return (
        f'<iframe src="{escape(url)}" title="{title}" width="{FRAME_WIDTH}" height="{FRAME_HEIGHT}" '
        'style="max-width:100%;border:0" loading="lazy"></iframe>'
    )


def write(job: Job) -> None:
    """Write the embeddable card of every indicator under content/ (paths.embed); a PAGES step."""
    for item in job.package.indikator.values():
        page = paths.absolute(paths.page_url("indikator", item.id)) if paths.site_url_is_set() else "./"
        job.writer.write_text(job.content / paths.embed(item.id), card(facts(job.package, item), page))
