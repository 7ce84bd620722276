"""The pages that are not one row (lists, tree, glossary, dictionary): what their templates are given."""

from __future__ import annotations

from ... import paths
from ...domain import satu_data
from ...model import Dokumen, Indikator, Package, Program, Sasaran
from ..job import Job
from . import render
from .render import href
from .rows import Context


def documents(pkg: Package) -> list[Dokumen]:
    """The documents the site-wide lists show (model.Package.site_documents)."""
    return pkg.site_documents


def _scope(pkg: Package, here: str | None) -> Context:
    """What every site-wide list says about offices: nothing with one; with several, whose rows it holds."""
    if not pkg.multi_office:
        return {"home": None, "offices": None, "office_count": 1}
    return {
        "home": pkg.home,
        "offices": href(paths.list_link(here, "kantor")),
        "office_count": len(pkg.offices_with_documents),
    }


def indikator_index(pkg: Package) -> Context:
    """Context of daftar-indikator.md.j2: every indicator in printed order, document by document."""
    docs = documents(pkg)
    return {
        "here": "indikator",
        "pkg": pkg,
        "documents": docs,
        "count": sum(len(d.indikator) for d in docs),
        **_scope(pkg, "indikator"),
    }


def sasaran_index(pkg: Package) -> Context:
    """Context of daftar-sasaran.md.j2: the documents, each listing its sasaran."""
    return {"here": "sasaran", "dokumen": documents(pkg), **_scope(pkg, "sasaran")}


def program_index(pkg: Package) -> Context:
    """Context of daftar-program.md.j2: the documents that print programs (only the Sekretariat's)."""
    return {"here": "program", "dokumen": [d for d in documents(pkg) if d.program], **_scope(pkg, "program")}


def dokumen_index(pkg: Package) -> Context:
    """Context of daftar-dokumen.md.j2: the documents by year, newest year first."""
    docs = documents(pkg)
    years = sorted({d.tahun for d in docs}, reverse=True)
    return {
        "here": "dokumen",
        "years": [(year, [d for d in docs if d.tahun == year]) for year in years],
        **_scope(pkg, "dokumen"),
    }


def _branches(
    pkg: Package, doc: Dokumen
) -> list[tuple[Program | None, list[tuple[Sasaran, list[Indikator]]]]]:
    """A document's rows as the tree draws them: runs of one program, in them runs of one sasaran."""
    groups: list[tuple[Program | None, list[tuple[Sasaran, list[Indikator]]]]] = []
    for item in doc.indikator:
        program = pkg.program.get(item.program_id)
        if not groups or groups[-1][0] is not program:
            groups.append((program, []))
        runs = groups[-1][1]
        if not runs or runs[-1][0].id != item.sasaran_id:
            runs.append((pkg.sasaran[item.sasaran_id], []))
        runs[-1][1].append(item)
    return groups


def pohon(pkg: Package) -> Context:
    """Context of pohon.md.j2: per document its programs, their sasaran and their indicators."""
    return {"here": None, "tree": [(doc, _branches(pkg, doc)) for doc in documents(pkg)], **_scope(pkg, None)}


def glosarium(pkg: Package) -> Context:
    """Context of glosarium.md.j2 and singkatan.md.j2: the acronyms (alphabetical for the page)."""
    return {
        "sorted_rows": sorted(pkg.glosarium, key=lambda r: r.singkatan.casefold()),
        "rows": pkg.glosarium,
    }


def skala(pkg: Package) -> Context:
    """Context of skala.md.j2: each named category scale, best category first, with its source."""
    names = dict.fromkeys(c.skala for c in pkg.skala_kategori.categories)
    return {"scales": [(paths.anchor(n), pkg.skala_kategori.of(n)) for n in names], "here": None}


def kamus_data(pkg: Package) -> Context:
    """Context of kamus-data.md.j2: every resource with its fields, keys and constraints,
    and the dataset's Satu Data Indonesia elements (value or "belum ditetapkan", legal basis)."""
    return {
        "tables": [(table, table.foreign_keys) for table in pkg.tables.values()],
        "satu_data": satu_data.rows(pkg.satu_data),
    }


def write(job: Job) -> None:
    """Write the list of each kind of row, the tree, the glossary, the data dictionary and the scales."""
    pkg = job.package
    for source, name, context in (
        (paths.list_source("indikator"), "daftar-indikator.md.j2", indikator_index(pkg)),
        (paths.list_source("sasaran"), "daftar-sasaran.md.j2", sasaran_index(pkg)),
        (paths.list_source("program"), "daftar-program.md.j2", program_index(pkg)),
        (paths.list_source("dokumen"), "daftar-dokumen.md.j2", dokumen_index(pkg)),
        (paths.section_source("pohon"), "pohon.md.j2", pohon(pkg)),
        (paths.section_source("glosarium"), "glosarium.md.j2", glosarium(pkg)),
        (paths.section_source("kamus-data"), "kamus-data.md.j2", kamus_data(pkg)),
        (paths.section_source("skala"), "skala.md.j2", skala(pkg)),
        (paths.section_source("_singkatan"), "singkatan.md.j2", glosarium(pkg)),
    ):
        job.page(source, render.template(name, **context))
