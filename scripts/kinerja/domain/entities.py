"""What the package is made of: documents, programs, sasaran, indicators, anomalies, realisation.

Each class is one row of a resource, with the links the model adds. The
validator derives from these classes which columns each resource must have,
so a column added here is expected there without a second edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass
class Kode:
    """One budget code printed in a program cell, split into its parts."""

    urutan: int
    kode: str
    kode_kegiatan: str
    kode_kro: str
    kode_ro: str
    nama_kegiatan: str


@dataclass
class Anomali:
    """A doubt about the official text, shown to readers beside the row it concerns."""

    id: str
    dokumen_id: str
    tabel: str
    rujukan_id: str
    kolom: str
    kategori: str
    teks_dicetak: str
    uraian: str
    dampak: str


@dataclass
class Realisasi:
    """A published realisation of an indicator for one period, with its computed capaian."""

    indikator_id: str
    periode: str
    nilai: Decimal
    satuan: str
    sumber_dokumen: str
    tanggal_sumber: date
    catatan: str
    capaian: Decimal | None = None
    kategori: str = ""


@dataclass
class Indikator:
    """A performance indicator with its printed and parsed target."""

    id: str
    dokumen_id: str
    urutan: int
    halaman_tabel: int
    baris_sumber: str
    sasaran_id: str
    program_id: str
    program_dicetak: str
    teks: str
    target_dicetak: str
    target_nilai: Decimal
    target_satuan: str
    target_sekunder_nilai: Decimal | None
    target_sekunder_satuan: str
    anomali: list[Anomali] = field(default_factory=list)
    polaritas: str = ""
    polaritas_dasar: str = ""
    polaritas_alasan: str = ""
    realisasi: list[Realisasi] = field(default_factory=list)
    tahun_lain: list[str] = field(default_factory=list)
    """Identifiers of the same indicator (same text, same kind of document) in other years."""


@dataclass
class Sasaran:
    """A strategic objective as printed in one document."""

    id: str
    dokumen_id: str
    urutan: int
    teks: str
    sama_dengan: str
    indikator: list[Indikator] = field(default_factory=list)
    anomali: list[Anomali] = field(default_factory=list)
    tercetak_lagi: list[str] = field(default_factory=list)
    """Later sasaran whose `sama_dengan` points here (the same text printed again)."""


@dataclass
class Program:
    """A program/activity cell with its budget codes."""

    id: str
    dokumen_id: str
    urutan: int
    teks_dicetak: str
    nama: str
    kode: list[Kode] = field(default_factory=list)
    indikator: list[Indikator] = field(default_factory=list)
    anomali: list[Anomali] = field(default_factory=list)


@dataclass
class Versi:
    """One version of a document in revisi.csv: the first signing or a revision."""

    dokumen_id: str
    versi: int
    tanggal: date
    sumber: str
    keterangan: str


@dataclass
class Dokumen:
    """A signed RKT table."""

    id: str
    tahun: int
    jenis: str
    judul_dicetak: str
    unit_dicetak: str
    kolom_dicetak: str
    tempat: str
    tanggal: date
    tanggal_dicetak: str
    jabatan_penanda_tangan: str
    nama_penanda_tangan: str
    sumber: str
    sasaran: list[Sasaran] = field(default_factory=list)
    program: list[Program] = field(default_factory=list)
    indikator: list[Indikator] = field(default_factory=list)
    anomali: list[Anomali] = field(default_factory=list)
    versi: list[Versi] = field(default_factory=list)

    @property
    def nama(self) -> str:
        """A short readable name: 'RKT 2024 Sekretariat KPU Provinsi Kalimantan Timur'."""
        unit = "Sekretariat KPU Provinsi" if self.jenis == "sekretariat" else "KPU Provinsi"
        return f"RKT {self.tahun} {unit} Kalimantan Timur"


@dataclass
class Singkatan:
    """An acronym of the glossary with its expansion, where it comes from and the named source."""

    singkatan: str
    kepanjangan: str
    sumber: str
    rujukan: str
    """The named source of the entry: the RKT line(s) where it is printed, or a regulation or
    public source by name and article; empty when not known."""
    keterangan: str
