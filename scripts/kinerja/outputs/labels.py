"""Indonesian words for the codes stored in the data: anomaly categories, units, periods, directions."""

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
