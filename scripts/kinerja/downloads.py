"""Downloads and the static JSON API, all written from the one validated package.

Every format (ZIP, CSV, JSON, XLSX, API) is made from the same in-memory
model, so the files cannot disagree with each other or with the pages.
Files go under content/berkas/ and content/api/v1/; MkDocs copies them into
the site. After the MkDocs build, finish_site() publishes datapackage.json
and the canonical data/ files at the site root and checks every file against
the manifests (size and SHA-256).

CSV dialect of the download copies (decision). The canonical data/*.csv stay
as they are: UTF-8 without BOM, comma, LF, for programs and git. The copies
under berkas/ and api/v1/ are meant for people with a spreadsheet, so they
differ in two ways only:

* UTF-8 **with BOM**: without it Excel reads the file in the Windows code
  page and every non-ASCII character (–, «, é) turns into mojibake.
* Text cells that start with = + - @ tab or CR get a leading apostrophe, so no
  spreadsheet runs them as a formula (CSV injection). Numbers are never
  touched, so a negative number stays a number.

Comma, not semicolon: an Indonesian-locale Excel uses ';' as list separator
and would split a comma file only through Data > From Text/CSV, but a
semicolon file would break every other reader (Google Sheets IMPORTDATA,
LibreOffice defaults, pandas, R) and would still leave decimals ambiguous
(77.5 vs 77,5). RFC 4180 comma plus dot decimals is the one form every tool
reads the same way; people who just want to double-click get the XLSX, where
numbers are numbers, codes like 004 stay text and no locale is involved.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from . import metadata, model
from .ids import url_slug

CSV_NOTE = (
    "Salinan CSV di halaman ini tersimpan sebagai UTF-8 dengan BOM, dipisah koma, dengan titik sebagai "
    "pemisah desimal (77.5) dan tanggal berbentuk TTTT-BB-HH. BOM membuat Excel dan LibreOffice membaca "
    "huruf dengan benar. Koma dipilih, bukan titik koma, karena itulah bentuk baku CSV yang dibaca sama "
    "oleh semua program (Google Sheets, LibreOffice, Python, R); akibatnya Excel berpengaturan bahasa "
    "Indonesia, yang memakai titik koma sebagai pemisah daftar, menaruh seluruh baris di kolom A bila "
    "berkas dibuka dengan klik ganda. Bukalah lewat Data › Dari Teks/CSV (Data › From Text/CSV), di "
    "LibreOffice pilih set karakter UTF-8 dan pemisah koma pada dialog impor, atau pakai saja berkas "
    "XLSX: angkanya sudah bertipe angka, kode seperti 004 tetap teks, dan tidak perlu pengaturan apa pun. "
    "Demi keamanan, teks yang diawali =, +, -, @, tab atau CR diberi awalan tanda kutip tunggal (') di "
    "CSV, dan di XLSX selalu disimpan sebagai teks, agar tidak pernah dijalankan sebagai rumus; kolom "
    "angka tidak diubah. Salinan resmi di folder data/ dan di dalam ZIP tetap UTF-8 tanpa BOM dan tidak "
    "diubah sama sekali: gunakan salinan itu untuk pengolahan dengan program."
)

BERKAS = "berkas"
API = "api/v1"
MEDIATYPES = {
    "ZIP": "application/zip",
    "CSV": "text/csv",
    "JSON": "application/json",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "TXT": "text/plain",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ZIP_MIN_EPOCH = 315532800  # 1980-01-01T00:00:00Z, the earliest date a ZIP entry can carry
LENGKAP = "indikator-lengkap"


@dataclass(frozen=True)
class DownloadFile:
    """One published file with what a reader needs to trust it: size and SHA-256."""

    path: str
    title: str
    format: str
    mediatype: str
    size: int
    sha256: str
    resource: str


@dataclass(frozen=True)
class Column:
    """A column of the flat indikator lengkap table."""

    name: str
    title: str
    type: str
    description: str


LENGKAP_COLUMNS = (
    Column("indikator_id", "Kode indikator", "string", "Kode tetap indikator, misalnya IK24-S07."),
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
    Column("halaman_tabel", "Halaman tabel", "integer", "Halaman tabel dokumen tempat indikator tercetak."),
    Column("ada_anomali", "Ada anomali", "string", "'ya' bila ada catatan anomali atas baris indikator ini."),
    Column("anomali_id", "Kode anomali", "string", "Kode catatan anomali atas indikator ini, dipisah '; '."),
    Column("anomali_terkait_id", "Terkait", "string", "Catatan atas sasaran/programnya, dipisah '; '."),
    Column("url", "Alamat halaman", "string", "Alamat halaman indikator di situs ini."),
)  # fmt: skip


# ---------------------------------------------------------------- small helpers


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json_bytes(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _utc(epoch: int) -> datetime:
    """The build timestamp as a naive UTC datetime (what ZIP and XLSX store)."""
    return datetime.fromtimestamp(epoch, tz=UTC).replace(tzinfo=None)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def typed(value: str, field_type: str) -> object:
    """A CSV text value as JSON wants it: ints, numbers, booleans, null for empty; dates stay ISO text."""
    if value == "":
        return None
    if field_type == "integer":
        return int(value)
    if field_type == "number":
        return _number(Decimal(value))
    if field_type == "boolean":
        return value in ("true", "True", "TRUE", "1")
    return value


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula, made inert with a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _fields(resource: dict) -> list[tuple[str, str]]:
    return [(f["name"], f.get("type", "string")) for f in resource["schema"]["fields"]]


def _typed_row(row: dict[str, str], fields: Sequence[tuple[str, str]]) -> dict:
    return {name: typed(row.get(name, ""), kind) for name, kind in fields}


def indikator_links(indikator_id: str) -> dict[str, str]:
    """The site-relative paths of one indicator's data files, by format (for its page)."""
    return {"CSV": f"{API}/indikator/{indikator_id}.csv", "JSON": f"{API}/indikator/{indikator_id}.json"}


def html_url(base: str, kind: str, identifier: str) -> str:
    """The absolute URL of the page of a document, program, sasaran or indicator."""
    return f"{base}kinerja/{kind}/{url_slug(identifier)}/"


# ---------------------------------------------------------------- CSV, ZIP, XLSX


def download_csv(fields: Sequence[tuple[str, str]], rows: Iterable[dict[str, str]]) -> bytes:
    """CSV for spreadsheets: UTF-8 with BOM, comma, LF, text cells neutralised (see module docstring)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([name for name, _ in fields])
    for row in rows:
        writer.writerow([neutralise(row[n]) if kind == "string" else row[n] for n, kind in fields])
    return buffer.getvalue().encode("utf-8")


def fixed_zip(entries: Iterable[tuple[str, bytes]], epoch: int) -> bytes:
    """A ZIP whose bytes depend only on its entries and epoch: fixed time, mode and compression."""
    stamp = _utc(max(epoch, ZIP_MIN_EPOCH)).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def package_files(package: model.Package) -> dict[str, bytes]:
    """The package's own files by POSIX path: datapackage.json, every resource, the source texts."""
    root = package.root
    paths = ["datapackage.json", *(r["path"] for r in package.descriptor["resources"])]
    sources = [s["path"] for s in package.descriptor.get("sources", []) if "://" not in s.get("path", "://")]
    sumber = root / "data" / "sumber"
    found = (
        [p.relative_to(root).as_posix() for p in sumber.iterdir() if p.is_file()] if sumber.is_dir() else []
    )
    for path in sorted({*sources, *found}):
        if path not in paths and (root / path).is_file():
            paths.append(path)
    return {path: (root / path).read_bytes() for path in paths}


def _cell(sheet: Worksheet, row: int, column: int, value: object, kind: str) -> None:
    cell = sheet.cell(row=row, column=column, value=value)
    if kind == "string" and isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"  # never a formula, whatever the text looks like
        cell.quotePrefix = True  # and stays text when someone edits the cell


def _xlsx_value(value: str, kind: str) -> object:
    if kind == "date" and value:
        return date.fromisoformat(value)
    return typed(value, kind)


def _sheet(
    workbook: Workbook, title: str, fields: Sequence[tuple[str, str]], rows: Iterable[dict]
) -> Worksheet:
    """A sheet with a bold frozen header, typed cells, a filter and readable column widths."""
    sheet = workbook.create_sheet(title)
    widths = [len(name) for name, _ in fields]
    for column, (name, _) in enumerate(fields, start=1):
        sheet.cell(row=1, column=column, value=name).font = Font(bold=True)
    count = 1
    for count, row in enumerate(rows, start=2):
        for column, (name, kind) in enumerate(fields, start=1):
            _cell(sheet, count, column, _xlsx_value(row.get(name, ""), kind), kind)
            widths[column - 1] = max(widths[column - 1], len(row.get(name, "")))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{count}"
    return sheet


def constraints_text(constraints: dict) -> str:
    """Schema constraints in words, for the kamus_data sheet."""
    parts = []
    if constraints.get("required"):
        parts.append("wajib")
    if constraints.get("unique"):
        parts.append("unik")
    if "pattern" in constraints:
        parts.append(f"pola: {constraints['pattern']}")
    if "enum" in constraints:
        parts.append("pilihan: " + ", ".join(str(v) for v in constraints["enum"]))
    for key, label in (("minimum", "minimum"), ("maximum", "maksimum")):
        if key in constraints:
            parts.append(f"{label}: {constraints[key]}")
    return "; ".join(parts)


KAMUS_FIELDS = [(n, "string") for n in ("resource", "name", "title", "type", "constraints", "description")]


def _kamus_rows(package: model.Package) -> list[dict[str, str]]:
    return [
        {
            "resource": resource["name"],
            "name": field["name"],
            "title": field.get("title", ""),
            "type": field.get("type", "string"),
            "constraints": constraints_text(field.get("constraints", {})),
            "description": field.get("description", ""),
        }
        for resource in package.descriptor["resources"]
        for field in resource["schema"]["fields"]
    ]


def _lengkap_kamus_rows() -> list[dict[str, str]]:
    return [
        {"resource": LENGKAP.replace("-", "_"), "name": c.name, "title": c.title, "type": c.type,
         "constraints": "", "description": c.description}
        for c in LENGKAP_COLUMNS
    ]  # fmt: skip


def _new_workbook(package: model.Package, title: str, epoch: int) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    props = workbook.properties
    props.title = title
    props.creator = metadata.PUBLISHER
    props.lastModifiedBy = metadata.PUBLISHER
    props.language = "id"
    props.identifier = package.descriptor["name"]
    props.created = props.modified = _utc(epoch)
    return workbook


def workbook_bytes(workbook: Workbook, epoch: int) -> bytes:
    """The workbook as reproducible XLSX bytes.

    openpyxl's save() stamps the clock into docProps and the ZIP entries, so
    the writer is driven directly and the archive rewritten with fixed_zip().
    """
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
    ExcelWriter(workbook, archive).save()  # closes the archive
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    return fixed_zip(entries, epoch)


def package_workbook(package: model.Package, epoch: int) -> bytes:
    """One XLSX with a sheet per resource and a kamus_data sheet describing every field."""
    workbook = _new_workbook(package, package.descriptor.get("title", package.descriptor["name"]), epoch)
    for resource in package.descriptor["resources"]:
        _sheet(workbook, resource["name"], _fields(resource), package.rows[resource["name"]])
    _sheet(workbook, "kamus_data", KAMUS_FIELDS, _kamus_rows(package))
    return workbook_bytes(workbook, epoch)


def lengkap_workbook(package: model.Package, rows: list[dict[str, str]], epoch: int) -> bytes:
    """The indikator lengkap table as XLSX, each row's URL a clickable link, plus its column guide."""
    workbook = _new_workbook(package, "Indikator lengkap", epoch)
    sheet = _sheet(workbook, "indikator_lengkap", [(c.name, c.type) for c in LENGKAP_COLUMNS], rows)
    url_column = len(LENGKAP_COLUMNS)
    for number, row in enumerate(rows, start=2):
        sheet.cell(row=number, column=url_column).hyperlink = row["url"]
    _sheet(workbook, "kamus_data", KAMUS_FIELDS, _lengkap_kamus_rows())
    return workbook_bytes(workbook, epoch)


# ---------------------------------------------------------------- indikator lengkap


def _joined(values: Iterable[str]) -> str:
    return "; ".join(v for v in values if v)


def lengkap_row(
    package: model.Package, item: model.Indikator, raw: dict[str, str], base: str
) -> dict[str, str]:
    """One indicator as a flat row: its document, sasaran, program, budget codes, target and URL."""
    doc = package.dokumen[item.dokumen_id]
    sasaran = package.sasaran[item.sasaran_id]
    program = package.program.get(item.program_id)
    kode = program.kode if program else []
    related = [*sasaran.anomali, *(program.anomali if program else [])]
    return {
        "indikator_id": item.id,
        "dokumen_id": doc.id,
        "dokumen_nama": doc.nama,
        "tahun": str(doc.tahun),
        "urutan": raw["urutan"],
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
        "target_nilai": raw["target_nilai"],
        "target_satuan": item.target_satuan,
        "target_sekunder_nilai": raw["target_sekunder_nilai"],
        "target_sekunder_satuan": item.target_sekunder_satuan,
        "halaman_tabel": raw["halaman_tabel"],
        "ada_anomali": "ya" if item.anomali else "tidak",
        "anomali_id": _joined(a.id for a in item.anomali),
        "anomali_terkait_id": _joined(a.id for a in related),
        "url": html_url(base, "indikator", item.id),
    }


def lengkap_rows(package: model.Package, base: str) -> list[dict[str, str]]:
    """Every indicator as a flat row, in printed order: document by document, row by row."""
    raw = {r["id"]: r for r in package.rows["indikator"]}
    return [
        lengkap_row(package, item, raw[item.id], base)
        for doc in package.dokumen.values()
        for item in doc.indikator
    ]


LENGKAP_FIELDS = [(c.name, c.type) for c in LENGKAP_COLUMNS]


# ---------------------------------------------------------------- writing


class _Output:
    """Writes files under content/ and records each as a DownloadFile, in call order."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self.files: list[DownloadFile] = []

    def record(
        self, path: str, data: bytes, title: str, format: str, resource: str = "", mediatype: str = ""
    ) -> None:
        """List a file without writing it under content/ (finish_site publishes it)."""
        mediatype = mediatype or MEDIATYPES[format]
        self.files.append(DownloadFile(path, title, format, mediatype, len(data), _sha256(data), resource))

    def put(
        self, path: str, data: bytes, title: str, format: str, resource: str = "", mediatype: str = ""
    ) -> None:
        """Write a file under content/ and list it."""
        target = self.content / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.record(path, data, title, format, resource, mediatype)


def _write_downloads(out: _Output, package: model.Package, lengkap: list[dict[str, str]], epoch: int) -> None:
    name = package.descriptor["name"]
    originals = package_files(package)
    out.put(f"{BERKAS}/{name}.zip", fixed_zip(sorted(originals.items()), epoch),
            "Seluruh paket data: datapackage.json, CSV dan teks sumber (ZIP)", "ZIP")  # fmt: skip
    out.put(f"{BERKAS}/{name}.xlsx", package_workbook(package, epoch),
            "Seluruh tabel dalam satu buku kerja, dengan kamus data (XLSX)", "XLSX")  # fmt: skip
    out.put(f"{BERKAS}/{LENGKAP}.csv", download_csv(LENGKAP_FIELDS, lengkap),
            "Indikator lengkap: satu baris per indikator (CSV)", "CSV")  # fmt: skip
    out.put(f"{BERKAS}/{LENGKAP}.xlsx", lengkap_workbook(package, lengkap, epoch),
            "Indikator lengkap: satu baris per indikator (XLSX)", "XLSX")  # fmt: skip
    for resource in package.descriptor["resources"]:
        rname, fields, rows = resource["name"], _fields(resource), package.rows[resource["name"]]
        label = resource.get("title", rname)
        out.put(f"{BERKAS}/{rname}.csv", download_csv(fields, rows), f"Tabel {label} (CSV)", "CSV", rname)
        out.put(f"{BERKAS}/{rname}.json", _json_bytes([_typed_row(r, fields) for r in rows]),
                f"Tabel {label} (JSON)", "JSON", rname)  # fmt: skip
    for path, data in originals.items():
        if path.startswith("data/sumber/"):
            out.put(f"{BERKAS}/{path.removeprefix('data/')}", data, "Teks sumber dokumen resmi (TXT)", "TXT")
    _record_published_package(out, package, originals)


def _record_published_package(out: _Output, package: model.Package, originals: dict[str, bytes]) -> None:
    titles = {r["path"]: (r["name"], r.get("title", r["name"])) for r in package.descriptor["resources"]}
    for path, data in originals.items():
        if path == "datapackage.json":
            out.record(path, data, "Deskripsi paket data Frictionless (datapackage.json)", "JSON")
        elif path in titles:
            rname, label = titles[path]
            out.record(path, data, f"Tabel {label}, salinan resmi tanpa BOM (CSV)", "CSV", rname)
        else:
            out.record(path, data, "Teks sumber dokumen resmi, salinan resmi (TXT)", "TXT")


def _write_checksums(out: _Output) -> list[DownloadFile]:
    """SHA256SUMS and berkas/manifest.json for the downloads listed so far; returns that list."""
    lines = "".join(f"{f.sha256}  {f.path}\n" for f in out.files)
    out.put(f"{BERKAS}/SHA256SUMS", lines.encode("utf-8"), "Daftar SHA-256 semua berkas unduhan (TXT)", "TXT")
    downloads = list(out.files)
    out.put(f"{BERKAS}/manifest.json", _json_bytes([asdict(f) for f in downloads]),
            "Daftar berkas unduhan dengan ukuran dan SHA-256 (JSON)", "JSON")  # fmt: skip
    return downloads


def write_all(package: model.Package, content: Path, epoch: int) -> list[DownloadFile]:
    """Write every download and API file under content/, and return them in a stable order.

    The list also holds datapackage.json and data/* at their site paths:
    finish_site() copies those after MkDocs and checks them like the rest.
    """
    base = metadata.site_url()
    out = _Output(content)
    lengkap = lengkap_rows(package, base)
    _write_downloads(out, package, lengkap, epoch)
    downloads = _write_checksums(out)
    _write_api(out, package, base, epoch, lengkap, downloads)
    out.put(f"{API}/manifest.json", _json_bytes([asdict(f) for f in out.files]),
            "Daftar semua berkas yang diterbitkan (JSON)", "JSON")  # fmt: skip
    return out.files[:-1]


# ---------------------------------------------------------------- JSON API


class _Api:
    """Builds the API objects: typed rows, anomalies and absolute links."""

    def __init__(self, package: model.Package, base: str, epoch: int) -> None:
        self.package = package
        self.base = base
        self.epoch = epoch
        self.fields = {r["name"]: _fields(r) for r in package.descriptor["resources"]}
        self.rows = {
            name: {row.get("id", ""): _typed_row(row, self.fields[name]) for row in package.rows[name]}
            for name in ("dokumen", "program", "sasaran", "indikator", "anomali")
            if name in package.rows
        }

    def url(self, kind: str, identifier: str) -> str:
        """The API URL of one object."""
        return f"{self.base}{API}/{kind}/{identifier}.json"

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
            "html": html_url(self.base, note.tabel, note.rujukan_id),
            "dokumen": self.url("dokumen", note.dokumen_id),
        }

    def common(self, kind: str, identifier: str) -> dict[str, str]:
        """The links every object has: itself, its page, the index."""
        return {
            "self": self.url(kind, identifier),
            "html": html_url(self.base, kind, identifier),
            "index": f"{self.base}{API}/index.json",
        }

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
        kode = [
            _typed_row(r, kode_fields)
            for r in self.package.rows["program_kode"]
            if r["program_id"] == program.id
        ]
        kode.sort(key=lambda k: k["urutan"])
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
        links = {
            **self.common("indikator", item.id),
            "csv": self.base + indikator_links(item.id)["CSV"],
            "dokumen": self.url("dokumen", item.dokumen_id),
            "sasaran": self.url("sasaran", item.sasaran_id),
            "program": self.url("program", item.program_id) if program else None,
        }
        return {
            **self.rows["indikator"][item.id],
            "dokumen_nama": flat["dokumen_nama"],
            "sasaran_teks": flat["sasaran_teks"],
            "program_nama": program.nama if program else None,
            "kode_anggaran": [k.kode for k in program.kode] if program else [],
            "anomali": self.anomali(item.anomali),
            "anomali_terkait": flat["anomali_terkait_id"].split("; ") if flat["anomali_terkait_id"] else [],
            "sitasi": metadata.citation(item.teks, item.id, flat["url"], self.epoch),
            "links": links,
        }

    def index(self, downloads: Sequence[DownloadFile]) -> dict:
        """The API entry point: what the package is, how many of each, and a link to everything."""
        descriptor = self.package.descriptor
        package = self.package
        licence = (descriptor.get("licenses") or [{}])[0]

        def entries(kind: str, items: Iterable, label: str) -> list[dict]:
            return [{"id": i.id, label: getattr(i, label), "links": {"self": self.url(kind, i.id),
                     "html": html_url(self.base, kind, i.id)}} for i in items]  # fmt: skip

        return {
            "name": descriptor["name"],
            "title": descriptor.get("title", ""),
            "description": descriptor.get("description", ""),
            "version": descriptor.get("version", ""),
            "license": {
                "name": licence.get("name", ""),
                "title": licence.get("title", ""),
                "url": licence.get("path", ""),
            },  # fmt: skip
            "publisher": metadata.PUBLISHER,
            "modified": metadata.epoch_date(self.epoch).isoformat(),
            "counts": {
                "dokumen": len(package.dokumen),
                "program": len(package.program),
                "sasaran": len(package.sasaran),
                "indikator": len(package.indikator),
                "anomali": len(package.anomali),
            },
            "links": {
                "self": f"{self.base}{API}/index.json",
                "html": self.base,
                "anomali": f"{self.base}{API}/anomali.json",
                "dcat": f"{self.base}{API}/dcat.jsonld",
                "manifest": f"{self.base}{API}/manifest.json",
                "datapackage": f"{self.base}datapackage.json",
            },
            "dokumen": entries("dokumen", package.dokumen.values(), "nama"),
            "program": entries("program", package.program.values(), "nama"),
            "sasaran": entries("sasaran", package.sasaran.values(), "teks"),
            "indikator": entries("indikator", package.indikator.values(), "teks"),
            "downloads": [{**asdict(f), "url": self.base + f.path} for f in downloads],
        }


def _write_api(
    out: _Output,
    package: model.Package,
    base: str,
    epoch: int,
    lengkap: list[dict[str, str]],
    downloads: Sequence[DownloadFile],
) -> None:
    api = _Api(package, base, epoch)
    out.put(f"{API}/index.json", _json_bytes(api.index(downloads)), "Indeks API JSON", "JSON")
    notes = {"anomali": api.anomali(package.anomali.values()),
             "links": {"self": f"{base}{API}/anomali.json", "index": f"{base}{API}/index.json"}}  # fmt: skip
    out.put(f"{API}/anomali.json", _json_bytes(notes), "Semua catatan anomali (JSON)", "JSON", "anomali")
    catalog = metadata.dcat_catalog(package, downloads, epoch)
    out.put(f"{API}/dcat.jsonld", _json_bytes(catalog), "Katalog DCAT (JSON-LD)", "JSON", "",
            "application/ld+json")  # fmt: skip
    for doc in package.dokumen.values():
        out.put(
            f"{API}/dokumen/{doc.id}.json",
            _json_bytes(api.dokumen(doc)),
            f"Dokumen {doc.id}",
            "JSON",
            "dokumen",
        )
    for program in package.program.values():
        data = _json_bytes(api.program(program))
        out.put(f"{API}/program/{program.id}.json", data, f"Program {program.id}", "JSON", "program")
    for sasaran in package.sasaran.values():
        data = _json_bytes(api.sasaran(sasaran))
        out.put(f"{API}/sasaran/{sasaran.id}.json", data, f"Sasaran {sasaran.id}", "JSON", "sasaran")
    for flat in lengkap:
        item = package.indikator[flat["indikator_id"]]
        paths = indikator_links(item.id)
        out.put(
            paths["JSON"], _json_bytes(api.indikator(item, flat)), f"Indikator {item.id}", "JSON", "indikator"
        )
        out.put(
            paths["CSV"], download_csv(LENGKAP_FIELDS, [flat]), f"Indikator {item.id}", "CSV", "indikator"
        )


# ---------------------------------------------------------------- after MkDocs


def _publish_package(package: model.Package, site: Path, epoch: int) -> None:
    """Copy datapackage.json and its data/ files to the site root, so the descriptor works over HTTP."""
    stamp = max(epoch, 0)
    for path, data in package_files(package).items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        os.utime(target, (stamp, stamp))


def check_files(site: Path, manifest: str) -> list[str]:
    """Every problem (in Indonesian) between a manifest and the files under site/."""
    listing = site / manifest
    if not listing.is_file():
        return [f"{manifest} tidak ada di situs hasil bangun; jalankan ulang 'python -m kinerja generate'."]
    problems = []
    for entry in json.loads(listing.read_text(encoding="utf-8")):
        target = site / entry["path"]
        if not target.is_file():
            problems.append(f"{entry['path']}: berkas tidak ada di situs.")
            continue
        data = target.read_bytes()
        if len(data) != entry["size"] or _sha256(data) != entry["sha256"]:
            problems.append(f"{entry['path']}: ukuran atau SHA-256 berbeda dari {manifest}.")
    return problems


def finish_site(package: model.Package, site: Path, epoch: int) -> None:
    """After `mkdocs build`: publish the package files at the site root and check every file.

    Checks that MkDocs copied every download and API file unchanged and that
    the published datapackage.json and data/ match what the manifests announce.
    Raises build.BuildError with every problem found, so nothing half-right is published.
    """
    _publish_package(package, site, epoch)
    problems = check_files(site, f"{API}/manifest.json")
    if problems:
        from .build import BuildError

        shown = "\n".join(f"- {p}" for p in problems[:20])
        more = f"\n- … dan {len(problems) - 20} lagi" if len(problems) > 20 else ""
        raise BuildError(f"{len(problems)} berkas unduhan/API tidak cocok dengan daftarnya:\n{shown}{more}")
