"""The OpenAPI 3.1 description of the static JSON API (api/v1/openapi.json).

Every file api.py writes is an endpoint here, with a path parameter for the
codes (their pattern from the Table Schema) and a response schema. The columns
of each object come from the Table Schema of its resource (type, description,
enum, pattern, bounds; an optional column may be null); what api.py adds to a
row (readable names, links, anomalies, realisations, citation) is described
here by hand, with the words of the flat indicator table where it has them.
tests/test_openapi.py checks every published API file against this document,
so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

from .. import model, paths
from .downloads.files import json_bytes
from .downloads.lengkap import LENGKAP_COLUMNS
from .job import Job

#: JSON Schema types by Table Schema type; other types are strings (dates stay ISO text).
JSON_TYPES = {"integer": "integer", "number": "number", "boolean": "boolean", "year": "integer"}
#: JSON Schema formats of the Table Schema types that are strings in JSON.
JSON_FORMATS = {"date": "date", "datetime": "date-time", "time": "time"}
#: The kinds of row with an object of their own, in the order the document lists them.
KINDS = ("kantor", "dokumen", "program", "sasaran", "indikator")
#: How each kind is named in summaries.
KIND_NAMES = {
    "kantor": "kantor",
    "dokumen": "dokumen RKT",
    "program": "program/kegiatan",
    "sasaran": "sasaran strategis",
    "indikator": "indikator kinerja",
}
_FLAT = {c.name: c for c in LENGKAP_COLUMNS}

URL = {"type": "string", "format": "uri"}
URL_OR_NULL = {"type": ["string", "null"], "format": "uri"}
URLS = {"type": "array", "items": URL}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _text(description: str, nullable: bool = False) -> dict:
    return {"type": ["string", "null"] if nullable else "string", "description": description}


def field_schema(field: model.Field) -> dict:
    """The JSON Schema of one column as api.py writes it: typed, null when empty and not required."""
    constraints = field.constraints
    required = bool(constraints.get("required"))
    kind = JSON_TYPES.get(field.type, "string")
    schema: dict = {"type": kind if required else [kind, "null"]}
    if field.type in JSON_FORMATS:
        schema["format"] = JSON_FORMATS[field.type]
    if field.title:
        schema["title"] = field.title
    if field.description:
        schema["description"] = field.description
    if "enum" in constraints:
        values = [v for v in constraints["enum"] if v != ""]
        schema["enum"] = values if required else [*values, None]
    if "pattern" in constraints:
        schema["pattern"] = f"^(?:{constraints['pattern']})$"
    for bound in ("minimum", "maximum"):
        if bound in constraints:
            schema[bound] = constraints[bound]
    return schema


def row_schema(table: model.Table, extra: dict[str, dict], skip: tuple[str, ...] = ()) -> dict:
    """An object holding a row of `table` (all its columns, always present) and the `extra` properties."""
    properties = {f.name: field_schema(f) for f in table.fields if f.name not in skip}
    properties.update(extra)
    schema: dict = {"type": "object", "title": table.title}
    if table.description:
        schema["description"] = table.description
    return {**schema, "required": list(properties), "properties": properties}


def _links(**properties: dict) -> dict:
    return {
        "type": "object",
        "description": "Alamat lengkap objek ini dan objek yang terkait dengannya.",
        "required": list(properties),
        "properties": properties,
    }


def _flat(name: str, nullable: bool = False) -> dict:
    """A value api.py copies from the flat indicator table, described with that table's words."""
    return _text(_FLAT[name].description, nullable)


def _common_links(**more: dict) -> dict:
    return _links(self=URL, html=URL, index=URL, **more)


class _Schemas:
    """The component schemas of the document, each derived from the package's Table Schema."""

    def __init__(self, package: model.Package) -> None:
        self.tables = package.tables

    def all(self) -> dict[str, dict]:
        """Every schema by its component name."""
        tables = self.tables
        anomali = {
            "type": "array",
            "items": _ref("Anomali"),
            "description": "Catatan anomali atas baris ini.",
        }
        schemas = {
            "Kantor": row_schema(tables["kantor"], {"links": _links(self=URL, index=URL, dokumen=URLS)}),
            "Dokumen": row_schema(
                tables["dokumen"],
                {
                    "nama": _text("Nama dokumen yang mudah dibaca."),
                    "anomali": anomali,
                    "links": _common_links(sasaran=URLS, program=URLS, indikator=URLS),
                },
            ),
            "Program": row_schema(
                tables["program"],
                {
                    "kode": {
                        "type": "array",
                        "items": _ref("KodeAnggaran"),
                        "description": "Kode anggaran yang tercetak di sel program, berurutan.",
                    },
                    "anomali": anomali,
                    "links": _common_links(dokumen=URL, sasaran=URLS, indikator=URLS),
                },
            ),
            "KodeAnggaran": row_schema(tables["program_kode"], {}, skip=("program_id",)),
            "Sasaran": row_schema(
                tables["sasaran"],
                {
                    "anomali": anomali,
                    "links": _common_links(
                        dokumen=URL, program=URLS, indikator=URLS, sama_dengan=URL_OR_NULL
                    ),
                },
            ),
            "Indikator": self.indikator(anomali),
            "Realisasi": self.realisasi(),
            "Anomali": row_schema(tables["anomali"], {"links": _links(rujukan=URL, html=URL, dokumen=URL)}),
            "DaftarAnomali": {
                "type": "object",
                "required": ["anomali", "links"],
                "properties": {
                    "anomali": {"type": "array", "items": _ref("Anomali")},
                    "links": _links(self=URL, index=URL),
                },
            },
            "Berkas": self.berkas(),
            "Indeks": self.indeks(),
        }
        schemas["Kantor"]["properties"]["links"]["properties"]["html"] = {
            **URL,
            "description": "Halaman kantor; hanya ada bila situs memuat lebih dari satu kantor.",
        }
        return schemas

    def indikator(self, anomali: dict) -> dict:
        """One indicator: its row, names of what it belongs to, its realisations, anomalies and links."""
        extra = {
            "kantor_id": _flat("kantor_id"),
            "kantor_nama": _flat("kantor_nama"),
            "dokumen_nama": _flat("dokumen_nama"),
            "sasaran_teks": _flat("sasaran_teks"),
            "program_nama": _flat("program_nama", nullable=True),
            "kode_anggaran": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Semua kode anggaran program, seperti tercetak.",
            },
            "target_dibaca": _flat("target_dibaca"),
            "aturan_capaian": _flat("aturan_capaian"),
            "realisasi": {
                "type": "array",
                "items": _ref("Realisasi"),
                "description": "Realisasi yang sudah terbit, per periode; kosong bila belum ada.",
            },
            "anomali": anomali,
            "anomali_terkait": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Kode catatan atas sasaran/programnya.",
            },
            "sitasi": _text("Sitasi siap tempel: penerbit, tahun, teks, kode, versi data dan alamat."),
            "links": _common_links(csv=URL, dokumen=URL, sasaran=URL, program=URL_OR_NULL),
        }
        return row_schema(self.tables["indikator"], extra)

    def realisasi(self) -> dict:
        """A published realisation with its computed capaian (never typed in)."""
        extra = {
            "capaian_persen": {
                "type": ["number", "null"],
                "description": _FLAT["capaian_persen"].description,
            },
            "memenuhi": {
                "type": ["boolean", "null"],
                "description": "Apakah target batas atau kategori terpenuhi; null untuk angka biasa.",
            },
            "predikat": _text(
                "Predikat capaian pada skala yang terbit (skala_capaian); null bila tidak ada.", nullable=True
            ),
        }
        return row_schema(self.tables["realisasi"], extra, skip=("indikator_id",))

    @staticmethod
    def berkas(**more: dict) -> dict:
        """One entry of a manifest: a published file with its size and SHA-256 (and `more`)."""
        properties = {
            "path": _text("Jalur berkas di situs, misalnya berkas/indikator-lengkap.csv."),
            "title": _text("Nama berkas untuk pembaca."),
            "format": _text("Format berkas: CSV, JSON, XLSX, ZIP, SQLite …"),
            "mediatype": _text("Jenis media (IANA), misalnya text/csv."),
            "size": {"type": "integer", "minimum": 0, "description": "Ukuran dalam bita."},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "SHA-256 isi berkas."},
            "resource": _text("Tabel (resource) paket data yang dimuat berkas ini; kosong bila lain."),
            **more,
        }
        return {"type": "object", "required": list(properties), "properties": properties}

    def indeks(self) -> dict:
        """The entry point: the package, counts, links and a short entry per row."""

        def entries(kind: str, label: str) -> dict:
            item = {
                "type": "object",
                "required": ["id", label, "links"],
                "properties": {
                    "id": field_schema(self.tables[kind].fields[0]),
                    label: {"type": "string"},
                    "links": _links(self=URL, html=URL),
                },
            }
            return {"type": "array", "items": item}

        counts = {kind: {"type": "integer", "minimum": 0} for kind in (*KINDS[1:], "anomali", "kantor")}
        kantor = {
            "type": "object",
            "required": ["id", "nama", "links"],
            "properties": {
                "id": field_schema(self.tables["kantor"].fields[0]),
                "nama": {"type": "string"},
                "links": _links(self=URL),
            },
        }
        properties = {
            "name": _text("Nama paket data (datapackage.json)."),
            "title": _text("Judul paket data."),
            "description": _text("Uraian paket data."),
            "version": _text("Versi paket data."),
            "license": {
                "type": "object",
                "required": ["name", "title", "url"],
                "properties": {"name": {"type": "string"}, "title": {"type": "string"}, "url": URL},
            },
            "publisher": _text("Penerbit paket data."),
            "modified": {"type": "string", "format": "date", "description": "Tanggal data terakhir diubah."},
            "counts": {"type": "object", "required": list(counts), "properties": counts},
            "links": _links(
                self=URL, html=URL, anomali=URL, dcat=URL, manifest=URL, datapackage=URL, openapi=URL
            ),
            "kantor": {"type": "array", "items": kantor},
            "dokumen": entries("dokumen", "nama"),
            "program": entries("program", "nama"),
            "sasaran": entries("sasaran", "teks"),
            "indikator": entries("indikator", "teks"),
            "downloads": {"type": "array", "items": self.berkas(url=URL)},
        }
        return {"type": "object", "required": list(properties), "properties": properties}


def _response(description: str, media: str, schema: dict) -> dict:
    return {
        "200": {"description": description, "content": {media: {"schema": schema}}},
        "404": {"description": "Berkas tidak ada: kode tidak dikenal atau salah tulis."},
    }


def _get(operation: str, summary: str, description: str, media: str, schema: dict, **extra: object) -> dict:
    return {
        "get": {
            "operationId": operation,
            "summary": summary,
            "responses": _response(description, media, schema),
            **extra,
        }
    }


def _code_parameter(package: model.Package, kind: str) -> dict:
    field = package.tables[kind].fields[0]
    example = next(iter(getattr(package, kind)), None)
    schema = {
        "type": "string",
        **({"pattern": field_schema(field)["pattern"]} if "pattern" in field.constraints else {}),
    }
    parameter = {
        "name": "kode",
        "in": "path",
        "required": True,
        "description": f"{field.description} Huruf besar-kecil seperti tercetak.",
        "schema": schema,
    }
    return {**parameter, "example": example} if example else parameter


def openapi_document(package: model.Package, base: str) -> dict:
    """The OpenAPI 3.1 document of api/v1/ for this package at the site address `base`."""
    paths_: dict[str, dict] = {
        "/index.json": _get(
            "indeks",
            "Indeks API",
            "Paket data, jumlah, tautan ke setiap objek dan unduhan.",
            "application/json",
            _ref("Indeks"),
        ),
        "/anomali.json": _get(
            "daftarAnomali",
            "Semua catatan anomali",
            "Semua catatan anomali atas dokumen.",
            "application/json",
            _ref("DaftarAnomali"),
        ),
        "/dcat.jsonld": _get(
            "katalogDcat",
            "Katalog DCAT",
            "Katalog DCAT (JSON-LD) untuk portal data.",
            "application/ld+json",
            {"type": "object"},
        ),
        "/manifest.json": _get(
            "manifest",
            "Daftar berkas terbit",
            "Setiap berkas unduhan dan API dengan ukuran dan SHA-256.",
            "application/json",
            {"type": "array", "items": _ref("Berkas")},
        ),
        "/openapi.json": _get(
            "openapi", "Deskripsi OpenAPI", "Dokumen ini.", "application/json", {"type": "object"}
        ),
    }
    for kind in KINDS:
        name = KIND_NAMES[kind]
        paths_[f"/{kind}/{{kode}}.json"] = _get(
            kind,
            f"Satu {name}",
            f"Satu {name} dengan tautannya.",
            "application/json",
            _ref(kind.capitalize()),
            parameters=[_code_parameter(package, kind)],
        )
    columns = ", ".join(c.name for c in LENGKAP_COLUMNS)
    paths_["/indikator/{kode}.csv"] = _get(
        "indikatorCsv",
        "Satu indikator (CSV)",
        f"Satu baris tabel indikator lengkap (UTF-8 dengan BOM), kolom: {columns}.",
        "text/csv",
        {"type": "string"},
        parameters=[_code_parameter(package, "indikator")],
    )
    licence = package.licence
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"API JSON statis: {package.title}",
            "version": f"v1 (paket data {package.version})",
            "summary": "Berkas JSON beralamat tetap untuk setiap dokumen, program, sasaran dan indikator.",
            "description": (
                "API statis: setiap alamat adalah berkas yang sudah jadi, dibaca dengan GET tanpa kunci. "
                "Versi v1 hanya ditambah, tidak diubah dengan cara yang merusak. "
                "Skema setiap objek diturunkan dari Table Schema paket data (datapackage.json)."
            ),
            "license": {
                "name": licence.get("title") or licence.get("name", ""),
                "url": licence.get("path", ""),
            },
        },
        "externalDocs": {"description": "Halaman API JSON", "url": paths.absolute("api/", base)},
        "servers": [{"url": base + paths.API, "description": "Situs ini"}],
        "paths": paths_,
        "components": {"schemas": _Schemas(package).all()},
    }


def write(job: Job) -> None:
    """Write api/v1/openapi.json, listed in the manifest like every API file."""
    job.out.put(
        paths.api("openapi.json"),
        json_bytes(openapi_document(job.package, job.base)),
        "Deskripsi OpenAPI 3.1 API JSON",
        "JSON",
    )
