"""Every claim names its source: the rule of validation (kinerja.validate.claims), tested here.

`make validate` runs the rule on the live package and the checkout's pages (docs/keputusan.md,
"Klaim dan sumber"). Here it runs on a sample page, on the frozen package (glossary, anomalies,
metadata) with the checkout's files as the repository, and on copies where one marker is removed or
broken: each must be caught. This module is fast: no build.
"""

from __future__ import annotations

import copy
import csv
import json
import re
from pathlib import Path

import pytest

from _site import copy_project
from conftest import FIXTURE, ROOT
from kinerja.validate import claims, validate
from kinerja.validate.claims import (
    LEGAL,
    Context,
    anomaly_problems,
    block_problems,
    glossary_problems,
    metadata_problems,
)
from kinerja.validate.claims_pages import TAFSIRAN, Block, blocks

PAGES = sorted((ROOT / "content").glob("*.md"))
#: The claims of mkdocs.yml as they stood with the frozen package (the licence still a proposal).
CONFIG = {
    "site_description": "Rencana Kinerja Tahunan (RKT) 2024 KPU Provinsi Kalimantan Timur dan "
    "Sekretariatnya: sasaran strategis, indikator kinerja dan target, disalin kata demi kata dari teks "
    "dokumen resmi (Sumber: Dokumen RKT, baris 3-5, 20 dan 57), dalam format CSV, JSON, XLSX dan ZIP.",
    "site_author": "Usulan penerbit: KPU Provinsi Kalimantan Timur (belum dikonfirmasi KPU)",
    "copyright": "Data: usulan lisensi CC BY 4.0 dengan atribusi KPU Provinsi Kalimantan Timur, belum "
    "dikonfirmasi KPU; dokumen RKT tidak mencantumkan lisensi · Kode: MIT",
}


def read_csv(name: str) -> list[dict[str, str]]:
    with (FIXTURE / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def frozen_descriptor() -> dict:
    return json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))


def ctx() -> Context:
    """The frozen package's texts and codes; repository files are looked up in the checkout."""
    found = claims.context(FIXTURE, frozen_descriptor())
    found.files = ROOT
    return found


def page_problems(text: str) -> list[str]:
    return [what for _, what in claims.page_problems(text, ctx())]


def glossary(rows: list[dict[str, str]]) -> list[str]:
    return [what for _, what in glossary_problems(rows, ctx())]


# --- the hand-written pages -----------------------------------------------------------------------


def test_the_pages_have_blocks_of_every_kind() -> None:
    """The parser sees paragraphs, list items, table rows and macros (a parser that sees nothing passes)."""
    kinds = {b.kind for page in PAGES for b in blocks(page.read_text(encoding="utf-8"))}
    assert kinds == {"paragraph", "item", "row", "macro"}
    assert sum(len(blocks(p.read_text(encoding="utf-8"))) for p in PAGES) > 80


SAMPLE = """---
title: Contoh
---

# Contoh

Paragraf dengan sumber dokumen. *Sumber: Dokumen RKT, baris 3–5 dan 31.*

Paragraf tentang UU 14/2008 Pasal 22 ayat (7). *Sumber: UU 14/2008 Pasal 22 ayat (7).*

Paragraf tentang situs ini sendiri, tanpa sumber.

- Butir yang bacaan kami atas Pasal 7. *Tafsiran kami.*
- Butir dengan sumber di dalam kurung *(Sumber: data/sasaran.csv)*

| Tahap | Batas | Sumber |
|---|---|---|
| Jawaban | 10 hari kerja | UU 14/2008 Pasal 22 ayat (7) |

{{ tabel_anomali() }}

Usulan lisensi CC BY 4.0.

--8<-- "content/kinerja/_beranda.md"

{{ jsonld_dataset() }}
"""

BROKEN = {
    "peraturan-tanpa-penanda": (
        "Paragraf tentang UU 14/2008 Pasal 22 ayat (7). *Sumber: UU 14/2008 Pasal 22 ayat (7).*",
        "Paragraf tentang UU 14/2008 Pasal 22 ayat (7).",
    ),
    "butir-tanpa-penanda": ("Butir yang bacaan kami atas Pasal 7. *Tafsiran kami.*", "Butir atas Pasal 7."),
    "kolom-sumber-kosong": ("| 10 hari kerja | UU 14/2008 Pasal 22 ayat (7) |", "| 10 hari kerja | |"),
    "baris-dokumen-kosong": ("baris 3–5 dan 31", "baris 3–5 dan 36"),
    "baris-dokumen-di-luar-teks": ("baris 3–5 dan 31", "baris 3–5 dan 999"),
    "dokumen-tanpa-baris": ("Dokumen RKT, baris 3–5 dan 31", "Dokumen RKT"),
    "peraturan-tanpa-pasal": ("*Sumber: UU 14/2008 Pasal 22 ayat (7).*", "*Sumber: UU 14/2008.*"),
    "berkas-data-tidak-ada": ("data/sasaran.csv", "data/tidak_ada.csv"),
    "sumber-berkas-pengembang": ("(Sumber: data/sasaran.csv)", "(Sumber: situs ini: tests/test_claims.py)"),
    "teks-berkas-pengembang": ("tanpa sumber.", "lihat docs/keputusan.md."),
    "sumber-tak-dikenal": ("Sumber: data/sasaran.csv", "Sumber: kata orang"),
    "lisensi-tanpa-usulan": ("Usulan lisensi CC BY 4.0.", "Lisensi CC BY 4.0."),
    "kode-tidak-ada": ("Paragraf tentang situs ini sendiri", "Paragraf tentang IK24-S99"),
}


def test_the_sample_page_is_clean() -> None:
    assert page_problems(SAMPLE) == []


@pytest.mark.parametrize(("old", "new"), BROKEN.values(), ids=BROKEN.keys())
def test_a_removed_or_broken_marker_is_caught(old: str, new: str) -> None:
    assert old in SAMPLE
    assert page_problems(SAMPLE.replace(old, new, 1)), f"tidak tertangkap: {old!r} → {new!r}"


def _bare(text: str) -> str:
    """A block's text without its source marker and tafsiran mark."""
    bare = re.split(r"\*?\(?Sumber(?: [a-z]+)?:", text, flags=re.IGNORECASE)[0]
    return TAFSIRAN.sub("", bare).replace("Saran kami", "")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_removing_any_marker_of_a_real_page_is_caught(page: Path) -> None:
    """Each real statement about the law, stripped of its marker, fails on its own (not vacuous)."""
    for block in blocks(page.read_text(encoding="utf-8")):
        if block.kind in ("paragraph", "item") and LEGAL.search(_bare(block.text)):
            assert block_problems(Block(block.kind, block.line, _bare(block.text)), ctx()), (
                f"{page.name} baris {block.line}"
            )
        elif block.kind == "row" and block.source_cell is not None:
            assert block_problems(Block("row", block.line, block.text, ""), ctx()), (
                f"{page.name} baris {block.line}"
            )


def test_some_real_statements_are_about_the_law() -> None:
    """The check above is not vacuous: the pages make statements about regulations."""
    found = [
        b
        for page in PAGES
        for b in blocks(page.read_text(encoding="utf-8"))
        if b.kind in ("paragraph", "item")
    ]
    assert sum(1 for b in found if LEGAL.search(_bare(b.text))) >= 3


@pytest.mark.parametrize(
    "added",
    ["Permohonan dijawab dalam 10 hari kerja menurut UU 14/2008 Pasal 22.", "Lihat tests/test_site.py."],
    ids=["peraturan-tanpa-sumber", "berkas-pengembang"],
)
def test_validation_names_a_page_claim_without_its_marker(tmp_path: Path, added: str) -> None:
    """On a project (pages and package), `make validate` reports the page, the line and what is wrong."""
    project = copy_project(tmp_path / "p")
    page = project / "content" / "tentang-data.md"
    text = page.read_text(encoding="utf-8").rstrip("\n")
    page.write_text(f"{text}\n\n{added}\n", encoding="utf-8")
    line = text.count("\n") + 3
    (problem,) = validate(project)
    assert (problem.code, problem.file, problem.row) == (
        "klaim_tanpa_sumber",
        "content/tentang-data.md",
        line,
    )
    assert "keputusan.md" in problem.fix


# --- the glossary ---------------------------------------------------------------------------------


def test_every_glossary_row_names_its_source() -> None:
    rows = read_csv("glosarium")
    assert rows and "rujukan" in rows[0]
    assert glossary(rows) == []


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("rujukan", ""),
        ("rujukan", "kata orang"),
        ("rujukan", "UU 14/2008"),
        ("rujukan", "Dokumen RKT, baris 36"),
        ("rujukan", "Dokumen RKT, baris 3"),
        ("keterangan", "Lihat AN24-99."),
    ],
    ids=[
        "kosong",
        "tak-dikenal",
        "tanpa-pasal",
        "baris-kosong",
        "singkatan-tidak-tercetak",
        "kode-tidak-ada",
    ],
)
def test_a_glossary_row_without_its_source_is_caught(column: str, value: str) -> None:
    rows = [dict(r) for r in read_csv("glosarium") if r["singkatan"] == "SPIP"]
    rows[0][column] = value
    assert glossary(rows)


def test_a_document_expansion_must_be_printed_where_cited() -> None:
    row = {"singkatan": "SPIP", "kepanjangan": "Sistem Pengawasan Intern Pemerintah", "sumber": "dokumen",
           "rujukan": "Dokumen RKT, baris 106", "keterangan": ""}  # fmt: skip
    assert glossary([row])


def test_validation_names_a_glossary_row_without_its_source(mutated_copy) -> None:
    step = {"set_cell": {"row": "SPIP", "column": "rujukan", "value": "kata orang"}}
    problems = validate(mutated_copy("data/glosarium.csv", [step]))
    row = 2 + [r["singkatan"] for r in read_csv("glosarium")].index("SPIP")
    assert {(p.code, p.file, p.row, p.field) for p in problems} == {
        ("klaim_tanpa_sumber", "data/glosarium.csv", row, "rujukan")
    }
    assert any("SPIP" in p.what and "tidak dikenali" in p.what for p in problems)


# --- the anomalies --------------------------------------------------------------------------------


def test_every_anomaly_marks_its_readings_and_names_its_sources() -> None:
    assert anomaly_problems(read_csv("anomali"), ctx()) == []


@pytest.mark.parametrize(
    ("identifier", "column", "value"),
    [
        ("AN24-19", "dampak", "Pengelompokan ini dapat diubah di kolom program_id."),
        ("AN24-14", "uraian", 'Kepanjangan resmi PPPK adalah "Pegawai Pemerintah dengan Perjanjian Kerja".'),
        ("AN24-18", "uraian", "Peserta pemilu menurut UU adalah partai politik."),
        ("AN24-10", "uraian", "Sama dengan IK24-S99."),
    ],
    ids=["tafsiran-tanpa-tanda", "istilah-tanpa-peraturan", "uu-tanpa-nomor", "kode-tidak-ada"],
)
def test_an_anomaly_without_its_marker_is_caught(identifier: str, column: str, value: str) -> None:
    rows = [dict(r) for r in read_csv("anomali")]
    row = next(r for r in rows if r["id"] == identifier)
    row[column] = value
    if column == "uraian" and identifier == "AN24-19":
        row["dampak"] = ""
    assert anomaly_problems(rows, ctx())


# --- the metadata ---------------------------------------------------------------------------------


def _metadata() -> tuple[dict, dict]:
    return frozen_descriptor(), copy.deepcopy(CONFIG)


def test_metadata_names_its_sources_and_the_proposal() -> None:
    descriptor, config = _metadata()
    assert metadata_problems(descriptor, config, ctx()) == []


def test_glossary_rujukan_is_described_in_the_schema() -> None:
    descriptor, _ = _metadata()
    glossary = next(r for r in descriptor["resources"] if r["name"] == "glosarium")
    field = next(f for f in glossary["schema"]["fields"] if f["name"] == "rujukan")
    assert field["type"] == "string" and field["title"] and "Pasal" in field["description"]


@pytest.mark.parametrize(
    "change",
    ["licence-title", "licence-description", "publisher", "author", "copyright", "description"],
)
def test_metadata_stating_a_proposal_as_fact_is_caught(change: str) -> None:
    descriptor, config = _metadata()
    licence = descriptor["licenses"][0]
    if change == "licence-title":
        licence["title"] = "Creative Commons Attribution 4.0 International"
    elif change == "licence-description":
        licence["description"] = "Lisensi data."
    elif change == "publisher":
        descriptor["contributors"][0]["description"] = "Penerbit data."
    elif change == "author":
        config["site_author"] = "KPU Provinsi Kalimantan Timur"
    elif change == "copyright":
        config["copyright"] = "Data: KPU Provinsi Kalimantan Timur, lisensi CC BY 4.0"
    else:
        descriptor["description"] = "Sasaran strategis, indikator kinerja dan target."
    assert metadata_problems(descriptor, config, ctx())


def test_a_confirmed_licence_needs_the_letter() -> None:
    """Once KPU confirms, the title loses "usulan" and the description names the letter's number and date."""
    descriptor, config = _metadata()
    licence = descriptor["licenses"][0]
    licence["title"] = "Creative Commons Attribution 4.0 International"
    config["site_author"] = config["copyright"] = "KPU Provinsi Kalimantan Timur"
    licence["description"] = "Dikonfirmasi KPU Provinsi Kalimantan Timur."
    assert any("lisensi" in p for p in metadata_problems(descriptor, config, ctx()))
    licence["description"] = (
        "Dikonfirmasi dengan surat KPU Provinsi Kalimantan Timur Nomor 123/PP.01/2026 tanggal 2 Maret 2026."
    )
    assert not any(p.startswith("lisensi") for p in metadata_problems(descriptor, config, ctx()))
