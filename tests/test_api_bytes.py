"""The API's JSON is compact (issue 22): one file per row, 35.000 at 553 offices, without indentation.

Whitespace is no part of what a JSON file says, so the API (api/v1/) writes it
without (outputs/downloads/files.compact_json_bytes); the downloads under
berkas/, opened by people, stay indented. These tests fail if the indentation
comes back, or if a key of a row object goes missing (v1 is only extended;
test_openapi.py checks every file against its schema).
"""

from __future__ import annotations

import json
from pathlib import Path

from kinerja.outputs.downloads.files import compact_json_bytes, json_bytes

#: The keys of an indicator object in v1, in their order (a key may be added at the end, never dropped).
INDICATOR_KEYS = [
    "id", "dokumen_id", "urutan", "halaman_tabel", "baris_sumber", "sasaran_id", "program_id",
    "program_dicetak", "teks", "target_dicetak", "target_jenis", "target_nilai", "target_satuan",
    "target_batas", "target_nilai_atas", "target_sekunder_nilai", "target_sekunder_satuan", "target_skala",
    "target_kategori", "kantor_id", "kantor_nama", "dokumen_nama", "sasaran_teks", "program_nama",
    "kode_anggaran", "target_dibaca", "aturan_capaian", "realisasi", "anomali", "anomali_terkait", "sitasi",
    "links",
]  # fmt: skip


def test_compact_json_says_the_same_in_fewer_bytes() -> None:
    value = {"id": "IK24-S19", "teks": "Persentase “tepat” — 95 %", "links": {"self": "a"}, "realisasi": []}
    compact = compact_json_bytes(value)
    expected = '{"id":"IK24-S19","teks":"Persentase “tepat” — 95 %","links":{"self":"a"},"realisasi":[]}\n'
    assert compact == expected.encode("utf-8")
    assert json.loads(compact) == json.loads(json_bytes(value)) == value
    assert len(compact) < len(json_bytes(value))


def test_every_api_file_is_compact_and_the_downloads_stay_indented(built_site: Path) -> None:
    files = sorted((built_site / "api" / "v1").rglob("*.json")) + [built_site / "api/v1/dcat.jsonld"]
    assert len(files) > 130
    for path in files:
        data = path.read_bytes()
        if path.name in ("manifest.json", "openapi.json"):  # written by the registry and openapi.py
            continue
        assert data == compact_json_bytes(json.loads(data)), path.relative_to(built_site)
    download = (built_site / "berkas" / "indikator.json").read_bytes()
    assert download == json_bytes(json.loads(download))


def test_an_indicator_object_keeps_every_key(built_site: Path) -> None:
    for path in sorted((built_site / "api" / "v1" / "indikator").glob("*.json")):
        item = json.loads(path.read_bytes())
        assert list(item)[: len(INDICATOR_KEYS)] == INDICATOR_KEYS, path.name
        assert set(item["links"]) >= {"self", "html", "index", "csv", "dokumen", "sasaran", "program"}
