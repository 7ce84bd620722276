"""The flat table for journalists: one row per indicator with its document, sasaran, program,
budget codes, target, anomalies and page URL (CSV and XLSX, and one row per indicator in the API).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ... import model, paths
from .. import rules
from . import xlsx


@dataclass(frozen=True)
class Column:
    """A column of the flat indikator lengkap table."""

    name: str
    title: str
    type: str
    description: str


LENGKAP_COLUMNS = (
    Column("indikator_id", "Kode indikator", "string", "Kode tetap indikator, misalnya IK24-S07."),
    Column("kantor_id", "Kode kantor", "string", "Kantor KPU penanda tangan (kode wilayah Kemendagri)."),
    Column("kantor_nama", "Kantor", "string", "Nama kantor KPU penanda tangan dokumen."),
    Column("dokumen_id", "Kode dokumen", "string", "Dokumen RKT tempat indikator tercetak."),
    Column("dokumen_nama", "Dokumen", "string", "Nama dokumen yang mudah dibaca."),
    Column("tahun", "Tahun", "integer", "Tahun anggaran dokumen."),
    Column("urutan", "Urutan", "integer", "Nomor baris indikator di dalam tabel dokumen."),
    Column("sasaran_id", "Kode sasaran", "string", "Sasaran strategis indikator ini."),
    Column("sasaran_teks", "Sasaran strategis", "string", "Teks sasaran, kata demi kata dari dokumen."),
    Column("program_id", "Kode program", "string", "Program/kegiatan indikator; kosong bila tidak ada."),
    Column("program_nama", "Program/kegiatan", "string", "Nama program/kegiatan tanpa kode anggaran."),
    Column("kode_anggaran", "Kode anggaran", "string", "Semua kode anggaran program, dipisah '; '."),
    Column("kode_kegiatan", "Kode kegiatan", "string", "Kode kegiatan (4 digit), dipisah '; '."),
    Column("kode_kro", "Kode KRO", "string", "Kode KRO (3 huruf) yang tercetak, dipisah '; '."),
    Column("kode_ro", "Kode RO", "string", "Kode RO (3 digit) yang tercetak, dipisah '; '."),
    Column("indikator_teks", "Indikator kinerja", "string", "Teks indikator, kata demi kata dari dokumen."),
    Column("target_dicetak", "Target tercetak", "string", "Target persis seperti tercetak."),
    Column("target_nilai", "Nilai target", "number", "Angka target, titik sebagai pemisah desimal."),
    Column("target_satuan", "Satuan target", "string", "Satuan nilai target."),
    Column("target_sekunder_nilai", "Target kedua", "number", "Angka kedua bila target berisi dua nilai."),
    Column("target_sekunder_satuan", "Satuan target kedua", "string", "Satuan nilai target kedua."),
    Column("target_jenis", "Jenis target", "string", "angka, batas (≥, ≤, rentang) atau kategori."),
    Column("target_batas", "Bentuk batas", "string", "paling_sedikit (≥), paling_banyak (≤), rentang, …"),
    Column("target_nilai_atas", "Batas atas rentang", "number", "Angka atas rentang (90 pada 80–90%)."),
    Column("target_skala", "Skala kategori", "string", "Skala target kategori (lihat skala_kategori)."),
    Column("target_kategori", "Kategori target", "string", "Kategori target pada skalanya; tanpa angka."),
    Column("target_dibaca", "Target dibaca", "string", "Arti target tercetak dalam kata-kata."),
    Column("halaman_tabel", "Halaman tabel", "integer", "Halaman tabel dokumen tempat indikator tercetak."),
    Column("realisasi_periode", "Periode realisasi", "string", "Periode realisasi terakhir yang terbit."),
    Column("realisasi_nilai", "Nilai realisasi", "number", "Angka realisasi terakhir (bukan kategori)."),
    Column("realisasi_satuan", "Satuan realisasi", "string", "Satuan realisasi terakhir."),
    Column("realisasi_kategori", "Kategori realisasi", "string", "Kategori yang dicapai (target kategori)."),
    Column("capaian_persen", "Capaian (%)", "number", "Capaian terhitung, dalam persen."),
    Column("memenuhi", "Memenuhi target", "string", "ya/tidak untuk target batas dan kategori."),
    Column("aturan_capaian", "Aturan capaian", "string", "Aturan yang dipakai menghitung capaian."),
    Column("ada_anomali", "Ada anomali", "string", "'ya' bila ada catatan anomali atas baris indikator ini."),
    Column("anomali_id", "Kode anomali", "string", "Kode catatan anomali atas indikator ini, dipisah '; '."),
    Column("anomali_terkait_id", "Terkait", "string", "Catatan atas sasaran/programnya, dipisah '; '."),
    Column("url", "Alamat halaman", "string", "Alamat halaman indikator di situs ini."),
)  # fmt: skip
FIELDS = [(c.name, c.type) for c in LENGKAP_COLUMNS]


def _joined(values: Iterable[str]) -> str:
    return "; ".join(v for v in values if v)


def _number(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def _latest(item: model.Indikator) -> dict[str, str]:
    """The last published realisation (the year's, when there is one) and what it achieves."""
    if not item.realisasi:
        return {k: "" for k in ("realisasi_periode", "realisasi_nilai", "realisasi_satuan",
                                "realisasi_kategori", "capaian_persen", "memenuhi")}  # fmt: skip
    last = item.realisasi[-1]
    return {
        "realisasi_periode": last.periode,
        "realisasi_nilai": _number(last.nilai),
        "realisasi_satuan": last.satuan,
        "realisasi_kategori": last.kategori,
        "capaian_persen": _number(last.capaian),
        "memenuhi": "" if last.memenuhi is None else "ya" if last.memenuhi else "tidak",
    }


def lengkap_row(package: model.Package, item: model.Indikator, base: str) -> dict[str, str]:
    """One indicator as a flat row: its document, sasaran, program, budget codes, target and URL."""
    doc = package.dokumen[item.dokumen_id]
    sasaran = package.sasaran[item.sasaran_id]
    program = package.program.get(item.program_id)
    kode = program.kode if program else []
    related = [*sasaran.anomali, *(program.anomali if program else [])]
    return {
        "indikator_id": item.id,
        "kantor_id": doc.kantor_id,
        "kantor_nama": doc.kantor.nama if doc.kantor else "",
        "dokumen_id": doc.id,
        "dokumen_nama": doc.nama,
        "tahun": str(doc.tahun),
        "urutan": str(item.urutan),
        "sasaran_id": sasaran.id,
        "sasaran_teks": sasaran.teks,
        "program_id": item.program_id,
        "program_nama": program.nama if program else "",
        "kode_anggaran": _joined(k.kode for k in kode),
        "kode_kegiatan": _joined(k.kode_kegiatan for k in kode),
        "kode_kro": _joined(k.kode_kro for k in kode),
        "kode_ro": _joined(k.kode_ro for k in kode),
        "indikator_teks": item.teks,
        "target_dicetak": item.target_dicetak,
        "target_nilai": _number(item.target_nilai),
        "target_satuan": item.target_satuan,
        "target_sekunder_nilai": _number(item.target_sekunder_nilai),
        "target_sekunder_satuan": item.target_sekunder_satuan,
        "target_jenis": item.target_jenis,
        "target_batas": item.target_batas,
        "target_nilai_atas": _number(item.target_nilai_atas),
        "target_skala": item.target_skala,
        "target_kategori": item.target_kategori,
        "target_dibaca": rules.reading(item, package),
        "halaman_tabel": str(item.halaman_tabel),
        **_latest(item),
        "aturan_capaian": rules.aturan(item, package),
        "ada_anomali": "ya" if item.anomali else "tidak",
        "anomali_id": _joined(a.id for a in item.anomali),
        "anomali_terkait_id": _joined(a.id for a in related),
        "url": paths.absolute(paths.page_url("indikator", item.id), base),
    }


def lengkap_rows(package: model.Package, base: str) -> list[dict[str, str]]:
    """Every indicator as a flat row, in printed order: document by document, row by row."""
    return [lengkap_row(package, item, base) for doc in package.dokumen.values() for item in doc.indikator]


def _kamus_rows() -> list[dict[str, str]]:
    return [
        {"resource": paths.LENGKAP.replace("-", "_"), "name": c.name, "title": c.title, "type": c.type,
         "constraints": "", "description": c.description}
        for c in LENGKAP_COLUMNS
    ]  # fmt: skip


def lengkap_workbook(package: model.Package, rows: list[dict[str, str]], epoch: int) -> bytes:
    """The indikator lengkap table as XLSX, each row's URL a clickable link, plus its column guide."""
    workbook = xlsx.new_workbook(package, "Indikator lengkap", epoch, write_only=True)
    xlsx.sheet(workbook, "indikator_lengkap", FIELDS, rows, links=[row["url"] for row in rows])
    xlsx.sheet(workbook, "kamus_data", xlsx.KAMUS_FIELDS, _kamus_rows())
    return xlsx.workbook_bytes(workbook, epoch)
