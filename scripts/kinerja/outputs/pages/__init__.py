"""Markdown pages generated from the validated package, from the Jinja2 templates in templates/.

One page per indicator, sasaran, program and document (and per older version
of a document), plus the lists, the performance tree, the glossary and the
data dictionary. Pages are plain Markdown files under content/kinerja/ so that
MkDocs and Zensical build them alike. The templates escape every value unless
it is markup on purpose (see render.py): data is shown, never run.
"""

from __future__ import annotations

from pathlib import Path

from ... import paths
from ...model import Dokumen, Indikator, Package, Program, Sasaran
from . import home, lists, offices, render, rows


def indikator_page(pkg: Package, item: Indikator, changed: int) -> str:
    """The page of one indicator: printed text, target, links, anomalies, realisation, citation, data."""
    return render.template("indikator.md.j2", **rows.indikator(pkg, item, changed))


def sasaran_page(pkg: Package, sasaran: Sasaran, changed: int) -> str:
    """The page of one sasaran: text, document, programs, its indicators, anomalies."""
    return render.template("sasaran.md.j2", **rows.sasaran(pkg, sasaran, changed))


def program_page(pkg: Package, program: Program, changed: int) -> str:
    """The page of one program/activity: name, budget code parts, sasaran and indicators."""
    return render.template("program.md.j2", **rows.program(pkg, program, changed))


def dokumen_page(pkg: Package, doc: Dokumen, changed: int) -> str:
    """The page of one signed table, reading like the paper: every row, in printed order."""
    return render.template("dokumen.md.j2", **rows.dokumen(pkg, doc, changed))


def version_page(pkg: Package, doc: Dokumen, versi: int) -> str:
    """An older version of a document: its table as it was, and what the next version changed."""
    return render.template("versi.md.j2", **rows.version(pkg, doc, versi))


def write_all(pkg: Package, content: Path, changed: int) -> list[Path]:
    """Write every generated page under content/kinerja/; returns the files written.

    `changed` is when the data last changed (the date shown on row pages and in citations).
    """
    written: list[Path] = []

    def put(relative: str, text: str) -> None:
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)

    for item in pkg.indikator.values():
        put(paths.page_source("indikator", item.id), indikator_page(pkg, item, changed))
    for sasaran in pkg.sasaran.values():
        put(paths.page_source("sasaran", sasaran.id), sasaran_page(pkg, sasaran, changed))
    for program in pkg.program.values():
        put(paths.page_source("program", program.id), program_page(pkg, program, changed))
    for doc in pkg.dokumen.values():
        put(paths.page_source("dokumen", doc.id), dokumen_page(pkg, doc, changed))
        for entry in doc.versi[:-1]:
            put(paths.version_source(doc.id, entry.versi), version_page(pkg, doc, entry.versi))
    sections = [
        (paths.list_source("indikator"), "daftar-indikator.md.j2", lists.indikator_index(pkg)),
        (paths.list_source("sasaran"), "daftar-sasaran.md.j2", lists.sasaran_index(pkg)),
        (paths.list_source("program"), "daftar-program.md.j2", lists.program_index(pkg)),
        (paths.list_source("dokumen"), "daftar-dokumen.md.j2", lists.dokumen_index(pkg)),
        (paths.section_source("pohon"), "pohon.md.j2", lists.pohon(pkg)),
        (paths.section_source("glosarium"), "glosarium.md.j2", lists.glosarium(pkg)),
        (paths.section_source("kamus-data"), "kamus-data.md.j2", lists.kamus_data(pkg)),
        (paths.section_source("skala"), "skala.md.j2", lists.skala(pkg)),
        (paths.section_source("_singkatan"), "singkatan.md.j2", lists.glosarium(pkg)),
        (home.FRAGMENT, "_beranda.md.j2", home.beranda(pkg)),
    ]
    if pkg.multi_office:
        for office in pkg.offices_with_documents:
            put(
                paths.page_source("kantor", office.id),
                render.template("kantor.md.j2", **offices.kantor(pkg, office)),
            )
        sections.append((paths.list_source("kantor"), "daftar-kantor.md.j2", offices.kantor_index(pkg)))
        for code in pkg.banding:
            put(
                paths.page_source("banding", code),
                render.template("banding.md.j2", **offices.banding(pkg, code)),
            )
    for source, name, context in sections:
        put(source, render.template(name, **context))
    return written
