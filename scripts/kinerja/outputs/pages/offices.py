"""What the templates of the office pages are given, when the package holds several offices.

An office's page lists its documents, sasaran and indicators year by year; the
office list groups offices under their parent; a comparison page sets one
indicator text of one year side by side across offices. With one office none
of these pages exist and the site reads as before.
"""

from __future__ import annotations

from ... import paths
from ...model import Kantor, Package
from ..job import Job
from . import render
from .render import href
from .rows import Context


def kantor(pkg: Package, office: Kantor) -> Context:
    """Context of kantor.md.j2: the office, its parent and children, and its rows by year (newest first)."""
    years = sorted({doc.tahun for doc in office.dokumen}, reverse=True)
    parent = pkg.kantor.get(office.induk)
    children = [c for c in office.anak if c.dokumen]
    return {
        "here": "kantor",
        "office": office,
        "parent": parent if parent and parent.dokumen else None,
        "children": children,
        "years": [(year, [d for d in office.dokumen if d.tahun == year]) for year in years],
        "offices": href(paths.list_link("kantor", "kantor")),
        "search": href(paths.office_search(office.id, office is pkg.home)),
    }


def _groups(pkg: Package) -> list[tuple[Kantor | None, list[Kantor]]]:
    """Offices with documents under their parent: top-level offices first, each with its children."""
    holding = pkg.offices_with_documents
    ids = {o.id for o in holding}
    tops = [o for o in holding if o.induk not in ids]
    return [(top, [c for c in holding if c.induk == top.id]) for top in tops]


def kantor_index(pkg: Package) -> Context:
    """Context of daftar-kantor.md.j2: every office with documents, grouped under its parent."""
    return {"here": "kantor", "groups": _groups(pkg), "count": len(pkg.offices_with_documents)}


def banding(pkg: Package, code: str) -> Context:
    """Context of banding.md.j2: one indicator text of one year, office by office."""
    items = pkg.banding[code]
    first = items[0]
    rows = []
    for item in items:
        doc = pkg.dokumen[item.dokumen_id]
        last = item.realisasi[-1] if item.realisasi else None
        rows.append({"item": item, "doc": doc, "office": doc.kantor, "last": last})
    return {
        "here": "banding",
        "first": first,
        "tahun": pkg.dokumen[first.dokumen_id].tahun,
        "rows": rows,
        "offices": len({pkg.dokumen[item.dokumen_id].kantor_id for item in items}),
    }


def write(job: Job) -> None:
    """With several offices: the page of each office with documents, their list, and each comparison."""
    pkg = job.package
    if not pkg.multi_office:
        return
    for office in pkg.offices_with_documents:
        page = render.template("kantor.md.j2", **kantor(pkg, office))
        job.page(paths.page_source("kantor", office.id), page)
    job.page(paths.list_source("kantor"), render.template("daftar-kantor.md.j2", **kantor_index(pkg)))
    for code in pkg.banding:
        job.page(paths.page_source("banding", code), render.template("banding.md.j2", **banding(pkg, code)))
