"""The package as downloads: ZIP, XLSX, the flat indicator table, CSV and JSON per table, the sources.

Every format is made from the same in-memory model, so the files cannot
disagree with each other or with the pages. The package's own files
(datapackage.json, data/*) are listed too: publish.finish_site() copies them
after the site engine and checks them like the rest.
"""

from __future__ import annotations

from ... import model, paths
from ..job import Job
from . import lengkap as flat
from .archive import fixed_zip
from .files import Output, json_bytes, package_files, source_format, source_title
from .tabular import download_csv, typed_row
from .xlsx import package_workbook


def write(job: Job) -> None:
    """Write the package's downloads under content/berkas/ and list the package's own files."""
    out, package, lengkap, epoch = job.out, job.package, job.lengkap, job.changed
    originals = package_files(package)
    out.put(paths.berkas(f"{package.name}.zip"), fixed_zip(sorted(originals.items()), epoch),
            "Seluruh paket data: datapackage.json, CSV dan teks sumber (ZIP)", "ZIP")  # fmt: skip
    out.put(paths.berkas(f"{package.name}.xlsx"), package_workbook(package, epoch),
            "Seluruh tabel dalam satu buku kerja, dengan kamus data (XLSX)", "XLSX")  # fmt: skip
    out.put(paths.berkas(f"{paths.LENGKAP}.csv"), download_csv(flat.FIELDS, lengkap),
            "Indikator lengkap: satu baris per indikator (CSV)", "CSV")  # fmt: skip
    out.put(paths.berkas(f"{paths.LENGKAP}.xlsx"), flat.lengkap_workbook(package, lengkap, epoch),
            "Indikator lengkap: satu baris per indikator (XLSX)", "XLSX")  # fmt: skip
    out.put(paths.berkas(f"{paths.LENGKAP}.json"), json_bytes([typed_row(r, flat.FIELDS) for r in lengkap]),
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
