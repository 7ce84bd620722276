"""The page of each row: every indicator, sasaran, program and document, and each older version.

Each page is its Jinja2 template (templates/) filled from a context of rows.py;
the page's file and address come from paths.py.
"""

from __future__ import annotations

from ... import paths
from ...model import Dokumen, Indikator, Package, Program, Sasaran
from ..job import Job
from . import render, rows


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


def write(job: Job) -> None:
    """Write the page of every row, and of every older version of a document, under content/kinerja/.

    The date shown on a page and in its citation is when its office's data last changed
    (`job.changed_for`): one office's update leaves the pages of the others as they were.
    """
    pkg = job.package

    def changed(dokumen_id: str) -> int:
        return job.changed_for(pkg.dokumen[dokumen_id].kantor)

    for item in pkg.indikator.values():
        job.page(paths.page_source("indikator", item.id), indikator_page(pkg, item, changed(item.dokumen_id)))
    for sasaran in pkg.sasaran.values():
        page = sasaran_page(pkg, sasaran, changed(sasaran.dokumen_id))
        job.page(paths.page_source("sasaran", sasaran.id), page)
    for program in pkg.program.values():
        page = program_page(pkg, program, changed(program.dokumen_id))
        job.page(paths.page_source("program", program.id), page)
    for doc in pkg.dokumen.values():
        job.page(paths.page_source("dokumen", doc.id), dokumen_page(pkg, doc, changed(doc.id)))
        for entry in doc.versi[:-1]:
            job.page(paths.version_source(doc.id, entry.versi), version_page(pkg, doc, entry.versi))
