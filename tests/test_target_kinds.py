"""Plans with category and bounded targets: import → validate → model → downloads and API → capaian.

The plan is tests/fixtures/impor/rkt-uji-kategori.txt, a made-up test document
(marked as such in its first line, never published) with the targets WTP,
Informatif, BB, ≥ 90%, maksimal 3 perkara, 80–90% and WBK.
"""

from __future__ import annotations

import csv
import html
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import copy_package
from kinerja import csvio, model
from kinerja.outputs import registry
from kinerja.update import import_document
from kinerja.validate import validate
from test_import import write_docx

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "tests" / "fixtures" / "impor" / "rkt-uji-kategori.txt"
PRINTED = ["WTP", "Informatif", "BB", "≥ 90%", "maksimal 3 perkara", "80–90%", "WBK"]
REALISASI = [  # indikator number, nilai, satuan, kategori
    (1, "", "", "WTP"),
    (2, "", "", "Menuju Informatif"),
    (3, "", "", "A"),
    (4, "85", "persen", ""),
    (5, "2", "perkara", ""),
    (6, "95", "persen", ""),
]


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    root = copy_package(tmp_path / "paket")
    report = import_document(root, PLAN)
    assert "7 indikator" in report
    return root


def plan_rows(root: Path) -> list[dict[str, str]]:
    return [r for r in csvio.read(root / "data" / "indikator.csv") if r["dokumen_id"] == "RKT26-S"]


def test_each_printed_target_is_kept_word_for_word_with_its_kind(imported: Path) -> None:
    rows = plan_rows(imported)
    assert [r["target_dicetak"] for r in rows] == PRINTED
    kinds = [(r["target_jenis"], r["target_batas"], r["target_skala"], r["target_kategori"]) for r in rows]
    assert kinds == [
        ("kategori", "", "opini_bpk", "WTP"),
        ("kategori", "", "kualifikasi_kip", "Informatif"),
        ("kategori", "", "predikat_sakip", "BB"),
        ("batas", "paling_sedikit", "", ""),
        ("batas", "paling_banyak", "", ""),
        ("batas", "rentang", "", ""),
        ("kategori", "", "zona_integritas", "WBK"),
    ]
    for row in rows:
        if row["target_jenis"] == "kategori":
            assert row["target_nilai"] == "" and row["target_satuan"] == "", "kategori tanpa angka"
    assert [(r["target_nilai"], r["target_nilai_atas"], r["target_satuan"]) for r in rows[3:6]] == [
        ("90", "", "persen"),
        ("3", "", "perkara"),
        ("80", "90", "persen"),
    ]
    assert validate(imported) == []


def test_a_bound_sets_the_direction_from_the_document(imported: Path) -> None:
    polaritas = {r["indikator_id"]: r for r in csvio.read(imported / "data" / "polaritas.csv")}
    assert (polaritas["IK26-S04"]["polaritas"], polaritas["IK26-S04"]["dasar"]) == ("naik", "dokumen")
    assert (polaritas["IK26-S05"]["polaritas"], polaritas["IK26-S05"]["dasar"]) == ("turun", "dokumen")
    assert polaritas["IK26-S06"]["dasar"] == "tafsiran"


def add_realisation(root: Path) -> None:
    rows = csvio.read(root / "data" / "realisasi.csv")
    fields = [f.name for f in model.load(root).tables["realisasi"].fields]
    for number, nilai, satuan, kategori in REALISASI:
        rows.append(
            {"indikator_id": f"IK26-S{number:02d}", "periode": "tahunan", "nilai": nilai, "satuan": satuan,
             "kategori": kategori, "sumber_dokumen": "Dokumen uji (bukan data resmi)",
             "tanggal_sumber": "2027-02-01", "catatan": "Angka karangan untuk uji otomatis."}
        )  # fmt: skip
    csvio.write(root / "data" / "realisasi.csv", fields, rows)


def test_capaian_of_categories_and_bounds(imported: Path, tmp_path: Path) -> None:
    add_realisation(imported)
    assert validate(imported) == []
    package = model.load(imported)
    result = {i: (r.capaian, r.memenuhi) for i in package.indikator for r in package.indikator[i].realisasi}
    assert result["IK26-S01"] == (None, True)  # WTP reached
    assert result["IK26-S02"] == (None, False)  # Menuju Informatif is below Informatif
    assert result["IK26-S03"] == (None, True)  # A ranks above BB
    assert result["IK26-S04"] == (Decimal("94.44"), False)  # 85 against ≥ 90
    assert result["IK26-S05"] == (Decimal("133.33"), True)  # 2 against ≤ 3, lower is better
    assert result["IK26-S06"] == (Decimal("118.75"), False)  # 95 is above the range 80–90
    content = tmp_path / "content"
    registry.write_downloads(package, content, 0)
    with (content / "berkas" / "indikator-lengkap.csv").open(encoding="utf-8-sig", newline="") as handle:
        flat = {r["indikator_id"]: r for r in csv.DictReader(handle)}
    assert flat["IK26-S01"]["memenuhi"] == "ya" and flat["IK26-S01"]["capaian_persen"] == ""
    assert flat["IK26-S01"]["target_nilai"] == "" and flat["IK26-S01"]["target_kategori"] == "WTP"
    assert "lebih baik dari WTP (WTP > WDP > TW > TMP)" in flat["IK26-S01"]["aturan_capaian"]
    assert flat["IK26-S04"]["memenuhi"] == "tidak" and flat["IK26-S04"]["capaian_persen"] == "94.44"
    assert "realisasi ≥ 90 %" in flat["IK26-S04"]["aturan_capaian"]
    assert "(1 + (1 − realisasi ÷ 3)) × 100 %" in flat["IK26-S05"]["aturan_capaian"]
    assert "80 % ≤ realisasi ≤ 90 %" in flat["IK26-S06"]["aturan_capaian"]
    api = json.loads((content / "api" / "v1" / "indikator" / "IK26-S03.json").read_text(encoding="utf-8"))
    assert api["target_nilai"] is None and api["target_kategori"] == "BB"
    assert api["realisasi"][0]["kategori"] == "A" and api["realisasi"][0]["memenuhi"] is True
    assert "BB" in api["aturan_capaian"] and api["target_dibaca"].startswith("kategori BB pada skala")


def test_the_same_plan_as_word_gives_the_same_rows(tmp_path: Path) -> None:
    text_root = copy_package(tmp_path / "teks")
    import_document(text_root, PLAN)
    word = tmp_path / "rkt-uji-kategori.docx"
    write_docx(word, PLAN)
    word_root = copy_package(tmp_path / "word")
    report = import_document(word_root, word)
    assert "7 indikator" in report
    ignore = {"baris_sumber", "sumber"}
    for name in ("dokumen", "sasaran", "indikator"):
        text_rows, word_rows = (
            [
                {k: v for k, v in r.items() if k not in ignore}
                for r in csvio.read(root / "data" / f"{name}.csv")
            ]
            for root in (text_root, word_root)
        )
        assert word_rows == text_rows, name
    dokumen = next(r for r in csvio.read(word_root / "data" / "dokumen.csv") if r["id"] == "RKT26-S")
    assert dokumen["sumber"] == "data/sumber/rkt-uji-kategori.docx"
    assert (word_root / "data" / "sumber" / "rkt-uji-kategori.docx").read_bytes() == word.read_bytes()
    text_form = (word_root / "data" / "sumber" / "rkt-uji-kategori.docx.txt").read_text(encoding="utf-8")
    descriptor = json.loads((word_root / "datapackage.json").read_text(encoding="utf-8"))
    listed = {s["path"]: s["sha256"] for s in descriptor["sources"]}
    assert "data/sumber/rkt-uji-kategori.docx" in listed and "data/sumber/rkt-uji-kategori.docx.txt" in listed
    rows = [r for r in csvio.read(word_root / "data" / "indikator.csv") if r["dokumen_id"] == "RKT26-S"]
    lines = text_form.splitlines()
    for row in rows:  # baris_sumber points at the line of the kept text form that prints the row
        assert row["target_dicetak"] in lines[int(row["baris_sumber"].split(";")[0]) - 1]
    assert validate(word_root) == []


def test_the_plan_builds_with_each_printed_target_on_its_page(tmp_path: Path, builder) -> None:
    from _site import copy_project

    project = copy_project(tmp_path / "proyek")
    import_document(project, PLAN)
    add_realisation(project)
    result = builder.build(project, project / "site")
    assert result.returncode == 0, result.stderr
    site = project / "site"

    def raw(code: str) -> str:
        return (site / "kinerja" / "indikator" / code.lower() / "index.html").read_text("utf-8")

    def text(code: str) -> str:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw(code))).split())

    for number, printed in enumerate(PRINTED, start=1):
        assert f"Target tercetak {printed} " in text(f"IK26-S{number:02d}"), printed
    wtp = text("IK26-S01")
    assert "kategori WTP pada skala Opini BPK atas laporan keuangan (peringkat 1 dari 4)" in wtp
    assert "WTP > WDP > TW > TMP" in wtp and "UU Nomor 15 Tahun 2004" in wtp
    assert 'href="../../skala/#opini-bpk"' in raw("IK26-S01")
    assert "grafik-capaian" not in raw("IK26-S01"), "a category target has no number to draw"
    assert "grafik-capaian" in raw("IK26-S04")
    assert "Tahunan WTP WTP — ya" in wtp, "realised WTP meets the target, without a capaian number"
    bound = text("IK26-S04")
    assert "paling sedikit 90 %" in bound and "memenuhi bila realisasi ≥ 90 %" in bound
    assert "85 % 94,44 % tidak" in bound
    scales = html.unescape((site / "kinerja" / "skala" / "index.html").read_text("utf-8"))
    assert 'id="opini-bpk"' in scales and "Tidak Menyatakan Pendapat" in scales


def test_a_word_plan_builds_and_its_document_page_links_both_forms(tmp_path: Path, builder) -> None:
    from _site import copy_project

    project = copy_project(tmp_path / "proyek")
    word = tmp_path / "rkt-uji-kategori.docx"
    write_docx(word, PLAN)
    import_document(project, word)
    result = builder.build(project, project / "site")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    page = (site / "kinerja" / "dokumen" / "rkt26-s" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../berkas/sumber/rkt-uji-kategori.docx"' in page
    assert 'href="../../../berkas/sumber/rkt-uji-kategori.docx.txt"' in page
    assert (site / "berkas" / "sumber" / "rkt-uji-kategori.docx").read_bytes() == word.read_bytes()
    with zipfile.ZipFile(site / "berkas" / "rkt-2024-kpu-kaltim.zip") as archive:
        assert "data/sumber/rkt-uji-kategori.docx" in archive.namelist()
    wtp = (site / "kinerja" / "indikator" / "ik26-s01" / "index.html").read_text(encoding="utf-8")
    assert "<strong>WTP</strong>" in wtp
