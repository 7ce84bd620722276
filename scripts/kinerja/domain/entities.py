"""What the package is made of: documents, programs, sasaran, indicators, anomalies, realisation.

Each class is one row of a resource, with the links the model adds. The
validator derives from these classes which columns each resource must have,
so a column added here is expected there without a second edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

_Row = TypeVar("_Row")


def from_row(cls: type[_Row], row: Mapping[str, str], **typed: object) -> _Row:
    """One row class built from its CSV row (text cells), with the typed columns given in `typed`.

    The row's columns are the class's fields by name, so a column missing or unknown raises TypeError.
    """
    return cls(**{**row, **typed})


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
    dicatat: date
    """When the note was first recorded in the package (from the history of data/anomali.csv)."""


@dataclass
class Realisasi:
    """A published realisation of an indicator for one period, with its computed capaian."""

    indikator_id: str
    periode: str
    nilai: Decimal | None
    satuan: str
    kategori: str
    """The category reached, for a category target (nilai is then empty)."""
    sumber_dokumen: str
    tanggal_sumber: date
    catatan: str
    capaian: Decimal | None = None
    """The SAKIP ratio in percent, when it can be computed (numbers and bounds)."""
    memenuhi: bool | None = None
    """Whether a bound or a category target is met; None for a plain number."""
    predikat: str = ""
    """The rating band of the capaian on the published scale (skala_capaian.csv), if any."""


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
    target_jenis: str
    target_nilai: Decimal | None
    target_satuan: str
    target_batas: str
    target_nilai_atas: Decimal | None
    target_sekunder_nilai: Decimal | None
    target_sekunder_satuan: str
    target_skala: str
    target_kategori: str
    anomali: list[Anomali] = field(default_factory=list)
    polaritas: str = ""
    polaritas_dasar: str = ""
    polaritas_alasan: str = ""
    realisasi: list[Realisasi] = field(default_factory=list)
    tahun_lain: list[str] = field(default_factory=list)
    """Identifiers of the same indicator (same text, same kind of document, same office) in other years."""
    banding: str = field(default="", init=False)
    """The code that names the comparison of this indicator's text across offices in its year, if any."""


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
class Kantor:
    """A KPU office: KPU RI, a provincial or a district/city KPU, with its region codes."""

    id: str
    nama: str
    jenis: str
    kode_kemendagri: str
    kode_bps: str
    induk: str
    utama: str
    dokumen: list[Dokumen] = field(default_factory=list)
    anak: list[Kantor] = field(default_factory=list)
    """The offices one level below this one that the package holds (the province's kabupaten/kota)."""

    @property
    def is_home(self) -> bool:
        """The office that owns this site: its codes carry no office part."""
        return self.utama == "ya"

    @property
    def code(self) -> str:
        """The office part of its codes: '' for the home office, else its id (6472)."""
        return "" if self.is_home else self.id


@dataclass
class Dokumen:
    """A signed RKT table."""

    id: str
    kantor_id: str
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
    kantor: Kantor | None = field(default=None, init=False, repr=False)

    @property
    def nama(self) -> str:
        """A short readable name: 'RKT 2024 Sekretariat KPU Provinsi Kalimantan Timur'."""
        office = self.kantor.nama if self.kantor else self.kantor_id
        return f"RKT {self.tahun} {'Sekretariat ' if self.jenis == 'sekretariat' else ''}{office}"

    @property
    def nama_pendek(self) -> str:
        """The name in a list of one office's documents: 'Komisi 2024', 'Sekretariat 2024'."""
        return f"{'Sekretariat' if self.jenis == 'sekretariat' else 'Komisi'} {self.tahun}"


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
