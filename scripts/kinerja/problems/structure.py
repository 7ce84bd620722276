"""Problems of the package's structure: datapackage.json, the CSV files as text, and their schemas.

Layers 1 and 2 of validation (kinerja.validate.descriptor, .files, .schema).
"""

from __future__ import annotations

from .kind import Kind

_FROM_GIT = "kembalikan definisi kolom itu dari versi terakhir yang benar di git."
_NEW_CODE = (
    "beri baris ini kode baru dengan nomor berikutnya yang belum pernah dipakai; kode lama tidak boleh "
    "dipakai "
    "ulang."
)
_SCHEMA_FIX = (
    "bandingkan bagian yang diubah dengan versi terakhir yang benar di git; jenis kolom yang sah antara lain "
    "string, integer, number dan date."
)

# --- datapackage.json ---------------------------------------------------------------------------

PAKET_TIDAK_ADA = Kind(
    "paket_tidak_ada", "Paket data tidak ada",
    "berkas tidak ditemukan.", "pastikan datapackage.json ada di folder utama proyek.",
)  # fmt: skip
ADA_BOM_PAKET = Kind(
    "ada_bom", "Berkas diawali BOM",
    "berkas diawali tanda BOM (UTF-8 dengan BOM).",
    "simpan ulang sebagai UTF-8 tanpa BOM (di editor: Encoding → UTF-8).",
)  # fmt: skip
PAKET_BUKAN_UTF8 = Kind(
    "paket_bukan_utf8", "Paket data bukan UTF-8",
    "berkas tidak tersimpan sebagai UTF-8 (bita 0x{byte:02X} tidak sah).",
    "simpan ulang berkas dengan pengodean UTF-8.",
)  # fmt: skip
PAKET_JSON_RUSAK = Kind(
    "paket_json_rusak", "Paket data bukan JSON yang sah",
    "bukan JSON yang sah: {reason} (baris {line}, kolom {column}).",
    "periksa koma, tanda kutip dan kurung di baris itu dan baris sebelumnya; gunakan editor yang menandai "
    "kesalahan JSON, atau bandingkan dengan versi terakhir di git.",
)  # fmt: skip
PAKET_TANPA_RESOURCE = Kind(
    "paket_tanpa_resource", "Daftar resources tidak ada",
    "tidak ada daftar 'resources'.", "kembalikan bagian 'resources' dari versi terakhir yang benar.",
)  # fmt: skip
RESOURCE_TANPA_NAMA = Kind(
    "resource_tanpa_nama", "Resource tanpa nama yang unik",
    "resource ke-{number} tidak punya 'name' yang unik.",
    "beri setiap resource nama yang berbeda, sama dengan nama berkasnya (misalnya 'indikator' untuk "
    "data/indikator.csv).",
)  # fmt: skip
SKEMA_KOLOM_HILANG = Kind(
    "skema_kolom_hilang", "Kolom yang dibaca situs hilang dari skema",
    "skema resource '{name}' tidak memuat kolom '{column}'.", _FROM_GIT,
)  # fmt: skip
SKEMA_KOLOM_ASING = Kind(
    "skema_kolom_asing", "Kolom skema tidak dikenal atau ganda",
    "skema resource '{name}' memuat kolom '{column}' yang tidak dikenal atau tercantum dua kali.",
    "hapus kolom itu dari skema; kolom baru harus ditambahkan dulu ke program pembangun situs (kelas datanya "
    "di scripts/kinerja/model.py).",
)  # fmt: skip
RESOURCE_HILANG = Kind(
    "resource_hilang", "Resource yang dibaca situs hilang",
    "resource '{name}' tidak ada di daftar 'resources'.",
    "kembalikan resource '{name}' (berkas data/{name}.csv) dari versi terakhir yang benar di git.",
)  # fmt: skip
PATH_KOSONG = Kind(
    "path_kosong", "Resource tanpa path",
    "resource '{name}' tidak punya 'path' berupa satu jalur berkas.",
    "isi 'path' dengan jalur berkas CSV di folder data/, misalnya data/indikator.csv.",
)  # fmt: skip
PATH_DI_LUAR_DATA = Kind(
    "path_di_luar_data", "Path di luar folder data/",
    "resource '{name}' menunjuk ke '{path}', di luar folder data/ proyek; berkas itu tidak dibaca.",
    "gunakan jalur relatif di dalam folder data/, misalnya data/{name}.csv.",
)  # fmt: skip
PATH_BUKAN_CSV = Kind(
    "path_bukan_csv", "Path bukan berkas CSV",
    "resource '{name}' menunjuk ke '{path}', bukan berkas .csv.",
    "gunakan berkas CSV di folder data/, misalnya data/{name}.csv.",
)  # fmt: skip
SUMBER_TIDAK_ADA = Kind(
    "sumber_tidak_ada", "Berkas sumber tidak ada",
    "berkas sumber '{path}' tidak ditemukan di folder data/.",
    "kembalikan teks dokumen resmi ke data/sumber/ dan isi 'path' di bagian 'sources' dengan jalurnya.",
)  # fmt: skip
SUMBER_BERUBAH = Kind(
    "sumber_berubah", "Teks dokumen resmi berubah",
    "isi berkas sumber tidak cocok dengan SHA-256 yang tercatat di datapackage.json (tercatat {recorded}…, "
    "sekarang {digest}…).",
    "teks dokumen resmi tidak boleh diubah; kembalikan berkas aslinya (git checkout -- {path}), atau bila "
    "ini "
    "dokumen resmi baru, perbarui 'sha256' di bagian 'sources' datapackage.json (baris {line}).",
)  # fmt: skip

# --- the CSV files as text ------------------------------------------------------------------------

BERKAS_TIDAK_ADA = Kind(
    "berkas_tidak_ada", "Berkas tidak ada",
    "berkas tidak ditemukan.", "kembalikan berkas itu atau perbaiki 'path' di datapackage.json.",
)  # fmt: skip
BERKAS_KOSONG = Kind(
    "berkas_kosong", "Berkas kosong",
    "berkas kosong, bahkan baris judul kolom tidak ada.",
    "baris pertama harus berisi judul kolom: {header}; kembalikan isi berkas dari versi terakhir di git "
    "(git checkout -- {path}).",
)  # fmt: skip
ADA_BOM = Kind(
    "ada_bom", "Berkas diawali BOM",
    "berkas diawali tanda BOM (UTF-8 dengan BOM).",
    "simpan sebagai 'CSV UTF-8' tanpa BOM (di editor teks: Encoding → UTF-8, bukan 'UTF-8 with BOM').",
)  # fmt: skip
BUKAN_UTF8 = Kind(
    "bukan_utf8", "Berkas bukan UTF-8",
    "berkas bukan UTF-8: bita 0x{byte:02X} tidak sah{guess}; berkas tampaknya tersimpan sebagai "
    "Windows-1252/Latin-1.",
    "di spreadsheet pilih Simpan Sebagai → 'CSV UTF-8 (dipisah koma)'; di editor teks simpan ulang dengan "
    "Encoding → UTF-8.",
)  # fmt: skip
AKHIR_BARIS_CRLF = Kind(
    "akhir_baris_crlf", "Akhir baris Windows atau Mac lama",
    "akhir baris berformat {kind}.",
    "simpan dengan akhir baris LF (Unix); di editor teks pilih 'LF' di bilah status.",
)  # fmt: skip
CSV_RUSAK = Kind(
    "csv_rusak", "Tanda kutip CSV rusak",
    "susunan CSV rusak: {reason}",
    "teks yang memuat koma atau tanda kutip harus diapit tanda kutip ganda, dan tanda kutip di dalamnya "
    'ditulis dua kali (""); bila berkas terpotong, kembalikan dari git.',
)  # fmt: skip
BARIS_KOSONG = Kind(
    "baris_kosong", "Baris kosong",
    "baris kosong di tengah data.", "hapus baris itu (juga baris kosong di akhir berkas).",
)  # fmt: skip
JUMLAH_SEL_KURANG = Kind(
    "jumlah_sel", "Jumlah sel tidak sama dengan jumlah kolom",
    "baris ini hanya punya {cells} sel, padahal ada {columns} kolom; kolom '{first_missing}' dan sesudahnya "
    "tidak ada.",
    "lengkapi sel yang hilang (sel kosong tetap ditulis dengan koma); bila berkas terpotong, kembalikan dari "
    "git.",
)  # fmt: skip
JUMLAH_SEL_LEBIH = Kind(
    "jumlah_sel", "Jumlah sel tidak sama dengan jumlah kolom",
    "baris ini punya {cells} sel, padahal hanya ada {columns} kolom{where}.",
    'teks yang memuat koma harus diapit tanda kutip ganda, misalnya "Pengelolaan, Pengadaan"; hapus sel '
    "berlebih bila ada.",
)  # fmt: skip
SPASI_DI_KODE = Kind(
    "spasi_di_kode", "Spasi di dalam kode",
    "nilai {value} mengandung {issue}.",
    "hapus semua spasi di sel itu; kode ditulis tanpa spasi, misalnya IK24-S07.",
)  # fmt: skip
SPASI_BERLEBIH = Kind(
    "spasi_berlebih", "Spasi berlebih atau karakter tak terlihat",
    "teks {value} mengandung {issue}.",
    "teks resmi tidak pernah memuatnya: hapus spasi di awal dan akhir sel, jadikan spasi ganda satu spasi, "
    "dan "
    "ganti spasi tak-putus atau karakter tak terlihat dengan spasi biasa (di spreadsheet: Cari & Ganti).",
)  # fmt: skip
KOLOM_HILANG = Kind(
    "kolom_hilang", "Kolom hilang dari baris judul",
    "kolom '{column}' tidak ada di baris judul.", "tambahkan kolom '{column}' (urutan kolom: {header}).",
)  # fmt: skip
KOLOM_ASING = Kind(
    "kolom_asing", "Kolom tidak dikenal",
    "kolom '{column}' tidak dikenal dalam skema.",
    "hapus kolom itu, atau tambahkan dulu ke skema di datapackage.json beserta judul dan keterangannya.",
)  # fmt: skip
KOLOM_GANDA = Kind(
    "kolom_ganda", "Kolom ganda di baris judul",
    "kolom '{column}' muncul {count} kali di baris judul.", "hapus kolom yang ganda.",
)  # fmt: skip
URUTAN_KOLOM = Kind(
    "urutan_kolom", "Urutan kolom berbeda dari skema",
    "urutan kolom berbeda dari skema.", "susun kolom sebagai: {header}.",
)  # fmt: skip

# --- the schemas, checked by frictionless -------------------------------------------------------------

PAKET_TIDAK_SAH = Kind(
    "paket_tidak_sah", "Deskripsi paket tidak sah",
    "deskripsi paket tidak sah ({message}).", "bandingkan dengan versi terakhir yang benar di git.",
)  # fmt: skip
DESKRIPSI_TIDAK_SAH = Kind(
    "paket_tidak_sah", "Deskripsi paket tidak sah",
    "deskripsi paket tidak sah (keterangan teknis: {note}).", _SCHEMA_FIX,
)  # fmt: skip
JENIS_KOLOM_TIDAK_DIKENAL = Kind(
    "paket_tidak_sah", "Deskripsi paket tidak sah",
    "jenis kolom '{type}' tidak dikenal.", _SCHEMA_FIX,
)  # fmt: skip
TIPE_SALAH = Kind(
    "tipe_salah", "Nilai bukan jenis kolomnya",
    "nilai '{cell}' bukan {type_name}.", "isi dengan {type_hint}.",
)  # fmt: skip
WAJIB_DIISI = Kind(
    "wajib_diisi", "Sel wajib kosong",
    "sel wajib diisi tetapi kosong.", "isi kolom '{column}' ({title}).",
)  # fmt: skip
FORMAT_SALAH = Kind(
    "format_salah", "Nilai tidak sesuai pola kolom",
    "nilai '{cell}' tidak sesuai format kolom ini.",
    "ikuti pola {pattern}{example}; lihat aturan kode di docs/keputusan.md (bagian Kode tetap).",
)  # fmt: skip
BUKAN_PILIHAN = Kind(
    "bukan_pilihan", "Nilai bukan pilihan yang sah",
    "nilai '{cell}' tidak termasuk pilihan yang sah.", "pilih salah satu: {choices}.",
)  # fmt: skip
KODE_GANDA = Kind(
    "kode_ganda", "Kode dipakai dua kali",
    "kode '{cell}' sudah dipakai di baris lain.", _NEW_CODE,
)  # fmt: skip
KODE_GANDA_KUNCI = Kind(
    "kode_ganda", "Kode dipakai dua kali",
    "kode '{value}' dipakai lebih dari sekali.", _NEW_CODE,
)  # fmt: skip
KODE_GANDA_PASANGAN = Kind(
    "kode_ganda", "Kode dipakai dua kali",
    "pasangan {key} ({value}) sudah dipakai di baris lain.",
    "setiap baris memerlukan pasangan yang berbeda; perbaiki '{column}'.",
)  # fmt: skip
BATAS_NILAI = Kind(
    "batas_nilai", "Nilai di luar batas",
    "nilai '{cell}' {bound} {limit}.", "perbaiki nilainya agar berada dalam batas itu.",
)  # fmt: skip
RUJUKAN_TIDAK_ADA = Kind(
    "rujukan_tidak_ada", "Kode yang dirujuk tidak ada",
    "kode '{value}' tidak ada di {target} (kolom '{target_column}').",
    "periksa ejaan kode, atau tambahkan dulu baris dengan kode itu di {target}.",
)  # fmt: skip
JUMLAH_SEL_FRICTIONLESS = Kind(
    "jumlah_sel", "Jumlah sel tidak sama dengan jumlah kolom",
    "jumlah sel di baris ini tidak sama dengan jumlah kolom.",
    "periksa koma di dalam teks: teks yang memuat koma harus diapit tanda kutip ganda.",
)  # fmt: skip
BARIS_KOSONG_FRICTIONLESS = Kind("baris_kosong", "Baris kosong", "baris kosong.", "hapus baris itu.")
TIDAK_SAH = Kind(
    "tidak_sah", "Data tidak sah menurut skema",
    "data tidak sah (keterangan teknis: {message}).", "periksa baris itu terhadap skema di datapackage.json.",
)  # fmt: skip
SATU_DATA_BUKAN_OBJEK = Kind(
    "satu_data_tidak_sah", "Bagian Satu Data tidak sah",
    "bagian 'satu_data' harus berupa objek {{ ... }}.",
    'tulis bagian itu sebagai objek dengan kunci {keys}, masing-masing berisi teks (kosongkan "" bila belum '
    "ditetapkan).",
)  # fmt: skip
SATU_DATA_KUNCI_ASING = Kind(
    "satu_data_tidak_sah", "Bagian Satu Data tidak sah",
    "bagian 'satu_data': kunci '{key}' tidak dikenal.", "gunakan hanya kunci {keys}; periksa ejaannya.",
)  # fmt: skip
SATU_DATA_BUKAN_TEKS = Kind(
    "satu_data_tidak_sah", "Bagian Satu Data tidak sah",
    "bagian 'satu_data': nilai '{key}' bukan teks.",
    'tulis nilainya di antara tanda kutip, atau "" bila belum ditetapkan.',
)  # fmt: skip
