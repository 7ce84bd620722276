"""Indonesian words for the codes stored in the data: anomaly categories, periods, directions, changes."""

from __future__ import annotations

#: Category codes of anomali.csv as readers see them.
KATEGORI_LABEL = {
    "salah_ketik": "salah ketik",
    "tanda_baca": "tanda baca",
    "format_angka": "format angka",
    "satuan": "satuan tidak cocok",
    "sel_kosong": "sel kosong",
    "sel_terpotong": "teks terpotong",
    "nama_terpotong": "nama terpotong",
    "kode_anggaran": "kode anggaran",
    "konsistensi": "tidak konsisten",
    "makna_target": "makna target",
    "istilah": "istilah",
    "perumusan": "perumusan",
    "tafsiran": "tafsiran tata letak",
}

#: Reporting periods of realisasi.csv.
PERIODE_LABEL = {
    "TW1": "Triwulan I",
    "TW2": "Triwulan II",
    "TW3": "Triwulan III",
    "TW4": "Triwulan IV",
    "tahunan": "Tahunan",
}

#: Directions of polaritas.csv: which way an indicator gets better.
ARAH_LABEL = {"naik": "makin tinggi makin baik", "turun": "makin rendah makin baik"}

#: Kinds of change between two versions of a document (domain.versions.Change.jenis).
PERUBAHAN_LABEL = {
    "ditambah": "Ditambah",
    "dihapus": "Dihapus",
    "teks": "Teks diubah",
    "target": "Target diubah",
}

#: The printed column behind a column that holds a reading of a merged or empty cell.
SEL_LABEL = {"program_id": "Program/Kegiatan", "sasaran_id": "Sasaran Strategis"}
