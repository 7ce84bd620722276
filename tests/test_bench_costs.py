"""The cost of each kind of file (scripts/bench/costs.py, issue 22) on a small site made here."""

from __future__ import annotations

import json
from pathlib import Path

from bench import costs

ARTICLE = '<article class="md-content__inner md-typeset"><h1>Judul</h1><p>Isi halaman</p></article>'
PAGE = f"""<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8"><title>Judul</title>
    <script>var a=1</script>
  </head>
  <body>
    <header class="md-header"><svg viewBox="0 0 24 24"><path d="M0 0"/></svg></header>
    <nav class="md-tabs"><ul><li><a href="../">Beranda</a></li></ul></nav>
    <div class="md-sidebar md-sidebar--primary"><div><nav class="md-nav">menu</nav></div></div>
    <div class="md-content">{ARTICLE}</div>
    <footer class="md-footer">kaki</footer>
  </body>
</html>
"""


def write(site: Path, path: str, data: str | bytes) -> None:
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def small_site(site: Path) -> None:
    write(site, "index.html", PAGE)
    write(site, "kinerja/indikator/ik24-s01/index.html", PAGE)
    write(site, "kinerja/indikator/ik24-6472-s01/index.html", PAGE)
    write(site, "kinerja/indikator/ik24-s01/sematkan.html", "<html><body>kartu</body></html>")
    write(site, "kinerja/indikator/ik24-s01/bagikan.png", b"\x89PNG" + bytes(200))
    write(site, "api/v1/indikator/IK24-S01.json", '{"id": "IK24-S01"}\n')
    write(site, "api/v1/indikator/IK24-S01.csv", "id\nIK24-S01\n")
    write(site, "api/v1/index.json", "{}\n")
    write(site, "berkas/indikator.csv", "id\n")
    write(site, "cari/indeks/umum.json", "[]")
    write(site, "assets/kinerja.css", "p{}")
    shards = [
        {"name": "bersama", "paths": [""], "bytes": 0, "files": 0},
        {"name": "provinsi-64", "paths": ["kinerja/indikator/ik24-6472-"], "bytes": 0, "files": 0},
    ]
    write(site, "shards.json", json.dumps(shards))


def test_every_file_has_a_kind_and_the_kinds_add_up_to_the_site(tmp_path: Path) -> None:
    small_site(tmp_path)
    measured = costs.measure(tmp_path)
    kinds = {c.kind: c for c in measured.kinds}
    assert kinds["HTML: halaman indikator"].files == 2
    assert kinds["HTML: daftar dan halaman lain"].files == 1
    assert kinds["Kartu sematan (HTML)"].files == 1
    assert kinds["Gambar bagikan (PNG)"].gz == kinds["Gambar bagikan (PNG)"].raw == 204  # not gzipped
    assert kinds["API JSON per indikator"].files == kinds["API CSV per indikator"].files == 1
    assert kinds["API: indeks, manifes, OpenAPI, DCAT"].files == 1
    assert kinds["Unduhan CSV"].files == 1 and kinds["Indeks cari"].files == 1
    every = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert measured.total.files == len(every)
    assert measured.total.raw == sum(p.stat().st_size for p in every)


def test_each_shard_shows_the_share_of_each_group(tmp_path: Path) -> None:
    small_site(tmp_path)
    shards = {s.name: s for s in costs.measure(tmp_path).shards}
    office = shards["provinsi-64"]
    assert office.files == 1 and office.groups["Halaman HTML"] == office.raw == len(PAGE.encode())
    assert shards["bersama"].files == 11 and shards["bersama"].groups["Gambar bagikan"] == 204
    rows = costs.shard_rows(costs.measure(tmp_path))
    assert rows[1][0] == "provinsi-64" and rows[1][3] == "100,0 %"


def test_a_page_is_split_into_its_content_and_each_part_of_the_chrome(tmp_path: Path) -> None:
    small_site(tmp_path)
    measured = costs.measure(tmp_path)
    parts = {p.kind: p for p in measured.chrome["HTML: halaman indikator"]}
    assert sum(p.raw for p in parts.values()) == 2 * len(PAGE.encode())  # every byte in one part
    assert parts["Isi halaman (<article>)"].raw == 2 * len(ARTICLE)
    assert parts["Skrip dan gaya sisipan"].raw == 2 * len("<script>var a=1</script>")
    assert parts["Ikon SVG sisipan"].raw == 2 * len('<svg viewBox="0 0 24 24"><path d="M0 0"/></svg>')
    assert parts["Navigasi (tab, menu, daftar isi)"].raw > 0 and parts["Kerangka lain"].space > 0
    assert parts["Isi halaman (<article>)"].space == 0


def test_the_report_section_has_a_table_per_scale(tmp_path: Path) -> None:
    small_site(tmp_path)
    lines = costs.section({1: costs.measure(tmp_path)})
    text = "\n".join(lines)
    assert lines[0] == "## 6. Biaya per jenis berkas" and "### 1×" in text
    assert "| Gambar bagikan (PNG) | 1 |" in text and "| Seluruh situs | 12 |" in text
