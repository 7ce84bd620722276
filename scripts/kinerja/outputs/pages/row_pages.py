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

    `job.changed` (when the data last changed) is the date shown on the pages and in citations.
    """
    pkg, changed = job.package, job.changed
    for item in pkg.indikator.values():
        job.page(paths.page_source("indikator", item.id), indikator_page(pkg, item, changed))
    for sasaran in pkg.sasaran.values():
        job.page(paths.page_source("sasaran", sasaran.id), sasaran_page(pkg, sasaran, changed))
    for program in pkg.program.values():
        job.page(paths.page_source("program", program.id), program_page(pkg, program, changed))
    for doc in pkg.dokumen.values():
        job.page(paths.page_source("dokumen", doc.id), dokumen_page(pkg, doc, changed))
        for entry in doc.versi[:-1]:
            job.page(paths.version_source(doc.id, entry.versi), version_page(pkg, doc, entry.versi))
