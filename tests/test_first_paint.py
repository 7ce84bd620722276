"""First paint waits for the HTML and one stylesheet: stylesheets joined, trailing scripts deferred."""

from __future__ import annotations

import re
from pathlib import Path

from kinerja.outputs import first_paint

LINK = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)"')


def small_site(root: Path) -> Path:
    """A page whose head links two runs of local stylesheets, broken by others that must stay."""
    (root / "assets" / "stylesheets").mkdir(parents=True)
    (root / "halaman").mkdir()
    files = {
        "stylesheets/utama.css": '@charset "UTF-8";.u{color:blue}',
        "stylesheets/palet.css": ".p{color:green}\n/*# sourceMappingURL=palet.css.map */\n",
        "situs.css": ".a { color: red; fill: url(#arsir); background: url('data:x'); }\n",
        "cetak.css": "body { color: black; }\n",
        "gambar.css": ".b { background: url(gambar.png); }\n",
        "impor.css": "@import 'lain.css';\n",
    }
    for name, text in files.items():
        (root / "assets" / name).write_text(text, encoding="utf-8")
    page = (
        "<html><head><title>x</title>\n"
        '<link rel="stylesheet" href="../assets/stylesheets/utama.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/palet.css">\n'
        '<link rel="stylesheet" href="../assets/situs.css">\n'
        "<meta name=pemisah>\n"
        '<link rel="stylesheet" href="../assets/cetak.css" media="print">\n'
        '<link rel="stylesheet" href="https://cdn.contoh.id/luar.css">\n'
        '<link rel="stylesheet" href="/situs/assets/situs.css">\n'
        "<meta name=pemisah>\n"
        '<link rel="stylesheet" href="../assets/situs.css">\n'
        '<link rel="stylesheet" href="../assets/gambar.css">\n'
        "<meta name=pemisah>\n"
        '<link rel="stylesheet" href="../assets/situs.css">\n'
        '<link rel="stylesheet" href="../assets/impor.css">\n'
        "<meta name=pemisah>\n"
        '<link rel="stylesheet" href="../assets/situs.css">\n'
        '<link rel="stylesheet" href="../assets/hilang.css">\n'
        '</head><body><link rel="stylesheet" href="../assets/situs.css"></body></html>'
    )
    (root / "halaman" / "index.html").write_text(page, encoding="utf-8")
    (root / "index.html").write_text(page.replace("../assets/", "assets/"), encoding="utf-8")
    return root / "halaman" / "index.html"


def test_consecutive_local_stylesheets_become_one_file_in_the_same_order(tmp_path):
    page = small_site(tmp_path)
    assert first_paint.speed_up_site(tmp_path) == 2
    head, body = page.read_text(encoding="utf-8").split("</head>")
    links = LINK.findall(head)
    combined = [href for href in links if "gabungan." in href]
    assert len(combined) == 1 and combined[0].startswith("../assets/stylesheets/gabungan."), links
    assert links[1:] == [
        "../assets/cetak.css",
        "https://cdn.contoh.id/luar.css",
        "/situs/assets/situs.css",
        "../assets/situs.css",
        "../assets/gambar.css",
        "../assets/situs.css",
        "../assets/impor.css",
        "../assets/situs.css",
        "../assets/hilang.css",
    ], "a print sheet, another host, a root path, a moved url(), an @import and a missing file stay links"
    written = (page.parent / combined[0]).resolve().read_text(encoding="utf-8")
    assert written == '@charset "UTF-8";.u{color:blue}\n.p{color:green}\n' + (
        ".a { color: red; fill: url(#arsir); background: url('data:x'); }\n"
    )
    assert 'href="../assets/situs.css"' in body, "only the head is changed"
    root_head = (tmp_path / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    assert LINK.findall(root_head)[0] == "assets/stylesheets/" + Path(combined[0]).name, (
        "one file for both pages"
    )
    assert len(list((tmp_path / "assets" / "stylesheets").glob("gabungan.*.css"))) == 1
    assert (tmp_path / "assets" / "situs.css").is_file(), "the files stay in the site"
    assert first_paint.speed_up_site(tmp_path) == 0, "a second run changes nothing"


def test_a_stylesheet_outside_the_site_is_never_read(tmp_path):
    (tmp_path / "luar.css").write_text(".rahasia{}", encoding="utf-8")
    site = tmp_path / "situs"
    site.mkdir()
    (site / "a.css").write_text(".a{}", encoding="utf-8")
    links = '<link rel="stylesheet" href="a.css"><link rel="stylesheet" href="../luar.css">'
    (site / "index.html").write_text(f"<head>{links}</head>", encoding="utf-8")
    assert first_paint.speed_up_site(site) == 0
    assert not list(site.glob("gabungan.*"))


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
        text = page.read_text(encoding="utf-8")
        head, body = text.split("</head>")
        links = LINK.findall(head)
        assert len(links) == 1 and "/gabungan." in links[0], links
        joined = (page.parent / links[0]).resolve().read_text(encoding="utf-8")
        material = next((built_site / "assets" / "stylesheets").glob("main.*.min.css")).read_text(
            encoding="utf-8"
        )
        assert joined.index(material.strip()) < joined.index(css), (
            "the site's CSS still comes after Material's"
        )
        scripts = re.findall(r'<script src="[^"]+"([^>]*)>', body)
        assert len(scripts) >= 2 and all(" defer" in rest for rest in scripts), scripts
