"""Problems of what a person imports: a signed document (.docx, .pdf, .txt) or a realisation sheet (.xlsx).

Raised by kinerja.ingest (reading, guard, offices, revising, sheet_reader, cells) and kinerja.update.
A `{fix}` gap is advice that depends on the kind of file (resave as .docx, .pdf or .xlsx).
"""

from __future__ import annotations

from .kind import Kind

_NUMBER_FIX = "{example}; keterangan ditulis di kolom catatan."
_REVISION_DATE = (
    "tulis tanggal tanda tangan dokumen revisi, misalnya 2024-05-02, 2/5/2024 (hari dulu) atau 2 Mei 2024."
)

# --- any file given to `make import` ----------------------------------------------------------------

BERKAS_PDF = Kind(
    "berkas_pdf", "Berkas PDF bernama .txt",
    "berkas ini PDF, bukan ekspor teks (isinya diawali '%PDF').",
    "ganti akhiran namanya menjadi .pdf ({stem}.pdf) lalu impor lagi, atau impor berkas Word (.docx) "
    "aslinya.",
)  # fmt: skip
BERKAS_WORD_BERNAMA_TXT = Kind(
    "berkas_bukan_teks", "Berkas bukan teks",
    "berkas ini dokumen Word atau arsip ZIP yang diberi nama .txt.",
    "ganti akhiran namanya menjadi .docx ({stem}.docx) lalu impor lagi.",
)  # fmt: skip
BERKAS_BUKAN_TEKS = Kind(
    "berkas_bukan_teks", "Berkas bukan teks",
    "berkas ini bukan teks (memuat bita nol, mungkin UTF-16 atau berkas biner).",
    "simpan ulang sebagai Teks Biasa dengan pengodean UTF-8.",
)  # fmt: skip
TEKS_BUKAN_UTF8 = Kind(
    "bukan_utf8", "Berkas bukan UTF-8",
    "berkas bukan UTF-8: bita 0x{byte:02X} tidak sah{guess}.",
    "simpan ulang teks dengan pengodean UTF-8 (di Notepad: Simpan Sebagai → Encoding UTF-8; di Word: Teks "
    "Biasa → Unicode (UTF-8)).",
)  # fmt: skip
BERKAS_IMPOR_TIDAK_ADA = Kind(
    "berkas_tidak_ada", "Berkas tidak ada",
    "berkas '{path}' tidak ditemukan.",
    "periksa nama dan foldernya; jalankan perintah dari folder utama proyek, misalnya 'make import "
    "SRC={example}'.",
)  # fmt: skip
BUKAN_BERKAS = Kind(
    "bukan_berkas", "Folder, bukan berkas", "'{path}' adalah folder.", "sebut satu berkas, bukan folder.",
)  # fmt: skip
TIDAK_DAPAT_DIBACA = Kind(
    "tidak_dapat_dibaca", "Berkas tidak dapat dibaca",
    "berkas tidak dapat dibaca ({reason}).",
    "periksa izin berkas (misalnya 'chmod u+r') atau salin berkasnya ke folder proyek.",
)  # fmt: skip
BERKAS_IMPOR_KOSONG = Kind(
    "berkas_kosong", "Berkas kosong",
    "berkas kosong.", "simpan ulang berkasnya; berkas ini tidak berisi apa pun.",
)  # fmt: skip
JENIS_TIDAK_DIDUKUNG = Kind(
    "jenis_tidak_didukung", "Jenis berkas tidak dapat diimpor",
    "jenis berkas '{suffix}' tidak dapat diimpor.",
    # {kinds} and {sheets}: what ingest.reading.KINDS takes, so a new kind is offered without an edit here.
    "impor dokumen RKT sebagai {kinds}; dokumen .doc lama disimpan dulu sebagai .docx.{sheets}",
)  # fmt: skip
BERKAS_TERLALU_BESAR = Kind(
    "berkas_terlalu_besar", "Berkas terlalu besar",
    "berkas berukuran {size}, melebihi batas {limit} untuk impor.",
    "impor dokumen RKT atau lembar realisasi itu sendiri, tanpa gambar hasil pindaian atau lampiran besar; "
    "simpan ulang dari Word, Excel atau LibreOffice lalu impor lagi.",
)  # fmt: skip
ARSIP_TERLALU_BANYAK_BAGIAN = Kind(
    "arsip_berbahaya", "Berkas Word/Excel yang tidak wajar",
    "{kind} ini berisi {parts} bagian (batas {limit}).", "{fix}",
)  # fmt: skip
ARSIP_MENGEMBANG = Kind(
    "arsip_berbahaya", "Berkas Word/Excel yang tidak wajar",
    "{kind} ini mengembang menjadi {size} saat dibuka (batas {limit}); berkas seperti ini bukan dokumen "
    "biasa "
    "dan tidak dibaca.",
    "{fix}",
)  # fmt: skip
ARSIP_DIPADATKAN = Kind(
    "arsip_berbahaya", "Berkas Word/Excel yang tidak wajar",
    "bagian '{part}' dari {kind} ini dipadatkan {ratio}:1 (batas {limit}:1); berkas seperti ini bukan "
    "dokumen "
    "biasa dan tidak dibaca.",
    "{fix}",
)  # fmt: skip
XML_BERBAHAYA = Kind(
    "xml_berbahaya", "Berkas Word/Excel memuat deklarasi XML berbahaya",
    "bagian '{part}' dari {kind} ini memuat deklarasi DOCTYPE/ENTITY XML, yang tidak pernah dibuat Word, "
    "Excel atau LibreOffice; isinya tidak dibaca.",
    "{fix}",
)  # fmt: skip
PDF_TERLALU_BANYAK_HALAMAN = Kind(
    "pdf_terlalu_banyak_halaman", "PDF terlalu banyak halaman",
    "PDF ini berisi {pages} halaman (batas {limit}); dokumen RKT hanya beberapa halaman.", "{fix}",
)  # fmt: skip

# --- a signed document -------------------------------------------------------------------------------

DOCX_RUSAK = Kind(
    "docx_rusak", "Berkas Word rusak", "berkas .docx ini rusak atau bukan dokumen Word.", "{fix}",
)  # fmt: skip
DOCX_BERISI_PDF = Kind(
    "docx_rusak", "Berkas Word rusak", "berkas ini PDF yang diberi nama .docx.", "{fix}",
)  # fmt: skip
DOCX_TIDAK_TERBACA = Kind(
    "docx_rusak", "Berkas Word rusak", "berkas .docx ini tidak dapat dibaca ({error}).", "{fix}",
)  # fmt: skip
PDF_BUKAN_PDF = Kind(
    "pdf_rusak", "Berkas PDF rusak", "berkas ini bukan PDF (isinya tidak diawali '%PDF').", "{fix}",
)  # fmt: skip
PDF_BERISI_WORD = Kind(
    "pdf_rusak", "Berkas PDF rusak", "berkas ini dokumen Word atau arsip ZIP yang diberi nama .pdf.", "{fix}",
)  # fmt: skip
PDF_RUSAK = Kind(
    "pdf_rusak", "Berkas PDF rusak",
    "berkas PDF ini rusak atau tidak lengkap; isinya tidak dapat dibaca.", "{fix}",
)  # fmt: skip
PDF_TANPA_TEKS = Kind(
    "pdf_tanpa_teks", "PDF hasil pindai tanpa teks",
    "PDF ini hanya berisi gambar halaman (hasil pindai atau foto), tanpa lapisan teks; gambar hasil pindaian "
    "tidak dapat dibaca sebagai teks.",
    "minta berkas Word (.docx) dokumen itu kepada bagian perencanaan, atau PDF yang diekspor langsung dari "
    "Word "
    "atau LibreOffice (bukan hasil pindai), lalu impor berkas itu.",
)  # fmt: skip
PDF_TERKUNCI = Kind(
    "pdf_terkunci", "PDF dikunci kata sandi",
    "PDF ini dikunci dengan kata sandi pembukaan, sehingga isinya tidak dapat dibaca.",
    "ekspor ulang PDF dari berkas Word-nya tanpa kata sandi, atau impor berkas Word (.docx)-nya.",
)  # fmt: skip
SUSUNAN_DOKUMEN = Kind(
    # The wording of each shape the reader refuses lives with its check in kinerja.ingest.source_text.
    "susunan_dokumen", "Susunan dokumen bukan tabel RKT", "{what}", "{fix}",
)  # fmt: skip
KANTOR_TIDAK_DIKENAL = Kind(
    "kantor_tidak_dikenal", "Kantor dokumen tidak dikenal",
    "kantor '{kantor}' tidak ada di data/kantor.csv.",
    "tambahkan dulu kantornya di data/kantor.csv (kode wilayah Kemendagri tanpa titik, nama, jenis), atau "
    "perbaiki kode KANTOR=….",
)  # fmt: skip
UNIT_TIDAK_DIKENAL = Kind(
    "kantor_tidak_dikenal", "Kantor dokumen tidak dikenal",
    "{found}",
    "tambahkan kantornya di data/kantor.csv (kode wilayah Kemendagri tanpa titik, nama seperti tercetak, "
    "jenis), atau sebutkan kantornya saat impor: 'make import SRC=… KANTOR=6472'.",
)  # fmt: skip
NAMA_SUMBER_TERPAKAI = Kind(
    "nama_sumber_terpakai", "Nama berkas revisi sudah dipakai",
    "data/sumber/{name} sudah ada dan menyimpan dokumen versi yang terbit; revisi dengan nama yang sama akan "
    "menimpanya.",
    "beri berkas revisi nama baru, misalnya {stem}-revisi-1{dot}{suffix}, lalu impor lagi.",
)  # fmt: skip
TANGGAL_REVISI_TIDAK_TERBACA = Kind(
    "tanggal_revisi_salah", "Tanggal revisi salah",
    "tanggal revisi '{tanggal}' tidak terbaca.", _REVISION_DATE,
)  # fmt: skip
TANGGAL_REVISI_BELUM_LEWAT = Kind(
    "tanggal_revisi_salah", "Tanggal revisi salah",
    "tanggal revisi {tanggal} belum lewat (hari ini lebih awal).", _REVISION_DATE,
)  # fmt: skip
TANGGAL_REVISI_SEBELUM_VERSI = Kind(
    "tanggal_revisi_salah", "Tanggal revisi salah",
    "tanggal revisi {tanggal} lebih awal dari versi {versi} {dokumen} ({previous}).", _REVISION_DATE,
)  # fmt: skip
REVISI_TANPA_ALASAN = Kind(
    "revisi_tanpa_alasan", "Revisi tanpa alasan atau tanggal",
    "berkas ini merevisi dokumen yang sudah terbit, menjadi {codes}, dengan perubahan di atas, tetapi "
    "{missing} "
    "revisi tidak diberikan; data/ tidak diubah.",
    "{fix}",
)  # fmt: skip

# --- a realisation sheet: the workbook -----------------------------------------------------------------

_REMAKE = "buat lembarnya dengan 'make template', isi lembar itu, lalu impor lagi."
_SHEET_DATE = (
    "ketik tanggal dokumen sumber sebagai hari/bulan/tahun atau dengan nama bulan, misalnya 28/02/2025, "
    "28 Februari 2025 atau 2025-02-28."
)
_NO_PASSWORD = "{fix} Jangan pasang kata sandi pembukaan."

XLS_LAMA = Kind(
    "bukan_xlsx", "Berkas bukan buku kerja .xlsx",
    "berkas ini buku kerja Excel 97–2003 (.xls) atau .xlsx yang dikunci kata sandi pembukaan, bukan .xlsx "
    "biasa.",
    _NO_PASSWORD,
)  # fmt: skip
XLSX_BERISI_PDF = Kind(
    "bukan_xlsx", "Berkas bukan buku kerja .xlsx", "berkas ini PDF yang diberi nama .xlsx.", _NO_PASSWORD,
)  # fmt: skip
BUKAN_XLSX = Kind(
    "bukan_xlsx", "Berkas bukan buku kerja .xlsx",
    "berkas ini bukan buku kerja Excel (.xlsx); isinya teks atau jenis berkas lain.", _NO_PASSWORD,
)  # fmt: skip
XLSX_RUSAK = Kind(
    "xlsx_rusak", "Buku kerja rusak",
    "berkas .xlsx ini rusak atau bukan buku kerja Excel ({error}).", "{fix}",
)  # fmt: skip
TANPA_LEMBAR_REALISASI = Kind(
    "bukan_lembar_realisasi", "Bukan lembar realisasi",
    "buku kerja ini tidak punya lembar '{sheet}' (yang ada: {found}); bukan lembar realisasi.", _REMAKE,
)  # fmt: skip
BUKAN_LEMBAR_REALISASI = Kind(
    "bukan_lembar_realisasi", "Bukan lembar realisasi",
    "sel B{row} tidak bertuliskan '{format}'; buku kerja ini bukan lembar realisasi buatan 'make template'.",
    _REMAKE,
)  # fmt: skip
DOKUMEN_LEMBAR_TIDAK_DIKENAL = Kind(
    "dokumen_tidak_dikenal", "Dokumen tidak dikenal",
    "kode dokumen '{code}' di sel B{row} tidak ada di data/dokumen.csv.",
    "kembalikan kode dokumennya (yang ada: {known}), atau " + _REMAKE,
)  # fmt: skip
SUSUNAN_LEMBAR = Kind(
    "susunan_lembar", "Susunan kolom lembar berubah",
    "judul kolom {letter} adalah '{found}', seharusnya '{heading}' (kolom disisipkan, dihapus atau "
    "dipindah).",
    "kembalikan susunan kolomnya, atau salin isian ke lembar baru dari 'make template'.",
)  # fmt: skip

# --- a realisation sheet: its rows and cells -------------------------------------------------------------

KODE_KOSONG = Kind(
    "kode_kosong", "Baris tanpa kode indikator",
    "baris ini berisi isian tetapi tidak punya kode indikator.",
    "kembalikan kode indikatornya (lihat data/indikator.csv) atau hapus isian baris ini; baris tidak boleh "
    "ditambah.",
)  # fmt: skip
KODE_TIDAK_DIKENAL = Kind(
    "kode_tidak_dikenal", "Kode indikator tidak dikenal",
    "kode indikator '{code}' tidak ada di paket data.",
    "kode di kolom A terkunci: kembalikan kodenya, atau salin isian ke lembar baru dari 'make template "
    "DOKUMEN={dokumen}'.",
)  # fmt: skip
KODE_DOKUMEN_LAIN = Kind(
    "kode_dokumen_lain", "Indikator milik dokumen lain",
    "indikator {code} milik dokumen {dokumen}, bukan dokumen lembar ini ({sheet_dokumen}).",
    "isi realisasi {code} di lembar {file} (buat dengan 'make template DOKUMEN={dokumen}'), bukan di sini.",
)  # fmt: skip
KODE_GANDA_LEMBAR = Kind(
    "kode_ganda", "Kode dipakai dua kali",
    "indikator {code} sudah ada di baris {row}.",
    "satu indikator satu baris: pindahkan isiannya ke baris pertama lalu hapus baris ini.",
)  # fmt: skip
SEL_TERKUNCI_DIUBAH = Kind(
    "sel_terkunci_diubah", "Sel terkunci diubah",
    "sel terkunci '{heading}' indikator {id} diubah menjadi '{found}'; seharusnya '{expected}'.",
    "kembalikan isinya menjadi '{expected}' (atau pakai lembar baru dari 'make template'); teks, target dan "
    "satuan hanya berubah lewat impor dokumen RKT.",
)  # fmt: skip
RUMUS = Kind(
    "rumus", "Sel berisi rumus",
    "sel berisi rumus ('{formula}'), bukan isian.",
    "salin sel itu lalu Tempel Khusus → Nilai saja, atau ketik nilainya langsung.",
)  # fmt: skip
REALISASI_TERBIT_DIKOSONGKAN = Kind(
    "sumber_tanpa_realisasi", "Sumber atau tanggal tanpa realisasi",
    "realisasi {id} {periode} yang sudah terbit dikosongkan, tetapi {filled} masih terisi; lembar tidak "
    "menghapus realisasi yang sudah terbit.",
    "kembalikan nilainya; bila realisasi itu memang keliru terbit, hapus barisnya di data/realisasi.csv dan "
    "tulis alasannya di pesan commit.",
)  # fmt: skip
SUMBER_TANPA_REALISASI = Kind(
    "sumber_tanpa_realisasi", "Sumber atau tanggal tanpa realisasi",
    "{filled} terisi tetapi realisasi {id} {periode} kosong.",
    "isi realisasinya dari dokumen sumber, atau kosongkan juga sumber, tanggal dan catatan.",
)  # fmt: skip
SUMBER_KOSONG = Kind(
    "sumber_kosong", "Realisasi tanpa dokumen sumber",
    "realisasi {id} {periode} tidak menyebut dokumen sumbernya.",
    "tulis judul dokumen resmi tempat realisasi ini terbit, misalnya 'LKjIP {unit} {tahun}'.",
)  # fmt: skip
TANGGAL_KOSONG = Kind(
    "tanggal_kosong", "Realisasi tanpa tanggal sumber",
    "realisasi {id} {periode} tidak punya tanggal dokumen sumber.", _SHEET_DATE,
)  # fmt: skip
ANGKA_MERAGUKAN = Kind(
    "angka_meragukan", "Angka dengan arti ganda",
    "'{typed}' tersimpan sebagai teks dan artinya tidak pasti: bisa {spoken_thousands} ({thousands}, tanda "
    "'{mark}' sebagai pemisah ribuan) atau {spoken} ({point}).",
    "bila maksudnya {thousands}, ketik {thousands} tanpa pemisah ribuan; bila maksudnya {point}, ketik "
    "{point} "
    "di sel berformat Umum (General) pada lembar kerja berbahasa Indonesia, atau {before}.{after} pada "
    "lembar "
    "kerja berbahasa Inggris (en-US). {hint}",
)  # fmt: skip
ANGKA_TIDAK_BERATURAN = Kind(
    "bukan_angka", "Bukan angka",
    "'{typed}' tersimpan sebagai teks dan tidak terbaca sebagai angka (koma dan titiknya tidak beraturan).",
    "ketik angkanya saja dengan satu pemisah desimal, tanpa pemisah ribuan, misalnya 1234,5. {hint}",
)  # fmt: skip
BUKAN_ANGKA_REALISASI = Kind(
    "bukan_angka", "Bukan angka", "'{value}' bukan angka realisasi.", "{example}.",
)  # fmt: skip
BUKAN_ANGKA = Kind("bukan_angka", "Bukan angka", "'{value}' bukan angka.", _NUMBER_FIX)
FORMAT_PERSEN = Kind(
    "format_persen", "Format persen untuk satuan lain",
    "sel berformat persen menampilkan '{percent}%', padahal satuan target '{unit}' (target tercetak "
    "'{printed}').",
    "ubah format sel ke Umum (General) lalu {example}, tanpa tanda %.",
)  # fmt: skip
ANGKA_NEGATIF = Kind(
    "angka_negatif", "Realisasi negatif",
    "realisasi {value} negatif.",
    "realisasi tidak pernah negatif: periksa dokumen sumber lalu ketik angkanya (0 atau lebih).",
)  # fmt: skip
SATUAN_BEDA = Kind(
    "satuan_beda", "Satuan realisasi berbeda dari satuan target",
    "'{value}' bersatuan {written}, berbeda dari satuan target '{unit}' (target tercetak '{printed}'); "
    "capaian tidak dapat dihitung.",
    "isi realisasi dalam satuan {unit} seperti dilaporkan dokumen sumber, angkanya saja; jangan menghitung "
    "ulang sendiri dari satuan lain: tanyakan pengelola data.",
)  # fmt: skip
SATUAN_DALAM_SEL = Kind(
    "satuan_dalam_sel", "Satuan ditulis di sel angka",
    "'{value}' ditulis bersama satuannya; realisasi harus angka saja.",
    "hapus isinya lalu ketik {number} saja (satuan {unit} sudah tercatat di kolom E).",
)  # fmt: skip
KATEGORI_DI_LUAR_SKALA = Kind(
    "kategori_di_luar_skala", "Bukan kategori skala target",
    "'{value}' bukan kategori skala {scale} (target tercetak '{printed}').",
    "pilih salah satu dari daftar di sel: {choices}.",
)  # fmt: skip
BUKAN_TEKS = Kind(
    "bukan_teks", "Angka atau tanggal di sel teks",
    "sel berisi angka atau tanggal ('{value}'), bukan teks.",
    "tulis teksnya (judul dokumen resmi atau catatan); tanggal ditulis di kolom tanggal.",
)  # fmt: skip
TAHUN_DUA_ANGKA = Kind(
    "tanggal_tidak_sah", "Bukan tanggal yang sah",
    "'{typed}' tidak menulis tahunnya dengan empat angka, sehingga tahunnya tidak pasti.",
    "ketik tahunnya lengkap (empat angka), misalnya 28/02/2025 atau 2025-02-28.",
)  # fmt: skip
BULAN_TIDAK_ADA = Kind(
    "tanggal_tidak_sah", "Bukan tanggal yang sah",
    "'{typed}' bukan tanggal: bulan {month} tidak ada (dibaca {order}).",
    "ketik tanggalnya sebagai hari/bulan/tahun, misalnya 15/04/{year}, atau {year}-04-15.",
)  # fmt: skip
HARI_TIDAK_ADA = Kind(
    "tanggal_tidak_sah", "Bukan tanggal yang sah",
    "'{typed}' bukan tanggal yang ada: {month_name} {year} hanya punya {last} hari.",
    "periksa tanggal pada dokumen sumber lalu ketik tanggal yang ada (hari terakhir {month_name} {year}: "
    "{last}/{month:02d}/{year}).",
)  # fmt: skip
TANGGAL_TIDAK_SAH = Kind(
    "tanggal_tidak_sah", "Bukan tanggal yang sah", "'{value}' bukan tanggal.", _SHEET_DATE,
)  # fmt: skip
TANGGAL_MASA_DEPAN = Kind(
    "tanggal_masa_depan", "Tanggal sumber belum tiba",
    "tanggal {date} belum tiba (hari ini {today}); realisasi hanya dari dokumen yang sudah terbit.",
    "periksa tanggal pada dokumen sumber dan ketik tanggal terbitnya.",
)  # fmt: skip
TANGGAL_SEBELUM_TAHUN = Kind(
    "tanggal_sebelum_tahun", "Tanggal sumber sebelum tahun rencana",
    "tanggal {date} lebih awal dari tahun rencana {tahun}; realisasi {tahun} tidak terbit sebelum "
    "{tahun}-01-01.",
    "periksa tanggal pada dokumen sumber (mungkin tahunnya salah ketik).",
)  # fmt: skip

# --- the import itself and `make template` (kinerja.update) ---------------------------------------------

TARGET_IMPOR_TIDAK_TERBACA = Kind(
    # The importer words what it could not read in the cell; the fix depends on the column.
    "target_tidak_terbaca", "Target tercetak tidak terbaca", "{what}", "{fix}",
)  # fmt: skip
SEL_TIDAK_TERBACA = Kind("sel_tidak_terbaca", "Sel dokumen tidak terbaca", "{what}", "{fix}")
REALISASI_TIDAK_ADA = Kind(
    "realisasi_tidak_ada", "Paket tanpa tabel realisasi",
    "paket data tidak punya sumber daya 'realisasi' (data/realisasi.csv).",
    "tambahkan sumber daya 'realisasi' dengan skemanya seperti paket proyek ini, lalu impor.",
)  # fmt: skip
DOKUMEN_TIDAK_DIKENAL = Kind(
    "dokumen_tidak_dikenal", "Dokumen tidak dikenal",
    "dokumen '{dokumen}' tidak ada.", "sebut salah satu kode dokumen: {known} (misalnya DOKUMEN=RKT24-S).",
)  # fmt: skip
_PENDING = (
    "impor dulu dengan 'make import SRC={file}', atau pindahkan berkasnya, atau tulis ke folder lain "
    "(OUT=folder); TIMPA=1 menimpanya."
)
LEMBAR_TIDAK_TERPERIKSA = Kind(
    "lembar_sudah_ada", "Lembar berisi isian yang belum diimpor",
    "berkas sudah ada dan tidak dapat diperiksa ({count} masalah, misalnya: {example}); mungkin berisi isian "
    "yang belum diimpor.",
    _PENDING,
)  # fmt: skip
LEMBAR_SUDAH_ADA = Kind(
    "lembar_sudah_ada", "Lembar berisi isian yang belum diimpor",
    "berkas sudah ada dan berisi {count} isian yang belum diimpor (misalnya {id} {periode}, baris {row}).",
    _PENDING,
)  # fmt: skip
