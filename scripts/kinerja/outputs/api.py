"""The static JSON API (api/v1/): an index, one object per document, program, sasaran and indicator.

Each object is its table row with typed values, readable names, its anomalies
and absolute links to itself, its page and the rows it is linked to. Version
v1 is only ever extended, never changed in a way that breaks a reader. Its
files are compact JSON (files.compact_json_bytes): whitespace is no part of
what they say.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict

from .. import model, paths
from ..clock import epoch_date
from . import formats, metadata
from .downloads.files import DownloadFile, compact_json_bytes
from .downloads.lengkap import FIELDS as lengkap_fields
from .downloads.tabular import download_csv, number, typed_row
from .job import Job


class _Api:
    """Builds the API objects: typed rows, anomalies and absolute links."""

    def __init__(self, job: Job) -> None:
        package = self.package = job.package
        self.base = job.base
        self.epoch = job.changed
        self.job = job
        self.fields = {name: table.types for name, table in package.tables.items()}
        self.raw = (
            {"kantor": {r["id"]: r for r in package.tables["kantor"].rows}}
            if "kantor" in package.tables
            else {}
        )
        self.rows = {
            name: {row.get("id", ""): typed_row(row, self.fields[name]) for row in package.tables[name].rows}
            for name in ("dokumen", "program", "sasaran", "indikator", "anomali")
            if name in package.tables
        }

    def url(self, kind: str, identifier: str) -> str:
        """The API URL of one object."""
        return self.base + paths.api_item(kind, identifier)

    def html(self, kind: str, identifier: str) -> str:
        """The absolute URL of a row's page."""
        return paths.absolute(paths.page_url(kind, identifier), self.base)

    def urls(self, kind: str, identifiers: Iterable[str]) -> list[str]:
        """API URLs of several objects, each once, in first-seen order."""
        return [self.url(kind, i) for i in dict.fromkeys(identifiers)]

    def anomali(self, notes: Iterable[model.Anomali]) -> list[dict]:
        """Anomalies as typed objects with links to the row they concern."""
        return [{**self.rows["anomali"][note.id], "links": self.anomali_links(note)} for note in notes]

    def anomali_links(self, note: model.Anomali) -> dict[str, str]:
        """Where an anomaly points: its row in the API and on the site, and its document."""
        return {
            "rujukan": self.url(note.tabel, note.rujukan_id),
            "html": self.html(note.tabel, note.rujukan_id),
            "dokumen": self.url("dokumen", note.dokumen_id),
        }

    def common(self, kind: str, identifier: str) -> dict[str, str]:
        """The links every object has: itself, its page, the index."""
        return {
            "self": self.url(kind, identifier),
            "html": self.html(kind, identifier),
            "index": self.base + paths.api("index.json"),
        }

    def kantor(self, office: model.Kantor) -> dict:
        """One office with its documents (the office's codes carry its id unless it is the home office)."""
        links = {
            "self": self.url("kantor", office.id),
            "index": self.base + paths.api("index.json"),
            "dokumen": self.urls("dokumen", (d.id for d in office.dokumen)),
        }
        if self.package.multi_office:
            links["html"] = self.html("kantor", office.id)
        row = {k: v or None for k, v in self.raw["kantor"].get(office.id, {}).items()}
        return {**row, "links": links}

    def dokumen(self, doc: model.Dokumen) -> dict:
        """One document with all its anomalies and links to its rows."""
        links = {
            **self.common("dokumen", doc.id),
            "sasaran": self.urls("sasaran", (s.id for s in doc.sasaran)),
            "program": self.urls("program", (p.id for p in doc.program)),
            "indikator": self.urls("indikator", (i.id for i in doc.indikator)),
        }
        return {**self.rows["dokumen"][doc.id], "nama": doc.nama, "anomali": self.anomali(doc.anomali),
                "links": links}  # fmt: skip

    def program(self, program: model.Program) -> dict:
        """One program with its budget codes, anomalies and links."""
        kode_fields = [f for f in self.fields["program_kode"] if f[0] != "program_id"]
        kode = [typed_row({k: str(v) for k, v in asdict(code).items()}, kode_fields) for code in program.kode]
        links = {
            **self.common("program", program.id),
            "dokumen": self.url("dokumen", program.dokumen_id),
            "sasaran": self.urls("sasaran", (i.sasaran_id for i in program.indikator)),
            "indikator": self.urls("indikator", (i.id for i in program.indikator)),
        }
        return {**self.rows["program"][program.id], "kode": kode, "anomali": self.anomali(program.anomali),
                "links": links}  # fmt: skip

    def sasaran(self, sasaran: model.Sasaran) -> dict:
        """One sasaran with its anomalies and links to its document, programs and indicators."""
        links = {
            **self.common("sasaran", sasaran.id),
            "dokumen": self.url("dokumen", sasaran.dokumen_id),
            "program": self.urls("program", (i.program_id for i in sasaran.indikator if i.program_id)),
            "indikator": self.urls("indikator", (i.id for i in sasaran.indikator)),
            "sama_dengan": self.url("sasaran", sasaran.sama_dengan) if sasaran.sama_dengan else None,
        }
        return {**self.rows["sasaran"][sasaran.id], "anomali": self.anomali(sasaran.anomali), "links": links}

    def indikator(self, item: model.Indikator, flat: dict[str, str]) -> dict:
        """One indicator with readable names, budget codes, anomalies, a citation and links."""
        program = self.package.program.get(item.program_id)
        changed = self.job.changed_for(self.package.dokumen[item.dokumen_id].kantor)
        links = {
            **self.common("indikator", item.id),
            "csv": self.base + paths.indikator_files(item.id)["CSV"],
            "dokumen": self.url("dokumen", item.dokumen_id),
            "sasaran": self.url("sasaran", item.sasaran_id),
            "program": self.url("program", item.program_id) if program else None,
        }
        return {
            **self.rows["indikator"][item.id],
            "kantor_id": flat["kantor_id"],
            "kantor_nama": flat["kantor_nama"],
            "dokumen_nama": flat["dokumen_nama"],
            "sasaran_teks": flat["sasaran_teks"],
            "program_nama": program.nama if program else None,
            "kode_anggaran": [k.kode for k in program.kode] if program else [],
            "target_dibaca": flat["target_dibaca"],
            "aturan_capaian": flat["aturan_capaian"],
            "realisasi": [self.realisasi(entry) for entry in item.realisasi],
            "anomali": self.anomali(item.anomali),
            "anomali_terkait": flat["anomali_terkait_id"].split("; ") if flat["anomali_terkait_id"] else [],
            "sitasi": metadata.citation(self.package.publisher, item.teks, item.id, flat["url"], changed),
            "links": links,
        }

    @staticmethod
    def realisasi(entry: model.Realisasi) -> dict:
        """One published realisation with what it achieves (capaian is computed, never typed in)."""
        return {
            "periode": entry.periode,
            "nilai": None if entry.nilai is None else number(entry.nilai),
            "satuan": entry.satuan or None,
            "kategori": entry.kategori or None,
            "capaian_persen": None if entry.capaian is None else number(entry.capaian),
            "memenuhi": entry.memenuhi,
            "predikat": entry.predikat or None,
            "sumber_dokumen": entry.sumber_dokumen,
            "tanggal_sumber": entry.tanggal_sumber.isoformat(),
            "catatan": entry.catatan or None,
        }

    def index(self, downloads: Sequence[DownloadFile]) -> dict:
        """The API entry point: what the package is, how many of each, and a link to everything."""
        package = self.package
        licence = package.licence

        def entries(kind: str, items: Iterable, label: str) -> list[dict]:
            return [{"id": i.id, label: getattr(i, label), "links": {"self": self.url(kind, i.id),
                     "html": self.html(kind, i.id)}} for i in items]  # fmt: skip

        return {
            "name": package.name,
            "title": package.title,
            "description": package.description,
            "version": package.version,
            "license": {
                "name": licence.get("name", ""),
                "title": licence.get("title", ""),
                "url": licence.get("path", ""),
            },  # fmt: skip
            "publisher": package.publisher,
            "modified": epoch_date(self.epoch).isoformat(),
            "counts": {
                "dokumen": len(package.dokumen),
                "program": len(package.program),
                "sasaran": len(package.sasaran),
                "indikator": len(package.indikator),
                "anomali": len(package.anomali),
                "kantor": len(package.kantor),
            },
            "links": {
                "self": self.base + paths.api("index.json"),
                "html": self.base,
                "anomali": self.base + paths.api("anomali.json"),
                "dcat": self.base + paths.api("dcat.jsonld"),
                "manifest": self.base + paths.API_MANIFEST,
                "datapackage": f"{self.base}datapackage.json",
                "openapi": self.base + paths.api("openapi.json"),
            },
            "kantor": [
                {"id": k.id, "nama": k.nama, "links": {"self": self.url("kantor", k.id)}}
                for k in package.kantor.values()
            ],  # fmt: skip
            "dokumen": entries("dokumen", package.dokumen.values(), "nama"),
            "program": entries("program", package.program.values(), "nama"),
            "sasaran": entries("sasaran", package.sasaran.values(), "teks"),
            "indikator": entries("indikator", package.indikator.values(), "teks"),
            "downloads": [{**asdict(f), "url": self.base + f.path} for f in downloads],
        }


def write(job: Job) -> None:
    """Write api/v1/: the index, the anomalies, the DCAT catalogue and one object per row.

    The index and the catalogue list `job.downloads` (the registry writes the downloads first).
    """
    out, package, base, epoch = job.out, job.package, job.base, job.changed
    lengkap, downloads = job.lengkap, job.downloads
    api = _Api(job)
    out.put(paths.api("index.json"), compact_json_bytes(api.index(downloads)), "Indeks API JSON", "JSON")
    links = {"self": base + paths.api("anomali.json"), "index": base + paths.api("index.json")}
    notes = {"anomali": api.anomali(package.anomali.values()), "links": links}
    out.put(
        paths.api("anomali.json"),
        compact_json_bytes(notes),
        "Semua catatan anomali (JSON)",
        "JSON",
        "anomali",
    )
    catalog = metadata.dcat_catalog(package, downloads, epoch)
    out.put(paths.api("dcat.jsonld"), compact_json_bytes(catalog), "Katalog DCAT (JSON-LD)", "JSON", "",
            formats.JSON_LD)  # fmt: skip
    for office in package.kantor.values():
        data = compact_json_bytes(api.kantor(office))
        out.put(paths.api_item("kantor", office.id), data, f"Kantor {office.nama}", "JSON", "kantor")
    for doc in package.dokumen.values():
        out.put(
            paths.api_item("dokumen", doc.id),
            compact_json_bytes(api.dokumen(doc)),
            f"Dokumen {doc.id}",
            "JSON",
            "dokumen",
        )
    for program in package.program.values():
        data = compact_json_bytes(api.program(program))
        out.put(paths.api_item("program", program.id), data, f"Program {program.id}", "JSON", "program")
    for sasaran in package.sasaran.values():
        data = compact_json_bytes(api.sasaran(sasaran))
        out.put(paths.api_item("sasaran", sasaran.id), data, f"Sasaran {sasaran.id}", "JSON", "sasaran")
    for flat in lengkap:
        item = package.indikator[flat["indikator_id"]]
        files = paths.indikator_files(item.id)
        out.put(
            files["JSON"],
            compact_json_bytes(api.indikator(item, flat)),
            f"Indikator {item.id}",
            "JSON",
            "indikator",
        )
        out.put(
            files["CSV"], download_csv(lengkap_fields, [flat]), f"Indikator {item.id}", "CSV", "indikator"
        )
