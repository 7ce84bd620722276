"""Downloads, all written from the one validated package: ZIP, XLSX, CSV and JSON per table,
the flat indicator table, the source documents, checksums and manifests — and the API beside them.

Every format is made from the same in-memory model, so the files cannot
disagree with each other or with the pages. Files go under content/berkas/
and content/api/v1/ (paths.py); MkDocs copies them into the site, and
publish.finish_site() checks them afterwards against the manifests.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from ... import model, paths
from ...domain import sheet_layout as layout
from .. import api, feed, openapi, sheet_writer
from . import lengkap as flat
from . import sqlite
from .archive import fixed_zip
from .files import DownloadFile, Output, json_bytes, package_files, source_format, source_title
from .tabular import download_csv, typed_row
from .xlsx import package_workbook


def _write_downloads(out: Output, package: model.Package, lengkap: list[dict[str, str]], epoch: int) -> None:
    originals = package_files(package)
    out.put(paths.berkas(f"{package.name}.zip"), fixed_zip(sorted(originals.items()), epoch),
            "Seluruh paket data: datapackage.json, CSV dan teks sumber (ZIP)", "ZIP")  # fmt: skip
    out.put(paths.berkas(f"{package.name}.xlsx"), package_workbook(package, epoch),
            "Seluruh tabel dalam satu buku kerja, dengan kamus data (XLSX)", "XLSX")  # fmt: skip
    out.put(paths.berkas(f"{flat.LENGKAP}.csv"), download_csv(flat.FIELDS, lengkap),
            "Indikator lengkap: satu baris per indikator (CSV)", "CSV")  # fmt: skip
    out.put(paths.berkas(f"{flat.LENGKAP}.xlsx"), flat.lengkap_workbook(package, lengkap, epoch),
            "Indikator lengkap: satu baris per indikator (XLSX)", "XLSX")  # fmt: skip
    out.put(paths.berkas(f"{flat.LENGKAP}.json"), json_bytes([typed_row(r, flat.FIELDS) for r in lengkap]),
            "Indikator lengkap: satu baris per indikator (JSON)", "JSON")  # fmt: skip
    for table in package.tables.values():
        fields, label = table.types, table.title
        out.put(paths.berkas(f"{table.name}.csv"), download_csv(fields, table.rows),
                f"Tabel {label} (CSV)", "CSV", table.name)  # fmt: skip
        out.put(paths.berkas(f"{table.name}.json"), json_bytes([typed_row(r, fields) for r in table.rows]),
                f"Tabel {label} (JSON)", "JSON", table.name)  # fmt: skip
    for path, data in originals.items():
        if path.startswith("data/sumber/"):
            out.put(paths.source_download(path), data, source_title(path), source_format(path))
    _record_published_package(out, package, originals)


def _record_published_package(out: Output, package: model.Package, originals: dict[str, bytes]) -> None:
    titles = {t.path: (t.name, t.title) for t in package.tables.values()}
    for path, data in originals.items():
        if path == "datapackage.json":
            out.record(path, data, "Deskripsi paket data Frictionless (datapackage.json)", "JSON")
        elif path in titles:
            rname, label = titles[path]
            out.record(path, data, f"Tabel {label}, salinan resmi tanpa BOM (CSV)", "CSV", rname)
        else:
            out.record(path, data, source_title(path) + ", salinan resmi", source_format(path))


def _write_feeds(out: Output, package: model.Package, epoch: int) -> None:
    """The Atom feeds of the changes: the site's (the home office's), and one per office if several."""
    home = package.home if package.multi_office else None
    out.put(paths.FEED, feed.atom(package, home, paths.FEED, epoch), "Umpan Atom perubahan data", "ATOM")
    if package.multi_office:
        for office in package.offices_with_documents:
            path = paths.office_feed(office.id)
            out.put(
                path, feed.atom(package, office, path, epoch), f"Umpan Atom perubahan {office.nama}", "ATOM"
            )


def _write_sheets(out: Output, package: model.Package, epoch: int) -> None:
    """The realisation sheets of the site's own documents, to fill in and upload (maintainers' page)."""
    for doc in package.site_documents:
        name = layout.file_name(doc.id)
        command = f"unggah ke masukan/ lewat GitHub, atau: make import SRC=masukan/{name}"
        out.put(paths.sheet_download(name), sheet_writer.sheet_bytes(package, doc.id, epoch, command),
                f"Lembar realisasi {doc.nama} (XLSX)", "XLSX")  # fmt: skip


def _write_checksums(out: Output) -> list[DownloadFile]:
    """SHA256SUMS and berkas/manifest.json for the downloads listed so far; returns that list."""
    lines = "".join(f"{f.sha256}  {f.path}\n" for f in out.files)
    out.put(paths.berkas("SHA256SUMS"), lines.encode("utf-8"), "Daftar SHA-256 semua berkas unduhan (TXT)",
            "TXT")  # fmt: skip
    downloads = list(out.files)
    out.put(paths.berkas("manifest.json"), json_bytes([asdict(f) for f in downloads]),
            "Daftar berkas unduhan dengan ukuran dan SHA-256 (JSON)", "JSON")  # fmt: skip
    return downloads


def write_all(package: model.Package, content: Path, epoch: int) -> list[DownloadFile]:
    """Write every download and API file under content/, and return them in a stable order.

    The list also holds datapackage.json and data/* at their site paths:
    publish.finish_site() copies those after MkDocs and checks them like the rest.
    """
    base = paths.site_url()
    out = Output(content)
    lengkap = flat.lengkap_rows(package, base)
    _write_downloads(out, package, lengkap, epoch)
    sqlite.write_sqlite(out, package)
    _write_feeds(out, package, epoch)
    _write_sheets(out, package, epoch)
    downloads = _write_checksums(out)
    api.write_api(out, package, base, epoch, lengkap, downloads)
    openapi.write_openapi(out, package, base)
    out.put(paths.API_MANIFEST, json_bytes([asdict(f) for f in out.files]),
            "Daftar semua berkas yang diterbitkan (JSON)", "JSON")  # fmt: skip
    return out.files[:-1]
