"""The validated package as typed objects: the only thing the outputs read.

`load` reads datapackage.json and its CSV resources once and links the rows
both ways (a document knows its indicators, an indicator its sasaran). What
the descriptor says about the whole package (title, licence, years) is read
here too, so that every output tells the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from . import history
from .datapackage import DESCRIPTOR, DataPackage, of
from .domain import capaian, satu_data, versions
from .domain.entities import (
    Anomali,
    Dokumen,
    Indikator,
    Kantor,
    Kode,
    Program,
    Realisasi,
    Sasaran,
    Singkatan,
    Versi,
    from_row,
)
from .domain.targets import Kategori, Scales

__all__ = [
    "Anomali", "Dokumen", "Field", "Indikator", "Kantor", "Kode", "Package", "Program", "Realisasi",
    "Sasaran", "Singkatan", "Table", "Versi", "load",
]  # fmt: skip


@dataclass(frozen=True)
class Field:
    """One column of a resource as its schema declares it."""

    name: str
    type: str
    title: str
    description: str
    constraints: dict


@dataclass(frozen=True)
class ForeignKey:
    """A resource's foreign key with its fields as lists (a Table Schema may give a single name)."""

    fields: list[str]
    resource: str
    """The resource it refers to: a name, never "" (which a Table Schema uses for the resource itself)."""
    reference: list[str]


@dataclass
class Table:
    """One resource of the package: its schema and its rows exactly as stored (text cells)."""

    name: str
    path: str
    title: str
    description: str
    fields: list[Field]
    primary_key: list[str]
    foreign_keys: list[ForeignKey]
    rows: list[dict[str, str]]

    @property
    def types(self) -> list[tuple[str, str]]:
        """(column, type) in schema order."""
        return [(f.name, f.type) for f in self.fields]


@dataclass
class Package:
    """The whole validated package, with its rows linked both ways."""

    root: Path
    files: DataPackage
    """datapackage.json and the files it names as read for this model (their bytes, for the downloads)."""
    name: str
    title: str
    description: str
    version: str
    keywords: list[str]
    licence: dict[str, str]
    """The first licence of the descriptor: name, title and path (the licence's URL)."""
    publisher: str
    """Who publishes the package: the contributor with the role 'publisher'."""
    sources: list[dict[str, str]]
    """The official source documents: path, title, description and SHA-256."""
    tables: dict[str, Table]
    kantor: dict[str, Kantor]
    dokumen: dict[str, Dokumen]
    program: dict[str, Program]
    sasaran: dict[str, Sasaran]
    indikator: dict[str, Indikator]
    anomali: dict[str, Anomali]
    glosarium: list[Singkatan] = field(default_factory=list)
    skala: list[capaian.Pita] = field(default_factory=list)
    """The rating bands of capaian (skala_capaian.csv), empty until KPU publishes them."""
    skala_kategori: Scales = field(default_factory=lambda: Scales([]))
    """The named category scales of category targets (skala_kategori.csv)."""
    arsip: dict[tuple[str, int], dict[str, list[dict[str, str]]]] = field(default_factory=dict)
    """Rows of older versions, by (dokumen id, version)."""
    banding: dict[str, list[Indikator]] = field(default_factory=dict)
    """Indicators printed with the same text in the same year by several offices, by the code that
    names the comparison (the home office's indicator when it prints the text, else the first code)."""
    satu_data: dict[str, str] = field(default_factory=dict)
    """Satu Data Indonesia values recorded in datapackage.json (domain/satu_data.py); absent = not set."""

    @property
    def home(self) -> Kantor:
        """The office that owns the site (kantor.csv `utama`)."""
        return next(k for k in self.kantor.values() if k.is_home)

    @cached_property
    def offices_with_documents(self) -> list[Kantor]:
        """The offices that hold at least one document, the home office first.

        Worked out once: every row page asks (through multi_office), and the model is not changed
        after model.load links it."""
        found = [k for k in self.kantor.values() if k.dokumen]
        return sorted(found, key=lambda k: (not k.is_home, k.id))

    @cached_property
    def multi_office(self) -> bool:
        """Whether more than one office holds documents (then offices get their own pages)."""
        return len(self.offices_with_documents) > 1

    @property
    def site_documents(self) -> list[Dokumen]:
        """The documents the site-wide lists and hand-written pages speak of: all of them, or the home
        office's when there are several offices (each other office lists its own on its page)."""
        if self.multi_office:
            return [d for d in self.dokumen.values() if d.kantor is not None and d.kantor.is_home]
        return list(self.dokumen.values())

    @property
    def tahun(self) -> list[int]:
        """The years the package holds, oldest first."""
        return sorted({d.tahun for d in self.dokumen.values()})

    def office_of(self, column: str, value: str) -> str | None:
        """The office a changed row belongs to, by its key (kinerja.history: kantor_id, dokumen_id,
        program_id, indikator_id, or a source file's path as `sumber`); None when not known."""
        doc: Dokumen | None = None
        if column == "kantor_id":
            return value if value in self.kantor else None
        if column == "dokumen_id":
            doc = self.dokumen.get(value)
        elif column == "program_id" and value in self.program:
            doc = self.dokumen.get(self.program[value].dokumen_id)
        elif column == "indikator_id" and value in self.indikator:
            doc = self.dokumen.get(self.indikator[value].dokumen_id)
        elif column == history.SOURCE:
            owners = {d.kantor_id for d in self.dokumen.values() if value in (d.sumber, d.sumber + ".txt")}
            return owners.pop() if len(owners) == 1 and owners <= set(self.kantor) else None
        return doc.kantor.id if doc is not None and doc.kantor is not None else None

    def rows_of(self, dokumen_id: str) -> list[dict[str, str]]:
        """The current CSV rows of a document's indicators, in printed order (to compare versions)."""
        return [r for r in self.tables["indikator"].rows if r["dokumen_id"] == dokumen_id]


def _decimal(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    return list(value) if isinstance(value, list) else []


def _table(package: DataPackage, resource: dict) -> Table:
    schema = resource.get("schema", {})
    fields = [
        Field(f["name"], f.get("type", "string"), f.get("title", ""), f.get("description", ""),
              f.get("constraints", {}))
        for f in schema.get("fields", [])
    ]  # fmt: skip
    return Table(
        resource["name"],
        resource["path"],
        resource.get("title", resource["name"]),
        resource.get("description", ""),
        fields,
        _as_list(schema.get("primaryKey")),
        [
            ForeignKey(
                _as_list(key.get("fields")),
                key.get("reference", {}).get("resource") or resource["name"],
                _as_list(key.get("reference", {}).get("fields")),
            )
            for key in schema.get("foreignKeys", [])
        ],
        package.rows_at(resource["path"]) or [],
    )


_LOADED: dict[tuple[object, ...], Package] = {}


def load_cached(root: Path) -> Package:
    """`load(root)`, read once per process while datapackage.json and its files are unchanged.

    Zensical runs the macros module (main.py) again for every page, in the same process; without
    this the whole package would be read once per page.
    """
    package = DataPackage(root)
    files = [root / DESCRIPTOR] + [root / path for path in package.paths.values()]
    stats = [(str(f), f.stat()) for f in files]
    key = (str(root.resolve()), *((name, st.st_mtime_ns, st.st_size) for name, st in stats))
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = load(package)
    return _LOADED[key]


def load(package: DataPackage | Path) -> Package:
    """The package's rows as linked objects, from the files validation read (or the folder's).

    Call only on a package that passed validation: this function trusts types.
    """
    package = of(package)
    descriptor = package.descriptor
    tables = {r["name"]: _table(package, r) for r in descriptor["resources"]}
    rows = {name: table.rows for name, table in tables.items()}
    kantor = {r["id"]: from_row(Kantor, r) for r in rows.get("kantor", [])}
    for office in kantor.values():
        if office.induk in kantor:
            kantor[office.induk].anak.append(office)
    dokumen = {
        r["id"]: from_row(Dokumen, r, tahun=int(r["tahun"]), tanggal=date.fromisoformat(r["tanggal"]))
        for r in rows["dokumen"]
    }
    for doc in dokumen.values():
        doc.kantor = kantor.get(doc.kantor_id)
        if doc.kantor:
            doc.kantor.dokumen.append(doc)
    program = {r["id"]: from_row(Program, r, urutan=int(r["urutan"])) for r in rows.get("program", [])}
    for r in sorted(rows.get("program_kode", []), key=lambda r: int(r["urutan"])):
        code = {k: v for k, v in r.items() if k != "program_id"}
        program[r["program_id"]].kode.append(from_row(Kode, code, urutan=int(r["urutan"])))
    sasaran = {r["id"]: from_row(Sasaran, r, urutan=int(r["urutan"])) for r in rows["sasaran"]}
    indikator: dict[str, Indikator] = {}
    for r in rows["indikator"]:
        item = from_row(
            Indikator,
            r,
            urutan=int(r["urutan"]),
            halaman_tabel=int(r["halaman_tabel"]),
            target_nilai=_decimal(r["target_nilai"]),
            target_nilai_atas=_decimal(r["target_nilai_atas"]),
            target_sekunder_nilai=_decimal(r["target_sekunder_nilai"]),
        )
        indikator[item.id] = item
    anomali = {
        r["id"]: from_row(Anomali, r, dicatat=date.fromisoformat(r["dicatat"]))
        for r in rows.get("anomali", [])
    }
    kinds: tuple[tuple[Mapping[str, Sasaran | Program | Indikator], str], ...] = (
        (sasaran, "sasaran"), (program, "program"), (indikator, "indikator"),
    )  # fmt: skip
    for rows_of_kind, attribute in kinds:
        for row in sorted(rows_of_kind.values(), key=lambda r: r.urutan):  # one pass: flat at many offices
            getattr(dokumen[row.dokumen_id], attribute).append(row)
    for objective in sasaran.values():
        if objective.sama_dengan in sasaran:
            sasaran[objective.sama_dengan].tercetak_lagi.append(objective.id)
    for item in sorted(indikator.values(), key=lambda i: (i.dokumen_id, i.urutan)):
        sasaran[item.sasaran_id].indikator.append(item)
        if item.program_id:
            program[item.program_id].indikator.append(item)
    targets: dict[str, Mapping[str, Dokumen | Program | Sasaran | Indikator]] = {
        "dokumen": dokumen, "program": program, "sasaran": sasaran, "indikator": indikator,
    }  # fmt: skip
    for note in anomali.values():
        targets[note.tabel][note.rujukan_id].anomali.append(note)
        if note.tabel != "dokumen":
            dokumen[note.dokumen_id].anomali.append(note)
    skala = [
        capaian.Pita(int(r["urutan"]), r["kategori"], Decimal(r["batas_bawah"]), _decimal(r["batas_atas"]))
        for r in rows.get("skala_capaian", [])
    ]
    scales = Scales(from_row(Kategori, r, urutan=int(r["urutan"])) for r in rows.get("skala_kategori", []))
    _attach_realisasi(rows, indikator, skala, scales)
    _link_years(dokumen, indikator)
    banding = _link_offices(dokumen, indikator)
    for r in sorted(rows.get("revisi", []), key=lambda r: (r["dokumen_id"], int(r["versi"]))):
        entry = from_row(Versi, r, versi=int(r["versi"]), tanggal=date.fromisoformat(r["tanggal"]))
        dokumen[entry.dokumen_id].versi.append(entry)
    arsip = {
        (doc.id, entry.versi): versions.read_archive(package, doc.id, entry.versi)
        for doc in dokumen.values()
        for entry in doc.versi[:-1]
    }
    return Package(
        root=package.root,
        files=package,
        name=descriptor["name"],
        title=descriptor.get("title", descriptor["name"]),
        description=descriptor.get("description", ""),
        version=descriptor.get("version", ""),
        keywords=list(descriptor.get("keywords", [])),
        licence=(descriptor.get("licenses") or [{}])[0],
        publisher=next(
            (c.get("title", "") for c in descriptor.get("contributors", []) if c.get("role") == "publisher"),
            "",
        ),
        sources=[s for s in descriptor.get("sources", []) if isinstance(s, dict)],
        satu_data=satu_data.read(descriptor),
        tables=tables,
        kantor=kantor,
        dokumen=dokumen,
        program=program,
        sasaran=sasaran,
        indikator=indikator,
        anomali=anomali,
        glosarium=[from_row(Singkatan, r) for r in rows.get("glosarium", [])],
        skala=skala,
        skala_kategori=scales,
        arsip=arsip,
        banding=banding,
    )


def _attach_realisasi(
    rows: dict[str, list[dict[str, str]]],
    indikator: dict[str, Indikator],
    skala: list[capaian.Pita],
    scales: Scales,
) -> None:
    for r in rows.get("polaritas", []):
        item = indikator[r["indikator_id"]]
        item.polaritas, item.polaritas_dasar, item.polaritas_alasan = r["polaritas"], r["dasar"], r["alasan"]
    order = {"TW1": 1, "TW2": 2, "TW3": 3, "TW4": 4, "tahunan": 5}
    for r in sorted(rows.get("realisasi", []), key=lambda r: order[r["periode"]]):
        item = indikator[r["indikator_id"]]
        entry = from_row(
            Realisasi, r, nilai=_decimal(r["nilai"]), tanggal_sumber=date.fromisoformat(r["tanggal_sumber"])
        )
        result = _evaluate(item, entry, scales)
        if result is not None:
            entry.capaian, entry.memenuhi = result.capaian, result.memenuhi
            entry.predikat = capaian.kategori(entry.capaian, skala)
        item.realisasi.append(entry)


def _evaluate(item: Indikator, entry: Realisasi, scales: Scales) -> capaian.Hasil | None:
    """The capaian of one realisation, or None when it cannot be computed (no direction, other unit)."""
    if item.target_jenis == "kategori":
        ranks = {c.kategori: c.urutan for c in scales.of(item.target_skala)}
        if entry.kategori not in ranks or item.target_kategori not in ranks:
            return None
        return capaian.nilai_kategori(ranks[item.target_kategori], ranks[entry.kategori])
    if entry.nilai is None or item.target_nilai is None or entry.satuan != item.target_satuan:
        return None
    if item.target_jenis == "batas":
        return capaian.nilai_batas(
            item.target_batas, item.target_nilai, item.target_nilai_atas, entry.nilai, item.polaritas
        )
    if not item.polaritas:
        return None
    return capaian.Hasil(capaian.hitung(item.target_nilai, entry.nilai, item.polaritas), None)


def _link_years(dokumen: dict[str, Dokumen], indikator: dict[str, Indikator]) -> None:
    """Indicators printed with the same text in the same kind of document of the same office, other years."""
    groups: dict[tuple[str, str, str], list[Indikator]] = {}
    for item in indikator.values():
        doc = dokumen[item.dokumen_id]
        key = (doc.kantor_id, doc.jenis, " ".join(item.teks.split()).casefold())
        groups.setdefault(key, []).append(item)
    for items in groups.values():
        for item in items:
            year = dokumen[item.dokumen_id].tahun
            item.tahun_lain = sorted(
                (i.id for i in items if dokumen[i.dokumen_id].tahun != year),
                key=lambda i: dokumen[indikator[i].dokumen_id].tahun,
            )


def _link_offices(dokumen: dict[str, Dokumen], indikator: dict[str, Indikator]) -> dict[str, list[Indikator]]:
    """Indicators with the same text in the same year at several offices, for comparing them."""
    groups: dict[tuple[int, str], list[Indikator]] = {}
    for item in indikator.values():
        key = (dokumen[item.dokumen_id].tahun, " ".join(item.teks.split()).casefold())
        groups.setdefault(key, []).append(item)
    found: dict[str, list[Indikator]] = {}
    for items in groups.values():
        if len({dokumen[i.dokumen_id].kantor_id for i in items}) < 2:
            continue

        def order(i: Indikator) -> tuple[bool, str, int, str]:
            office = dokumen[i.dokumen_id].kantor
            return (not (office and office.is_home), dokumen[i.dokumen_id].kantor_id, i.urutan, i.id)

        items.sort(key=order)
        for item in items:
            item.banding = items[0].id
        found[items[0].id] = items
    return found
