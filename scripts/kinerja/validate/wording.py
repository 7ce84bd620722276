"""The Indonesian wording the validation messages share: types, JSON errors, odd and invisible characters."""

from __future__ import annotations

import re

TYPE_HINT = {
    "integer": "bilangan bulat tanpa titik atau koma, misalnya 12",
    "number": "angka dengan titik sebagai pemisah desimal, misalnya 77.5",
    "date": "tanggal dengan bentuk TTTT-BB-HH, misalnya 2024-03-01",
    "string": "teks",
}
TYPE_NAME = {"integer": "bilangan bulat", "number": "angka", "date": "tanggal", "string": "teks"}

JSON_ERRORS = (
    ("Expecting ',' delimiter", "kurang tanda koma di antara dua bagian"),
    ("Expecting ':' delimiter", "kurang tanda titik dua setelah nama properti"),
    (
        "Expecting property name enclosed in double quotes",
        "nama properti harus diapit tanda kutip ganda, atau ada koma berlebih sebelum '}'",
    ),
    (
        "Expecting value",
        "nilai tidak ada atau tidak sah (mungkin koma berlebih sebelum ']' atau berkas kosong)",
    ),
    ("Unterminated string", "teks yang diawali tanda kutip tidak ditutup"),
    ("Invalid control character", "ada tab atau baris baru di dalam teks"),
    ("Invalid \\escape", "garis miring terbalik (\\) tidak sah di dalam teks"),
    ("Extra data", "ada teks lagi setelah akhir JSON"),
)

#: Whitespace other than the plain space (NBSP, tab, line break, thin space, ...).
ODD_SPACE = re.compile(r"[^\S ]")
#: Characters that print as nothing: soft hyphen, zero-width and direction marks, BOM, controls.
INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
SPACE_NAMES = {
    "\u00a0": "spasi tak-putus/NBSP",
    "\t": "tab",
    "\n": "baris baru",
    "\r": "baris baru (CR)",
    "\u2009": "spasi tipis",
    "\u202f": "spasi tipis tak-putus",
    "\u200b": "spasi lebar-nol",
    "\u00ad": "tanda hubung lunak",
    "\ufeff": "tanda BOM",
}
