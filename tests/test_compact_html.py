"""Whitespace between tags is folded (fewer bytes on every page) and the reader sees the same page.

outputs/compact_html.py folds a newline and the whitespace after it into one
newline, outside tags and outside pre/code/kbd/textarea/script/style. These
tests fail if the whitespace comes back in the built pages, or if folding
changes what a browser shows: the text, where each element sits, the
preformatted blocks, the hashed inline scripts.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kinerja.outputs.compact_html import fold_space
from kinerja.outputs.harden import script_hashes

#: Markup with every case the fold must respect: inline elements split over lines, preformatted
#: and code blocks, a textarea, a script, a style, a tag written over several lines, a comment.
SAMPLE = """<!doctype html>
<html lang="id">
  <head>
    <title>
      Contoh   halaman
    </title>
    <style>
      p  { margin: 0 }
    </style>
  </head>
  <body>
    <nav>
      <ul>
        <li><a href="a/">Beranda</a></li>

        <li>
          <a href="b/">Indikator</a>
        </li>
      </ul>
    </nav>
    <p>Target <strong>95%</strong>
       tercetak <em>kata
       demi kata</em>
    </p>
    <p><code>kode   dengan
  spasi</code> dan <kbd>Ctrl  +
  C</kbd></p>
    <pre><code>baris satu
    baris dua, menjorok

baris empat</code></pre>
    <textarea>isi
   menjorok</textarea>
    <p title="judul
       dua baris">Atribut</p>
    <span style="white-space: nowrap">tidak
       patah</span>
    <!-- catatan
         tangan -->
    <script>var x = 1;
      var y = 2;</script>
  </body>
</html>
"""


def test_runs_of_whitespace_with_a_newline_become_one_newline() -> None:
    folded = fold_space(SAMPLE)
    assert len(folded) < len(SAMPLE) * 0.85
    text = re.sub(r"(?s)<(pre|code|kbd|textarea|script|style)\b.*?</\1>|<[^>]*>", "x", folded)
    assert "\n " not in text and "\n\n" not in text
    assert "<li>\n<a href" in folded and "</ul>\n</nav>" in folded
    assert "Target <strong>95%</strong>\ntercetak <em>kata\ndemi kata</em>\n</p>" in folded


def test_what_shows_or_runs_is_kept_byte_for_byte() -> None:
    folded = fold_space(SAMPLE)
    for kept in (
        "<code>kode   dengan\n  spasi</code>",
        "<kbd>Ctrl  +\n  C</kbd>",
        "<pre><code>baris satu\n    baris dua, menjorok\n\nbaris empat</code></pre>",
        "<textarea>isi\n   menjorok</textarea>",
        "<style>\n      p  { margin: 0 }\n    </style>",
        '<p title="judul\n       dua baris">',
        "<script>var x = 1;\n      var y = 2;</script>",
    ):
        assert kept in folded, kept
    assert script_hashes(folded) == script_hashes(SAMPLE)  # the security policy's hashes still match


def test_folding_twice_changes_nothing() -> None:
    once = fold_space(SAMPLE)
    assert fold_space(once) == once
    assert fold_space("") == "" and fold_space("<p>tanpa baris baru</p>") == "<p>tanpa baris baru</p>"


def test_an_unclosed_kept_element_keeps_the_rest_of_the_page() -> None:
    page = "<p>\n   a</p><pre>x\n   y"
    assert fold_space(page) == "<p>\na</p><pre>x\n   y"


# The built site


def test_no_page_of_the_built_site_carries_foldable_whitespace(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert fold_space(page) == page, path.relative_to(built_site)


def test_the_embed_snippet_and_the_checksums_keep_their_lines(built_site: Path) -> None:
    downloads = (built_site / "unduh" / "index.html").read_text(encoding="utf-8")
    sums = downloads.split('<code class="sha">', 1)[1].split("</code>", 1)[0]
    assert sums.count("\n") >= 10 and re.search(r"^[0-9a-f]{64}  berkas/", sums, re.M)
    indicator = (built_site / "kinerja" / "indikator" / "ik24-s22" / "index.html").read_text(encoding="utf-8")
    assert "<header" in indicator and "\n  " not in indicator.split("<article", 1)[0]


# In Chromium: the same text in the same places


MEASURE = """() => {
  const boxes = [...document.body.querySelectorAll('*')].map((el) => {
    const r = el.getBoundingClientRect();
    return [el.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
  });
  return {text: document.body.innerText, value: document.querySelector('textarea').value, boxes};
}"""


def test_a_browser_shows_the_folded_page_exactly_as_the_original(new_page: Any) -> None:
    page = new_page(viewport={"width": 360, "height": 740})
    seen = []
    for markup in (SAMPLE, fold_space(SAMPLE)):
        page.set_content(markup.replace("<style>", "<style>code, kbd, pre { white-space: pre-wrap }"))
        seen.append(page.evaluate(MEASURE))
    assert seen[0] == seen[1]
    assert "baris dua, menjorok" in seen[1]["text"] and seen[1]["value"] == "isi\n   menjorok"
