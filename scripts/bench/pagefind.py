"""The Pagefind candidate of the search benchmark: one small HTML document per page, fed to Pagefind.

Measured beside the lunr extension (bench/cari.py, docs/benchmarks.md) and
not used by the site's build: its first query cost more than the 100 KB
budget at 1× and its metadata file grows with every page of the whole site.

Pagefind (a Rust indexer, pip package `pagefind[bin]`) writes a chunked
index under site/pagefind/: a metadata file, index chunks split by word, one
fragment per page with its text for the snippet, and a WebAssembly search
core. The browser loads only pagefind.js, the core, the metadata and the
chunks of the words it looks for, then the fragments of the results it shows.

Pagefind is not pointed at the site itself: for every page read by
`pages.read_site`, a minimal document is indexed instead, so that what is
searched is exactly what this project decides, on any engine's HTML:

- `<h1>` = the page title (Pagefind weighs it 7× body text), with the page's
  weight (`data-search-boost`) applied to the whole document through
  `data-pagefind-weight` on its parts;
- the printed text, in paragraphs;
- the index-only words (`terms.hidden_terms`) as two metadata fields,
  `istilah_judul` and `istilah`: metadata is searched, weighed by the
  browser's `ranking.metaWeights`, and never appears in a snippet.

Languages: the `lang` of each page's `<html>` (id), so Pagefind's Indonesian
Snowball stemmer runs at build time and in the browser.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kinerja import paths
from kinerja.outputs.search.lunr import Written
from kinerja.outputs.search.pages import Page
from kinerja.outputs.search.terms import Hidden

BUNDLE = "pagefind"
#: The browser side of this candidate, copied into the benchmark site.
ADAPTER = Path(__file__).with_name("cari_pagefind.js")
#: Metadata fields of the index-only words: like the title, and like the text.
META_TITLE = "istilah_judul"
META_TEXT = "istilah"
#: Files of the bundle that the site's own search page never loads (Pagefind's ready-made UIs).
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
MAX_WEIGHT = 10.0
#: The page weight that gets Pagefind's default weights: an indicator's page.
REFERENCE_BOOST = 3.0


class PagefindMissing(RuntimeError):
    """The `pagefind` package (with its binary) is not installed."""


def _weight(value: float) -> str:
    return f"{max(0.0, min(MAX_WEIGHT, value)):.3g}"


def weights(boost: float) -> tuple[float, float]:
    """Pagefind weights (title, text) for a page of weight `boost`.

    Pagefind's weights act squared, so the factor is the square root of the
    page weight relative to an indicator's (3): an indicator's page keeps
    Pagefind's own weights (h1 7, text 1), a sasaran gets 0.82 of them, a
    list 0.26.
    """
    factor = (max(boost, 0.0) / REFERENCE_BOOST) ** 0.5
    return 7.0 * factor, factor


def document(page: Page, hidden: Hidden) -> str:
    """The HTML that Pagefind indexes for one page."""
    lang = html.escape(page.lang or "id", quote=True)
    title_weight, text_weight = weights(page.boost)
    h1 = f'<h1 data-pagefind-weight="{_weight(title_weight)}">'
    p = f'<p data-pagefind-weight="{_weight(text_weight)}">'
    parts = [f'<html lang="{lang}"><head><title>{html.escape(page.title)}</title></head><body>']
    parts.append(f"{h1}{html.escape(page.title)}</h1>")
    parts += [f"{p}{html.escape(line)}</p>" for line in page.text.split("\n") if line]
    for field, words in ((META_TITLE, hidden.title), (META_TEXT, hidden.text)):
        if words:
            value = html.escape(" ".join(words), quote=True)
            parts.append(f'<span data-pagefind-meta="{field}:{value}"></span>')
    parts.append("</body></html>")
    return "".join(parts)


def executable() -> Path:
    """Pagefind's indexer binary: from `pagefind_bin` in this Python, else in .venv-bench."""
    try:
        from pagefind_bin import get_executable

        found = get_executable()
        if found is not None:
            return Path(found)
    except ImportError:
        pass
    for candidate in sorted(
        (paths.PROJECT / ".venv-bench").glob("lib/python*/site-packages/pagefind_bin/pagefind")
    ):
        return candidate
    raise PagefindMissing(
        "program Pagefind tidak ditemukan: pasang 'pagefind[bin]' (requirements-bench.in) "
        "di .venv atau .venv-bench"
    )


def search_page(site: Path) -> str:
    """cari-pagefind/: the site's search page driving Pagefind; returns its address.

    The adapter (cari_pagefind.js) is loaded before cari.js, and the page's
    Content-Security-Policy gets 'wasm-unsafe-eval': Pagefind's search core is
    WebAssembly, which a policy without it refuses to compile.
    """
    page = (site / "cari" / "index.html").read_text(encoding="utf-8")
    page = page.replace('data-mesin="lunr"', 'data-mesin="pagefind"')
    page = page.replace(
        '<script src="../assets/cari.js"',
        '<script src="../assets/cari-pagefind.js" defer></script>\n<script src="../assets/cari.js"',
    )
    page = page.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", 1)
    (site / "cari-pagefind").mkdir(exist_ok=True)
    (site / "cari-pagefind" / "index.html").write_text(page, encoding="utf-8")
    shutil.copyfile(ADAPTER, site / "assets" / "cari-pagefind.js")
    return "cari-pagefind/"


def _write_documents(folder: Path, items: Iterable[tuple[Page, Hidden]]) -> int:
    count = 0
    for page, hidden in items:
        target = folder / page.url / "index.html" if not page.url.endswith(".html") else folder / page.url
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(document(page, hidden), encoding="utf-8")
        count += 1
    return count


def write(site: Path, items: Iterable[tuple[Page, Hidden]]) -> Written:
    """Index the pages into site/pagefind/ (replacing an older bundle) and drop the unused UI files.

    The minimal documents are written to a temporary folder and indexed by the
    Pagefind program (its Python service API answers one file per 0.1 s).
    """
    output = site / BUNDLE
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="kinerja-cari-") as tmp:
        folder = Path(tmp) / "situs"
        count = _write_documents(folder, items)
        command = [str(executable()), "--site", str(folder), "--output-path", str(output), "--silent"]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError("Pagefind gagal membuat indeks:\n" + (result.stderr or result.stdout).strip())
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    used = {str(language.get("wasm")) for language in entry.get("languages", {}).values()}
    for wasm in output.glob("wasm.*.pagefind"):
        if wasm.name.split(".")[1] not in used:
            wasm.unlink()
    files = [p for p in output.rglob("*") if p.is_file()]
    return Written(count, len(files), sum(p.stat().st_size for p in files))
