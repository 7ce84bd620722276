"""What the template of each row page is given: the row, its neighbours, links and citation.

Values stay as the model holds them (templates escape them); only what is
markup on purpose is built here, through render.href on a kinerja.paths rule.
"""

from __future__ import annotations

from typing import Any

from ... import paths
from ...domain import versions
from ...model import Dokumen, Indikator, Kantor, Package, Program, Sasaran
from .. import embed, metadata, rules, share_image
from .render import href

Context = dict[str, Any]


def _citation(pkg: Package, kind: str, title: str, identifier: str, changed: int) -> Context:
    """The ready-to-paste citation of a row and its permanent address."""
    url = paths.absolute(paths.page_url(kind, identifier))
    return {
        "kutipan": metadata.citation(
            pkg.publisher, title, identifier, url, changed, provisional=not paths.site_url_is_set()
        ),
        "url": href(url),
        "url_tetap": paths.site_url_is_set(),
        "changed": changed,
        "here": kind,
    }


def about_districts(pkg: Package, item: Indikator) -> list[Kantor]:
    """For an indicator of a province that speaks of its kabupaten/kota, those offices (our reading)."""
    office = pkg.dokumen[item.dokumen_id].kantor
    if office is None or office.jenis != "provinsi" or "kabupaten" not in item.teks.casefold():
        return []
    return [child for child in office.anak if child.dokumen]


def _offices(pkg: Package, doc: Dokumen) -> Context:
    """What a row page shows of offices: nothing with one office; with several, its office's link."""
    if not pkg.multi_office:
        return {"office": None}
    return {"office": doc.kantor}


def share(pkg: Package, item: Indikator) -> Context:
    """What an indicator's page says about its share picture (front matter) and its embeddable card.

    The picture's address is absolute when the build has the site's real address; with a provisional
    one it is relative to the page (bagikan.png), so a preview never names a guessed host.
    """
    card = share_image.facts(pkg, item)
    real = paths.site_url_is_set()
    return {
        "gambar": paths.absolute(paths.share_image(item.id)) if real else paths.SHARE_IMAGE,
        "gambar_alt": card.alt,
        "gambar_ukuran": (share_image.WIDTH, share_image.HEIGHT),
        "gambar_link": href(paths.share_image_link(item.id)),
        "sematan": embed.snippet(card, paths.absolute(paths.embed(item.id))),
        "sematan_link": href(paths.embed_link(item.id)),
    }


def indikator(pkg: Package, item: Indikator, changed: int) -> Context:
    """Context of indikator.md.j2: the indicator, its sasaran, program, document and data files."""
    files = sorted(paths.indikator_files(item.id).items())
    scale = pkg.skala_kategori.of(item.target_skala) if item.target_jenis == "kategori" else []
    return {
        **_citation(pkg, "indikator", item.teks, item.id, changed),
        "item": item,
        "reading": rules.reading(item, pkg),
        "aturan": rules.aturan(item, pkg),
        "skala_nama": scale[0].nama_skala if scale else "",
        "skala_sumber": scale[0].sumber if scale else "",
        "skala_urutan": [c.kategori for c in scale],
        "skala_link": href(paths.section_from_row("skala", paths.anchor(item.target_skala))),
        **_offices(pkg, pkg.dokumen[item.dokumen_id]),
        **share(pkg, item),
        "banding": item.banding if pkg.multi_office else "",
        "districts": about_districts(pkg, item) if pkg.multi_office else [],
        "doc": pkg.dokumen[item.dokumen_id],
        "tahun": pkg.dokumen[item.dokumen_id].tahun,
        "sasaran": pkg.sasaran[item.sasaran_id],
        "program": pkg.program.get(item.program_id),
        "others": [(i, pkg.dokumen[pkg.indikator[i].dokumen_id].tahun) for i in item.tahun_lain],
        "files": [(name, href(paths.site_link(path))) for name, path in files],
        "unduh": href(paths.site_link(paths.handwritten("unduh"))),
        "api": href(paths.site_link(paths.handwritten("api"))),
    }


def sasaran(pkg: Package, sasaran: Sasaran, changed: int) -> Context:
    """Context of sasaran.md.j2: the sasaran, its document, programs, twins and indicators."""
    programs = sorted({i.program_id for i in sasaran.indikator if i.program_id})
    return {
        **_citation(pkg, "sasaran", sasaran.teks, sasaran.id, changed),
        "sasaran": sasaran,
        "doc": pkg.dokumen[sasaran.dokumen_id],
        **_offices(pkg, pkg.dokumen[sasaran.dokumen_id]),
        "programs": [pkg.program[p] for p in programs],
        "same": pkg.sasaran[sasaran.sama_dengan] if sasaran.sama_dengan else None,
    }


def program(pkg: Package, program: Program, changed: int) -> Context:
    """Context of program.md.j2: the program, its codes, and its indicators grouped by sasaran."""
    by_sasaran: dict[str, list[Indikator]] = {}
    for item in program.indikator:
        by_sasaran.setdefault(item.sasaran_id, []).append(item)
    return {
        **_citation(pkg, "program", program.teks_dicetak, program.id, changed),
        "program": program,
        "doc": pkg.dokumen[program.dokumen_id],
        **_offices(pkg, pkg.dokumen[program.dokumen_id]),
        "groups": [(pkg.sasaran[s], items) for s, items in by_sasaran.items()],
    }


def _table(pkg: Package, doc: Dokumen) -> list[Context]:
    """The rows of a document as printed: a page break before the first row of each table page,
    the sasaran only on the first row of its run (the merged cell of the paper)."""
    rows: list[Context] = []
    page = 0
    previous = ""
    for item in doc.indikator:
        row: Context = {"item": item, "page": None, "sasaran": None}
        if item.halaman_tabel != page:
            page = row["page"] = item.halaman_tabel
        if item.sasaran_id != previous:
            row["sasaran"] = pkg.sasaran[item.sasaran_id]
            previous = item.sasaran_id
        rows.append(row)
    return rows


def _versions(pkg: Package, doc: Dokumen) -> Context | None:
    """The list of versions and what the latest changed, when the document has been revised."""
    if len(doc.versi) < 2:
        return None
    previous = doc.versi[-2].versi
    return {
        "entries": [(entry, href(paths.version_link(doc.id, entry.versi))) for entry in doc.versi],
        "previous": previous,
        "changes": versions.changes(pkg.arsip[(doc.id, previous)]["indikator"], pkg.rows_of(doc.id)),
    }


def _text_form(pkg: Package, doc: Dokumen) -> Context:
    """For a Word or PDF source, the text form kept beside it (x.docx.txt, x.pdf.txt), when listed."""
    text = doc.sumber + ".txt"
    if not doc.sumber.lower().endswith((".docx", ".pdf")) or text not in {s.get("path") for s in pkg.sources}:
        return {"text_form": "", "text_form_link": ""}
    return {
        "text_form": text.rsplit("/", 1)[-1],
        "text_form_link": href(paths.site_link(paths.source_download(text))),
    }


def dokumen(pkg: Package, doc: Dokumen, changed: int) -> Context:
    """Context of dokumen.md.j2: the signed table row by row, its notes, versions and other years."""
    columns = doc.kolom_dicetak.split(" | ")
    same_office = doc.kantor.dokumen if doc.kantor else list(pkg.dokumen.values())
    others = [d for d in same_office if d.jenis == doc.jenis and d.tahun != doc.tahun]
    return {
        **_citation(pkg, "dokumen", doc.nama, doc.id, changed),
        "doc": doc,
        **_offices(pkg, doc),
        "columns": columns,
        "has_program": len(columns) == 4,
        "others": sorted(others, key=lambda d: d.tahun),
        "sumber": doc.sumber.rsplit("/", 1)[-1],
        "sumber_link": href(paths.site_link(paths.source_download(doc.sumber))),
        **_text_form(pkg, doc),
        "rows": _table(pkg, doc),
        "versions": _versions(pkg, doc),
    }


def version(pkg: Package, doc: Dokumen, versi: int) -> Context:
    """Context of versi.md.j2: an older version's rows as they were, and what the next one changed."""
    entry = next(e for e in doc.versi if e.versi == versi)
    following = next(e for e in doc.versi if e.versi == versi + 1)
    rows = pkg.arsip[(doc.id, versi)]
    sasaran = {r["id"]: r["teks"] for r in rows["sasaran"]}
    newer = pkg.arsip.get((doc.id, versi + 1))
    return {
        "here": "dokumen",
        "doc": doc,
        "entry": entry,
        "following": following,
        "current": href(paths.version_document_link(doc.id)),
        "rows": [
            {**row, "sasaran": sasaran.get(row["sasaran_id"], "")}
            for row in sorted(rows["indikator"], key=lambda r: int(r["urutan"]))
        ],
        "found": versions.changes(rows["indikator"], newer["indikator"] if newer else pkg.rows_of(doc.id)),
    }
