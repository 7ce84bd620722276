"""Problems of an upload through GitHub and of publishing: the revision note, the branch, the package.

Raised by kinerja.upload (note, branch), kinerja.update and kinerja.pipeline.
"""

from __future__ import annotations

from .kind import Kind

KETERANGAN_GANDA = Kind(
    "keterangan_ganda", "Keterangan revisi ganda",
    "baris '{label}:' ada lebih dari sekali dengan isi berbeda ('{first}' dan '{second}').",
    "sisakan satu baris '{label}: …'.",
)  # fmt: skip
CATATAN_REVISI_GANDA = Kind(
    "catatan_revisi_ganda", "Lebih dari satu catatan revisi",
    "ada {count} berkas {note} ({files}); tidak jelas mana yang berlaku.",
    "sisakan satu {note} di folder {folder}/.",
)  # fmt: skip
CATATAN_REVISI_TIDAK_TERBACA = Kind(
    "catatan_revisi_tidak_terbaca", "Catatan revisi tidak terbaca",
    "berkas tidak dapat dibaca sebagai teks UTF-8.",
    "simpan sebagai teks biasa (UTF-8) berisi baris 'Alasan: …' dan 'Tanggal: …'.",
)  # fmt: skip
CATATAN_REVISI_KOSONG = Kind(
    "catatan_revisi_kosong", "Catatan revisi kosong",
    "tidak ada baris 'Alasan: …', 'Tanggal: …' atau 'Kantor: …'.",
    "tulis alasan revisi dan tanggal tanda tangan dokumen revisi, masing-masing satu baris ('Alasan: …', "
    "'Tanggal: …'); bila berkas ini dokumen RKT, beri nama lain (nama {note} dipakai untuk catatan revisi).",
)  # fmt: skip
CABANG_BENTROK = Kind(
    "cabang_bentrok", "Cabang bentrok dengan main",
    "cabang ini dan cabang tujuan (main) sama-sama mengubah baris yang sama di {files}, sehingga unggahan "
    "tidak "
    "dapat diimpor pada cabang yang sudah diperbarui.",
    "buka pull request ini di GitHub; di bagian bawah tertulis *This branch has conflicts that must be "
    "resolved*. Cara termudah: tutup pull request ini (**Close pull request**), lalu unggah berkas yang sama "
    "lagi ke folder `masukan/` pada cabang baru dari main. Bila yang bentrok hanya baris yang ditambahkan di "
    "berkas CSV, Anda juga dapat menekan **Resolve conflicts**, menyimpan baris dari kedua pihak (hapus "
    "hanya "
    "baris penanda `<<<<<<<`, `=======` dan `>>>>>>>`), lalu **Mark as resolved** dan **Commit merge**.",
)  # fmt: skip
CABANG_TERTINGGAL = Kind(
    "cabang_tertinggal", "Cabang tertinggal dari main",
    "cabang tujuan (main) sudah berubah sejak cabang ini dibuat, termasuk alur kerja GitHub ({files}), dan "
    "alur kerja tidak boleh memperbarui berkas itu sendiri.",
    "buka pull request ini di GitHub dan tekan tombol **Update branch** (Perbarui cabang) di bagian bawah, "
    "di "
    "atas tombol *Merge pull request*; bila ditanya, pilih *Update with merge commit*.",
)  # fmt: skip
