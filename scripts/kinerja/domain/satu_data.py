"""Satu Data Indonesia: the metadata elements a named regulation defines, and where their values come from.

Perpres 39/2019 tentang Satu Data Indonesia defines Produsen Data, Walidata and
Kode Referensi (Pasal 1, ketentuan umum) and requires data to use Kode Referensi
and/or Data Induk (Pasal 3 huruf d). Which unit of KPU is the Produsen Data or
the Walidata of this dataset, and which Kode Referensi applies, is decided by
KPU, not by this project: the values are read from datapackage.json
(`satu_data`) and stay empty, saying "belum ditetapkan", until someone records
them there. A "jadwal rilis" is left out: no article of a regulation defining it
was found (docs/keputusan.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

#: What an element with no recorded value says, wherever it is shown.
BELUM = "belum ditetapkan"
PERPRES = "Perpres 39/2019 tentang Satu Data Indonesia"
#: The key in datapackage.json that holds the values.
DESCRIPTOR_KEY = "satu_data"


@dataclass(frozen=True)
class Unsur:
    """One Satu Data element: its key in datapackage.json, its name, its legal basis and meaning."""

    key: str
    nama: str
    dasar: str
    pengertian: str


UNSUR = (
    Unsur(
        "produsen_data",
        "Produsen Data",
        f"{PERPRES}, Pasal 1 (ketentuan umum)",
        "Unit pada instansi pusat atau instansi daerah yang menghasilkan data berdasarkan kewenangannya.",
    ),
    Unsur(
        "walidata",
        "Walidata",
        f"{PERPRES}, Pasal 1 (ketentuan umum)",
        "Unit yang mengumpulkan, memeriksa dan mengelola data dari Produsen Data serta menyebarluaskannya.",
    ),
    Unsur(
        "kode_referensi",
        "Kode Referensi",
        f"{PERPRES}, Pasal 1 (ketentuan umum) dan Pasal 3 huruf d",
        "Tanda berisi karakter yang menjadi rujukan identitas data yang bersifat unik.",
    ),
)


def read(descriptor: Mapping[str, object]) -> dict[str, str]:
    """The recorded values from a datapackage.json descriptor: text only, trimmed; absent means empty."""
    raw = descriptor.get(DESCRIPTOR_KEY)
    values = raw if isinstance(raw, Mapping) else {}
    return {u.key: v.strip() for u in UNSUR if isinstance(v := values.get(u.key), str)}


def rows(values: Mapping[str, str]) -> list[dict[str, str]]:
    """Every element with its value or "belum ditetapkan", its legal basis and meaning (for tables)."""
    return [
        {
            "unsur": u.nama,
            "kunci": f"{DESCRIPTOR_KEY}.{u.key}",
            "nilai": values.get(u.key, ""),
            "status": "ditetapkan" if values.get(u.key) else BELUM,
            "dasar_hukum": u.dasar,
            "pengertian": u.pengertian,
        }
        for u in UNSUR
    ]
