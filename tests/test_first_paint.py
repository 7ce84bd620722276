"""First paint waits for the HTML and one stylesheet: small CSS inlined, trailing scripts deferred."""

from __future__ import annotations

import re
from pathlib import Path

from kinerja.outputs import first_paint

LINK = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)"')


def small_site(root: Path) -> Path:
    """A site with a big, a small, a print-only, an external, a root and a url() stylesheet."""
    (root / "assets").mkdir(parents=True)
    (root / "halaman").mkdir()
    big = "".join(
        f".k{n}{{margin:{n}px;padding:{n * 7 % 13}px;color:#{n * 99991 % 0xFFFFFF:06x}}}" for n in range(4000)
    )
    (root / "assets" / "besar.css").write_text(big, encoding="utf-8")
    (root / "assets" / "kecil.css").write_text(".a { color: red; }\n", encoding="utf-8")
    (root / "assets" / "cetak.css").write_text("body { color: black; }\n", encoding="utf-8")
    (root / "assets" / "gambar.css").write_text(".b { background: url(gambar.png); }\n", encoding="utf-8")
    (root / "assets" / "isi.css").write_text(
        ".c { fill: url(#arsir); background: url('data:x'); }\n", encoding="utf-8"
    )
    page = (
        "<html><head><title>x</title>\n"
        '<link rel="stylesheet" href="../assets/besar.css">\n'
        '<link rel="stylesheet" href="../assets/kecil.css">\n'
        '<link rel="stylesheet" href="../assets/cetak.css" media="print">\n'
        '<link rel="stylesheet" href="https://cdn.contoh.id/luar.css">\n'
        '<link rel="stylesheet" href="/situs/assets/kecil.css">\n'
        '<link rel="stylesheet" href="../assets/gambar.css">\n'
        '<link rel="stylesheet" href="../assets/isi.css">\n'
        '<link rel="stylesheet" href="../assets/hilang.css">\n'
        '</head><body><link rel="stylesheet" href="../assets/kecil.css"></body></html>'
    )
    (root / "halaman" / "index.html").write_text(page, encoding="utf-8")
    return root / "halaman" / "index.html"


def test_only_small_relative_stylesheets_are_inlined_in_order(tmp_path):
    page = small_site(tmp_path)
    assert first_paint.speed_up_site(tmp_path) == 1
    text = page.read_text(encoding="utf-8")
    head, body = text.split("</head>")
    kept = LINK.findall(head)
    assert kept == [
        "../assets/besar.css",
        "https://cdn.contoh.id/luar.css",
        "/situs/assets/kecil.css",
        "../assets/gambar.css",
        "../assets/hilang.css",
    ]
    assert (
        head.index("besar.css") < head.index("<style>.a { color: red; }</style>") < head.index("cdn.contoh")
    )
    assert '<style media="print">body { color: black; }</style>' in head
    assert "<style>.c { fill: url(#arsir); background: url('data:x'); }</style>" in head
    assert 'href="../assets/kecil.css"' in body, "only the head is changed"
    assert (tmp_path / "assets" / "kecil.css").is_file(), "the files stay in the site"
    assert first_paint.speed_up_site(tmp_path) == 0, "a second run changes nothing"


def test_a_stylesheet_outside_the_site_is_never_read(tmp_path):
    (tmp_path / "luar.css").write_text(".rahasia{}", encoding="utf-8")
    site = tmp_path / "situs"
    site.mkdir()
    (site / "index.html").write_text(
        '<head><link rel="stylesheet" href="../luar.css"></head>', encoding="utf-8"
    )
    assert first_paint.speed_up_site(site) == 0
    assert ".rahasia" not in (site / "index.html").read_text(encoding="utf-8")


def test_only_the_external_scripts_that_end_the_body_are_deferred():
    page = (
        '<html><head><script src="kepala.js"></script></head><body>'
        '<script src="tengah.js"></script><p>isi</p>'
        "<script>var a = 1;</script>\n"
        '<script id="__config" type="application/json">{}</script>\n'
        '  <script src="bundle.js"></script>\n'
        '  <script src="sudah.js" defer></script>\n'
        '  <script src="kinerja.js"></script>\n</body></html>'
    )
    deferred = first_paint.defer_trailing_scripts(page)
    assert '<script src="bundle.js" defer></script>' in deferred
    assert '<script src="kinerja.js" defer></script>' in deferred
    assert '<script src="sudah.js" defer></script>' in deferred and "defer defer" not in deferred
    assert '<script src="kepala.js"></script>' in deferred, "a script in the head still blocks"
    assert '<script src="tengah.js"></script>' in deferred, "a script before content still runs there"
    assert "<script>var a = 1;</script>" in deferred
    after_inline = (
        '<body><script src="a.js"></script><script>b()</script>\n<script src="c.js"></script></body>'
    )
    assert first_paint.defer_trailing_scripts(after_inline) == (
        '<body><script src="a.js"></script><script>b()</script>\n<script src="c.js" defer></script></body>'
    ), "a script before an inline one keeps running before it"
    module = '<body><script type="module" src="m.js"></script></body>'
    assert first_paint.defer_trailing_scripts(module) == module


def test_built_pages_block_first_paint_on_one_stylesheet(built_site):
    css = (built_site / "assets" / "kinerja.css").read_text(encoding="utf-8").strip()
    for page in [built_site / "index.html", built_site / "kinerja" / "indikator" / "ik24-s01" / "index.html"]:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        links = LINK.findall(head)
        assert len(links) == 1 and "main." in links[0], links
        assert css in head
        assert head.index(links[0]) < head.index(css), "the site's CSS still comes after Material's"
        body = page.read_text(encoding="utf-8").split("</head>")[1]
        scripts = re.findall(r'<script src="[^"]+"([^>]*)>', body)
        assert len(scripts) >= 2 and all(" defer" in rest for rest in scripts), scripts
