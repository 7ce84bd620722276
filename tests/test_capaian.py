"""Capaian is computed, never typed; realisation shows only when published; years and versions."""

from __future__ import annotations

import html
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from _site import copy_project
from conftest import FIXTURE
from kinerja import csvio, model
from kinerja.domain import capaian
from kinerja.outputs import chart, pages, registry
from kinerja.update import import_document
from kinerja.validate import validate

FIXTURES = Path(__file__).parent / "fixtures" / "capaian"
SOURCE = FIXTURE / "data" / "sumber" / "rkt-2024-kpu-kaltim.txt"


def test_sakip_formulas():
    assert capaian.hitung(Decimal("77.5"), Decimal("80.1"), "naik") == Decimal("103.35")
    assert capaian.hitung(Decimal(3), Decimal(2), "turun") == Decimal("133.33")
    assert capaian.hitung(Decimal(3), Decimal(3), "turun") == Decimal("100.00")
    assert capaian.hitung(Decimal(0), Decimal(2), "naik") is None
    with pytest.raises(ValueError, match="arah"):
        capaian.hitung(Decimal(1), Decimal(1), "datar")


def test_rating_bands_are_data():
    skala = [
        capaian.Pita(1, "Tinggi", Decimal(90), None),
        capaian.Pita(2, "Rendah", Decimal(0), Decimal(90)),
    ]
    assert capaian.kategori(Decimal("90.00"), skala) == "Tinggi"
    assert capaian.kategori(Decimal("89.99"), skala) == "Rendah"
    assert capaian.kategori(Decimal("50"), []) == ""
    assert capaian.kategori(None, skala) == ""


def test_published_package_has_no_made_up_realisation():
    package = model.load(FIXTURE)
    assert package.tables["realisasi"].rows == []
    assert all(i.polaritas for i in package.indikator.values()), "setiap indikator perlu arah"
    assert all(i.polaritas_dasar == "tafsiran" for i in package.indikator.values())
    page = pages.indikator_page(package, package.indikator["IK24-K03"], 0)
    assert "Realisasi 2024 belum diterbitkan" in page
    assert "Realisasi: belum diterbitkan" in page  # the chart draws the target alone


@pytest.fixture
def with_realisation(tmp_path: Path) -> model.Package:
    project = copy_project(tmp_path / "p")
    for name in ("realisasi.csv", "skala_capaian.csv"):
        shutil.copy(FIXTURES / name, project / "data" / name)
    assert validate(project) == []
    return model.load(project)


def test_capaian_and_category_computed_from_fixture(with_realisation):
    k03 = with_realisation.indikator["IK24-K03"]
    assert [(r.periode, r.capaian, r.predikat) for r in k03.realisasi] == [
        ("TW4", Decimal("103.35"), "Sangat Baik"),
        ("tahunan", Decimal("106.68"), "Sangat Baik"),
    ]
    s37 = with_realisation.indikator["IK24-S37"]
    assert s37.polaritas == "turun" and s37.realisasi[0].capaian == Decimal("133.33")
    assert with_realisation.indikator["IK24-S05"].realisasi == []


def test_validator_refuses_realisation_in_another_unit(tmp_path):
    project = copy_project(tmp_path / "p")
    rows = csvio.read(FIXTURES / "realisasi.csv")
    rows.append({**rows[-1], "indikator_id": "IK24-S05", "nilai": "3", "satuan": "persen"})
    csvio.write(project / "data" / "realisasi.csv", list(rows[0]), rows)
    problems = validate(project)
    assert [(p.code, p.file, p.row, p.field) for p in problems] == [
        ("satuan_realisasi_beda", "data/realisasi.csv", 5, "satuan")
    ]
    assert "Cara memperbaiki" in str(problems[0]) and "12 kali" in str(problems[0])


def test_validator_wants_a_direction_for_every_indicator_and_archives_for_old_versions(tmp_path):
    project = copy_project(tmp_path / "p")
    rows = csvio.read(project / "data" / "polaritas.csv")
    csvio.write(
        project / "data" / "polaritas.csv",
        list(rows[0]),
        [r for r in rows if r["indikator_id"] != "IK24-K02"],
    )
    revisi = csvio.read(project / "data" / "revisi.csv")
    revisi.append({**revisi[-1], "versi": "2", "tanggal": "2024-07-01"})
    csvio.write(project / "data" / "revisi.csv", list(revisi[0]), revisi)
    found = [(p.code, p.file, p.row, p.field) for p in validate(project)]
    assert ("polaritas_hilang", "data/polaritas.csv", None, "indikator_id") in found
    assert ("arsip_hilang", "data/revisi.csv", 3, "versi") in found
    assert len(found) == 2


def test_indicator_page_shows_chart_and_table(with_realisation):
    page = pages.indikator_page(with_realisation, with_realisation.indikator["IK24-K03"], 0)
    assert '<svg class="grafik-capaian"' in page and 'role="img"' in page and "<title" in page
    assert 'class="batang-target"' in page and 'fill="url(#arsir)"' not in page  # pattern via CSS class
    assert "| Triwulan IV | 77,5&#37; | 80,1 % | 103,35 % | — | Sangat Baik |" in page
    assert "capaian = realisasi ÷ target × 100 % (makin tinggi makin baik)" in html.unescape(page)
    s37 = html.unescape(pages.indikator_page(with_realisation, with_realisation.indikator["IK24-S37"], 0))
    assert "133,33 %" in s37 and "(1 + (1 − realisasi ÷ target)) × 100 %" in s37


def test_new_year_keeps_2024_urls_and_links_years(tmp_path):
    project = copy_project(tmp_path / "p")
    content = project / "content"
    before = {p.relative_to(content) for p in registry.write_pages(model.load(project), content, 0)}
    text = SOURCE.read_text(encoding="utf-8").replace("Tahun Anggaran : 2024", "Tahun Anggaran : 2025")
    source = tmp_path / "rkt-2025-kpu-kaltim.txt"
    source.write_text(text, encoding="utf-8")
    import_document(project, source)
    package = model.load(project)
    after = {p.relative_to(content) for p in registry.write_pages(package, content, 0)}
    assert before <= after, "alamat halaman 2024 tidak boleh hilang"
    assert package.tahun == [2024, 2025]
    assert package.indikator["IK24-S09"].tahun_lain == ["IK25-S09"]
    page = (content / "kinerja" / "indikator" / "ik24-s09.md").read_text(encoding="utf-8")
    assert "[IK25-S09 (2025)](ik25-s09.md)" in page
    index = (content / "kinerja" / "dokumen" / "index.md").read_text(encoding="utf-8")
    assert index.index("Tahun 2025") < index.index("Tahun 2024")


def test_a_revision_becomes_a_version_with_its_changes(tmp_path, builder):
    project = copy_project(tmp_path / "p")
    text = SOURCE.read_text(encoding="utf-8")
    text = text.replace(
        "Persentase penegakan disiplin pegawai\t90%", "Persentase penegakan disiplin pegawai\t92%"
    )
    text = text.replace(
        "Persentase pegawai yang terseleksi\t100%", "Persentase pegawai baru yang terseleksi\t100%"
    )
    text = text.replace("Samarinda, 1 Maret 2024\n\nSekretaris", "Samarinda, 1 Juli 2024\n\nSekretaris")
    source = tmp_path / "rkt-2024-kpu-kaltim-revisi-1.txt"
    source.write_text(text, encoding="utf-8")
    report = import_document(project, source, alasan="Revisi target disiplin pegawai.", tanggal="1 Juli 2024")
    assert "RKT24-S: revisi dicatat sebagai versi 2" in report
    revisi = csvio.read(project / "data" / "revisi.csv")
    assert [(r["dokumen_id"], r["versi"], r["tanggal"]) for r in revisi][-1] == ("RKT24-S", "2", "2024-07-01")
    assert ("RKT24-K", "2") not in {(r["dokumen_id"], r["versi"]) for r in revisi}, "Komisi tidak berubah"
    archived = csvio.read(project / "data" / "arsip" / "RKT24-S" / "v1" / "indikator.csv")
    assert len(archived) == 56 and any(
        r["target_dicetak"] == "90%" and r["id"] == "IK24-S09" for r in archived
    )
    # The reworded indicator gets a new code; the note about the old row (its merged-cell reading,
    # AN24-37) moves to the archive of version 1, and the report asks a person to look at it.
    assert "AN24-37 atas IK24-S10 tidak lagi menunjuk baris yang ada di versi baru" in report
    archived_notes = csvio.read(project / "data" / "arsip" / "RKT24-S" / "v1" / "anomali.csv")
    assert [n["id"] for n in archived_notes] == ["AN24-37"]
    assert "AN24-37" not in {n["id"] for n in csvio.read(project / "data" / "anomali.csv")}
    assert validate(project) == []
    result = builder.build(project, project / "site")
    assert result.returncode == 0, result.stderr
    old = html.unescape(
        (project / "site" / "kinerja" / "dokumen" / "rkt24-s" / "v1" / "index.html").read_text(
            encoding="utf-8"
        )
    )
    assert "Target berubah dari 90% menjadi 92%" in old
    assert "Indikator baru" in old and "Indikator dihapus" in old
    current = (project / "site" / "kinerja" / "dokumen" / "rkt24-s" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Versi dokumen" in current and 'href="v1/"' in current and "1 Juli 2024" in current


def test_chart_labels_carry_units(with_realisation):
    """A realisation bar says what it counts: "Realisasi 80,1 %", not a bare number."""
    chart_svg = html.unescape(str(chart.svg(with_realisation.indikator["IK24-K03"])))
    assert "Realisasi 80,1 %" in chart_svg and "Target 77,5%" in chart_svg


def test_chart_shows_the_target_before_any_realisation(package_copy):
    """Before realisation exists the indicator page still draws its printed target, and says why alone."""
    pkg = model.load(package_copy)
    item = next(i for i in pkg.indikator.values() if i.target_nilai is not None and not i.realisasi)
    page = pages.indikator_page(pkg, item, 0)
    assert '<svg class="grafik-capaian"' in page and "Realisasi: belum diterbitkan" in page
