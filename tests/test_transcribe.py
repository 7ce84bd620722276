"""Reading the source text reproduces the committed package, and the layout rules hold."""

from __future__ import annotations

import pytest

from conftest import FIXTURE
from kinerja import csvio
from kinerja.domain.printed import split_program
from kinerja.ingest.source_text import SourceTextError, read_file, read_tables
from kinerja.ingest.transcribe import Existing, transcribe

SOURCE = FIXTURE / "data" / "sumber" / "rkt-2024-kpu-kaltim.txt"
RESOURCES = ("dokumen", "program", "program_kode", "sasaran", "indikator")


@pytest.fixture(scope="module")
def rows():
    return transcribe(read_file(SOURCE), "data/sumber/rkt-2024-kpu-kaltim.txt")


@pytest.mark.parametrize("name", RESOURCES)
def test_transcription_reproduces_committed_csv(rows, name):
    committed = csvio.read(FIXTURE / "data" / f"{name}.csv")
    assert getattr(rows, name) == committed


def test_counts_match_the_document(rows):
    per_doc = {}
    for row in rows.indikator:
        per_doc[row["dokumen_id"]] = per_doc.get(row["dokumen_id"], 0) + 1
    assert per_doc == {"RKT24-K": 6, "RKT24-S": 56}
    assert sum(1 for s in rows.sasaran if s["dokumen_id"] == "RKT24-K") == 5


def test_row_continued_over_page_break_is_joined_with_one_space(rows):
    by_id = {row["id"]: row for row in rows.indikator}
    assert by_id["IK24-S38"]["teks"] == "Penurunan jumlah sengketa hukum yang diajukan ke Mahkamah Konstitusi"
    assert by_id["IK24-S38"]["baris_sumber"] == "115;119"
    assert (
        by_id["IK24-S23"]["program_dicetak"] == "Operasional Perkantoran dan Dukungan Sarana Prasarana (3360)"
    )


def test_markup_is_removed_but_words_kept(rows):
    texts = " ".join(row["teks"] for row in rows.indikator)
    assert "<i>" not in texts
    assert "dalam Database kepegawaian" in texts


def test_empty_leading_cells_inherit_from_row_above(rows):
    by_id = {row["id"]: row for row in rows.indikator}
    assert by_id["IK24-K06"]["sasaran_id"] == "SS24-K05"
    assert by_id["IK24-S09"]["sasaran_id"] == by_id["IK24-S08"]["sasaran_id"]
    assert by_id["IK24-S01"]["program_id"] == ""
    assert by_id["IK24-S03"]["program_id"] == "PG24-S01"


def test_program_cell_with_two_codes_and_dangling_dan():
    nama, parts = split_program("Pengucapan Sumpah/Janji (6981) dan Penetapan Hasil Pemilu (6982)")
    assert [p["kode"] for p in parts] == ["6981", "6982"]
    assert parts[1]["nama_kegiatan"] == "Penetapan Hasil Pemilu"
    nama, parts = split_program("Pengelolaan Keuangan dan Barang Milik Negara (3355) dan")
    assert nama == "Pengelolaan Keuangan dan Barang Milik Negara"
    assert parts[0]["kode_kegiatan"] == "3355" and parts[0]["kode_kro"] == ""
    _, parts = split_program("Perencanaan (6709.QGE.001)")
    assert (parts[0]["kode_kegiatan"], parts[0]["kode_kro"], parts[0]["kode_ro"]) == ("6709", "QGE", "001")


def test_existing_identifiers_are_kept_and_new_rows_numbered_after(rows):
    known = Existing(
        indikator={("persentase penegakan disiplin pegawai", "SS24-S08"): "IK24-S99"},
    )
    again = transcribe(read_file(SOURCE), "data/sumber/x.txt", known)
    ids = [row["id"] for row in again.indikator if row["dokumen_id"] == "RKT24-S"]
    assert ids[8] == "IK24-S99"
    others = [int(i[6:]) for i in ids if i != "IK24-S99"]
    assert sorted(others) == list(range(100, 155))


def test_text_outside_a_table_cell_is_refused():
    text = (
        "RENCANA KINERJA TAHUNAN\nNama/Unit Organisasi : KPU X\nTahun Anggaran : 2024\n"
        "Sasaran Strategis\tIndikator Kinerja\tTarget\n(1)\t(2)\t(3)\nA\tB\t10%\nteks liar\n"
    )
    with pytest.raises(SourceTextError, match="baris 7"):
        read_tables(text)
