"""Problems of the package's meaning: the plan, realisation, the source text and the claims.

Layers 3 and 4 of validation (kinerja.validate.plan, .realisation, .targets, .source, .claims).
"""

from __future__ import annotations

from .kind import Kind

_PATTERN = "ikuti pola {pattern}; lihat aturan kode di docs/keputusan.md (bagian Kode tetap)."

# --- the plan: codes, dates, order, links between rows -------------------------------------------

KODE_DOKUMEN_TIDAK_SESUAI = Kind(
    "kode_tidak_sesuai_dokumen", "Kode tidak sesuai dokumennya",
    "kode '{id}' tidak sesuai dengan tahun {tahun}, jenis '{jenis}' dan kantor '{kantor}' (seharusnya "
    "{expected}).",
    "periksa kolom 'tahun', 'jenis' dan 'kantor_id'; kode dokumen tidak diubah setelah dipakai (kantor utama "
    "situs ditulis tanpa kode kantor).",
)  # fmt: skip
TANGGAL_TIDAK_COCOK = Kind(
    "tanggal_tidak_cocok", "Tanggal tidak cocok dengan tanggal tercetak",
    "tanggal '{tanggal}' tidak cocok dengan tanggal tercetak '{printed}'{expected}",
    "samakan kolom 'tanggal' (TTTT-BB-HH) dengan tanggal tercetak, misalnya '1 Maret 2024' → 2024-03-01.",
)  # fmt: skip
FORMAT_KODE_SALAH = Kind(
    "format_salah", "Nilai tidak sesuai pola kolom", "kode '{id}' tidak sesuai pola.", _PATTERN,
)  # fmt: skip
KODE_TIDAK_SESUAI_DOKUMEN = Kind(
    "kode_tidak_sesuai_dokumen", "Kode tidak sesuai dokumennya",
    "kode '{id}' tidak sesuai dengan dokumennya {dokumen} (kode baris dokumen ini berbentuk {expected}).",
    "periksa kolom 'dokumen_id'; bila baris memang pindah dokumen, beri kode baru dengan nomor berikutnya "
    "yang "
    "belum pernah dipakai di dokumen itu.",
)  # fmt: skip
KANTOR_UTAMA = Kind(
    "kantor_utama", "Bukan tepat satu kantor utama",
    "{found}; tepat satu kantor harus bertanda utama = ya (pemilik situs ini).",
    "isi kolom 'utama' dengan 'ya' hanya pada baris kantor pemilik situs, kosongkan pada yang lain.",
)  # fmt: skip
URUTAN_TIDAK_BERURUTAN = Kind(
    "urutan_tidak_berurutan", "Urutan tidak bersambung",
    "urutan di dokumen {dokumen} tidak bersambung 1..{count} ({detail}).",
    "nomori ulang kolom 'urutan' sesuai urutan cetak: 1, 2, 3, … tanpa lompatan (kode 'id' tidak ikut "
    "diubah).",
)  # fmt: skip
SASARAN_TANPA_INDIKATOR = Kind(
    "sasaran_tanpa_indikator", "Sasaran tanpa indikator",
    "sasaran {id} tidak punya indikator.",
    "tambahkan indikatornya di indikator.csv, atau hapus sasaran bila memang tidak tercetak.",
)  # fmt: skip
INDIKATOR_BERULANG = Kind(
    "indikator_berulang", "Indikator tercatat dua kali",
    "indikator yang sama sudah tercatat sebagai {earlier} di sasaran {sasaran}.",
    "hapus baris ganda ini, atau bila dokumen memang mencetaknya dua kali, catat sebagai anomali dan bedakan "
    "teksnya sesuai cetakan.",
)  # fmt: skip
BEDA_DOKUMEN = Kind(
    "beda_dokumen", "Rujukan ke dokumen lain",
    "{id} milik dokumen {owner}, bukan {dokumen}.", "pilih {name} dari dokumen {dokumen}.",
)  # fmt: skip
SAMA_DENGAN_TIDAK_ADA = Kind(
    "rujukan_tidak_ada", "Kode yang dirujuk tidak ada",
    "sasaran '{id}' tidak ada.", "isi dengan kode sasaran yang ada, atau kosongkan.",
)  # fmt: skip
SAMA_DENGAN_SALAH = Kind(
    "sama_dengan_salah", "Rujukan sama_dengan salah",
    "'{id}' harus sasaran lebih awal di dokumen yang sama.",
    "isi dengan kode sasaran yang tercetak lebih dahulu di dokumen ini.",
)  # fmt: skip
SAMA_DENGAN_TEKS_LAIN = Kind(
    "sama_dengan_salah", "Rujukan sama_dengan salah",
    "teks sasaran ini berbeda dari teks {id}, bukan hanya huruf besar/kecilnya.",
    "isi 'sama_dengan' hanya bila teksnya sama kecuali huruf besar/kecil; selain itu kosongkan.",
)  # fmt: skip
NAMA_TIDAK_COCOK = Kind(
    "nama_tidak_cocok", "Nama program tidak sama dengan teks tercetak",
    "nama '{nama}' tidak sama dengan teks tercetak tanpa kode anggaran (seharusnya '{expected}').",
    "salin nama dari 'teks_dicetak' tanpa kode dalam kurung.",
)  # fmt: skip
KODE_TIDAK_TERCETAK = Kind(
    "kode_tidak_tercetak", "Kode anggaran tidak seperti tercetak",
    "teks tercetak memuat {printed} kode anggaran, tetapi program_kode.csv mencatat {stored} kode untuk "
    "{id}.",
    "catat setiap kode dalam kurung di teks tercetak sebagai satu baris di program_kode.csv, berurutan.",
)  # fmt: skip
KODE_TIDAK_TERCETAK_SEL = Kind(
    "kode_tidak_tercetak", "Kode anggaran tidak seperti tercetak",
    "'{value}' tidak sama dengan yang tercetak di program {id} (seharusnya '{expected}').",
    "salin kode dan nama kegiatan persis dari 'teks_dicetak' di program.csv.",
)  # fmt: skip
PROGRAM_KOSONG = Kind(
    "program_tidak_cocok", "Program tidak cocok dengan sel tercetak",
    "sel program tercetak diisi, tetapi 'program_id' kosong.",
    "isi 'program_id' dengan kode program yang teksnya tercetak di sel ini.",
)  # fmt: skip
PROGRAM_TIDAK_COCOK = Kind(
    "program_tidak_cocok", "Program tidak cocok dengan sel tercetak",
    "sel program tercetak tidak cocok dengan program {id} ('{printed}').",
    "pilih program yang nama dan kode anggarannya sama dengan sel tercetak.",
)  # fmt: skip
ANOMALI_TANPA_RUJUKAN = Kind(
    "anomali_tanpa_rujukan", "Anomali merujuk ke baris yang tidak ada",
    "anomali merujuk ke {tabel} '{id}' yang tidak ada.",
    "isi 'rujukan_id' dengan kode yang ada di {tabel}.csv.",
)  # fmt: skip
ANOMALI_KOLOM_SALAH = Kind(
    "anomali_kolom_salah", "Anomali menyebut kolom yang tidak ada",
    "kolom '{column}' tidak ada di {tabel}.csv.", "pilih salah satu: {choices}.",
)  # fmt: skip
BEDA_DOKUMEN_ANOMALI = Kind(
    "beda_dokumen", "Rujukan ke dokumen lain",
    "{id} milik dokumen {owner}, bukan {dokumen}.", "isi 'dokumen_id' dengan {owner}.",
)  # fmt: skip
ANOMALI_TEKS_TIDAK_ADA = Kind(
    "anomali_teks_tidak_ada", "Teks anomali tidak ada di baris yang dirujuk",
    "teks '{text}' tidak ditemukan di kolom '{column}' baris {id}.",
    "salin potongan teks persis seperti di data (huruf besar/kecil dan tanda baca).",
)  # fmt: skip
KODE_TIDAK_COCOK = Kind(
    "kode_tidak_cocok", "Bagian kode anggaran tidak sama dengan kodenya",
    "bagian kode ({parts}) tidak sama dengan kode tercetak '{kode}'.",
    "pecah kode tercetak menjadi kegiatan (4 digit), KRO (3 huruf) dan RO (3 digit).",
)  # fmt: skip

# --- targets --------------------------------------------------------------------------------------

TARGET_TIDAK_TERBACA = Kind(
    "target_tidak_terbaca", "Target tercetak tidak terbaca",
    "{reason}.",
    "tulis target seperti di dokumen: angka lalu satuan (77,5%, 5 keg), batas (≥ 90%, maksimal 3 perkara, "
    "80–90%) atau kategori skala di data/skala_kategori.csv (WTP); satuan baru harus ditambahkan dulu ke "
    "daftar satuan.",
)  # fmt: skip
NILAI_TIDAK_COCOK = Kind(
    "nilai_tidak_cocok", "Nilai target tidak cocok dengan target tercetak",
    "nilai '{stored}' tidak cocok dengan target tercetak '{printed}' (seharusnya {shown}).", "{fix}",
)  # fmt: skip
SATUAN_TIDAK_COCOK = Kind(
    "satuan_tidak_cocok", "Satuan target tidak cocok dengan target tercetak",
    "satuan '{stored}' tidak cocok dengan target tercetak '{printed}' (seharusnya '{shown}').", "{fix}",
)  # fmt: skip
TARGET_TIDAK_COCOK = Kind(
    "target_tidak_cocok", "Kolom target tidak cocok dengan target tercetak",
    "'{stored}' tidak cocok dengan target tercetak '{printed}' (seharusnya '{shown}').", "{fix}",
)  # fmt: skip

# --- realisation, polarity, scales, versions --------------------------------------------------------

POLARITAS_HILANG = Kind(
    "polaritas_hilang", "Indikator belum punya arah",
    "indikator {id} (baris {number} di {file}) belum punya arah.",
    "tambahkan baris '{id},naik,tafsiran,<alasan>' (atau 'turun' bila makin rendah makin baik).",
)  # fmt: skip
ARSIP_HILANG = Kind(
    "arsip_hilang", "Arsip versi lama hilang",
    "versi {versi} dokumen {dokumen} tidak punya arsip di {folder}/.",
    "kembalikan folder arsip versi itu dari git, atau hapus baris versi ini bila memang tidak pernah terbit.",
)  # fmt: skip
KATEGORI_REALISASI = Kind(
    "kategori_realisasi", "Realisasi bukan kategori skala targetnya",
    "indikator {id} bertarget kategori '{printed}' (skala {skala}); realisasinya harus kategori skala itu, "
    "bukan '{kategori}'.",
    "isi kolom 'kategori' dengan salah satu: {choices}; kosongkan 'nilai' dan 'satuan'.",
)  # fmt: skip
KATEGORI_TANPA_ANGKA = Kind(
    "kategori_tanpa_angka", "Realisasi kategori diberi angka atau satuan",
    "indikator {id} bertarget kategori; realisasinya tidak diberi {what} ('{value}').",
    "kosongkan '{column}' dan isi kategori yang dicapai di kolom 'kategori'.",
)  # fmt: skip
REALISASI_TANPA_NILAI = Kind(
    "realisasi_tanpa_nilai", "Realisasi tanpa angka",
    "realisasi indikator {id} tidak punya angka.",
    "isi 'nilai' dengan angka realisasi dalam satuan {satuan}, titik sebagai pemisah desimal.",
)  # fmt: skip
SATUAN_REALISASI_BEDA = Kind(
    "satuan_realisasi_beda", "Satuan realisasi berbeda dari satuan target",
    "satuan realisasi '{satuan}' berbeda dari satuan target '{target_satuan}' indikator {id}; capaian tidak "
    "dapat dihitung.",
    "isi realisasi dengan satuan yang sama dengan targetnya (lihat target tercetak '{printed}').",
)  # fmt: skip
KATEGORI_UNTUK_ANGKA = Kind(
    "kategori_untuk_angka", "Kategori untuk target angka",
    "indikator {id} bertarget angka; kolom 'kategori' hanya untuk target kategori ('{kategori}').",
    "kosongkan 'kategori'.",
)  # fmt: skip
ARAH_BERTENTANGAN = Kind(
    "arah_bertentangan", "Arah indikator bertentangan dengan batas tercetak",
    "target tercetak '{printed}' indikator {id} adalah batas yang berarti {meaning}, tetapi arahnya "
    "'{polaritas}'.",
    "isi 'polaritas' dengan '{implied}' dan 'dasar' dengan 'dokumen'.",
)  # fmt: skip
URUTAN_SKALA = Kind(
    "urutan_skala", "Peringkat skala tidak bersambung",
    "peringkat skala '{skala}' tidak bersambung 1..{count} ({ranks}).",
    "nomori kolom 'urutan' 1, 2, 3, … dari kategori terbaik, tanpa lompatan atau nomor ganda.",
)  # fmt: skip
SKALA_TIDAK_KONSISTEN = Kind(
    "skala_tidak_konsisten", "Nama atau sumber skala tidak seragam",
    "skala '{skala}' memakai lebih dari satu '{column}' ({count} bentuk).",
    "tulis '{column}' yang sama pada setiap baris skala '{skala}'.",
)  # fmt: skip

# --- the source text and the claims ---------------------------------------------------------------

BEDA_DENGAN_SUMBER = Kind(
    "beda_dengan_sumber", "Teks data berbeda dari dokumen tercetak",
    "{what}",
    "salin teksnya persis seperti tercetak di {where} (ejaan, spasi, tanda baca, titik atau koma desimal); "
    "bila dokumennya keliru, catat di data/anomali.csv, jangan diperbaiki di data.",
)  # fmt: skip
JUMLAH_INDIKATOR_TIDAK_SESUAI_SUMBER = Kind(
    "jumlah_tidak_sesuai_sumber", "Jumlah baris tidak sama dengan dokumen tercetak",
    "dokumen {dokumen} punya {stored} indikator, tetapi {source} mencetak {printed} baris tabel.",
    "setiap baris tabel yang tercetak adalah satu indikator: impor ulang dokumennya (make import) atau "
    "kembalikan baris yang hilang atau berlebih.",
)  # fmt: skip
JUMLAH_SASARAN_TIDAK_SESUAI_SUMBER = Kind(
    "jumlah_tidak_sesuai_sumber", "Jumlah baris tidak sama dengan dokumen tercetak",
    "dokumen {dokumen} punya {stored} sasaran, tetapi {source} mencetak {printed} sel sasaran.",
    "setiap sel sasaran yang tercetak adalah satu sasaran, berurutan seperti tercetak.",
)  # fmt: skip
URUTAN_TIDAK_SESUAI_SUMBER = Kind(
    "urutan_tidak_sesuai_sumber", "Program tidak berurutan seperti tercetak",
    "program dokumen {dokumen} ({stored}) tidak berurutan seperti pertama kali tercetak ({printed}).",
    "urutkan program menurut baris tempat selnya pertama kali tercetak.",
)  # fmt: skip
TIDAK_ADA_DI_SUMBER = Kind(
    "tidak_ada_di_sumber", "Teks tercetak tidak ada di data",
    "teks tercetak '{part}' (sel {role}) tidak ada di data persis seperti tercetak.",
    "cari baris data yang memuat teks ini dan salin persis seperti tercetak; teks resmi tidak diubah.",
)  # fmt: skip
BARIS_SUMBER_SALAH = Kind(
    "baris_sumber_salah", "Nomor baris sumber tidak ada",
    "baris '{lines}' tidak ada di {source} ({count} baris).",
    "isi 'baris_sumber' dengan nomor baris indikator ini di {source} (beberapa baris dipisah ';'), atau "
    "impor "
    "ulang dokumennya.",
)  # fmt: skip
TAFSIRAN_TANPA_CATATAN = Kind(
    "tafsiran_tanpa_catatan", "Bacaan tata letak tanpa catatan tafsiran",
    "{reading} ({source}, baris {line}) Tidak ada catatan tafsiran untuk {id} kolom '{column}' di {anomali}.",
    "catat bacaan itu di data/anomali.csv dengan kategori 'tafsiran': tambahkan baris '<kode anomali "
    "berikutnya>,{dokumen},indikator,{id},{column},tafsiran,,<uraian bacaan>,<dampak; sebut kata tafsiran>,"
    "<tanggal hari ini TTTT-BB-HH>' (make import menulisnya sendiri untuk dokumen yang diimpor).",
)  # fmt: skip
KLAIM_TANPA_SUMBER = Kind(
    "klaim_tanpa_sumber", "Klaim tanpa penanda sumber",
    "{what}.",
    "beri penanda sumber (dokumen dan baris, peraturan dan pasal, atau berkas) atau tanda tafsiran; lihat "
    "docs/keputusan.md, bagian 'Klaim dan sumber'.",
)  # fmt: skip
