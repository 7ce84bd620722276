"""The Atom feed of data changes: valid Atom, stable ids, dates from the data, one feed per office."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import feedparser
import pytest

from _site import copy_project
from bench import synthetic
from conftest import FIXTURE
from kinerja import csvio, model
from kinerja.outputs import feed
from kinerja.update import import_document

ROOT = Path(__file__).resolve().parents[1]
SOURCE = FIXTURE / "data" / "sumber" / "rkt-2024-kpu-kaltim.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "capaian"


def parse(data: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_the_feed_lists_the_package_s_history() -> None:
    package = model.load(FIXTURE)
    parsed = parse(feed.atom(package, None, "berkas/perubahan.xml", 0))
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(set(ids)) == 2 + len(package.anomali)
    assert "urn:kinerja:rkt-2024-kpu-kaltim:dokumen:RKT24-K:v1" in ids
    first = next(e for e in parsed.entries if e.id.endswith(":dokumen:RKT24-S:v1"))
    assert first.title.startswith("Dokumen baru: RKT 2024 Sekretariat") and first.updated.startswith(
        "2024-03-01"
    )
    note = next(e for e in parsed.entries if e.id.endswith(":anomali:AN24-01"))
    assert note.updated.startswith(package.anomali["AN24-01"].dicatat.isoformat())
    assert note.link.endswith("/kinerja/" + package.anomali["AN24-01"].tabel + "/"
                              + package.anomali["AN24-01"].rujukan_id.lower() + "/")  # fmt: skip
    dates = [e.updated for e in parsed.entries]
    assert dates == sorted(dates, reverse=True), "newest first"
    assert parsed.feed.updated == dates[0]


def test_revisions_and_realisation_become_entries_with_their_own_dates(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    shutil.copy(FIXTURES / "realisasi.csv", project / "data" / "realisasi.csv")
    text = (
        SOURCE.read_text(encoding="utf-8")
        .replace("Persentase penegakan disiplin pegawai\t90%", "Persentase penegakan disiplin pegawai\t92%")
        .replace("Samarinda, 1 Maret 2024\n\nSekretaris", "Samarinda, 1 Juli 2024\n\nSekretaris")
    )
    source = tmp_path / "rkt-2024-kpu-kaltim-revisi-1.txt"
    source.write_text(text, encoding="utf-8")
    import_document(project, source, alasan="Revisi target disiplin pegawai.", tanggal="2024-07-01")
    before = parse(feed.atom(model.load(project), None, "berkas/perubahan.xml", 0))
    revision = next(e for e in before.entries if e.id.endswith(":dokumen:RKT24-S:v2"))
    assert revision.title.startswith("Revisi versi 2") and revision.updated.startswith("2024-07-01")
    real = next(e for e in before.entries if e.id.endswith(":realisasi:IK24-K03:TW4"))
    assert (
        real.updated.startswith("2025-01-31")
        and "80,1 %" in real.title
        and "Capaian 103,35 %" in real.summary
    )
    again = parse(feed.atom(model.load(project), None, "berkas/perubahan.xml", 99))
    assert [e.id for e in again.entries] == [e.id for e in before.entries], "ids never change"
    rows = csvio.read(project / "data" / "realisasi.csv")
    assert len([e for e in before.entries if ":realisasi:" in e.id]) == len(rows)


@pytest.mark.parametrize("office", ["64", "6401"])
def test_each_office_has_its_own_feed(tmp_path: Path, office: str) -> None:
    root = synthetic.write_project(copy_project(tmp_path / "asli"), tmp_path / "dua", 2).root
    package = model.load(root)
    parsed = parse(feed.atom(package, package.kantor[office], f"berkas/kantor/{office}/perubahan.xml", 0))
    titles = " ".join(e.title for e in parsed.entries)
    assert package.kantor[office].nama in parsed.feed.title
    other = "RKT24-6401" if office == "64" else "RKT24-K:"
    assert all(other not in e.id for e in parsed.entries)
    assert ("Kabupaten Paser" in titles) == (office == "6401")


def test_every_page_links_the_feed_and_the_built_feed_parses(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    link = re.compile(r'<link rel="([^"]*)" type="application/atom\+xml"[^>]*href="([^"]*perubahan\.xml)"')
    missing = [
        p.relative_to(built_site).as_posix()
        for p in pages
        if not any("alternate" in m.group(1).split() for m in link.finditer(p.read_text(encoding="utf-8")))
    ]
    assert pages and not missing, missing[:5]
    parsed = parse((built_site / "berkas" / "perubahan.xml").read_bytes())
    assert parsed.entries
    unduh = (built_site / "unduh" / "index.html").read_text(encoding="utf-8")
    assert 'href="../berkas/perubahan.xml"' in unduh
