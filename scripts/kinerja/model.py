"""The validated package as typed objects: documents, programs, sasaran, indicators.

Everything downstream (pages, downloads, API, metadata) reads this model and
nothing else, so each output sees the same data and the files are read once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from . import capaian, csvio, versions

RESOURCE_ORDER = ("dokumen", "program", "program_kode", "sasaran", "indikator", "anomali")


@dataclass
class Kode:
    """One budget code printed in a program cell, split into its parts."""

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

    @property
    def nama(self) -> str:
        """A short readable name: 'RKT 2024 Sekretariat KPU Provinsi Kalimantan Timur'."""
        unit = "Sekretariat KPU Provinsi" if self.jenis == "sekretariat" else "KPU Provinsi"
        return f"RKT {self.tahun} {unit} Kalimantan Timur"


@dataclass
class Package:
    """The whole validated package, with its rows linked both ways."""

    root: Path
    descriptor: dict
    rows: dict[str, list[dict[str, str]]]
    dokumen: dict[str, Dokumen]
    program: dict[str, Program]
    sasaran: dict[str, Sasaran]
    indikator: dict[str, Indikator]
    anomali: dict[str, Anomali]
    skala: list[capaian.Pita] = field(default_factory=list)
    revisi: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    arsip: dict[tuple[str, int], dict[str, list[dict[str, str]]]] = field(default_factory=dict)
    """Rows of older versions, by (dokumen id, version)."""

    @property
    def tahun(self) -> list[int]:
        """The years the package holds, oldest first."""
        return sorted({d.tahun for d in self.dokumen.values()})

    def rows_of(self, dokumen_id: str) -> list[dict[str, str]]:
        """The current CSV rows of a document's indicators, in printed order."""
        return [r for r in self.rows["indikator"] if r["dokumen_id"] == dokumen_id]

    def resource(self, name: str) -> dict:
        """The descriptor of one resource."""
        return next(r for r in self.descriptor["resources"] if r["name"] == name)


def _decimal(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def load(root: Path) -> Package:
    """Read datapackage.json and its CSV resources into linked objects.

    Call only on a package that passed validation: this function trusts types.
    """
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    rows = {r["name"]: csvio.read(root / r["path"]) for r in descriptor["resources"]}
    dokumen = {
        r["id"]: Dokumen(**{**r, "tahun": int(r["tahun"]), "tanggal": date.fromisoformat(r["tanggal"])})
        for r in rows["dokumen"]
    }
    program = {r["id"]: Program(**{**r, "urutan": int(r["urutan"])}) for r in rows.get("program", [])}
    for r in sorted(rows.get("program_kode", []), key=lambda r: int(r["urutan"])):
        program[r["program_id"]].kode.append(
            Kode(**{k: v for k, v in r.items() if k not in ("program_id", "urutan")})
        )
    sasaran = {r["id"]: Sasaran(**{**r, "urutan": int(r["urutan"])}) for r in rows["sasaran"]}
    indikator: dict[str, Indikator] = {}
    for r in rows["indikator"]:
        item = Indikator(
            **{
                **r,
                "urutan": int(r["urutan"]),
                "halaman_tabel": int(r["halaman_tabel"]),
                "target_nilai": Decimal(r["target_nilai"]),
                "target_sekunder_nilai": _decimal(r["target_sekunder_nilai"]),
            }
        )
        indikator[item.id] = item
    anomali = {r["id"]: Anomali(**r) for r in rows.get("anomali", [])}
    for doc in dokumen.values():
        doc.sasaran = sorted((s for s in sasaran.values() if s.dokumen_id == doc.id), key=lambda s: s.urutan)
        doc.program = sorted((p for p in program.values() if p.dokumen_id == doc.id), key=lambda p: p.urutan)
        doc.indikator = sorted(
            (i for i in indikator.values() if i.dokumen_id == doc.id), key=lambda i: i.urutan
        )
    for item in sasaran.values():
        if item.sama_dengan in sasaran:
            sasaran[item.sama_dengan].tercetak_lagi.append(item.id)
    for item in sorted(indikator.values(), key=lambda i: (i.dokumen_id, i.urutan)):
        sasaran[item.sasaran_id].indikator.append(item)
        if item.program_id:
            program[item.program_id].indikator.append(item)
    targets = {"dokumen": dokumen, "program": program, "sasaran": sasaran, "indikator": indikator}
    for note in anomali.values():
        targets[note.tabel][note.rujukan_id].anomali.append(note)
        if note.tabel != "dokumen":
            dokumen[note.dokumen_id].anomali.append(note)
    skala = [
        capaian.Pita(int(r["urutan"]), r["kategori"], Decimal(r["batas_bawah"]), _decimal(r["batas_atas"]))
        for r in rows.get("skala_capaian", [])
    ]
    _attach_realisasi(rows, indikator, skala)
    _link_years(dokumen, indikator)
    revisi: dict[str, list[dict[str, str]]] = {}
    for r in sorted(rows.get("revisi", []), key=lambda r: (r["dokumen_id"], int(r["versi"]))):
        revisi.setdefault(r["dokumen_id"], []).append(r)
    arsip = {
        (doc, int(r["versi"])): versions.read_archive(root, doc, int(r["versi"]))
        for doc, entries in revisi.items()
        for r in entries[:-1]
    }
    return Package(
        root, descriptor, rows, dokumen, program, sasaran, indikator, anomali, skala, revisi, arsip
    )


def _attach_realisasi(
    rows: dict[str, list[dict[str, str]]], indikator: dict[str, Indikator], skala: list[capaian.Pita]
) -> None:
    for r in rows.get("polaritas", []):
        item = indikator[r["indikator_id"]]
        item.polaritas, item.polaritas_dasar, item.polaritas_alasan = r["polaritas"], r["dasar"], r["alasan"]
    order = {"TW1": 1, "TW2": 2, "TW3": 3, "TW4": 4, "tahunan": 5}
    for r in sorted(rows.get("realisasi", []), key=lambda r: order[r["periode"]]):
        item = indikator[r["indikator_id"]]
        entry = Realisasi(
            **{**r, "nilai": Decimal(r["nilai"]), "tanggal_sumber": date.fromisoformat(r["tanggal_sumber"])}
        )
        if item.polaritas and entry.satuan == item.target_satuan:
            entry.capaian = capaian.hitung(item.target_nilai, entry.nilai, item.polaritas)
            entry.kategori = capaian.kategori(entry.capaian, skala)
        item.realisasi.append(entry)


def _link_years(dokumen: dict[str, Dokumen], indikator: dict[str, Indikator]) -> None:
    """Indicators printed with the same text in the same kind of document in other years."""
    groups: dict[tuple[str, str], list[Indikator]] = {}
    for item in indikator.values():
        key = (dokumen[item.dokumen_id].jenis, " ".join(item.teks.split()).casefold())
        groups.setdefault(key, []).append(item)
    for items in groups.values():
        for item in items:
            year = dokumen[item.dokumen_id].tahun
            item.tahun_lain = sorted(
                (i.id for i in items if dokumen[i.dokumen_id].tahun != year),
                key=lambda i: dokumen[indikator[i].dokumen_id].tahun,
            )
